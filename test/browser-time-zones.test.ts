import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPage, withBrowserHarness } from './support/browser.js';
import type { Harness, TestAccount } from './support/harness.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

/** Signs in through the sign-in page, from a browser in `timezoneId`. */
const signInFrom = (account: TestAccount, timezoneId: string) => signedInPage(browser, h, account, { timezoneId });

/** The deadline of the request on My requests, as the page shows it. */
async function deadlineOn(page: Page): Promise<string> {
  await page.goto(`${h.config.publicBaseUrl}/requests`);
  return (await page.locator('[data-field="deadline"] time').first().textContent()) ?? '';
}

describe('Dates in the browser', () => {
  it("show the browser's time zone by name; the first sign-in gives the account that zone, a later one keeps it", async () => {
    const alice = await h.account('Alice', 'en');
    const bob = await h.account('Bob', 'en');
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['tech'], bob);
    expect(created.statusCode, created.body).toBe(201);
    const deadline = new Date((created.json() as { expiresAt: string }).expiresAt);
    const hourIn = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
        deadline,
      );

    const inNewYork = await deadlineOn(await signInFrom(bob, 'America/New_York'));
    expect(inNewYork).toContain(hourIn('America/New_York'));
    expect(inNewYork).toMatch(/ (EST|EDT|GMT-[45])$/);
    const zone = async () =>
      (await h.request('GET', '/api/v1/profile', { token: bob.token })).json().timeZone as string | null;
    expect(await zone()).toBe('America/New_York');

    const inTokyo = await deadlineOn(await signInFrom(bob, 'Asia/Tokyo'));
    expect(inTokyo).toContain(hourIn('Asia/Tokyo'));
    expect(inTokyo).toMatch(/ (JST|GMT\+9)$/);
    expect(await zone()).toBe('America/New_York');
  });
});
