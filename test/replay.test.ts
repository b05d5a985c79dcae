import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { services } from '../db/schema.js';
import { workflowIdOf } from '../domain/ids.js';
import { findTemporalCli } from '../runtime/temporal.js';
import { webhookWorkflowId } from '../workflows/webhook-messages.js';
import { tokenIn } from './support/fake-resend.js';
import { ADMIN_KEY, startHarness, waitFor, type Harness } from './support/harness.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const dir = fileURLToPath(new URL('./histories/', import.meta.url));
const ENDINGS = ['done', 'refused', 'expired', 'aborted', 'error', 'extended', 'copied'] as const;
/**
 * Histories are recorded by generation of the workflow code; there is one so far (`done.json`, ...). Once requests
 * run in production, each must keep replaying on the code that follows: change behaviour behind `patched()`, or start
 * a new generation (a new workflow type when the change is large) by adding a suffix here (`'.v2'` records
 * `done.v2.json`), and keep the older files as they are.
 */
const GENERATIONS = [''] as const;
const CURRENT = GENERATIONS.at(-1)!;
type Ending = (typeof ENDINGS)[number];
/** A request's events delivered to an endpoint, until it failed for the whole retry period and was disabled. */
const WEBHOOK_HISTORIES = ['webhook-gave-up'] as const;
const finalState = (ending: Ending) => (ending === 'extended' || ending === 'copied' ? 'done' : ending);

/**
 * Support gives more time while the workflow waits for the first deadline (after the reminder); Bob accepts after
 * that deadline has passed, with the token of a resend that gave a reason.
 */
async function playExtended(h: Harness, pending: Awaited<ReturnType<Harness['pending']>>) {
  const { bob, id, aliceToken, bobToken } = pending;
  const sam = await h.account('Sam', 'en', 'support');
  await h.decide(id, 'accept', aliceToken);
  await h.email(bob, (t) => t.includes(id), 2);
  const until = new Date(Date.now() + 60_000).toISOString();
  await h.request('POST', `/api/v1/support/contact-changes/${id}/extend`, {
    token: sam.token,
    body: { expiresAt: until, reason: 'On holiday' },
  });
  await new Promise((r) => setTimeout(r, 2500));
  await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, {
    token: sam.token,
    body: { reason: 'Lost the email' },
  });
  await h.decide(
    id,
    'accept',
    tokenIn(await h.email(bob, (t) => t.includes(id) && t.includes('#token=') && !t.includes(bobToken))),
  );
}

/** Plays one request to the given ending, the way people would. */
async function play(h: Harness, ending: Ending): Promise<string> {
  const pending = await h.pending({ roles: ['tech'] });
  const { alice, bob, service, id, aliceToken, bobToken } = pending;
  if (ending === 'extended') {
    await playExtended(h, pending);
  } else if (ending === 'done') {
    await h.decide(id, 'accept', aliceToken);
    await new Promise((r) => setTimeout(r, 1100));
    await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: alice.token });
    // The resent email, with a new code (a reminder may have come before it, with the old one).
    await h.decide(
      id,
      'accept',
      tokenIn(await h.email(bob, (t) => t.includes(id) && t.includes('#token=') && !t.includes(bobToken))),
    );
  } else if (ending === 'copied') {
    // A contact of Alice's subscribed to domain emails gets a copy of the outcome.
    await h.contact(alice, { emailCategories: ['domain'] });
    await h.decide(id, 'accept', aliceToken);
    await h.decide(id, 'accept', bobToken);
  } else if (ending === 'refused') {
    await h.decide(id, 'refuse', bobToken, 'Not mine');
  } else if (ending === 'aborted') {
    await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token, body: { reason: 'Oops' } });
  } else if (ending === 'error') {
    await h.decide(id, 'accept', aliceToken);
    const carol = await h.account('Carol');
    await h.db.update(services).set({ techId: carol.id }).where(eq(services.id, service.id));
    await h.decide(id, 'accept', bobToken);
  }
  await h.waitForState(id, alice, finalState(ending), 15_000);
  return id;
}

/** The same JSON as the Web UI's download, which replay accepts as it is. */
async function show(workflowId: string, runId?: string): Promise<Buffer> {
  const cli = (await findTemporalCli({ repoDir: fileURLToPath(new URL('..', import.meta.url)) }))!;
  const run = runId ? ['--run-id', runId] : [];
  return execFileSync(cli, [
    'workflow',
    'show',
    '--workflow-id',
    workflowId,
    ...run,
    '--address',
    inject('temporalAddress'),
    '--output',
    'json',
  ]);
}

