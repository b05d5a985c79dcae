import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function contactsOf(owner: TestAccount, serviceId: string) {
  const res = await h.request('GET', '/api/v1/services', { token: owner.token });
  const items = (res.json() as { items: { id: string; contacts: Record<string, string> }[] }).items;
  return items.find((s) => s.id === serviceId)!.contacts;
}

describe('a contact change from start to done', () => {
  it('moves the roles once both contacts accepted, and tells everyone', async () => {
    const { alice, bob, service, id, aliceToken, bobToken } = await h.pending();
    expect(aliceToken).not.toBe(bobToken);
    expect((await h.email(alice, (t) => t.includes(id))).subject).toMatch(/Changement de contact/);
    expect((await h.email(bob, (t) => t.includes(id))).subject).toMatch(/Contact change/);

    const first = await h.decide(id, 'accept', aliceToken);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ state: 'validatingByCustomers', party: 'from', awaiting: ['to'] });
    expect(first.json().message).toMatch(/still awaiting the other contact/);
    expect(await contactsOf(alice, service.id)).toEqual({
      admin: alice.handle,
      tech: alice.handle,
      billing: alice.handle,
    });

    const second = await h.decide(id, 'accept', bobToken);
    expect(second.json()).toMatchObject({ state: 'done', party: 'to', awaiting: [] });
    expect(await contactsOf(alice, service.id)).toEqual({ admin: alice.handle, tech: bob.handle, billing: bob.handle });

    await h.email(alice, (t) => t.includes(id) && /effectif|effective/i.test(t));
    await h.email(bob, (t) => t.includes(id) && /effective/i.test(t));
    const change = await h.get(id, alice);
    expect(change).toMatchObject({ state: 'done', from: { decision: 'accepted' }, to: { decision: 'accepted' } });
    expect(change.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['created', 'emailSent', 'accepted', 'state']),
    );
  });

  it('answers "still awaiting" to the first contact whichever side accepts first', async () => {
    const { id, bobToken, aliceToken } = await h.pending();
    expect((await h.decide(id, 'accept', bobToken)).json()).toMatchObject({ party: 'to', awaiting: ['from'] });
    expect((await h.decide(id, 'accept', aliceToken)).json()).toMatchObject({ state: 'done' });
  });
});

describe('refusal', () => {
  it('by the outgoing contact ends the request and changes nothing', async () => {
    const { alice, bob, service, id, aliceToken, bobToken } = await h.pending();
    const res = await h.decide(id, 'refuse', aliceToken, 'I did not ask for this');
    expect(res.json()).toMatchObject({ state: 'refused', party: 'from' });
    expect(await contactsOf(alice, service.id)).toMatchObject({ tech: alice.handle });
    const told = await h.email(bob, (t) => t.includes(id) && t.includes('I did not ask for this'));
    const timeline = (await h.get(id, bob)).timeline;
    expect(timeline).toContainEqual(
      expect.objectContaining({ type: 'refused', party: 'from', detail: { reason: 'I did not ask for this' } }),
    );
    expect(told.text).not.toMatch(/#token=/);
    expect((await h.decide(id, 'accept', bobToken)).statusCode).toBe(403);
  });

  it('by the incoming contact, after the outgoing one accepted, ends it too', async () => {
    const { alice, service, id, aliceToken, bobToken } = await h.pending();
    await h.decide(id, 'accept', aliceToken);
    expect((await h.decide(id, 'refuse', bobToken)).json()).toMatchObject({ state: 'refused', party: 'to' });
    expect(await contactsOf(alice, service.id)).toMatchObject({ billing: alice.handle });
    const change = await h.get(id, alice);
    expect(change).toMatchObject({ from: { decision: 'accepted' }, to: { decision: 'refused' } });
    // A refused request frees its roles for a new one.
    const bob2 = await h.account('Bob');
    expect((await h.change(alice, service.id, ['tech'], bob2)).statusCode).toBe(201);
  });
});

describe('tokens', () => {
  it('work once: the same token again, accept or refuse, answers the decision recorded and changes nothing', async () => {
    const { id, aliceToken, alice } = await h.pending();
    const first = await h.decide(id, 'accept', aliceToken);
    expect(first.statusCode).toBe(200);
    const again = await h.decide(id, 'accept', aliceToken);
    const refuseAfter = await h.decide(id, 'refuse', aliceToken);
    for (const res of [again, refuseAfter]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(first.json());
      expect(res.json()).toMatchObject({ party: 'from', decision: 'accepted', state: 'validatingByCustomers' });
    }
    const change = await h.get(id, alice);
    expect(change.timeline.filter((e) => e.type === 'accepted' || e.type === 'refused')).toHaveLength(1);
    // A wrong code learns nothing from it.
    const wrong = await h.decide(id, 'accept', 'A'.repeat(43));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'invalidToken' });
  });

  it('belong to one request: a token from another request is refused and counts as a failed attempt', async () => {
    const one = await h.pending();
    const other = await h.pending();
    const res = await h.decide(one.id, 'accept', other.aliceToken);
    expect(res.statusCode).toBe(403);
    expect((await h.get(one.id, one.alice)).state).toBe('validatingByCustomers');
  });

  it('answer a malformed, unknown-request or wrong token with the same problem', async () => {
    const { id } = await h.pending();
    const answers = await Promise.all([
      h.decide(id, 'accept', 'not-a-token'),
      h.decide(id, 'accept', 'A'.repeat(43)),
      h.decide('no-such-request', 'accept', 'A'.repeat(43)),
    ]);
    const bodies = answers.map((r) => ({ status: r.statusCode, title: r.json().title, detail: r.json().detail }));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]!.status).toBe(403);
  });
});

