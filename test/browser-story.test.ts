import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage, snapshot } from './support/browser.js';
import { startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  // A request pending for more than 2 s counts as stuck, so support has something to find.
  [h, browser] = await Promise.all([
    startHarness({ listen: true, devMailbox: true, stuckAfter: '2s', resendCooldown: '1s' }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const url = (path: string) => `${h.config.publicBaseUrl}${path}`;

const signedIn = (account: TestAccount) => signedInPage(browser, h, account);

/** In a browser of its own (the contact's), opens the newest email to `who` and its decision link, and accepts. */
async function acceptFromMailbox(who: TestAccount, id: string, button: string) {
  const page = await (await browser.newContext()).newPage();
  await waitFor(
    async () => {
      await page.goto(url('/dev/mailbox'));
      return (await page.locator('tr', { hasText: who.email }).count()) > 0;
    },
    15_000,
    `an email to ${who.handle}`,
  );
  await page.locator('tr', { hasText: who.email }).first().getByRole('link').click();
  await page.locator(`a[href*="/requests/${id}/decision"]`).first().click();
  await page.getByRole('button', { name: button }).click();
  await page.locator('[role="status"]').waitFor();
  await page.context().close();
}

describe('the whole story in a browser', () => {
  it('the owner asks in the pages, both contacts accept from their emails, and My requests shows it done without a reload', async () => {
    const alice = await h.account('Alice', 'en');
    const bob = await h.account('Bob', 'fr');
    const service = await h.service(alice);
    const owner = await signedIn(alice);
    await snapshot(owner, 'story-1-my-services');

    await owner
      .locator('section, li, article, tr', { hasText: service.name })
      .getByRole('link', { name: 'Change contacts' })
      .first()
      .click();
    await owner.getByLabel(/Technical contact/).check();
    await owner.getByLabel('Handle of the new contact').fill(bob.handle);
    await owner.getByRole('button', { name: 'Continue' }).click();
    await snapshot(owner, 'story-2-confirm');
    await owner.getByRole('button', { name: 'Confirm and send the emails' }).click();
    await owner.waitForURL(/\/requests\/[\w-]+$/);
    const id = owner.url().split('/').pop()!;

    await owner.goto(url('/requests?direction=sent'));
    const row = owner.locator(`[data-request-id="${id}"], li, article`, { hasText: service.name }).first();
    await expect.poll(() => row.textContent()).toMatch(/Awaiting/);
    await snapshot(owner, 'story-3-my-requests-pending');
    const loads: string[] = [];
    owner.on('load', () => loads.push(owner.url()));

    await acceptFromMailbox(bob, id, 'Accepter');
    await acceptFromMailbox(alice, id, 'Accept');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Done');
    expect(loads).toEqual([]);
    await snapshot(owner, 'story-4-my-requests-done');
    const services = (await h.request('GET', '/api/v1/services', { token: alice.token })).json().items;
    expect(services.find((s: { id: string }) => s.id === service.id).contacts.tech).toBe(bob.handle);
  });

  it('support finds a stuck request, resends with a reason, and sees the reason on the timeline', async () => {
    const alice = await h.account('Alice', 'fr');
    const bob = await h.account('Bob', 'nl');
    const service = await h.service(alice);
    const id = (await h.change(alice, service.id, ['billing'], bob)).json().id as string;
    await h.waitForState(id, alice, 'validatingByCustomers');
    await new Promise((r) => setTimeout(r, 2100));
    const sam = await h.account('Sam', 'en', 'support');
    const page = await signedIn(sam);
    await page.getByRole('link', { name: 'Support' }).click();
    // Other tests' requests share the database, and the list shows the oldest stuck first: support searches.
    await page.getByLabel('Service name, handle or request id').fill(service.name);
    await page.getByRole('button', { name: 'Search' }).click();
    const stuck = page
      .locator('main')
      .locator('li, tr, article', { hasText: service.name })
      .filter({ hasText: 'Pending for more than' })
      .first();
    expect(await stuck.textContent()).toContain('Pending for more than');
    await snapshot(page, 'story-5-support-console');

    await stuck.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/support/requests/${id}`));
    await page.locator('#resend-reason').fill('The contact says the first email never arrived');
    await page.getByRole('button', { name: 'Resend the emails' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('The emails were sent again.');
    expect(await page.locator('main').textContent()).toContain('The contact says the first email never arrived');
    await snapshot(page, 'story-6-support-request');
    const change = await h.get(id, bob);
    expect(change.timeline).toContainEqual(
      expect.objectContaining({
        type: 'resent',
        detail: expect.objectContaining({ reason: 'The contact says the first email never arrived' }),
      }),
    );
  });
});
