import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);

/** Debian's Chromium, headless; browser downloads are impossible here, so the tests use the system one. */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  } catch (err) {
    throw new Error(`Cannot start ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does). ${(err as Error).message}`);
  }
}

/** Saves a screenshot under test/artifacts/ (kept out of git), named after what it shows. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}
