import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';

/** /docs: every operation declares the token it takes, so the console's Authorize sends it. */

let h: Harness;
let alice: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  alice = await h.account('Alice');
});
afterAll(async () => {
  await h?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  paths: Record<string, Record<string, Operation>>;
}

const documented = async (): Promise<Document> => (await h.request('GET', '/docs/json')).json() as Document;
const operations = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as Method,
      // Any value fills a path parameter: the guard answers before the parameters are read.
      url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      schemes: (op.security ?? []).flatMap((s) => Object.keys(s)),
      op,
    })),
  );

describe('The OpenAPI document at /docs/json', () => {
  it('declares the two bearer schemes', async () => {
    const doc = await documented();
    expect(doc.components.securitySchemes).toMatchObject({
      account: { type: 'http', scheme: 'bearer' },
      admin: { type: 'http', scheme: 'bearer' },
    });
  });

  it('says what the server answers: each status it gives, errors as problem+json, 414 and 429 everywhere', async () => {
    const ops = operations(await documented());
    const wrong: string[] = [];
    for (const { method, url, op } of ops) {
      const res = await h.request(method, url);
      const documentedAs = op.responses[String(res.statusCode)];
      const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
      if (!documentedAs) wrong.push(`${method} ${url}: ${res.statusCode} not documented`);
      else if (res.statusCode >= 400 && !(type in (documentedAs.content ?? {})))
        wrong.push(
          `${method} ${url}: ${res.statusCode} as ${type}, documented as ${Object.keys(documentedAs.content ?? {}).join()}`,
        );
      for (const code of ['414', '429', ...(op.requestBody ? ['415'] : [])]) {
        if (!op.responses[code]?.content?.['application/problem+json']) wrong.push(`${method} ${url}: no ${code}`);
      }
      for (const [code, response] of Object.entries(op.responses)) {
        if (Number(code) >= 400 && response.content?.['application/json'])
          wrong.push(`${method} ${url}: ${code} as JSON`);
        if (code === '204' && response.content) wrong.push(`${method} ${url}: 204 with a body`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each operation declares the scheme the server asks for, and the public ones none', async () => {
    const ops = operations(await documented());
    expect(ops.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const op of ops) {
      const bare = await h.request(op.method, op.url);
      const asAccount = await h.request(op.method, op.url, { token: alice.token });
      // What a caller sees: 401 without a token means a token is needed; an account token refused means the admin key.
      const needs = bare.statusCode !== 401 ? 'none' : asAccount.statusCode === 401 ? 'admin' : ('account' as const);
      const declared = op.schemes.length === 0 ? 'none' : op.schemes.join(',');
      if (declared !== needs) wrong.push(`${op.method} ${op.url}: declares ${declared}, needs ${needs}`);
    }
    expect(wrong).toEqual([]);
    const schemes = new Set(ops.flatMap((op) => op.schemes));
    expect(schemes).toEqual(new Set(['account', 'admin']));
    expect(ops.some((op) => op.schemes.length === 0)).toBe(true);
  });

  it('"Try it out" with the token given to Authorize: the documented path answers with my profile', async () => {
    const doc = await documented();
    const profile = doc.paths['/api/v1/profile']!.get!;
    expect(profile.security).toEqual([{ account: [] }]);
    // What Swagger UI sends once the account token is authorized: the documented path, the bearer header.
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/profile',
      headers: { authorization: `Bearer ${alice.token}`, accept: 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: alice.email });
    const admin = doc.paths['/api/v1/admin/accounts']!.post!;
    expect(admin.security).toEqual([{ admin: [] }]);
  });
});
