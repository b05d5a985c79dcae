import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEvents, contactChanges } from '../../db/schema.js';
import { FINAL_STATES } from '../../domain/contact-change.js';
import { workflowIdOf } from '../../domain/ids.js';
import { statusQuery } from '../../workflows/messages.js';
import { startHarness, type Harness } from '../support/harness.js';
import { scale } from './scale.js';

/**
 * Accept, refuse, cancel and expiry, in every order fast-check's scheduler finds, each on a fresh request. Whatever
 * the order, there is one outcome, and the API's answers, the request as the API shows it, the workflow and the
 * database all tell it.
 *
 * fast-check picks which actions happen (each contact may accept, refuse, or try both with its one code; the asker
 * may cancel; the request may be left to expire) and, for each, whether the next one starts at once or only after it
 * has answered. The scheduler picks the order in which they start. A run with an expiry uses a harness whose requests
 * live 3 s; the others use one whose requests live an hour, so that they never wait and never expire by accident.
 */

let long: Harness;
let short: Harness;
beforeAll(async () => {
  [long, short] = await Promise.all([startHarness(), startHarness({ ttl: '3s' })]);
});
afterAll(async () => {
  await Promise.all([long?.close(), short?.close()]);
});

type Party = 'from' | 'to';
type Action = { kind: 'decide'; party: Party; decision: 'accept' | 'refuse' } | { kind: 'cancel' } | { kind: 'expire' };

const label = (a: Action) =>
  a.kind === 'decide' ? `${a.party} ${a.decision}s` : a.kind === 'cancel' ? 'the asker cancels' : 'the request expires';
const PENDING = 'validatingByCustomers';
const isFinal = (state: string) => (FINAL_STATES as readonly string[]).includes(state);

/** One contact's actions with its one code: none, accept, refuse, or both (at most one of them may count). */
const partyActions = (party: Party) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<Action[]>([]) },
    { weight: 3, arbitrary: fc.constant<Action[]>([{ kind: 'decide', party, decision: 'accept' }]) },
    { weight: 2, arbitrary: fc.constant<Action[]>([{ kind: 'decide', party, decision: 'refuse' }]) },
    {
      weight: 1,
      arbitrary: fc.constant<Action[]>([
        { kind: 'decide', party, decision: 'accept' },
        { kind: 'decide', party, decision: 'refuse' },
      ]),
    },
  );

const scenario = fc
  .record({
    from: partyActions('from'),
    to: partyActions('to'),
    cancel: fc.boolean(),
    // One run in three waits for the expiry: those take 3 s or more.
    expire: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    // For each action in the order it starts: does the next one wait until this one has answered?
    waits: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ from, to, cancel, expire, waits }) => ({
    actions: [
      ...from,
      ...to,
      ...(cancel ? [{ kind: 'cancel' } as const] : []),
      ...(expire ? [{ kind: 'expire' } as const] : []),
    ],
    waits,
  }))
  .filter(({ actions }) => actions.length > 0);

interface Run {
  action: Action;
  /** Wall-clock times around the call. */
  startedAt: number;
  endedAt: number;
  res: LightMyRequestResponse | null;
  done: Promise<void>;
}

async function stored(h: Harness, id: string) {
  const [row] = await h.db.select().from(contactChanges).where(eq(contactChanges.id, id));
  const events = await h.db.select().from(changeEvents).where(eq(changeEvents.changeId, id));
  const states = events.filter((e) => e.type === 'state').map((e) => (e.detail as { state: string }).state);
  return {
    row: row!,
    finals: states.filter(isFinal),
    decisions: events.filter((e) => e.type === 'accepted' || e.type === 'refused'),
  };
}

