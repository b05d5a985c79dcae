import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Contact = { id: string; handle: string; email: string };
const FORM = 'application/x-www-form-urlencoded';

const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

async function csrfOf(cookie: string) {
  return /name="_csrf" value="([^"]+)"/.exec((await get('/profile', cookie)).body)![1]!;
}

async function post(url: string, cookie: string | undefined, fields: Record<string, string | string[]>, csrf = true) {
  const body = new URLSearchParams();
  if (csrf && cookie) body.append('_csrf', await csrfOf(cookie));
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return h.app.inject({
    method: 'POST',
    url,
    headers: { ...(cookie ? { cookie } : {}), 'content-type': FORM },
    payload: body.toString(),
  });
}

/** The message shown next to a field, without its "Error:" label. */
const errorOf = (body: string, id: string) =>
  (new RegExp(`id="${id}-error"[^>]*>([\\s\\S]*?)</p>`).exec(body)?.[1] ?? '').replace(/<strong>.*?<\/strong>\s*/, '');
const inputOf = (body: string, id: string) =>
  new RegExp(`<(?:input|select)[^>]*id="${id}"[^>]*>`).exec(body)?.[0] ?? '';
const sectionOf = (body: string, id: string) =>
  new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';
const sessionCookie = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie']]
    .flat()
    .map(String)
    .find((c) => c.startsWith('cs_session='))
    ?.split(';')[0];
const profileOf = async (who: TestAccount) => (await h.request('GET', '/api/v1/profile', { token: who.token })).json();

/** Invites the contact with these permissions and returns the link of its `count`-th invitation email. */
async function invite(owner: TestAccount, contact: Contact, permissions: string[], count = 1) {
  const res = await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
    token: owner.token,
    body: { permissions },
  });
  expect(res.statusCode, res.body).toBe(201);
  const email = await h.email({ ...contact, token: '' }, (t) => t.includes('/invitations/'), count);
  const match = /\/invitations\/([A-Za-z0-9_-]+)\?lang=([a-z]{2})#token=([A-Za-z0-9_-]{43})/.exec(email.text)!;
  return { id: match[1]!, lang: match[2]!, token: match[3]! };
}

type Link = Awaited<ReturnType<typeof invite>>;
const accept = (link: Link, password: string, confirm = password) =>
  post(`/invitations/${link.id}?lang=${link.lang}`, undefined, { token: link.token, password, confirm });
const check = (link: Link, token = link.token) =>
  h.app.inject({
    method: 'POST',
    url: `/invitations/${link.id}/check?lang=${link.lang}`,
    headers: { 'content-type': FORM },
    payload: `token=${token}`,
  });

