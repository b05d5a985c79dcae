import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIdOf } from '../domain/ids.js';
import { extendUpdate } from '../workflows/messages.js';
import { startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let sam: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  sam = await h.account('Sam', 'en', 'support');
});
afterAll(async () => {
  await h?.close();
});

const DAY = 86_400_000;
const extend = (id: string, token: string, body: object) =>
  h.request('POST', `/api/v1/support/contact-changes/${id}/extend`, { token, body });

interface StuckItem {
  id: string;
  createdAt: string;
  stuckReasons: { code: string }[];
}

/** Every page of the stuck list, `limit` at a time, from the first by each answer's nextCursor. */
async function walkStuck(limit: number) {
  const pages: StuckItem[][] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/v1/support/contact-changes?stuck=true&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await h.request('GET', url, { token: sam.token });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: StuckItem[]; nextCursor: string | null };
    pages.push(body.items);
    if (pages.length > 1000) throw new Error('the pages never end');
    cursor = body.nextCursor;
    // A page short of the limit is the last.
    if (cursor) expect(body.items).toHaveLength(limit);
  } while (cursor);
  return pages;
}

describe('GET /api/v1/support/contact-changes, page after page', () => {
  it('walks every stuck request once, oldest first, past pending ones that are not stuck between them', async () => {
    // Made one after the other, so each is older than the next: stuck (s) and not (n) interleaved.
    const pattern = ['s', 'n', 's', 's', 'n', 's', 'n', 's'];
    const made: { id: string; stuck: boolean }[] = [];
    for (const kind of pattern) made.push({ id: await h.asked({ emailFails: kind === 's' }), stuck: kind === 's' });
    const stuck = made.filter((m) => m.stuck).map((m) => m.id);
    const notStuck = made.filter((m) => !m.stuck).map((m) => m.id);
    // Each is listed once its failed email is recorded (the database is shared: other files' stuck ones show too).
    const all = await waitFor(
      async () => {
        const seen = (await walkStuck(50)).flat().map((i) => i.id);
        return stuck.every((id) => seen.includes(id)) && seen;
      },
      15_000,
      'the failed emails',
    );

    const pages = await walkStuck(2);
    const seen = pages.flat();
    expect(seen.length).toBeGreaterThanOrEqual(all.length);
    expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
    // Ours, five stuck, span at least three pages of two; the pending ones between them are on none.
    expect(pages.filter((page) => page.some((i) => stuck.includes(i.id))).length).toBeGreaterThanOrEqual(3);
    expect(seen.map((i) => i.id).filter((id) => made.some((m) => m.id === id))).toEqual(stuck);
    for (const id of notStuck) {
      const change = await h.request('GET', `/api/v1/contact-changes/${id}`, { token: sam.token });
      expect(change.json().state).toBe('validatingByCustomers');
    }
    const times = seen.map((i) => Date.parse(i.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const item of seen.filter((i) => stuck.includes(i.id)))
      expect(item.stuckReasons.map((r) => r.code)).toEqual(['emailFailed']);
  });

  it('answers as before to a client that sends no cursor, and refuses a cursor it did not give', async () => {
    const first = await h.request('GET', '/api/v1/support/contact-changes?limit=1', { token: sam.token });
    expect(first.statusCode).toBe(200);
    expect(Object.keys(first.json()).sort()).toEqual(['items', 'nextCursor']);

    // The form of a cursor, but not one this list gave out: {"t":"x"}.
    const unknown = Buffer.from(JSON.stringify({ t: 'x' })).toString('base64url');
    const refused = await h.request('GET', `/api/v1/support/contact-changes?cursor=${unknown}`, { token: sam.token });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'invalidRequest', detail: expect.stringContaining('query.cursor') });
    const malformed = await h.request('GET', '/api/v1/support/contact-changes?cursor=a%2Bb', { token: sam.token });
    expect(malformed.statusCode).toBe(400);

    // The published document states both, and the cursor's form, so that a generated client can check it.
    const op = (await h.request('GET', '/docs/json')).json().paths['/api/v1/support/contact-changes'].get;
    const param = op.parameters.find((p: { name: string }) => p.name === 'cursor');
    expect(param).toMatchObject({ in: 'query', required: false, schema: { pattern: '^[A-Za-z0-9_-]{1,200}$' } });
    expect(op.responses['200'].content['application/json'].schema.properties.nextCursor).toBeDefined();
    expect(op.responses['422']).toBeDefined();
  });
});

