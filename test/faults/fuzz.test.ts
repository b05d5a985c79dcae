import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness } from '../support/harness.js';
import { operationsOf, requestOf, type FuzzRequest, type OpenApiDoc, type Pools } from './openapi-fuzz.js';
import { parseResponses, rawExchange, rawRequestOf } from './raw-http.js';
import { scale } from './scale.js';

/**
 * Every /api/v1 operation of the OpenAPI document, sent random and malformed requests. Whatever arrives, the API
 * never answers 5xx, and every error is problem+json whose `status` is the HTTP status.
 *
 * Not fuzzed here: `POST /webhooks/resend` and `/healthz` are hidden from the document and are not under /api/v1
 * (the webhook takes a Svix signature over the raw body, so random requests would only ever test its 401);
 * the web pages answer HTML by design.
 */

const h = await startHarness();
afterAll(() => h.close());

const docs = await h.app.inject({ method: 'GET', url: '/docs/json' });
const doc = docs.json() as OpenApiDoc;
const operations = operationsOf(doc, '/api/v1/');

// Real accounts, so that requests get past authentication and reach validation, lookups and the workflows.
const fuzzer = await h.account('Fuzzer');
const other = await h.account('Other', 'nl');
const support = await h.account('Support', 'en', 'support');
const contact = await h.contact(fuzzer);
const service = await h.service(fuzzer);
const changes = await Promise.all(
  [['admin'], ['tech'], ['billing']].map(async (roles) => {
    const created = await h.change(fuzzer, service.id, roles, other);
    if (created.statusCode !== 201) throw new Error(`change: ${created.body}`);
    return (created.json() as { id: string }).id;
  }),
);

const ids = [fuzzer.id, other.id, contact.id, service.id, ...changes];
const handles = [fuzzer.handle, other.handle, contact.handle, support.handle];
const tokens = { customer: fuzzer.token, support: support.token, admin: ADMIN_KEY, other: other.token };

/** Whose token an operation takes: the admin key, a support account's, none (a code in the body), or a customer's. */
function poolsFor(path: string): Pools {
  const token = path.startsWith('/api/v1/admin/')
    ? tokens.admin
    : path.startsWith('/api/v1/support/')
      ? tokens.support
      : /\/(accept|refuse)$/.test(path)
        ? null
        : tokens.customer;
  return { ids, handles, token, otherTokens: Object.values(tokens).filter((t) => t !== token) };
}

/** What a client may rely on for any answer to any request. */
function expectProblemOrSuccess(request: FuzzRequest, res: LightMyRequestResponse) {
  // On a 5xx, show what the server logged for it.
  const logged = () =>
    h.logs
      .filter((l) => l.includes('request failed'))
      .slice(-1)
      .join('')
      .slice(0, 1500);
  if (res.statusCode >= 500)
    expect.fail(`no request, however malformed, gets a 5xx; got ${res.statusCode} ${res.body}\n${logged()}`);
  if (res.statusCode < 400) return;
  expect(res.headers['content-type'], `a ${res.statusCode} is problem+json`).toMatch(/^application\/problem\+json/);
  if (request.method === 'HEAD') return;
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(typeof body.title === 'string' && body.title.length > 0, `title in ${res.body}`).toBe(true);
  expect(body.status, `status in ${res.body}`).toBe(res.statusCode);
}

describe('the API fuzzed from its OpenAPI document', () => {
  it('documents the whole /api/v1 API', () => {
    expect(docs.statusCode).toBe(200);
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  // How far each operation's requests got: refused by the schema (past authentication and parsing), and past it.
  const reached = new Map<string, { schema: number; handler: number }>();

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', async (name, op) => {
    const counts = { schema: 0, handler: 0 };
    reached.set(name, counts);
    await fc.assert(
      fc.asyncProperty(requestOf(op, doc, poolsFor(op.path)), async (request) => {
        const res = await h.app.inject({
          method: request.method,
          url: request.url,
          headers: request.headers,
          payload: request.payload,
        });
        expectProblemOrSuccess(request, res);
        if (request.method !== op.method) return;
        const problem =
          res.statusCode >= 400 ? (res.json() as { title: string; detail: string; issues?: unknown[] }) : null;
        if (problem?.issues) counts.schema++;
        else if (
          !problem ||
          !(
            ['Unauthenticated', 'Invalid request', 'Too many requests'].includes(problem.title) ||
            problem.detail.startsWith('There is nothing at')
          )
        )
          counts.handler++;
      }),
      { numRuns: scale(300, 40) },
    );
    // Worth something only if requests got through authentication, parsing and the schema to the handler's checks.
    expect(counts.handler, JSON.stringify(counts)).toBeGreaterThan(0);
  });

  it('reached the schema checks of the operations that take a body or a query', () => {
    const validated = operations
      .filter((op) => op.body !== null || op.query.length > 0)
      .map((op) => `${op.method} ${op.path}`);
    const missed = validated.filter((name) => !reached.get(name)?.schema);
    // Each operation's share is left to chance over a few dozen runs; together, nearly all must have been reached.
    expect(missed.length, `schema never reached: ${missed.join(', ')}`).toBeLessThanOrEqual(
      Math.floor(validated.length / 4),
    );
  });
});

describe('malformed HTTP over a real socket', () => {
  // What light-my-request cannot send: Node's parser answers these before Fastify routes anything.
  it('answers problem+json to requests that are not valid HTTP, or too large for it', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (h.app.server.address() as AddressInfo).port;
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(rawRequestOf(fuzzer.token), async (raw) => {
        const responses = parseResponses(await rawExchange(port, raw));
        if (raw.whole) expect(responses.length, 'the server answers before it closes').toBeGreaterThan(0);
        for (const res of responses) {
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          expect(res.status, res.text).toBeLessThan(500);
          if (res.status < 400) continue;
          expect(res.headers['content-type'], `a ${res.status} is problem+json: ${res.text}`).toMatch(
            /^application\/problem\+json/,
          );
          const body = JSON.parse(res.body.toString('utf8')) as Record<string, unknown>;
          expect(body.status, res.text).toBe(res.status);
          expect(typeof body.title, res.text).toBe('string');
        }
      }),
      { numRuns: scale(300, 40) },
    );
    // Both of Node's own refusals were met: not HTTP (400) and over its header limit (431).
    expect([...seen.keys()], JSON.stringify(Object.fromEntries(seen))).toEqual(expect.arrayContaining([400, 431]));
  });
});
