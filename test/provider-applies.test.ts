import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { ADMIN_KEY, startHarness, type Harness, type TestAccount } from './support/harness.js';
import { formPages, withFlash } from './support/pages.js';

/**
 * PROVIDER_APPLIES=domain: once both contacts accept a domain's change, the request stays `doing` until the provider
 * says it applied it (POST …/applied) or failed (POST …/failed {reason}); a hosting plan's change is applied here.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { PROVIDER_APPLIES: 'domain,server', APPLY_TIMEOUT: '2s' } });
});
afterAll(() => h?.close());

const word = (id: string, what: 'applied' | 'failed', reason?: string) =>
  h.request('POST', `/api/v1/admin/contact-changes/${id}/${what}`, {
    token: ADMIN_KEY,
    body: reason === undefined ? {} : { reason },
  });

/** Alice hands her tech role on a new domain to Bob; both accept. Answers the second acceptance. */
async function bothAccepted() {
  const { alice, bob, service, id, aliceToken, bobToken } = await h.pending({ roles: ['tech'], alice: 'en' });
  expect((await h.decide(id, 'accept', aliceToken)).statusCode).toBe(200);
  const last = await h.decide(id, 'accept', bobToken);
  return { alice, bob, service, id, last };
}

const techOf = async (holder: TestAccount, serviceId: string) => {
  const res = await h.request('GET', '/api/v1/services', { token: holder.token });
  return (res.json() as { items: { id: string; contacts: { tech: string } }[] }).items.find((s) => s.id === serviceId)
    ?.contacts.tech;
};

