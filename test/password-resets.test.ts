import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvents, passwordResets } from '../db/schema.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { errorOf, profilePages, sessionCookie } from './support/profile-pages.js';

/** "Forgot your password?": the link by email, what it does once, and what the one who asks learns (nothing). */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post } = profilePages(() => h);

/** Each test asks from an address of its own: the per-address limit counts every request from it. */
let nextAddress = 1;
const address = () => `198.51.100.${nextAddress++}`;

const forgot = (login: string, remoteAddress = address(), headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/password/forgot',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams({ login }).toString(),
  });
const askByApi = (login: string, remoteAddress = address()) =>
  h.app.inject({ method: 'POST', url: '/api/v1/password-resets', remoteAddress, payload: { login } });
const resetByApi = (link: ResetLink, password: string) =>
  h.request('POST', `/api/v1/password-resets/${link.id}`, { body: { token: link.token, password } });

interface ResetLink {
  id: string;
  lang: string;
  token: string;
}
async function resetLink(who: TestAccount, count = 1): Promise<ResetLink> {
  const email = await h.email(who, (t) => t.includes('/password/reset/'), count);
  const match = /\/password\/reset\/([A-Za-z0-9_-]+)\?lang=([a-z]{2})#token=([A-Za-z0-9_-]{43})/.exec(email.text)!;
  return { id: match[1]!, lang: match[2]!, token: match[3]! };
}
const resetsOf = (...ids: string[]) => h.db.select().from(passwordResets).where(inArray(passwordResets.accountId, ids));
const activityOf = async (who: { id: string }) =>
  (await h.db.select().from(accountEvents).where(eq(accountEvents.accountId, who.id)).orderBy(accountEvents.id)).map(
    (e) => e.type,
  );
const signIn = (handle: string, password: string) => post('/signin', undefined, { handle, password });
const NEW_PASSWORD = 'lantern-orchard-quietly-58';

describe('Asking for a reset link', () => {
  it('answers the same for an account, an unknown handle and an address that cannot sign in; only the account gets mail', async () => {
    const alice = await h.account('Alice', 'fr');
    const contact = await h.contact(alice, { language: 'fr' });
    const known = await forgot(alice.handle);
    const unknown = await forgot('zz9999-nobody');
    const noAccess = await forgot(contact.email);
    for (const res of [known, unknown, noAccess]) {
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/password/forgot/sent?lang=en');
      expect(res.body).toBe('');
    }
    const apiKnown = await askByApi(alice.email.toUpperCase());
    const apiUnknown = await askByApi('nobody@test.example');
    for (const res of [apiKnown, apiUnknown]) expect(res.statusCode).toBe(202);
    expect(apiKnown.body).toBe(apiUnknown.body);
    const sent = await get('/password/forgot/sent');
    expect(sent.body).toContain('If an account matches what you entered, we have sent a link');

    // Two links for Alice (by handle, then by address, any case), none for the contact; in Alice's language.
    expect(await resetsOf(alice.id, contact.id)).toHaveLength(2);
    expect((await resetsOf(alice.id)).every((r) => r.expiresAt.getTime() - r.createdAt.getTime() === 3_600_000)).toBe(
      true,
    );
    const email = await h.email(alice, (t) => t.includes('/password/reset/'));
    expect(email.subject).toBe('Choisissez un nouveau mot de passe pour votre compte Countersign');
    expect(email.text).toContain(`le mot de passe du compte ${alice.handle}`);
    expect(await activityOf(alice)).toEqual(['passwordResetRequested', 'passwordResetRequested']);
    expect(await activityOf(contact)).toEqual([]);
    expect(h.resend.to(contact.email)).toEqual([]);
  });

  it('sends at most 3 links an hour to one account, and takes at most 5 requests an hour from one address', async () => {
    const bob = await h.account('Bob');
    for (let i = 0; i < 4; i++) expect((await forgot(bob.handle)).statusCode).toBe(303);
    expect(await resetsOf(bob.id)).toHaveLength(3);
    expect(await activityOf(bob)).toEqual(Array(3).fill('passwordResetRequested'));

    const from = address();
    for (let i = 0; i < 5; i++) expect((await forgot(`unknown-${i}`, from)).statusCode).toBe(303);
    const sixth = await forgot('unknown-6', from);
    expect(sixth.statusCode).toBe(429);
    const api = address();
    for (let i = 0; i < 5; i++) expect((await askByApi(`unknown-${i}`, api)).statusCode).toBe(202);
    expect((await askByApi('unknown-6', api)).json()).toMatchObject({ status: 429, code: 'tooManyRequests' });
  });

  it("refuses another site's form", async () => {
    const carl = await h.account('Carl');
    const forged = await forgot(carl.handle, address(), { 'sec-fetch-site': 'cross-site' });
    expect(forged.statusCode).toBe(403);
    expect(await resetsOf(carl.id)).toEqual([]);
  });
});

