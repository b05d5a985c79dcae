import { hammer, percentile, pool } from './lib/load.js';
import { Mailbox } from './lib/mailbox.js';
import { counter, say, type BenchResult } from './lib/report.js';
import { account } from './lib/seed.js';
import { api, startStack, waitUntil } from './lib/stack.js';
import { playChange, services } from './end-to-end.js';

const PENDING = Number(process.env.BENCH_PENDING ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROBES = 50;

/**
 * 20,000 requests waiting for their contacts at once: the worker's memory, and the API's latency with them
 * waiting compared with an empty system (the decision page, and whole changes accepted through the API).
 */
export async function run(): Promise<BenchResult> {
  const name = 'waiting';
  const stack = await startStack();
  try {
    const mailbox = new Mailbox(stack.resend);
    const alice = await account(stack, 'Alice');
    const bob = await account(stack, 'Bob');
    // Each probe takes a service for its first change, one for the request it opens the page of, and one per change.
    const serviceIds = await services(stack, alice, PENDING + 2 * (PROBES + 2));
    let next = 0;
    const take = () => serviceIds[next++]!;
    const probe = async (label: string) => {
      const id = await playChange(stack, mailbox, alice, bob, take()).then(
        async () =>
          (
            await api<{ id: string }>(stack.baseUrl, 'POST', `/api/v1/services/${take()}/contact-changes`, {
              token: alice.token,
              body: { roles: ['admin'], to: bob.handle },
              expect: 201,
            })
          ).id,
      );
      say(name, `${label}: the decision page, 10 connections for ${SECONDS} s`);
      const page = await hammer({
        url: `${stack.baseUrl}/requests/${id}/decision`,
        connections: 10,
        seconds: SECONDS,
        warmupSeconds: 2,
      });
      say(name, `${label}: ${PROBES} changes created and accepted through the API, 5 at a time`);
      const flows: number[] = [];
      await pool(Array.from({ length: PROBES }), 5, async () => {
        const t = performance.now();
        await playChange(stack, mailbox, alice, bob, take());
        flows.push(performance.now() - t);
      });
      flows.sort((a, b) => a - b);
      return { pageP99: page.p99, pageRps: page.rps, flowP50: percentile(flows, 50), flowP99: percentile(flows, 99) };
    };
    const before = await probe('empty');
    const rss: number[] = [await stack.worker!.rssMb()];
    say(name, `creating ${PENDING.toLocaleString('en')} requests that wait for their contacts`);
    const tick = counter(name, 'requests waiting', PENDING);
    // Sampled every second; shown every 30 s, so that a run cut short still tells what it saw.
    const sampler = setInterval(
      () =>
        void stack.worker!.rssMb().then(
          (mb) => {
            rss.push(mb);
            if (rss.length % 30 === 0)
              say(name, `worker RSS ${Math.round(mb)} MB (peak ${Math.round(Math.max(...rss))} MB)`);
          },
          () => {},
        ),
      1000,
    );
    try {
      await pool(Array.from({ length: PENDING }), 20, async () => {
        await api(stack.baseUrl, 'POST', `/api/v1/services/${take()}/contact-changes`, {
          token: alice.token,
          body: { roles: ['admin'], to: bob.handle },
          expect: 201,
        });
        tick();
      });
      // Every workflow at its wait, and no email still going out.
      say(name, 'waiting for every workflow to reach its wait and send its token emails');
      const count = async () =>
        (
          await stack.sql<
            [{ n: number }]
          >`select count(*)::int as n from contact_changes where state = 'validatingByCustomers'`
        )[0].n;
      let sent = -1;
      await waitUntil(
        async () => {
          const settled = (await count()) === PENDING + 1 && stack.resend.emails.length === sent;
          sent = stack.resend.emails.length;
          if (!settled) await new Promise((r) => setTimeout(r, 2000));
          return settled;
        },
        'every request to wait',
        3_600_000,
      );
      const waiting = await count();
      say(name, `${waiting.toLocaleString('en')} requests waiting; worker at ${Math.round(rss.at(-1)!)} MB`);
      const after = await probe(`${waiting.toLocaleString('en')} waiting`);
      const peak = Math.max(...rss);
      return {
        name,
        title: `Waiting at scale: ${PENDING.toLocaleString('en')} pending requests`,
        rows: [
          { what: 'worker memory (RSS), peak', product: peak, unit: 'MB', goal: { max: 300, text: '≤ 300 MB' } },
          { what: 'worker memory (RSS), at rest', product: rss.at(-1)!, unit: 'MB' },
          {
            what: 'decision page p99 (waiting vs empty)',
            product: after.pageP99,
            floor: before.pageP99,
            unit: 'ms',
            goal: { max: 1.25, ratio: true, text: 'unchanged (≤ 1.25×)' },
          },
          {
            what: 'change created→done p99 (waiting vs empty)',
            product: after.flowP99,
            floor: before.flowP99,
            unit: 'ms',
            goal: { max: 1.25, ratio: true, text: 'unchanged (≤ 1.25×)' },
          },
        ],
        facts: { pending: PENDING, waiting, before, after, rssSamplesMb: rss.length, peakRssMb: peak },
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await stack.stop();
  }
}
