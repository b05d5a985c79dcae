import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot, withBrowserHarness } from './support/browser.js';
import { type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTHS = [1280, 390] as const;

/** A browser profile (English) carrying the session cookie of `account`, at `width` px wide. */
async function pageAs(account: TestAccount | null, width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width, height: 800 } });
  if (account) {
    const [name, value] = (await h.signIn(account)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: h.config.publicBaseUrl }]);
  }
  return context.newPage();
}

/** What the page scrolls sideways by, at its current width (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** axe-core's violations on the page as it stands: rule id and the first element it names. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the pages' CSP (script-src 'self') refuses an added <script> tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; nodes: { target: string[] }[] };
    return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

/**
 * The words of table cells and term/value lists that are laid out over two lines: a run of letters whose text spans
 * two line boxes ("technic|al", "example.f|r"). Ids in <code> are tokens, free to wrap anywhere.
 */
const brokenWords = (page: Page) =>
  page.evaluate(() => {
    const split: string[] = [];
    for (const box of document.querySelectorAll('td, th, dd, dt')) {
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('code')) continue;
        for (const match of (node.textContent ?? '').matchAll(/\p{L}{2,}/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  });

/** Visits `path` at both widths: nothing scrolls sideways, axe finds nothing; a screenshot of each. */
async function check(account: TestAccount | null, name: string, path: string): Promise<void> {
  for (const width of WIDTHS) {
    const page = await pageAs(account, width);
    const res = await page.goto(`${h.config.publicBaseUrl}${path}`);
    expect(res?.status(), `${name} at ${width}px`).toBeLessThan(400);
    await snapshot(page, `screenshots/${name}-${width}`);
    expect.soft(await overflow(page), `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    expect.soft(await brokenWords(page), `${name}: words broken at ${width}px`).toEqual([]);
    expect.soft(await violations(page), `${name} at ${width}px`).toEqual([]);
    await page.context().close();
  }
}

interface World {
  alice: TestAccount;
  sam: TestAccount;
  serviceId: string;
  contactId: string;
  requestId: string;
}
let world: World;

/** Alice holds a hosting with a long name, a contact with a long name and a phone, and a pending request. */
async function setUp(): Promise<World> {
  const [alice, bob, sam] = [await h.account('Alice'), await h.account('Bob'), await h.account('Sam', 'en', 'support')];
  const service = await h.service(alice);
  await h.db.execute(
    sql`update services set kind = 'hosting', name = 'hosting-perso.example.fr' where id = ${service.id}`,
  );
  const contact = await h.contact(alice, { phone: '+33612345678', lastName: 'Vandenberghe-Delacroix' });
  const requestId = (await h.change(alice, service.id, ['tech', 'billing'], bob)).json().id as string;
  return { alice, sam, serviceId: service.id, contactId: contact.id, requestId };
}

const PAGES: [name: string, who: 'alice' | 'sam' | null, path: (w: World) => string][] = [
  ['services', 'alice', () => '/services'],
  ['change', 'alice', (w) => `/services/${w.serviceId}/change`],
  ['requests', 'alice', () => '/requests'],
  [
    'requests-filtered',
    'alice',
    (w) => `/requests?state=validatingByCustomers&service=${w.serviceId}&createdFrom=2026-01-01`,
  ],
  ['requests-none', 'alice', (w) => `/requests?state=done&service=${w.serviceId}`],
  ['request', 'alice', (w) => `/requests/${w.requestId}`],
  ['contacts', 'alice', () => '/contacts'],
  ['contact', 'alice', (w) => `/contacts/${w.contactId}/edit`],
  ['profile', 'alice', () => '/profile'],
  ['sessions', 'alice', () => '/account/sessions'],
  ['two-step', 'alice', () => '/account/two-step'],
  ['api-tokens', 'alice', () => '/account/api-tokens'],
  ['activity', 'alice', () => '/account/activity'],
  ['decision', null, (w) => `/requests/${w.requestId}/decision`],
  ['signin', null, () => '/signin'],
  ['password-forgot', null, () => '/password/forgot'],
  ['support', 'sam', () => '/support'],
  ['support-search', 'sam', () => '/support?q=hosting-perso'],
  ['support-request', 'sam', (w) => `/support/requests/${w.requestId}`],
];

describe('every page, at 1280 px and on a 390 px phone', () => {
  beforeAll(async () => {
    world = await setUp();
  });

  for (const [name, who, path] of PAGES) {
    it(`${name}: fits the width, passes axe`, async () => {
      await check(who && world[who], name, path(world));
    });
  }

  it('at 1280 px, no cell of the support table breaks inside a word', async () => {
    const page = await pageAs(world.sam, 1280);
    await page.goto(`${h.config.publicBaseUrl}/support?q=hosting-perso`);
    expect(await page.locator('td', { hasText: 'hosting-perso.example.fr' }).count()).toBeGreaterThan(0);
    const broken = await brokenWords(page);
    // Nor may a wider or narrower table: only the ids in <code> may wrap anywhere, never a cell's words.
    const breakable = await page.$$eval('table.support-changes td, table.support-changes th', (cells) =>
      cells
        .map((cell) => [cell.textContent?.trim(), getComputedStyle(cell)] as const)
        .filter(([, style]) => style.wordBreak === 'break-all' || style.overflowWrap === 'anywhere')
        .map(([text]) => text),
    );
    expect(breakable).toEqual([]);
    expect(broken).toEqual([]);
    await page.context().close();
  });
});
