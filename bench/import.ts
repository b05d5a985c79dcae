import { Readable } from 'node:stream';
import { createDb } from '../db/client.js';
import { accounts, services } from '../db/schema.js';
import { say, type BenchResult, type Row } from './lib/report.js';
import { ADMIN_KEY, startStack } from './lib/stack.js';

/**
 * `npm run bench import`: the provider's bulk load of 100,000 lines (half accounts, half the services they hold)
 * through POST /api/v1/admin/import, streamed as NDJSON, beside the floor of the same rows inserted straight into
 * PostgreSQL in the same batches; then the same file again, which changes nothing.
 */
const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 100_000);
const BATCH = 500;

const pad = (n: number) => String(n).padStart(7, '0');
const accountLine = (n: number, prefix: string) => ({
  type: 'account',
  externalId: `${prefix}cust-${pad(n)}`,
  email: `${prefix}u${n}@bench.example`,
  firstName: 'User',
  lastName: String(n),
  language: (['fr', 'en', 'nl'] as const)[n % 3]!,
  handle: `${prefix}h${pad(n)}`,
});
const serviceLine = (n: number, prefix: string) => ({
  type: 'service',
  externalId: `${prefix}svc-${pad(n)}`,
  name: `${prefix}d${n}.example`,
  kind: 'domain',
  holder: `${prefix}h${pad(n)}`,
  contacts: { admin: `${prefix}h${pad(n)}`, tech: `${prefix}h${pad(n)}`, billing: `${prefix}h${pad(n)}` },
});

/** The file, as lines are written: all the accounts, then the services. */
function* file(prefix: string): Generator<string> {
  const half = LINES / 2;
  for (let n = 1; n <= half; n++) yield `${JSON.stringify(accountLine(n, prefix))}\n`;
  for (let n = 1; n <= half; n++) yield `${JSON.stringify(serviceLine(n, prefix))}\n`;
}

async function load(baseUrl: string, prefix: string): Promise<{ seconds: number; report: Record<string, unknown> }> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/admin/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(Readable.from(file(prefix))) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`import: ${res.status} ${text}`);
  return { seconds: (performance.now() - started) / 1000, report: JSON.parse(text) as Record<string, unknown> };
}

/** The floor: the same rows, built in this process, inserted in batches of 500 with no HTTP, parsing or checks. */
async function floor(url: string): Promise<number> {
  const database = createDb(url, { max: 2 });
  const prefix = 'f';
  const half = LINES / 2;
  const started = performance.now();
  try {
    for (let start = 1; start <= half; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, half - start + 1) }, (_, i) => {
        const { type: _t, ...a } = accountLine(start + i, prefix);
        return { id: `${prefix}a${pad(start + i)}`, ...a };
      });
      await database.db.insert(accounts).values(rows).onConflictDoNothing();
    }
    for (let start = 1; start <= half; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, half - start + 1) }, (_, i) => {
        const id = `${prefix}a${pad(start + i)}`;
        const s = serviceLine(start + i, prefix);
        return {
          id: `${prefix}s${pad(start + i)}`,
          externalId: s.externalId,
          name: s.name,
          kind: s.kind,
          holderId: id,
          adminId: id,
          techId: id,
          billingId: id,
        };
      });
      await database.db.insert(services).values(rows).onConflictDoNothing();
    }
  } finally {
    await database.close();
  }
  return LINES / ((performance.now() - started) / 1000);
}

export async function run(): Promise<BenchResult> {
  const name = 'import';
  const stack = await startStack({ worker: false });
  try {
    say(name, `floor: ${LINES.toLocaleString('en')} rows inserted straight into PostgreSQL`);
    const floorRate = await floor(stack.pg.url);
    say(name, `importing ${LINES.toLocaleString('en')} lines through the API`);
    const first = await load(stack.baseUrl, 'p');
    say(name, `the same file again`);
    const again = await load(stack.baseUrl, 'p');
    const rows: Row[] = [
      {
        what: `first load, ${LINES.toLocaleString('en')} lines`,
        product: LINES / first.seconds,
        floor: floorRate,
        unit: 'lines/s',
        // HTTP, parsing, checks and the look-ups by id at most double the cost of the bare inserts.
        goal: { min: 0.5, ratio: true, text: '≥ 0.5× the floor' },
      },
      {
        what: 'the same file again (all unchanged)',
        product: LINES / again.seconds,
        floor: floorRate,
        unit: 'lines/s',
        // Reading what is stored and writing nothing is cheaper than inserting it.
        goal: { min: 1, ratio: true, text: '≥ the floor' },
      },
    ];
    return {
      name,
      title: 'Bulk load: NDJSON lines per second',
      rows,
      facts: { lines: LINES, firstReport: first.report, againReport: again.report, batch: BATCH },
    };
  } finally {
    await stack.stop();
  }
}