describe('A reset link', () => {
  it('sets the password once, ends every session, signs nobody in, and stops the other links', async () => {
    const dora = await h.account('Dora', 'nl');
    const session = await h.signIn(dora);
    await askByApi(dora.handle);
    await askByApi(dora.email);
    const [first, second] = [await resetLink(dora, 1), await resetLink(dora, 2)];
    expect(first.lang).toBe('nl');

    const page = await get(`/password/reset/${first.id}?lang=nl`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kies een nieuw wachtwoord');
    expect(page.body).not.toContain(dora.handle);
    expect(page.headers['cache-control']).toBe('no-store');

    const weak = await resetByApi(first, 'password123');
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ code: 'weakPassword', field: 'password' });
    const done = await resetByApi(first, NEW_PASSWORD);
    expect(done.statusCode).toBe(204);
    expect(sessionCookie(done)).toBeUndefined();

    expect((await get('/services', session)).headers.location).toBe('/signin?next=%2Fservices');
    expect((await signIn(dora.handle, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(dora.handle, NEW_PASSWORD)).statusCode).toBe(303);
    for (const link of [first, second]) {
      const again = await resetByApi(link, 'another-orchard-lantern-77');
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe('passwordResetNotValid');
    }
    expect((await signIn(dora.handle, NEW_PASSWORD)).statusCode).toBe(303);
    const activity = await activityOf(dora);
    expect(activity.filter((t) => t.startsWith('passwordReset'))).toEqual([
      'passwordResetRequested',
      'passwordResetRequested',
      'passwordReset',
    ]);
    const details = await h.db.select().from(accountEvents).where(eq(accountEvents.accountId, dora.id));
    expect(JSON.stringify(details)).not.toContain(first.token);
  });

  it('is refused on its page once expired, with a forged token, or cut short; a weak password is refused in Dutch', async () => {
    const emma = await h.account('Emma', 'nl');
    await askByApi(emma.handle);
    const link = await resetLink(emma);
    const submit = (fields: Record<string, string>) => post(`/password/reset/${link.id}?lang=nl`, undefined, fields);

    const weak = await submit({ token: link.token, password: emma.email, confirm: emma.email });
    expect(weak.statusCode).toBe(422);
    expect(errorOf(weak.body, 'password')).toContain('Vermijd persoonlijke of website gerelateerde woorden.');
    expect(weak.body).toContain('Beste Emma,');
    const forged = await submit({ token: 'A'.repeat(43), password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(forged.statusCode).toBe(410);
    expect(forged.body).toContain('Deze link werkt niet meer');
    const cut = await submit({ token: '', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(cut.statusCode).toBe(400);
    expect(cut.body).toContain('Deze link is onvolledig');

    await h.db.execute(sql`update password_resets set expires_at = now() - interval '1 minute' where id = ${link.id}`);
    const expired = await submit({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Deze link werkt niet meer');
    expect((await resetByApi(link, NEW_PASSWORD)).statusCode).toBe(410);
    expect((await signIn(emma.handle, NEW_PASSWORD)).statusCode).toBe(401);
    const [row] = await h.db
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.id, link.id)));
    expect(row!.usedAt).toBeNull();
  });
});

describe('The API documentation', () => {
  it('lists both reset endpoints and the new refusals', async () => {
    const doc = (await h.request('GET', '/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/password-resets', '/api/v1/password-resets/{id}']),
    );
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(
      expect.arrayContaining(['weakPassword', 'passwordResetNotValid']),
    );
  });
});
