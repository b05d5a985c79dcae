import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registrar } from '../examples/registrar/registrar.js';
import { tokenIn } from './support/fake-resend.js';
import { ADMIN_KEY, startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';

/**
 * The example registrar (examples/registrar/), run as the README walks through it: it loads its customers and domains,
 * registers its webhook, answers the check, and applies the changes of its domains (PROVIDER_APPLIES=domain).
 */

const CHECK_SECRET = `whsec_${Buffer.from('example-registrar-check-secret!!').toString('base64')}`;
let h: Harness;
let registrar: Registrar;

beforeAll(async () => {
  const dataFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'registrar-')), 'table.json');
  await copyFile(new URL('../examples/registrar/table.example.json', import.meta.url), dataFile);
  registrar = await new Registrar({
    countersignUrl: '',
    adminKey: ADMIN_KEY,
    checkSecret: CHECK_SECRET,
    dataFile,
    port: 0,
  }).start();
  h = await startHarness({
    listen: true,
    env: { PROVIDER_APPLIES: 'domain', CHECK_URL: `${registrar.url}/check`, CHECK_SECRET },
  });
  registrar.options.countersignUrl = h.config.publicBaseUrl;
});
afterAll(async () => {
  // Other test files' requests share the database, and so the endpoint: it goes with the registrar.
  await registrar?.unsubscribe();
  await h?.close();
  await registrar?.stop();
});

/** A customer the registrar loaded, with an API token of its own. */
async function customer(externalId: string): Promise<TestAccount> {
  const found = (
    await h.request('GET', `/api/v1/admin/accounts/external/${externalId}`, { token: ADMIN_KEY })
  ).json() as {
    id: string;
    handle: string;
    email: string;
  };
  const issued = await h.request('POST', `/api/v1/admin/accounts/${found.id}/api-tokens`, {
    token: ADMIN_KEY,
    body: {},
  });
  return { ...found, token: (issued.json() as { token: string }).token };
}

const serviceId = async (externalId: string) =>
  (
    (await h.request('GET', `/api/v1/admin/services/external/${externalId}`, { token: ADMIN_KEY })).json() as {
      id: string;
    }
  ).id;

async function acceptBoth(id: string, from: TestAccount, to: TestAccount) {
  for (const party of [from, to]) {
    const res = await h.decide(id, 'accept', tokenIn(await h.email(party, (t) => t.includes(id))));
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('the example registrar', () => {
  it('loads its customers and domains, and loading them again changes nothing', async () => {
    expect(await registrar.load()).toMatchObject({ created: 5, failed: 0 });
    expect(await registrar.load()).toMatchObject({ created: 0, updated: 0, unchanged: 5, failed: 0 });
    await registrar.subscribe();
    expect(registrar.table.webhook?.secret).toMatch(/^whsec_/);
  });

  it('refuses in its check a change on a domain with an unpaid invoice, saying which', async () => {
    const pieter = await customer('CUST-1002');
    const res = await h.request('POST', `/api/v1/services/${await serviceId('DOM-502')}/contact-changes`, {
      token: pieter.token,
      body: { roles: ['tech'], to: 'ak1003-reg' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'refusedByProvider', detail: expect.stringContaining('INV-2041') });
  });

  it('applies an accepted change in its own table, then Countersign says done', async () => {
    const [jeanne, amy] = [await customer('CUST-1001'), await customer('CUST-1003')];
    const created = await h.request('POST', `/api/v1/services/${await serviceId('DOM-501')}/contact-changes`, {
      token: jeanne.token,
      body: { roles: ['tech'], to: amy.handle },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    await acceptBoth(id, jeanne, amy);
    await h.waitForState(id, jeanne, 'done');
    expect(registrar.table.domains.find((d) => d.id === 'DOM-501')!.contacts.tech).toBe('CUST-1003');
    expect(registrar.table.journal).toContainEqual(`contact_change.applying ${id}`);
  });

  it('tells Countersign it failed when the registry refuses, and the request ends in error with why', async () => {
    const [jeanne, pieter] = [await customer('CUST-1001'), await customer('CUST-1002')];
    registrar.table.domains.find((d) => d.id === 'DOM-501')!.registryLock = true;
    const created = await h.request('POST', `/api/v1/services/${await serviceId('DOM-501')}/contact-changes`, {
      token: jeanne.token,
      body: { roles: ['billing'], to: pieter.handle },
    });
    const id = (created.json() as { id: string }).id;
    await acceptBoth(id, jeanne, pieter);
    const ended = await h.waitForState(id, jeanne, 'error');
    expect(ended).toMatchObject({ endReason: expect.stringContaining('the domain is locked') });
    expect(registrar.table.domains.find((d) => d.id === 'DOM-501')!.contacts.billing).toBe('CUST-1001');
    await waitFor(
      async () => registrar.table.journal.some((l) => l === `contact_change.error ${id}`),
      20_000,
      'the error event',
    );
  });
});
