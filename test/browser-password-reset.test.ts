import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snapshot, withBrowserHarness } from './support/browser.js';
import { TEST_PASSWORD, type Harness } from './support/harness.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

const signInAnswer = (handle: string, password: string) =>
  h.app.inject({
    method: 'POST',
    url: '/signin',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ handle, password }).toString(),
  });

describe('a forgotten password, in a browser', () => {
  it('from the sign-in page to the emailed link, a new password rated as typed, and signing in with it', async () => {
    const dana = await h.account('Dana');
    // Dana is signed in on another computer: that session ends with the reset.
    const elsewhere = await h.signIn(dana);
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${h.config.publicBaseUrl}/signin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/password\/forgot$/);
    await page.getByLabel('Customer handle or email address').fill(dana.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.waitForURL(/\/password\/forgot\/sent/);
    expect(await page.getByRole('status').textContent()).toContain('If an account matches what you entered');

    const email = await h.email(dana, (t) => t.includes('/password/reset/'));
    const link = /(http:\/\/\S+\/password\/reset\/\S+#token=[\w-]{43})/.exec(email.text)![1]!;
    await page.goto(link);
    // Greeted once the server has checked the link; the token is gone from the address bar.
    await expect.poll(() => page.locator('#reset-account').textContent()).toContain(dana.handle);
    expect(page.url()).not.toContain('token');

    const password = page.locator('#password');
    const strength = page.locator('#password-strength');
    await password.fill('password123');
    await expect
      .poll(() => strength.textContent(), { timeout: 15_000 })
      .toBe('Strength: weak This is a commonly used password. Add more words that are less common.');
    // Sent anyway, the server refuses it with the same reason; the link still works.
    await page.locator('#confirm').fill('password123');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await expect
      .poll(() => page.locator('#password-error').textContent())
      .toContain('This password is too easy to guess. This is a commonly used password.');

    const next = 'lantern-orchard-quietly-58';
    await page.locator('#password').fill(next);
    await expect.poll(() => strength.textContent()).toBe('Strength: strong');
    await page.locator('#confirm').fill(next);
    await snapshot(page, 'password-reset');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.waitForURL(/\/password\/changed/);
    expect(await page.getByRole('status').textContent()).toContain('Every session of your account has been signed out');

    // Not signed in by the reset: Dana signs in with the new password.
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Customer handle').fill(dana.handle);
    await page.getByLabel('Password', { exact: true }).fill(next);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/services$/);

    expect((await signInAnswer(dana.handle, TEST_PASSWORD)).statusCode).toBe(401);
    const other = await h.app.inject({ method: 'GET', url: '/services', headers: { cookie: elsewhere } });
    expect(other.headers.location).toBe('/signin?next=%2Fservices');
    // The link worked once.
    await page.goto(link);
    await expect.poll(() => page.locator('#reset-problem').textContent()).toContain('This link no longer works');
  });
});
