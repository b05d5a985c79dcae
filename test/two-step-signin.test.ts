import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { activityOf, appCode, enrol, nextAppCode } from './support/two-step.js';

/** Signing in with two-step, as a browser (or an attacker who knows the password) sends it. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

const form = (fields: Record<string, string>, cookie?: string) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  payload: new URLSearchParams(fields).toString(),
});
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie']]
    .flat()
    .map(String)
    .find((c) => c.startsWith('cs_session='));
const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** An account with two-step on (and a password): its key and recovery codes. */
async function enrolled(name: string) {
  const who = await h.account(name);
  await h.signIn(who);
  return { who, ...(await enrol(h, who)) };
}

/** The password step: the answer, and the cookie of the session it opened. */
async function password(who: TestAccount, next = '/services') {
  const res = await h.app.inject({
    method: 'POST',
    url: '/signin',
    ...form({ handle: who.handle, password: TEST_PASSWORD, next }),
  });
  return { res, cookie: cookieOf(res)!.split(';')[0]! };
}

const secondStep = (cookie: string, code: string, next = '/services') =>
  h.app.inject({ method: 'POST', url: '/signin/two-step', ...form({ code, next }, cookie) });

describe('signing in with two-step', () => {
  it('the password alone opens a short session that signs nobody in and asks for the code; the code signs in under a new cookie', async () => {
    const { who, secret } = await enrolled('Alice');
    const { res, cookie } = await password(who, '/requests');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signin/two-step?next=%2Frequests');
    // Minutes, not days.
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookieOf(res)!)![1]!);
    expect(expires - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    for (const page of ['/requests', '/profile', '/account/two-step']) {
      const refused = await get(page, cookie);
      expect(refused.statusCode, page).toBe(303);
      expect(refused.headers.location).toBe(`/signin?next=${encodeURIComponent(page)}`);
    }
    const asked = await get('/signin/two-step?next=%2Frequests', cookie);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toMatch(/<input id="code" name="code" autocomplete="one-time-code"/);
    expect(asked.body).toContain('<input type="hidden" name="next" value="/requests">');
    expect((await get('/signin/two-step?next=%2Frequests')).headers.location).toBe('/signin?next=%2Frequests');

    const wrong = await secondStep(cookie, appCode(secret, Date.now() + 3_600_000), '/requests');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('This code is not right, or was already used. 4 tries left');
    expect(cookieOf(wrong)).toBeUndefined();

    const right = await secondStep(cookie, nextAppCode(secret), '/requests');
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/requests');
    const signedIn = cookieOf(right)!.split(';')[0]!;
    expect(signedIn).not.toBe(cookie);
    expect((await get('/requests', signedIn)).statusCode).toBe(200);
    // The waiting session is over: its cookie neither signs in nor takes another code.
    expect((await get('/signin/two-step', cookie)).headers.location).toBe('/signin?next=%2Fservices');
    const replay = await secondStep(cookie, nextAppCode(secret));
    expect(replay.statusCode).toBe(401);
    expect(cookieOf(replay)).toBeUndefined();
    expect(await activityOf(h, who)).toContainEqual({ type: 'signInFailed', detail: { step: 'twoStep' } });
  });

  it('a recovery code signs in once, and an app code once', async () => {
    const { who, secret, codes } = await enrolled('Bob');
    const first = await password(who);
    expect((await secondStep(first.cookie, ` ${codes[0]!.toUpperCase()} `)).statusCode).toBe(303);
    expect(await activityOf(h, who)).toContainEqual({ type: 'recoveryCodeUsed', detail: { left: 9 } });
    const again = await password(who);
    const reused = await secondStep(again.cookie, codes[0]!);
    expect(reused.statusCode).toBe(401);
    expect(cookieOf(reused)).toBeUndefined();

    const code = nextAppCode(secret);
    expect((await secondStep(again.cookie, code)).statusCode).toBe(303);
    const third = await password(who);
    const replayed = await secondStep(third.cookie, code);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.body).toContain('This code is not right, or was already used.');
  });

  it('five wrong codes end the waiting session, even sent all at once; the right code then signs nobody in', async () => {
    const { who, secret } = await enrolled('Carla');
    const { cookie } = await password(who);
    const near = [-2, -1, 0, 1, 2].map((step) => appCode(secret, Date.now() + step * 30_000));
    const guesses = Array.from({ length: 9 }, (_, i) => String(100_000 + i * 111_111))
      .filter((guess) => !near.includes(guess))
      .slice(0, 8);
    const answers = await Promise.all(guesses.map((guess) => secondStep(cookie, guess)));
    // Each guess was counted before it was tried: four are told they may try again, the others are sent back.
    expect(answers.filter((a) => a.body.includes('tries left') || a.body.includes('try left'))).toHaveLength(4);
    expect(answers.filter((a) => a.body.includes('Too many wrong codes')).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => cookieOf(a) === undefined)).toBe(true);

    const late = await secondStep(cookie, nextAppCode(secret));
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('Sign in with your password again');
    expect(late.body).toContain('href="/signin?next=%2Fservices"');
    expect(cookieOf(late)).toBeUndefined();
    expect((await get('/services', cookie)).statusCode).toBe(303);
    // The password and the code, again, still work.
    expect((await secondStep((await password(who)).cookie, nextAppCode(secret))).statusCode).toBe(303);
  });

  it('who knows the password cannot open session after session to go on guessing: twenty codes a quarter of an hour', async () => {
    const { who, secret } = await enrolled('Erin');
    const near = [-2, -1, 0, 1, 2].map((step) => appCode(secret, Date.now() + step * 30_000));
    const wrong = ['111111', '222222', '333333'].find((guess) => !near.includes(guess))!;
    for (let session = 0; session < 4; session++) {
      const { cookie } = await password(who);
      for (let guess = 0; guess < 5; guess++) await secondStep(cookie, wrong);
    }
    const { cookie } = await password(who);
    const right = await secondStep(cookie, nextAppCode(secret));
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Too many codes were tried for this account lately. Wait a quarter of an hour');
    expect(cookieOf(right)).toBeUndefined();
    expect((await activityOf(h, who)).filter((e) => e.type === 'signInFailed')).toHaveLength(20);
  });

  it('an account without two-step signs in with its password, as before', async () => {
    const dan = await h.account('Dan');
    await h.signIn(dan);
    const { res, cookie } = await password(dan, '/requests');
    expect(res.headers.location).toBe('/requests');
    expect((await get('/requests', cookie)).statusCode).toBe(200);
    expect((await get('/signin/two-step', cookie)).headers.location).toBe('/services');
  });
});
