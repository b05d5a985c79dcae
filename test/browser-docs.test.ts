import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { withBrowserHarness } from './support/browser.js';
import type { Harness } from './support/harness.js';

/** The console at /docs in Chromium: Authorize sends the account token, and axe finds nothing, whatever its impact. */

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, b) => {
  h = harness;
  browser = b;
});

const AXE = new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

/** axe's findings, as "rule: selectors" (axe is loaded before the page's own scripts, CSP kept). */
async function violations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run();
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

it('"Try it out" after Authorize answers with my profile, and the console passes axe', async () => {
  const alice = await h.account('Alice');
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await page.addInitScript({ path: AXE });
  page.setDefaultTimeout(10_000);
  await page.goto(`${h.config.publicBaseUrl}/docs`);
  await page.locator('.opblock').first().waitFor();
  expect(await violations(page)).toEqual([]);

  await page.locator('.btn.authorize').first().click();
  const account = page.locator('.auth-container').filter({ hasText: 'account' }).first();
  await account.locator('input').fill(alice.token);
  await account.locator('button[type=submit]').click();
  await page.locator('.btn-done').first().click();

  const profile = page.locator('.opblock-get').filter({ hasText: '/api/v1/profile' }).first();
  await profile.locator('.opblock-summary-control').click();
  await profile.getByRole('button', { name: 'Try it out' }).click();
  await profile.getByRole('button', { name: 'Execute' }).click();
  const response = profile.locator('.live-responses-table');
  const status = response.locator('tbody .response-col_status').first();
  await status.waitFor();
  expect(await status.textContent()).toContain('200');
  expect(await response.textContent()).toContain(alice.email);
  expect(await violations(page)).toEqual([]);
});
