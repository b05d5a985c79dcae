import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snapshot } from './support/browser.js';
import { startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let short: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, short, browser] = await Promise.all([
    startHarness({ listen: true, devMailbox: true }),
    startHarness({ listen: true, devMailbox: true, ttl: '4s' }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([h?.close(), short?.close()]);
});

const base = (harness: Harness) => harness.config.publicBaseUrl;

/** Alice (fr) hands her tech role to Bob (in `bobLanguage`); returns the request id. */
async function request(harness: Harness, bobLanguage: 'fr' | 'en' | 'nl' = 'en') {
  const alice = await harness.account('Alice', 'fr');
  const bob = await harness.account('Bob', bobLanguage);
  const service = await harness.service(alice);
  const id = (await harness.change(alice, service.id, ['tech'], bob)).json().id as string;
  return { alice, bob, service, id };
}

/** Opens the mailbox in the browser, then the email to `who` (newest, or the first one sent), then its decision link.
 * */
async function openDecisionLink(
  page: Page,
  harness: Harness,
  who: TestAccount,
  id: string,
  which: 'newest' | 'first' = 'newest',
) {
  await waitFor(
    async () => {
      await page.goto(`${base(harness)}/dev/mailbox`);
      return (await page.locator('tr', { hasText: who.email }).count()) > 0;
    },
    15_000,
    `an email to ${who.handle} in the mailbox`,
  );
  const rows = page.locator('tr', { hasText: who.email });
  await (which === 'newest' ? rows.first() : rows.last()).getByRole('link').click();
  await page.locator(`a[href*="/requests/${id}/decision"]`).first().click();
  await page.waitForURL(new RegExp(`/requests/${id}/decision`));
}

describe('a contact who opens the link from the email', () => {
  it('sees the code filled in, the code gone from the address bar, and nothing decided until a button is pressed', async () => {
    const { alice, bob, id } = await request(h);
    const page = await browser.newPage();
    await openDecisionLink(page, h, bob, id);
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.locator('#token').inputValue()).toMatch(/^[\w-]{43}$/);
    expect((await h.get(id, alice)).to).toMatchObject({ decision: null });
    await snapshot(page, 'decision-page-en');

    await page.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => page.locator('[role="status"]').textContent())
      .toContain('still awaiting the other contact');

    const alicePage = await browser.newPage();
    await openDecisionLink(alicePage, h, alice, id);
    await alicePage.getByRole('button', { name: 'Accepter' }).click();
    await expect.poll(() => alicePage.locator('[role="status"]').textContent()).toContain('changement est effectif');
    expect(await alicePage.locator('form[action*="/decision"]').count()).toBe(0);
    await snapshot(alicePage, 'decision-done-fr');
    await Promise.all([page.close(), alicePage.close()]);
  });

  it('can refuse, with a reason that everyone is told', async () => {
    const { alice, bob, id } = await request(h, 'nl');
    const page = await browser.newPage();
    await openDecisionLink(page, h, bob, id);
    await page.getByLabel('Reden, als u weigert (optioneel)').fill('Ik ken deze dienst niet');
    await page.getByRole('button', { name: 'Weigeren' }).click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('geweigerd');
    const change = await h.get(id, alice);
    expect(change.state).toBe('refused');
    expect(change.timeline).toContainEqual(
      expect.objectContaining({ type: 'refused', detail: { reason: 'Ik ken deze dienst niet' } }),
    );
    await page.close();
  });

  it('after the request expired, is told so and offered no buttons', async () => {
    const { alice, bob, id } = await request(short);
    await short.waitForState(id, alice, 'expired', 15_000);
    const page = await browser.newPage();
    await openDecisionLink(page, short, bob, id, 'first');
    expect(await page.locator('dl').textContent()).toContain('expired');
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await snapshot(page, 'decision-expired-en');
    await page.close();
  });
});

describe('the decision page', () => {
  for (const lang of ['fr', 'en', 'nl'] as const) {
    it(`reads in ${lang}`, async () => {
      const { bob, id } = await request(h, lang);
      const page = await browser.newPage();
      await openDecisionLink(page, h, bob, id);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const words = {
        fr: ['Votre code', 'Accepter', 'Refuser'],
        en: ['Your code', 'Accept', 'Refuse'],
        nl: ['Uw code', 'Accepteren', 'Weigeren'],
      }[lang];
      const text = await page.locator('main').textContent();
      for (const word of words) expect(text).toContain(word);
      await snapshot(page, `decision-page-${lang}`);
      await page.close();
    });
  }

  it('switches language without losing the code from the link', async () => {
    const { bob, id } = await request(h, 'en');
    const page = await browser.newPage();
    await openDecisionLink(page, h, bob, id);
    const code = await page.locator('#token').inputValue();
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(new RegExp(`/requests/${id}/decision`));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('#token').inputValue()).toBe(code);
    expect(page.url()).not.toContain('token');
    await page.close();
  });

  it('decides nothing on Enter in the code field, with or without JavaScript', async () => {
    const { alice, bob, id } = await request(h);
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await openDecisionLink(page, h, bob, id);
      const posted: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posted.push(r.url());
      });
      await page.locator('#token').fill('A'.repeat(43));
      await page.locator('#token').press('Enter');
      // A round trip the page would have made before a POST it sent is over by the time this one answers.
      await page.evaluate(() => fetch('/assets/decision.js').then((r) => r.text()));
      expect(posted, `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toEqual([]);
      expect(await page.locator('#token').inputValue()).toBe('A'.repeat(43));
      if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason');
      await context.close();
    }
    expect((await h.get(id, alice)).to).toMatchObject({ decision: null });
  });

  it('keeps a wrong code as typed, marked invalid, with the error beside it', async () => {
    const { bob, id } = await request(h, 'fr');
    const page = await browser.newPage();
    await openDecisionLink(page, h, bob, id);
    await page.locator('#token').fill('mauvais-code-colle');
    await page.getByRole('button', { name: 'Accepter' }).click();
    await expect.poll(() => page.locator('#token-error').textContent()).toContain('Ce code n’est pas valable');
    expect(await page.locator('#token').inputValue()).toBe('mauvais-code-colle');
    expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('true');
    await snapshot(page, 'decision-wrong-code-fr');
    await page.close();
  });

  it('works with JavaScript off: the code is pasted by hand', async () => {
    const { alice, bob, id } = await request(h);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await openDecisionLink(page, h, bob, id);
    expect(await page.locator('#token').inputValue()).toBe('');
    await page.goBack();
    const code = (await page.locator('pre').textContent())!.match(/^([\w-]{43})$/m)![1]!;
    await page.goForward();
    await page.locator('#token').fill(code);
    await page.getByRole('button', { name: 'Accept' }).click();
    expect(await page.locator('[role="status"]').textContent()).toContain('still awaiting the other contact');
    expect((await h.get(id, alice)).to).toMatchObject({ decision: 'accepted' });
    await snapshot(page, 'decision-no-javascript');
    await context.close();
  });
});
