/**
 * A real headless Chromium for tests of HTML pages (Debian's chromium, driven
 * by playwright-core). Outside CI the tests skip with a printed reason when
 * no browser is installed; under CI a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

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
