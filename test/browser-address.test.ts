import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addressCalls, fresh, inbox } from './support/addresses.js';
import { signedInPage, snapshot, withBrowserHarness } from './support/browser.js';
import { TEST_PASSWORD, type Harness } from './support/harness.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

describe('an address change in a browser', () => {
  it('the holder asks with the password, sees the change waiting, and the emailed link confirms it without signing in', async () => {
    const owner = await h.account('Nora');
    const { profileOf } = addressCalls(() => h);
    const next = fresh('nora-new');
    const page = await signedInPage(browser, h, owner);
    await page.goto(`${h.config.publicBaseUrl}/profile`);
    await page.getByLabel('Email address').fill(next);
    await page.getByLabel('Your password, to change the address').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Save contact information' }).click();
    await page.waitForURL(/\/profile#contact$/);
    expect(await page.locator('#pending-email').textContent()).toContain(`Waiting for confirmation at ${next}`);
    expect(await page.getByLabel('Email address').inputValue()).toBe(owner.email);
    await snapshot(page, 'profile-address-waiting');

    // Whoever reads the new address opens the link in a browser where nobody is signed in.
    const email = await h.email(inbox(next), (t) => t.includes('/address/confirm/'));
    const link = /(http:\/\/\S+\/address\/confirm\/\S+#token=[\w-]{43})/.exec(email.text)![1]!;
    const reader = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await reader.goto(link);
    expect(reader.url()).not.toContain('token');
    await reader.getByRole('button', { name: 'Confirm this address' }).click();
    await expect
      .poll(() => reader.locator('#address-result').textContent())
      .toBe(`Done: the email address is now ${next}.`);
    await snapshot(reader, 'address-confirmed');
    expect(await profileOf(owner)).toMatchObject({ email: next, pendingEmail: null });
  });
});
