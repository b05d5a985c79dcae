import { Client, Connection } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { workflowIdOf } from '../domain/ids.js';
import { floor, floorUpdate, type FloorInput } from './floor/workflow.js';
import { percentile, pool } from './lib/load.js';
import { Mailbox } from './lib/mailbox.js';
import { counter, say, type BenchResult } from './lib/report.js';
import { account, type BenchAccount } from './lib/seed.js';
import { api, spawnNode, startStack, waitUntil, type Stack } from './lib/stack.js';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 1000);
const IN_FLIGHT = 50;
const WARMUP = 20;

/** Services held by `holder`, inserted directly: the benchmark is about the changes, not the admin API. */
export async function services(stack: Stack, holder: BenchAccount, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `svc-${nanoid(12)}`);
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = ids.slice(i, i + 5000).map((id) => ({
      id,
      name: `${id.toLowerCase()}.example`,
      kind: 'domain',
      holder_id: holder.id,
      admin_id: holder.id,
      tech_id: holder.id,
      billing_id: holder.id,
    }));
    await stack.sql`insert into services ${stack.sql(rows)}`;
  }
  return ids;
}

/** What a completed change's history holds: its activities, local activities (markers) and updates. */
export async function shapeOf(temporal: Client, changeId: string) {
  const handle = temporal.workflow.getHandle(workflowIdOf(changeId));
  // A change answers `done` once committed; its workflow ends a moment later, after everyone is told.
  await handle.result();
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const named = (type: string) =>
    events.filter((e) => String(e.eventType) === type || e.eventType === (EVENT_TYPES as Record<string, number>)[type])
      .length;
  return {
    events: events.length,
    activities: named('ACTIVITY_TASK_SCHEDULED'),
    localActivities: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
    updates: named('WORKFLOW_EXECUTION_UPDATE_ACCEPTED'),
  };
}

// The numbers of the event types counted here (temporal.api.enums.v1.EventType).
const EVENT_TYPES = { ACTIVITY_TASK_SCHEDULED: 10, WORKFLOW_EXECUTION_UPDATE_ACCEPTED: 41 };

/** Creates a change and has both parties accept it through the API, as people would; resolves when it is done. */
export async function playChange(
  stack: Stack,
  mailbox: Mailbox,
  alice: BenchAccount,
  bob: BenchAccount,
  serviceId: string,
): Promise<string> {
  const { id } = await api<{ id: string }>(stack.baseUrl, 'POST', `/api/v1/services/${serviceId}/contact-changes`, {
    token: alice.token,
    body: { roles: ['admin'], to: bob.handle },
    expect: 201,
  });
  const [aliceToken, bobToken] = await Promise.all([mailbox.token(id, alice.email), mailbox.token(id, bob.email)]);
  await api(stack.baseUrl, 'POST', `/api/v1/contact-changes/${id}/accept`, {
    body: { token: aliceToken },
    expect: 200,
  });
  const last = await api<{ state: string }>(stack.baseUrl, 'POST', `/api/v1/contact-changes/${id}/accept`, {
    body: { token: bobToken },
    expect: 200,
  });
  if (last.state !== 'done') throw new Error(`${id} ended ${last.state}`);
  return id;
}

async function timed(count: number, bench: string, what: string, one: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  const tick = counter(bench, what, count);
  const started = performance.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    IN_FLIGHT,
    async (i) => {
      const t = performance.now();
      await one(i);
      latencies.push(performance.now() - t);
      tick();
    },
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds };
}

