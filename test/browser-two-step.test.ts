import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPage, snapshot, withBrowserHarness } from './support/browser.js';
import { TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';
import { appCode, nextAppCode } from './support/two-step.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

/** Signs out, then in again with the password from `path`: the page then asks for the code. */
async function passwordStep(page: Page, who: TestAccount, path: string) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin$/);
  await page.goto(`${h.config.publicBaseUrl}${path}`);
  await page.getByLabel('Customer handle').fill(who.handle);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/signin\/two-step\?next=/);
}

async function typeCode(page: Page, code: string) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('two-step sign-in in a browser', () => {
  it('is set up from the profile with the QR code page, then asks for the code at every sign-in; codes work once', async () => {
    const alice = await h.account('Alice');
    const page = await signedInPage(browser, h, alice);
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('link', { name: 'Two-step sign-in with an authenticator app' }).click();
    await page.waitForURL(/\/account\/two-step$/);
    expect(await page.locator('#two-step-status').textContent()).toBe('Two-step sign-in is off.');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.waitForURL(/\/account\/two-step#enrol$/);
    const qr = page.getByRole('img', { name: 'QR code of the key for your authenticator app' });
    expect((await qr.boundingBox())!.width).toBeGreaterThan(100);
    // The key as an app takes it, read from the page as a person would type it.
    const secret = (await page.locator('#totp-key').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await snapshot(page, 'two-step-enrol');

    await page.getByLabel('Code', { exact: true }).fill(appCode(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Two-step sign-in is on.');
    const codes = await page.getByRole('list', { name: 'Recovery codes' }).locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    await snapshot(page, 'two-step-recovery-codes');
    await page.getByRole('link', { name: 'I have saved my recovery codes' }).click();
    expect(await page.locator('#codes-left').textContent()).toBe('10 unused recovery codes left.');

    // The password is no longer enough: a wrong code is refused, the app's code signs in where Alice was going.
    await passwordStep(page, alice, '/requests');
    await snapshot(page, 'two-step-sign-in');
    await typeCode(page, appCode(secret, Date.now() + 3_600_000));
    expect(await page.locator('#code-error').textContent()).toContain('This code is not right, or was already used.');
    expect(await page.locator('.who').count()).toBe(0);
    const code = nextAppCode(secret);
    await typeCode(page, code);
    await page.waitForURL(/\/requests$/);
    expect(await page.locator('h1').textContent()).toBe('My requests');
    expect(await page.locator('.who').textContent()).toContain(alice.handle);

    // A recovery code signs in once.
    await passwordStep(page, alice, '/services');
    await typeCode(page, codes[0]!);
    await page.waitForURL(/\/services$/);
    await passwordStep(page, alice, '/services');
    await typeCode(page, codes[0]!);
    expect(await page.locator('#code-error').textContent()).toContain('4 tries left');
    // So does the app's code: the one that signed in before is refused.
    await typeCode(page, code);
    expect(await page.locator('#code-error').textContent()).toContain('3 tries left');
    expect(page.url()).toContain('/signin/two-step');
    await page.context().close();
  });

  it('does not stand between a contact with two-step and the decision link of an email', async () => {
    const alice = await h.account('Alicia');
    const bob = await h.account('Bob');
    const owner = await signedInPage(browser, h, alice);
    await owner.goto(`${h.config.publicBaseUrl}/account/two-step`);
    await owner.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await owner.locator('#totp-key').textContent())!.replace(/\s+/g, '');
    await owner.getByLabel('Code', { exact: true }).fill(appCode(secret));
    await owner.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    expect(await owner.getByRole('status').textContent()).toContain('Two-step sign-in is on.');
    await owner.context().close();

    const service = await h.service(alice);
    const id = (await h.change(alice, service.id, ['tech'], bob)).json().id as string;
    const email = await h.email(alice, (text) => text.includes(`/requests/${id}/decision`));
    const link = /(http:\/\/\S+\/requests\/\S+\/decision\S*#token=[\w-]{43})/.exec(email.text)![1]!;
    // A browser that never signed in: the code in the link is the credential.
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => page.locator('[role="status"]').textContent())
      .toContain('still awaiting the other contact');
    expect((await h.get(id, alice)).from).toMatchObject({ decision: 'accepted' });
    await context.close();
  });
});
