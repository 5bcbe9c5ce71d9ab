/**
 * A real headless Chromium for tests of HTML pages (Debian's chromium, driven
 * by playwright-core). Outside CI the tests skip with a printed reason when
 * no browser is installed; under CI a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export function browserSkipReason(): string | undefined {
  if (CHROMIUM) return undefined;
  if (process.env.CI) throw new Error('Chromium is required under CI (apt-get install chromium)');
  const reason = 'Chromium not installed (apt-get install chromium); skipping real-browser tests';
  console.warn(reason);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One Chromium for the tests of the calling describe block: launched before
 * the first, closed after the last. Call it first in the block, so a later
 * beforeAll can already open pages.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll: call it from a test or a later hook');
    return browser;
  };
}
