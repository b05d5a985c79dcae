import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import { formPages } from './support/pages.js';

/** My services and the change contacts form, page by page. The form in a browser: in browser-changes.test.ts. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const accounts = <T extends string[]>(...names: T) =>
  Promise.all(names.map((name) => h.account(name))) as Promise<{ [K in keyof T]: TestAccount }>;

const { get, post } = formPages(() => h, '/services');

const checkbox = (body: string, role: string) =>
  new RegExp(`<input type="checkbox" name="roles" value="${role}"[^>]*>`).exec(body)?.[0];
const messageOf = (body: string, field: 'to' | 'roles') =>
  new RegExp(`id="${field}-message"[^>]*>([\\s\\S]*?)</p>`).exec(body)?.[1] ?? '';
const person = (a: TestAccount, name: string) => `${name} (${a.handle})`;

async function pendingOn(owner: TestAccount, serviceId: string) {
  const res = await h.request('GET', '/api/v1/services', { token: owner.token });
  return (res.json() as { items: { id: string; pendingChanges: unknown[] }[] }).items.find((s) => s.id === serviceId)!
    .pendingChanges;
}

/** The preview, as the form asks for it: a GET whose address holds what was typed. */
function preview(cookie: string, serviceId: string, fields: Record<string, string | string[]>) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) query.append(name, v);
  return get(`/services/${serviceId}/change/preview?${query}`, cookie);
}

async function check(cookie: string, serviceId: string, to: string, roles: string, lang = '') {
  const res = await get(
    `/services/${serviceId}/change/check?to=${encodeURIComponent(to)}&roles=${roles}${lang && `&lang=${lang}`}`,
    cookie,
  );
  return { status: res.statusCode, ...(res.json() as { ok: boolean; field?: string; message?: string }) };
}

