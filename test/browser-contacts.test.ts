import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedInPage, snapshot, withBrowserHarness } from './support/browser.js';
import { type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

const signedIn = (account: TestAccount) => signedInPage(browser, h, account);

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('My contacts in a browser', () => {
  it('the holder adds a contact, sees a wrong phone flagged while typing, fixes it and invites it; the sub-account accepts and acts on her domains only', async () => {
    const alice = await h.account('Alice', 'en');
    const [domain, hosting, bob] = [await h.service(alice), await h.service(alice), await h.account('Bob')];
    await h.db.execute(sql`update services set kind = 'hosting' where id = ${hosting.id}`);
    const page = await signedIn(alice);
    // A script the CSP blocks, or a check that fails, shows up here.
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('link', { name: 'My contacts' }).click();
    await page.getByRole('link', { name: 'Add a contact' }).click();
    await page.waitForURL(/\/contacts\/new$/);

    const email = `casey-${Date.now()}@test.example`;
    await page.getByLabel('First name').fill('Casey');
    await page.getByLabel('Last name').fill('Martin');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel(/^Phone/).fill('06 12 34 56 78');
    await expect
      .poll(() => text(page, '#phone-message'), { timeout: 15_000 })
      .toContain('Enter the number in international form');
    expect(await page.getByLabel(/^Phone/).getAttribute('aria-invalid')).toBe('true');
    // Only the fields worked on are judged: the empty country below is not flagged.
    expect(await text(page, '#country-message')).toBe('');
    expect(page.url()).toMatch(/\/contacts\/new$/);

    await page.getByLabel(/^Phone/).fill('+33 6 12 34 56 78');
    await expect.poll(() => text(page, '#phone-message'), { timeout: 15_000 }).toBe('');
    expect(await page.getByLabel(/^Phone/).getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Domain names').check();
    await page.getByRole('button', { name: 'Add the contact' }).click();
    await page.waitForURL(/\/contacts\?lang=en$/);
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
    await page.getByText('The invitation has been sent.').waitFor();
    expect(await text(page, '#invitation')).toContain(`An invitation was sent to ${email}. Its link is valid until`);
    expect(await page.getByLabel('Manage domains').isChecked()).toBe(true);
    expect(await page.getByLabel('See domains').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send a new link' }).waitFor();

    const invitation = await h.email({ id: '', handle: 'casey', email, token: '' }, (t) => t.includes('/invitations/'));
    expect(invitation.subject).toContain('invites you');
    expect(errors).toEqual([]);
    await page.context().close();

    // Casey accepts in a browser of its own and lands in Alice's customer area, within its permissions.
    const link = /(http:\/\/\S+\/invitations\/\S+#token=[\w-]{43})/.exec(invitation.text)![1]!;
    const casey = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    casey.on('pageerror', (error) => errors.push(error.message));
    await casey.goto(link);
    await expect.poll(() => casey.locator('#invitee').textContent()).toContain('Casey Martin');
    await casey.locator('#password').fill('casey-chose-this-passphrase');
    await casey.locator('#confirm').fill('casey-chose-this-passphrase');
    await casey.locator('form.invitation button[type=submit]').click();
    await casey.waitForURL(/\/services$/);
    const main = casey.locator('main');
    expect(await main.textContent()).toContain(domain.name);
    // Domains only: Alice's hosting plan stays out of sight, and so do her contacts and her profile's settings.
    expect(await main.textContent()).not.toContain(hosting.name);
    expect(await casey.getByRole('link', { name: 'My contacts' }).count()).toBe(0);
    await casey
      .locator('li', { hasText: domain.name })
      .getByRole('link', { name: /Change contacts/ })
      .click();
    await snapshot(casey, 'sub-account-services');
    await casey.getByLabel(/Technical contact/).check();
    await casey.getByLabel('Handle of the new contact').fill(bob.handle);
    await casey.getByRole('button', { name: 'Continue' }).click();
    await casey.getByRole('button', { name: 'Confirm and send the emails' }).click();
    await casey.waitForURL(/\/requests\/[\w-]+$/);
    const changeId = casey.url().split('/').pop()!;
    // Alice, whose domain it is, receives the token email as the outgoing contact; Casey is named as the asker.
    const toAlice = await h.email(alice, (t) => t.includes(changeId));
    expect(toAlice.text).toContain('Casey Martin');
    expect(errors).toEqual([]);
    await casey.context().close();
  });
});