describe('Profile: contact information', () => {
  it('shows the names read-only with how to change them, and refuses a name change', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    const page = await get('/profile', cookie);
    expect(page.statusCode).toBe(200);
    expect(inputOf(page.body, 'firstName')).toMatch(/value="Alice" readonly/);
    expect(inputOf(page.body, 'firstName')).not.toContain('name=');
    expect(page.body).toContain('Your first and last name can only be changed by support');
    expect(inputOf(page.body, 'email')).toContain(`value="${alice.email}"`);

    const res = await post('/profile', cookie, { firstName: 'Mallory', email: alice.email });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, 'names')).toContain(
      'can only be changed by support: contact them with a proof of identity',
    );
    expect(inputOf(res.body, 'firstName')).toContain('aria-invalid="true"');
    expect((await profileOf(alice)).firstName).toBe('Alice');
  });

  it('a bad phone is refused next to the phone field, in the page language, keeping what was typed', async () => {
    const amelie = await h.account('Amelie', 'fr');
    const cookie = await h.signIn(amelie);
    const bad = await post('/profile', cookie, {
      email: amelie.email,
      phone: '06 12 34 56 78',
      city: 'Lyon',
      country: 'fr',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad.body, 'phone')).toBe(
      'Saisissez le numéro au format international, avec + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    );
    expect(inputOf(bad.body, 'phone')).toMatch(
      /value="06 12 34 56 78".*aria-describedby="phone-hint phone-error" aria-invalid="true"/,
    );
    expect(inputOf(bad.body, 'city')).toContain('value="Lyon"');
    expect(inputOf(bad.body, 'city')).not.toContain('aria-invalid');
    expect(bad.body).toContain('<a href="#phone">');
    expect(bad.body).not.toContain('in international form, starting with');
    expect((await profileOf(amelie)).phone).toBeNull();

    const good = await post('/profile', cookie, {
      email: amelie.email,
      phone: '+33 6 12 34 56 78',
      city: 'Lyon',
      country: 'fr',
    });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/profile?saved=contact#contact');
    const after = await get(String(good.headers.location).split('#')[0]!, cookie);
    expect(after.body).toContain('Vos coordonnées ont été enregistrées.');
    expect(inputOf(after.body, 'phone')).toContain('value="+33612345678"');
    expect(await profileOf(amelie)).toMatchObject({ phone: '+33612345678', city: 'Lyon', country: 'FR' });
  });

  it('a bad email is refused in Dutch when the page is asked in Dutch, and the forms keep that language', async () => {
    const anna = await h.account('Anna', 'en');
    const cookie = await h.signIn(anna);
    const page = await get('/profile?lang=nl', cookie);
    expect(page.body).toContain('action="/profile?lang=nl"');
    const res = await post('/profile?lang=nl', cookie, { email: 'not-an-email' });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, 'email')).toBe('Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(inputOf(res.body, 'email')).toContain('value="not-an-email"');
  });
});

describe('Profile: preferences', () => {
  it('makes a contact the billing contact, by post, in Dutch; an unknown handle is refused next to the select', async () => {
    const owner = await h.account('Olga');
    const contact = await h.contact(owner, { firstName: 'Bea', lastName: 'Billing' });
    const cookie = await h.signIn(owner);
    const page = await get('/profile', cookie);
    expect(sectionOf(page.body, 'preferences')).toContain(
      `<option value="${contact.handle}">Bea Billing (${contact.handle})</option>`,
    );
    expect(sectionOf(page.body, 'preferences')).toMatch(
      new RegExp(`<option value="${owner.handle}" selected>Olga[^<]*– account holder</option>`),
    );

    const res = await post('/profile/preferences', cookie, {
      billingContact: contact.handle,
      communication: 'post',
      language: 'nl',
    });
    expect(res.statusCode).toBe(303);
    const after = await get('/profile?saved=preferences', cookie);
    expect(after.body).toContain('<html lang="nl">');
    expect(after.body).toContain('De voorkeuren van het account zijn opgeslagen.');
    expect(sectionOf(after.body, 'preferences')).toContain(`<option value="${contact.handle}" selected>`);
    expect(inputOf(after.body, 'communication-post')).toContain('checked');
    expect((await profileOf(owner)).preferences).toEqual({
      billingContact: contact.handle,
      communication: 'post',
      language: 'nl',
    });

    const unknown = await post('/profile/preferences', cookie, {
      billingContact: 'nobody-404',
      communication: 'email',
      language: 'nl',
    });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown.body, 'billingContact')).toBe(
      'nobody-404 is geen van uw contacten; voeg het eerst toe onder Mijn contacten.',
    );
    expect((await profileOf(owner)).preferences.billingContact).toBe(contact.handle);
  });
});