describe('My services', () => {
  it('lists each service of mine with its holder, contacts by handle and name, and its pending request', async () => {
    const [alice, carol, dave, bob, eve] = await accounts('Alice', 'Carol', 'Dave', 'Bob', 'Eve');
    const service = await h.service(alice, { tech: carol, billing: dave });
    const other = await h.service(eve);
    const created = await h.change(alice, service.id, ['tech'], bob);
    const id = (created.json() as { id: string }).id;
    const res = await get('/services', await h.signIn(alice));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h2 id="service-${service.id}">${service.name}</h2>`);
    expect(res.body).toContain(`${person(alice, 'Alice')} <span class="badge">you</span>`);
    expect(res.body).toContain(person(carol, 'Carol'));
    expect(res.body).toContain(person(dave, 'Dave'));
    expect(res.body).toContain(`<a href="/requests/${id}">Change of technical contact in progress</a>`);
    expect(res.body).toContain(`href="/services/${service.id}/change"`);
    expect(res.body).not.toContain(other.name);
  });

  it('says so when the viewer has no service, and sends who is not signed in to the sign-in page', async () => {
    const res = await get('/services', await h.signIn(await h.account('Nobody')));
    expect(res.body).toContain('You hold no service and are a contact of none.');
    const anonymous = await h.app.inject({ method: 'GET', url: '/services' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/signin?next=%2Fservices');
  });
});

describe('Change contacts form', () => {
  it('offers a tech contact only its own roles, and shows a role already moving as disabled with why', async () => {
    const [alice, carol, bob] = await accounts('Alice', 'Carol', 'Bob');
    const service = await h.service(alice, { tech: carol, billing: carol });
    const id = ((await h.change(alice, service.id, ['billing'], bob)).json() as { id: string }).id;
    const res = await get(`/services/${service.id}/change`, await h.signIn(carol));
    expect(res.statusCode).toBe(200);
    expect(checkbox(res.body, 'admin')).toBeUndefined();
    expect(checkbox(res.body, 'tech')).not.toContain('disabled');
    expect(checkbox(res.body, 'billing')).toContain('disabled');
    expect(res.body).toContain(`Not available: a pending request already moves this role. <a href="/requests/${id}">`);
    expect(res.body).toContain('you may hand over only your own role');
    expect(res.body).toMatch(/<label for="to">Handle of the new contact<\/label>/);

    const holder = await get(`/services/${service.id}/change`, await h.signIn(alice));
    expect(checkbox(holder.body, 'admin')).not.toContain('disabled');
    expect(holder.body).not.toContain('only your own role');
  });

  it("suggests the holder's own contacts by handle and name, and still takes any handle", async () => {
    const [alice, carol, bob] = await accounts('Alice', 'Carol', 'Bob');
    const denise = await h.contact(alice, { firstName: 'Denise', lastName: 'Lambert' });
    const tom = await h.subAccount(alice, ['domains.manage', 'contacts']);
    const kim = await h.subAccount(alice, ['domains.manage']);
    await h.contact(carol, { firstName: 'Xavier', lastName: 'Private' });
    const service = await h.service(alice, { tech: carol });
    const datalist = (body: string) => /<datalist id="to-contacts">([\s\S]*?)<\/datalist>/.exec(body)?.[1];

    const holder = (await get(`/services/${service.id}/change`, await h.signIn(alice))).body;
    expect(holder).toMatch(/<input id="to" name="to" value="" required [^>]*list="to-contacts"/);
    expect(datalist(holder)).toContain(`<option value="${denise.handle}">Denise Lambert</option>`);
    expect(datalist(holder)).toContain(`<option value="${tom.handle}">`);
    expect(datalist(holder)).not.toContain('Xavier');
    expect(holder).toContain('Choose one of your contacts from the list, or type the customer handle of any account');
    // A sub-account that may read the book is offered it too; one that may not, and Carol, get the field alone.
    expect(datalist((await get(`/services/${service.id}/change`, await h.signIn(tom))).body)).toContain(denise.handle);
    for (const who of [kim, carol]) {
      const body = (await get(`/services/${service.id}/change`, await h.signIn(who))).body;
      expect(datalist(body)).toBeUndefined();
      expect(body).not.toContain('list="to-contacts"');
      expect(body).not.toContain(denise.handle);
    }
    // Any handle may still be typed: Bob is in nobody's list.
    const other = await preview(await h.signIn(alice), service.id, { roles: 'admin', to: bob.handle });
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain(person(bob, 'Bob'));
  });
});

describe('checking the handle as one types', () => {
  it('answers an unknown, the same or a busy contact with a translated message naming the field', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice', 'fr'), h.account('Bob')]);
    const service = await h.service(alice);
    await h.change(alice, service.id, ['billing'], bob);
    const cookie = await h.signIn(alice);
    expect(await check(cookie, service.id, 'nobody-404', 'tech')).toEqual({
      status: 200,
      ok: false,
      field: 'to',
      message: 'Aucun compte ne porte l’identifiant nobody-404. Vérifiez l’orthographe.',
    });
    expect(await check(cookie, service.id, alice.handle, 'tech')).toMatchObject({
      ok: false,
      field: 'to',
      message: `${alice.handle} détient déjà ces rôles ; choisissez un autre contact.`,
    });
    expect(await check(cookie, service.id, bob.handle, 'billing')).toMatchObject({
      ok: false,
      field: 'roles',
      message: expect.stringContaining('Une demande en cours change déjà'),
    });
    expect(await check(cookie, service.id, bob.handle, 'tech')).toMatchObject({
      ok: true,
      message: `Compte trouvé : Bob (${bob.handle}).`,
    });
    expect(await check(cookie, service.id, 'nobody-404', 'tech', 'nl')).toMatchObject({
      message: expect.stringContaining('Er is geen account met de handle nobody-404'),
    });
  });
});

describe('preview and confirm', () => {
  it('shows which roles move, who must approve and until when, and creates nothing yet', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob', 'nl')]);
    const service = await h.service(alice);
    const cookie = await h.signIn(alice);
    const form = (await get(`/services/${service.id}/change?lang=en`, cookie)).body;
    const opening = /<form [^>]*class="change"[^>]*>/.exec(form)![0];
    expect(opening).toContain(`method="get" action="/services/${service.id}/change/preview"`);
    expect(/<form [^>]*class="change"[\s\S]*?<\/form>/.exec(form)![0]).not.toContain('_csrf');
    const res = await preview(cookie, service.id, {
      lang: 'en',
      roles: ['tech', 'billing'],
      to: bob.handle.toUpperCase(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      `the technical contact and billing contact roles will move from ${person(alice, 'Alice')} to ${person(bob, 'Bob')}`,
    );
    const approvers = /<ul class="plain" id="approvers">([\s\S]*?)<\/ul>/.exec(res.body)![1]!;
    expect(approvers).toContain(`${person(alice, 'Alice')}, outgoing contact`);
    expect(approvers).toContain(`${person(bob, 'Bob')}, incoming contact`);
    const until = new Date(/<dd id="until"><time datetime="([^"]+)"/.exec(res.body)![1]!).getTime();
    expect(Math.abs(until - (Date.now() + 3_600_000))).toBeLessThan(60_000);
    expect(res.body).toContain('Confirm and send the emails');
    // Confirm is the only form that acts: a POST with the CSRF field.
    expect(res.body).toMatch(
      new RegExp(
        `<form method="post" action="/services/${service.id}/change/confirm\\?lang=en">\\s*<input type="hidden" name="_csrf"`,
      ),
    );
    expect(await pendingOn(alice, service.id)).toEqual([]);
  });

  it('the former address of the preview, a POST, answers 303 to the preview with what was typed', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob')]);
    const service = await h.service(alice);
    const res = await post(`/services/${service.id}/change?lang=nl`, await h.signIn(alice), {
      roles: ['tech', 'billing'],
      to: bob.handle,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/services/${service.id}/change/preview?lang=nl&roles=tech&roles=billing&to=${bob.handle}`,
    );
    const shown = await get(String(res.headers.location), await h.signIn(alice));
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(person(bob, 'Bob'));
    expect(await pendingOn(alice, service.id)).toEqual([]);
  });

  it('confirm creates the request, sends both contacts their email and leads to the request', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob', 'nl')]);
    const service = await h.service(alice);
    const res = await post(`/services/${service.id}/change/confirm`, await h.signIn(alice), {
      roles: ['tech', 'billing'],
      to: bob.handle,
    });
    expect(res.statusCode).toBe(303);
    const id = /^\/requests\/(.+)$/.exec(String(res.headers.location))![1]!;
    expect(await h.get(id, alice)).toMatchObject({
      roles: ['tech', 'billing'],
      from: { handle: alice.handle },
      to: { handle: bob.handle },
      askedBy: { handle: alice.handle },
    });
    expect((await h.email(bob, (t) => t.includes(id))).subject).toMatch(/Contact/);
    await h.email(alice, (t) => t.includes(id));
  });
});

