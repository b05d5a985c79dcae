import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../db/client.js';
import { freePort } from '../../runtime/ports.js';
import { startEmbeddedPostgres } from '../../runtime/postgres.js';
import { findTemporalCli, startTemporalDevServer } from '../../runtime/temporal.js';
import { startHarness, waitFor, type Harness, type TestAccount } from '../support/harness.js';
import {
  answersLogged,
  inBatches,
  log,
  range,
  seen,
  serverErrors,
  startFlow,
  tokensOf,
  type Flow,
  type Seen,
  type Tokens,
} from './flows.js';
import { expectEveryFlowDone, waitForDeliveries } from './outcomes.js';
import { scale } from './scale.js';

const repoDir = fileURLToPath(new URL('../..', import.meta.url));
const FLOWS = scale(50, 10);
/** How long the server stays down, on top of the time it takes to stop and start. */
const OUTAGE_MS = scale(10_000, 4_000);
/** Activities wait out the outage with a backoff of up to a minute: keep the waits well past that. */
const WAIT_MS = 300_000;

interface Run extends Flow, Tokens {}

/** A person's step, and the answers it got ("200 done", "503"…), each 503 followed by another try. */
interface Step {
  run: Run;
  who: 'alice' | 'bob';
  answers: string[];
}

const answerOf = (res: import('fastify').LightMyRequestResponse) =>
  res.statusCode === 200 ? `200 ${(res.json() as { state: string }).state}` : String(res.statusCode);

/** Accepts; told 503 "try again in a moment", the person does, a second later, up to ten times. */
async function acceptAsPeopleDo(h: Harness, step: Step): Promise<void> {
  const token = step.who === 'alice' ? step.run.aliceToken : step.run.bobToken;
  for (let tries = 0; tries < 10 && step.answers.at(-1) === '503'; tries++) {
    await sleep(1000);
    step.answers.push(answerOf(await h.decide(step.run.id, 'accept', token)));
  }
}

/**
 * The run each restart test goes through. Every flow is asked for and has its codes; Alice has accepted half of
 * them. Then, while Bob accepts those (each commits) and Alice accepts the other half, the server goes down, for
 * OUTAGE_MS during which `probe` calls the API; then it comes back. Whoever was told 503 tries again; then Bob
 * accepts the rest. Every flow must end done, committed once, each email sent once; no answer may be a 500, and
 * once the server is back, none a 503.
 */
