import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../runtime/ports.js';
import { ChildWorker } from './faults/child-worker.js';
import { acceptBoth, startFlow, tokensOf } from './faults/flows.js';
import { startHarness, waitFor, type Harness } from './support/harness.js';

/** Prometheus's /metrics: the server's on METRICS_PORT, the worker's (the Temporal SDK's) on WORKER_METRICS_PORT. */

let h: Harness;
let worker: ChildWorker;
let ports: { server: number; worker: number };

beforeAll(async () => {
  ports = { server: await freePort(), worker: await freePort() };
  h = await startHarness({
    worker: false,
    env: { METRICS_PORT: String(ports.server), WORKER_METRICS_PORT: String(ports.worker) },
  });
  // A worker in a process of its own: the SDK's metrics are set up once per process, when its runtime starts.
  worker = await ChildWorker.start(h);
});
afterAll(async () => {
  await worker?.kill();
  await h?.close();
});

async function scrape(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The sum of a metric's samples whose labels include every given one. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) sum += Number(match[3]);
  }
  return sum;
}

describe('metrics', () => {
  it('the server counts answers by route pattern and status, and reads requests, decisions and emails from PostgreSQL', async () => {
    const before = await scrape(ports.server);
    const flow = await startFlow(h);
    await acceptBoth(h, flow, await tokensOf(h, flow, 30_000));
    await h.waitForState(flow.id, flow.alice, 'done');
    const after = await scrape(ports.server);

    const created = { route: '/api/v1/services/:id/contact-changes', method: 'POST', status: '201' };
    const count = 'countersign_http_request_duration_seconds_count';
    expect(sample(after, count, created) - sample(before, count, created)).toBe(1);
    expect(sample(after, count, { route: '/api/v1/contact-changes/:id/accept', status: '200' })).toBeGreaterThanOrEqual(
      2,
    );
    // A route's pattern, never its path: one series per route, and no request's id in the figures.
    expect(after).not.toContain(flow.id);
    const done = { state: 'done' };
    expect(sample(after, 'countersign_contact_changes', done)).toBeGreaterThan(
      sample(before, 'countersign_contact_changes', done),
    );
    const accepted = { decision: 'accepted' };
    expect(
      sample(after, 'countersign_decisions_total', accepted) - sample(before, 'countersign_decisions_total', accepted),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'countersign_emails_total', { status: 'sent' })).toBeGreaterThan(0);
    expect(after).toContain('countersign_server_process_cpu_seconds_total');
  });

  it("the worker serves the Temporal SDK's own figures: workflow tasks, activities and their failures", async () => {
    // The email provider fails: the email activity fails, and the worker counts it.
    h.resend.down(503);
    try {
      await startFlow(h);
      const failed = await waitFor(
        async () => {
          const text = await scrape(ports.worker);
          return sample(text, 'temporal_activity_execution_failed_total', { activity_type: 'sendEmails' }) > 0 && text;
        },
        30_000,
        'a failed email activity in the worker metrics',
      );
      expect(sample(failed, 'temporal_workflow_task_execution_latency_count')).toBeGreaterThan(0);
      expect(sample(failed, 'temporal_local_activity_execution_latency_count')).toBeGreaterThan(0);
    } finally {
      h.resend.up();
    }
  });

  it('answers 404 anywhere but /metrics', async () => {
    expect((await fetch(`http://127.0.0.1:${ports.server}/`)).status).toBe(404);
  });
});
