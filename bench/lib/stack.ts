import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { runMigrations } from '../../db/client.js';
import { freePort } from '../../runtime/ports.js';
import { startEmbeddedPostgres } from '../../runtime/postgres.js';
import { findTemporalCli, startTemporalDevServer } from '../../runtime/temporal.js';
import { FakeResend } from '../../test/support/fake-resend.js';
import { repoDir } from './report.js';

export const ADMIN_KEY = 'bench-admin-key-0123456789';

export interface Child {
  process: ChildProcess;
  /** Resident memory now, in MB (from /proc). */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A Node entry point of the repository in a process of its own: a compiled one (`dist/*.js`, as production runs
 * them, built by bench/run.ts) or a TypeScript one through tsx (the floors).
 */
export function spawnNode(entry: string, env: Record<string, string>, name: string): Child {
  // BENCH_PROFILE=<dir>: each process writes a CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...profile, ...loader, entry], {
    cwd: repoDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const tail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    tail.push(...chunk.split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`${name} exited (${code ?? signal}):\n${tail.join('\n')}\n`);
  });
  return {
    process: child,
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * A PostgreSQL and a Temporal dev server of the run's own, the local stand-in for Resend's API, and the product's
 * API server and worker as separate processes, configured as in production.
 */
export async function startStack(
  options: { ttl?: string; reminders?: string; resendCooldown?: string; worker?: boolean } = {},
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-bench-'));
  // PostgreSQL runs as its own OS user: its data directory is one it can enter (as in the test setup).
  const pgDir = await mkdtemp(path.join(os.tmpdir(), 'countersign-bench-pg-'));
  const stops: (() => Promise<void>)[] = [
    () => rm(dir, { recursive: true, force: true }),
    () => rm(pgDir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => console.error(err));
  };
  try {
    const cli = await findTemporalCli({ configured: process.env.TEMPORAL_CLI, repoDir });
    if (!cli) throw new Error('No Temporal CLI: run `npm run temporal:install` (needs Go) or set TEMPORAL_CLI.');
    const [pg, temporal] = await Promise.all([
      startEmbeddedPostgres({ dataDir: pgDir, port: await freePort() }),
      startTemporalDevServer({ cli, port: await freePort(), uiPort: null }),
    ]);
    stops.push(pg.stop, temporal.stop);
    await runMigrations(pg.url);
    const resend = await new FakeResend().start();
    stops.push(() => resend.stop());
    const port = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      RESEND_API_KEY: 're_test_key',
      RESEND_BASE_URL: resend.url,
      MAIL_RATE_PER_SECOND: '10000',
      ADMIN_API_KEY: ADMIN_KEY,
      TOKEN_SECRET: 'bench-token-secret-0123456789-abcdefghij',
      CHANGE_REQUEST_TTL: options.ttl ?? '7d',
      REMINDER_AFTER: options.reminders ?? '2d,6d',
      RESEND_COOLDOWN: options.resendCooldown ?? '1m',
      // Load comes from one address; the limiter still counts every request in PostgreSQL.
      RATE_LIMIT_PER_MINUTE: '100000000',
    };
    const server = spawnNode('dist/server.js', env, 'API server');
    stops.push(() => server.stop());
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${baseUrl}/healthz`)).ok, 'the API server');
    const worker = options.worker === false ? null : spawnNode('dist/worker.js', env, 'worker');
    if (worker) stops.push(() => worker.stop());
    const sql = postgres(pg.url, { max: 4, onnotice: () => {} });
    stops.push(() => sql.end());
    return { dir, pg, temporal, resend, env, baseUrl, server, worker, sql, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Calls the API as a client would; throws with the problem when the status is not the expected one. */
export async function api<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  if (res.status !== (options.expect ?? res.status) || (res.status >= 400 && options.expect === undefined)) {
    throw new Error(`${method} ${url}: ${res.status} ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}
