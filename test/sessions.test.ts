import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema.js';
import { tokenDigest } from '../domain/api-tokens.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { sessionCookie } from './support/profile-pages.js';

/** Web sessions: one per browser, ended after idling and after their lifetime, under a __Host- cookie on https. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

const signInWith = (app: Harness, account: TestAccount, cookie?: string) =>
  app.app.inject({
    method: 'POST',
    url: '/signin',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams({ handle: account.handle, password: TEST_PASSWORD }).toString(),
  });

/** Whether the cookie still signs anybody in: a signed-in page answers, or sends to the sign-in page. */
const signedIn = async (cookie: string, app = h) =>
  (await app.app.inject({ method: 'GET', url: '/services', headers: { cookie } })).statusCode === 200;

/** The session row of a cookie ("cs_session=…"). */
const idOf = (cookie: string) => tokenDigest(cookie.slice(cookie.indexOf('=') + 1));
const moveBack = (cookie: string, column: 'last_seen_at' | 'expires_at', by: string) =>
  h.db.execute(sql`update sessions set ${sql.identifier(column)} = now() - ${by}::interval where id = ${idOf(cookie)}`);
const lastSeen = async (cookie: string) =>
  (
    await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, idOf(cookie)))
  )[0]!.lastSeenAt;

describe('signing in again', () => {
  it('ends the session the browser had, for the same account or another one', async () => {
    const alice = await h.account('Alice');
    const first = await h.signIn(alice);
    const second = sessionCookie(await signInWith(h, alice, first))!;
    expect(second).not.toBe(first);
    expect(await signedIn(first)).toBe(false);
    expect(await signedIn(second)).toBe(true);

    const bob = await h.account('Bob');
    await h.signIn(bob);
    const third = sessionCookie(await signInWith(h, bob, second))!;
    expect(await signedIn(second)).toBe(false);
    expect(await signedIn(third)).toBe(true);
  });

  it('keeps other browsers signed in', async () => {
    const carla = await h.account('Carla');
    const laptop = await h.signIn(carla);
    const phone = sessionCookie(await signInWith(h, carla))!;
    expect(await signedIn(laptop)).toBe(true);
    expect(await signedIn(phone)).toBe(true);
  });
});

describe('a session', () => {
  it('ends after SESSION_IDLE_TIMEOUT (30 minutes) without use, and lives on while used', async () => {
    const dora = await h.account('Dora');
    const used = await h.signIn(dora);
    const idle = sessionCookie(await signInWith(h, dora))!;

    await moveBack(used, 'last_seen_at', '29 minutes');
    expect(await signedIn(used)).toBe(true);
    // Used now: its idle time starts again.
    expect((await lastSeen(used)).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await moveBack(idle, 'last_seen_at', '31 minutes');
    expect(await signedIn(idle)).toBe(false);
    expect(await signedIn(used)).toBe(true);
  });

  it('notes its use at most once a minute: page views are not writes', async () => {
    const cookie = await h.signIn(await h.account('Emil'));
    await moveBack(cookie, 'last_seen_at', '30 seconds');
    const before = await lastSeen(cookie);
    for (let i = 0; i < 3; i++) expect(await signedIn(cookie)).toBe(true);
    expect(await lastSeen(cookie)).toEqual(before);
  });

  it('ends SESSION_MAX_AGE (12 hours) after signing in, however busy; the cookie says as much', async () => {
    const fred = await h.account('Fred');
    await h.signIn(fred);
    const res = await signInWith(h, fred);
    const cookie = sessionCookie(res)!;
    const expires = /Expires=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    expect(Math.abs(new Date(expires).getTime() - (Date.now() + 12 * 3_600_000))).toBeLessThan(60_000);
    expect(await signedIn(cookie)).toBe(true);
    await moveBack(cookie, 'expires_at', '1 second');
    expect(await signedIn(cookie)).toBe(false);
  });

  it('is kept with the address and browser it signed in from', async () => {
    const gina = await h.account('Gina');
    await h.signIn(gina);
    const res = await h.app.inject({
      method: 'POST',
      url: '/signin',
      remoteAddress: '192.0.2.44',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      },
      payload: new URLSearchParams({ handle: gina.handle, password: TEST_PASSWORD }).toString(),
    });
    const [row] = await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, idOf(sessionCookie(res)!)));
    expect(row).toMatchObject({ ip: '192.0.2.44', userAgent: expect.stringContaining('Firefox/128.0') });
  });
});

describe('under an https PUBLIC_BASE_URL', () => {
  it('is the __Host-cs_session cookie: Secure, for the whole site, no Domain; a plain cs_session signs nobody in', async () => {
    const secure = await startHarness({ worker: false, env: { PUBLIC_BASE_URL: 'https://countersign.test' } });
    try {
      const hana = await secure.account('Hana');
      const cookie = await secure.signIn(hana);
      const res = await signInWith(secure, hana, cookie);
      const set = String([res.headers['set-cookie']].flat().find((c) => c?.startsWith('__Host-cs_session=')));
      expect(set).toMatch(/^__Host-cs_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
      expect(set).not.toMatch(/Domain=/i);
      const value = set.split(';')[0]!;
      expect(await signedIn(value, secure)).toBe(true);
      expect(await signedIn(value.replace('__Host-', ''), secure)).toBe(false);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await secure.close();
    }
  });
});
