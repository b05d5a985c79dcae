import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvents, accounts } from '../db/schema.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { sessionCookie } from './support/profile-pages.js';

/** Guessing an account's password: each account (and each unknown handle) is throttled, whatever the address. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let next = 0;
/** A sign-in from an address of its own, as a botnet (or a forged X-Forwarded-For) would send it. */
const attempt = (handle: string, password: string, lang = 'en') => {
  next += 1;
  return h.app.inject({
    method: 'POST',
    url: '/signin',
    remoteAddress: `198.18.${Math.floor(next / 250) % 250}.${(next % 250) + 1}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': lang,
      'x-forwarded-for': `203.0.113.${next % 250}`,
    },
    payload: new URLSearchParams({ handle, password }).toString(),
  });
};

const alertOf = (body: string) => /role="alert" id="signin-error">([^<]*)</.exec(body)?.[1];

async function withPassword(name: string, language: 'fr' | 'en' | 'nl' = 'en'): Promise<TestAccount> {
  const account = await h.account(name, language);
  await h.signIn(account);
  return account;
}

const events = (account: TestAccount, type: string) =>
  h.db
    .select()
    .from(accountEvents)
    .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.type, type)))
    .orderBy(accountEvents.id);

/** The wait is over: as if its time had passed. */
const endWait = (account: TestAccount) =>
  h.db
    .update(accounts)
    .set({ signInBlockedUntil: new Date(Date.now() - 1000) })
    .where(eq(accounts.id, account.id));

describe('wrong passwords for one account', () => {
  it('from 40 addresses: the account waits, the right password is refused meanwhile, and one notice is sent', async () => {
    const victim = await withPassword('Victor', 'fr');
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await attempt(victim.handle, `guess-${i}`, 'fr'));
    expect(answers.slice(0, 5).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5).every((r) => r.statusCode === 429)).toBe(true);
    expect(alertOf(answers[5]!.body)).toMatch(/Attendez 30\ssecondes avant de réessayer/);
    expect(answers[5]!.headers['retry-after']).toBe('30');

    const right = await attempt(victim.handle, TEST_PASSWORD, 'fr');
    expect(right.statusCode).toBe(429);
    expect(sessionCookie(right)).toBeUndefined();

    // Six passwords were checked; the others were refused unchecked, and recorded nowhere.
    expect(await events(victim, 'signInFailed')).toHaveLength(6);
    const [throttled] = await events(victim, 'signInThrottled');
    expect(throttled).toMatchObject({
      detail: { failures: 6, waitSeconds: 30 },
      ip: expect.stringMatching(/^198\.18\./),
    });

    const notice = await h.email(victim, (t) => t.includes('mauvais mot de passe'));
    expect(notice.subject).toBe('Des mots de passe erronés ont été essayés sur votre compte');
    expect(notice.text).toContain(`votre compte ${victim.handle} avec un mauvais mot de passe 6 fois de suite`);
    expect(notice.text).toContain(`depuis l'adresse ${throttled!.ip}`);
    expect(notice.text).toContain('http://countersign.test/profile?lang=fr#password');
    expect(notice.text).not.toMatch(/guess-|test-password/);
  });

  it('makes each further failure wait twice as long; the right password after the wait ends the streak', async () => {
    const victim = await withPassword('Wanda');
    for (let i = 0; i < 6; i++) await attempt(victim.handle, 'wrong-wrong');
    await endWait(victim);
    const seventh = await attempt(victim.handle, 'wrong-again');
    expect(seventh.statusCode).toBe(429);
    expect(alertOf(seventh.body)).toContain('Wait 1 minute before trying again');
    await endWait(victim);
    const eighth = await attempt(victim.handle, 'wrong-again');
    expect(alertOf(eighth.body)).toContain('Wait 2 minutes');

    await endWait(victim);
    const right = await attempt(victim.handle, TEST_PASSWORD);
    expect(right.statusCode).toBe(303);
    expect(sessionCookie(right)).toMatch(/^cs_session=/);
    // A new streak: five free mistakes again.
    const after = [];
    for (let i = 0; i < 5; i++) after.push((await attempt(victim.handle, 'typo-typo')).statusCode);
    expect(after).toEqual([401, 401, 401, 401, 401]);
    // One notice for the first streak only.
    await h.email(victim, (t) => t.includes('wrong password'));
    expect(h.resend.to(victim.email)).toHaveLength(1);
  });

  it('counts attempts made at the same moment one by one: none dodges the count', async () => {
    const victim = await withPassword('Xavier');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(victim.handle, `burst-${i}`)));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await events(victim, 'signInFailed')).toHaveLength(6);
    expect(await events(victim, 'signInThrottled')).toHaveLength(1);
  });

  it('records a sign-in with where it came from', async () => {
    const account = await withPassword('Yann');
    const res = await attempt(account.handle, TEST_PASSWORD);
    expect(res.statusCode).toBe(303);
    const signedIn = await events(account, 'signedIn');
    // The address the socket came from: X-Forwarded-For decides nothing without TRUST_PROXY.
    expect(signedIn.at(-1)).toMatchObject({ ip: expect.stringMatching(/^198\.18\./), userAgent: 'lightMyRequest' });
  });
});

describe('a handle no account has', () => {
  it('is throttled alike: the answers do not tell whether the account exists', async () => {
    const real = await withPassword('Zoe');
    const ghost = `gh${real.handle.slice(2)}`;
    const said = async (handle: string) => {
      const out = [];
      for (let i = 0; i < 8; i++) {
        const res = await attempt(handle, `guess-${i}`);
        out.push([res.statusCode, alertOf(res.body), res.headers['retry-after']]);
      }
      return out;
    };
    // The wait counts down while the attempts are made (a second may pass between two of them under load), so the
    // seconds are compared apart: within the 30 the lock lasts, never more.
    const seconds = (out: Awaited<ReturnType<typeof said>>) =>
      out.map(([status, alert, retryAfter]) => [status, String(alert).replace(/\d+/, 'N'), retryAfter === undefined]);
    const forReal = await said(real.handle);
    const forGhost = await said(ghost);
    expect(seconds(forGhost)).toEqual(seconds(forReal));
    expect(forGhost.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    for (const [, alert, retryAfter] of [...forReal.slice(5), ...forGhost.slice(5)]) {
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(25);
      expect(Number(retryAfter)).toBeLessThanOrEqual(30);
      expect(alert).toContain(`Wait ${String(retryAfter)} seconds`);
    }
  });
});
