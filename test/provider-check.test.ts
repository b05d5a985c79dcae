import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import { formPages } from './support/pages.js';

/**
 * The provider's check before a request exists (CHECK_URL): a real HTTP server plays the provider, and checks each
 * question's signature with the `standardwebhooks` package, as a provider would.
 */

const SECRET = `whsec_${Buffer.from('countersign-provider-check-secret').toString('base64')}`;

type Verdict = { status: number; body: unknown } | 'silent';
let verdict: Verdict = { status: 200, body: { allowed: true } };
const questions: { payload: Record<string, unknown>; headers: IncomingMessage['headers'] }[] = [];
let provider: Server;
let h: Harness;

beforeAll(async () => {
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      // Throws on a bad signature or an old timestamp: the test then sees a 503, not an answer.
      const payload = new Webhook(SECRET).verify(body, req.headers as Record<string, string>) as Record<
        string,
        unknown
      >;
      questions.push({ payload, headers: req.headers });
      if (verdict === 'silent') return; // never answers
      res.writeHead(verdict.status, { 'content-type': 'application/json' }).end(JSON.stringify(verdict.body));
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const { port } = provider.address() as AddressInfo;
  h = await startHarness({ env: { CHECK_URL: `http://127.0.0.1:${port}/check`, CHECK_SECRET: SECRET } });
});
afterAll(async () => {
  await h?.close();
  provider?.closeAllConnections();
  await new Promise((resolve) => provider?.close(resolve));
});

async function setUp() {
  const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob')]);
  return { alice, bob, service: await h.service(alice) };
}

const requestsOf = async (a: TestAccount) =>
  ((await h.request('GET', '/api/v1/contact-changes', { token: a.token })).json() as { items: unknown[] }).items;

describe("the provider's check", () => {
  it('is asked, signed, who is who by handle; allowed, the request is made', async () => {
    verdict = { status: 200, body: { allowed: true } };
    const { alice, bob, service } = await setUp();
    const res = await h.change(alice, service.id, ['tech', 'billing'], bob);
    expect(res.statusCode, res.body).toBe(201);
    const { payload, headers } = questions.at(-1)!;
    expect(headers['webhook-id']).toMatch(/^msg_/);
    expect(payload).toMatchObject({
      service: { id: service.id, kind: 'domain', externalId: null },
      roles: ['tech', 'billing'],
      from: { handle: alice.handle },
      to: { handle: bob.handle },
      askedBy: { handle: alice.handle },
    });
  });

  it('refusing: 422 refusedByProvider with its reason, no request, no email; the page says why', async () => {
    verdict = { status: 200, body: { allowed: false, reason: 'An invoice is unpaid (INV-2041).' } };
    const { alice, bob, service } = await setUp();
    const res = await h.change(alice, service.id, ['tech'], bob);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'refusedByProvider', detail: 'An invoice is unpaid (INV-2041).' });
    expect(await requestsOf(alice)).toEqual([]);

    const { post } = formPages(() => h, '/services');
    const page = await post(`/services/${service.id}/change/confirm`, await h.signIn(alice), {
      roles: 'tech',
      to: bob.handle,
    });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Your provider does not allow this change: “An invoice is unpaid (INV-2041).”');
    expect(page.body).toContain(`value="${bob.handle}"`);
    expect(await requestsOf(alice)).toEqual([]);
    expect(h.resend.to(bob.email)).toEqual([]);
  });

  it('no answer within 5 s, an error or a malformed answer: 503 providerUnavailable and no request', async () => {
    const { alice, bob, service } = await setUp();
    for (const v of ['silent', { status: 500, body: {} }, { status: 200, body: { allowed: 'maybe' } }] as Verdict[]) {
      verdict = v;
      const res = await h.change(alice, service.id, ['tech'], bob);
      expect(res.statusCode, JSON.stringify(v)).toBe(503);
      expect(res.json().code).toBe('providerUnavailable');
    }
    expect(await requestsOf(alice)).toEqual([]);
    verdict = { status: 200, body: { allowed: true } };
    expect((await h.change(alice, service.id, ['tech'], bob)).statusCode).toBe(201);
  });
});
