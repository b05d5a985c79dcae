import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snapshot } from './support/browser.js';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let browser: Browser;
beforeAll(async () => { [h, browser] = await Promise.all([startHarness({ listen: true }), launchBrowser()]); });
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const url = (path: string) => `${h.config.publicBaseUrl}${path}`;

/** A fresh browser profile, signed in through the sign-in page as a person would. */
async function signedIn(account: TestAccount): Promise<Page> {
  await h.signIn(account); // sets the password
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(url('/signin'));
  await page.getByLabel('Customer handle').fill(account.handle);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/services$/);
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('My contacts in a browser', () => {
  it('the holder adds a contact, sees a wrong phone flagged while typing, fixes it, then gives the contact access', async () => {
    const alice = await h.account('Alice', 'en');
    const page = await signedIn(alice);
    // A script the CSP blocks, or a check that fails, shows up here.
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('link', { name: 'My contacts' }).click();
    await page.getByRole('link', { name: 'Add a contact' }).click();
    await page.waitForURL(/\/contacts\/new$/);

    const email = `casey-${Date.now()}@test.example`;
    await page.getByLabel('First name').fill('Casey');
    await page.getByLabel('Last name').fill('Martin');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel(/^Phone/).fill('06 12 34 56 78');
    await expect.poll(() => text(page, '#phone-message'), { timeout: 15_000 }).toContain('Enter the number in international form');
    expect(await page.getByLabel(/^Phone/).getAttribute('aria-invalid')).toBe('true');
    // Only the fields worked on are judged: the empty country below is not flagged.
    expect(await text(page, '#country-message')).toBe('');
    expect(page.url()).toMatch(/\/contacts\/new$/);

    await page.getByLabel(/^Phone/).fill('+33 6 12 34 56 78');
    await expect.poll(() => text(page, '#phone-message'), { timeout: 15_000 }).toBe('');
    expect(await page.getByLabel(/^Phone/).getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Domain names').check();
    await page.getByRole('button', { name: 'Add the contact' }).click();
    await page.waitForURL(/\/contacts\?done=added/);
    await page.getByText('The contact has been added.').waitFor();
    const row = page.locator('tr', { hasText: 'Casey Martin' });
    expect(await row.textContent()).toContain('+33 6 12 34 56 78');
    await snapshot(page, 'contacts-list');

    await row.getByRole('link', { name: 'Edit – Casey Martin' }).click();
    await page.waitForURL(/\/contacts\/[\w-]+\/edit$/);
    await page.getByLabel('Manage domains').check();
    expect(await page.getByLabel('See domains').isChecked()).toBe(true);
    await snapshot(page, 'contact-edit');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.waitForURL(/\/edit\?done=invited/);
    await page.getByText('The invitation has been sent.').waitFor();
    expect(await text(page, '#invitation')).toContain(`An invitation was sent to ${email}. Its link is valid until`);
    expect(await page.getByLabel('Manage domains').isChecked()).toBe(true);
    expect(await page.getByLabel('See domains').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send a new link' }).waitFor();

    const invitation = await h.email({ id: '', handle: 'casey', email, token: '' }, (t) => t.includes('/invitations/'));
    expect(invitation.subject).toContain('invites you');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