describe('resend', () => {
  it('sends new tokens to who has not decided, and the old ones stop working', async () => {
    const { alice, bob, id, aliceToken, bobToken } = await h.pending();
    await h.decide(id, 'accept', aliceToken);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: alice.token });
    expect(res.statusCode).toBe(200);
    const newBobToken = tokenIn(await h.email(bob, (t) => t.includes(id), 2));
    expect(newBobToken).not.toBe(bobToken);
    expect(h.resend.to(alice.email).filter((e) => e.text.includes('#token='))).toHaveLength(1);

    expect((await h.decide(id, 'accept', bobToken)).statusCode).toBe(403);
    expect((await h.decide(id, 'accept', newBobToken)).json()).toMatchObject({ state: 'done' });
    // Once decided, the current code answers the record; a code of an older sending stays invalid.
    expect((await h.decide(id, 'accept', newBobToken)).json()).toMatchObject({ state: 'done', decision: 'accepted' });
    for (const old of [bobToken, aliceToken]) {
      const res = await h.decide(id, 'accept', old);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'invalidToken' });
    }
  });

  it('is for the asker or support only, not for a contact of the request', async () => {
    const { bob, id } = await h.pending();
    const byBob = await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: bob.token });
    expect(byBob.statusCode).toBe(403);
    expect(byBob.json().detail).toMatch(/Only the person who asked/);
  });
});

describe('cancel', () => {
  it('by the asker aborts the request; its tokens stop working and everyone is told', async () => {
    const { alice, bob, service, id, bobToken } = await h.pending();
    const res = await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, {
      token: alice.token,
      body: { reason: 'Wrong contact chosen' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('aborted');
    expect((await h.decide(id, 'accept', bobToken)).statusCode).toBe(403);
    await h.email(bob, (t) => t.includes(id) && t.includes('Wrong contact chosen'));
    expect(await contactsOf(alice, service.id)).toMatchObject({ tech: alice.handle });
    // No body at all is fine too; the request has ended, so the answer is 409.
    const again = await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token });
    expect(again.statusCode).toBe(409);
  });

  it('is for the asker or support only', async () => {
    const { bob, id } = await h.pending();
    const res = await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: bob.token, body: {} });
    expect(res.statusCode).toBe(403);
    const support = await h.account('Sam', 'en', 'support');
    expect(
      (await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: support.token, body: {} })).json()
        .state,
    ).toBe('aborted');
  });
});