describe('Profile: newsletters', () => {
  it('saves the chosen newsletters, then "Unsubscribe from all" leaves none, and says service emails still go out', async () => {
    const nina = await h.account('Nina');
    const cookie = await h.signIn(nina);
    const saved = await post('/profile/newsletters', cookie, { newsletters: ['news', 'offers'] });
    expect(saved.headers.location).toBe('/profile?saved=newsletters#newsletters');
    const page = await get('/profile?saved=newsletters', cookie);
    expect(page.body).toContain('Your newsletter choices have been saved.');
    expect(inputOf(page.body, 'newsletter-news')).toContain('checked');
    expect(inputOf(page.body, 'newsletter-offers')).toContain('checked');
    expect(inputOf(page.body, 'newsletter-domain-suggestions')).not.toContain('checked');
    expect(sectionOf(page.body, 'newsletters')).toContain('Service emails always go out');
    expect((await profileOf(nina)).newsletters).toEqual(['news', 'offers']);

    // The "Unsubscribe from all" button submits a form of its own, which holds no newsletter.
    expect(page.body).toMatch(
      /<button type="submit" class="secondary" form="newsletters-none">Unsubscribe from all<\/button>/,
    );
    const none = /<form[^>]*id="newsletters-none"[^>]*>([\s\S]*?)<\/form>/.exec(page.body)![1]!;
    expect(none).not.toContain('name="newsletters"');
    const all = await post('/profile/newsletters', cookie, {});
    expect(all.headers.location).toBe('/profile?saved=unsubscribed#newsletters');
    const after = await get('/profile?saved=unsubscribed', cookie);
    expect(after.body).toContain('You are unsubscribed from every newsletter. Service emails still reach you.');
    expect(sectionOf(after.body, 'newsletters')).not.toContain('checked');
    expect((await profileOf(nina)).newsletters).toEqual([]);
  });
});

describe('Profile: password', () => {
  it('a wrong current password is refused on that field; the right one changes it and the old one stops working', async () => {
    const paul = await h.account('Paul');
    const cookie = await h.signIn(paul);
    // A second session, as on another computer: it ends with the change.
    const other = sessionCookie(await post('/signin', undefined, { handle: paul.handle, password: TEST_PASSWORD }))!;
    expect((await get('/profile', other)).statusCode).toBe(200);
    const next = 'a-brand-new-passphrase-42';
    const wrong = await post('/profile/password', cookie, { currentPassword: 'not-my-password', newPassword: next });
    expect(wrong.statusCode).toBe(422);
    expect(errorOf(wrong.body, 'currentPassword')).toBe('This is not your current password.');
    expect(inputOf(wrong.body, 'currentPassword')).toContain('aria-invalid="true"');
    expect(wrong.body).not.toContain(next);
    const short = await post('/profile/password', cookie, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(errorOf(short.body, 'newPassword')).toBe('Choose a password of at least 10 characters.');

    const right = await post('/profile/password', cookie, { currentPassword: TEST_PASSWORD, newPassword: next });
    expect(right.headers.location).toBe('/profile?saved=password#password');
    expect((await get('/profile?saved=password', cookie)).body).toContain(
      'Your password has been changed. Your other sessions have been signed out.',
    );
    expect((await get('/profile', other)).headers.location).toBe('/signin?next=%2Fprofile');
    const signIn = (password: string) => post('/signin', undefined, { handle: paul.handle, password });
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(next)).statusCode).toBe(303);
  });
});

