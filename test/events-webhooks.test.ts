import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepEvents } from '../changes/webhook-delivery.js';
import { recordDecision } from '../db/changes.js';
import { addOutboxEvent } from '../db/events.js';
import { accounts, services } from '../db/schema.js';
import { webhookUrlRefusal } from '../domain/webhook-urls.js';
import { serverMetrics } from '../runtime/metrics.js';
import { webhookWorkflowId } from '../workflows/webhook-messages.js';
import { ADMIN_KEY, startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';
import { withFlash } from './support/pages.js';
import { WebhookReceiver, type Received } from './support/webhook-receiver.js';

const RETRY_FOR = '15s';
let h: Harness;
let receiver: WebhookReceiver;
const endpoints: string[] = [];
beforeAll(async () => {
  // A retry period of seconds, so that an endpoint that never answers 2xx is disabled within the test.
  [h, receiver] = await Promise.all([
    startHarness({ env: { WEBHOOK_RETRY_FOR: RETRY_FOR } }),
    new WebhookReceiver().start(),
  ]);
});
afterAll(async () => {
  // The database is shared with the other test files: their requests must not go on being sent here.
  for (const id of endpoints) await h?.request('DELETE', `/api/v1/admin/webhooks/${id}`, { token: ADMIN_KEY });
  await Promise.all([h?.close(), receiver?.stop()]);
});

async function endpoint(body: Record<string, unknown>) {
  const res = await h.request('POST', '/api/v1/admin/webhooks', {
    token: ADMIN_KEY,
    body: { url: receiver.url, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  const made = res.json() as { id: string; secret: string; events: string[] | null };
  endpoints.push(made.id);
  return made;
}

/** The deliveries about a request that the receiver accepted, in arrival order. */
const accepted = (changeId: string, secret: string) =>
  receiver.about(changeId).filter((r) => r.answered === 204 && WebhookReceiver.verifies(r, secret));

async function allEvents(after = '0') {
  const items: { id: string; type: string; data: { id: string } }[] = [];
  let cursor = after;
  for (;;) {
    const res = await h.request('GET', `/api/v1/admin/events?after=${cursor}&limit=3`, { token: ADMIN_KEY });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: typeof items; nextCursor: string };
    items.push(...page.items);
    if (page.items.length === 0) {
      expect(page.nextCursor).toBe(cursor);
      return { items, cursor };
    }
    cursor = page.nextCursor;
  }
}

describe('events and webhooks of a request', () => {
  let all: { id: string; secret: string };
  let doneOnly: { id: string; secret: string };
  let changeId: string;
  let alice: TestAccount;
  let start: string;

  beforeAll(async () => {
    start = (await allEvents()).cursor;
    all = await endpoint({ description: 'everything' });
    // A token in the query, as some providers' endpoints take: support is never shown it.
    doneOnly = await endpoint({ events: ['contact_change.done'], url: `${receiver.url}?token=not-for-support` });
    alice = await h.account('Alice');
    // The first delivery of this request's `created` gets a 500: it must come again, the same.
    receiver.failOnce(
      (r) =>
        r.event.type === 'contact_change.created' && (r.event.data.from as { handle: string }).handle === alice.handle,
    );
    const bob = await h.account('Bob');
    await h.db
      .update(accounts)
      .set({ externalId: `crm-${alice.id}` })
      .where(eq(accounts.id, alice.id));
    const service = await h.service(alice);
    await h.db
      .update(services)
      .set({ externalId: `reg-${service.id}` })
      .where(eq(services.id, service.id));
    const created = await h.change(alice, service.id, ['tech'], bob);
    expect(created.statusCode, created.body).toBe(201);
    changeId = (created.json() as { id: string }).id;
    const token = (to: TestAccount) =>
      h.email(to, (t) => t.includes(changeId)).then((e) => /#token=([A-Za-z0-9_-]+)/.exec(e.text)![1]!);
    const [aliceToken, bobToken] = await Promise.all([token(alice), token(bob)]);
    expect((await h.decide(changeId, 'accept', aliceToken)).statusCode).toBe(200);
    expect((await h.decide(changeId, 'accept', bobToken)).statusCode).toBe(200);
    await waitFor(async () => accepted(changeId, all.secret).length >= 5, 30_000, 'the done event');
  });

  it('sends created, decision twice, applying and done, in order, signed, with the request as the API shows it', async () => {
    const got = accepted(changeId, all.secret);
    expect(got.map((r) => r.event.type)).toEqual([
      'contact_change.created',
      'contact_change.decision',
      'contact_change.decision',
      'contact_change.applying',
      'contact_change.done',
    ]);
    expect(got.map((r) => (r.event.data.decision as { party: string } | undefined)?.party)).toEqual([
      undefined,
      'from',
      'to',
      undefined,
      undefined,
    ]);
    expect(got[3]!.event.data).toMatchObject({ state: 'doing' });
    const done = got[4]!.event;
    const shown = (await h.request('GET', `/api/v1/contact-changes/${changeId}`, { token: alice.token })).json() as {
      timeline?: unknown;
    };
    delete shown.timeline;
    expect(done.data).toEqual(shown);
    expect(done.data).toMatchObject({
      state: 'done',
      from: { externalId: `crm-${alice.id}` },
      to: { externalId: null },
      service: { externalId: expect.stringMatching(/^reg-/) },
    });
    expect(Object.keys(done).sort()).toEqual(['data', 'timestamp', 'type']);
    expect(WebhookReceiver.verifies(got[0]!, 'whsec_' + Buffer.from('not the secret, no').toString('base64'))).toBe(
      false,
    );
  });

  it('sends a delivery the receiver refused again with the same webhook-id and body', async () => {
    const created = receiver.about(changeId).filter((r) => r.event.type === 'contact_change.created');
    const forAll = created.filter((r) => WebhookReceiver.verifies(r, all.secret));
    expect(forAll.map((r) => r.answered)).toEqual([500, 204]);
    expect(forAll[1]!.id).toBe(forAll[0]!.id);
    expect(forAll[1]!.body).toBe(forAll[0]!.body);
  });

  it('sends an endpoint only the types it asked for', async () => {
    const got = receiver.about(changeId).filter((r) => WebhookReceiver.verifies(r, doneOnly.secret));
    expect(got.map((r) => r.event.type)).toEqual(['contact_change.done']);
  });

  it('lists every event once in the feed, in order, whatever the page size', async () => {
    const { items } = await allEvents(start);
    const mine = items.filter((e) => e.data.id === changeId);
    expect(mine.map((e) => e.type)).toEqual([
      'contact_change.created',
      'contact_change.decision',
      'contact_change.decision',
      'contact_change.applying',
      'contact_change.done',
    ]);
    const ids = items.map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // The webhook-id is the event's id in the feed.
    const delivered = accepted(changeId, all.secret).map((r) => r.id);
    expect(delivered).toEqual(mine.map((e) => e.id));
    // One big page holds exactly what the small pages held.
    const big = (
      await h.request('GET', `/api/v1/admin/events?after=${start}&limit=500`, { token: ADMIN_KEY })
    ).json() as { items: { id: string }[] };
    expect(big.items.map((e) => e.id).filter((id) => mine.some((m) => m.id === id))).toEqual(mine.map((e) => e.id));
  });

  it('shows support each delivery and its attempts, and sends one again', async () => {
    const sam = await h.account('Sam', 'en', 'support');
    const cookie = await h.signIn(sam);
    const pageUrl = `/support/requests/${changeId}`;
    const page = await h.app.inject({ method: 'GET', url: pageUrl, headers: { cookie } });
    const webhooks = page.body.slice(page.body.indexOf('id="webhooks-heading"'));
    expect(webhooks).toContain('contact_change.created');
    expect(webhooks).toContain('answered 500');
    expect(webhooks).toContain('answered 204');
    expect(webhooks).toContain(`${receiver.url}?…`);
    expect(page.body).not.toContain('not-for-support');
    const delivery = /\/webhooks\/(\d+)\/send-again/.exec(webhooks)![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const before = receiver.about(changeId).length;
    const forged = await h.app.inject({
      method: 'POST',
      url: `${pageUrl}/webhooks/${delivery}/send-again`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(forged.statusCode).toBe(403);
    const res = await h.app.inject({
      method: 'POST',
      url: `${pageUrl}/webhooks/${delivery}/send-again`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(pageUrl);
    const next = await h.app.inject({ method: 'GET', url: pageUrl, headers: { cookie: withFlash(cookie, res) } });
    expect(next.body).toContain('The event is being sent again.');
    const again = await waitFor(
      async () =>
        receiver
          .about(changeId)
          .slice(before)
          .find((r) => r.answered === 204),
      20_000,
      'the delivery sent again',
    );
    const first = accepted(changeId, all.secret)
      .concat(accepted(changeId, doneOnly.secret))
      .find((r) => r.id === again.id);
    expect(first?.body).toBe(again.body);
  });

  it('keeps the secrets out of the database in clear, the workflow history and the logs', async () => {
    const rows = await h.db.execute(sql`select * from webhook_endpoints`);
    const history = await h.temporal.workflow.getHandle(webhookWorkflowId(all.id, changeId)).fetchHistory();
    const texts = [JSON.stringify([...rows]), JSON.stringify(history), h.logs.join('\n')];
    for (const secret of [all.secret, doneOnly.secret]) {
      for (const text of texts) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(secret.slice('whsec_'.length));
      }
    }
    const listed = await h.request('GET', '/api/v1/admin/webhooks', { token: ADMIN_KEY });
    expect(listed.body).toContain(all.id);
    expect(listed.body).not.toContain('whsec_');
  });

  it('hands over an event the crash of a worker left behind, when the sweep runs', async () => {
    const bob = await h.account('Bob');
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['admin'], bob);
    const id = (created.json() as { id: string }).id;
    await waitFor(async () => accepted(id, all.secret).length >= 1, 20_000, 'the created event');
    // As if the worker died between the commit and the hand-over: the decision is written, Temporal never told.
    await recordDecision(h.db, { changeId: id, party: 'from', decision: 'accepted' });
    const deps = { db: h.db, temporal: h.temporal, taskQueue: h.config.temporal.taskQueue, retryForMs: 60_000 };
    await sweepEvents(deps);
    const got = await waitFor(
      async () => accepted(id, all.secret).find((r) => r.event.type === 'contact_change.decision'),
      20_000,
      'the swept decision',
    );
    expect(got.event.data.decision).toEqual({ party: 'from', decision: 'accepted' });
  });

  it('counts deliveries by outcome and their delay in the metrics', async () => {
    const text = await serverMetrics(h.db).registry.metrics();
    expect(text).toMatch(/countersign_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(text).toMatch(/countersign_webhook_delivery_delay_seconds_count [1-9]/);
    // A histogram Prometheus can read: buckets that only grow, the last (+Inf) holding every delivery, and a sum.
    const series = (suffix: string) =>
      [...text.matchAll(new RegExp(`^countersign_webhook_delivery_delay_seconds_${suffix} (\\S+)$`, 'gm'))].map((m) =>
        Number(m[1]),
      );
    const buckets = series('bucket\\{le="[^"]+"\\}');
    expect(buckets).toHaveLength(13);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(series('count')[0]);
    expect(text).toContain('countersign_webhook_delivery_delay_seconds_bucket{le="+Inf"}');
    expect(series('sum')[0]).toBeGreaterThan(0);
  });
});

describe('the feed, while events commit', () => {
  it('never lets an event commit ahead of one that took a smaller id, so a cursor never skips one', async () => {
    const { cursor } = await allEvents();
    const [a, b] = await Promise.all(
      [0, 1].map(async () => {
        const alice = await h.account('Alice');
        const service = await h.service(alice);
        const made = await h.change(alice, service.id, ['tech'], await h.account('Bob'));
        const id = (made.json() as { id: string }).id;
        await h.waitForState(id, alice, 'validatingByCustomers');
        return id;
      }),
    );
    const { cursor: before } = await allEvents(cursor);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    // A state change that has written its event and not committed yet…
    const first = h.db.transaction(async (tx) => {
      await addOutboxEvent(tx, { changeId: a!, type: 'contact_change.applying', dedupeKey: `${a}:test-held` });
      inserted();
      await held;
    });
    await written;
    // …and another one meanwhile, which must wait for it.
    const second = recordDecision(h.db, { changeId: b!, party: 'from', decision: 'accepted' });
    await waitFor(
      async () => {
        const rows = await h.db.execute(
          sql`select 1 from pg_locks where locktype = 'advisory' and objid = 4242005 and not granted`,
        );
        return rows.length > 0;
      },
      10_000,
      'the second change to wait for the first',
    );
    expect((await allEvents(before)).items.filter((e) => e.data.id === a || e.data.id === b)).toEqual([]);
    release();
    await Promise.all([first, second]);
    const seen = (await allEvents(before)).items.filter((e) => e.data.id === a || e.data.id === b);
    expect(seen.map((e) => [e.data.id, e.type])).toEqual([
      [a, 'contact_change.applying'],
      [b, 'contact_change.decision'],
    ]);
  });
});

describe('an endpoint that failed until it was disabled, then enabled again', () => {
  const listed = async (id: string) => {
    const res = await h.request('GET', '/api/v1/admin/webhooks', { token: ADMIN_KEY });
    return (res.json() as { items: { id: string; disabled: boolean; disabledAt: string | null }[] }).items.find(
      (e) => e.id === id,
    );
  };
  const supportPage = async (changeId: string) => {
    const cookie = await h.signIn(await h.account('Sam', 'en', 'support'));
    const page = await h.app.inject({ method: 'GET', url: `/support/requests/${changeId}`, headers: { cookie } });
    return page.body.slice(page.body.indexOf('id="webhooks-heading"'));
  };
  let down: { id: string; secret: string };
  let url: string;
  let changeId: string;
  let givenUp: Received[];

  beforeAll(async () => {
    url = receiver.down(`down-${Date.now()}`);
    down = await endpoint({ url });
    const alice = await h.account('Alice');
    const bob = await h.account('Bob');
    const service = await h.service(alice);
    changeId = ((await h.change(alice, service.id, ['tech'], bob)).json() as { id: string }).id;
    const token = (to: TestAccount) =>
      h.email(to, (t) => t.includes(changeId)).then((e) => /#token=([A-Za-z0-9_-]+)/.exec(e.text)![1]!);
    const [aliceToken, bobToken] = await Promise.all([token(alice), token(bob)]);
    expect((await h.decide(changeId, 'accept', aliceToken)).statusCode).toBe(200);
    await waitFor(async () => (await listed(down.id))?.disabled, 60_000, `the endpoint disabled after ${RETRY_FOR}`);
    givenUp = receiver.about(changeId).filter((r) => WebhookReceiver.verifies(r, down.secret));
    // Bob's acceptance, then applying and done, come while it is disabled: nothing is sent.
    expect((await h.decide(changeId, 'accept', bobToken)).statusCode).toBe(200);
    await h.waitForState(changeId, alice, 'done');
    await waitFor(
      async () =>
        (await h.db.execute(sql`select 1 from events where change_id = ${changeId} and handed_over_at is null`))
          .length === 0,
      20_000,
      'the events handed over',
    );
  });

  it('is disabled once a delivery failed for the whole retry period, and support sees it', async () => {
    expect(givenUp.length).toBeGreaterThan(1);
    expect(new Set(givenUp.map((r) => r.answered))).toEqual(new Set([500]));
    expect(new Set(givenUp.map((r) => r.event.type))).toEqual(new Set(['contact_change.created']));
    expect(receiver.about(changeId).filter((r) => WebhookReceiver.verifies(r, down.secret))).toHaveLength(
      givenUp.length,
    );
    const shown = await listed(down.id);
    expect(shown?.disabledAt).toEqual(expect.any(String));
    expect(Date.now() - new Date(shown!.disabledAt!).getTime()).toBeLessThan(120_000);
    const webhooks = await supportPage(changeId);
    expect(webhooks).toContain('Endpoint disabled');
    expect(webhooks).toContain('failed');
    expect(webhooks).toContain('answered 500');
  });

  it('once enabled, gets what it missed, signed, in order, with the webhook-ids of the given-up attempts', async () => {
    receiver.fix(url);
    const res = await h.request('POST', `/api/v1/admin/webhooks/${down.id}/enable`, { token: ADMIN_KEY });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: down.id, url, disabled: false, disabledAt: null });
    expect(res.body).not.toContain('whsec_');
    expect(await listed(down.id)).toMatchObject({ disabled: false, disabledAt: null });
    const caughtUp = await waitFor(
      async () => {
        const got = receiver
          .about(changeId)
          .filter((r) => r.answered === 204 && WebhookReceiver.verifies(r, down.secret));
        return got.length >= 5 && got;
      },
      30_000,
      'the missed events',
    );
    expect(caughtUp.map((r) => r.event.type)).toEqual([
      'contact_change.created',
      'contact_change.decision',
      'contact_change.decision',
      'contact_change.applying',
      'contact_change.done',
    ]);
    expect(caughtUp[0]!.id).toBe(givenUp[0]!.id);
    expect(caughtUp[0]!.body).toBe(givenUp[0]!.body);
    const ids = caughtUp.map((r) => Number(r.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const rows = (await supportPage(changeId)).split('<tr class="webhook-delivery"').filter((r) => r.includes(url));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row).not.toContain('Endpoint disabled');
      expect(row).toContain('email-status good');
    }
  });

  it('enabling an enabled endpoint changes nothing, and an unknown one is not found', async () => {
    const before = receiver.about(changeId).length;
    const again = await h.request('POST', `/api/v1/admin/webhooks/${down.id}/enable`, { token: ADMIN_KEY });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: down.id, disabled: false, disabledAt: null });
    const unknown = await h.request('POST', '/api/v1/admin/webhooks/ep_nothing/enable', { token: ADMIN_KEY });
    expect(unknown.statusCode).toBe(404);
    expect((unknown.json() as { code: string }).code).toBe('notFound');
    // Were the deliveries sent again, they would have come within this.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(receiver.about(changeId)).toHaveLength(before);
  });
});

describe('rotating a secret', () => {
  it('signs with both the old and the new secret during the overlap', async () => {
    const made = await endpoint({ events: ['contact_change.created'] });
    const rotated = await h.request('POST', `/api/v1/admin/webhooks/${made.id}/rotate-secret`, { token: ADMIN_KEY });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret } = rotated.json() as { secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(made.secret);
    const alice = await h.account('Alice');
    const bob = await h.account('Bob');
    const service = await h.service(alice);
    const id = ((await h.change(alice, service.id, ['billing'], bob)).json() as { id: string }).id;
    const got: Received = await waitFor(
      async () => receiver.about(id).find((r) => WebhookReceiver.verifies(r, secret)),
      20_000,
      'a delivery signed with the new secret',
    );
    expect(WebhookReceiver.verifies(got, made.secret)).toBe(true);
    expect(got.signature.split(' ')).toHaveLength(2);
  });
});

describe('the admin API of events and webhooks', () => {
  it('needs the admin key, and says so as problem+json with a code', async () => {
    const customer = await h.account('Carol');
    for (const [method, url] of [
      ['GET', '/api/v1/admin/events'],
      ['GET', '/api/v1/admin/webhooks'],
      ['POST', '/api/v1/admin/webhooks'],
      ['DELETE', '/api/v1/admin/webhooks/ep_x'],
      ['POST', '/api/v1/admin/webhooks/ep_x/rotate-secret'],
      ['POST', '/api/v1/admin/webhooks/ep_x/enable'],
    ] as const) {
      for (const token of [undefined, customer.token]) {
        const res = await h.request(method, url, { token, body: { url: receiver.url } });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect((res.json() as { code: string }).code).toBe('unauthenticated');
      }
    }
  });

  it('refuses an address that is not http(s), and in production one on a private network', async () => {
    const res = await h.request('POST', '/api/v1/admin/webhooks', {
      token: ADMIN_KEY,
      body: { url: 'ftp://x.example/' },
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { code: string }).code).toBe('webhookUrlRefused');
    expect(webhookUrlRefusal('http://127.0.0.1:8080/', false)).not.toBeNull();
    expect(webhookUrlRefusal('https://10.1.2.3/', false)).not.toBeNull();
    expect(webhookUrlRefusal('http://[::1]/', false)).not.toBeNull();
    expect(webhookUrlRefusal('https://hooks.example.com/', false)).toBeNull();
  });

  it('are described in the OpenAPI document, with their schemas', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths['/api/v1/admin/events']!)).toEqual(['get']);
    expect(doc.paths['/api/v1/admin/events']!.get!.security).toEqual([{ admin: [] }]);
    expect(Object.keys(doc.paths['/api/v1/admin/webhooks']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/admin/webhooks']!.post!.responses['201']).toBeDefined();
    expect(doc.paths['/api/v1/admin/webhooks/{id}']!.delete).toBeDefined();
    expect(doc.paths['/api/v1/admin/webhooks/{id}/rotate-secret']!.post).toBeDefined();
    expect(doc.paths['/api/v1/admin/webhooks/{id}/enable']!.post).toBeDefined();
    expect(Object.keys(doc.components.schemas.Event!.properties!)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(Object.keys(doc.components.schemas.Webhook!.properties!)).toContain('url');
  });

  it('forgets an endpoint that is deleted', async () => {
    const made = await endpoint({});
    expect((await h.request('DELETE', `/api/v1/admin/webhooks/${made.id}`, { token: ADMIN_KEY })).statusCode).toBe(204);
    const listed = await h.request('GET', '/api/v1/admin/webhooks', { token: ADMIN_KEY });
    expect(listed.body).not.toContain(made.id);
    const again = await h.request('DELETE', `/api/v1/admin/webhooks/${made.id}`, { token: ADMIN_KEY });
    expect(again.statusCode).toBe(404);
    expect((again.json() as { code: string }).code).toBe('notFound');
  });
});