/**
 * An endpoint takes a request's `created`, then answers 500 from Alice's decision on: past the retry period the
 * workflow gives up (the endpoint is disabled) and ends. Returns the history, checked to hold no form of the secret.
 */
async function recordWebhookGaveUp(): Promise<Buffer> {
  const [h, receiver] = await Promise.all([
    startHarness({ env: { WEBHOOK_RETRY_FOR: '3s' } }),
    new WebhookReceiver().start(),
  ]);
  let endpointId = '';
  try {
    const url = `${receiver.url}/recording`;
    const made = await h.request('POST', '/api/v1/admin/webhooks', { token: ADMIN_KEY, body: { url } });
    const { id, secret } = made.json() as { id: string; secret: string };
    endpointId = id;
    const { id: changeId, aliceToken } = await h.pending({ roles: ['tech'] });
    await waitFor(async () => receiver.about(changeId).length > 0, 20_000, 'the created event');
    receiver.down('recording');
    await h.decide(changeId, 'accept', aliceToken);
    const handle = h.temporal.workflow.getHandle(webhookWorkflowId(endpointId, changeId));
    await waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', 30_000, 'the give-up');
    const json = await show(handle.workflowId, (await handle.describe()).runId);
    for (const form of [secret, secret.slice('whsec_'.length)]) expect(json.toString('utf8')).not.toContain(form);
    return json;
  } finally {
    if (endpointId) await h.request('DELETE', `/api/v1/admin/webhooks/${endpointId}`, { token: ADMIN_KEY });
    await Promise.all([h.close(), receiver.stop()]);
  }
}

describe.runIf(process.env.RECORD_HISTORIES)('recording histories (npm run record-histories)', () => {
  it('records the webhook delivery workflow giving up', async () => {
    const file = `${dir}${WEBHOOK_HISTORIES[0]}${CURRENT}.json`;
    if (!existsSync(file)) writeFileSync(file, await recordWebhookGaveUp());
  }, 60_000);

  it('records one history of each ending', async () => {
    const h = await startHarness({ ttl: '4s', reminders: '2s' });
    try {
      for (const ending of ENDINGS) {
        // A recorded history is kept as it is: it stands for the workflows that ran the code of its day.
        if (existsSync(`${dir}${ending}${CURRENT}.json`)) continue;
        const id = await play(h, ending);
        const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
        await handle.result();
        writeFileSync(`${dir}${ending}${CURRENT}.json`, await show(handle.workflowId));
      }
    } finally {
      await h.close();
    }
  }, 120_000);
});

interface RecordedEvent {
  eventType: string;
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest: { input: { name: string } } };
  markerRecordedEventAttributes?: {
    markerName: string;
    details: Record<string, { payloads: { data: string }[] } | undefined>;
  };
  activityTaskScheduledEventAttributes?: { activityType: { name: string }; input?: { payloads: { data: string }[] } };
  workflowExecutionStartedEventAttributes?: { workflowType: { name: string } };
}