describe('a change the provider applies', () => {
  it('waits in doing after both accept; applied moves the roles, done, everyone told; applied again is the same', async () => {
    const { alice, bob, service, id, last } = await bothAccepted();
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ state: 'doing' });
    expect((await h.get(id, alice)).state).toBe('doing');
    expect(await techOf(alice, service.id)).toBe(alice.handle);

    const applied = await word(id, 'applied');
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ state: 'done' });
    expect(await techOf(alice, service.id)).toBe(bob.handle);
    await h.email(alice, (t) => t.includes(service.name) && /completed|done|has been made/i.test(t));
    await h.email(bob, (t) => t.includes(service.name) && /completed|done|has been made/i.test(t));

    const again = await word(id, 'applied');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ state: 'done' });
    const late = await word(id, 'failed', 'registry said no');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: expect.stringMatching(/notPending|alreadyEnded/) });
  });

  it('failed ends it in error with the reason on the request and in the emails; roles unchanged', async () => {
    const { alice, bob, service, id } = await bothAccepted();
    const failed = await word(id, 'failed', 'The registry refused the update (EPP 2304).');
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ state: 'error', endReason: 'The registry refused the update (EPP 2304).' });
    expect(await techOf(alice, service.id)).toBe(alice.handle);
    await h.email(bob, (t) => t.includes('EPP 2304'));
    expect((await word(id, 'failed', 'again')).statusCode).toBe(200);
    expect((await word(id, 'applied')).statusCode).toBe(409);
    // Without a reason, nothing happens.
    const other = await bothAccepted();
    const bare = await word(other.id, 'failed', '');
    expect(bare.statusCode).toBe(400);
    expect((await h.get(other.id, other.alice)).state).toBe('doing');
  });

  it('applied and failed at the same moment: one wins, the other is refused, and the request says which', async () => {
    const { alice, service, id } = await bothAccepted();
    const [applied, failed] = await Promise.all([word(id, 'applied'), word(id, 'failed', 'too late')]);
    const codes = [applied.statusCode, failed.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const final = await h.get(id, alice);
    expect(final.state).toBe(applied.statusCode === 200 ? 'done' : 'error');
    const taker = (final.to as { handle: string }).handle;
    expect(await techOf(alice, service.id)).toBe(applied.statusCode === 200 ? taker : alice.handle);
  });

  it('is refused before both accepted (and taken once they have), and for a kind Countersign applies itself', async () => {
    const { alice, bob, id, aliceToken, bobToken } = await h.pending({ roles: ['tech'] });
    const early = await word(id, 'applied');
    expect(early.statusCode, early.body).toBe(409);
    expect((await h.decide(id, 'accept', aliceToken)).statusCode).toBe(200);
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');
    // The same word, refused early, is taken once both have accepted.
    expect((await h.decide(id, 'accept', bobToken)).json()).toMatchObject({ state: 'doing' });
    expect((await word(id, 'applied')).json()).toMatchObject({ state: 'done' });

    const hosting = await h.request('POST', '/api/v1/admin/services', {
      token: ADMIN_KEY,
      body: {
        name: 'plan-1.example',
        kind: 'hosting',
        ownerId: alice.id,
        contacts: { admin: alice.handle, tech: alice.handle, billing: alice.handle },
      },
    });
    const created = await h.change(alice, (hosting.json() as { id: string }).id, ['tech'], bob);
    const hostingId = (created.json() as { id: string }).id;
    const tokenOf = async (a: TestAccount) => tokenIn(await h.email(a, (t) => t.includes(hostingId)));
    expect((await h.decide(hostingId, 'accept', await tokenOf(alice))).statusCode).toBe(200);
    const last = await h.decide(hostingId, 'accept', await tokenOf(bob));
    expect(last.json()).toMatchObject({ state: 'done' });
    expect((await word(hostingId, 'applied')).statusCode).toBe(409);
  });

  it('past APPLY_TIMEOUT without a word, support sees it as stuck, and why', async () => {
    const support = await h.account('Sam', 'en', 'support');
    const { id } = await bothAccepted();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await h.stuckItem(support.token, id))?.stuckReasons).toContainEqual({
      code: 'applyOverdue',
      detail: expect.stringContaining('the provider has not said it applied the change'),
      since: expect.any(String),
    });
    expect((await word(id, 'applied')).json()).toMatchObject({ state: 'done' });
  });

  it('support marks it failed from the request page, with a reason, when the provider never answers', async () => {
    const support = await h.account('Sue', 'en', 'support');
    const cookie = await h.signIn(support);
    const { alice, service, id } = await bothAccepted();
    const { get, post } = formPages(() => h, `/support/requests/${id}`);
    const page = await get(`/support/requests/${id}`, cookie);
    expect(page.body).toContain('Mark as applied');
    expect(page.body).toContain('Mark as failed');

    // Without a reason: back to the request's page, which says why once.
    const bare = await post(`/support/requests/${id}/failed`, cookie, { reason: '' });
    expect([bare.statusCode, bare.headers.location]).toEqual([303, `/support/requests/${id}`]);
    expect((await get(`/support/requests/${id}`, withFlash(cookie, bare))).body).toContain('Write why you do this.');
    const marked = await post(`/support/requests/${id}/failed`, cookie, { reason: 'Registry lock on the domain.' });
    expect(marked.statusCode).toBe(303);
    const after = await get(`/support/requests/${id}`, withFlash(cookie, marked));
    expect(after.body).toContain('The request was marked as failed.');
    expect(after.body).not.toContain('Mark as applied');
    const final = await h.get(id, alice);
    expect(final).toMatchObject({ state: 'error', endReason: 'Registry lock on the domain.' });
    expect(await techOf(alice, service.id)).toBe(alice.handle);
  });

  it('needs the admin key', async () => {
    const { alice, id } = await bothAccepted();
    const res = await h.request('POST', `/api/v1/admin/contact-changes/${id}/applied`, {
      token: alice.token,
      body: {},
    });
    expect([401, 403]).toContain(res.statusCode);
    expect((await h.get(id, alice)).state).toBe('doing');
  });
});

