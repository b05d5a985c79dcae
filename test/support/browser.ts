import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import {
  startHarness,
  TEST_PASSWORD,
  type Harness,
  type HarnessApi,
  type HarnessOptions,
  type TestAccount,
} from './harness.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);

/** Debian's Chromium, headless; browser downloads are impossible here, so the tests use the system one. */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  } catch (err) {
    throw new Error(
      `Cannot start ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does). ${(err as Error).message}`,
    );
  }
}

/** Saves a screenshot under test/artifacts/ (kept out of git), named after what it shows. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

/**
 * A fresh browser profile (English unless `context` says otherwise), signed in through the sign-in page as a person
 * would.
 */
export async function signedInPage(
  browser: Browser,
  h: HarnessApi,
  account: TestAccount,
  context: BrowserContextOptions = {},
): Promise<Page> {
  await h.signIn(account); // sets the password
  const page = await (await browser.newContext({ locale: 'en-GB', ...context })).newPage();
  await page.goto(`${h.config.publicBaseUrl}/signin`);
  await page.getByLabel('Customer handle').fill(account.handle);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/services$/);
  return page;
}

/** The forms this page posted, as "POST /path", counted from the moment it is watched. */
export function posts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.isNavigationRequest())
      seen.push(`POST ${new URL(request.url()).pathname}`);
  });
  return seen;
}

/**
 * A listening harness and a browser for the file's tests, started once before them and closed after: `set` receives
 * both once they run.
 */
export function withBrowserHarness(set: (h: Harness, browser: Browser) => void, options: HarnessOptions = {}): void {
  let started: [Harness, Browser] | undefined;
  beforeAll(async () => {
    started = await Promise.all([startHarness({ ...options, listen: true }), launchBrowser()]);
    set(...started);
  });
  afterAll(async () => {
    await started?.[1].close();
    await started?.[0].close();
  });
}