describe('Profile of a sub-account', () => {
  it('without the profile permission shows only the password section, and saving the profile is refused', async () => {
    const owner = await h.account('Oscar');
    const contact = await h.contact(owner, { firstName: 'Sam', lastName: 'Sub' });
    const accepted = await accept(await invite(owner, contact, ['services.view']), 'sub-account-password-1');
    const cookie = sessionCookie(accepted)!;
    const page = await get('/profile', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your sub-account may not see or change the profile of this customer area');
    expect(sectionOf(page.body, 'password')).toContain('Current password');
    for (const hidden of ['contact', 'preferences', 'newsletters']) expect(sectionOf(page.body, hidden)).toBe('');
    expect(page.body).not.toContain(owner.email);

    const refused = await post('/profile', cookie, { email: 'taken-over@evil.example' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You may not do this.');
    expect((await profileOf(owner)).email).toBe(owner.email);
    expect((await post('/profile/newsletters', cookie, { newsletters: 'offers' })).statusCode).toBe(403);

    const own = await post('/profile/password', cookie, {
      currentPassword: 'sub-account-password-1',
      newPassword: 'sub-account-password-2',
    });
    expect(own.headers.location).toBe('/profile?saved=password#password');
  });
});

describe('Accepting an invitation', () => {
  it('greets only who holds the link, signs the sub-account in, and works once', async () => {
    const owner = await h.account('Odile', 'fr');
    const contact = await h.contact(owner, { language: 'fr' });
    const link = await invite(owner, contact, ['services.view']);
    expect(link.lang).toBe('fr');
    const page = await get(`/invitations/${link.id}?lang=fr`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Accepter l’invitation');
    expect(page.body).toContain('<input type="hidden" name="token" id="token" value="">');
    expect(page.body).not.toContain('Casey');
    expect(page.headers['cache-control']).toBe('no-store');

    expect((await check(link)).json()).toEqual({
      ok: true,
      greeting: 'Bonjour Casey Contact,',
      handle: `votre identifiant de connexion est ${contact.handle}.`,
      username: contact.handle,
    });
    const forged = await check(link, 'A'.repeat(43));
    expect(forged.statusCode).toBe(410);
    expect(forged.json().message).toContain('Demandez un nouveau lien à la personne qui vous a invité.');

    const accepted = await accept(link, 'un-mot-de-passe-solide');
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/services');
    const services = await get('/services', sessionCookie(accepted));
    expect(services.statusCode).toBe(200);
    expect(services.body).toContain(`(${contact.handle})`);
    expect(services.body).toContain('Mes services');

    const again = await accept(link, 'un-autre-mot-de-passe');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Ce lien d’invitation n’est plus valable');
    expect(again.body).not.toContain('name="password"');
    expect(sessionCookie(again)).toBeUndefined();
    // The first password is the one that signs in; the token never reached a logged URL.
    expect(
      (await post('/signin', undefined, { handle: contact.handle, password: 'un-mot-de-passe-solide' })).statusCode,
    ).toBe(303);
    expect(h.logs.some((line) => line.includes(link.token))).toBe(false);
  });

  it('refuses a withdrawn link, and an older link once a new one was sent', async () => {
    const owner = await h.account('Omar');
    const contact = await h.contact(owner);
    const first = await invite(owner, contact, ['profile']);
    const second = await invite(owner, contact, ['profile'], 2);
    const older = await accept(first, 'a-good-long-password');
    expect(older.statusCode).toBe(410);
    expect(older.body).toContain('Ask the person who invited you for a new link.');
    expect((await check(first)).statusCode).toBe(410);
    // A link cut before its token (or a browser without JavaScript) is told how to get a working one.
    const cut = await accept({ ...second, token: '' }, 'a-good-long-password');
    expect(cut.statusCode).toBe(400);
    expect(cut.body).toContain('This link is incomplete. Open the link from the invitation email again');

    expect(
      (await h.request('DELETE', `/api/v1/contacts/${contact.id}/invitation`, { token: owner.token })).statusCode,
    ).toBe(200);
    const withdrawn = await accept(second, 'a-good-long-password');
    expect(withdrawn.statusCode).toBe(410);
    expect(withdrawn.body).toContain('This invitation link is no longer valid');
    expect(
      (await post('/signin', undefined, { handle: contact.handle, password: 'a-good-long-password' })).statusCode,
    ).toBe(401);
  });

  it('a too-short password or a different confirmation is refused next to the field, and the link still works', async () => {
    const owner = await h.account('Otto');
    const contact = await h.contact(owner, { language: 'nl' });
    const link = await invite(owner, contact, []);
    const short = await accept(link, 'short');
    expect(short.statusCode).toBe(422);
    expect(errorOf(short.body, 'password')).toBe('Kies een wachtwoord van ten minste 10 tekens.');
    expect(inputOf(short.body, 'password')).toContain('aria-invalid="true"');
    expect(short.body).toContain('Beste Casey Contact,');
    expect(short.body).toContain(`name="token" id="token" value="${link.token}"`);

    const different = await accept(link, 'long-enough-password', 'long-enough-passwort');
    expect(different.statusCode).toBe(422);
    expect(errorOf(different.body, 'confirm')).toBe(
      'De twee wachtwoorden verschillen: typ twee keer hetzelfde wachtwoord.',
    );
    expect(errorOf(different.body, 'password')).toBe('');

    expect((await accept(link, 'long-enough-password')).statusCode).toBe(303);
  });
});
