import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLE_CHECKS_PER_MINUTE } from '../web/services/change-page.js';
import { startHarness, type Harness } from './support/harness.js';
import { formPages } from './support/pages.js';

/**
 * Who may be named as the incoming contact of a service: a customer account or one of the holder's own contacts;
 * never support staff nor a contact another customer keeps in its book. The check-as-you-type tells no more.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get } = formPages(() => h, '/services');

const check = async (cookie: string, serviceId: string, to: string) => {
  const res = await get(`/services/${serviceId}/change/check?to=${encodeURIComponent(to)}&roles=tech`, cookie);
  return { status: res.statusCode, body: res.body };
};

/** Alice keeps a private contact (it cannot sign in); Mallory, another customer, holds a domain; Sam is support. */
async function cast() {
  const [alice, mallory, sam] = await Promise.all([
    h.account('Alice'),
    h.account('Mallory'),
    h.account('Sam', 'en', 'support'),
  ]);
  const secret = await h.contact(alice, { firstName: 'Priscilla', lastName: 'Private' });
  const service = await h.service(mallory);
  return { alice, mallory, sam, secret, service };
}

describe('the incoming contact of a change', () => {
  it("a stranger naming another customer's private contact gets the answer of an unknown handle (API)", async () => {
    const { mallory, secret, service } = await cast();
    const named = await h.change(mallory, service.id, ['tech'], secret.handle);
    const unknown = await h.change(mallory, service.id, ['tech'], 'zz9999-cs');
    expect(named.statusCode).toBe(422);
    expect(named.json()).toMatchObject({ code: 'unknownContact', field: 'to' });
    expect(named.json().detail).toBe(unknown.json().detail.replace('zz9999-cs', secret.handle));
    expect(named.body).not.toContain('Priscilla');
    expect(h.resend.to(secret.email)).toEqual([]);
  });

  it('a support handle is not found either, and neither is a contact that became a sub-account', async () => {
    const { alice, mallory, sam, service } = await cast();
    const sub = await h.subAccount(alice, []);
    for (const handle of [sam.handle, sub.handle]) {
      const res = await h.change(mallory, service.id, ['tech'], handle);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('unknownContact');
    }
  });

  it("the holder's own contacts and customer accounts without a password may still be named", async () => {
    const { mallory, alice, service } = await cast();
    const own = await h.contact(mallory);
    expect((await h.change(mallory, service.id, ['tech'], own.handle)).statusCode).toBe(201);
    // Alice was created through the admin API and has no password: the provider's own customers count.
    expect((await h.change(mallory, service.id, ['billing'], alice.handle)).statusCode).toBe(201);
  });

  it("the change form refuses another customer's private contact as an unknown handle, naming nobody", async () => {
    const { mallory, secret, service } = await cast();
    const cookie = await h.signIn(mallory);
    const res = await get(`/services/${service.id}/change/preview?roles=tech&to=${secret.handle}`, cookie);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(`There is no account with the handle ${secret.handle}`);
    expect(res.body).not.toContain('Priscilla');
  });
});

describe('checking a handle as one types', () => {
  it('gives no name for support staff or private contacts of another customer', async () => {
    const { mallory, sam, secret, service } = await cast();
    const cookie = await h.signIn(mallory);
    for (const [handle, name] of [
      [secret.handle, 'Priscilla'],
      [sam.handle, 'Sam'],
    ] as const) {
      const answer = await check(cookie, service.id, handle);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        field: 'to',
        message: `There is no account with the handle ${handle}. Check the spelling.`,
      });
      expect(answer.body).not.toContain(name);
    }
  });

  it(`answers 429 past ${HANDLE_CHECKS_PER_MINUTE} checks a minute from one account`, async () => {
    const { mallory, alice, service } = await cast();
    const cookie = await h.signIn(mallory);
    for (let i = 0; i < HANDLE_CHECKS_PER_MINUTE; i++) {
      expect((await check(cookie, service.id, `ab${String(i).padStart(4, '0')}-cs`)).status).toBe(200);
    }
    const refused = await check(cookie, service.id, alice.handle);
    expect(refused.status).toBe(429);
    expect(refused.body).not.toContain(`Alice (${alice.handle})`);
  });

  it(`answers 429 past ${HANDLE_CHECKS_PER_MINUTE} previews a minute, which name the account as the check does`, async () => {
    const { mallory, alice, service } = await cast();
    const cookie = await h.signIn(mallory);
    const preview = (to: string) => get(`/services/${service.id}/change/preview?lang=en&roles=tech&to=${to}`, cookie);
    for (let i = 0; i < HANDLE_CHECKS_PER_MINUTE; i++) {
      expect((await preview(`ab${String(i).padStart(4, '0')}-cs`)).statusCode).toBe(422);
    }
    const refused = await preview(alice.handle);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Too many attempts from your connection. Wait a minute and try again.');
    expect(refused.body).not.toContain(`Alice (${alice.handle})`);
  });
});
