import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/**
 * Random and malformed requests for the operations of an OpenAPI 3 document: bodies derived from the request
 * schemas (then mutated), random JSON, bytes that are not JSON or not UTF-8, wrong content types and encodings,
 * bodies over the limit, odd path parameters, query strings and authorization headers.
 */

export type JsonSchema = Record<string, unknown>;
export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

export interface Operation {
  method: Method;
  /** As in the document: /api/v1/contacts/{id}. */
  path: string;
  pathParams: string[];
  query: Parameter[];
  body: JsonSchema | null;
}

export function operationsOf(doc: OpenApiDoc, prefix: string): Operation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase() as Method,
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
    );
}

/** Values a test knows to be real, so that some requests get past authentication and lookups. */
export interface Pools {
  /** Ids that exist (contacts, requests, services, accounts): a request with one reaches the handler's checks. */
  ids: string[];
  /** Handles that exist. */
  handles: string[];
  /** The token that lets a caller use this operation (null: the operation takes none). */
  token: string | null;
  /** Other real tokens (another role, the admin key). */
  otherTokens: string[];
}

export interface FuzzRequest {
  kind: string;
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

// --- values from a schema ---------------------------------------------------------------------------------

/**
 * A value the schema accepts, or nearly: `strict`, one the product should accept too (plausible strings only);
 * otherwise also any string the schema allows, which the product's own checks may refuse.
 */
export function valueOf(
  schema: JsonSchema | undefined,
  doc: OpenApiDoc,
  pools: Pools,
  strict: boolean,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const ref = schema.$ref as string | undefined;
  if (ref) {
    const target = doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unresolved ${ref}`);
    return valueOf(target, doc, pools, strict, name, depth + 1);
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, doc, pools, strict, name, depth + 1)));
  if (schema.allOf) return valueOf((schema.allOf as JsonSchema[])[0], doc, pools, strict, name, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = ([] as unknown[]).concat(schema.type ?? []) as string[];
  const nullable = schema.nullable === true || types.includes('null');
  const type = types.find((t) => t !== 'null');
  if (nullable && !type && types.length) return fc.constant(null);
  const value = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, sub] of Object.entries(properties))
          model[key] = valueOf(sub, doc, pools, strict, key, depth + 1);
        return fc.record(model, { requiredKeys: ((schema.required ?? []) as string[]).filter((k) => k in model) });
      }
      case 'array': {
        const items = valueOf(schema.items as JsonSchema | undefined, doc, pools, strict, name, depth + 1);
        return fc.array(items, {
          minLength: (schema.minItems as number | undefined) ?? 0,
          maxLength: (schema.maxItems as number | undefined) ?? 4,
        });
      }
      case 'integer':
        return fc.integer({
          min: (schema.minimum as number | undefined) ?? -1000,
          max: (schema.maximum as number | undefined) ?? 1000,
        });
      case 'number':
        return fc.double({
          min: (schema.minimum as number | undefined) ?? -1000,
          max: (schema.maximum as number | undefined) ?? 1000,
          noNaN: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringOf(schema, pools, name, strict);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

/** Strings the product takes, by the property's name; `odd`: ones it should refuse with a 400 or 422. */
const plausible: Record<string, fc.Arbitrary<string>> = {
  email: fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,5})?@[a-z0-9]{1,10}\.(fr|nl|com|example)$/),
  phone: fc.constantFrom('+33 6 12 34 56 78', '+32470123456', '0031 6 12345678', ''),
  country: fc.constantFrom('FR', 'be', 'NL', ''),
  text: fc.stringMatching(/^[A-Z][a-z]{1,10}([ '-][A-Z][a-z]{1,10})?$/),
  password: fc.stringMatching(/^[A-Za-z0-9!?]{12,24}$/),
  token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  date: fc.integer({ min: 3_600_000, max: 29 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString()),
  kind: fc.constantFrom('domain', 'hosting', 'server', 'vps'),
};
const odd: Record<string, fc.Arbitrary<string>> = {
  email: fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', '@x.fr', 'a b@c.fr', 'x'.repeat(250) + '@a.fr')),
  phone: fc.constantFrom('0612345678', '+1', '+33 6', '++33612345678', '+33 6 12 34 56 78 90 12 34'),
  country: fc.constantFrom('XX', 'FRA', 'F', '12'),
  date: fc.integer({ min: -86_400_000, max: 60 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString()),
};

function stringOf(schema: JsonSchema, pools: Pools, name: string, strict: boolean): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 40, 300);
  const hinted = ((): fc.Arbitrary<string> => {
    if (schema.format === 'date-time' || /At$/.test(name)) return plausible.date!;
    if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern as string));
    if (name === 'email' || schema.format === 'email') return plausible.email!;
    if (
      name === 'to' ||
      name === 'billingContact' ||
      name === 'handle' ||
      ['admin', 'tech', 'billing'].includes(name)
    ) {
      return fc.constantFrom(...pools.handles);
    }
    if (name === 'ownerId') return fc.constantFrom(...pools.ids);
    if (/password/i.test(name)) return plausible.password!;
    return plausible[name] ?? plausible.text!;
  })();
  if (strict) return hinted.map((v) => v.slice(0, maxLength)).filter((v) => v.length >= minLength);
  const loose = [
    fc.string({ minLength, maxLength }),
    ...(odd[name] ? [odd[name]] : []),
    ...(name === 'date' || /At$/.test(name) ? [odd.date!] : []),
  ];
  return fc.oneof({ arbitrary: hinted, weight: 3 }, ...loose.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

// --- mutations --------------------------------------------------------------------------------------------

const hugeString = 'x'.repeat(100_000);

/** Values that break a schema, or a database, or a parser that trusts its input. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom<unknown>(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\uffff',
    '\u202e',
    '💥'.repeat(50),
    hugeString,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1,
    true,
    null,
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
    { $ne: null },
    '1 OR 1=1',
    "'; drop table accounts; --",
    '../../etc/passwd',
    '%00',
    '${7*7}',
    '<script>alert(1)</script>',
    'null',
    'undefined',
    'NaN',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2024-02-30T00:00:00Z',
  ),
);

export function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    const ops: fc.Arbitrary<unknown>[] = [
      fc.tuple(fc.string({ maxLength: 20 }), oddValue).map(([k, v]) => ({ ...object, [k]: v })),
      fc.constant({ ...object, ['__proto__']: { admin: true } }),
      fc.constant({ ...object, constructor: { prototype: { admin: true } } }),
      oddValue,
    ];
    if (keys.length) {
      ops.push(
        fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(object).filter(([key]) => key !== k))),
        fc.tuple(fc.constantFrom(...keys), oddValue).map(([k, v]) => ({ ...object, [k]: v })),
        fc.constantFrom(...keys).chain((k) => mutate(object[k]).map((v) => ({ ...object, [k]: v }))),
      );
    }
    return fc.oneof(...ops);
  }
  if (Array.isArray(value)) {
    return fc.oneof(
      oddValue,
      fc.tuple(fc.array(oddValue, { maxLength: 3 })).map(([extra]) => [...value, ...extra]),
      fc.constant(Array.from({ length: 1000 }, () => value[0] ?? 'x')),
    );
  }
  if (typeof value === 'string') {
    return fc.oneof(
      oddValue,
      fc.constantFrom(value.toUpperCase(), ` ${value} `, `${value}\u0000`, value.repeat(50), `${value}\n`),
    );
  }
  return oddValue;
}

// --- requests ---------------------------------------------------------------------------------------------

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
function goodBodyOf(op: Operation, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<Body> {
  if (!op.body) return fc.constant({ kind: 'none', headers: {} });
  return valueOf(op.body, doc, pools, true).map((v) => ({
    kind: 'schema',
    payload: JSON.stringify(v) ?? 'null',
    headers: { 'content-type': 'application/json' },
  }));
}

/** Bodies: derived from the schema, mutated, random, not JSON, not UTF-8, over the limit, encoded, mislabelled. */
function bodyOf(op: Operation, doc: OpenApiDoc, pools: Pools) {
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

/** A path parameter: a real id, or garbage, encoded or raw. */
function pathParam(pools: Pools): fc.Arbitrary<string> {
  const real = pools.ids.length ? [fc.constantFrom(...pools.ids)] : [];
  return fc.oneof(
    ...real.map((arbitrary) => ({ arbitrary, weight: 4 })),
    { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map(encodeURIComponent), weight: 3 },
    {
      arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => s.replace(/[\s?#/]/g, '')),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        '%',
        '%zz',
        '%E0%A4%A',
        '%C0%AF',
        '%00',
        '%FF%FE',
        '..',
        '.',
        '%2F',
        '%2e%2e',
        'a;b',
        '%3B',
        'a%20b',
        '~',
        '@',
        '-',
        'x'.repeat(65),
        'x'.repeat(101),
        'x'.repeat(10_000),
        '%F0%9F%92%A5',
        '%ED%A0%80',
        '0',
        '-1',
        'null',
        'undefined',
        'NaN',
        '1e999',
        '__proto__',
        'constructor',
        "'",
        '"',
        '%22',
        '%27',
        '*',
      ),
      weight: 3,
    },
  );
}

function queryOf(op: Operation, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<string> {
  const declared = op.query.length
    ? [
        fc
          .tuple(
            ...op.query.map((p) =>
              fc.option(
                valueOf(p.schema, doc, pools, false, p.name).map((v) => [p.name, v] as const),
                { nil: undefined },
              ),
            ),
          )
          .chain((pairs) => {
            const given = pairs.filter((p): p is readonly [string, unknown] => p !== undefined);
            const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
            return fc.oneof(
              fc.constant(given.map(([k, v]) => [k, text(v)])),
              fc
                .tuple(fc.constantFrom(...op.query.map((p) => p.name)), oddValue)
                .map(([k, v]) => [...given.map(([a, b]) => [a, text(b)]), [k, text(v)]]),
            );
          })
          .map((pairs) => new URLSearchParams(pairs as string[][]).toString()),
      ]
    : [];
  return fc.oneof(
    { arbitrary: fc.constant(''), weight: 3 },
    ...declared.map((arbitrary) => ({ arbitrary, weight: 6 })),
    {
      arbitrary: fc
        .dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 20 }), { maxKeys: 4 })
        .map((d) => new URLSearchParams(d).toString()),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        'a=%',
        '%zz=1',
        'limit=1e999',
        'limit=-1',
        'limit=0x10',
        'limit[]=1',
        'limit=1&limit=2',
        'state=,,,',
        'direction[a]=b',
        '__proto__[admin]=1',
        'constructor[prototype][x]=1',
        '&&&',
        '=',
        '==',
        'cursor=%00',
        'stuck=maybe',
        'stuck=',
        `cursor=${'x'.repeat(201)}`,
        `state=${'done,'.repeat(5000)}`,
        `q=${'x'.repeat(100_000)}`,
        Array.from({ length: 2000 }, (_, i) => `k${i}=v`).join('&'),
      ),
      weight: 2,
    },
  );
}

function authorizationOf(pools: Pools): fc.Arbitrary<string | undefined> {
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

const otherHeaders = fc.record(
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

const ALL_METHODS: Method[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/** What a request gets wrong: one thing at a time, so that each reaches as far as it can, or several at once. */
const BROKEN = [
  { arbitrary: fc.constant('nothing'), weight: 2 },
  { arbitrary: fc.constant('body'), weight: 6 },
  { arbitrary: fc.constant('authorization'), weight: 2 },
  { arbitrary: fc.constant('params'), weight: 2 },
  { arbitrary: fc.constant('query'), weight: 2 },
  { arbitrary: fc.constant('method'), weight: 1 },
  { arbitrary: fc.constant('headers'), weight: 2 },
  { arbitrary: fc.constant('all'), weight: 4 },
];

export function requestOf(op: Operation, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const ids = fc.tuple(...op.pathParams.map(() => fc.constantFrom(...pools.ids)));
  const params = fc.tuple(...op.pathParams.map(() => pathParam(pools)));
  return fc
    .record({
      broken: fc.oneof(...BROKEN),
      good: fc.record({ params: ids, body: goodBodyOf(op, doc, pools) }),
      method: fc.oneof(
        { arbitrary: fc.constant(op.method), weight: 3 },
        { arbitrary: fc.constantFrom(...ALL_METHODS), weight: 1 },
      ),
      params,
      query: queryOf(op, doc, pools),
      authorization: authorizationOf(pools),
      body: bodyOf(op, doc, pools),
      headers: otherHeaders,
    })
    .map(({ broken, good, ...bad }) => {
      const pick = <K extends keyof typeof bad>(part: K, fine: (typeof bad)[K]) =>
        broken === 'all' || broken === part ? bad[part] : fine;
      const method = pick('method', op.method);
      const params = pick('params', good.params as string[]);
      const query = pick('query', '');
      const authorization =
        broken === 'all' || broken === 'authorization'
          ? bad.authorization
          : pools.token
            ? `Bearer ${pools.token}`
            : undefined;
      const body = pick('body', good.body);
      const extra = pick('headers', {});
      let url = op.path;
      op.pathParams.forEach((name, i) => {
        url = url.replace(`{${name}}`, params[i] ?? '');
      });
      if (query) url += `?${query}`;
      const headers: Record<string, string> = { ...extra, ...body.headers };
      if (authorization !== undefined) headers.authorization = authorization;
      const request: FuzzRequest = {
        kind: `${broken}/${body.kind}`,
        method,
        url,
        headers,
        ...(body.payload !== undefined ? { payload: body.payload } : {}),
      };
      return withSummary(request);
    });
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** fast-check prints the counterexample with this: a request, with what is long cut short. */
function withSummary(request: FuzzRequest): FuzzRequest {
  Object.defineProperty(request, fc.toStringMethod, {
    enumerable: false,
    value: () => {
      const payload =
        request.payload === undefined
          ? '(none)'
          : Buffer.isBuffer(request.payload)
            ? `<${request.payload.length} bytes: ${clip(request.payload.toString('hex'), 200)}>`
            : JSON.stringify(clip(request.payload));
      const headers = Object.entries(request.headers)
        .map(([k, v]) => `${k}: ${JSON.stringify(clip(v, 120))}`)
        .join(', ');
      return `${request.method} ${clip(request.url, 300)} [${request.kind}] {${headers}} body=${payload}`;
    },
  });
  return request;
}
