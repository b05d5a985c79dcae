import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workflowIdOf } from '../../domain/ids.js';
import { startHarness, waitFor } from '../support/harness.js';
import { ChildWorker } from './child-worker.js';
import {
  accept,
  acceptBoth,
  inBatches,
  log,
  range,
  startFlow,
  tokensOf,
  unavailable,
  whileUnavailable,
} from './flows.js';
import { expectEveryFlowDone, waitForDeliveries } from './outcomes.js';
import { scale } from './scale.js';

const FLOWS = scale(200, 20);
/** A killed worker's running activity is retried only once its start-to-close timeout is over (30 s for an email):
 * wait well past it. */
const WAIT_MS = 300_000;
/** One flow starts every PACE_MS at most: the flows start over 40 s at least. */
const PACE_MS = scale(200, 2000);
/** People deciding at the same time: most of them wait on a killed worker's timed-out activities. */
const CONCURRENCY = scale(40, 10);

describe('the worker, killed with SIGKILL at random moments', () => {
  it(`during ${FLOWS} flows: every flow completes, each change is committed once, each email sent once`, async () => {
    const h = await startHarness({ worker: false });
    let worker: ChildWorker | null = null;
    let stopping = false;
    const kills: number[] = [];
    const started = Date.now();
    const midSend: number[] = [];
    // The worker runs for 2 to 6 s, is killed, and a new one starts, for as long as the flows run. Every other kill
    // comes the moment the provider accepts an email, before the worker hears the answer: the email's retry must not
    // send it again.
    const chaos = (async () => {
      while (!stopping) {
        const starting = Date.now();
        const current = (worker = await ChildWorker.start(h));
        log(`worker ready in ${Date.now() - starting} ms`);
        const until = Date.now() + 2000 + Math.random() * 4000;
        while (!stopping && Date.now() < until) await sleep(50);
        if (stopping) break;
        if (kills.length % 2 === 1) {
          let accepted = false;
          const stop = h.resend.onEmail(() => {
            current.signal();
            accepted = true;
            stop();
          });
          while (!stopping && !accepted) await sleep(50);
          stop();
          if (!accepted) break;
          midSend.push(kills.length);
        }
        await current.kill();
        kills.push(Date.now() - started);
        log(`worker killed (${kills.length})`);
      }
    })();
    try {
      // Many people at a time: each asks for a change, and both contacts accept with the codes from their emails.
      // The flows start over a while, so that the kills fall among them however fast the machine.
      const running = inBatches(range(FLOWS), CONCURRENCY, async (_, i) => {
        await sleep(started + i * PACE_MS - Date.now());
        const flow = await startFlow(h);
        await acceptBoth(h, flow, await tokensOf(h, flow, WAIT_MS));
        return flow;
      });
      // A worker that cannot start fails the test at once.
      const flows = await Promise.race([running, chaos.then(() => running)]);
      stopping = true;
      await chaos;
      // The last kill may have come as the chaos stopped (it waits for an email, and the last flows' "done" emails go
      // out after their decisions): the emails still to send need a worker.
      if (!(worker as ChildWorker | null)?.alive) worker = await ChildWorker.start(h);
      log(
        `${FLOWS} flows decided in ${Date.now() - started} ms, ${kills.length} kills at ${kills.join(', ')} ms (${midSend.length} mid-send), ${unavailable.count} answers 503`,
      );
      // A worker still runs: it sends the "done" emails that were cut short.
      await waitForDeliveries(h.resend, flows, WAIT_MS);

      // Each workflow ends once the worker has written down its last email: then PostgreSQL has the whole story.
      expect(kills.length).toBeGreaterThanOrEqual(scale(10, 3));
      expect(midSend.length).toBeGreaterThanOrEqual(1);
      await expectEveryFlowDone(h, flows, WAIT_MS);
    } finally {
      stopping = true;
      await chaos.catch(() => {});
      await (worker as ChildWorker | null)?.kill();
      await h.close();
    }
  });
});

