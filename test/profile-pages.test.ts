import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { withFlash } from './support/pages.js';
import { errorOf, inputOf, optionsOf, profilePages, selectedOf, sessionCookie } from './support/profile-pages.js';

/** Profile: contact information, preferences, newsletters and password. Accepting an invitation: in
 * invitation-pages.test.ts. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post, invite, accept } = profilePages(() => h);

const sectionOf = (body: string, id: string) =>
  new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';
const profileOf = async (who: TestAccount) => (await h.request('GET', '/api/v1/profile', { token: who.token })).json();

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

  it('a phone not valid in the chosen country is refused next to it, in the page language, keeping what was typed and the country chosen', async () => {
    const amelie = await h.account('Amelie', 'fr');
    const cookie = await h.signIn(amelie);
    const bad = await post('/profile', cookie, {
      email: amelie.email,
      phone: '06 12 34',
      city: 'Lyon',
      country: 'fr',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad.body, 'phone')).toBe(
      'Le numéro de téléphone n’est pas valide pour le pays choisi (France)\u00a0: saisissez-le tel qu’on le compose dans ce pays, ou avec + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    );
    expect(inputOf(bad.body, 'phone')).toMatch(
      /value="06 12 34".*aria-describedby="phone-hint phone-error" aria-invalid="true"/,
    );
    expect(selectedOf(bad.body, 'country')).toBe('FR');
    expect(inputOf(bad.body, 'city')).toContain('value="Lyon"');
    expect(inputOf(bad.body, 'city')).not.toContain('aria-invalid');
    expect(bad.body).toContain('<a href="#phone">');
    expect(bad.body).not.toContain('not a valid phone number in');
    expect((await profileOf(amelie)).phone).toBeNull();

    // Without a country, a number without + cannot be read: it is refused, asking for the international form.
    const nowhere = await post('/profile', cookie, { email: amelie.email, phone: '06 12 34 56 78', country: '' });
    expect(nowhere.statusCode).toBe(422);
    expect(errorOf(nowhere.body, 'phone')).toBe(
      'Saisissez le numéro au format international\u00a0: + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    );
    // None chosen: the browser shows the first choice, "Aucun pays".
    expect(selectedOf(nowhere.body, 'country')).toBeUndefined();
    expect(optionsOf(nowhere.body, 'country')[0]).toEqual(['', 'Aucun pays', false]);

    // As dialled in France, kept in international form.
    const good = await post('/profile', cookie, {
      email: amelie.email,
      phone: '06 12 34 56 78',
      city: 'Lyon',
      country: 'FR',
    });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/profile#contact');
    const after = await get('/profile', withFlash(cookie, good));
    expect(after.body).toContain('Vos coordonnées ont été enregistrées.');
    expect(inputOf(after.body, 'phone')).toContain('value="+33612345678"');
    expect(selectedOf(after.body, 'country')).toBe('FR');
    expect(await profileOf(amelie)).toMatchObject({ phone: '+33612345678', city: 'Lyon', country: 'FR' });
  });

  it('offers the countries named and sorted in the page language, the stored one chosen, and none as the first choice', async () => {
    const bart = await h.account('Bart', 'nl');
    const cookie = await h.signIn(bart);
    const empty = await get('/profile', cookie);
    expect(optionsOf(empty.body, 'country')[0]).toEqual(['', 'Geen land', false]);
    expect(selectedOf(empty.body, 'country')).toBeUndefined();

    const saved = await post('/profile', cookie, { email: bart.email, phone: '0470 12 34 56', country: 'BE' });
    expect(saved.statusCode).toBe(303);
    expect((await profileOf(bart)).phone).toBe('+32470123456');

    const names = (lang: string) =>
      get(`/profile?lang=${lang}`, cookie).then((page) => optionsOf(page.body, 'country'));
    for (const [lang, belgium, none, before, after] of [
      ['nl', 'België', 'Geen land', 'Duitsland', 'Zwitserland'],
      ['fr', 'Belgique', 'Aucun pays', 'Allemagne', 'Suisse'],
      ['en', 'Belgium', 'No country', 'Germany', 'Switzerland'],
    ] as const) {
      const options = await names(lang);
      expect(options.length, lang).toBe(250);
      expect(options[0], lang).toEqual(['', none, false]);
      expect(
        options.filter(([, , chosen]) => chosen),
        lang,
      ).toEqual([['BE', belgium, true]]);
      const order = options.map(([, name]) => name);
      expect(order.indexOf(before), lang).toBeGreaterThan(0);
      expect(order.indexOf(before), lang).toBeLessThan(order.indexOf(after));
      const rest = order.slice(1);
      expect(rest, lang).toEqual([...rest].sort(new Intl.Collator(lang).compare));
    }
  });

  it('PUT /api/v1/profile reads a phone as dialled in the country given, as the contact form does', async () => {
    const nina = await h.account('Nina');
    const put = (body: Record<string, unknown>) =>
      h.request('PUT', '/api/v1/profile', { token: nina.token, body: { email: nina.email, language: 'en', ...body } });
    const national = await put({ phone: '06 12 34 56 78', country: 'NL' });
    expect(national.statusCode, national.body).toBe(200);
    expect(national.json()).toMatchObject({ phone: '+31612345678', country: 'NL' });
    const elsewhere = await put({ phone: '06 12 34', country: 'BE' });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().issues).toEqual([
      expect.objectContaining({
        field: 'body.phone',
        message: expect.stringMatching(/not a valid phone number in BE/),
      }),
    ]);
    expect((await profileOf(nina)).phone).toBe('+31612345678');
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
    const after = await get('/profile', withFlash(cookie, res));
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

describe('Profile: time zone', () => {
  it('offers the IANA zones, saves the one chosen, and refuses one not in the list next to the select', async () => {
    const zoe = await h.account('Zoe', 'fr');
    const cookie = await h.signIn(zoe);
    const page = await get('/profile', cookie);
    const preferences = sectionOf(page.body, 'preferences');
    expect(preferences).toContain('<label for="timeZone">Fuseau horaire</label>');
    expect(preferences).toContain('<option value="" selected>Aucun (UTC)</option>');
    expect(preferences).toContain('<option value="America/New_York">America/New York</option>');

    const values = { billingContact: zoe.handle, communication: 'email', language: 'fr' };
    const res = await post('/profile/preferences', cookie, { ...values, timeZone: 'Europe/Brussels' });
    expect(res.statusCode).toBe(303);
    const after = await get('/profile', withFlash(cookie, res));
    expect(sectionOf(after.body, 'preferences')).toContain('<option value="Europe/Brussels" selected>');
    expect((await profileOf(zoe)).timeZone).toBe('Europe/Brussels');

    const bad = await post('/profile/preferences', cookie, { ...values, timeZone: 'Europe/Atlantis' });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad.body, 'timeZone')).toBe('Choisissez un fuseau horaire dans la liste.');
    expect(inputOf(bad.body, 'timeZone')).toContain('aria-invalid="true"');
    expect((await profileOf(zoe)).timeZone).toBe('Europe/Brussels');
  });
});

describe('Profile: newsletters', () => {
  it('saves the chosen newsletters, then "Unsubscribe from all" leaves none, and says service emails still go out', async () => {
    const nina = await h.account('Nina');
    const cookie = await h.signIn(nina);
    const saved = await post('/profile/newsletters', cookie, { newsletters: ['news', 'offers'] });
    expect(saved.headers.location).toBe('/profile#newsletters');
    const page = await get('/profile', withFlash(cookie, saved));
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
    expect(all.headers.location).toBe('/profile#newsletters');
    const after = await get('/profile', withFlash(cookie, all));
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
    expect(right.headers.location).toBe('/profile#password');
    expect((await get('/profile', withFlash(cookie, right))).body).toContain(
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
    expect(own.headers.location).toBe('/profile#password');
  });
});
