import { setTimeout as sleep } from 'node:timers/promises';
import { eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { contactChanges, emails } from '../../db/schema.js';
import { workflowIdOf } from '../../domain/ids.js';
import { tokenIn } from '../support/fake-resend.js';
import { waitFor, type Harness, type TestAccount } from '../support/harness.js';

/**
 * Shared by the fault tests: many complete flows, driven as people would, and what the server said on the way.
 * What a user checks once they are over is in ./outcomes.ts; a worker in a process of its own, in ./child-worker.ts.
 */

export interface Flow {
  alice: TestAccount;
  bob: TestAccount;
  service: { id: string; name: string };
  id: string;
}

export interface Tokens {
  aliceToken: string;
  bobToken: string;
}

const log = (...args: unknown[]) => {
  if (process.env.FAULTS_VERBOSE) console.log(new Date().toISOString().slice(11, 23), ...args);
};
export { log };

/** Runs `work` over `items`, at most `concurrency` at a time; fails as soon as one fails. */
export async function inBatches<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

const count = (n: number) => Array.from({ length: n }, (_, i) => i);
export { count as range };

/** Alice holds a fresh domain and asks, through the API, to hand its tech and billing roles to Bob. */
export async function startFlow(h: Harness): Promise<Flow> {
  const [alice, bob, service] = await (async () => {
    const a = await h.account('Alice', 'fr');
    return [a, await h.account('Bob', 'en'), await h.service(a)] as const;
  })().catch((err: Error) => {
    throw new Error(`${err.message}${serverErrors(h)}`);
  });
  const created = await h.change(alice, service.id, ['tech', 'billing'], bob);
  if (created.statusCode !== 201) throw new Error(`change: ${created.statusCode} ${created.body}`);
  return { alice, bob, service, id: (created.json() as { id: string }).id };
}

/** The codes from both token emails, once they arrive (the fault tests wait longer than the harness's 20 s). */
export async function tokensOf(h: Harness, flow: Flow, timeoutMs: number): Promise<Tokens> {
  const tokenEmail = (account: TestAccount) =>
    waitFor(
      async () => h.resend.to(account.email).find((e) => e.text.includes(flow.id) && e.text.includes('#token=')),
      timeoutMs,
      `the token email to ${account.handle} for ${flow.id}`,
    );
  const [alice, bob] = await Promise.all([tokenEmail(flow.alice), tokenEmail(flow.bob)]).catch(async (err: Error) => {
    throw new Error(`${err.message}${await diagnosis(h, flow.id)}`);
  });
  return { aliceToken: tokenIn(alice), bobToken: tokenIn(bob) };
}

/** Where a request stands, to explain a wait that timed out: its workflow, pending activities, email rows and
 * deliveries. */
export async function diagnosis(h: Harness, id: string): Promise<string> {
  try {
    const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
    const described = await handle.describe();
    const pending = (described.raw.pendingActivities ?? []).map(
      (a) =>
        `${a.activityType?.name} (attempt ${a.attempt}, state ${a.state}${a.lastFailure?.message ? `, last failure: ${a.lastFailure.message}` : ''})`,
    );
    const { events } = await handle.fetchHistory();
    const kinds = (events ?? []).map(
      (e) =>
        Object.keys(e)
          .find((k) => k.endsWith('EventAttributes') && (e as Record<string, unknown>)[k])
          ?.replace('EventAttributes', '') ?? '?',
    );
    const rows = await h.db.select().from(emails).where(eq(emails.changeId, id));
    const got = h.resend.emails.filter((e) => e.tags.request === id).map((e) => `${e.to} ${e.tags.kind}`);
    return (
      `\nthe workflow is ${described.status.name}; its ${kinds.length} events: ${kinds.join(' ')}` +
      `\npending activities: ${pending.join('; ') || 'none'}` +
      `\nemail rows: ${rows.map((r) => `${r.recipient} ${r.kind} ${r.status}`).join('; ') || 'none'}` +
      `\nthe provider got: ${got.join('; ') || 'nothing'}` +
      ` (${h.resend.emails.length} emails in all)`
    );
  } catch (err) {
    return `\n(no diagnosis: ${(err as Error).message})`;
  }
}

export interface DecisionAnswer {
  state: string;
  party: string;
  awaiting: string[];
}

/** What the API server logged as errors, to explain a 5xx. */
export function serverErrors(h: Harness): string {
  const errors = h.logs
    .filter((l) => l.includes('"level":50'))
    .map((l) => {
      const { time, reqId, err } = JSON.parse(l) as {
        time: number;
        reqId?: string;
        err?: { type?: string; code?: string; message?: string; stack?: string };
      };
      return `${new Date(time).toISOString().slice(11, 23)} ${reqId ?? ''} ${err?.type ?? ''} ${err?.code ?? ''} ${(err?.message ?? '').slice(0, 200)}\n${err?.stack ?? ''}`;
    });
  return errors.length ? `\nthe server logged:\n${errors.slice(-5).join('\n')}` : '';
}

/** Every answer the API server gave, as its log tells: when, and with which status. */
export function answersLogged(h: Harness): { time: number; status: number; url?: string }[] {
  const requests = new Map<string, string>();
  const answers: { time: number; status: number; url?: string }[] = [];
  for (const line of h.logs) {
    const entry = JSON.parse(line) as {
      time: number;
      reqId?: string;
      req?: { url?: string };
      res?: { statusCode?: number };
    };
    if (entry.reqId && entry.req?.url) requests.set(entry.reqId, entry.req.url);
    if (entry.res?.statusCode)
      answers.push({ time: entry.time, status: entry.res.statusCode, url: entry.reqId && requests.get(entry.reqId) });
  }
  return answers;
}

/** Calls again, a second later, while the answer is 503 "try again in a moment", as a person would; up to `tries`
 * calls. */
export async function whileUnavailable(
  call: () => Promise<LightMyRequestResponse>,
  tries = 30,
): Promise<LightMyRequestResponse[]> {
  const answers = [await call()];
  while (answers.at(-1)!.statusCode === 503 && answers.length < tries) {
    await sleep(1000);
    answers.push(await call());
  }
  return answers;
}

/** How many times people were told 503 "try again in a moment" by accept(). */
export const unavailable = { count: 0 };

/**
 * Accepts with a code and checks the answer a person sees. Told 503 "try again in a moment", the person tries again:
 * only that, and a 200 in the end, are allowed.
 */
export async function accept(
  h: Harness,
  id: string,
  token: string,
): Promise<{ res: LightMyRequestResponse; answer: DecisionAnswer }> {
  const answers = await whileUnavailable(() => h.decide(id, 'accept', token), 180);
  unavailable.count += answers.length - 1;
  const res = answers.at(-1)!;
  if (res.statusCode !== 200) throw new Error(`accept ${id}: ${res.statusCode} ${res.body}${serverErrors(h)}`);
  return { res, answer: res.json() as DecisionAnswer };
}

/** Both parties accept, one after the other: the first is told the request awaits the other, the second that it is
 * done. */
export async function acceptBoth(h: Harness, flow: Flow, tokens: Tokens): Promise<void> {
  const first = await accept(h, flow.id, tokens.aliceToken);
  if (first.answer.state !== 'validatingByCustomers' || first.answer.awaiting.join() !== 'to') {
    throw new Error(`Alice's acceptance of ${flow.id} answered ${first.res.body}`);
  }
  const second = await accept(h, flow.id, tokens.bobToken);
  if (second.answer.state !== 'done') throw new Error(`Bob's acceptance of ${flow.id} answered ${second.res.body}`);
}

/** Waits until every request is in `state` in PostgreSQL. */
export async function waitForStates(h: Harness, ids: string[], state: string, timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const rows = await h.db
        .select({ id: contactChanges.id, state: contactChanges.state })
        .from(contactChanges)
        .where(inArray(contactChanges.id, ids));
      return rows.length === ids.length && rows.every((r) => r.state === state);
    },
    timeoutMs,
    `${ids.length} requests to be ${state}`,
  );
}

/** Every API answer seen while something was down: its status and content type. */
export interface Seen {
  what: string;
  status: number;
  type: string;
  title?: string;
}

export function seen(what: string, res: LightMyRequestResponse): Seen {
  const type = String(res.headers['content-type'] ?? '');
  let title: string | undefined;
  try {
    title = (res.json() as { title?: string }).title;
  } catch {
    /* not JSON */
  }
  return { what, status: res.statusCode, type, ...(title ? { title } : {}) };
}