export async function run(): Promise<BenchResult> {
  const name = 'end-to-end';
  const stack = await startStack();
  const connection = await Connection.connect({ address: stack.temporal.address });
  const temporal = new Client({ connection });
  const floorQueue = `floor-${nanoid(6)}`;
  const floorWorker = spawnNode(
    'bench/floor/worker.ts',
    { TEMPORAL_ADDRESS: stack.temporal.address, FLOOR_TASK_QUEUE: floorQueue },
    'floor worker',
  );
  try {
    const mailbox = new Mailbox(stack.resend);
    const alice = await account(stack, 'Alice');
    const bobs = await Promise.all(Array.from({ length: 10 }, (_, i) => account(stack, `Bob${i}`)));
    const serviceIds = await services(stack, alice, CHANGES + WARMUP);
    say(name, `warming up with ${WARMUP} changes`);
    await pool(serviceIds.slice(0, WARMUP), 10, async (s, i) => {
      await playChange(stack, mailbox, alice, bobs[i % bobs.length]!, s);
    });
    const ids: string[] = [];
    say(name, `${CHANGES} changes, ${IN_FLIGHT} at a time: created, accepted by both through the API, committed`);
    const product = await timed(CHANGES, name, 'changes done', async (i) => {
      ids.push(await playChange(stack, mailbox, alice, bobs[i % bobs.length]!, serviceIds[WARMUP + i]!));
    });

    say(name, 'checking every change: committed once, roles moved, each email sent once');
    const done = await stack.sql<{ id: string; commits: number; moved: boolean }[]>`
      select c.id, (select count(*)::int from change_events e where e.change_id = c.id and e.type = 'state' and e.detail->>'state' = 'done') as commits,
        s.admin_id = c.to_id as moved
      from contact_changes c join services s on s.id = c.service_id where c.id = any(${ids}) and c.state = 'done'`;
    // The "done" emails go out after the answer: wait until no more arrive.
    let last = -1;
    await waitUntil(
      async () => {
        const now = stack.resend.emails.length;
        const settled = now === last;
        last = now;
        if (!settled) await new Promise((r) => setTimeout(r, 2000));
        return settled;
      },
      'the last emails',
      300_000,
    );
    const facts = {
      changes: CHANGES,
      inFlight: IN_FLIGHT,
      lost: CHANGES - done.length,
      committedTwice: done.filter((d) => d.commits > 1).length,
      notMoved: done.filter((d) => !d.moved).length,
      emailsSentTwice: mailbox.duplicates(),
      emails: stack.resend.emails.length,
      shape: await shapeOf(temporal, ids[0]!),
    };
    say(name, JSON.stringify(facts));

    const shape: FloorInput = {
      activities: facts.shape.activities,
      localActivities: facts.shape.localActivities,
      updates: facts.shape.updates,
    };
    say(
      name,
      `floor: ${CHANGES} trivial workflows with ${shape.activities} activities, ${shape.localActivities} local activities and ${shape.updates} updates`,
    );
    const start = async () => {
      const handle = await temporal.workflow.start(floor, {
        taskQueue: floorQueue,
        workflowId: `floor-${nanoid()}`,
        args: [shape],
      });
      for (let u = 0; u < shape.updates; u++) await handle.executeUpdate(floorUpdate);
      await handle.result();
    };
    await pool(Array.from({ length: WARMUP }), 10, start);
    const floorRun = await timed(CHANGES, name, 'floor workflows done', start);

    return {
      name,
      title: `End to end: ${CHANGES.toLocaleString('en')} changes, ${IN_FLIGHT} in flight`,
      rows: [
        {
          what: 'throughput',
          product: product.perSecond,
          floor: floorRun.perSecond,
          unit: '/s',
          goal: { min: 0.7, ratio: true, text: '≥ 0.7× floor' },
        },
        { what: 'creation to done: p50', product: product.p50, floor: floorRun.p50, unit: 'ms' },
        { what: 'creation to done: p99', product: product.p99, floor: floorRun.p99, unit: 'ms' },
        { what: 'lost', product: facts.lost, unit: '', goal: { max: 0, text: '0' } },
        { what: 'committed twice', product: facts.committedTwice, unit: '', goal: { max: 0, text: '0' } },
        { what: 'emails sent twice', product: facts.emailsSentTwice, unit: '', goal: { max: 0, text: '0' } },
      ],
      facts: { ...facts, product, floor: floorRun },
    };
  } finally {
    await floorWorker.stop();
    await connection.close();
    await stack.stop();
  }
}
