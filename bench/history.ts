import { Client, Connection } from '@temporalio/client';
import { playChange, services, shapeOf } from './end-to-end.js';
import { Mailbox } from './lib/mailbox.js';
import { say, type BenchResult, type Row } from './lib/report.js';
import { account, type BenchAccount } from './lib/seed.js';
import { ADMIN_KEY, api, startStack, waitUntil, type Stack } from './lib/stack.js';
import { MAX_EXTENSIONS, MAX_SENDINGS } from '../domain/contact-change.js';

// Temporal's default limits on one workflow's history (it warns at a fifth of them).
const TEMPORAL_EVENT_LIMIT = 51_200;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A change that takes the long way: both reminders, `resends` new emails, `extensions` more days from support. */
async function playLong(
  stack: Stack,
  mailbox: Mailbox,
  people: { alice: BenchAccount; bob: BenchAccount; sam: BenchAccount },
  serviceId: string,
  resends: number,
  extensions: number,
) {
  const { alice, bob, sam } = people;
  const { id } = await api<{ id: string }>(stack.baseUrl, 'POST', `/api/v1/services/${serviceId}/contact-changes`, {
    token: alice.token,
    body: { roles: ['admin'], to: bob.handle },
    expect: 201,
  });
  await api(stack.baseUrl, 'POST', `/api/v1/contact-changes/${id}/accept`, {
    body: { token: await mailbox.token(id, alice.email) },
    expect: 200,
  });
  // Both reminders (REMINDER_AFTER=2s,4s) go to Bob.
  await waitUntil(
    async () => stack.resend.emails.filter((e) => e.to === bob.email && e.text.includes(id)).length >= 3,
    'two reminders',
    30_000,
  );
  for (let i = 0; i < resends; i++) {
    await sleep(1100); // RESEND_COOLDOWN=1s
    await api(stack.baseUrl, 'POST', `/api/v1/contact-changes/${id}/resend-email`, {
      token: alice.token,
      body: { reason: `Resend ${i + 1}` },
      expect: 200,
    });
  }
  for (let i = 0; i < extensions; i++) {
    const expiresAt = new Date(Date.now() + (i + 2) * 86_400_000).toISOString();
    await api(stack.baseUrl, 'POST', `/api/v1/support/contact-changes/${id}/extend`, {
      token: sam.token,
      body: { expiresAt, reason: `Extension ${i + 1}` },
      expect: 200,
    });
  }
  // A resend answers once its emails are out: the newest token to Bob is the last one he got.
  const emails = stack.resend.emails.filter(
    (e) => e.to === bob.email && e.text.includes('#token=') && e.text.includes(id),
  );
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(emails.at(-1)!.text)![1]!;
  const last = await api<{ state: string }>(stack.baseUrl, 'POST', `/api/v1/contact-changes/${id}/accept`, {
    body: { token },
    expect: 200,
  });
  if (last.state !== 'done') throw new Error(`${id} ended ${last.state}`);
  return id;
}

/** Events in the history of a completed request, on the common path and on the longest one. */
export async function run(): Promise<BenchResult> {
  const name = 'history';
  // Short reminders and cooldown, so the long path can be played in seconds; the events are the same as with days.
  const stack = await startStack({ ttl: '1h', reminders: '2s,4s', resendCooldown: '1s' });
  const connection = await Connection.connect({ address: stack.temporal.address });
  const temporal = new Client({ connection });
  try {
    const mailbox = new Mailbox(stack.resend);
    const alice = await account(stack, 'Alice');
    const bob = await account(stack, 'Bob');
    const { id: samId } = await api<{ id: string }>(stack.baseUrl, 'POST', '/api/v1/admin/accounts', {
      token: ADMIN_KEY,
      body: {
        email: 'sam@bench.example',
        firstName: 'Sam',
        lastName: 'Support',
        language: 'en',
        handle: 'sam-bench',
        role: 'support',
      },
      expect: 201,
    });
    const { token: samToken } = await api<{ token: string }>(
      stack.baseUrl,
      'POST',
      `/api/v1/admin/accounts/${samId}/api-tokens`,
      { token: ADMIN_KEY, body: {}, expect: 201 },
    );
    const sam = { id: samId, handle: 'sam-bench', email: 'sam@bench.example', token: samToken };
    const serviceIds = await services(stack, alice, 20);

    say(name, 'the common path: asked, both accept, committed, told');
    const common = await Promise.all(serviceIds.slice(0, 5).map((s) => playChange(stack, mailbox, alice, bob, s)));
    const commonEvents = Math.max(
      ...(await Promise.all(common.map(async (id) => (await shapeOf(temporal, id)).events))),
    );

    const played: { resends: number; extensions: number; events: number }[] = [];
    for (const [i, [resends, extensions]] of (
      [
        [0, 0],
        [3, 0],
        [3, 2],
      ] as const
    ).entries()) {
      say(name, `the long way: two reminders, ${resends} resends, ${extensions} extensions`);
      const id = await playLong(stack, mailbox, { alice, bob, sam }, serviceIds[5 + i]!, resends, extensions);
      played.push({ resends, extensions, events: (await shapeOf(temporal, id)).events });
    }
    // Each resend and each extension adds a fixed number of events; the caps bound how many a request can have.
    const [base, withResends, withExtensions] = played as [(typeof played)[0], (typeof played)[0], (typeof played)[0]];
    const perResend = (withResends.events - base.events) / withResends.resends;
    const perExtension = (withExtensions.events - withResends.events) / withExtensions.extensions;
    const longest = base.events + perResend * (MAX_SENDINGS - 1) + perExtension * MAX_EXTENSIONS;
    const rows: Row[] = [
      { what: 'common path (both accept)', product: commonEvents, unit: 'events', goal: { max: 40, text: '≤ 40' } },
      { what: 'with two reminders', product: base.events, unit: 'events' },
      { what: 'each resend adds', product: perResend, unit: 'events' },
      { what: 'each extension adds', product: perExtension, unit: 'events' },
      {
        what: `longest possible (${MAX_SENDINGS - 1} resends, ${MAX_EXTENSIONS} extensions)`,
        product: longest,
        unit: 'events',
        goal: {
          max: TEMPORAL_EVENT_LIMIT / 5,
          text: `≤ ${(TEMPORAL_EVENT_LIMIT / 5).toLocaleString('en')} (Temporal warns)`,
        },
      },
    ];
    return {
      name,
      title: 'History size: events per completed request',
      rows,
      facts: {
        commonEvents,
        played,
        perResend,
        perExtension,
        maxSendings: MAX_SENDINGS,
        maxExtensions: MAX_EXTENSIONS,
        longest,
        temporalEventLimit: TEMPORAL_EVENT_LIMIT,
      },
    };
  } finally {
    await connection.close();
    await stack.stop();
  }
}
