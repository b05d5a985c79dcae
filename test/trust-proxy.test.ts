import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness } from './support/harness.js';

/**
 * Who is asking: the client address decides the per-address rate limit and what "My sessions" shows. X-Forwarded-For
 * counts only when it comes from a proxy TRUST_PROXY names (or from within its hop count).
 */

const started: Harness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
});
async function harness(env: Record<string, string> = {}, rateLimitPerMinute?: number) {
  const h = await startHarness({ worker: false, env, rateLimitPerMinute });
  started.push(h);
  return h;
}

/** An address of its own for each test: the rate-limit counters are shared by the whole run. */
const someAddress = () => `198.19.${randomInt(256)}.${randomInt(1, 255)}`;

/** Signs in from `remoteAddress`, claiming `forwarded`; the address the account's sessions list shows for it. */
async function addressSeen(h: Harness, remoteAddress: string, forwarded: string): Promise<string> {
  const account = await h.account('Proxy');
  await h.signIn(account);
  await h.request('DELETE', '/api/v1/sessions', { token: account.token });
  const res = await h.app.inject({
    method: 'POST',
    url: '/signin',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwarded },
    payload: new URLSearchParams({ handle: account.handle, password: TEST_PASSWORD }).toString(),
  });
  expect(res.statusCode).toBe(303);
  const [session] = (await h.request('GET', '/api/v1/sessions', { token: account.token })).json().items;
  return session.ip;
}

describe('with TRUST_PROXY off (the default)', () => {
  it('X-Forwarded-For decides nothing: the socket’s address is the client’s', async () => {
    const h = await harness();
    const socket = someAddress();
    expect(await addressSeen(h, socket, '203.0.113.50')).toBe(socket);
  });

  it('claiming a new address on each request does not escape the per-address limit', async () => {
    const h = await harness({}, 3);
    const socket = someAddress();
    const statuses = [];
    for (let i = 1; i <= 5; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/signin',
        remoteAddress: socket,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i}` },
        payload: `handle=nobody-${i}&password=wrong`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('with TRUST_PROXY set', () => {
  it('to the proxy’s address: its header is believed, anyone else’s ignored', async () => {
    const h = await harness({ TRUST_PROXY: '10.0.0.1' });
    expect(await addressSeen(h, '10.0.0.1', '203.0.113.60')).toBe('203.0.113.60');
    // A client that goes around the proxy claims in vain.
    const direct = someAddress();
    expect(await addressSeen(h, direct, '203.0.113.61')).toBe(direct);
    // Nor does it help to claim through the proxy: only the proxy's own entry, the last, is taken.
    expect(await addressSeen(h, '10.0.0.1', '6.6.6.6, 203.0.113.62')).toBe('203.0.113.62');
  });

  it('to a network: every proxy in it is believed', async () => {
    const h = await harness({ TRUST_PROXY: '10.0.0.0/8' });
    expect(await addressSeen(h, '10.20.30.40', '203.0.113.70')).toBe('203.0.113.70');
    expect(await addressSeen(h, '10.20.30.40', '203.0.113.71, 10.1.1.1')).toBe('203.0.113.71');
  });

  it('to a hop count: the nearest N hops are trusted, and what the client wrote before them is not', async () => {
    const h = await harness({ TRUST_PROXY: '2' });
    expect(await addressSeen(h, '10.9.9.9', '6.6.6.6, 203.0.113.80, 10.0.0.5')).toBe('203.0.113.80');
    expect(await addressSeen(h, '10.9.9.9', '203.0.113.81')).toBe('203.0.113.81');
  });
});
