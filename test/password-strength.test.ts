import { randomBytes, scryptSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvents, accounts } from '../db/schema.js';
import { ADMIN_KEY, startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { errorOf, profilePages, sessionCookie } from './support/profile-pages.js';

/** Passwords: the cost of their hashes, and the refusal of the ones too easy to guess, wherever one is set. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post, invite, accept } = profilePages(() => h);

const storedHash = async (who: { id: string }) =>
  (await h.db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, who.id)))[0]!.hash!;

/** A hash as the product made them before: scrypt at N=2^14. */
function oldCostHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const signIn = (handle: string, password: string) => post('/signin', undefined, { handle, password });

/** What a stranger who knows the handle would try first, and why each is refused (in English, for the API). */
const weakOnes = (who: TestAccount): [string, string][] => [
  ['aaaaaaaaaa', 'Repeated characters like "aaa" are easy to guess.'],
  ['1234567890', 'This is a frequently used password.'],
  ['password123', 'This is a commonly used password.'],
  [who.handle, 'There should not be any personal or page related data.'],
];

describe('Password hashes', () => {
  it('are made at N=2^17; a hash of the old cost is made again at the next sign-in, which still works', async () => {
    const fresh = await h.account('Fiona');
    await h.signIn(fresh);
    expect(await storedHash(fresh)).toMatch(/^scrypt\$131072\$8\$1\$/);

    const old = await h.account('Olaf');
    await h.db
      .update(accounts)
      .set({ passwordHash: oldCostHash(TEST_PASSWORD) })
      .where(eq(accounts.id, old.id));
    expect((await signIn(old.handle, 'not-the-password')).statusCode).toBe(401);
    expect(await storedHash(old)).toMatch(/^scrypt\$16384\$/);
    expect((await signIn(old.handle, TEST_PASSWORD)).statusCode).toBe(303);
    expect(await storedHash(old)).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await signIn(old.handle, TEST_PASSWORD)).statusCode).toBe(303);
    expect((await signIn(old.handle, 'not-the-password')).statusCode).toBe(401);
  });
});

describe('A password too easy to guess', () => {
  it('is refused by the admin API and the profile API with the reason, and a strong passphrase is taken', async () => {
    const alice = await h.account('Alice');
    await h.signIn(alice);
    for (const [weak, why] of weakOnes(alice)) {
      const set = await h.request('PUT', `/api/v1/admin/accounts/${alice.id}/password`, {
        token: ADMIN_KEY,
        body: { password: weak },
      });
      expect(set.statusCode, weak).toBe(422);
      expect(set.json()).toMatchObject({ code: 'weakPassword', field: 'password' });
      expect(set.json().reason, weak).toContain(why);
      const own = await h.request('PUT', '/api/v1/profile/password', {
        token: alice.token,
        body: { currentPassword: TEST_PASSWORD, newPassword: weak },
      });
      expect(own.statusCode, weak).toBe(422);
      expect(own.json()).toMatchObject({ code: 'weakPassword', field: 'newPassword' });
      expect(own.json().reason).toContain(why);
    }
    // Nothing changed: the password is still the one from before.
    expect((await signIn(alice.handle, TEST_PASSWORD)).statusCode).toBe(303);
    expect((await signIn(alice.handle, 'password123')).statusCode).toBe(401);

    const strong = 'velvet-harbour-quietly-07';
    const changed = await h.request('PUT', '/api/v1/profile/password', {
      token: alice.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: strong },
    });
    expect(changed.statusCode).toBe(204);
    expect((await signIn(alice.handle, strong)).statusCode).toBe(303);
    // In the account's activity: the provider set it (h.signIn), then Alice changed it.
    const events = await h.db
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, alice.id), eq(accountEvents.type, 'passwordChanged')))
      .orderBy(accountEvents.id);
    expect(events.map((e) => e.detail)).toEqual([{ by: 'admin' }, null]);
  });

  it('is refused on the profile page in French and on the invitation page in Dutch, with the reason', async () => {
    const camille = await h.account('Camille', 'fr');
    const cookie = await h.signIn(camille);
    const refused = await post('/profile/password', cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password123',
    });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused.body, 'newPassword')).toBe(
      'Ce mot de passe est trop facile à deviner. Ce mot de passe est couramment utilisé. Ajoutez des mots moins courants.',
    );
    expect(refused.body).not.toContain('password123');
    const handle = await post('/profile/password', cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: camille.handle,
    });
    expect(errorOf(handle.body, 'newPassword')).toContain(
      'Le mot de passe ne doit pas comporter de données personnelles ou liées au site.',
    );

    const owner = await h.account('Otto');
    const contact = await h.contact(owner, { language: 'nl', firstName: 'Noor', lastName: 'Vermeulen' });
    const link = await invite(owner, contact, []);
    const weak = await accept(link, '1234567890');
    expect(weak.statusCode).toBe(422);
    expect(errorOf(weak.body, 'password')).toBe(
      'Dit wachtwoord is te makkelijk te raden. Dit wachtwoord wordt erg veel gebruikt. Voeg meer woorden toe die minder vaak voorkomen.',
    );
    expect(sessionCookie(weak)).toBeUndefined();
    // Her own address is as easy to guess, though no dictionary has it.
    const own = await accept(link, contact.email);
    expect(errorOf(own.body, 'password')).toContain('Vermijd persoonlijke of website gerelateerde woorden.');
    // The link still works for a strong one.
    const accepted = await accept(link, 'tulpen-fiets-regen-2031');
    expect(accepted.statusCode).toBe(303);
  });

  it('is refused when accepting an invitation through the API', async () => {
    const owner = await h.account('Owen');
    const contact = await h.contact(owner);
    const link = await invite(owner, contact, []);
    const weak = await h.request('POST', `/api/v1/invitations/${link.id}/accept`, {
      body: { token: link.token, password: contact.email },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ code: 'weakPassword', field: 'password' });
    expect(weak.json().reason).toContain('There should not be any personal or page related data.');
  });
});

