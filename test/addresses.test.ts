import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvents, emailChanges } from '../db/schema.js';
import { addressCalls, fresh, inbox } from './support/addresses.js';
import {
  asParty,
  invitationLink,
  startHarness,
  TEST_PASSWORD,
  type Harness,
  type TestAccount,
} from './support/harness.js';
import { formPages, withFlash } from './support/pages.js';
import { errorOf, inputOf } from './support/profile-pages.js';

/**
 * Addresses are confirmed before anything follows them: the profile, a sub-account's address in the contact book,
 * and the links. What an address change does to the requests waiting: in addresses-requests.test.ts.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post } = formPages(() => h, '/profile');
const { confirmLink, cancelLink, confirmByApi, moveTo, profileOf } = addressCalls(() => h);

/** Another browser signed in as the same account (Alice's phone, say): a second session. */
async function secondSession(account: TestAccount): Promise<string> {
  const res = await post('/signin', undefined, { handle: account.handle, password: TEST_PASSWORD, next: '/services' });
  return [res.headers['set-cookie']]
    .flat()
    .map(String)
    .find((c) => c.startsWith('cs_session='))!
    .split(';')[0]!;
}

describe('a stolen session changes the address', () => {
  it('is refused without the password; with it, codes still go to the old address until the new one confirms, and the notice cancels and signs every session out', async () => {
    const alice = await h.account('Alice', 'fr');
    const stranger = await h.account('Stranger');
    const service = await h.service(alice);
    const stolen = await h.signIn(alice);
    const phone = await secondSession(alice);
    const mallory = fresh('mallory');

    // The stolen session posts the profile with the attacker's address, and no password.
    const page = await post('/profile', stolen, { email: mallory, phone: '', country: '' });
    expect(page.statusCode).toBe(422);
    expect(errorOf(page.body, 'addressPassword')).toBe(
      'Saisissez votre mot de passe actuel pour changer l’adresse e-mail.',
    );
    const bare = await h.request('PUT', '/api/v1/profile', {
      token: alice.token,
      body: { email: mallory, language: 'fr' },
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'passwordRequired', field: 'currentPassword' });
    const wrong = await moveTo(alice, mallory, { language: 'fr', currentPassword: 'a-guessed-password' });
    expect(wrong.json()).toMatchObject({ code: 'wrongPassword', field: 'currentPassword' });
    expect(await profileOf(alice)).toMatchObject({ email: alice.email, pendingEmail: null });
    expect(h.resend.to(mallory)).toHaveLength(0);

    // With the password: 202, and the address in use stays Alice's until the new one is confirmed.
    const asked = await moveTo(alice, mallory, { language: 'fr', phone: '+33 6 12 34 56 78' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ email: alice.email, pendingEmail: mallory, phone: '+33612345678' });
    expect(await profileOf(alice)).toMatchObject({ email: alice.email, pendingEmail: mallory });
    const shown = await get('/profile', stolen);
    expect(shown.body).toContain('En attente de confirmation à <strong>' + mallory);
    expect(inputOf(shown.body, 'email')).toContain(`value="${alice.email}"`);

    // The attacker asks to hand example.fr's admin role to a stranger: Alice's code still goes to Alice.
    const change = await h.change(alice, service.id, ['admin'], stranger);
    expect(change.statusCode).toBe(201);
    const changeId = change.json().id as string;
    expect((await h.email(alice, (t) => t.includes(changeId))).text).toContain('#token=');
    const link = await confirmLink(mallory);
    expect(h.resend.to(mallory).map((e) => e.text)).toEqual([expect.not.stringContaining(changeId)]);

    // Alice's old address has the notice; its link cancels the change and ends every session, the stolen one too.
    const notice = await h.email(alice, (t) => t.includes('/address/cancel/'));
    expect(notice.subject).toBe('Votre adresse e-mail va changer');
    expect(notice.text).toContain(mallory);
    const cancel = await cancelLink(alice.email, mallory);
    expect((await get(`/address/cancel/${cancel.id}?lang=${cancel.lang}`)).body).toContain(
      'Annuler le changement et tout déconnecter',
    );
    const cancelled = await post(`/address/cancel/${cancel.id}?lang=fr`, undefined, { token: cancel.token });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.body).toContain('toutes les sessions du compte sont déconnectées');
    for (const session of [stolen, phone])
      expect((await get('/profile', session)).headers.location).toMatch(/^\/signin/);

    // The link the attacker received no longer works, and nothing changed.
    const late = await confirmByApi(link);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('emailChangeNotValid');
    expect(await profileOf(alice)).toMatchObject({ email: alice.email, pendingEmail: null });
    expect((await h.get(changeId, alice)).state).toBe('validatingByCustomers');

    // Alice's activity says what happened, and never holds a password or a link's secret.
    const events = await h.db.select().from(accountEvents).where(eq(accountEvents.accountId, alice.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['emailChangeRequested', 'emailChangeCancelled']));
    const details = JSON.stringify(events.map((e) => e.detail));
    for (const secret of [TEST_PASSWORD, cancel.token]) expect(details).not.toContain(secret);
  });
});

