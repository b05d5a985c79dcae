import { and, eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { changeEvents, contactChanges, emails, services } from '../../db/schema.js';
import { workflowIdOf } from '../../domain/ids.js';
import type { FakeResend } from '../support/fake-resend.js';
import { waitFor, type Harness } from '../support/harness.js';
import { inBatches, type Flow } from './flows.js';

/** Shared by the fault tests: what a user checks once the flows (./flows.ts) are over, in PostgreSQL, in Temporal
 * and at the email provider. */

/** The emails the provider accepted, counted per recipient, request and kind (what a person would see twice). */
export function deliveries(resend: FakeResend): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of resend.emails) {
    const key = `${e.to} ${e.tags.request ?? '?'} ${e.tags.kind ?? '?'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Each party of a done request gets its token email and its "done" email, once each; nothing else. */
export function expectedDeliveries(flows: Flow[]): Map<string, number> {
  const expected = new Map<string, number>();
  for (const f of flows) {
    for (const who of [f.alice, f.bob])
      for (const kind of ['request', 'done']) expected.set(`${who.email} ${f.id} ${kind}`, 1);
  }
  return expected;
}

/** Waits until the provider has accepted every email the flows should send. */
export async function waitForDeliveries(resend: FakeResend, flows: Flow[], timeoutMs: number): Promise<void> {
  const expected = [...expectedDeliveries(flows).keys()];
  await waitFor(
    async () => {
      const got = deliveries(resend);
      return expected.every((k) => got.has(k));
    },
    timeoutMs,
    `${expected.length} emails to be delivered`,
  ).catch((err: Error) => {
    const got = deliveries(resend);
    throw new Error(
      `${err.message}; missing: ${expected
        .filter((k) => !got.has(k))
        .slice(0, 10)
        .join(', ')}`,
    );
  });
}

/** The flows' deliveries, as counted by the provider, for a toEqual against expectedDeliveries(). */
export function deliveriesOf(resend: FakeResend, flows: Flow[]): Map<string, number> {
  const ids = new Set(flows.map((f) => f.id));
  return new Map([...deliveries(resend)].filter(([key]) => ids.has(key.split(' ')[1]!)));
}

export interface Outcome {
  /** Requests whose state in PostgreSQL is not done. */
  notDone: string[];
  /** Per request, how many times the timeline says it was committed ("state" events with state done). */
  commits: Map<string, number>;
  /** Requests whose service does not name Bob as its tech and billing contact. */
  notMoved: string[];
  /** Email rows of these requests that are not `sent`. */
  unsentEmails: { changeId: string; recipient: string; kind: string; status: string }[];
}

/** What PostgreSQL says about the flows once they are over. */
export async function outcomeOf(h: Harness, flows: Flow[]): Promise<Outcome> {
  const ids = flows.map((f) => f.id);
  const rows = await h.db
    .select({ id: contactChanges.id, state: contactChanges.state })
    .from(contactChanges)
    .where(inArray(contactChanges.id, ids));
  const states = new Map(rows.map((r) => [r.id, r.state]));
  const done = await h.db
    .select({ changeId: changeEvents.changeId, detail: changeEvents.detail })
    .from(changeEvents)
    .where(and(inArray(changeEvents.changeId, ids), eq(changeEvents.type, 'state')));
  const commits = new Map(ids.map((id) => [id, 0]));
  for (const e of done) if (e.detail?.state === 'done') commits.set(e.changeId, commits.get(e.changeId)! + 1);
  const held = await h.db
    .select()
    .from(services)
    .where(
      inArray(
        services.id,
        flows.map((f) => f.service.id),
      ),
    );
  const notMoved = flows
    .filter((f) => {
      const s = held.find((x) => x.id === f.service.id);
      return !s || s.techId !== f.bob.id || s.billingId !== f.bob.id || s.adminId !== f.alice.id;
    })
    .map((f) => f.id);
  const unsent = await h.db.select().from(emails).where(inArray(emails.changeId, ids));
  return {
    notDone: ids.filter((id) => states.get(id) !== 'done'),
    commits,
    notMoved,
    unsentEmails: unsent
      .filter((e) => e.status !== 'sent')
      .map((e) => ({ changeId: e.changeId!, recipient: e.recipient, kind: e.kind, status: e.status })),
  };
}

/**
 * What a user checks once the flows are over: every workflow completed `done`, every request done in PostgreSQL with
 * its roles moved, committed once, its email rows sent, and the provider holding each email exactly once.
 */
export async function expectEveryFlowDone(h: Harness, flows: Flow[], timeoutMs: number): Promise<void> {
  const workflows = await workflowOutcomes(
    h,
    flows.map((f) => f.id),
    timeoutMs,
  );
  expect([...workflows].filter(([, status]) => status !== 'COMPLETED done')).toEqual([]);
  const outcome = await outcomeOf(h, flows);
  expect(outcome.notDone).toEqual([]);
  expect(outcome.notMoved).toEqual([]);
  expect([...outcome.commits].filter(([, n]) => n !== 1)).toEqual([]);
  expect(outcome.unsentEmails).toEqual([]);
  expect(deliveriesOf(h.resend, flows)).toEqual(expectedDeliveries(flows));
}

/**
 * Each workflow's status in Temporal (COMPLETED, FAILED, TERMINATED…) and the state it returned, once none is
 * running: a workflow ends a moment after its last email went out, once the worker has reported that email sent.
 */
export async function workflowOutcomes(h: Harness, ids: string[], timeoutMs: number): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  await inBatches(ids, 10, async (id) => {
    const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
    const status = await waitFor(
      async () => {
        const { status: s } = await handle.describe();
        return s.name === 'RUNNING' ? null : s.name;
      },
      timeoutMs,
      `the workflow of ${id} to end`,
    ).catch(() => 'RUNNING');
    const result = status === 'COMPLETED' ? ((await handle.result()) as { state: string }).state : '';
    outcomes.set(id, `${status} ${result}`.trim());
  });
  return outcomes;
}
