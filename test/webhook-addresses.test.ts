import { eq } from 'drizzle-orm';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAddressRefusal } from '../changes/webhook-address.js';
import { webhookEndpoints } from '../db/schema.js';
import { isPrivateHost } from '../domain/webhook-urls.js';
import { ADMIN_KEY, startHarness, waitFor, type Harness } from './support/harness.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

/**
 * In production, a webhook address whose host name resolves to this machine or a private network is refused when it
 * is added, and each delivery to it fails without connecting (its DNS lookup, made as it connects, refuses the
 * address), since a name may be pointed there later. This machine's
 * own name resolves to one (to 127.0.0.1 here, as /etc/hosts says), and the receiver listens there.
 */

let h: Harness;
let receiver: WebhookReceiver;
const endpoints: string[] = [];
beforeAll(async () => {
  [h, receiver] = await Promise.all([
    startHarness({
      env: { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://countersign.test', TWO_STEP_FOR_SUPPORT: 'optional' },
    }),
    new WebhookReceiver().start(),
  ]);
});
afterAll(async () => {
  for (const id of endpoints) await h?.request('DELETE', `/api/v1/admin/webhooks/${id}`, { token: ADMIN_KEY });
  await Promise.all([h?.close(), receiver?.stop()]);
});

/** The receiver's address under this machine's name instead of 127.0.0.1, and the private address it resolves to. */
async function named(): Promise<{ url: string; address: string }> {
  const name = hostname();
  const addresses = await lookup(name, { all: true, verbatim: true });
  const address = addresses.find((a) => isPrivateHost(a.address))?.address;
  expect(address, `${name} resolves to ${JSON.stringify(addresses)}`).toBeDefined();
  const url = new URL(receiver.url);
  url.hostname = name;
  return { url: `${url.href}/named`, address: address! };
}

describe('a webhook address whose name resolves to a private address, in production', () => {
  it('is refused when added, and saying why', async () => {
    const { url, address } = await named();
    const res = await h.request('POST', '/api/v1/admin/webhooks', { token: ADMIN_KEY, body: { url } });
    expect(res.statusCode, res.body).toBe(422);
    const problem = res.json() as { code: string; detail: string };
    expect(problem.code).toBe('webhookUrlRefused');
    expect(problem.detail).toContain(`${hostname()} resolves to ${address}`);
    expect(await webhookAddressRefusal(url, true)).toBeNull();
    expect(await webhookAddressRefusal('http://localhost:8080/', false)).not.toBeNull();
    expect(await webhookAddressRefusal('https://hooks.countersign.invalid/', false)).toBeNull();
  });

  it('gets no delivery once its name points there, and support sees why each attempt failed', async () => {
    // Added while its name did not resolve, then pointed at this machine.
    const made = await h.request('POST', '/api/v1/admin/webhooks', {
      token: ADMIN_KEY,
      body: { url: 'https://hooks.countersign.invalid/named', events: ['contact_change.created'] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json() as { id: string };
    endpoints.push(id);
    const { url, address } = await named();
    await h.db.update(webhookEndpoints).set({ url }).where(eq(webhookEndpoints.id, id));
    const alice = await h.account('Alice');
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['tech'], await h.account('Bob'));
    expect(created.statusCode, created.body).toBe(201);
    const changeId = (created.json() as { id: string }).id;
    const cookie = await h.signIn(await h.account('Sam', 'en', 'support'));
    const webhooks = await waitFor(
      async () => {
        const page = await h.app.inject({ method: 'GET', url: `/support/requests/${changeId}`, headers: { cookie } });
        const section = page.body.slice(page.body.indexOf('id="webhooks-heading"'));
        return section.includes('resolves to') && section;
      },
      20_000,
      'a refused attempt',
    );
    expect(webhooks).toContain(`${hostname()} resolves to ${address}`);
    expect(receiver.about(changeId)).toEqual([]);
  });
});