describe('a sub-account and its holder’s address', () => {
  it('cannot change it, even with the profile and domains.manage permissions and a password', async () => {
    const holder = await h.account('Hana');
    const sub = await h.subAccount(holder, ['profile', 'domains.manage']);
    const cookie = await h.signIn(sub);
    const evil = fresh('taken-over');

    const res = await moveTo(sub, evil);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'emailHolderOnly', field: 'email' });
    const page = await get('/profile', cookie);
    expect(inputOf(page.body, 'email')).toMatch(/value="[^"]+" .*readonly/);
    expect(page.body).toContain('Only the account holder can change this address.');
    const posted = await post('/profile', cookie, { email: evil, addressPassword: TEST_PASSWORD });
    expect(posted.statusCode).toBe(403);
    expect(errorOf(posted.body, 'email')).toBe(
      'Only the account holder may change the account’s email address, even with the profile permission.',
    );
    expect((await h.request('DELETE', '/api/v1/profile/pending-email', { token: sub.token })).statusCode).toBe(403);
    expect(await profileOf(holder)).toMatchObject({ email: holder.email, pendingEmail: null });
    expect(h.resend.to(evil)).toHaveLength(0);
  });
});

describe('the contact book', () => {
  it('a sub-account’s new address waits for its confirmation, as an account’s; a plain contact’s changes at once', async () => {
    const holder = await h.account('Holly');
    const sub = await h.subAccount(holder, ['services.view']);
    const next = fresh('sub-new');
    const fields = { firstName: 'Casey', lastName: 'Contact', language: 'en', city: 'Gent' };

    const res = await h.request('PUT', `/api/v1/contacts/${sub.id}`, {
      token: holder.token,
      body: { ...fields, email: next },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ email: sub.email, pendingEmail: next, city: 'Gent' });
    const confirm = await h.email(inbox(next), (t) => t.includes('/address/confirm/'));
    expect(confirm.text).toContain(`your sub-account ${sub.handle} in the customer area of Holly`);
    expect((await h.email(sub, (t) => t.includes('/address/cancel/'))).text).toContain(next);

    // The holder's page shows the change waiting; the link, followed, makes it the address in use.
    const holderSession = await h.signIn(holder);
    const edit = await get(`/contacts/${sub.id}/edit`, holderSession);
    expect(edit.body).toContain(`Waiting for confirmation at <strong>${next}</strong>`);
    const link = await confirmLink(next);
    const done = await post(`/address/confirm/${link.id}?lang=en`, undefined, { token: link.token });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`Done: the email address is now ${next}.`);
    const after = await h.request('GET', `/api/v1/contacts/${sub.id}`, { token: holder.token });
    expect(after.json()).toMatchObject({ email: next, pendingEmail: null });

    // A contact that cannot sign in takes its address at once, as before, and nobody is written to.
    const plain = await h.contact(holder);
    const moved = fresh('plain');
    const edited = await h.request('PUT', `/api/v1/contacts/${plain.id}`, {
      token: holder.token,
      body: { ...fields, email: moved },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ email: moved, pendingEmail: null });
    expect([...h.resend.to(plain.email), ...h.resend.to(moved)]).toHaveLength(0);
  });
});