async function runThroughRestart(
  h: Harness,
  outage: { stop: () => Promise<void>; start: () => Promise<void>; probe: (runs: Run[]) => Promise<Seen[]> },
) {
  const runs: Run[] = await inBatches(range(FLOWS), 10, async () => {
    const flow = await startFlow(h);
    return { ...flow, ...(await tokensOf(h, flow, WAIT_MS)) };
  });
  const half = Math.ceil(FLOWS / 2);
  const [committing, waiting] = [runs.slice(0, half), runs.slice(half)];
  await inBatches(committing, 10, async (run) => {
    const res = await h.decide(run.id, 'accept', run.aliceToken);
    if (res.statusCode !== 200) throw new Error(`accept: ${res.statusCode} ${res.body}`);
  });

  const steps: Step[] = [
    ...committing.map((run) => ({ run, who: 'bob' as const, answers: [] })),
    ...waiting.map((run) => ({ run, who: 'alice' as const, answers: [] })),
  ];
  let answered = 0;
  const inFlight = inBatches(steps, 5, async (step) => {
    step.answers.push(
      answerOf(await h.decide(step.run.id, 'accept', step.who === 'alice' ? step.run.aliceToken : step.run.bobToken)),
    );
    answered += 1;
  });
  // Down once a third of these decisions are answered: some are done, some on their way, some not yet made.
  await waitFor(async () => answered >= steps.length / 3, WAIT_MS, 'a third of the decisions');
  await outage.stop();
  log('stopped');
  const during = await outage.probe(waiting);
  await outage.start();
  const back = Date.now();
  log('started again');
  await inFlight;

  // Told "try again in a moment", each person does. If the first try had counted after all, the same code answers
  // what was recorded (200 with the state), never "invalid code".
  await inBatches(steps, 5, (step) => acceptAsPeopleDo(h, step));
  // Alice's acceptance leaves the request waiting for Bob; Bob's, after Alice's from before the outage, ends it.
  const finals = [
    ...(await inBatches(waiting, 5, async (run) => {
      const step: Step = { run, who: 'bob', answers: [answerOf(await h.decide(run.id, 'accept', run.bobToken))] };
      await acceptAsPeopleDo(h, step);
      return step;
    })),
  ];
  const answers = [...steps, ...finals].map(
    (s) => `${s.who}: ${s.answers.join(' then ').replace(/(503 then )+/, '503 then ')}`,
  );
  log(`decisions around the outage: ${JSON.stringify(count(answers))}`);
  const allowed = (who: string, state: string) => [`${who}: 200 ${state}`, `${who}: 503 then 200 ${state}`];
  const expected = [...allowed('alice', 'validatingByCustomers'), ...allowed('bob', 'done')];
  expect(answers.filter((a) => !expected.includes(a))).toEqual([]);

  await waitForDeliveries(h.resend, runs, WAIT_MS);
  await expectEveryFlowDone(h, runs, WAIT_MS);
  // Not one answer of the whole run was a 5xx other than 503; and once the server was back (a second's grace for
  // answers already on their way), not one was a 503.
  const logged = answersLogged(h);
  expect(logged.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
  const lateUnavailable = logged.filter((a) => a.status === 503 && a.time > back + 1000);
  if (lateUnavailable.length) log(`503s once the server was back:${serverErrors(h)}`);
  expect(lateUnavailable, 'a 503 once the server was back').toEqual([]);
  return { during, runs };
}

const count = (values: string[]) =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

/** Calls a few endpoints again and again for `ms`, as people would; returns every answer. */
async function probeFor(
  ms: number,
  calls: [string, () => Promise<import('fastify').LightMyRequestResponse>][],
): Promise<Seen[]> {
  const answers: Seen[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    for (const [what, call] of calls) answers.push(seen(what, await call()));
    await sleep(200);
  }
  return answers;
}

/** A domain and two people that no flow uses, to ask for a change while a server is down. */
async function spare(h: Harness): Promise<{ holder: TestAccount; taker: TestAccount; serviceId: string }> {
  const holder = await h.account('Carla', 'nl');
  const taker = await h.account('Dan', 'en');
  return { holder, taker, serviceId: (await h.service(holder)).id };
}

describe('PostgreSQL restarted in the middle of a run', () => {
  it(`during ${FLOWS} flows: no commit lost or doubled, and the API answers 503 meanwhile, never 500`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-faults-pg-'));
    const port = await freePort();
    const serve = () => startEmbeddedPostgres({ dataDir: dir, port, log: (line) => log(`postgres: ${line}`) });
    let pg = await serve();
    let h: Harness | undefined;
    try {
      await runMigrations(pg.url);
      h = await startHarness({ databaseUrl: pg.url });
      const api = h;
      const other = await spare(api);
      const { during } = await runThroughRestart(api, {
        stop: () => pg.stop(),
        start: async () => {
          pg = await serve();
        },
        probe: (waiting) => {
          const run = waiting[0]!;
          return probeFor(OUTAGE_MS, [
            ['my requests', () => api.request('GET', '/api/v1/contact-changes', { token: run.alice.token })],
            ['a request', () => api.request('GET', `/api/v1/contact-changes/${run.id}`, { token: run.alice.token })],
            ['my services', () => api.request('GET', '/api/v1/services', { token: run.alice.token })],
            ['accept', () => api.decide(run.id, 'accept', run.bobToken)],
            ['ask for a change', () => api.change(other.holder, other.serviceId, ['tech'], other.taker)],
            ['health', () => api.request('GET', '/healthz')],
          ]);
        },
      });
      log(`answers while PostgreSQL was down: ${JSON.stringify(count(during.map((s) => `${s.what} ${s.status}`)))}`);
      expect(during.length).toBeGreaterThan(0);
      expect(during.filter((s) => s.status !== 503)).toEqual([]);
      expect(
        during.filter(
          (s) =>
            s.what !== 'health' &&
            !(s.type.startsWith('application/problem+json') && s.title === 'Temporarily unavailable'),
        ),
      ).toEqual([]);
    } finally {
      await h?.close();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Temporal restarted in the middle of a run', () => {
  it(`during ${FLOWS} flows: no request or decision lost, and the API answers 503 meanwhile`, async () => {
    const cli = await findTemporalCli({ configured: process.env.TEMPORAL_CLI, repoDir });
    if (!cli) throw new Error('no Temporal CLI');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-faults-temporal-'));
    const port = await freePort();
    const serve = () => startTemporalDevServer({ cli, port, uiPort: null, dbFile: path.join(dir, 'temporal.db') });
    let temporal = await serve();
    let h: Harness | undefined;
    try {
      h = await startHarness({ temporalAddress: temporal.address });
      const api = h;
      const other = await spare(api);
      const { during } = await runThroughRestart(api, {
        stop: () => temporal.stop(),
        start: async () => {
          temporal = await serve();
        },
        probe: (waiting) => {
          const run = waiting[0]!;
          return probeFor(OUTAGE_MS, [
            ['a request', () => api.request('GET', `/api/v1/contact-changes/${run.id}`, { token: run.alice.token })],
            ['accept', () => api.decide(run.id, 'accept', run.bobToken)],
            ['ask for a change', () => api.change(other.holder, other.serviceId, ['tech'], other.taker)],
            ['health', () => api.request('GET', '/healthz')],
          ]);
        },
      });
      log(`answers while Temporal was down: ${JSON.stringify(count(during.map((s) => `${s.what} ${s.status}`)))}`);
      expect(during.filter((s) => s.what === 'a request' && s.status !== 200)).toEqual([]);
      const refused = during.filter((s) => s.what !== 'a request');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.filter((s) => s.status !== 503)).toEqual([]);
      expect(refused.filter((s) => s.what !== 'health' && !s.type.startsWith('application/problem+json'))).toEqual([]);
      // The change asked for while Temporal was down left nothing behind: it can be asked for again, and goes through.
      const again = await api.change(other.holder, other.serviceId, ['tech'], other.taker);
      expect(again.statusCode, again.body).toBe(201);
    } finally {
      await h?.close();
      await temporal.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
