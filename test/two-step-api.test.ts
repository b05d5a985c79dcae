import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { accounts, recoveryCodes } from '../db/schema.js';
import { open, seal } from '../domain/secret-box.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { activityOf, appCode, enrol, nextAppCode } from './support/two-step.js';

/** Two-step sign-in through the API: turning it on and off, recovery codes, and what is kept of them. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

const API = '/api/v1/profile/two-step';
const status = async (who: TestAccount) => (await h.request('GET', API, { token: who.token })).json();
/** An account with a password, as every account that signs in on the pages has. */
const withPassword = async (name: string) => {
  const who = await h.account(name);
  await h.signIn(who);
  return who;
};

describe('turning on two-step sign-in', () => {
  it('gives a key for the app, and takes a code of it once to turn on, with ten recovery codes', async () => {
    const alice = await withPassword('Alice');
    expect(await status(alice)).toEqual({
      enabled: false,
      enabledAt: null,
      pending: false,
      recoveryCodesLeft: 0,
      required: false,
    });
    const started = await h.request('POST', API, { token: alice.token });
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUrl } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(`${url.protocol}//${url.host}`).toBe('otpauth://totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/Countersign (countersign.test):${alice.handle}`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
      issuer: 'Countersign (countersign.test)',
    });
    expect((await status(alice)).pending).toBe(true);

    const confirm = (code: string) => h.request('POST', `${API}/confirm`, { token: alice.token, body: { code } });
    const wrong = await confirm(appCode(secret, Date.now() + 10 * 60_000));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'wrongCode', field: 'code' });
    expect((await status(alice)).enabled).toBe(false);

    const code = appCode(secret);
    const right = await confirm(code);
    expect(right.statusCode).toBe(200);
    const codes: string[] = right.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await status(alice)).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect((await confirm(code)).json().code).toBe('twoStepOn');
    // Another key cannot be started while it is on: it would be a way round the code.
    expect((await h.request('POST', API, { token: alice.token })).json()).toMatchObject({ code: 'twoStepOn' });
    expect(await activityOf(h, alice)).toEqual([{ type: 'twoStepEnabled', detail: null }]);
  });

  it('keeps the key sealed and the recovery codes as digests: the database holds neither', async () => {
    const bob = await withPassword('Bob');
    const { secret, codes } = await enrol(h, bob);
    const [row] = await h.db.select().from(accounts).where(eq(accounts.id, bob.id));
    expect(row!.totpSecret).toMatch(/^v1\./);
    expect(row!.totpSecret).not.toContain(secret);
    const stored = (await h.db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, bob.id))).map(
      (r) => r.codeHash,
    );
    expect(stored).toHaveLength(10);
    for (const code of codes) {
      expect(stored.join()).not.toContain(code.replace('-', ''));
      expect(stored).not.toContain(code);
    }
    // Opened with TOKEN_SECRET, for this account only: copied onto another account's row it opens nothing.
    expect(open(h.config.tokenSecret, 'totp', bob.id, row!.totpSecret!)).toBe(secret);
    expect(open(h.config.tokenSecret, 'totp', 'another-account', row!.totpSecret!)).toBeNull();
    expect(open('another-token-secret-0123456789-abcdef', 'totp', bob.id, row!.totpSecret!)).toBeNull();
  });

  it('refuses a code before a key was started, and answers 401 without a token on every endpoint', async () => {
    const carla = await withPassword('Carla');
    const res = await h.request('POST', `${API}/confirm`, { token: carla.token, body: { code: '123456' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('twoStepNotStarted');
    for (const [method, url, body] of [
      ['GET', API, undefined],
      ['POST', API, {}],
      ['POST', `${API}/confirm`, { code: '123456' }],
      ['POST', `${API}/recovery-codes`, { password: TEST_PASSWORD }],
      ['DELETE', API, { password: TEST_PASSWORD, code: '123456' }],
    ] as const) {
      const anonymous = await h.request(method, url, { body });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('the API document', () => {
  it('lists the two-step endpoints, their answers and the new problem codes', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths[API]).sort()).toEqual(['delete', 'get', 'post']);
    expect(Object.keys(doc.paths[`${API}/confirm`])).toEqual(['post']);
    expect(Object.keys(doc.paths[`${API}/recovery-codes`])).toEqual(['post']);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['TwoStep', 'TwoStepEnrolment', 'RecoveryCodes']),
    );
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(
      expect.arrayContaining(['wrongCode', 'twoStepOn', 'twoStepOff', 'twoStepNotStarted', 'twoStepRequired']),
    );
  });
});

describe('recovery codes and turning off', () => {
  it('new recovery codes need the password, and the old ones stop working', async () => {
    const dan = await withPassword('Dan');
    const { codes } = await enrol(h, dan);
    const renew = (password: string) =>
      h.request('POST', `${API}/recovery-codes`, { token: dan.token, body: { password } });
    const wrong = await renew('not-the-password');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'wrongPassword', field: 'password' });
    const renewed = await renew(TEST_PASSWORD);
    expect(renewed.statusCode).toBe(200);
    const fresh: string[] = renewed.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
    // An old code no longer turns two-step off; a new one does.
    const off = (code: string) =>
      h.request('DELETE', API, { token: dan.token, body: { password: TEST_PASSWORD, code } });
    expect((await off(codes[0]!)).json().code).toBe('wrongCode');
    expect((await off(fresh[0]!.toUpperCase())).statusCode).toBe(204);
    expect((await status(dan)).enabled).toBe(false);
    expect((await activityOf(h, dan)).map((e) => e.type)).toEqual([
      'twoStepEnabled',
      'recoveryCodesRenewed',
      'recoveryCodeUsed',
      'twoStepDisabled',
    ]);
  });

  it('turning off needs the password and a code the app shows now, not one already used', async () => {
    const eve = await withPassword('Eve');
    const { secret } = await enrol(h, eve);
    const off = (password: string, code: string) =>
      h.request('DELETE', API, { token: eve.token, body: { password, code } });
    // The code that turned it on is spent.
    expect((await off(TEST_PASSWORD, appCode(secret))).json()).toMatchObject({ code: 'wrongCode', field: 'code' });
    const code = nextAppCode(secret);
    expect((await off('not-the-password', code)).json()).toMatchObject({ code: 'wrongPassword', field: 'password' });
    expect((await off(TEST_PASSWORD, code)).statusCode).toBe(204);
    expect(await status(eve)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await off(TEST_PASSWORD, code)).json().code).toBe('twoStepOff');
    const events = await activityOf(h, eve);
    expect(events.at(-1)).toEqual({ type: 'twoStepDisabled', detail: { with: 'app' } });
    // Nothing secret in the activity, nor in what the server logged.
    expect(JSON.stringify(events)).not.toContain(code);
    expect(h.logs.join('\n')).not.toContain(secret);
  });
});

