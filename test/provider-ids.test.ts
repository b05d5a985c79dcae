import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, type Harness, type TestAccount } from './support/harness.js';

/**
 * The provider keeps accounts and services in step by its own ids (PUT/GET/DELETE …/external/{externalId}): what its
 * customer database and registry say wins, and a request the change overtakes ends, everyone told.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const ext = (prefix: string) => `${prefix}-${nanoid(10)}`;
const admin = (method: 'GET' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  h.request(method, url, { token: ADMIN_KEY, ...(body === undefined ? {} : { body }) });

const accountBody = (handle: string, fields: Record<string, unknown> = {}) => ({
  email: `${handle}@test.example`,
  firstName: 'Paula',
  lastName: 'Provider',
  language: 'fr',
  handle,
  ...fields,
});

const servicesOf = async (a: TestAccount) =>
  ((await h.request('GET', '/api/v1/services', { token: a.token })).json() as { items: { id: string }[] }).items;

async function serviceAt(externalId: string, holder: TestAccount, contacts: Partial<Record<string, TestAccount>> = {}) {
  const res = await admin('PUT', `/api/v1/admin/services/external/${externalId}`, {
    // The same name on every write: the emails name the service as it is when they go out.
    name: `${externalId.toLowerCase()}.example`,
    kind: 'domain',
    holder: holder.handle,
    contacts: {
      admin: (contacts.admin ?? holder).handle,
      tech: (contacts.tech ?? holder).handle,
      billing: (contacts.billing ?? holder).handle,
    },
  });
  return res;
}

/** A pending request on a service the provider knows by `externalId`: Alice hands `roles` to Bob. */
async function pendingOn(roles: string[]) {
  const [alice, bob, carol] = await Promise.all([h.account('Alice'), h.account('Bob'), h.account('Carol')]);
  const externalId = ext('svc');
  const put = await serviceAt(externalId, alice);
  expect(put.statusCode, put.body).toBe(201);
  const service = put.json() as { id: string; name: string };
  const created = await h.change(alice, service.id, roles, bob);
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: string }).id;
  await h.waitForState(id, alice, 'validatingByCustomers');
  return { alice, bob, carol, externalId, service, id };
}

const endReasonOf = async (id: string, as: TestAccount) =>
  (await h.get(id, as)).timeline.find((e) => e.type === 'state' && e.detail?.state === 'aborted')?.detail?.reason;

