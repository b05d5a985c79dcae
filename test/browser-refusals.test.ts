import type { Browser, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { posts, signedInPage, withBrowserHarness } from './support/browser.js';
import type { Harness } from './support/harness.js';

// A refused one-button action in Chromium: the POST answers 303 back to the page it came from, which says the refusal
// once, in the page's language; a reload shows the page without it and posts nothing. The flash cookie holds a key
// (and the seconds to wait), never words. Its own harness: a resend cooldown long enough to be sure to hit it.

let h: Harness;
let browser: Browser;
const COOLDOWN_SECONDS = 600;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]), {
  resendCooldown: `${COOLDOWN_SECONDS}s`,
});

const flash = (page: Page) => page.locator('#flash');

/** Clicks and keeps the answer to the form's POST. */
async function submitted(page: Page, click: () => Promise<void>): Promise<Response> {
  const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), click()]);
  return answer;
}

/** The refusal is gone after a reload, which posts nothing. */
async function goneAfterReload(page: Page, posted: string[]) {
  const before = [...posted];
  await page.reload();
  await page.waitForLoadState('load');
  expect(await flash(page).count()).toBe(0);
  expect(posted).toEqual(before);
}

const emailsAbout = (email: string, id: string) =>
  h.resend.to(email).filter((e) => `${e.subject}\n${e.text}`.includes(id)).length;

describe('a refused one-button action says why once, on the page it came from', () => {
  it('resend too soon from a request’s page, in French: 303 back, the seconds to wait said once, no email', async () => {
    const { alice, bob, id } = await h.pending({ alice: 'fr' });
    const page = await signedInPage(browser, h, alice);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/requests/${id}`);
    const answer = await submitted(page, () => page.getByRole('button', { name: 'Renvoyer les e-mails' }).click());
    expect(answer.status()).toBe(303);
    expect(await answer.headerValue('location')).toBe(`/requests/${id}`);
    expect(await answer.headerValue('set-cookie')).toMatch(/^cs_flash=problem\.resendTooSoon\.\d{1,3};/);
    await page.waitForURL(new RegExp(`/requests/${id}$`));
    const said = await flash(page).textContent();
    const seconds = Number(/dans (\d+)\u00a0s\.$/.exec(said ?? '')?.[1]);
    expect(said).toBe(`Les e-mails viennent d’être envoyés\u00a0; réessayez dans ${seconds}\u00a0s.`);
    expect(seconds).toBeGreaterThan(COOLDOWN_SECONDS - 60);
    expect(seconds).toBeLessThanOrEqual(COOLDOWN_SECONDS);
    expect(await flash(page).getAttribute('role')).toBe('alert');

    await goneAfterReload(page, posted);
    expect(posted).toEqual([`POST /requests/${id}/resend`]);
    expect(emailsAbout(bob.email, id)).toBe(1);
  });

  it('resend too soon from My requests, in English: back on the list, said once', async () => {
    const { alice, bob, id } = await h.pending({ alice: 'en' });
    const page = await signedInPage(browser, h, alice);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/requests`);
    const row = page.locator(`#request-${id}`);
    const answer = await submitted(page, () => row.getByRole('button', { name: 'Resend the emails' }).click());
    expect(answer.status()).toBe(303);
    await page.waitForURL(/\/requests$/);
    expect(await flash(page).textContent()).toMatch(/^The emails were sent moments ago; try again in \d+ s\.$/);

    await goneAfterReload(page, posted);
    expect(posted).toEqual([`POST /requests/${id}/resend`]);
    expect(emailsAbout(bob.email, id)).toBe(1);
  });

  for (const [lang, button, words] of [
    ['en', 'Resend the emails', 'Write why you do this.'],
    ['fr', 'Renvoyer les e-mails', 'Indiquez pourquoi vous le faites.'],
  ] as const) {
    it(`support's resend with a blank reason, in ${lang}: 303 back to the request, the reason asked for once`, async () => {
      const { bob, id } = await h.pending();
      const sam = await h.account('Sam', lang, 'support');
      const page = await signedInPage(browser, h, sam);
      const posted = posts(page);
      await page.goto(`${h.config.publicBaseUrl}/support/requests/${id}`);
      await page.locator('#resend-reason').fill('   '); // passes the browser's "required", says nothing
      const answer = await submitted(page, () => page.getByRole('button', { name: button }).click());
      expect(answer.status()).toBe(303);
      expect(await answer.headerValue('set-cookie')).toMatch(/^cs_flash=problem\.reasonRequired;/);
      await page.waitForURL(new RegExp(`/support/requests/${id}$`));
      expect(await flash(page).textContent()).toBe(words);

      await goneAfterReload(page, posted);
      expect(posted).toEqual([`POST /support/requests/${id}/resend`]);
      expect(emailsAbout(bob.email, id)).toBe(1);
    });
  }
});
