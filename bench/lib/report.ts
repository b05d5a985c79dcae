import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = fileURLToPath(new URL('../..', import.meta.url));

/** One line of a benchmark's table: the product beside its floor, and the goal it is held to. */
export interface Row {
  what: string;
  product: number;
  floor?: number;
  unit: string;
  /** What the figure must reach: at least `min`, or at most `max` (of the figure, or of product/floor when `ratio`). */
  goal?: { min?: number; max?: number; ratio?: boolean; text: string };
}

export interface BenchResult {
  name: string;
  title: string;
  rows: Row[];
  /** Counts and facts that are not timings: lost, doubled, the query plan, the settings of the run. */
  facts: Record<string, unknown>;
}

export const ratioOf = (row: Row) => (row.floor ? row.product / row.floor : null);

export function met(row: Row): boolean | null {
  if (!row.goal) return null;
  const value = row.goal.ratio ? ratioOf(row) : row.product;
  if (value === null) return null;
  return (row.goal.min === undefined || value >= row.goal.min) && (row.goal.max === undefined || value <= row.goal.max);
}

const fmt = (n: number | undefined | null) =>
  n === undefined || n === null
    ? ''
    : Math.abs(n) >= 100
      ? Math.round(n).toLocaleString('en')
      : n.toFixed(n >= 10 ? 1 : 2);

export function table(result: BenchResult): string {
  const head = ['', 'product', 'floor', 'ratio', 'goal', ''];
  const lines = result.rows.map((r) => {
    const ok = met(r);
    return [
      r.what,
      `${fmt(r.product)} ${r.unit}`,
      r.floor === undefined ? '' : `${fmt(r.floor)} ${r.unit}`,
      ratioOf(r) === null ? '' : `${ratioOf(r)!.toFixed(2)}×`,
      r.goal?.text ?? '',
      ok === null ? '' : ok ? 'met' : 'MISSED',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [`${result.title}`, row(head), ...lines.map(row)].join('\n');
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** bench/results/<name>.json: the machine, the date, the commit and the figures. */
export async function save(result: BenchResult, extra: Record<string, unknown>): Promise<string> {
  const dir = path.join(repoDir, 'bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${result.name}.json`);
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain']) !== '';
  const body = {
    name: result.name,
    title: result.title,
    date: new Date().toISOString(),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
    machine: { ...machine(), ...extra },
    rows: result.rows.map((r) => ({ ...r, ratio: ratioOf(r), met: met(r) })),
    facts: result.facts,
  };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

const started = Date.now();
const clock = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** A line of progress, with the time since the run began. */
export function say(bench: string, text: string): void {
  process.stderr.write(`[${clock()}] ${bench}: ${text}\n`);
}

/** Progress over a count: one line every `every` items (and at the end), so logs stay readable in CI. */
export function counter(bench: string, what: string, total: number, every = Math.max(1, Math.round(total / 10))) {
  let done = 0;
  return (n = 1) => {
    const before = done;
    done += n;
    if (Math.floor(done / every) > Math.floor(before / every) || done === total)
      say(bench, `${what} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
  };
}
