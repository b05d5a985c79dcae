import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EXTENSIONS, MAX_SENDINGS } from '../domain/contact-change.js';
import { workflowIdOf } from '../domain/ids.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, waitFor, type Harness } from './support/harness.js';

/**
 * The issue asked for 40 on the common path; it takes 41. The last acceptance is recorded and committed by a regular
 * activity (5 events where a local activity took 1), because a step run in the workflow task of an Update could write
 * an outcome Temporal then throws away (see workflows/contact-change.ts). This holds it where it is.
 */
const COMMON_PATH_BUDGET = 41;
/**
 * Two reminders, an extension, two resends and a first deadline passed: about 115 events. Each further reminder adds
 * about 11, each resend 12, each extension 6; Temporal refuses a history past 51,200 events.
 */
const LONGEST_PATH_BUDGET = 125;

let quick: Harness;
let slow: Harness;
beforeAll(async () => {
  [quick, slow] = await Promise.all([startHarness(), startHarness({ ttl: '6s', reminders: '1s,2s' })]);
});
afterAll(async () => {
  await Promise.all([quick?.close(), slow?.close()]);
});

/** The finished request's history, by event type. */
async function historyOf(h: Harness, id: string) {
  const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
  await handle.result();
  const { events } = await handle.fetchHistory();
  const types = (events ?? []).map((e) => temporal.api.enums.v1.EventType[e.eventType!]!.replace(/^EVENT_TYPE_/, ''));
  const count = (type: string) => types.filter((t) => t === type).length;
  return { types, count };
}

describe("the size of a request's workflow history", () => {
  it(`on the common path (asked, both accept, committed, everyone told) is at most ${COMMON_PATH_BUDGET} events`, async () => {
    const { alice, bob, id, aliceToken, bobToken } = await quick.pending({ roles: ['tech'] });
    expect((await quick.decide(id, 'accept', aliceToken)).json().state).toBe('validatingByCustomers');
    expect((await quick.decide(id, 'accept', bobToken)).json().state).toBe('done');
    await quick.email(alice, (t) => t.includes(id) && /effectif/.test(t));
    await quick.email(bob, (t) => t.includes(id) && /effective/.test(t));

    const { types, count } = await historyOf(quick, id);
    console.info(`common path: ${types.length} events`);
    expect(types.length).toBeLessThanOrEqual(COMMON_PATH_BUDGET);
    // One activity for the two token emails, one for the outcome, and one for each acceptance (the last one commits).
    expect(count('ACTIVITY_TASK_SCHEDULED')).toBe(4);
    // Opening the request: the only local activity, since nothing follows an Update in its task. No patch marker.
    expect(count('MARKER_RECORDED')).toBe(1);
    expect(count('UPSERT_WORKFLOW_SEARCH_ATTRIBUTES')).toBe(0);
    expect(count('TIMER_CANCELED')).toBe(0);
    expect(types.at(-1)).toBe('WORKFLOW_EXECUTION_COMPLETED');
  });

  it(`with reminders, resends and an extension stays under ${LONGEST_PATH_BUDGET} events`, async () => {
    const h = slow;
    const { alice, bob, id, aliceToken, bobToken } = await h.pending({ roles: ['tech'] });
    const sam = await h.account('Sam', 'en', 'support');
    expect((await h.decide(id, 'accept', aliceToken)).statusCode).toBe(200);
    // The token email, then the two reminders (after 1 s and 2 s), each with the code.
    await h.email(bob, (t) => t.includes(id), 3);
    const until = new Date(Date.now() + 60_000).toISOString();
    const extended = await h.request('POST', `/api/v1/support/contact-changes/${id}/extend`, {
      token: sam.token,
      body: { expiresAt: until, reason: 'On holiday' },
    });
    expect(extended.statusCode).toBe(200);
    const resend = (token: string, reason?: string) =>
      h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token, body: reason ? { reason } : {} });
    expect((await resend(alice.token)).statusCode).toBe(200);
    const resentAt = Date.now();
    // Past the first deadline (6 s): its timer fires and the workflow waits on for the new one. The timers run one
    // after the other (each reminder's emails go out first), so on a busy machine the third fires later than 6 s.
    const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
    await waitFor(
      async () =>
        ((await handle.fetchHistory()).events ?? []).filter(
          (e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_FIRED,
        ).length === 3,
      30_000,
      'the first deadline to pass',
    );
    // And past the resend cooldown (1 s): on a loaded machine Alice's resend may have come just before the deadline.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, resentAt + 1100 - Date.now())));
    expect((await resend(sam.token, 'Lost the email')).statusCode).toBe(200);
    const latest = await h.email(bob, (t) => t.includes(id) && t.includes('#token='), 5);
    expect(tokenIn(latest)).not.toBe(bobToken);
    expect((await h.decide(id, 'accept', tokenIn(latest))).json().state).toBe('done');

    const { types, count } = await historyOf(h, id);
    console.info(`longest path: ${types.length} events`);
    expect(count('WORKFLOW_EXECUTION_UPDATE_COMPLETED')).toBe(5);
    expect(count('TIMER_FIRED')).toBe(3);
    expect(types.length).toBeLessThan(LONGEST_PATH_BUDGET);
  });

  it(`caps resends at ${MAX_SENDINGS - 1} and extensions at ${MAX_EXTENSIONS}, so no request's history can grow without bound`, async () => {
    const { alice, id } = await quick.pending({ roles: ['tech'] });
    const sam = await quick.account('Sam', 'en', 'support');
    for (let i = 1; i < MAX_SENDINGS; i++) {
      await new Promise((r) => setTimeout(r, 1100)); // RESEND_COOLDOWN is 1 s here
      expect(
        (await quick.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: alice.token, body: {} }))
          .statusCode,
      ).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1100));
    const refused = await quick.request('POST', `/api/v1/contact-changes/${id}/resend-email`, {
      token: alice.token,
      body: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/gone out 10 times; cancel it and make a new request/);
    const extend = (days: number) =>
      quick.request('POST', `/api/v1/support/contact-changes/${id}/extend`, {
        token: sam.token,
        body: { expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(), reason: 'Still away' },
      });
    for (let i = 1; i <= MAX_EXTENSIONS; i++) expect((await extend(i)).statusCode).toBe(200);
    const sixth = await extend(MAX_EXTENSIONS + 1);
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().detail).toMatch(/extended 5 times already/);
    expect((await quick.get(id, alice)).state).toBe('validatingByCustomers');
  });
});