describe('a workflow whose task keeps failing while workers crash', () => {
  it('a person who decides meanwhile is told to try again (503), not 500; once a worker runs it, the decision counts', async () => {
    const h = await startHarness({ worker: false });
    let worker: ChildWorker | null = await ChildWorker.start(h);
    try {
      const flow = await startFlow(h);
      const tokens = await tokensOf(h, flow, WAIT_MS);
      await worker.kill();
      worker = null;
      // Something wakes the workflow, and two workers in a row take its task and crash with it (each fails it),
      // as when workers are killed in turn: Temporal then refuses updates until a worker completes the task.
      await h.temporal.workflow.getHandle(workflowIdOf(flow.id)).signal('wake-up');
      const { namespace, taskQueue } = h.config.temporal;
      for (const attempt of [1, 2]) {
        const task = await h.temporal.withDeadline(Date.now() + 60_000, () =>
          h.temporal.workflowService.pollWorkflowTaskQueue({
            namespace,
            taskQueue: { name: taskQueue, kind: 1 },
            identity: `crashing worker ${attempt}`,
          }),
        );
        expect(task.attempt).toBe(attempt);
        await h.temporal.workflowService.respondWorkflowTaskFailed({
          namespace,
          taskToken: task.taskToken,
          identity: `crashing worker ${attempt}`,
          failure: { message: 'the worker crashed' },
        });
      }

      const during = await h.decide(flow.id, 'accept', tokens.aliceToken);
      expect(during.statusCode, during.body).toBe(503);
      expect(during.headers['content-type']).toMatch(/problem\+json/);
      expect(during.json().detail).toMatch(/try again/i);

      // Once a worker runs again, trying again (as the 503 said) goes through, and counts.
      worker = await ChildWorker.start(h);
      const tries = await whileUnavailable(() => h.decide(flow.id, 'accept', tokens.aliceToken));
      log(`after the worker is back: ${tries.map((t) => t.statusCode).join(', ')}`);
      const again = tries.at(-1)!;
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ state: 'validatingByCustomers', awaiting: ['to'] });
      expect((await h.decide(flow.id, 'accept', tokens.bobToken)).json().state).toBe('done');
    } finally {
      await (worker as ChildWorker | null)?.kill();
      await h.close();
    }
  });
});

describe('a worker killed while it writes down an acceptance Temporal has taken', () => {
  it('the next worker writes it within seconds, and the person trying again is told it counted', async () => {
    const h = await startHarness({ worker: false });
    let worker: ChildWorker | null = await ChildWorker.start(h);
    try {
      const flow = await startFlow(h);
      const tokens = await tokensOf(h, flow, WAIT_MS);
      // The request's row is held, so that the worker's write of Alice's acceptance waits on it; the worker dies there.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holding = h.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from contact_changes where id = ${flow.id} for update`);
        await held;
      });
      const first = h.decide(flow.id, 'accept', tokens.aliceToken);
      const waitingWrite = sql`select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and query ilike 'update "contact_changes"%'`;
      await waitFor(
        async () => ((await h.db.execute(waitingWrite))[0] as { n: number }).n > 0 || undefined,
        60_000,
        'the worker writing the acceptance',
      );
      await worker.kill();
      worker = null;
      release();
      await holding;

      worker = await ChildWorker.start(h);
      const back = Date.now();
      // The first answer waited for the write, or was told to try again.
      const firstAnswer = await first;
      log(`first answer ${firstAnswer.statusCode} ${Date.now() - back} ms after the worker came back`);
      expect([200, 503], firstAnswer.body).toContain(firstAnswer.statusCode);
      // Alice tries again, as the 503 said: she is told her acceptance counted, and it is written down.
      const { answer } = await accept(h, flow.id, tokens.aliceToken);
      expect(answer).toMatchObject({ state: 'validatingByCustomers', awaiting: ['to'] });
      const written = await waitFor(
        async () => {
          const [row] = await h.db.execute(sql`select from_decision from contact_changes where id = ${flow.id}`);
          return (row as { from_decision: string | null }).from_decision ?? undefined;
        },
        WAIT_MS,
        'the acceptance in PostgreSQL',
      );
      const after = Date.now() - back;
      log(`acceptance written ${after} ms after the worker came back`);
      expect(written).toBe('accepted');
      // The killed attempt is tried again once its start-to-close timeout is over (5 s, was 30 s), and the workflow's
      // next task leaves the dead worker's sticky queue after 3 s (was 10 s): about 4 s here, 29 s before.
      expect(after).toBeLessThan(8_000);
    } finally {
      await (worker as ChildWorker | null)?.kill();
      await h.close();
    }
  });
});
