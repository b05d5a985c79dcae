import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { mutate, valueOf } from './fuzz-values.js';
import type { OpenApiDoc, Operation, Pools } from './openapi-fuzz.js';

/** What a fuzzed request (./openapi-fuzz.ts) carries: its body, its authorization and its other headers. */

// --- bodies -----------------------------------------------------------------------------------------------

/** Just over Fastify's default body limit of 1 MiB. */
const BODY_LIMIT = 1024 * 1024;
const overLimitJson = `{"a":"${'x'.repeat(BODY_LIMIT)}"}`;
const overLimitBytes = Buffer.alloc(BODY_LIMIT + 10, 0xff);

const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'text/html',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json ; x=y',
  'application/jsonx',
  'application/*',
  '*/*',
  ';',
  'application/problem+json',
  '',
  'application/json, text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset="',
  '\ttext/plain',
  'a'.repeat(5000),
];
const ENCODINGS = ['gzip', 'deflate', 'br', 'identity', 'x-garbage', 'gzip, gzip', 'GZIP', 'compress', 'zstd', ''];
const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0xc3, 0x28],
  [0xe2, 0x28, 0xa1],
  [0xf0, 0x28, 0x8c, 0x28],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0x00],
];

type Body = { kind: string; payload?: string | Buffer; headers: Record<string, string> };

/** A body the operation takes (none when it takes none). */
export function goodBodyOf(op: Operation, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<Body> {
  if (!op.body) return fc.constant({ kind: 'none', headers: {} });
  return valueOf(op.body, doc, pools, true).map((v) => ({
    kind: 'schema',
    payload: JSON.stringify(v) ?? 'null',
    headers: { 'content-type': 'application/json' },
  }));
}

/** Bodies: derived from the schema, mutated, random, not JSON, not UTF-8, over the limit, encoded, mislabelled. */
export function bodyOf(op: Operation, doc: OpenApiDoc, pools: Pools) {
  const valid = valueOf(op.body ?? undefined, doc, pools, false);
  const strict = valueOf(op.body ?? undefined, doc, pools, true);
  const json = (kind: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
    value.map((v) => ({ kind, payload: JSON.stringify(v) ?? 'null', headers: { 'content-type': 'application/json' } }));
  const bodies: { arbitrary: fc.Arbitrary<Body>; weight: number }[] = [
    { weight: 2, arbitrary: json('schema', strict) },
    { weight: 2, arbitrary: json('schema-loose', valid) },
    { weight: 8, arbitrary: json('mutated', valid.chain(mutate)) },
    { weight: 2, arbitrary: json('random-json', fc.jsonValue()) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ unit: 'binary' }),
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,2',
            'null x',
            '\u0000',
            "{'a':1}",
            'NaN',
            '{"a":1}{"b":2}',
            ' ',
            '{"a":1,}',
            '01',
            '"\\u12"',
            '[]]',
            '{"__proto__":{"x":1}}',
          ),
        )
        .map((payload) => ({ kind: 'not-json', payload, headers: { 'content-type': 'application/json' } })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.constantFrom(...ODD_CONTENT_TYPES)).map(([v, type]) => ({
        kind: 'content-type',
        payload: JSON.stringify(v) ?? '',
        headers: { 'content-type': type },
      })),
    },
    {
      weight: 1,
      arbitrary: valid.map((v) => ({
        kind: 'form',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(
          Object.entries(v && typeof v === 'object' ? v : { v }).map(([k, x]) => [
            k,
            typeof x === 'string' ? x : (JSON.stringify(x) ?? ''),
          ]),
        ).toString(),
      })),
    },
    {
      weight: 1,
      arbitrary: valid.map((v) => ({ kind: 'no-content-type', payload: JSON.stringify(v) ?? '', headers: {} })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { kind: 'over-limit', payload: overLimitJson, headers: { 'content-type': 'application/json' } },
        { kind: 'over-limit', payload: overLimitBytes, headers: { 'content-type': 'application/json' } },
        { kind: 'over-limit', payload: overLimitJson, headers: { 'content-type': 'text/plain' } },
        {
          kind: 'over-limit',
          payload: overLimitJson,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...INVALID_UTF8), fc.nat()).map(([v, bytes, at]) => {
        const text = JSON.stringify(v) ?? '';
        // Inside the first string value when there is one, so the JSON stays well-formed around the bad bytes.
        const inString = text.indexOf(':"');
        const cut = inString >= 0 ? inString + 2 : at % (text.length + 1);
        return {
          kind: 'invalid-utf8',
          headers: { 'content-type': 'application/json' },
          payload: Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from(bytes), Buffer.from(text.slice(cut))]),
        };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...ENCODINGS), fc.boolean()).map(([v, encoding, gzipped]) => {
        const text = JSON.stringify(v) ?? '';
        return {
          kind: 'content-encoding',
          payload: gzipped ? gzipSync(text) : text,
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom('abc', '-1', '0', '1', '99999999', '1e3', ' 5', '18446744073709551616'))
        .map(([v, length]) => ({
          kind: 'content-length',
          payload: JSON.stringify(v) ?? '',
          headers: { 'content-type': 'application/json', 'content-length': length },
        })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'empty', headers: { 'content-type': 'application/json' } }) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none', headers: {} }) },
  ];
  return fc.oneof(...bodies);
}

// --- headers ----------------------------------------------------------------------------------------------

export function authorizationOf(pools: Pools): fc.Arbitrary<string | undefined> {
  const own = pools.token ? [pools.token] : [];
  const real = [...own, ...pools.otherTokens];
  const latin1 = fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 60,
  });
  return fc.oneof(
    ...own.map((t) => ({ arbitrary: fc.constant(`Bearer ${t}`), weight: 12 })),
    { arbitrary: fc.constantFrom(...real.map((t) => `Bearer ${t}`), ...(real.length ? [] : ['Bearer x'])), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        'Bearer',
        'Bearer ',
        'bearer',
        'Basic dXNlcjpwYXNz',
        'Digest x',
        'Token abc',
        'Bearer a b',
        'Bearer\tabc',
        `Bearer ${'x'.repeat(10_000)}`,
        'Bearer cs_',
        'Bearer cs_\u00ff\u00fe',
        '',
        ' ',
        ...real.flatMap((t) => [
          `bearer ${t}`,
          t,
          `Bearer ${t} extra`,
          `Bearer  ${t}  `,
          `Bearer ${t.slice(0, -1)}`,
          `Bearer ${t}x`,
          `Basic ${t}`,
        ]),
      ),
      weight: 3,
    },
    { arbitrary: latin1.map((s) => `Bearer ${s}`), weight: 1 },
  );
}

export const otherHeaders = fc.record(
  {
    accept: fc.constantFrom(
      'application/json',
      'text/html',
      'application/xml',
      '*/*',
      '',
      'application/problem+json',
      'image/png;q=0',
    ),
    cookie: fc.constantFrom(
      'cs_session=garbage',
      '=;;==',
      `cs_session=${'x'.repeat(5000)}`,
      'cs_session=%',
      'cs_session="unterminated',
    ),
    'accept-language': fc.constantFrom('fr', 'nl-BE,nl;q=0.9', '*', 'xx', ';q=', 'a'.repeat(1000)),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', '::1, 10.0.0.1', ''),
    'transfer-encoding': fc.constantFrom('chunked', 'gzip', 'garbage'),
    'if-none-match': fc.constantFrom('*', '"x"', 'W/'),
    range: fc.constantFrom('bytes=0-1', 'bytes=garbage'),
  },
  { requiredKeys: [] },
);