describe('The strength meter', () => {
  const rate = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/password-strength',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        'accept-language': 'fr',
        ...headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });

  it('rates as the forms will, with the reason in the page language, counting whose password it is', async () => {
    const common = await rate({ password: '1234567890' });
    expect(common.statusCode).toBe(200);
    expect(common.json()).toEqual({
      score: 0,
      ok: false,
      reason: 'Ce mot de passe est fréquemment utilisé. Ajoutez des mots moins courants.',
      tooShort: false,
    });
    expect((await rate({ password: 'velvet-harbour-quietly-07' })).json()).toMatchObject({ ok: true, reason: '' });
    expect((await rate({ password: 'short' })).json()).toMatchObject({ ok: false, tooShort: true });

    // A handle is only weak for its own account: the signed-in person's, or the one the link is for.
    const bea = await h.account('Beatrix');
    const cookie = await h.signIn(bea);
    expect((await rate({ password: bea.handle })).json().ok).toBe(true);
    expect((await rate({ password: bea.handle }, { cookie })).json().ok).toBe(false);
    const contact = await h.contact(bea);
    const link = await invite(bea, contact, []);
    expect((await rate({ password: contact.email })).json().ok).toBe(true);
    const forInvitee = await rate({ password: contact.email, link: `invitation:${link.id}`, token: link.token });
    expect(forInvitee.json().ok).toBe(false);
    expect((await rate({ password: contact.email, link: `invitation:${link.id}`, token: 'x' })).json().ok).toBe(true);
  });

  it('answers only pages of this site, and never logs the password', async () => {
    const secret = 'meter-secret-passphrase-9931';
    expect((await rate({ password: secret }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await rate({ password: secret }, { 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    const evil = await h.app.inject({
      method: 'POST',
      url: '/password-strength',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: `password=${secret}`,
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.body).not.toContain('score');
    const ours = await h.app.inject({
      method: 'POST',
      url: '/password-strength',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.config.publicBaseUrl },
      payload: `password=${secret}`,
    });
    expect(ours.statusCode).toBe(200);
    expect(h.logs.some((line) => line.includes(secret))).toBe(false);
  });

  it('is on every new-password field, fed by the server', async () => {
    const page = await get('/profile', await h.signIn(await h.account('Mira')));
    expect(page.body).toMatch(/id="newPassword-strength" aria-live="polite" data-url="\/password-strength"/);
  });
});
