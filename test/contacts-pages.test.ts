import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Contact = { id: string; handle: string; email: string };
type Fields = Record<string, string | string[]>;

const get = (url: string, cookie: string) => h.app.inject({ method: 'GET', url, headers: { cookie } });
const csrfOf = async (cookie: string) =>
  /name="_csrf" value="([^"]+)"/.exec((await get('/contacts', cookie)).body)![1]!;

async function post(url: string, cookie: string, fields: Fields = {}, csrf = true) {
  const body = new URLSearchParams();
  if (csrf) body.append('_csrf', await csrfOf(cookie));
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

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
const inputOf = (page: string, name: string) =>
  new RegExp(`<(?:input|select) id="${name}"[^>]*>`).exec(page)?.[0] ?? '';
const box = (page: string, name: string, value: string) =>
  new RegExp(`<input type="checkbox" name="${name}" value="${value}"[^>]*>`).exec(page)?.[0];
const rowOf = (page: string, id: string) => new RegExp(`<tr data-contact="${id}">[\\s\\S]*?</tr>`).exec(page)?.[0];
const asAccount = (c: Contact): TestAccount => ({ ...c, token: '' });

async function contactVia(owner: TestAccount, id: string) {
  return (await h.request('GET', `/api/v1/contacts/${id}`, { token: owner.token })).json() as {
    city: string | null;
    phone: string | null;
    access: { status: string; permissions: string[] };
  };
}

async function invitationEmail(contact: Contact, count = 1) {
  const email = await h.email(asAccount(contact), (text) => text.includes('/invitations/'), count);
  return { email, id: /\/invitations\/([\w-]+)\?/.exec(email.text)![1]!, token: tokenIn(email) };
}

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
    expect(row).toContain('<th scope="row">Casey Martin</th>');
    for (const text of [
      casey.handle,
      casey.email,
      '+33 6 12 34 56 78',
      'Acme',
      'Billing, Domain names',
      '<td>Contact</td>',
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
    expect(refused.body).toContain('<title>Erreur : Ajouter un contact · Countersign</title>');
    expect(messageOf(refused.body, 'email')).toBe(
      'Erreur : Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    );
    expect(messageOf(refused.body, 'phone')).toContain('Saisissez le numéro au format international');
    expect(messageOf(refused.body, 'lastName')).toBe('Erreur : Saisissez le nom.');
    expect(messageOf(refused.body, 'country')).toContain('code pays à deux lettres');
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
    expect(added.headers.location).toBe('/contacts?done=added');
    const list = await get('/contacts?done=added', cookie);
    expect(list.body).toContain('<p class="notice ok" role="status">Le contact a été ajouté.</p>');
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
        country: 'Vul een landcode van twee letters in, bijvoorbeeld NL, BE of FR.',
      },
    });
    expect((await post('/contacts/check?lang=en', cookie, typed({ phone: '0612' }))).json()).toEqual({
      fields: { phone: 'Enter the number in international form: + and the country code, e.g. +33 6 12 34 56 78.' },
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
    expect(saved.headers.location).toBe('/contacts?done=saved&lang=en');
    expect((await get(saved.headers.location!, cookie)).body).toContain('The changes have been saved.');
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
    const list = await get(deleted.headers.location!, cookie);
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

describe('access to the customer area', () => {
  it('the holder invites a contact with permissions, an email with the link arrives, and the invitation can be withdrawn', async () => {
    const alice = await h.account('Alice');
    const casey = await h.contact(alice, { firstName: 'Casey', lastName: 'Martin' });
    const cookie = await h.signIn(alice);
    const before = await get(`/contacts/${casey.id}/edit`, cookie);
    expect(before.body).toContain('<h2 id="access-heading">Access to the customer area</h2>');
    expect(before.body).toContain('<legend>Allow access to the customer area</legend>');
    expect(before.body).toContain(`We send ${casey.email} an email with a link to choose a password, valid 7 days.`);
    expect(before.body).toContain('<label for="permission-domains-manage">Manage domains</label>');

    const invited = await post(`/contacts/${casey.id}/invite`, cookie, { permissions: ['domains.manage', 'tickets'] });
    expect(invited.statusCode).toBe(303);
    expect(invited.headers.location).toBe(`/contacts/${casey.id}/edit?done=invited`);
    const { email, id, token } = await invitationEmail(casey);
    expect(email.subject).toContain('invites you');
    const page = await get(invited.headers.location!, cookie);
    expect(page.body).toContain('The invitation has been sent.');
    expect(page.body).toMatch(
      new RegExp(`An invitation was sent to ${casey.email}\\. Its link is valid until <time datetime="[^"]+"`),
    );
    for (const p of ['domains.manage', 'domains.view', 'tickets'])
      expect(box(page.body, 'permissions', p)).toContain('checked');
    expect(box(page.body, 'permissions', 'services.view')).not.toContain('checked');
    expect(page.body).toContain('>Send a new link</button>');
    expect(page.body).toContain('>Withdraw the invitation</button>');
    expect(rowOf((await get('/contacts', cookie)).body, casey.id)).toContain('Invited, link valid until');

    const withdrawn = await post(`/contacts/${casey.id}/withdraw`, cookie);
    expect(withdrawn.statusCode).toBe(303);
    const after = await get(withdrawn.headers.location!, cookie);
    expect(after.body).toContain('The invitation has been withdrawn: its link no longer works.');
    expect(after.body).toContain('<legend>Allow access to the customer area</legend>');
    expect((await contactVia(alice, casey.id)).access.status).toBe('none');
    const accept = await h.request('POST', `/api/v1/invitations/${id}/accept`, {
      body: { token, password: TEST_PASSWORD },
    });
    expect(accept.statusCode).toBe(410);

    const again = await post(`/contacts/${casey.id}/withdraw`, cookie);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This contact has no invitation waiting to be accepted.');
  });

  it('says when an invitation expired unaccepted, in the list and on the contact, so that a new link can be sent', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    const contact = await h.contact(alice, { firstName: 'Late' });
    await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: alice.token,
      body: { permissions: ['profile'] },
    });
    await h.db.execute(
      sql`update invitations set expires_at = now() - interval '1 day' where account_id = ${contact.id}`,
    );
    expect(rowOf((await get('/contacts', cookie)).body, contact.id)).toContain('Invitation expired on');
    const edit = (await get(`/contacts/${contact.id}/edit`, cookie)).body;
    expect(edit).toContain('was not accepted in time; send a new link');
    expect(edit).toContain('Send a new link');
  });

  it('a sub-account with the contacts permission edits contacts but sees no access section and may not invite', async () => {
    const alice = await h.account('Alice');
    const [sam, dana] = await Promise.all([
      h.contact(alice, { firstName: 'Sam', lastName: 'Sub' }),
      h.contact(alice, { firstName: 'Dana', lastName: 'Else' }),
    ]);
    expect(
      (
        await h.request('POST', `/api/v1/contacts/${sam.id}/invitation`, {
          token: alice.token,
          body: { permissions: ['contacts'] },
        })
      ).statusCode,
    ).toBe(201);
    const { id, token } = await invitationEmail(sam);
    expect(
      (await h.request('POST', `/api/v1/invitations/${id}/accept`, { body: { token, password: TEST_PASSWORD } }))
        .statusCode,
    ).toBe(200);
    const cookie = await h.signIn(asAccount(sam));

    const list = await get('/contacts', cookie);
    expect(list.statusCode).toBe(200);
    expect(rowOf(list.body, dana.id)).toContain('Dana Else');
    const edit = await get(`/contacts/${dana.id}/edit`, cookie);
    expect(edit.statusCode).toBe(200);
    expect(inputOf(edit.body, 'firstName')).toContain('value="Dana"');
    expect(edit.body).not.toContain('Access to the customer area');
    expect(edit.body).not.toContain(`/contacts/${dana.id}/invite`);

    const refused = await post(`/contacts/${dana.id}/invite`, cookie, { permissions: ['profile'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You may not do this.');
    expect((await contactVia(alice, dana.id)).access.status).toBe('none');
  });

  it('the holder changes a sub-account’s permissions, deactivates and reactivates it', async () => {
    const alice = await h.account('Alice', 'nl');
    const sam = await h.contact(alice, { firstName: 'Sam', lastName: 'Sub' });
    await h.request('POST', `/api/v1/contacts/${sam.id}/invitation`, {
      token: alice.token,
      body: { permissions: ['contacts'] },
    });
    const { id, token } = await invitationEmail(sam);
    await h.request('POST', `/api/v1/invitations/${id}/accept`, { body: { token, password: TEST_PASSWORD } });
    const cookie = await h.signIn(alice);

    const page = await get(`/contacts/${sam.id}/edit`, cookie);
    expect(page.body).toContain(`Sam Sub is een subaccount en logt in met de handle ${sam.handle}.`);
    const saved = await post(`/contacts/${sam.id}/permissions`, cookie, { permissions: ['services.manage'] });
    expect((await get(saved.headers.location!, cookie)).body).toContain('De permissies zijn opgeslagen');
    expect((await contactVia(alice, sam.id)).access.permissions).toEqual(['services.view', 'services.manage']);

    const off = await post(`/contacts/${sam.id}/deactivate`, cookie);
    expect((await get(off.headers.location!, cookie)).body).toContain(
      'Sam Sub is een gedeactiveerd subaccount en kan niet inloggen.',
    );
    expect(rowOf((await get('/contacts', cookie)).body, sam.id)).toContain('Gedeactiveerd');
    const on = await post(`/contacts/${sam.id}/reactivate`, cookie);
    expect((await get(on.headers.location!, cookie)).body).toContain('Het subaccount is weer geactiveerd');
    expect((await contactVia(alice, sam.id)).access.status).toBe('active');
  });
});