describe('replay', () => {
  it('runs a recorded history of each ending against the current workflow code without non-determinism', async () => {
    const recorded = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
    const names = [...ENDINGS, ...WEBHOOK_HISTORIES];
    expect(recorded).toEqual(expect.arrayContaining(GENERATIONS.flatMap((g) => names.map((e) => `${e}${g}`))));
    for (const name of recorded) {
      const history = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8'));
      await expect(
        Worker.runReplayHistory(
          { workflowBundle: { codePath: inject('workflowBundlePath') } },
          history,
          `replay-${name}`,
        ),
        name,
      ).resolves.toBeUndefined();
    }
  });

  it.each(GENERATIONS)(
    'includes a request whose expiry support extended, which went on past its first deadline (extended%s)',
    (generation) => {
      const { events } = JSON.parse(readFileSync(`${dir}extended${generation}.json`, 'utf8')) as {
        events: RecordedEvent[];
      };
      const updates = events.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest.input.name);
      expect(updates.filter(Boolean)).toEqual(['accept', 'extend', 'resend', 'accept']);
      // The reminder's timer, then the first deadline's, fired; the workflow waited on for the new one.
      const types = events.map((e) => e.eventType.replace('EVENT_TYPE_', ''));
      const afterExtend = types.slice(updates.indexOf('extend'));
      expect(afterExtend).toEqual(expect.arrayContaining(['TIMER_FIRED', 'TIMER_STARTED']));
      expect(afterExtend.indexOf('TIMER_FIRED')).toBeLessThan(afterExtend.lastIndexOf('TIMER_STARTED'));
      expect(types.at(-1)).toBe('WORKFLOW_EXECUTION_COMPLETED');
    },
  );

  it.each(GENERATIONS)(
    'includes webhook deliveries given up, whose history holds ids and numbers only, never a secret (webhook-gave-up%s)',
    (generation) => {
      const text = readFileSync(`${dir}webhook-gave-up${generation}.json`, 'utf8');
      const steps = stepsOf(`webhook-gave-up${generation}`);
      expect(steps.type).toBe('webhookDelivery');
      expect(steps.activities).toEqual(['deliverWebhook', 'deliverWebhook', 'webhookGaveUp']);
      expect(text).toContain('WORKFLOW_EXECUTION_COMPLETED');
      expect(text).not.toMatch(/whsec_/);
      const id = /^(ep_)?[A-Za-z0-9_-]{21}$/;
      const allowed = (value: unknown): boolean =>
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        (typeof value === 'string' && id.test(value)) ||
        (typeof value === 'object' && value !== null && Object.values(value).every(allowed));
      const payloads = payloadsIn(JSON.parse(text));
      expect(payloads.length).toBeGreaterThan(3);
      for (const payload of payloads) expect(allowed(payload), JSON.stringify(payload)).toBe(true);
    },
  );

  it("shows the current design: opening as a marker, each moment's emails one activity, no patch marker", () => {
    const settled = {
      done: 'acceptAndCommit',
      copied: 'acceptAndCommit',
      extended: 'acceptAndCommit',
      error: 'acceptAndCommit',
      refused: 'finish',
      expired: 'finish',
      aborted: 'finish',
    };
    for (const ending of ENDINGS) {
      const steps = stepsOf(`${ending}${CURRENT}`);
      expect(steps.type).toBe('contactChange');
      expect(steps.patches).toEqual([]);
      // Only opening is a local activity: every step that follows an Update is a regular one.
      expect(steps.local).toEqual(['openRequest']);
      expect(steps.activities.filter((a) => a !== 'sendEmails').at(-1)).toBe(settled[ending]);
      // Last, the outcome for everyone, with the copies for subscribed contacts but after an error.
      expect(steps.emails.at(-1)).toMatchObject({ kind: finalState(ending), toAll: true, copies: ending !== 'error' });
    }
    expect(stepsOf(`done${CURRENT}`).activities.filter((a) => a !== 'sendEmails')).toEqual([
      'recordDecision',
      'startSending',
      'acceptAndCommit',
    ]);
  });
});

/** What a recorded history ran: its patches, its local activities (from their markers), its regular activities and
 * the input of each email batch. */
function stepsOf(name: string) {
  const { events } = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as { events: RecordedEvent[] };
  const decode = (payload: { data: string }) =>
    JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as Record<string, unknown>;
  const markers = events.flatMap((e) => (e.markerRecordedEventAttributes ? [e.markerRecordedEventAttributes] : []));
  const scheduled = events.flatMap((e) =>
    e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes] : [],
  );
  return {
    type: events[0]!.workflowExecutionStartedEventAttributes!.workflowType.name,
    patches: markers
      .filter((m) => m.markerName === 'core_patch')
      .map((m) => decode(m.details['patch-data']!.payloads[0]!).id),
    local: markers
      .filter((m) => m.markerName === 'core_local_activity')
      .map((m) => decode(m.details.data!.payloads[0]!).activity_type),
    activities: scheduled.map((a) => a.activityType.name),
    emails: scheduled.filter((a) => a.activityType.name === 'sendEmails').map((a) => decode(a.input!.payloads[0]!)),
  };
}

/** Every payload a history carries (inputs, signals, results), decoded. */
function payloadsIn(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(payloadsIn);
  if (typeof node !== 'object' || node === null) return [];
  const { payloads, ...rest } = node as { payloads?: { data?: string }[] };
  const here = (Array.isArray(payloads) ? payloads : []).flatMap((p) =>
    p.data ? [JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as unknown] : [],
  );
  return [...here, ...Object.values(rest).flatMap(payloadsIn)];
}