describe('withdrawing a change that waits', () => {
  it('from the profile page and for a sub-account through the API: its link stops working', async () => {
    const wes = await h.account('Wes');
    const cookie = await h.signIn(wes);
    const next = fresh('wes-new');
    const asked = await post('/profile', cookie, { email: next, addressPassword: TEST_PASSWORD });
    expect(asked.headers.location).toBe('/profile#contact');
    const link = await confirmLink(next);
    const page = await get('/profile', cookie);
    expect(page.body).toMatch(/<button type="submit" class="secondary" form="address-withdraw">Withdraw this change/);
    const withdrawn = await post('/address/withdraw', cookie);
    expect(withdrawn.headers.location).toBe('/profile#contact');
    expect((await get('/profile', withFlash(cookie, withdrawn))).body).toContain(
      'The address change has been withdrawn: its link no longer works.',
    );
    expect((await confirmByApi(link)).statusCode).toBe(410);
    expect(await profileOf(wes)).toMatchObject({ email: wes.email, pendingEmail: null });

    const sub = await h.subAccount(wes, ['services.view']);
    const later = fresh('sub-later');
    await h.request('PUT', `/api/v1/contacts/${sub.id}`, {
      token: wes.token,
      body: { firstName: 'Casey', lastName: 'Contact', email: later, language: 'en' },
    });
    const subLink = await confirmLink(later);
    const url = `/api/v1/contacts/${sub.id}/pending-email`;
    expect((await h.request('DELETE', url, { token: sub.token })).statusCode).toBe(403);
    expect((await h.request('DELETE', url, { token: wes.token })).statusCode).toBe(204);
    expect((await confirmByApi(subLink)).statusCode).toBe(410);
    expect((await h.request('DELETE', url, { token: wes.token })).json().code).toBe('noPendingEmailChange');
  });
});

describe('an invitation and an address change', () => {
  it('the invitation sent to the former address stops working; a new one goes to the confirmed address', async () => {
    const holder = await h.account('Ivo');
    const typo = await h.contact(holder, { firstName: 'Ines' });
    const invited = await h.request('POST', `/api/v1/contacts/${typo.id}/invitation`, {
      token: holder.token,
      body: { permissions: ['services.view'] },
    });
    expect(invited.statusCode).toBe(201);
    const first = invitationLink(await h.email(asParty(typo), (t) => t.includes('/invitations/')));

    // The holder corrects the address; whoever reads the wrong one cannot take the sub-account any more.
    const right = fresh('ines');
    await h.request('PUT', `/api/v1/contacts/${typo.id}`, {
      token: holder.token,
      body: { firstName: 'Ines', lastName: 'Contact', email: right, language: 'en' },
    });
    expect((await confirmByApi(await confirmLink(right))).statusCode).toBe(200);
    const stale = await h.request('POST', `/api/v1/invitations/${first.id}/accept`, {
      body: { token: first.token, password: 'a-password-long-enough' },
    });
    expect(stale.statusCode).toBe(410);
    const second = invitationLink(await h.email(inbox(right), (t) => t.includes('/invitations/')));
    const accepted = await h.request('POST', `/api/v1/invitations/${second.id}/accept`, {
      body: { token: second.token, password: 'a-password-long-enough' },
    });
    expect(accepted.statusCode).toBe(200);
  });
});

describe('the confirmation link', () => {
  it('works once and for 24 hours; a newer change replaces an older one', async () => {
    const dana = await h.account('Dana');
    await h.signIn(dana);
    const first = fresh('first');
    const second = fresh('second');
    await moveTo(dana, first);
    const older = await confirmLink(first);
    await moveTo(dana, second);
    const newer = await confirmLink(second);
    expect((await confirmByApi(older)).statusCode).toBe(410);

    const [row] = await h.db.select().from(emailChanges).where(eq(emailChanges.newEmail, second));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * 3_600_000);
    // As if 24 hours had passed.
    await h.db
      .update(emailChanges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailChanges.id, row!.id));
    const expired = await post(`/address/confirm/${newer.id}?lang=en`, undefined, { token: newer.token });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link is no longer valid');
    expect(await profileOf(dana)).toMatchObject({ email: dana.email, pendingEmail: null });

    const third = fresh('third');
    await moveTo(dana, third);
    const link = await confirmLink(third);
    expect((await confirmByApi(link)).statusCode).toBe(200);
    expect((await confirmByApi(link)).statusCode).toBe(410);
    const cancel = await cancelLink(dana.email, third);
    expect((await h.request('POST', `/api/v1/email-changes/${cancel.id}/cancel`, { body: cancel })).statusCode).toBe(
      410,
    );
    expect(await profileOf(dana)).toMatchObject({ email: third, pendingEmail: null });
  });
});