describe('TWO_STEP_FOR_SUPPORT', () => {
  const base = { TOKEN_SECRET: 'x'.repeat(32), RESEND_API_KEY: 're_x', DATA_DIR: '/tmp' };
  it('is required in production and optional elsewhere unless set, and names itself when wrong', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).twoStepForSupport).toBe('required');
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).twoStepForSupport).toBe('optional');
    expect(loadConfig({ ...base, NODE_ENV: 'production', TWO_STEP_FOR_SUPPORT: 'optional' }).twoStepForSupport).toBe(
      'optional',
    );
    expect(() => loadConfig({ ...base, TWO_STEP_FOR_SUPPORT: 'sometimes' })).toThrow(/TWO_STEP_FOR_SUPPORT/);
  });

  it('seals a secret so that only its purpose, row and key open it', () => {
    const box = seal(base.TOKEN_SECRET, 'totp', 'acc1', 'JBSWY3DPEHPK3PXP');
    expect(box).not.toContain('JBSWY3DP');
    expect(seal(base.TOKEN_SECRET, 'totp', 'acc1', 'JBSWY3DPEHPK3PXP')).not.toBe(box);
    expect(open(base.TOKEN_SECRET, 'totp', 'acc1', box)).toBe('JBSWY3DPEHPK3PXP');
    const [v, iv, sealed, tag] = box.split('.');
    // One character of the ciphertext changed (its second-to-last: the last carries spare bits of base64), whatever
    // it was: choosing by another character left it unchanged one time in 64.
    const at = sealed!.length - 2;
    const flipped = `${v}.${iv}.${sealed!.slice(0, at)}${sealed![at] === 'A' ? 'B' : 'A'}${sealed!.slice(at + 1)}.${tag}`;
    for (const bad of [flipped, `${v}.${iv}.${sealed}.${tag!.slice(0, 8)}`, 'v1.x', '', 'JBSWY3DPEHPK3PXP'])
      expect(open(base.TOKEN_SECRET, 'totp', 'acc1', bad)).toBeNull();
  });
});
