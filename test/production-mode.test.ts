import { nanoid } from 'nanoid';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_PASSWORD } from '../db/demo-seed.js';
import { prepareDatabase } from '../runtime/processes.js';
import { startHarness, type Harness } from './support/harness.js';

/** What `npm start` and the server do outside development: no demo accounts, no mailbox, security headers. */

const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
const databases: string[] = [];
const started: Harness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
  for (const name of databases) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

/** A database of its own, empty, as a first start finds it. */
async function emptyDatabase(): Promise<string> {
  const name = `fresh_${nanoid(8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  await admin.unsafe(`create database "${name}"`);
  databases.push(name);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

const settings = (env: string, databaseUrl: string) =>
  loadConfig({
    NODE_ENV: env,
    DATABASE_URL: databaseUrl,
    TOKEN_SECRET: 'production-token-secret-0123456789-abcdef',
    RESEND_API_KEY: 're_production',
  });

const countAccounts = async (databaseUrl: string) => {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ count: number }[]>`select count(*)::int as count from accounts`;
    return row!.count;
  } finally {
    await sql.end();
  }
};

describe('starting in production', () => {
  it('seeds no demo account: nobody signs in with the printed password; development still gets its demo', async () => {
    const production = await emptyDatabase();
    expect(await prepareDatabase(settings('production', production), production)).toEqual([]);
    expect(await countAccounts(production)).toBe(0);

    const h = await startHarness({
      worker: false,
      databaseUrl: production,
      env: { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://countersign.test' },
    });
    started.push(h);
    const demo = await h.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ handle: 'am1234-cs', password: DEMO_PASSWORD }).toString(),
    });
    expect(demo.statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode).toBe(404);

    const development = await emptyDatabase();
    const seeded = await prepareDatabase(settings('development', development), development);
    expect(seeded.map((a) => a.handle)).toContain('am1234-cs');
  });

  it('sends HSTS and nosniff with every answer under https: pages, JSON, problems, assets, malformed URLs', async () => {
    const h = await startHarness({ worker: false, env: { PUBLIC_BASE_URL: 'https://countersign.test' } });
    started.push(h);
    const account = await h.account('Hugo');
    const answers = await Promise.all(
      [
        { url: '/signin' },
        { url: '/services' },
        { url: '/api/v1/services', headers: { authorization: `Bearer ${account.token}` } },
        { url: '/api/v1/services' },
        { url: '/api/v1/%E0%A4%A' },
        { url: '/requests/%E0%A4%A' },
        { url: '/nothing-here' },
        { url: '/assets/style.css' },
        { url: '/healthz' },
      ].map((r) => h.app.inject({ method: 'GET', ...r })),
    );
    for (const res of answers) {
      const what = `${res.statusCode} ${res.headers['content-type']}`;
      expect(res.headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    }
    expect(answers.map((r) => r.statusCode)).toEqual([200, 303, 200, 401, 400, 400, 404, 200, 200]);
  });
});

describe('the development mailbox', () => {
  it('is off in development when the server listens beyond this machine (HOST=0.0.0.0)', async () => {
    const h = await startHarness({ worker: false, devMailbox: true, env: { HOST: '0.0.0.0' } });
    started.push(h);
    expect(h.config.env).toBe('development');
    expect((await h.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode).toBe(404);
    const page = await h.app.inject({ method: 'GET', url: '/signin' });
    expect(page.body).not.toContain('/dev/mailbox');
  });

  it('is off outside development, provider or not', async () => {
    const h = await startHarness({ worker: false, devMailbox: true, env: { NODE_ENV: 'test' } });
    started.push(h);
    expect((await h.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode).toBe(404);
  });
});