describe('errors in the form', () => {
  it('are shown next to the field they concern, which is marked invalid', async () => {
    const alice = await h.account('Alice');
    const service = await h.service(alice);
    const cookie = await h.signIn(alice);
    const unknown = await preview(cookie, service.id, { roles: 'tech', to: 'nobody-404' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toMatch(
      /<input id="to" name="to" value="nobody-404"[^>]*aria-describedby="to-hint to-message" aria-invalid="true">/,
    );
    expect(messageOf(unknown.body, 'to')).toContain('There is no account with the handle nobody-404');
    expect(checkbox(unknown.body, 'tech')).toContain('checked');
    expect(unknown.body).toContain('<a href="#to">There is no account');

    const noRole = await preview(cookie, service.id, { to: 'nobody-404' });
    expect(noRole.statusCode).toBe(422);
    expect(messageOf(noRole.body, 'roles')).toContain('Choose at least one role.');
    expect(checkbox(noRole.body, 'admin')).toContain('aria-invalid="true"');
    expect(noRole.body).not.toMatch(/<input id="to"[^>]*aria-invalid/);
  });

  it('when a role became busy before confirming, the form comes back with the role disabled and why', async () => {
    const [alice, bob, carl] = await Promise.all([h.account('Alice'), h.account('Bob'), h.account('Carl')]);
    const service = await h.service(alice);
    const cookie = await h.signIn(alice);
    await h.change(alice, service.id, ['tech'], carl);
    const res = await post(`/services/${service.id}/change/confirm`, cookie, { roles: 'tech', to: bob.handle });
    expect(res.statusCode).toBe(409);
    expect(messageOf(res.body, 'roles')).toContain('A pending request already moves one of these roles');
    expect(checkbox(res.body, 'tech')).toContain('disabled');
    expect(res.body).toContain(`value="${bob.handle}"`);
  });

  it('a tech contact naming another role is refused next to the roles', async () => {
    const [alice, carol, bob] = await accounts('Alice', 'Carol', 'Bob');
    const service = await h.service(alice, { tech: carol });
    const res = await preview(await h.signIn(carol), service.id, { roles: 'admin', to: bob.handle });
    expect(res.statusCode).toBe(403);
    expect(messageOf(res.body, 'roles')).toContain('You may hand over only a role you hold yourself');
  });
});

describe('what the pages refuse', () => {
  it("a POST without the form's CSRF field changes nothing", async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob')]);
    const service = await h.service(alice);
    const res = await post(
      `/services/${service.id}/change/confirm`,
      await h.signIn(alice),
      { roles: 'tech', to: bob.handle },
      false,
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired');
    expect(await pendingOn(alice, service.id)).toEqual([]);
  });

  it('a stranger gets the not-found page, and the check answers 404', async () => {
    const [alice, eve, bob] = await accounts('Alice', 'Eve', 'Bob');
    const service = await h.service(alice);
    const cookie = await h.signIn(eve);
    const page = await get(`/services/${service.id}/change`, cookie);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('There is nothing here, or nothing you may see.');
    expect(page.body).not.toContain(service.name);
    expect(await check(cookie, service.id, bob.handle, 'tech')).toMatchObject({ status: 404, ok: false });
    const forged = await post(`/services/${service.id}/change/confirm`, cookie, { roles: 'tech', to: bob.handle });
    expect(forged.statusCode).toBe(404);
    expect(await pendingOn(alice, service.id)).toEqual([]);
  });
});

describe('languages', () => {
  it('shows both pages in French, English and Dutch', async () => {
    const alice = await h.account('Alice', 'fr');
    const service = await h.service(alice);
    const cookie = await h.signIn(alice);
    const list = async (lang: string) => (await get(`/services${lang}`, cookie)).body;
    const form = async (lang: string) => (await get(`/services/${service.id}/change${lang}`, cookie)).body;
    expect(await list('')).toMatch(
      /<h1>Mes services<\/h1>[\s\S]*<dt>Contact technique<\/dt>[\s\S]*Changer les contacts/,
    );
    expect(await list('?lang=en')).toMatch(
      /<h1>My services<\/h1>[\s\S]*<dt>Technical contact<\/dt>[\s\S]*Change contacts/,
    );
    expect(await list('?lang=nl')).toMatch(
      /<h1>Mijn diensten<\/h1>[\s\S]*<dt>Technisch contact<\/dt>[\s\S]*Contacten wijzigen/,
    );
    expect(await form('')).toContain('<legend>Rôles à transmettre</legend>');
    expect(await form('?lang=en')).toContain('<legend>Roles to hand over</legend>');
    expect(await form('?lang=nl')).toContain('<legend>Over te dragen rollen</legend>');
  });
});
