import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDb, runMigrations } from '../db/client.js';
import { freePort } from '../runtime/ports.js';
import { startEmbeddedPostgres } from '../runtime/postgres.js';
import { findTemporalCli, startTemporalDevServer } from '../runtime/temporal.js';
import { invitationLink, startHarness, waitFor } from './support/harness.js';

const repoDir = fileURLToPath(new URL('..', import.meta.url));

describe('Temporal restarted in the middle of a request', () => {
  it('the API answers 503 meanwhile, and no request or decision is lost', async () => {
    const cli = (await findTemporalCli({ configured: process.env.TEMPORAL_CLI, repoDir }))!;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-temporal-'));
    const port = await freePort();
    const serve = () => startTemporalDevServer({ cli, port, uiPort: null, dbFile: path.join(dir, 'temporal.db') });
    let temporal = await serve();
    const h = await startHarness({ temporalAddress: temporal.address });
    try {
      const { id, aliceToken, bobToken, alice } = await h.pending();
      expect((await h.decide(id, 'accept', aliceToken)).statusCode).toBe(200);
      const invitee = await h.contact(alice);
      await h.request('POST', `/api/v1/contacts/${invitee.id}/invitation`, {
        token: alice.token,
        body: { permissions: ['profile'] },
      });
      const firstLink = invitationLink(await h.email({ ...invitee, token: '' }, (t) => t.includes('/invitations/')));

      await temporal.stop();
      // A new link cannot go out: the invitation stays as it was, and its first link keeps working.
      const resend = await h.request('POST', `/api/v1/contacts/${invitee.id}/invitation`, {
        token: alice.token,
        body: { permissions: ['contacts'] },
      });
      expect(resend.statusCode).toBe(503);
      const kept = (await h.request('GET', `/api/v1/contacts/${invitee.id}`, { token: alice.token })).json();
      expect(kept.access).toMatchObject({ status: 'invited', permissions: ['profile'] });
      expect(kept.access.invitationExpiresAt).not.toBeNull();
      const during = await h.decide(id, 'accept', bobToken);
      expect(during.statusCode).toBe(503);
      expect(during.headers['content-type']).toMatch(/problem\+json/);
      expect(during.json().detail).toMatch(/try again/i);
      expect((await h.request('GET', '/healthz')).statusCode).toBe(503);
      expect((await h.get(id, alice)).state).toBe('validatingByCustomers');

      temporal = await serve();
      const after = await h.decide(id, 'accept', bobToken);
      expect(after.json().state).toBe('done');
      const accepted = await h.request('POST', `/api/v1/invitations/${firstLink.id}/accept`, {
        body: { token: firstLink.token, password: 'a-password-long-enough' },
      });
      expect(accepted.statusCode).toBe(200);
    } finally {
      await h.close();
      await temporal.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL restarted in the middle of a request', () => {
  it('the API answers 503 meanwhile; the workflow waits, then commits once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-pg-'));
    const port = await freePort();
    const serve = () => startEmbeddedPostgres({ dataDir: dir, port });
    let pg = await serve();
    await runMigrations(pg.url);
    const h = await startHarness({ databaseUrl: pg.url });
    try {
      const { id, aliceToken, bobToken, alice, bob } = await h.pending();
      expect((await h.decide(id, 'accept', aliceToken)).statusCode).toBe(200);

      await pg.stop();
      for (const res of [
        await h.decide(id, 'accept', bobToken),
        await h.request('GET', '/api/v1/contact-changes', { token: alice.token }),
      ]) {
        expect(res.statusCode).toBe(503);
        expect(res.json().title).toBe('Temporarily unavailable');
      }
      expect((await h.request('GET', '/healthz')).json()).toMatchObject({ status: 'unavailable', temporal: 'ok' });

      pg = await serve();
      expect((await h.decide(id, 'accept', bobToken)).json().state).toBe('done');
      const change = await h.get(id, alice);
      expect(change.timeline.filter((e) => e.type === 'state' && e.detail?.state === 'done')).toHaveLength(1);
      await h.email(bob, (t) => t.includes(id) && /effective/.test(t));
    } finally {
      await h.close();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a PostgreSQL connection cut under a query (its backend terminated, as a restart does)', () => {
  it('in a transaction: fails that transaction alone; the API server lives on and answers the next request', async () => {
    const h = await startHarness({ worker: false });
    const crashes: unknown[] = [];
    const crashed = (err: unknown) => {
      crashes.push(err);
    };
    process.on('uncaughtException', crashed);
    try {
      const alice = await h.account('Alice', 'en');
      // A transaction of the API server's own pool is under way when its backend is terminated (as when PostgreSQL
      // restarts or an administrator ends the session): the driver then rolls back on a connection already gone.
      let pid: number | undefined;
      const cut = h.app.ctx.db.transaction(async (tx) => {
        pid = (await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`))[0]!.pid;
        await tx.execute(sql`select pg_sleep(10)`);
      });
      const outcome = cut.then(
        () => 'committed',
        (err: Error) => err.message,
      );
      await waitFor(async () => pid, 10_000, 'the transaction to start');
      await h.db.execute(sql`select pg_terminate_backend(${pid})`);
      expect(await outcome).toMatch(/CONNECTION_CLOSED/);
      await sleep(200);
      expect(crashes).toEqual([]);
      const listed = await h.request('GET', '/api/v1/contact-changes', { token: alice.token });
      expect(listed.statusCode, listed.body).toBe(200);
    } finally {
      process.off('uncaughtException', crashed);
      await h.close();
    }
  });

  it('leaves nothing behind on the connection: the next query on it is answered, not failed with the old error', async () => {
    // One connection, so that the next query reconnects the very connection that was cut (as PostgreSQL's restart
    // cuts every connection of a pool, each ending its query with "terminating connection due to administrator
    // command").
    const database = createDb(inject('databaseUrl'), { max: 1 });
    const other = createDb(inject('databaseUrl'), { max: 1 });
    try {
      const [{ pid }] = await database.sql<[{ pid: number }]>`select pg_backend_pid() as pid`;
      const cut = database.sql`select pg_sleep(10)`.then(
        () => 'answered',
        (err: Error) => err.message,
      );
      await waitFor(
        async () =>
          (await other.sql`select 1 from pg_stat_activity where pid = ${pid} and query like '%pg_sleep%'`).length > 0,
        10_000,
        'the query to run',
      );
      await other.sql`select pg_terminate_backend(${pid})`;
      expect(await cut).toMatch(/CONNECTION_CLOSED/);
      expect(await database.sql`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
      await other.close();
    }
  });
});
