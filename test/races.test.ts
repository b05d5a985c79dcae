import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEvents, contactChanges } from '../db/schema.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness } from './support/harness.js';

let long: Harness;
let short: Harness;
beforeAll(async () => {
  [long, short] = await Promise.all([startHarness(), startHarness({ ttl: '6s', reminders: '3s' })]);
});
afterAll(async () => {
  await Promise.all([long?.close(), short?.close()]);
});

async function stored(h: Harness, id: string) {
  const [row] = await h.db.select().from(contactChanges).where(eq(contactChanges.id, id));
  const events = await h.db.select().from(changeEvents).where(eq(changeEvents.changeId, id));
  return {
    row: row!,
    states: events.filter((e) => e.type === 'state').map((e) => (e.detail as { state: string }).state),
  };
}

describe('races between decisions', () => {
  it('both contacts accepting at the same instant commit once, and both are told it is done', async () => {
    const { id, aliceToken, bobToken, alice, bob } = await long.pending({ roles: ['admin'], bob: 'nl' });
    const [a, b] = await Promise.all([long.decide(id, 'accept', aliceToken), long.decide(id, 'accept', bobToken)]);
    expect([a.json().state, b.json().state]).toEqual(['done', 'done']);
    const { row, states } = await stored(long, id);
    expect(row.state).toBe('done');
    expect(states.filter((s) => s === 'done')).toHaveLength(1);
    await long.email(alice, (t) => t.includes(id) && /effectif/.test(t));
    await long.email(bob, (t) => t.includes(id) && /doorgevoerd/.test(t));
  });

  it('the same token posted 20 times at once is one decision, and every answer tells it', async () => {
    const { id, aliceToken, alice } = await long.pending({ roles: ['admin'], bob: 'nl' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => long.decide(id, 'accept', aliceToken)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const bodies = new Set(answers.map((r) => r.body));
    expect(bodies.size, [...bodies].join('\n')).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ state: 'validatingByCustomers', party: 'from', decision: 'accepted' });
    const change = await long.get(id, alice);
    expect(change.timeline.filter((e) => e.type === 'accepted')).toHaveLength(1);
  });

  it('accept against refuse ends in one outcome, the same in both answers and the database', async () => {
    for (let i = 0; i < 3; i++) {
      const { id, aliceToken, bobToken, alice, service } = await long.pending({ roles: ['admin'], bob: 'nl' });
      const [a, b] = await Promise.all([long.decide(id, 'accept', aliceToken), long.decide(id, 'refuse', bobToken)]);
      const { row } = await stored(long, id);
      expect(row.state).toBe('refused');
      // Bob's refusal settles the request and says so. Alice's acceptance, if it was taken first, rightly answers
      // that Bob's decision is awaited; taken after, it answers the outcome, or is refused.
      expect(b.statusCode).toBe(200);
      expect(b.json().state).toBe('refused');
      if (a.statusCode === 200 && a.json().state !== 'refused')
        expect(a.json()).toMatchObject({ state: 'validatingByCustomers', awaiting: ['to'] });
      const services = (await long.request('GET', '/api/v1/services', { token: alice.token })).json().items;
      expect(services.find((s: { id: string }) => s.id === service.id).contacts.admin).toBe(alice.handle);
    }
  });

  it('a decision racing a cancel: exactly one of them wins, and the database agrees', async () => {
    const { id, aliceToken, bobToken, alice } = await long.pending({ roles: ['admin'], bob: 'nl' });
    await long.decide(id, 'accept', aliceToken);
    const [decision, cancel] = await Promise.all([
      long.decide(id, 'accept', bobToken),
      long.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token, body: {} }),
    ]);
    const { row, states } = await stored(long, id);
    expect(['done', 'aborted']).toContain(row.state);
    expect(states.filter((s) => s === 'done' || s === 'aborted')).toEqual([row.state]);
    if (decision.statusCode === 200) expect(decision.json().state).toBe(row.state);
    if (cancel.statusCode === 200) expect(cancel.json().state).toBe(row.state);
    else expect(cancel.statusCode).toBe(409);
  });
});

describe('time', () => {
  it('reminds whoever has not decided, with the same token, then expires and frees the roles', async () => {
    const { id, aliceToken, alice, bob, service } = await short.pending({ roles: ['admin'], bob: 'nl' });
    await short.decide(id, 'accept', aliceToken);
    const reminder = await short.email(bob, (t) => t.includes(id), 2);
    expect(tokenIn(reminder)).toBe(tokenIn(await short.email(bob, (t) => t.includes(id))));
    expect(short.resend.to(alice.email).filter((e) => e.text.includes('#token='))).toHaveLength(1);

    const expired = await short.waitForState(id, alice, 'expired', 10_000);
    expect(expired.timeline.filter((e) => e.type === 'state').map((e) => e.detail?.state)).toContain('expired');
    expect(expired).toMatchObject({ from: { decision: 'accepted' }, to: { decision: null } });
    await short.email(bob, (t) => t.includes(id) && !t.includes('#token='));
    expect((await short.decide(id, 'accept', tokenIn(reminder))).statusCode).toBe(403);
    const again = await short.change(alice, service.id, ['admin'], bob);
    expect(again.statusCode).toBe(201);
  });

  it('a decision at the moment of expiry either counts or is refused, never both', async () => {
    const { id, aliceToken, bobToken, alice } = await short.pending({ roles: ['admin'], bob: 'nl' });
    const { row } = await stored(short, id);
    await new Promise((r) => setTimeout(r, Math.max(0, row.expiresAt.getTime() - Date.now())));
    const [a, b] = await Promise.all([short.decide(id, 'accept', aliceToken), short.decide(id, 'accept', bobToken)]);
    const final = await short.waitForState(id, alice, ['done', 'expired'], 10_000);
    const after = (await stored(short, id)).row;
    if (final.state === 'done') {
      expect([a.json().state, b.json().state]).toEqual(['done', 'done']);
    } else {
      for (const [res, decision] of [
        [a, after.fromDecision],
        [b, after.toDecision],
      ] as const) {
        expect(res.statusCode === 200 ? 'accepted' : null).toBe(decision);
        if (res.statusCode !== 200) expect(res.statusCode).toBe(403);
      }
    }
  });
});
