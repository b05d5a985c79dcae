import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { assertPortFree } from './ports.js';

export interface TemporalDevServerHandle {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  cli: string;
  port: number;
  /** null = --headless; absent = the CLI's default, port + 1000. */
  uiPort?: number | null;
  /** Persisted state (SQLite); absent = in-memory, lost when the server stops. */
  dbFile?: string;
  /** Created at launch; "default" always exists. */
  namespace?: string;
  log?: (line: string) => void;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const STDERR_TAIL_LINES = 20;

/**
 * TEMPORAL_CLI (configured) if given, else `temporal` on PATH, else <repo>/.tools/bin/temporal
 * (where scripts/install-temporal.sh puts it), else null.
 */
export async function findTemporalCli(opts: { configured?: string; repoDir: string }): Promise<string | null> {
  if (opts.configured) {
    const configured = path.resolve(opts.configured);
    if (!(await isExecutableFile(configured))) {
      throw new Error(`TEMPORAL_CLI is set to ${opts.configured}, which is not an executable file`);
    }
    return configured;
  }
  const onPath = await findOnPath('temporal');
  if (onPath) return onPath;
  const installed = path.join(opts.repoDir, '.tools', 'bin', 'temporal');
  return (await isExecutableFile(installed)) ? installed : null;
}

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServerHandle> {
  const uiPort = opts.uiPort === undefined ? opts.port + 1000 : opts.uiPort;
  await assertPortFree(opts.port, 'temporal dev server (gRPC)');
  if (uiPort !== null) await assertPortFree(uiPort, 'temporal dev server (web UI)');
  if (opts.dbFile) await mkdir(path.dirname(path.resolve(opts.dbFile)), { recursive: true });

  const address = `127.0.0.1:${opts.port}`;
  const server = launch(opts.cli, devServerArgs(opts, uiPort), opts.log ?? (() => {}));
  try {
    await waitUntilReady(server, address, opts.namespace ?? 'default');
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { address, uiUrl: uiPort === null ? null : `http://127.0.0.1:${uiPort}`, stop: server.stop };
}

function devServerArgs(opts: TemporalDevServerOptions, uiPort: number | null): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port)];
  args.push(...(uiPort === null ? ['--headless'] : ['--ui-port', String(uiPort)]));
  if (opts.dbFile) args.push('--db-filename', path.resolve(opts.dbFile));
  if (opts.namespace) args.push('--namespace', opts.namespace);
  args.push('--log-level', 'warn');
  return args;
}

interface LaunchedServer {
  child: ChildProcess;
  /** Settles when the process is gone; never rejects. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderrTail(): string;
  stop(): Promise<void>;
}

function launch(cli: string, args: string[], log: (line: string) => void): LaunchedServer {
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  // Both pipes must be drained for the server's whole life, or it blocks once a pipe fills.
  forEachLine(child.stdout, log);
  forEachLine(child.stderr, (line) => {
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    log(line);
  });

  // The dev server would keep running after a process.exit() of ours; exit handlers cannot wait,
  // hence SIGKILL (its SQLite store survives that).
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      tail.push(`failed to run ${cli}: ${err.message}`);
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  }).finally(() => process.off('exit', killOnExit));

  const stop = once(() => terminate(child, exited));
  return { child, exited, stderrTail: () => tail.join('\n'), stop };
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const neverStarted = child.pid === undefined;
  if (neverStarted || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS, false, { ref: false })]);
  if (!graceful) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function waitUntilReady(server: LaunchedServer, address: string, namespace: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const died = server.exited.then(({ code, signal }) => {
    throw new Error(
      `temporal dev server exited before it was ready (${signal ? `signal ${signal}` : `code ${code}`})` +
        stderrSection(server.stderrTail()),
    );
  });
  // Keep the rejection from surfacing as unhandled once we stop watching it.
  died.catch(() => {});
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    const probe = answers(address, namespace, deadline).then(
      () => true,
      (err: unknown) => ((lastError = err), false),
    );
    if (await Promise.race([probe, died])) return;
    await Promise.race([sleep(250), died]);
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(
    `temporal dev server did not answer on ${address} within ${READY_TIMEOUT_MS / 1000} s (last error: ${reason})` +
      stderrSection(server.stderrTail()),
  );
}

/** The frontend really serves requests, and the namespace exists (it is registered at launch). */
async function answers(address: string, namespace: string, deadline: number): Promise<void> {
  const timeoutMs = Math.max(1, Math.min(2_000, deadline - Date.now()));
  const connection = await Connection.connect({ address, connectTimeout: timeoutMs });
  try {
    await connection.withDeadline(Date.now() + timeoutMs, async () => {
      await connection.workflowService.getSystemInfo({});
      await connection.workflowService.describeNamespace({ namespace });
    });
  } finally {
    await connection.close();
  }
}

function stderrSection(tail: string): string {
  return tail ? `\n--- last lines of its stderr ---\n${tail}` : ' (no stderr output)';
}

function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim()) onLine(line);
  });
}

async function findOnPath(command: string): Promise<string | null> {
  // `command -v` in a shell resolves PATH the same way a user's shell would.
  try {
    const { stdout } = await promisify(execFile)('/bin/sh', ['-c', 'command -v "$1"', 'sh', command]);
    const found = stdout.trim();
    return found.startsWith('/') && (await isExecutableFile(found)) ? found : null;
  } catch {
    return null;
  }
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () => (pending ??= fn());
}
