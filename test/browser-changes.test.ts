import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snapshot, withBrowserHarness } from './support/browser.js';
import { type Harness, type TestAccount } from './support/harness.js';

/** A contact change in a browser: asked for on the change form of My services, then followed on My requests and
 * on the request's page as the contacts decide. */

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

/** A browser tab signed in as `account`, open at `path`. */
async function openAs(account: TestAccount, path: string) {
  const [name, value] = (await h.signIn(account)).split('=') as [string, string];
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: h.config.publicBaseUrl }]);
  const page = await context.newPage();
  await page.goto(`${h.config.publicBaseUrl}${path}`);
  return { page, close: () => context.close() };
}

describe('in a browser', () => {
  it('tells as one types whether the handle will do, then goes through preview and confirm by keyboard', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob')]);
    const service = await h.service(alice);
    const [name, value] = (await h.signIn(alice)).split('=') as [string, string];
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: h.config.publicBaseUrl }]);
    const page = await context.newPage();
    const refused: string[] = [];
    // The page's own script must run under its Content-Security-Policy, without errors.
    page.on('pageerror', (err) => refused.push(err.message));
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${h.config.publicBaseUrl}/services/${service.id}/change?lang=en`);
    await page.getByLabel('Technical contact').check();
    const to = page.getByLabel('Handle of the new contact');
    await to.pressSequentially('nobody-404');
    await expect
      .poll(() => page.locator('#to-message').textContent())
      .toBe('Error: There is no account with the handle nobody-404. Check the spelling.');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await snapshot(page, 'change-contacts-unknown-handle');
    await to.fill(bob.handle);
    await expect.poll(() => page.locator('#to-message').textContent()).toBe(`Found: Bob (${bob.handle}).`);
    expect(await to.getAttribute('aria-invalid')).toBeNull();
    await to.press('Enter');
    await page.getByRole('heading', { name: 'Check and confirm' }).waitFor();
    await snapshot(page, 'change-contacts-preview');
    await page.getByRole('button', { name: 'Confirm and send the emails' }).press('Enter');
    await page.waitForURL(/\/requests\/[^/]+$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(await h.get(id, alice)).toMatchObject({ roles: ['tech'], to: { handle: bob.handle } });
    await page.goto(`${h.config.publicBaseUrl}/services`);
    await snapshot(page, 'my-services');
    expect(refused).toEqual([]);
    await context.close();
  }, 30_000);

  it('the list shows a decision made elsewhere without a reload, and says so to screen readers', async () => {
    const { id, alice, bobToken } = await h.pending({ alice: 'en', bob: 'en' });
    const { page, close } = await openAs(alice, '/requests');
    const row = page.locator(`#request-${id}`);
    await expect.poll(() => row.locator('[data-field="state"]').textContent()).toBe('Awaiting the contacts');
    await row.getByLabel('Your code (from the email)').focus();
    await snapshot(page, 'requests-list-en');
    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });

    await h.decide(id, 'refuse', bobToken);
    await expect.poll(() => row.locator('[data-field="state"]').textContent(), { timeout: 10_000 }).toBe('Refused');
    expect(await row.locator('[data-field="progress"]').textContent()).toMatch(/^Refused by bob-/);
    expect(await row.locator('[data-field="deadline-label"]').textContent()).toBe('Ended on');
    expect(await row.locator('form.decide').isHidden()).toBe(true);
    expect(await row.locator('form[action$="/resend?lang=en"]').isHidden()).toBe(true);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toContain(': Refused. Refused by bob-');
    // Focus was in the form that closed: it moves to the request's link, not to the page's start.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`/requests/${id}`);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    await snapshot(page, 'requests-list-refused-en');
    await close();
  });

  it('a list filtered by state keeps to it as requests change, and says so when none is left', async () => {
    const { id, alice, bobToken } = await h.pending({ alice: 'en', bob: 'en' });
    const { page, close } = await openAs(alice, '/requests?state=validatingByCustomers');
    const row = page.locator(`#request-${id}`);
    await row.getByLabel('Your code (from the email)').focus();
    expect(await page.getByText('No request matches these filters.').isVisible()).toBe(false);

    await h.decide(id, 'refuse', bobToken);
    await expect.poll(() => row.isHidden(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByText('No request matches these filters.').isVisible()).toBe(true);
    expect(
      await page.locator('[data-empty]').getByRole('link', { name: 'Clear the filters' }).getAttribute('href'),
    ).toBe('/requests');
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent())
      .toContain('It no longer matches the filter and has left the list.');
    // Focus was in the row that left: it goes to the page's heading, not to the page's start.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(new URL(page.url()).search).toBe('?state=validatingByCustomers');
    await close();
  });

  it("a request's page shows the other contact's decision as it comes, and offers the newer timeline", async () => {
    const { id, alice, bobToken } = await h.pending({ alice: 'fr', bob: 'en' });
    const { page, close } = await openAs(alice, `/requests/${id}`);
    await expect.poll(() => page.locator('[data-field="decision-to"]').textContent()).toBe('Pas encore décidé');
    expect(await page.getByText('L’historique a de nouvelles entrées').isVisible()).toBe(false);

    await h.decide(id, 'accept', bobToken);
    await expect
      .poll(() => page.locator('[data-field="decision-to"]').textContent(), { timeout: 10_000 })
      .toMatch(/^Accepté \d/);
    expect(await page.locator('[data-field="progress"]').textContent()).toBe('En attente de votre confirmation');
    await expect.poll(() => page.getByText('L’historique a de nouvelles entrées').isVisible()).toBe(true);
    await snapshot(page, 'request-page-fr');
    await close();
  });
});