async function play({ actions, waits }: { actions: Action[]; waits: boolean[] }, s: fc.Scheduler): Promise<void> {
  const expires = actions.some((a) => a.kind === 'expire');
  const h = expires ? short : long;
  const { id, alice, aliceToken, bobToken } = await h.pending({ roles: ['admin'], bob: 'nl' });
  const expiresAt = (await stored(h, id)).row.expiresAt.getTime();
  const token = { from: aliceToken, to: bobToken };

  const perform = async (action: Action): Promise<LightMyRequestResponse | null> => {
    switch (action.kind) {
      case 'decide':
        return h.decide(id, action.decision, token[action.party]);
      case 'cancel':
        return h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token, body: {} });
      case 'expire':
        // Until the deadline has passed, by the clock the workflow reads too.
        while (Date.now() <= expiresAt + 5)
          await new Promise((r) => setTimeout(r, Math.max(1, expiresAt + 6 - Date.now())));
        return null;
    }
  };

  // The scheduler releases each action's start; the action then runs on its own, overlapping those after it.
  const runs: Run[] = [];
  for (const action of actions) {
    void s.schedule(Promise.resolve(label(action)), label(action)).then(() => {
      const run: Run = { action, startedAt: Date.now(), endedAt: Infinity, res: null, done: Promise.resolve() };
      run.done = perform(action).then((res) => {
        run.res = res;
        run.endedAt = Date.now();
      });
      runs.push(run);
    });
  }
  while (s.count() > 0) {
    await s.waitNext(1);
    await new Promise((r) => setImmediate(r));
    const last = runs.at(-1)!;
    if (waits[runs.length - 1]) await last.done;
  }
  await Promise.all(runs.map((r) => r.done));

  // --- what happened ---
  const ok = (r: Run) => r.res !== null && r.res.statusCode === 200;
  // A contact's code sent again after its decision answers 200 with the decision recorded, which may be the other one.
  const recorded = (r: Run) => (ok(r) ? (r.res!.json() as { decision?: string }).decision : undefined);
  const asked = (a: Action) => (a.kind === 'decide' ? (a.decision === 'accept' ? 'accepted' : 'refused') : undefined);
  const counts = (r: Run) => ok(r) && (r.action.kind !== 'decide' || recorded(r) === asked(r.action));
  const answered = runs.filter((r) => r.action.kind !== 'expire');
  const decided = (party: Party) =>
    answered.filter((r) => r.action.kind === 'decide' && r.action.party === party && counts(r));
  const repeats = (party: Party) =>
    answered.filter((r) => r.action.kind === 'decide' && r.action.party === party && ok(r) && !counts(r));
  const cancelled = answered.some((r) => r.action.kind === 'cancel' && ok(r));
  const refused = (['from', 'to'] as const).some((p) =>
    decided(p).some((r) => r.action.kind === 'decide' && r.action.decision === 'refuse'),
  );
  const bothAccepted = (['from', 'to'] as const).every((p) =>
    decided(p).some((r) => r.action.kind === 'decide' && r.action.decision === 'accept'),
  );

  // Once the calls have answered, only the expiry may still be on its way.
  const change = expires ? await h.waitForState(id, alice, FINAL_STATES, 30_000) : await h.get(id, alice);
  const final = change.state;
  const db = await stored(h, id);
  const workflow = h.temporal.workflow.getHandle(workflowIdOf(id));
  const status = await workflow.query(statusQuery);
  const result = isFinal(final) ? await workflow.result() : null;
  if (!isFinal(final)) await workflow.terminate('interleaving checked');

  const story = [
    `request ${id}, expires at +${expiresAt - runs[0]!.startedAt} ms from the first start`,
    ...runs.map(
      (r) =>
        `  ${label(r.action).padEnd(20)} +${r.startedAt - runs[0]!.startedAt}..+${r.endedAt - runs[0]!.startedAt} ms: ${r.res ? `${r.res.statusCode} ${r.res.body.slice(0, 160)}` : ''}`,
    ),
    `  API ${final}, database ${db.row.state} (final events ${db.finals.join(',') || 'none'}), workflow ${status.state}${result ? ` → ${result.state}` : ''}`,
  ].join('\n');

  // Every call was answered with success or the problem its refusal calls for, never a 5xx.
  for (const r of answered) {
    if (ok(r)) continue;
    const expected =
      r.action.kind === 'cancel' ? { status: 409, title: 'Not possible now' } : { status: 403, title: 'Invalid token' };
    expect(r.res!.statusCode, story).toBe(expected.status);
    expect(r.res!.headers['content-type'], story).toMatch(/^application\/problem\+json/);
    expect(r.res!.json(), story).toMatchObject(expected);
  }

  // One outcome, the one the successful calls call for.
  const outcome = cancelled ? 'aborted' : refused ? 'refused' : bothAccepted ? 'done' : expires ? 'expired' : PENDING;
  expect(final, story).toBe(outcome);
  for (const party of ['from', 'to'] as const) {
    expect(decided(party).length, story).toBeLessThanOrEqual(1);
    // A repeated code tells the decision that counted, never another.
    for (const r of repeats(party)) expect(recorded(r), story).toBe(asked(decided(party)[0]?.action ?? r.action));
  }

  // The API, the database and the workflow tell the same story.
  expect(db.row.state, story).toBe(final);
  expect(db.finals, story).toEqual(isFinal(final) ? [final] : []);
  expect(status.state, story).toBe(final);
  if (result) expect(result.state, story).toBe(final);
  for (const party of ['from', 'to'] as const) {
    const won = decided(party)[0]?.action;
    const decision = won?.kind === 'decide' ? (won.decision === 'accept' ? 'accepted' : 'refused') : null;
    expect(party === 'from' ? db.row.fromDecision : db.row.toDecision, `${party}: ${story}`).toBe(decision);
    expect(status.decisions[party], `${party}: ${story}`).toBe(decision);
    expect(
      db.decisions.filter((e) => e.party === party).map((e) => e.type),
      `${party}: ${story}`,
    ).toEqual(decision ? [decision] : []);
  }
  for (const r of answered.filter(ok)) {
    const { state } = r.res!.json() as { state: string };
    if (r.action.kind === 'decide' && recorded(r) === 'accepted') expect([PENDING, final], story).toContain(state);
    else expect(state, story).toBe(final);
  }

  // An action that starts after the request has ended, or after the same contact's decision has counted, fails.
  for (const later of answered) {
    const before = runs.filter((r) => r.endedAt < later.startedAt);
    const ended = before.some(
      (r) => r.action.kind === 'expire' || (ok(r) && isFinal((r.res!.json() as { state: string }).state)),
    );
    const sameParty =
      later.action.kind === 'decide' &&
      before.some(
        (r) =>
          counts(r) &&
          r.action.kind === 'decide' &&
          later.action.kind === 'decide' &&
          r.action.party === later.action.party,
      );
    if (ended || sameParty) expect(counts(later), `${label(later.action)} came after the end: ${story}`).toBe(false);
  }

  // One at a time, clear of the deadline, the outcome of each call is known in advance.
  const serial = runs.every((r, i) => i === runs.length - 1 || waits[i]);
  const clear = runs.every((r) => r.action.kind === 'expire' || r.endedAt < expiresAt || r.startedAt > expiresAt);
  if (serial && clear) {
    let state = PENDING;
    const decisions: Record<Party, string | null> = { from: null, to: null };
    const events = [
      ...runs.filter((r) => r.action.kind !== 'expire').map((r) => ({ at: r.startedAt, run: r as Run | null })),
      ...(expires ? [{ at: expiresAt, run: null }] : []),
    ].sort((a, b) => a.at - b.at);
    for (const { run } of events) {
      const open = state === PENDING;
      if (!run) {
        if (open) state = 'expired';
        continue;
      }
      const a = run.action;
      if (a.kind === 'cancel') {
        expect(ok(run), `${label(a)}: ${story}`).toBe(open);
        if (open) state = 'aborted';
      } else if (a.kind === 'decide') {
        const first = open && decisions[a.party] === null;
        expect(ok(run), `${label(a)}: ${story}`).toBe(first || decisions[a.party] !== null);
        const mine = decisions[a.party];
        if (!first && mine) expect(recorded(run), story).toBe(mine === 'accept' ? 'accepted' : 'refused');
        if (first) {
          decisions[a.party] = a.decision;
          if (a.decision === 'refuse') state = 'refused';
          else if (decisions.from === 'accept' && decisions.to === 'accept') state = 'done';
        }
      }
    }
    expect(final, story).toBe(state);
  }
}

describe('accept, refuse, cancel and expiry, interleaved', () => {
  it('end in one outcome, told alike by the API, the workflow and the database', async () => {
    const total = scale(1000, 40);
    const parallel = 10;
    const base = Number(process.env.FC_SEED ?? Date.now() % 1_000_000_000);
    const started = Date.now();
    // Independent properties side by side, each with its own seed: a run waits on the network, not the CPU.
    const outcomes = await Promise.allSettled(
      Array.from({ length: parallel }, (_, i) =>
        fc.assert(fc.asyncProperty(scenario, fc.scheduler(), play), {
          numRuns: Math.ceil(total / parallel),
          seed: base + i,
          includeErrorInReport: true,
        }),
      ),
    );
    const failures = outcomes.flatMap((o, i) =>
      o.status === 'rejected' ? [`property ${i} (seed ${base + i}):\n${(o.reason as Error).message}`] : [],
    );
    console.log(`interleavings: ${total} runs in ${((Date.now() - started) / 1000).toFixed(1)} s (FC_SEED=${base})`);
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
