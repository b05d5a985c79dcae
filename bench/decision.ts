import { freePort } from '../runtime/ports.js';
import { hammer, type Load } from './lib/load.js';
import type { BenchResult } from './lib/report.js';
import { say } from './lib/report.js';
import { account, change, service } from './lib/seed.js';
import { spawnNode, startStack, waitUntil } from './lib/stack.js';

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/**
 * The pages and endpoints anyone can reach with a request id: the decision page, and an acceptance with a wrong
 * token (scanners and guessers), beside a bare Fastify route doing one primary-key SELECT on the same PostgreSQL.
 */
export async function run(): Promise<BenchResult> {
  const name = 'decision';
  const stack = await startStack();
  try {
    const alice = await account(stack, 'Alice');
    const bob = await account(stack, 'Bob');
    const id = await change(stack, alice, await service(stack, alice), bob);
    const floorPort = await freePort();
    const floor = spawnNode(
      'bench/floor/server.ts',
      { DATABASE_URL: stack.pg.url, PORT: String(floorPort) },
      'floor server',
    );
    try {
      await waitUntil(async () => (await fetch(`http://127.0.0.1:${floorPort}/floor/${id}`)).ok, 'the floor server');
      const runs: [string, Omit<Parameters<typeof hammer>[0], 'connections' | 'seconds'>][] = [
        ['floor', { url: `http://127.0.0.1:${floorPort}/floor/${id}` }],
        ['decision page', { url: `${stack.baseUrl}/requests/${id}/decision` }],
        [
          'wrong token',
          {
            url: `${stack.baseUrl}/api/v1/contact-changes/${id}/accept`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token: 'A'.repeat(43) }),
          },
        ],
      ];
      const loads: Record<string, Load> = {};
      for (const [label, options] of runs) {
        say(name, `${label}: ${CONNECTIONS} connections for ${SECONDS} s`);
        loads[label] = await hammer({ ...options, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: 3 });
        say(
          name,
          `${label}: ${Math.round(loads[label].rps)} requests/s, p99 ${loads[label].p99} ms, statuses ${JSON.stringify(loads[label].statuses)}`,
        );
      }
      const floorLoad = loads.floor!;
      const rows = (['decision page', 'wrong token'] as const).flatMap((label) => [
        {
          what: `${label}: requests/s`,
          product: loads[label]!.rps,
          floor: floorLoad.rps,
          unit: 'req/s',
          goal: { min: 0.6, ratio: true, text: '≥ 0.6× floor' },
        },
        {
          what: `${label}: p99`,
          product: loads[label]!.p99,
          floor: floorLoad.p99,
          unit: 'ms',
          goal: { max: 25, text: '≤ 25 ms' },
        },
      ]);
      return {
        name,
        title: `Decision page and token check (${CONNECTIONS} connections, ${SECONDS} s each)`,
        rows,
        facts: { connections: CONNECTIONS, seconds: SECONDS, loads },
      };
    } finally {
      await floor.stop();
    }
  } finally {
    await stack.stop();
  }
}
