import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAccount, box, contactsPages, inputOf, rowOf } from './support/contacts-pages.js';
import { startHarness, type Harness } from './support/harness.js';
import { withFlash, type Fields } from './support/pages.js';

/** My contacts: the list, adding, checking, editing and deleting a contact. Access to the customer area: in
 * contacts-access-pages.test.ts. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post, contactVia } = contactsPages(() => h);

/** What a person types in the form for a valid contact; a test overrides the fields it is about. */
const typed = (fields: Fields = {}): Fields => ({
  firstName: 'Jeanne',
  lastName: 'Dupont',
  email: `jeanne-${Math.random().toString(36).slice(2, 8)}@test.example`,
  phone: '+33 6 12 34 56 78',
  company: 'Acme',
  street: '1 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  country: 'fr',
  language: 'fr',
  ...fields,
});

const messageOf = (page: string, field: string) =>
  (new RegExp(`id="${field}-message"[^>]*>([\\s\\S]*?)</p>`).exec(page)?.[1] ?? '').replace(/<[^>]+>/g, '');

describe('My contacts list', () => {
  it('shows my contacts with handle, email, phone, company, the emails they receive and their access; not another book’s', async () => {
    const [alice, eve] = await Promise.all([h.account('Alice'), h.account('Eve')]);
    const casey = await h.contact(alice, {
      firstName: 'Casey',
      lastName: 'Martin',
      phone: '+33612345678',
      company: 'Acme',
      emailCategories: ['domain', 'billing'],
    });
    const other = await h.contact(eve, { firstName: 'Oscar', lastName: 'Other' });
    const res = await get('/contacts', await h.signIn(alice));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a class="button" href="/contacts/new">Add a contact</a>');
    const row = rowOf(res.body, casey.id)!;
    expect(row).toMatch(/<th scope="row"[^>]*>Casey Martin<\/th>/);
    for (const text of [
      casey.handle,
      casey.email,
      '+33 6 12 34 56 78',
      'Acme',
      'Billing, Domain names',
      '<td data-label="Access">Contact</td>',
    ])
      expect(row).toContain(text);
    expect(row).toContain(`href="/contacts/${casey.id}/edit">Edit`);
    expect(row).toContain(`href="/contacts/${casey.id}/delete">Delete`);
    expect(res.body).not.toContain(other.handle);
    expect(res.body).toContain('aria-current="page">My contacts</a>');
  });

  it('sends who is not signed in to the sign-in page', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/contacts' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signin?next=%2Fcontacts');
  });
});

