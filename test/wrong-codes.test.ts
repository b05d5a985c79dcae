import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS, WRONG_CODES_PER_SOURCE } from '../domain/contact-change.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';

/**
 * Wrong codes. Anyone who knows a request's id (every contact of the service sees it) can send codes: each address
 * gets a few wrong ones per request, and the lock that stops the parties is out of reach of one guesser.
 */

let h: Harness;
let support: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  support = await h.account('Sam', 'en', 'support');
});
afterAll(async () => {
  await h?.close();
});

const WRONG = 'B'.repeat(43);

/** What a guesser sends: the API's accept, from its own address. */
const accept = (id: string, token: string, remoteAddress = '127.0.0.1') =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/contact-changes/${id}/accept`,
    payload: { token },
    remoteAddress,
  });

describe('wrong codes from one address', () => {
  it('ten of them no longer stop the parties, who then accept, even from the same address', async () => {
    const { alice, id, aliceToken, bobToken } = await h.pending();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await accept(id, WRONG, '203.0.113.7')).statusCode);
    expect(answers).toEqual([...Array(WRONG_CODES_PER_SOURCE).fill(403), ...Array(5).fill(429)]);

    // Alice shares the guesser's address (one office, one NAT): her right code is not held back.
    expect((await accept(id, aliceToken, '203.0.113.7')).statusCode).toBe(200);
    expect((await accept(id, bobToken, '198.51.100.2')).json()).toMatchObject({ state: 'done' });
    expect((await h.get(id, alice)).timeline.some((e) => e.type === 'tokensLocked')).toBe(false);
  });

  it(`the ${WRONG_CODES_PER_SOURCE + 1}th on one request gets 429 with Retry-After; another address still gets its answer`, async () => {
    const { id } = await h.pending();
    const other = await h.pending();
    for (let i = 0; i < WRONG_CODES_PER_SOURCE; i++) {
      expect((await accept(id, WRONG, '203.0.113.8')).json().code).toBe('invalidToken');
    }
    const refused = await accept(id, WRONG, '203.0.113.8');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'tooManyWrongCodes' });
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(refused.json().retryAfterSeconds).toBe(wait);

    // Another address on this request, and this address on another request, are still answered.
    expect((await accept(id, WRONG, '203.0.113.9')).json().code).toBe('invalidToken');
    expect((await accept(other.id, WRONG, '203.0.113.8')).json().code).toBe('invalidToken');
  });

  it('the decision page says to wait, in the reader’s language, with Retry-After', async () => {
    const { id } = await h.pending();
    const post = () =>
      h.app.inject({
        method: 'POST',
        url: `/requests/${id}/decision?lang=fr`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ token: WRONG, decision: 'accepted' }).toString(),
        remoteAddress: '203.0.113.10',
      });
    for (let i = 0; i < WRONG_CODES_PER_SOURCE; i++) expect((await post()).statusCode).toBe(403);
    const page = await post();
    expect(page.statusCode).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(page.body).toContain(
      'Trop de codes erronés depuis votre connexion pour cette demande. Patientez 15 minutes',
    );
  });
});

describe('the lock of a request', () => {
  it(`trips at ${MAX_FAILED_ATTEMPTS} wrong codes from many addresses: the asker is emailed, support sees it, a resend lifts it`, async () => {
    const { alice, id, aliceToken } = await h.pending({ alice: 'en' });
    // A crowd of addresses, each within its own limit, as only a large botnet could send.
    const addresses = Array.from(
      { length: MAX_FAILED_ATTEMPTS / WRONG_CODES_PER_SOURCE },
      (_, i) => `10.9.${Math.floor(i / 250)}.${i % 250}`,
    );
    for (let i = 0; i < addresses.length; i += 25) {
      await Promise.all(
        addresses.slice(i, i + 25).map(async (address) => {
          for (let n = 0; n < WRONG_CODES_PER_SOURCE; n++)
            expect((await accept(id, WRONG, address)).statusCode).toBe(403);
        }),
      );
    }
    const locked = await accept(id, aliceToken, '198.51.100.3');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('tokensLocked');

    const told = await h.email(alice, (t) => t.includes('codes locked after too many wrong attempts'));
    expect(told.text).toContain(`${MAX_FAILED_ATTEMPTS} wrong codes were tried`);
    expect(told.text).toContain(`/requests/${id}`);
    expect(told.text).not.toContain(aliceToken);

    const item = await h.stuckItem(support.token, id);
    expect(item?.stuckReasons.map((r) => r.code)).toContain('tokensLocked');
    expect((await h.get(id, alice)).timeline.filter((e) => e.type === 'tokensLocked')).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 1100)); // the resend cooldown of this harness
    const resent = await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: alice.token });
    expect(resent.statusCode).toBe(200);
    const fresh = tokenIn(await h.email(alice, (t) => t.includes(id) && t.includes('#token='), 2));
    expect((await accept(id, fresh, '198.51.100.3')).statusCode).toBe(200);
  });
});
