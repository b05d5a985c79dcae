import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEvents, contactChanges } from '../../db/schema.js';
import { FINAL_STATES } from '../../domain/contact-change.js';
import { workflowIdOf } from '../../domain/ids.js';
import { statusQuery } from '../../workflows/messages.js';
import { startHarness, type Harness } from '../support/harness.js';
import { scale } from './scale.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const STORM = 50;
type Party = 'from' | 'to';
type Kind = 'accept' | 'refuse' | 'mixed';

describe('a storm of the same token', () => {
  it(`${STORM} simultaneous POSTs of one valid token, over and over: exactly one counts each time, and every answer tells it`, async () => {
    const rounds = scale(100, 10);
    // One storm at a time, as the issue asks; the next request is made while the current storm runs.
    let next = h.pending({ roles: ['admin'], bob: 'nl' });
    next.catch(() => {
      /* awaited below */
    });
    for (let round = 0; round < rounds; round++) {
      const pending = await next;
      if (round + 1 < rounds) {
        next = h.pending({ roles: ['admin'], bob: 'nl' });
        next.catch(() => {
          /* awaited at the next round */
        });
      }
      await storm(round, pending);
    }
  });
});

async function storm(round: number, pending: Awaited<ReturnType<Harness['pending']>>) {
  const party: Party = round % 2 === 0 ? 'from' : 'to';
  // Cycles through accept, refuse, and half of each at once, for each party in turn.
  const kind: Kind = (['accept', 'refuse', 'mixed'] as const)[Math.floor(round / 2) % 3]!;
  const token = party === 'from' ? pending.aliceToken : pending.bobToken;
  const decisions = Array.from({ length: STORM }, (_, i) => (kind === 'mixed' ? (i % 2 ? 'refuse' : 'accept') : kind));
  const answers = await Promise.all(decisions.map((d) => h.decide(pending.id, d, token)));
  const where = `round ${round} (${party} ${kind}, request ${pending.id})`;

  // The API: one decision, and every answer tells that same record (a repeated right code answers what was recorded),
  // never a 5xx.
  for (const res of answers.filter((r) => r.statusCode !== 200)) {
    expect.fail(
      `${where}: ${res.statusCode} ${res.body}\n${h.logs
        .filter((l) => l.includes('"level":50'))
        .slice(-1)
        .join('')
        .slice(0, 2000)}`,
    );
  }
  const bodies = new Set(answers.map((r) => r.body));
  expect(bodies.size, `${where}: ${[...bodies].join('\n')}`).toBe(1);
  const winner = { res: answers[0]!, decision: answers[0]!.json().decision === 'accepted' ? 'accept' : 'refuse' };
  expect(decisions, where).toContain(winner.decision);
  const decision = winner.decision === 'accept' ? 'accepted' : 'refused';
  const final = decision === 'refused' ? 'refused' : 'validatingByCustomers';
  const decisionsOf = (from: string | null, to: string | null) => ({ from, to });
  const expected = decisionsOf(party === 'from' ? decision : null, party === 'to' ? decision : null);

  // What the person who got the 200 was told, what the API shows, the database holds and the workflow knows.
  const change = await h.get(pending.id, pending.alice);
  const [row] = await h.db.select().from(contactChanges).where(eq(contactChanges.id, pending.id));
  const events = await h.db.select().from(changeEvents).where(eq(changeEvents.changeId, pending.id));
  const workflow = h.temporal.workflow.getHandle(workflowIdOf(pending.id));
  const status = await workflow.query(statusQuery);
  const decided = events
    .filter((e) => e.type === 'accepted' || e.type === 'refused')
    .map((e) => `${e.party} ${e.type}`);
  const finals = events
    .filter((e) => e.type === 'state')
    .map((e) => (e.detail as { state: string }).state)
    .filter((state) => (FINAL_STATES as readonly string[]).includes(state));
  const story = [
    `${where}: the ${winner.decision} that counted was answered ${winner.res.body}`,
    `  API: ${change.state}, timeline ${change.timeline
      .filter((e) => e.type === 'accepted' || e.type === 'refused')
      .map((e) => `${e.party} ${e.type}`)
      .join(', ')}`,
    `  database: ${row!.state}, decisions ${JSON.stringify(decisionsOf(row!.fromDecision, row!.toDecision))}, events ${decided.join(', ')}, final states ${finals.join(', ') || 'none'}`,
    `  workflow: ${status.state}, decisions ${JSON.stringify(status.decisions)}`,
  ].join('\n');

  // The timeline, the database and the workflow hold that one decision and nothing else, and tell the same state.
  expect(winner.res.json(), story).toMatchObject({ state: final, party, decision });
  expect(change.state, story).toBe(final);
  expect(
    change.timeline.filter((e) => e.type === 'accepted' || e.type === 'refused').map((e) => `${e.party} ${e.type}`),
    story,
  ).toEqual([`${party} ${decision}`]);
  expect(row!.state, story).toBe(final);
  expect(decisionsOf(row!.fromDecision, row!.toDecision), story).toEqual(expected);
  expect(decided, story).toEqual([`${party} ${decision}`]);
  expect(finals, story).toEqual(decision === 'refused' ? ['refused'] : []);
  expect(status.state, story).toBe(final);
  expect(status.decisions, story).toEqual(expected);
  if (decision === 'refused') expect(await workflow.result(), story).toEqual({ state: 'refused' });
  // An accepted request would wait an hour for the other party: end its workflow, it has told all it can.
  else await workflow.terminate('token storm checked');
}
