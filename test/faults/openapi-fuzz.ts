import fc from 'fast-check';
import { authorizationOf, bodyOf, goodBodyOf, otherHeaders } from './fuzz-body-and-headers.js';
import { oddValue, valueOf } from './fuzz-values.js';

/**
 * Random and malformed requests for the operations of an OpenAPI 3 document: bodies derived from the request
 * schemas (then mutated), random JSON, bytes that are not JSON or not UTF-8, wrong content types and encodings,
 * bodies over the limit, odd path parameters, query strings and authorization headers.
 *
 * Here: the operations, their URLs and the request put together; the values in it are made in ./fuzz-values.ts,
 * its body and headers in ./fuzz-body-and-headers.ts.
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

// --- requests ---------------------------------------------------------------------------------------------

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