describe('adding a contact', () => {
  it('shows each error next to its field in the page language, keeps what was typed, and adds the corrected contact', async () => {
    const alice = await h.account('Alice', 'fr');
    const cookie = await h.signIn(alice);
    const form = typed({
      lastName: ' ',
      email: 'jeanne@',
      phone: '06 12 34 56 78',
      country: 'France',
      emailCategories: 'billing',
    });
    const refused = await post('/contacts', cookie, form);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('<title>Erreur : Ajouter un contact · Countersign</title>');
    expect(messageOf(refused.body, 'email')).toBe(
      'Erreur : Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    );
    expect(messageOf(refused.body, 'phone')).toContain('Saisissez le numéro au format international');
    expect(messageOf(refused.body, 'lastName')).toBe('Erreur : Saisissez le nom.');
    expect(messageOf(refused.body, 'country')).toBe('Erreur : Choisissez un pays dans la liste.');
    expect(messageOf(refused.body, 'firstName')).toBe('');
    expect(inputOf(refused.body, 'phone')).toContain('value="06 12 34 56 78"');
    expect(inputOf(refused.body, 'phone')).toMatch(/aria-describedby="phone-hint phone-message" aria-invalid="true"/);
    expect(inputOf(refused.body, 'email')).toContain('value="jeanne@"');
    expect(inputOf(refused.body, 'firstName')).not.toContain('aria-invalid');
    expect(box(refused.body, 'emailCategories', 'billing')).toContain('checked');
    expect(refused.body).toMatch(
      /id="error-summary"[\s\S]*<a href="#lastName">Saisissez le nom\.<\/a>[\s\S]*<a href="#email">/,
    );
    expect((await h.request('GET', '/api/v1/contacts', { token: alice.token })).json().items).toEqual([]);

    const added = await post('/contacts', cookie, {
      ...form,
      lastName: 'Dupont',
      email: 'jeanne@example.fr',
      phone: '+33 6 12 34 56 78',
      country: 'fr',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/contacts');
    const list = await get('/contacts', withFlash(cookie, added));
    expect(list.body).toContain('<p class="notice ok" role="status" id="flash">Le contact a été ajouté.</p>');
    // Said once: the page takes the message away, and a reload does not say it again.
    expect(list.cookies).toContainEqual(expect.objectContaining({ name: 'cs_flash', value: '' }));
    expect((await get('/contacts', cookie)).body).not.toContain('Le contact a été ajouté.');
    const [contact] = (await h.request('GET', '/api/v1/contacts', { token: alice.token })).json().items;
    expect(contact).toMatchObject({
      name: 'Jeanne Dupont',
      phone: '+33612345678',
      country: 'FR',
      emailCategories: ['billing'],
      language: 'fr',
    });
    expect(rowOf(list.body, contact.id)).toContain('Facturation');
  });

  it('refuses an email already in the book on the email field', async () => {
    const alice = await h.account('Alice');
    const taken = await h.contact(alice);
    const res = await post(
      '/contacts',
      await h.signIn(alice),
      typed({ email: taken.email.toUpperCase(), language: 'en' }),
    );
    expect(res.statusCode).toBe(409);
    expect(messageOf(res.body, 'email')).toBe(
      `Error: ${taken.email.toUpperCase()} is already the address of another contact in your book, or your own. Each contact needs an address of its own.`,
    );
    expect(inputOf(res.body, 'email')).toContain('aria-invalid="true"');
    expect(inputOf(res.body, 'firstName')).toContain('value="Jeanne"');
    expect((await h.request('GET', '/api/v1/contacts', { token: alice.token })).json().items).toHaveLength(1);
  });

  it('refuses a form without its CSRF field and adds nothing', async () => {
    const alice = await h.account('Alice');
    const res = await post('/contacts', await h.signIn(alice), typed(), false);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired. Reload the page and try again.');
    expect((await h.request('GET', '/api/v1/contacts', { token: alice.token })).json().items).toEqual([]);
  });
});

describe('the country and a phone number as dialled in it', () => {
  const optionOf = (page: string, code: string) =>
    new RegExp(`<option value="${code}"[^>]*>[^<]*</option>`).exec(page)?.[0];
  const names = (page: string) =>
    [
      ...(/<select id="country"[\s\S]*?<\/select>/.exec(page)?.[0] ?? '').matchAll(
        /<option value="[A-Z]+"[^>]*>([^<]*)</g,
      ),
    ].map((m) => m[1]);

  it('lists every country by its name in the page language, sorted in it, the code as the value', async () => {
    const alice = await h.account('Alice', 'fr');
    const cookie = await h.signIn(alice);
    const fr = (await get('/contacts/new?lang=fr', cookie)).body;
    expect(optionOf(fr, 'DE')).toBe('<option value="DE">Allemagne</option>');
    expect(optionOf(fr, '')).toBe('<option value="">Aucun pays</option>');
    const inFrench = names(fr);
    expect(inFrench).toHaveLength(249);
    // Sorted as French sorts: Égypte among the E, not after Zimbabwe.
    expect(inFrench.indexOf('Égypte')).toBeGreaterThan(inFrench.indexOf('Dominique'));
    expect(inFrench.indexOf('Égypte')).toBeLessThan(inFrench.indexOf('Espagne'));
    expect(inFrench.at(-1)).toBe('Zimbabwe');
    const nl = (await get('/contacts/new?lang=nl', cookie)).body;
    expect(optionOf(nl, 'DE')).toBe('<option value="DE">Duitsland</option>');
    expect(names(nl).indexOf('Duitsland')).toBeLessThan(names(nl).indexOf('Frankrijk'));
    expect(inputOf(nl, 'country')).toBe(
      '<select id="country" name="country" aria-describedby="country-hint country-message">',
    );
  });

  it('takes 06 11 22 33 44 in France, keeps +33611223344, and shows it back with France chosen', async () => {
    const alice = await h.account('Alice', 'fr');
    const cookie = await h.signIn(alice);
    const added = await post('/contacts', cookie, typed({ phone: '06 11 22 33 44', country: 'FR' }));
    expect(added.statusCode).toBe(303);
    const [contact] = (await h.request('GET', '/api/v1/contacts', { token: alice.token })).json().items;
    expect(contact).toMatchObject({ phone: '+33611223344', country: 'FR' });
    const edit = await get(`/contacts/${contact.id}/edit`, cookie);
    expect(inputOf(edit.body, 'phone')).toContain('value="+33 6 11 22 33 44"');
    expect(optionOf(edit.body, 'FR')).toBe('<option value="FR" selected>France</option>');
    expect(rowOf((await get('/contacts', cookie)).body, contact.id)).toContain('+33 6 11 22 33 44');
  });

  it('refuses a number that is not one of the chosen country’s, and a country not in the list, saying which field', async () => {
    const alice = await h.account('Alice', 'fr');
    const cookie = await h.signIn(alice);
    const refused = await post('/contacts', cookie, typed({ phone: '06 11 22', country: 'FR' }));
    expect(refused.statusCode).toBe(422);
    expect(messageOf(refused.body, 'phone')).toBe(
      'Erreur\u00a0: Le numéro de téléphone n’est pas valide pour le pays choisi (France)\u00a0: saisissez-le tel qu’on le compose dans ce pays, ou avec + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    );
    expect(inputOf(refused.body, 'phone')).toContain('value="06 11 22"');
    expect(optionOf(refused.body, 'FR')).toContain('selected');
    // A French mobile typed as dialled in France is not a Belgian number.
    const belgian = await post(
      '/contacts?lang=nl',
      cookie,
      typed({ phone: '06 11 22 33 44', country: 'BE', language: 'nl' }),
    );
    expect(messageOf(belgian.body, 'phone')).toBe(
      'Fout: Het telefoonnummer is niet geldig voor het gekozen land (België): vul het in zoals men het daar belt, of met + en de landcode, bijvoorbeeld +31 6 12345678.',
    );
    const nowhere = await post('/contacts', cookie, typed({ country: 'ZZ' }));
    expect(nowhere.statusCode).toBe(422);
    expect(messageOf(nowhere.body, 'country')).toBe('Erreur\u00a0: Choisissez un pays dans la liste.');
    expect((await h.request('GET', '/api/v1/contacts', { token: alice.token })).json().items).toEqual([]);
  });
});

describe('checking as one types', () => {
  it('answers a translated message per field that is wrong, and nothing for a valid contact', async () => {
    const bram = await h.account('Bram', 'nl');
    const cookie = await h.signIn(bram);
    const wrong = await post(
      '/contacts/check',
      cookie,
      typed({ firstName: '', email: 'bram@@x', phone: '+31 12', country: 'NLD' }),
    );
    expect(wrong.statusCode).toBe(200);
    expect(wrong.headers['cache-control']).toBe('no-store');
    expect(wrong.json()).toEqual({
      fields: {
        firstName: 'Vul de voornaam in.',
        email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
        phone: 'Vul het nummer in internationale vorm in: + en de landcode, bijvoorbeeld +31 6 12345678.',
        country: 'Kies een land uit de lijst.',
      },
    });
    expect((await post('/contacts/check?lang=en', cookie, typed({ phone: '0612', country: '' }))).json()).toEqual({
      fields: { phone: 'Enter the number in international form: + and the country code, e.g. +33 6 12 34 56 78.' },
    });
    expect((await post('/contacts/check?lang=en', cookie, typed({ phone: '0612' }))).json()).toEqual({
      fields: {
        phone:
          'The phone number is not valid for the chosen country (France): type it as dialled there, or with + and the country code, e.g. +33 6 12 34 56 78.',
      },
    });
    expect((await post('/contacts/check', cookie, typed())).json()).toEqual({ fields: {} });
    expect((await post('/contacts/check', cookie, typed(), false)).statusCode).toBe(403);
  });
});

describe('editing a contact', () => {
  it('shows the form filled in, saves the change and tells so in the list', async () => {
    const [alice, eve] = await Promise.all([h.account('Alice'), h.account('Eve')]);
    const casey = await h.contact(alice, {
      firstName: 'Casey',
      lastName: 'Martin',
      city: 'Lyon',
      phone: '+3222345678',
      emailCategories: ['support'],
    });
    const cookie = await h.signIn(alice);
    const page = await get(`/contacts/${casey.id}/edit`, cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<strong>Casey Martin</strong> · Handle <code>${casey.handle}</code>`);
    expect(inputOf(page.body, 'city')).toContain('value="Lyon"');
    expect(inputOf(page.body, 'phone')).toContain('value="+32 2 234 56 78"');
    expect(box(page.body, 'emailCategories', 'support')).toContain('checked');
    expect(page.body).toContain(`<form method="post" action="/contacts/${casey.id}?lang=en"`);

    const saved = await post(
      `/contacts/${casey.id}?lang=en`,
      cookie,
      typed({ firstName: 'Casey', lastName: 'Martin', email: casey.email, city: 'Ghent', language: 'nl' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/contacts?lang=en');
    expect((await get(saved.headers.location!, withFlash(cookie, saved))).body).toContain(
      'The changes have been saved.',
    );
    expect(await contactVia(alice, casey.id)).toMatchObject({ city: 'Ghent' });

    const refused = await post(`/contacts/${casey.id}`, cookie, typed({ email: casey.email, city: 'x'.repeat(101) }));
    expect(refused.statusCode).toBe(422);
    expect(messageOf(refused.body, 'city')).toBe('Error: Use at most 100 characters.');

    const theirs = await get(`/contacts/${casey.id}/edit`, await h.signIn(eve));
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toContain('There is nothing here, or nothing you may see.');
  });
});

describe('deleting a contact', () => {
  it('refuses while the contact holds a role or is in a pending request, saying what to do first; deletes a free one', async () => {
    const alice = await h.account('Alice');
    const [holder, moving, free] = await Promise.all([
      h.contact(alice, { firstName: 'Hugo', lastName: 'Holder' }),
      h.contact(alice, { firstName: 'Mia', lastName: 'Moving' }),
      h.contact(alice, { firstName: 'Fay', lastName: 'Free' }),
    ]);
    const service = await h.service(alice, { tech: asAccount(holder) });
    const cookie = await h.signIn(alice);

    const asked = await get(`/contacts/${holder.id}/delete`, cookie);
    expect(asked.body).toContain('<h1>Delete Hugo Holder?</h1>');
    expect(asked.body).toContain(
      `Hugo Holder still holds a role on ${service.name}. Hand these roles to another contact first in <a href="/services">My services</a>`,
    );
    expect(asked.body).not.toContain('Delete the contact</button>');
    const refused = await post(`/contacts/${holder.id}/delete`, cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This contact cannot be deleted yet.');
    expect(refused.body).toContain('then delete the contact.');
    expect(rowOf((await get('/contacts', cookie)).body, holder.id)).toBeTruthy();

    const change = await h.change(alice, service.id, ['billing'], moving.handle);
    const changeId = (change.json() as { id: string }).id;
    const pending = await post(`/contacts/${moving.id}/delete`, cookie);
    expect(pending.statusCode).toBe(409);
    expect(pending.body).toContain(
      `Mia Moving is part of a contact change in progress (<a href="/requests/${changeId}">see the request</a>). Wait for it to end, or cancel it`,
    );

    const confirm = await get(`/contacts/${free.id}/delete`, cookie);
    expect(confirm.body).toContain('The contact leaves your book and can no longer be given a role.');
    expect(confirm.body).toContain('<button type="submit" class="danger">Delete the contact</button>');
    const deleted = await post(`/contacts/${free.id}/delete`, cookie);
    expect(deleted.statusCode).toBe(303);
    const list = await get(deleted.headers.location!, withFlash(cookie, deleted));
    expect(list.body).toContain('The contact has been deleted.');
    expect(rowOf(list.body, free.id)).toBeFalsy();
    expect(rowOf(list.body, holder.id)).toBeTruthy();
  });

  it('says the refusal in the reader’s language', async () => {
    const alice = await h.account('Alice', 'fr');
    const hugo = await h.contact(alice, { firstName: 'Hugo', lastName: 'Holder' });
    const service = await h.service(alice, { admin: asAccount(hugo) });
    const res = await post(`/contacts/${hugo.id}/delete`, await h.signIn(alice));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(
      `Hugo Holder détient encore un rôle sur ${service.name}. Confiez d’abord ces rôles à un autre contact dans <a href="/services">Mes services</a>`,
    );
  });
});
