import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { asParty, startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';

/** Contacts, the copies they get of outcomes, and the profile, through the API. Sub-accounts: in
 * sub-accounts-api.test.ts. */

let h: Harness;
let owner: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  owner = await h.account('Olivia', 'fr');
});
afterAll(async () => {
  await h?.close();
});

describe('contacts', () => {
  it('gives a contact its own handle, which a contact change can name: it receives the token email and decides like any account', async () => {
    const contact = await h.contact(owner, {
      firstName: 'Noor',
      lastName: 'Jansen',
      language: 'nl',
      phone: '+31 6 12 34 56 78',
    });
    expect(contact.handle).toMatch(/^[a-z]{2}\d{4}-cs$/);
    expect((contact as unknown as { phone: string }).phone).toBe('+31612345678');
    const service = await h.service(owner);
    const created = await h.change(owner, service.id, ['tech'], contact.handle);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const toEmail = await h.email(asParty(contact), (t) => t.includes(id));
    expect(toEmail.subject).toMatch(/contactwijziging|wijziging/i);
    await h.decide(id, 'accept', tokenIn(toEmail));
    await h.decide(id, 'accept', tokenIn(await h.email(owner, (t) => t.includes(id) && t.includes('#token='))));
    await h.waitForState(id, owner, 'done');
    const services = (await h.request('GET', '/api/v1/services', { token: owner.token })).json() as {
      items: { id: string; contacts: { tech: string } }[];
    };
    expect(services.items.find((s) => s.id === service.id)!.contacts.tech).toBe(contact.handle);
  });

  it('names every wrong field in the problem, and keeps one email per contact in a book', async () => {
    const bad = await h.request('POST', '/api/v1/contacts', {
      token: owner.token,
      body: { firstName: '', email: 'nope', phone: '06 12 34 56 78', language: 'fr' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const fields = bad.json().issues as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['body.firstName', 'body.lastName', 'body.email', 'body.phone']),
    );
    expect(fields.find((f) => f.field === 'body.phone')!.message).toMatch(/international/);

    // A number as dialled in the country given is taken and kept in international form; not one of another country.
    const national = await h.contact(owner, { phone: '06 11 22 33 44', country: 'FR' });
    expect(national).toMatchObject({ phone: '+33611223344', country: 'FR' });
    const notBelgian = await h.request('POST', '/api/v1/contacts', {
      token: owner.token,
      body: {
        firstName: 'A',
        lastName: 'B',
        email: 'a-b@test.example',
        phone: '06 11 22 33 44',
        country: 'BE',
        language: 'fr',
      },
    });
    // The request fits the published schema; the number is refused for what it is: 422, with the field named.
    expect(notBelgian.statusCode).toBe(422);
    expect(notBelgian.json().code).toBe('invalidRequest');
    expect(notBelgian.json().issues).toEqual([
      expect.objectContaining({
        field: 'body.phone',
        message: expect.stringMatching(/not a valid phone number in BE/),
      }),
    ]);
    const noCountry = await h.request('POST', '/api/v1/contacts', {
      token: owner.token,
      body: { firstName: 'A', lastName: 'B', email: 'a-b@test.example', country: 'ZZ', language: 'fr' },
    });
    expect(noCountry.statusCode).toBe(422);
    expect(noCountry.json().issues).toEqual([expect.objectContaining({ field: 'body.country' })]);

    const first = await h.contact(owner, { email: 'Same@Test.example' });
    const again = await h.request('POST', '/api/v1/contacts', {
      token: owner.token,
      body: { firstName: 'A', lastName: 'B', email: 'same@test.example', language: 'en' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('email');
    // Another book may hold the same address.
    const other = await h.account('Other');
    expect(
      (
        await h.request('POST', '/api/v1/contacts', {
          token: other.token,
          body: { firstName: 'A', lastName: 'B', email: 'same@test.example', language: 'en' },
        })
      ).statusCode,
    ).toBe(201);
    expect(first.handle).not.toBe('');
  });

  it('shows a contact only to its book: another account gets 404, as for a contact that does not exist', async () => {
    const contact = await h.contact(owner);
    const stranger = await h.account('Stranger');
    const theirs = await h.request('GET', `/api/v1/contacts/${contact.id}`, { token: stranger.token });
    const none = await h.request('GET', '/api/v1/contacts/does-not-exist', { token: stranger.token });
    expect(theirs.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(theirs.json().detail.replace(contact.id, 'X')).toBe(none.json().detail.replace('does-not-exist', 'X'));
    expect(
      (
        await h.request('PUT', `/api/v1/contacts/${contact.id}`, {
          token: stranger.token,
          body: { firstName: 'X', lastName: 'Y', email: 'x@test.example', language: 'en' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await h.request('DELETE', `/api/v1/contacts/${contact.id}`, { token: stranger.token })).statusCode).toBe(
      404,
    );
  });

  it('refuses to delete a contact holding a role or party to a pending request, saying what to do first', async () => {
    const holding = await h.contact(owner, { firstName: 'Tess' });
    const service = await h.service(owner, { billing: asParty(holding) });
    const refused = await h.request('DELETE', `/api/v1/contacts/${holding.id}`, { token: owner.token });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`billing contact of ${service.name}`);
    expect(refused.json().detail).toMatch(/Hand this role to another contact first/);

    const incoming = await h.contact(owner, { firstName: 'Ivo' });
    const created = await h.change(owner, service.id, ['tech'], incoming.handle);
    const pendingId = (created.json() as { id: string }).id;
    const busy = await h.request('DELETE', `/api/v1/contacts/${incoming.id}`, { token: owner.token });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().detail).toContain(pendingId);
    expect(busy.json().detail).toMatch(/cancel it/);

    const free = await h.contact(owner);
    expect((await h.request('DELETE', `/api/v1/contacts/${free.id}`, { token: owner.token })).statusCode).toBe(204);
    expect((await h.request('GET', `/api/v1/contacts/${free.id}`, { token: owner.token })).statusCode).toBe(404);
    const named = await h.change(owner, (await h.service(owner)).id, ['tech'], free.handle);
    expect(named.statusCode).toBe(422);
    expect(named.json().field).toBe('to');
  });
});

describe('copies of outcomes', () => {
  it("sends a copy of a done change to the holder's contacts subscribed to domain emails, and to nobody else", async () => {
    const alice = await h.account('Alice', 'en');
    const bob = await h.account('Bob', 'en');
    const domainFan = await h.contact(alice, { firstName: 'Dora', language: 'fr', emailCategories: ['domain'] });
    const everything = await h.contact(alice, { firstName: 'Gene', emailCategories: ['general'] });
    const billingOnly = await h.contact(alice, { firstName: 'Bill', emailCategories: ['billing', 'product'] });
    // An address the provider rejects for good does not keep the other copies from going out.
    const rejected = await h.contact(alice, { firstName: 'Aaron', lastName: 'Aardvark', emailCategories: ['domain'] });
    h.resend.fail({ status: 422, name: 'validation_error', times: 100, to: rejected.email });
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['tech'], bob);
    const id = (created.json() as { id: string }).id;
    await h.decide(id, 'accept', tokenIn(await h.email(alice, (t) => t.includes(id))));
    await h.decide(id, 'accept', tokenIn(await h.email(bob, (t) => t.includes(id))));
    await h.waitForState(id, alice, 'done');
    const copy = await h.email(asParty(domainFan), (t) => t.includes(id));
    expect(copy.subject).toMatch(/terminé|effectué|done|completed/i);
    expect(copy.text).toMatch(/copie/);
    expect(copy.text).not.toMatch(/#token=/);
    await h.email(asParty(everything), (t) => t.includes(id));
    const timeline = (await h.get(id, alice)).timeline.filter((e) => e.type === 'emailSent' && e.party === 'copy');
    expect(timeline).toHaveLength(2);
    expect(h.resend.to(billingOnly.email)).toHaveLength(0);
    expect(h.resend.to(rejected.email)).toHaveLength(0);
    h.resend.recover();
  });
});

describe('profile', () => {
  it("keeps first and last name for support to change, and the billing contact among one's own contacts", async () => {
    const me = await h.account('Mia');
    const renamed = await h.request('PUT', '/api/v1/profile', {
      token: me.token,
      body: { firstName: 'Someone', email: me.email, language: 'en' },
    });
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().field).toBe('firstName');
    const saved = await h.request('PUT', '/api/v1/profile', {
      token: me.token,
      body: { firstName: 'Mia', email: me.email, phone: '+32 470 12 34 56', language: 'en' },
    });
    expect(saved.json().phone).toBe('+32470123456');

    const accountant = await h.contact(me, { firstName: 'Ada' });
    const stranger = await h.contact(owner);
    const theirs = await h.request('PUT', '/api/v1/profile/preferences', {
      token: me.token,
      body: { billingContact: stranger.handle, communication: 'email', language: 'nl' },
    });
    expect(theirs.statusCode).toBe(422);
    const mine = await h.request('PUT', '/api/v1/profile/preferences', {
      token: me.token,
      body: { billingContact: accountant.handle, communication: 'post', language: 'nl' },
    });
    expect(mine.json().preferences).toEqual({
      billingContact: accountant.handle,
      communication: 'post',
      language: 'nl',
    });
    // The billing contact cannot be deleted while it receives the billing information.
    const del = await h.request('DELETE', `/api/v1/contacts/${accountant.id}`, { token: me.token });
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toMatch(/Choose another billing contact in your profile first/);
  });

  it('unsubscribes from every newsletter, and changes a password only with the current one', async () => {
    const me = await h.account('Nina');
    await h.signIn(me);
    const subscribed = await h.request('PUT', '/api/v1/profile/newsletters', {
      token: me.token,
      body: { newsletters: ['offers', 'news'] },
    });
    expect(subscribed.json().newsletters).toEqual(['news', 'offers']);
    const none = await h.request('PUT', '/api/v1/profile/newsletters', { token: me.token, body: { newsletters: [] } });
    expect(none.json().newsletters).toEqual([]);

    const wrong = await h.request('PUT', '/api/v1/profile/password', {
      token: me.token,
      body: { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().field).toBe('currentPassword');
    const short = await h.request('PUT', '/api/v1/profile/password', {
      token: me.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(
      (
        await h.request('PUT', '/api/v1/profile/password', {
          token: me.token,
          body: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
        })
      ).statusCode,
    ).toBe(204);
    const old = await h.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ handle: me.handle, password: TEST_PASSWORD }).toString(),
    });
    expect(old.statusCode).toBe(401);
  });
});
