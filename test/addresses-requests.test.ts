import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../runtime/ports.js';
import { findTemporalCli, startTemporalDevServer } from '../runtime/temporal.js';
import { addressCalls, fresh } from './support/addresses.js';
import { asParty, startHarness, type Harness } from './support/harness.js';
import { formPages } from './support/pages.js';

/**
 * A code never follows an address change: the requests that wait for a decision of the account whose address changes
 * end (aborted, "the contact's address changed"), and the former address is told; when they cannot be ended, the
 * address does not change.
 */

const repoDir = fileURLToPath(new URL('..', import.meta.url));
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get } = formPages(() => h, '/profile');
const { confirmLink, confirmByApi, moveTo } = addressCalls(() => h);

describe('a code never follows an address change', () => {
  it('a party’s confirmed address change aborts the pending request, says why, and tells the old address', async () => {
    const { alice, bob, id, bobToken } = await h.pending({ roles: ['tech'], alice: 'fr', bob: 'en' });
    await h.signIn(bob);
    const next = fresh('bob-new');
    expect((await moveTo(bob, next)).statusCode).toBe(202);

    const confirmed = await confirmByApi(await confirmLink(next));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ email: next, endedRequests: [id] });
    const request = await h.get(id, alice);
    expect(request.state).toBe('aborted');
    expect(request.timeline.find((e) => e.detail?.state === 'aborted')?.detail).toMatchObject({
      reason: "the contact's address changed",
      reasonCode: 'addressChanged',
    });
    expect((await h.decide(id, 'accept', bobToken)).statusCode).toBeGreaterThanOrEqual(400);

    // Bob's former address is told, with the request that ended.
    const told = await h.email(bob, (t) => t.includes('has been changed'));
    expect(told.text).toContain(next);
    expect(told.text).toContain(id);
    // Alice reads why in French, in her email and on the request's page.
    const why = "L'adresse e-mail de l'un des contacts a changé";
    expect((await h.email(alice, (t) => t.includes(id) && t.includes('annulée'))).text).toContain(why);
    const page = await get(`/requests/${id}`, await h.signIn(alice));
    expect(page.body).toContain(why.replace(/'/g, '&#39;'));
  });

  it('a plain contact’s address edited by its holder aborts the request it is party to, and tells the old address', async () => {
    const alice = await h.account('Alice');
    const service = await h.service(alice);
    const carl = await h.contact(alice, { firstName: 'Carl' });
    const change = await h.change(alice, service.id, ['billing'], asParty(carl));
    const id = change.json().id as string;
    await h.email(asParty(carl), (t) => t.includes(id));

    const next = fresh('carl-new');
    const res = await h.request('PUT', `/api/v1/contacts/${carl.id}`, {
      token: alice.token,
      body: { firstName: 'Carl', lastName: 'Contact', email: next, language: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe(next);
    expect((await h.get(id, alice)).state).toBe('aborted');
    const told = await h.email(asParty(carl), (t) => t.includes('has been changed'));
    expect(told.text).toContain(id);
    expect(told.text).toContain(`in the contact book of Alice`);
  });
});

describe('Temporal out of reach when the new address is confirmed', () => {
  it('changes nothing and says to try again; the same link works once Temporal is back', async () => {
    const cli = (await findTemporalCli({ configured: process.env.TEMPORAL_CLI, repoDir }))!;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-temporal-'));
    const port = await freePort();
    const serve = () => startTemporalDevServer({ cli, port, uiPort: null, dbFile: path.join(dir, 'temporal.db') });
    let temporal = await serve();
    const own = await startHarness({ temporalAddress: temporal.address });
    try {
      const { alice, bob, id } = await own.pending({ roles: ['tech'] });
      await own.signIn(bob);
      const calls = addressCalls(() => own);
      const next = fresh('bob-later');
      expect((await calls.moveTo(bob, next)).statusCode).toBe(202);
      const link = await calls.confirmLink(next);
      const confirm = () => calls.confirmByApi(link);

      await temporal.stop();
      const refused = await confirm();
      expect(refused.statusCode).toBe(503);
      expect(refused.json().detail).toMatch(/address was not changed\. Try again/);
      expect(await calls.profileOf(bob)).toMatchObject({ email: bob.email, pendingEmail: next });
      expect((await own.get(id, alice)).state).toBe('validatingByCustomers');

      temporal = await serve();
      const done = await confirm();
      expect(done.json()).toEqual({ email: next, endedRequests: [id] });
      expect((await own.get(id, alice)).state).toBe('aborted');
    } finally {
      await own.close();
      await temporal.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