describe('accounts by the provider’s id', () => {
  it('PUT creates (201), then updates or leaves as is (200); GET finds it; an unknown id is a 404 problem', async () => {
    const externalId = ext('cust');
    const handle = `paula-${nanoid(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const created = await admin('PUT', `/api/v1/admin/accounts/external/${externalId}`, accountBody(handle));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ handle, externalId, name: 'Paula Provider', language: 'fr' });

    const again = await admin('PUT', `/api/v1/admin/accounts/external/${externalId}`, accountBody(handle));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: created.json().id });

    const renamed = await admin(
      'PUT',
      `/api/v1/admin/accounts/external/${externalId}`,
      accountBody(handle, { lastName: 'Martin', language: 'nl' }),
    );
    expect(renamed.statusCode).toBe(200);
    const found = await admin('GET', `/api/v1/admin/accounts/external/${externalId}`);
    expect(found.json()).toMatchObject({ id: created.json().id, name: 'Paula Martin', language: 'nl', externalId });

    const unknown = await admin('GET', `/api/v1/admin/accounts/external/${ext('nobody')}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect(unknown.json()).toMatchObject({ code: 'notFound' });
  });

  it('needs the admin key; a handle someone else has is a 409 handleTaken', async () => {
    const someone = await h.account('Sam');
    const url = `/api/v1/admin/accounts/external/${ext('cust')}`;
    const anonymous = await h.request('PUT', url, { body: accountBody('anon-1234') });
    expect(anonymous.statusCode).toBe(401);
    const asCustomer = await h.request('GET', url, { token: someone.token });
    expect([401, 403]).toContain(asCustomer.statusCode);
    const taken = await admin('PUT', url, accountBody(someone.handle));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'handleTaken' });
  });

  it('a new address from the provider ends the requests waiting for the account, and the old address is told', async () => {
    const externalId = ext('cust');
    const handle = `bobby-${nanoid(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const put = await admin('PUT', `/api/v1/admin/accounts/external/${externalId}`, accountBody(handle));
    const bob = { ...(put.json() as { id: string; email: string }), handle, token: '' };
    const alice = await h.account('Alice');
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['tech'], handle);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    await h.waitForState(id, alice, 'validatingByCustomers');

    const moved = await admin(
      'PUT',
      `/api/v1/admin/accounts/external/${externalId}`,
      accountBody(handle, { email: `${handle}-new@test.example` }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ email: `${handle}-new@test.example` });
    await h.waitForState(id, alice, 'aborted');
    expect(await endReasonOf(id, alice)).toBe("the contact's address changed");
    // To the former address, in French: the new address, and the request it ended.
    const told = await h.email(bob, (t) => t.includes(`${handle}-new@test.example`));
    expect(told.subject).toBe('Votre adresse e-mail a été changée');
    expect(told.text).toContain(id);
  });
});

describe('services by the provider’s id', () => {
  it('PUT creates and updates by handles; the holder sees it; GET shows its contacts and id', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob')]);
    const externalId = ext('svc');
    const created = await serviceAt(externalId, alice);
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json() as { id: string };
    expect((await servicesOf(alice)).map((s) => s.id)).toContain(service.id);

    const same = await serviceAt(externalId, alice);
    expect(same.statusCode).toBe(200);
    const updated = await serviceAt(externalId, alice, { tech: bob });
    expect(updated.statusCode).toBe(200);
    const found = await admin('GET', `/api/v1/admin/services/external/${externalId}`);
    expect(found.json()).toMatchObject({
      id: service.id,
      externalId,
      holder: alice.handle,
      contacts: { admin: alice.handle, tech: bob.handle, billing: alice.handle },
    });
    expect((await servicesOf(bob)).map((s) => s.id)).toContain(service.id);

    const unknownHandle = await admin('PUT', `/api/v1/admin/services/external/${externalId}`, {
      name: 'x.example',
      kind: 'domain',
      holder: alice.handle,
      contacts: { admin: alice.handle, tech: 'nobody-here', billing: alice.handle },
    });
    expect(unknownHandle.statusCode).toBe(422);
    expect(unknownHandle.json()).toMatchObject({ code: 'unknownContact' });
  });

  it('a PUT that moves a role a request is moving ends that request, "changed by the provider", everyone told', async () => {
    const { alice, bob, carol, externalId, service, id } = await pendingOn(['tech']);
    const put = await serviceAt(externalId, alice, { tech: carol });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ contacts: { tech: carol.handle }, pendingChanges: [] });
    await h.waitForState(id, alice, 'aborted');
    expect(await endReasonOf(id, alice)).toBe('changed by the provider');
    // Both parties hear why, in their language.
    const told = await h.email(alice, (t) => t.includes(service.name) && /provider/i.test(t));
    // Not "nothing has changed": the provider did change the contacts.
    expect(told.text).toContain('now those the provider has on record');
    expect(told.text).not.toContain('Nothing has changed');
    await h.email(bob, (t) => t.includes(service.name) && /provider/i.test(t));
  });

  it('a PUT that leaves the moving role alone leaves the request pending', async () => {
    const { alice, carol, externalId, id } = await pendingOn(['tech']);
    const put = await serviceAt(externalId, alice, { billing: carol });
    expect(put.statusCode, put.body).toBe(200);
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');
  });

  it('DELETE takes it out of customers’ pages and ends its request; past requests stay readable', async () => {
    const { alice, bob, externalId, service, id } = await pendingOn(['tech']);
    const removed = await admin('DELETE', `/api/v1/admin/services/external/${externalId}`);
    expect(removed.statusCode, removed.body).toBe(204);
    await h.waitForState(id, alice, 'aborted');
    expect(await endReasonOf(id, alice)).toBe('changed by the provider');
    expect((await servicesOf(alice)).map((s) => s.id)).not.toContain(service.id);
    expect((await admin('GET', `/api/v1/admin/services/external/${externalId}`)).statusCode).toBe(404);
    const again = await h.change(alice, service.id, ['tech'], bob);
    expect(again.statusCode).toBe(404);
    expect((await admin('DELETE', `/api/v1/admin/services/external/${externalId}`)).statusCode).toBe(204);
    expect((await h.get(id, bob)).state).toBe('aborted');
  });

  it('a PUT racing the second acceptance: the service ends as the provider wrote it, the request not pending', async () => {
    const { alice, bob, carol, externalId, id } = await pendingOn(['tech']);
    const tokenOf = async (a: TestAccount) =>
      /token=([A-Za-z0-9_-]{43})/.exec((await h.email(a, (t) => t.includes(id))).text)![1]!;
    expect((await h.decide(id, 'accept', await tokenOf(alice))).statusCode).toBe(200);
    const bobToken = await tokenOf(bob);
    const [decided, put] = await Promise.all([
      h.decide(id, 'accept', bobToken),
      serviceAt(externalId, alice, { tech: carol }),
    ]);
    expect(put.statusCode, put.body).toBe(200);
    // Either the acceptance came first (200, then applied), or the request had ended and the code with it.
    expect([200, 403, 409]).toContain(decided.statusCode);
    const final = await h.waitForState(id, alice, ['done', 'aborted', 'error']);
    const found = await admin('GET', `/api/v1/admin/services/external/${externalId}`);
    expect(found.json()).toMatchObject({ contacts: { tech: carol.handle }, pendingChanges: [] });
    if (decided.statusCode !== 200) expect(final.state).toBe('aborted');
  });

  it('lists accounts and services a page at a time: every one once, none missed', async () => {
    const alice = await h.account('Alice');
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add(((await serviceAt(ext('svc'), alice)).json() as { id: string }).id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await admin('GET', `/api/v1/admin/services?limit=2${after ? `&after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      after = page.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);

    const accounts = await admin('GET', '/api/v1/admin/accounts?limit=1000');
    expect(accounts.json().items.map((a: { id: string }) => a.id)).toContain(alice.id);
    expect((await admin('GET', '/api/v1/admin/services?limit=0')).statusCode).toBe(400);
  });
});

describe('the bulk load (NDJSON)', () => {
  const load = (body: string, contentType = 'application/x-ndjson') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/import',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': contentType },
      payload: body,
    });

  it('writes accounts then the services naming them, says which lines failed and why, and changes nothing run again', async () => {
    const tag = nanoid(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x');
    const [a, b] = [`imp-a-${tag}`, `imp-b-${tag}`];
    const svc = ext('svc');
    const lines = [
      { type: 'account', externalId: `c-a-${tag}`, ...accountBody(a) },
      { type: 'account', externalId: `c-b-${tag}`, ...accountBody(b, { language: 'nl' }) },
      {
        type: 'service',
        externalId: svc,
        name: `${tag}.example`,
        kind: 'domain',
        holder: a,
        contacts: { admin: a, tech: b, billing: a },
      },
    ].map((l) => JSON.stringify(l));
    const broken = [
      '{"type": "account", "externalId": ',
      JSON.stringify({
        type: 'service',
        externalId: ext('svc'),
        name: 'x.example',
        kind: 'domain',
        holder: a,
        contacts: { admin: a, tech: 'nobody-at-all', billing: a },
      }),
      JSON.stringify({
        type: 'account',
        externalId: ext('c'),
        ...accountBody(`imp-c-${tag}`, { email: 'not-an-address' }),
      }),
    ];
    const body = [...lines, '', ...broken].join('\n');
    const first = await load(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ lines: 6, created: 3, updated: 0, unchanged: 0, failed: 3 });
    expect(first.json().errors).toEqual([
      { line: 5, code: 'invalidRequest', detail: 'This line is not JSON.' },
      { line: 6, code: 'unknownContact', detail: expect.stringContaining('nobody-at-all') },
      { line: 7, code: 'invalidRequest', detail: expect.stringMatching(/^email: /) },
    ]);
    const service = await admin('GET', `/api/v1/admin/services/external/${svc}`);
    expect(service.json()).toMatchObject({ holder: a, contacts: { admin: a, tech: b, billing: a } });

    const again = await load(lines.join('\n'));
    expect(again.json()).toMatchObject({ lines: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });

    const renamed = [...lines];
    renamed[1] = JSON.stringify({ type: 'account', externalId: `c-b-${tag}`, ...accountBody(b, { firstName: 'Bea' }) });
    const changed = await load(renamed.join('\n'));
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await admin('GET', `/api/v1/admin/accounts/external/c-b-${tag}`)).json()).toMatchObject({
      firstName: 'Bea',
      language: 'fr',
    });
  });

  it('takes NDJSON only, from the admin key only', async () => {
    const json = await load('{"type":"account"}', 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'unsupportedMediaType' });
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/import',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: '{}',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
