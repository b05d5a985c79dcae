import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { posts, signedInPage, snapshot, withBrowserHarness } from './support/browser.js';
import { TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';

// Post/redirect/get in Chromium: after each action the browser lands on a page it got with a GET, which says once
// what happened; a reload, Back or Forward never posts the form again, and Back to a form finds what was typed.

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const flash = (page: Page) => page.locator('#flash');
/** The page shown after a reload, Back or Forward: the navigation is done and the page's text is there. */
const settled = async (page: Page) => page.waitForLoadState('load');

/** A reload, then Back and Forward: each time the page comes from a GET, and does not say the message again. */
async function reloadBackForward(page: Page) {
  await page.reload();
  await settled(page);
  expect(await flash(page).count()).toBe(0);
  await page.goBack();
  await settled(page);
  await page.goForward();
  await settled(page);
  expect(await flash(page).count()).toBe(0);
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const contactsOf = async (account: TestAccount) =>
  (await h.request('GET', '/api/v1/contacts', { token: account.token })).json().items as { name: string }[];
const emailsAbout = (account: TestAccount, id: string) =>
  h.resend.to(account.email).filter((e) => `${e.subject}\n${e.text}`.includes(id)).length;

describe('post/redirect/get on the pages, with a message said once', () => {
  it('adding a contact: the list says it once; reload, Back and Forward add nothing; Back finds the form as typed', async () => {
    const alice = await h.account('Alice', 'en');
    const page = await signedInPage(browser, h, alice);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/contacts/new`);
    await page.getByLabel('First name').fill('Casey');
    await page.getByLabel('Last name').fill('Martin');
    await page.getByLabel('Email address').fill(`casey-${Date.now()}@test.example`);
    await page.getByRole('button', { name: 'Add the contact' }).click();
    await page.waitForURL(/\/contacts\?lang=en$/);
    expect(await flash(page).textContent()).toBe('The contact has been added.');
    expect(await flash(page).getAttribute('role')).toBe('status');
    expect(await axeSerious(page)).toEqual([]);
    await snapshot(page, 'prg-contacts-flash');

    await page.reload();
    await settled(page);
    expect(await page.locator('tr', { hasText: 'Casey Martin' }).count()).toBe(1);
    expect(await flash(page).count()).toBe(0);

    await page.goBack();
    await page.waitForURL(/\/contacts\/new$/);
    await settled(page);
    expect(await page.getByLabel('First name').inputValue()).toBe('Casey');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Martin');

    await page.goForward();
    await page.waitForURL(/\/contacts\?lang=en$/);
    await settled(page);
    expect(await flash(page).count()).toBe(0);
    expect(posted).toEqual(['POST /contacts']);
    expect((await contactsOf(alice)).filter((c) => c.name === 'Casey Martin')).toHaveLength(1);
  });

  it('resending from a request’s page: said once in French; a reload sends no second email', async () => {
    const { alice, bob, id } = await h.pending({ alice: 'fr' });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the harness's resend cooldown
    const page = await signedInPage(browser, h, alice);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/requests/${id}`);
    await page.getByRole('button', { name: 'Renvoyer les e-mails' }).click();
    await flash(page).waitFor();
    expect(page.url()).toMatch(new RegExp(`/requests/${id}$`));
    expect(await flash(page).textContent()).toContain('Les e-mails ont été renvoyés');
    await h.email(bob, (t) => t.includes(id), 2);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // a post now would be allowed: none must come
    await reloadBackForward(page);
    expect(posted).toEqual([`POST /requests/${id}/resend`]);
    expect(emailsAbout(bob, id)).toBe(2);
  });

  it('changing one’s password: said once in Dutch in its section; a reload does not post it again', async () => {
    const nina = await h.account('Nina', 'nl');
    const page = await signedInPage(browser, h, nina);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/profile`);
    await page.getByLabel('Huidig wachtwoord').fill(TEST_PASSWORD);
    await page.locator('#newPassword').fill('zeven lange woorden voor een sterk wachtwoord');
    await page.locator('#password button[type=submit]').click();
    await page.waitForURL(/\/profile#password$/);
    const said = page.locator('#password [role=status]');
    expect(await said.textContent()).toBe('Uw wachtwoord is gewijzigd. Uw andere sessies zijn uitgelogd.');

    await page.reload();
    await settled(page);
    expect(await said.count()).toBe(0);
    await page.goBack();
    await settled(page);
    expect(await page.locator('#currentPassword').inputValue()).toBe('');
    await page.goForward();
    await settled(page);
    expect(await said.count()).toBe(0);
    expect(posted).toEqual(['POST /profile/password']);
  });

  it('support resends with a reason: said once; Back and Forward send nothing more', async () => {
    const { bob, id } = await h.pending();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const sam = await h.account('Sam', 'en', 'support');
    const page = await signedInPage(browser, h, sam);
    const posted = posts(page);
    await page.goto(`${h.config.publicBaseUrl}/support/requests/${id}`);
    await page.locator('#resend-reason').fill('Bob lost the first email');
    await page.getByRole('button', { name: 'Resend the emails' }).click();
    await flash(page).waitFor();
    expect(await flash(page).textContent()).toBe('The emails were sent again.');
    await h.email(bob, (t) => t.includes(id), 2);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await reloadBackForward(page);
    expect(posted).toEqual([`POST /support/requests/${id}/resend`]);
    expect(emailsAbout(bob, id)).toBe(2);
  });
});
