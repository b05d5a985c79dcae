import { sql } from 'drizzle-orm';
import { createDb } from '../db/client.js';
import { encodeCursor, listQuery, listRequests, type ListInput } from '../db/request-list.js';
import { actorOf } from '../domain/access.js';
import { hammer, loop } from './lib/load.js';
import { say, type BenchResult, type Row } from './lib/report.js';
import { ADMIN_KEY, api, startStack, type Stack } from './lib/stack.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const BIG_SENT = 8_000;
const BIG_RECEIVED = 2_000;
const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DEEP = 9_000;

const accountId = (n: string) => `'a' || lpad((${n})::text, 20, '0')`;

/** 100,000 accounts each holding a domain, and 1,000,000 requests: account 1 sent 8,000 and received 2,000. */
async function seed(stack: Stack, name: string) {
  const { sql } = stack;
  say(name, `seeding ${ACCOUNTS.toLocaleString('en')} accounts and their domains`);
  await sql.unsafe(`insert into accounts (id, handle, email, first_name, last_name, language)
    select ${accountId('g')}, 'h' || g, 'u' || g || '@bench.example', 'User', g::text, 'en' from generate_series(1, ${ACCOUNTS}) g`);
  await sql.unsafe(`insert into services (id, name, kind, holder_id, admin_id, tech_id, billing_id)
    select 's' || lpad(g::text, 20, '0'), 'd' || g || '.example', 'domain', a, a, a, a
    from (select g, ${accountId('g')} as a from generate_series(1, ${ACCOUNTS}) g) x`);
  const batch = 100_000;
  for (let start = 1; start <= REQUESTS; start += batch) {
    const end = Math.min(REQUESTS, start + batch - 1);
    await sql.unsafe(`insert into contact_changes (id, service_id, roles, from_id, to_id, asked_by_id, state, expires_at, created_at, updated_at)
      select 'c' || lpad(g::text, 20, '0'), 's' || lpad(asker::text, 20, '0'), '{admin}', ${accountId('asker')}, ${accountId('taker')}, ${accountId('asker')},
        (array['done', 'refused', 'expired', 'aborted', 'validatingByCustomers'])[1 + g % 5], created + interval '7 days', created, created
      from (select g,
          case when g <= ${BIG_SENT} then 1 else 2 + floor(random() * ${ACCOUNTS - 1})::int end as asker,
          case when g > ${BIG_SENT} and g <= ${BIG_SENT + BIG_RECEIVED} then 1 else 2 + floor(random() * ${ACCOUNTS - 1})::int end as taker,
          now() - random() * interval '730 days' as created
        from generate_series(${start}, ${end}) g) x`);
    say(name, `requests ${end.toLocaleString('en')}/${REQUESTS.toLocaleString('en')}`);
  }
  // As autovacuum would have done on a table this old: the visibility map lets the list read its indexes alone.
  await sql`vacuum analyze`;
}

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

