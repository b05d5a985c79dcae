import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { posts, signedInPage, snapshot, withBrowserHarness } from './support/browser.js';
import type { Harness } from './support/harness.js';

/** The change form in Chromium: a contact of one's book picked from the handle field's list, the preview, Back to the
 * form as it was typed, and Confirm. */

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

describe('the change form in a browser', () => {
  it('picks a contact from the list, previews, goes Back to the handle typed, and confirms', async () => {
    const alice = await h.account('Alice', 'en');
    const denise = await h.contact(alice, { firstName: 'Denise', lastName: 'Lambert' });
    await h.contact(alice, { firstName: 'Paul', lastName: 'Durand' });
    const service = await h.service(alice);
    const page = await signedInPage(browser, h, alice);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/services/${service.id}/change?lang=en`);

    await page.getByLabel('Technical contact').check();
    const to = page.getByRole('combobox', { name: 'Handle of the new contact' });
    // The list offers Alice's contacts by name; the one named Denise Lambert is picked.
    const offered = await page
      .locator('#to-contacts option')
      .evaluateAll((options) => options.map((o) => [o.textContent, (o as HTMLOptionElement).value]));
    expect(offered).toEqual(
      expect.arrayContaining([
        ['Denise Lambert', denise.handle],
        ['Paul Durand', expect.any(String)],
      ]),
    );
    // Headless Chromium draws no popup for a datalist: picking an option is what the popup does, its value typed in.
    const picked = await page.locator('#to-contacts option', { hasText: 'Denise Lambert' }).getAttribute('value');
    await to.fill(picked ?? '');
    await expect.poll(() => to.inputValue()).toBe(denise.handle);
    await expect
      .poll(() => page.locator('#to-message').textContent())
      .toBe(`Found: Denise Lambert (${denise.handle}).`);
    await snapshot(page, 'change-form-picked');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check and confirm' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/services/${service.id}/change/preview`);
    expect(await page.locator('dl').textContent()).toContain(`Denise Lambert (${denise.handle})`);

    await page.goBack();
    await page.getByRole('heading', { name: 'Change contacts' }).waitFor();
    expect(await to.inputValue()).toBe(denise.handle);
    expect(await page.getByLabel('Technical contact').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Confirm and send the emails' }).click();
    await page.waitForURL(/\/requests\/[^/?]+$/);
    expect(await page.locator('#flash').textContent()).toMatch(/^Request sent: both contacts get an email/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(await h.get(id, alice)).toMatchObject({ roles: ['tech'], to: { handle: denise.handle } });
    expect(posted).toEqual([`POST /services/${service.id}/change/confirm`]);
    await page.context().close();
  }, 60_000);
});
