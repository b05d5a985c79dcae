import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';

/** How many decision attempts an address may make, on one API instance and on several; the token alone decides. */

let h: Harness;
let owner: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  owner = await h.account('Owner');
});
afterAll(async () => {
  await h?.close();
});

describe('decision tokens and the API rate limit', () => {
  it('limits decision attempts per address', async () => {
    const limited = await startHarness({ rateLimitPerMinute: 3 });
    try {
      // Counters live in the shared database: an address of its own keeps other test files out of this count.
      const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/contact-changes/whatever/accept',
          remoteAddress,
          payload: { token: 'A'.repeat(43) },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([403, 403, 403, 429]);
    } finally {
      await limited.close();
    }
  });

  it('counts the attempts of one address on every API instance together', async () => {
    const [first, second] = await Promise.all([
      startHarness({ rateLimitPerMinute: 3, worker: false }),
      startHarness({ rateLimitPerMinute: 3, worker: false }),
    ]);
    try {
      const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.8`;
      const attempt = async (api: typeof first) =>
        (
          await api.app.inject({
            method: 'POST',
            url: '/api/v1/contact-changes/whatever/accept',
            remoteAddress,
            payload: { token: 'A'.repeat(43) },
          })
        ).statusCode;
      expect([await attempt(first), await attempt(first)]).toEqual([403, 403]);
      // Each instance adds its counts to the shared counter within RATE_LIMIT_FLUSH_MS.
      await vi.waitFor(async () => {
        const [row] = await h.db.execute<{ count: number }>(
          sql`select count from rate_limits where key like ${`%${remoteAddress}`}`,
        );
        expect(row?.count).toBe(2);
      });
      expect([await attempt(second), await attempt(second)]).toEqual([403, 429]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('needs no account to decide: the token is the credential', async () => {
    const target = await h.account('Target');
    const svc = (await h.service(owner)).id;
    const id = (await h.change(owner, svc, ['tech'], target)).json().id;
    const token = tokenIn(await h.email(target, (t) => t.includes(id)));
    expect((await h.decide(id, 'accept', token)).json()).toMatchObject({ party: 'to', state: 'validatingByCustomers' });
  });
});