export async function run(): Promise<BenchResult> {
  const name = 'my-requests';
  const stack = await startStack({ worker: false });
  const database = createDb(stack.pg.url, { max: CONNECTIONS });
  try {
    await seed(stack, name);
    const big = `a${'1'.padStart(20, '0')}`;
    const { token } = await api<{ token: string }>(stack.baseUrl, 'POST', `/api/v1/admin/accounts/${big}/api-tokens`, {
      token: ADMIN_KEY,
      body: {},
      expect: 201,
    });
    const [deep] = await stack.sql<{ id: string; t: string }[]>`
      select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t from contact_changes
      where asked_by_id = ${big} or from_id = ${big} or to_id = ${big}
      order by created_at desc, id desc offset ${DEEP} limit 1`;
    const cursor = encodeCursor({ t: deep!.t, id: deep!.id });
    const actor = actorOf({ id: big, keptById: null, role: 'customer', permissions: [], active: true, access: 'none' });
    const pages: [string, ListInput, string][] = [
      ['first page', { direction: 'all', states: [], limit: 20 }, ''],
      [
        `page after ${DEEP.toLocaleString('en')} (cursor)`,
        { direction: 'all', states: [], limit: 20, after: { t: deep!.t, id: deep!.id } },
        `&cursor=${cursor}`,
      ],
    ];
    const rows: Row[] = [];
    const plans: Record<string, unknown> = {};
    for (const [label, input, query] of pages) {
      // The API must give the same page as the query it runs.
      const page = await listRequests(database.db, actor, input);
      const answer = await api<{ items: { id: string }[] }>(
        stack.baseUrl,
        'GET',
        `/api/v1/contact-changes?limit=20${query}`,
        { token },
      );
      if (
        JSON.stringify(answer.items.map((i) => i.id)) !== JSON.stringify(page.views.map((v) => v.change.id)) ||
        page.views.length !== 20
      ) {
        throw new Error(`${label}: the API and the query disagree`);
      }
      // Latency as one person sees it (one client, nothing queued), then throughput with CONNECTIONS at once.
      const viaApi = async (connections: number) => {
        say(name, `${label}: the API, ${connections} connection(s) for ${SECONDS} s`);
        const load = await hammer({
          url: `${stack.baseUrl}/api/v1/contact-changes?limit=20${query}`,
          headers: { authorization: `Bearer ${token}` },
          connections,
          seconds: SECONDS,
          warmupSeconds: 2,
        });
        if (load.errors || Object.keys(load.statuses).some((s) => s !== '200'))
          throw new Error(`${label}: ${JSON.stringify(load.statuses)}`);
        return load;
      };
      const direct = (concurrency: number) => {
        say(name, `${label}: the same SQL directly, ${concurrency} at a time for ${SECONDS} s`);
        return loop(() => listRequests(database.db, actor, input), { concurrency, seconds: SECONDS, warmupSeconds: 2 });
      };
      const [apiOne, directOne, apiMany, directMany] = [
        await viaApi(1),
        await direct(1),
        await viaApi(CONNECTIONS),
        await direct(CONNECTIONS),
      ];
      rows.push(
        {
          what: `${label}: p99, one client`,
          product: apiOne.p99,
          floor: directOne.p99,
          unit: 'ms',
          goal: { max: 10, text: '≤ 10 ms' },
        },
        { what: `${label}: p99, ${CONNECTIONS} clients`, product: apiMany.p99, floor: directMany.p99, unit: 'ms' },
        {
          what: `${label}: requests/s, ${CONNECTIONS} clients`,
          product: apiMany.rps,
          floor: directMany.rps,
          unit: 'req/s',
        },
        { what: `${label}: p50, one client`, product: apiOne.p50, floor: directOne.p50, unit: 'ms' },
      );
      const [explained] = await database.db.execute<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
        sql`explain (analyze, buffers, format json) ${listQuery(database.db, actor, input).getSQL()}`,
      );
      const plan = explained!['QUERY PLAN'][0];
      const all = nodes(plan.Plan);
      const scans = all
        .filter((n) => n['Relation Name'] === 'contact_changes')
        .map((n) => {
          const loops = n['Actual Loops'] > 1 ? ` × ${n['Actual Loops']} loops` : '';
          return `${n['Node Type']} using ${n['Index Name'] ?? '-'} (${n['Actual Rows']} rows read${loops})`;
        });
      plans[label] = {
        scans,
        executionMs: plan['Execution Time'],
        seqScan: all.some((n) => n['Node Type'] === 'Seq Scan'),
      };
      say(name, `${label}: EXPLAIN: ${scans.join(', ')}; ${plan['Execution Time']} ms`);
      const read = all.filter((n) => n['Relation Name'] === 'contact_changes').map((n) => n['Actual Rows']);
      if (
        all.some((n) => n['Node Type'] === 'Seq Scan') ||
        !scans.every((s) => s.startsWith('Index')) ||
        read.some((r) => r > input.limit + 1)
      )
        throw new Error(`${label}: not an index scan: ${JSON.stringify(plan)}`);
    }
    return {
      name,
      title: `My requests at scale (${REQUESTS.toLocaleString('en')} requests, ${ACCOUNTS.toLocaleString('en')} accounts, one with ${(BIG_SENT + BIG_RECEIVED).toLocaleString('en')}; ${CONNECTIONS} connections)`,
      rows,
      facts: {
        accounts: ACCOUNTS,
        requests: REQUESTS,
        bigAccount: BIG_SENT + BIG_RECEIVED,
        connections: CONNECTIONS,
        seconds: SECONDS,
        plans,
      },
    };
  } finally {
    await database.close();
    await stack.stop();
  }
}