describe('POST /api/v1/support/contact-changes/{id}/extend', () => {
  it('moves the expiry with a reason that the timeline shows; the contacts can still decide', async () => {
    const { alice, id, aliceToken, bobToken } = await h.pending();
    const expiresAt = new Date(Date.now() + 10 * DAY).toISOString();
    const res = await extend(id, sam.token, { expiresAt, reason: 'Bob is at sea until next week' });
    expect(res.statusCode).toBe(200);
    expect(res.json().expiresAt).toBe(expiresAt);
    const change = await h.get(id, alice);
    expect(change.timeline.find((e) => e.type === 'extended')?.detail).toEqual({
      expiresAt,
      reason: 'Bob is at sea until next week',
    });
    await h.decide(id, 'accept', aliceToken);
    expect((await h.decide(id, 'accept', bobToken)).json().state).toBe('done');
  });

  it('is for support staff only, not even for the asker', async () => {
    const { alice, id } = await h.pending();
    const before = (await h.get(id, alice)).expiresAt;
    const body = { expiresAt: new Date(Date.now() + 3 * DAY).toISOString(), reason: 'I want more time' };
    expect((await extend(id, alice.token, body)).statusCode).toBe(403);
    expect((await h.request('POST', `/api/v1/support/contact-changes/${id}/extend`, { body })).statusCode).toBe(401);
    expect((await h.get(id, alice)).expiresAt).toBe(before);
  });

  it('wants a reason and a date with its time zone, and says which field is wrong', async () => {
    const { id } = await h.pending();
    const noReason = await extend(id, sam.token, { expiresAt: new Date(Date.now() + DAY).toISOString(), reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues.map((i: { field: string }) => i.field)).toEqual(['body.reason']);
    const noZone = await extend(id, sam.token, { expiresAt: '2030-01-01T10:00:00', reason: 'Holidays' });
    expect(noZone.statusCode).toBe(400);
    expect(noZone.json().issues.map((i: { field: string }) => i.field)).toEqual(['body.expiresAt']);
  });

  it('refuses a date too far ahead or before the current expiry, with the reason in the answer', async () => {
    const { alice, id } = await h.pending();
    const current = (await h.get(id, alice)).expiresAt as string;
    const tooLate = await extend(id, sam.token, {
      expiresAt: new Date(Date.now() + 31 * DAY).toISOString(),
      reason: 'Long trip',
    });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json()).toMatchObject({
      field: 'expiresAt',
      code: 'tooLate',
      detail: 'The new expiry may be at most 30 days from now',
    });
    const earlier = await extend(id, sam.token, {
      expiresAt: new Date(Date.parse(current) - 60_000).toISOString(),
      reason: 'Sooner',
    });
    expect(earlier.json()).toMatchObject({ status: 422, code: 'notLater' });
    const change = await h.get(id, alice);
    expect(change.expiresAt).toBe(current);
    expect(change.timeline.map((e) => e.type)).not.toContain('extended');
  });

  it('answers 409 for a request that has ended', async () => {
    const { alice, id } = await h.pending();
    await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token, body: {} });
    const res = await extend(id, sam.token, {
      expiresAt: new Date(Date.now() + DAY).toISOString(),
      reason: 'Too late',
    });
    expect(res.statusCode).toBe(409);
  });
});

describe("the workflow's extend validator", () => {
  const refusal = async (id: string, expiresAt: number) => {
    const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
    const err = await handle.executeUpdate(extendUpdate, { args: [{ by: sam.id, expiresAt }] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause;
  };

  it('refuses a date more than 30 days ahead, or in the past, as permanent failures', async () => {
    const { alice, id } = await h.pending();
    const before = (await h.get(id, alice)).expiresAt;
    expect(await refusal(id, Date.now() + 30 * DAY + 60_000)).toMatchObject({
      type: 'InvalidExpiry',
      details: ['tooLate'],
      nonRetryable: true,
    });
    expect(await refusal(id, Date.now() - 60_000)).toMatchObject({
      type: 'InvalidExpiry',
      details: ['past'],
      nonRetryable: true,
    });
    expect((await h.get(id, alice)).expiresAt).toBe(before);
  });

  it('refuses a request that is no longer waiting for its contacts, while the workflow still runs', async () => {
    const { alice, id } = await h.pending();
    // The emails telling of the cancel keep failing, so the workflow stays open after the request ended.
    h.resend.fail({ status: 500, name: 'internal_server_error', times: 1000, to: alice.email });
    try {
      expect(
        (await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token, body: {} })).json()
          .state,
      ).toBe('aborted');
      expect(await refusal(id, Date.now() + DAY)).toMatchObject({ type: 'NotPending', nonRetryable: true });
      expect((await h.temporal.workflow.getHandle(workflowIdOf(id)).describe()).status.name).toBe('RUNNING');
    } finally {
      h.resend.recover();
    }
  });
});

describe('resending with a reason through the API', () => {
  it('puts the reason on the timeline', async () => {
    const { alice, id } = await h.pending();
    await new Promise((r) => setTimeout(r, 1100));
    const res = await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, {
      token: alice.token,
      body: { reason: 'Bob changed his address' },
    });
    expect(res.statusCode).toBe(200);
    expect((await h.get(id, alice)).timeline.find((e) => e.type === 'resent')?.detail).toMatchObject({
      sending: 2,
      reason: 'Bob changed his address',
    });
  });
});