describe('the provider writing a service while it applies a change to it', () => {
  const byId = (method: 'GET' | 'PUT' | 'DELETE', externalId: string, body?: unknown) =>
    h.request(method, `/api/v1/admin/services/external/${externalId}`, {
      token: ADMIN_KEY,
      ...(body === undefined ? {} : { body }),
    });

  /** Alice's domain, known to the provider by its own id; she hands its tech role to Bob and both accept: `doing`. */
  async function doingOnExternal() {
    const [alice, bob, carol] = await Promise.all([h.account('Alice'), h.account('Bob'), h.account('Carol')]);
    const externalId = `svc-${nanoid(10)}`;
    const write = (contacts: { tech?: TestAccount; billing?: TestAccount } = {}) =>
      byId('PUT', externalId, {
        name: `${externalId.toLowerCase()}.example`,
        kind: 'domain',
        holder: alice.handle,
        contacts: {
          admin: alice.handle,
          tech: (contacts.tech ?? alice).handle,
          billing: (contacts.billing ?? alice).handle,
        },
      });
    const put = await write();
    expect(put.statusCode, put.body).toBe(201);
    const created = await h.change(alice, (put.json() as { id: string }).id, ['tech'], bob);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const tokenOf = async (a: TestAccount) => tokenIn(await h.email(a, (t) => t.includes(id)));
    expect((await h.decide(id, 'accept', await tokenOf(alice))).statusCode).toBe(200);
    expect((await h.decide(id, 'accept', await tokenOf(bob))).json()).toMatchObject({ state: 'doing' });
    return { alice, bob, carol, externalId, id, write };
  }

  /** The refusal, at once: five rounds of waiting for the request to end take 1.5 s of pauses alone. */
  async function refusedAtOnce(send: () => ReturnType<typeof byId>, id: string) {
    const started = Date.now();
    const res = await send();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'changeBeingApplied',
      title: 'Change being applied',
      changeIds: [id],
      detail: expect.stringMatching(new RegExp(`${id}.*applied or failed`)),
    });
  }

  it('a PUT moving its role is 409 changeBeingApplied naming it, the service unchanged; once applied, it goes through', async () => {
    const { alice, bob, carol, externalId, id, write } = await doingOnExternal();
    await refusedAtOnce(() => write({ tech: carol }), id);
    expect((await byId('GET', externalId)).json()).toMatchObject({
      contacts: { admin: alice.handle, tech: alice.handle, billing: alice.handle },
    });
    expect((await h.get(id, alice)).state).toBe('doing');
    // A role the request does not move is the provider's to write meanwhile.
    const billing = await write({ billing: carol });
    expect(billing.statusCode, billing.body).toBe(200);
    expect(billing.json()).toMatchObject({ contacts: { tech: alice.handle, billing: carol.handle } });

    expect((await word(id, 'applied')).json()).toMatchObject({ state: 'done' });
    expect((await byId('GET', externalId)).json()).toMatchObject({ contacts: { tech: bob.handle } });
    const again = await write({ tech: carol });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ contacts: { tech: carol.handle }, pendingChanges: [] });
    expect((await h.get(id, alice)).state).toBe('done');
  });

  it('a DELETE is 409 changeBeingApplied naming it, the service still there; once applied, it removes the service', async () => {
    const { alice, bob, externalId, id } = await doingOnExternal();
    await refusedAtOnce(() => byId('DELETE', externalId), id);
    const found = await byId('GET', externalId);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ contacts: { tech: alice.handle } });
    expect((await h.get(id, alice)).state).toBe('doing');

    expect((await word(id, 'applied')).json()).toMatchObject({ state: 'done' });
    expect((await byId('GET', externalId)).json()).toMatchObject({ contacts: { tech: bob.handle } });
    const removed = await byId('DELETE', externalId);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await byId('GET', externalId)).statusCode).toBe(404);
    expect((await h.get(id, alice)).state).toBe('done');
  });
});
