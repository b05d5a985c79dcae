import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness } from './support/harness.js';
import { formPages, withFlash } from './support/pages.js';
import { appCode, nextAppCode } from './support/two-step.js';

/** TWO_STEP_FOR_SUPPORT=required: support staff set up two-step before anything else, and keep it. The page itself. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false, env: { TWO_STEP_FOR_SUPPORT: 'required' } });
});
afterAll(async () => {
  await h?.close();
});

const { get, post } = formPages(() => h, '/account/two-step');
const keyOn = (body: string) => /<code id="totp-key" class="key">([A-Z2-7 ]+)<\/code>/.exec(body)?.[1] ?? '';
const codesOn = (body: string) =>
  [...body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]);

describe('two-step sign-in required of support staff', () => {
  it('sends a support account without it to set it up from every other page, until it has', async () => {
    const sam = await h.account('Sam', 'en', 'support');
    const cookie = await h.signIn(sam);
    for (const page of ['/services', '/requests', '/support', '/profile', '/contacts', '/services?x=1']) {
      const res = await get(page, cookie);
      expect(res.statusCode, page).toBe(303);
      expect(res.headers.location).toBe('/account/two-step');
    }
    const posted = await post('/profile/password', cookie, { currentPassword: TEST_PASSWORD, newPassword: 'x' });
    expect(posted.headers.location).toBe('/account/two-step');
    const page = await get('/account/two-step', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Support staff must turn on two-step sign-in before using Countersign.');
    expect((await get('/lang/fr?next=%2Fsupport', cookie)).headers.location).toBe('/support');

    expect((await post('/account/two-step', cookie)).headers.location).toBe('/account/two-step#enrol');
    const enrol = await get('/account/two-step', cookie);
    const secret = keyOn(enrol.body).replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.body).toMatch(
      /<figure class="qr" role="img" aria-label="[^"]+"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    // Still nowhere else until a code confirms it.
    expect((await get('/support', cookie)).headers.location).toBe('/account/two-step');

    const wrong = await post('/account/two-step/confirm', cookie, { code: appCode(secret, Date.now() + 3_600_000) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toMatch(/id="code-error"><strong>Error:<\/strong> This code is not right, or was already used/);
    expect(wrong.body).toMatch(/<input id="code"[^>]*aria-invalid="true"/);
    expect(keyOn(wrong.body).replace(/ /g, '')).toBe(secret);

    const done = await post('/account/two-step/confirm', cookie, { code: appCode(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Two-step sign-in is on.');
    expect(codesOn(done.body)).toHaveLength(10);
    expect((await get('/support', cookie)).statusCode).toBe(200);
    // Shown once: the page no longer lists them, only how many are left.
    const after = await get('/account/two-step', cookie);
    expect(codesOn(after.body)).toEqual([]);
    expect(after.body).toContain('10 unused recovery codes left.');
  });

  it('a support account may not turn it off, on the page or through the API; a customer may', async () => {
    const sue = await h.account('Sue', 'fr', 'support');
    const cookie = await h.signIn(sue);
    await post('/account/two-step', cookie);
    const secret = keyOn((await get('/account/two-step', cookie)).body).replace(/ /g, '');
    expect((await post('/account/two-step/confirm', cookie, { code: appCode(secret) })).statusCode).toBe(200);
    const page = await get('/account/two-step', cookie);
    expect(page.body).toContain('Le support doit garder la connexion en deux étapes activée.');
    expect(page.body).not.toContain('action="/account/two-step/off"');
    const forced = await post('/account/two-step/off', cookie, { password: TEST_PASSWORD, code: nextAppCode(secret) });
    expect(forced.statusCode).toBe(403);
    const api = await h.request('DELETE', '/api/v1/profile/two-step', {
      token: sue.token,
      body: { password: TEST_PASSWORD, code: nextAppCode(secret) },
    });
    expect(api.statusCode).toBe(403);
    expect(api.json().code).toBe('twoStepRequired');
    expect((await h.request('GET', '/api/v1/profile/two-step', { token: sue.token })).json()).toMatchObject({
      enabled: true,
      required: true,
    });

    const carl = await h.account('Carl');
    const customer = await h.signIn(carl);
    expect((await get('/services', customer)).statusCode).toBe(200);
    await post('/account/two-step', customer);
    const key = keyOn((await get('/account/two-step', customer)).body).replace(/ /g, '');
    expect((await post('/account/two-step/confirm', customer, { code: appCode(key) })).statusCode).toBe(200);
    const wrongPassword = await post('/account/two-step/off', customer, { password: 'nope', code: nextAppCode(key) });
    expect(wrongPassword.statusCode).toBe(422);
    expect(wrongPassword.body).toMatch(/id="off-password-error"><strong>Error:<\/strong> This password is not right./);
    const off = await post('/account/two-step/off', customer, { password: TEST_PASSWORD, code: nextAppCode(key) });
    expect(off.headers.location).toBe('/account/two-step');
    expect((await get('/account/two-step', withFlash(customer, off))).body).toContain('Two-step sign-in is off.');
  });
});
