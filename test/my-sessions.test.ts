import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvents } from '../db/schema.js';
import { tokenDigest } from '../domain/api-tokens.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { formPages, withFlash } from './support/pages.js';
import { sessionCookie } from './support/profile-pages.js';

/** "My sessions": where one is signed in, in the API and on a page; signing one out, or every other one. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

const { get, post } = formPages(() => h, '/account/sessions');

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Signs in from a browser of its own; its cookie. */
async function browser(account: TestAccount, userAgent: string, ip: string): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/signin',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
    payload: new URLSearchParams({ handle: account.handle, password: TEST_PASSWORD }).toString(),
  });
  return sessionCookie(res)!;
}

const signedIn = async (cookie: string) => (await get('/services', cookie)).statusCode === 200;
const list = async (account: TestAccount) =>
  (await h.request('GET', '/api/v1/sessions', { token: account.token })).json().items as Record<string, unknown>[];

async function twoBrowsers(name: string, language: 'fr' | 'en' | 'nl' = 'en') {
  const account = await h.account(name, language);
  await h.signIn(account);
  await h.request('DELETE', '/api/v1/sessions', { token: account.token });
  const laptop = await browser(account, FIREFOX, '192.0.2.10');
  const phone = await browser(account, SAFARI, '198.51.100.20');
  return { account, laptop, phone };
}

describe('GET /api/v1/sessions', () => {
  it("lists the account's web sessions, where and when each signed in, under ids that are not what is stored", async () => {
    const { account, laptop, phone } = await twoBrowsers('Ines');
    const items = await list(account);
    expect(items).toHaveLength(2);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ip: '192.0.2.10', browser: 'Firefox', system: 'Windows', userAgent: FIREFOX }),
        expect.objectContaining({ ip: '198.51.100.20', browser: 'Safari', system: 'iPhone' }),
      ]),
    );
    for (const item of items) {
      expect(item.signedInAt).toEqual(expect.any(String));
      expect(item.lastActiveAt).toEqual(expect.any(String));
      expect(item.id).toMatch(/^[\w-]{22}$/);
      expect([tokenDigest(laptop.split('=')[1]!), tokenDigest(phone.split('=')[1]!)]).not.toContain(item.id);
    }
    expect((await h.request('GET', '/api/v1/sessions')).statusCode).toBe(401);
  });

  it('signs one out by its id, and none of another account', async () => {
    const { account, laptop, phone } = await twoBrowsers('Jules');
    const other = await h.account('Kim');
    const phoneId = (await list(account)).find((s) => s.browser === 'Safari')!.id as string;

    const foreign = await h.request('DELETE', `/api/v1/sessions/${phoneId}`, { token: other.token });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('notFound');
    expect(await signedIn(phone)).toBe(true);

    expect((await h.request('DELETE', `/api/v1/sessions/${phoneId}`, { token: account.token })).statusCode).toBe(204);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(true);
    expect((await h.request('DELETE', `/api/v1/sessions/${phoneId}`, { token: account.token })).statusCode).toBe(404);
  });

  it('signs them all out with DELETE /api/v1/sessions, and records it', async () => {
    const { account, laptop, phone } = await twoBrowsers('Lena');
    const res = await h.request('DELETE', '/api/v1/sessions', { token: account.token });
    expect(res.json()).toEqual({ ended: 2 });
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(phone)).toBe(false);
    const ended = await h.db
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.type, 'sessionEnded')))
      .orderBy(accountEvents.id);
    expect(ended.at(-1)?.detail).toEqual({ sessions: 2, how: 'endedAll' });
  });
});

describe('the My sessions page', () => {
  it('shows each session in a few words, this one marked, in the reader’s language; linked from the profile', async () => {
    const { laptop } = await twoBrowsers('Marc', 'fr');
    const page = await get('/account/sessions', laptop);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Mes sessions</h1>');
    expect(page.body).toMatch(
      /<tr aria-current="true">\s*<td[^>]*>Firefox sous Windows <span class="badge done">Ce navigateur/,
    );
    expect(page.body).toMatch(/<td[^>]*>Safari sous iPhone<\/td>/);
    expect(page.body).toMatch(/<td[^>]*>198\.51\.100\.20<\/td>/);
    expect(page.body).toContain('Me déconnecter partout ailleurs');
    expect((await get('/profile', laptop)).body).toContain('<a href="/account/sessions">');
    expect((await get('/account/sessions')).headers.location).toBe('/signin?next=%2Faccount%2Fsessions');
  });

  it('signs out everywhere else, keeping this browser', async () => {
    const { account, laptop, phone } = await twoBrowsers('Nora');
    const other = await browser(account, FIREFOX, '203.0.113.9');
    const res = await post('/account/sessions/end-others', laptop);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sessions');
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(laptop)).toBe(true);
    expect((await get(res.headers.location!, withFlash(laptop, res))).body).toContain(
      'Every other session is signed out.',
    );
  });

  it('signs one out, or this one (which signs out here), and never without the form’s CSRF field', async () => {
    const { account, laptop, phone } = await twoBrowsers('Otto');
    const ids = await list(account);
    const phoneId = ids.find((s) => s.browser === 'Safari')!.id as string;
    const laptopId = ids.find((s) => s.browser === 'Firefox')!.id as string;

    const forged = await post(`/account/sessions/${phoneId}/end`, laptop, {}, 'forged');
    expect(forged.statusCode).toBe(403);
    expect(await signedIn(phone)).toBe(true);

    const ended = await post(`/account/sessions/${phoneId}/end`, laptop);
    expect(ended.headers.location).toBe('/account/sessions');
    expect((await get('/account/sessions', withFlash(laptop, ended))).body).toContain('role="status" id="flash"');
    expect(await signedIn(phone)).toBe(false);

    const self = await post(`/account/sessions/${laptopId}/end`, laptop);
    expect(self.headers.location).toBe('/signin');
    expect(String(self.headers['set-cookie'])).toMatch(/^cs_session=;/);
    expect(await signedIn(laptop)).toBe(false);
  });
});
