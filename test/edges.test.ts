import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { QuietLogger } from '../runtime/workers.js';
import { startHarness, type Harness } from './support/harness.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'fr-BE,fr;q=0.9,en;q=0.5' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

describe('a method an address does not take', () => {
  it('is 405 with the methods it takes, as problem+json for the API and a page for a browser', async () => {
    const api = await h.app.inject({ method: 'PATCH', url: '/api/v1/services' });
    expect(api.statusCode).toBe(405);
    expect(api.headers.allow).toBe('GET, HEAD');
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.json()).toMatchObject({ code: 'methodNotAllowed', status: 405 });
    const one = await h.app.inject({ method: 'DELETE', url: '/api/v1/contact-changes/some-id' });
    expect(one.statusCode).toBe(405);
    expect(one.headers.allow).toBe('GET, HEAD');
    // QUERY (RFC 10008), without the Content-Type it would need, is a method the path does not take, not a 400.
    const query = await h.app.inject({ method: 'QUERY', url: '/api/v1/services' });
    expect(query.statusCode).toBe(405);
    expect(query.json()).toMatchObject({ code: 'methodNotAllowed' });
    // A path that does not exist stays a 404, whatever the method.
    expect((await h.app.inject({ method: 'PATCH', url: '/api/v1/nothing-here' })).statusCode).toBe(404);
    const page = await h.app.inject({ method: 'PUT', url: '/signin', headers: BROWSER });
    expect(page.statusCode).toBe(405);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Cette adresse n’accepte pas ce type de requête.');
  });
});

describe('an address that leads nowhere', () => {
  it('is a page in the browser’s language, not JSON', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/nope', headers: BROWSER });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('Il n’y a rien ici, ou rien que vous puissiez voir.');
    expect(res.body).not.toContain('"code"');
  });

  it('stays problem+json for the API, the documentation and scripts, even from a browser', async () => {
    for (const url of ['/api/v1/nope', '/docs/nope', '/webhooks/nope']) {
      const res = await h.app.inject({ method: 'GET', url, headers: BROWSER });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({ status: 404, code: 'notFound' });
    }
    const script = await h.app.inject({ method: 'GET', url: '/nope', headers: { accept: 'application/json' } });
    expect(script.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(script.json().code).toBe('notFound');
  });

  it('/favicon.ico, which browsers ask for by themselves, is an icon', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/favicon.ico', headers: { accept: 'image/*,*/*;q=0.8' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    expect([...res.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});

describe('the terminal', () => {
  const requestLines = (logs: string[]) =>
    logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => 'path' in entry || 'req' in entry);

  it('has no line per request at the default level', async () => {
    const before = h.logs.length;
    await h.app.inject({ method: 'GET', url: '/signin', headers: BROWSER });
    await h.app.inject({ method: 'GET', url: '/assets/style.css' });
    expect(requestLines(h.logs.slice(before))).toEqual([]);
  });

  it('has one line per request at LOG_LEVEL=debug, without the query string, and none for assets', async () => {
    const debug = await startHarness({ worker: false, env: { LOG_LEVEL: 'debug' } });
    try {
      await debug.app.inject({ method: 'GET', url: '/signin?next=/secret-looking', headers: BROWSER });
      await debug.app.inject({ method: 'GET', url: '/assets/style.css' });
      await debug.app.inject({ method: 'GET', url: '/favicon.ico' });
      const lines = requestLines(debug.logs);
      expect(lines).toEqual([expect.objectContaining({ method: 'GET', path: '/signin', status: 200, msg: 'request' })]);
      expect(debug.logs.join('\n')).not.toContain('secret-looking');
    } finally {
      await debug.close();
    }
  });
});

describe('the worker’s messages', () => {
  it('leave out the email worker’s known "No workflows registered", and only that', () => {
    const shown: string[] = [];
    const logger = new QuietLogger('WARN', (entry) => shown.push(entry.message));
    logger.warn('No workflows registered, not polling for workflow tasks', { taskQueue: 'countersign-email' });
    logger.warn('Activity failed');
    logger.info('Worker state changed');
    expect(shown).toEqual(['Activity failed']);
  });
});

describe('start-up settings', () => {
  const base = { DATA_DIR: '/tmp/countersign-edges-config', TOKEN_SECRET: 'edges-token-secret-0123456789-abcdefgh' };

  it('a TTL shorter than the default reminders starts, without them, and says so', () => {
    const config = loadConfig({ ...base, CHANGE_REQUEST_TTL: '20s' });
    expect(config.changeRequestTtlMs).toBe(20_000);
    expect(config.reminderAfterMs).toEqual([]);
    expect(config.warnings).toEqual([expect.stringMatching(/CHANGE_REQUEST_TTL=20s.*REMINDER_AFTER=2d,6d.*dropped/)]);
    // Between the two: the first default reminder stays.
    expect(loadConfig({ ...base, CHANGE_REQUEST_TTL: '3d' }).reminderAfterMs).toEqual([172_800_000]);
    expect(loadConfig(base).warnings).toBeUndefined();
  });

  it('a reminder chosen at or past the TTL is still an error naming both settings', () => {
    expect(() => loadConfig({ ...base, CHANGE_REQUEST_TTL: '20s', REMINDER_AFTER: '2d,6d' })).toThrow(
      /REMINDER_AFTER.*CHANGE_REQUEST_TTL.*REMINDER_AFTER=2d,6d, CHANGE_REQUEST_TTL=20s/,
    );
  });

  it('a mistake in the settings is a readable message on stderr, not a stack trace', () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'countersign-edges-'));
    const run = spawnSync(path.join(repoDir, 'node_modules/.bin/tsx'), [path.join(repoDir, 'server.ts')], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, CHANGE_REQUEST_TTL: 'a week', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT:');
    expect(run.stderr).toContain('CHANGE_REQUEST_TTL must be a duration such as 20s, 15m, 7d (got "a week")');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('ConfigError');
    expect(run.stdout).toBe('');
  });
});
