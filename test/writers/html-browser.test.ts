/** The assembled HTML page in a real browser: readable, bilingual columns side by side. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleFiles, writeHtml } from '../../src/index.js';
import { MINI } from '../helpers.js';
import { browserSkipReason, useBrowser } from '../browser.js';

const skip = browserSkipReason();

describe.skipIf(skip)('HTML page in Chromium', () => {
  const browser = useBrowser();

  const page = async (lang: 'en' | 'zh+en') => {
    const { document } = assembleFiles({ playbook: join(MINI, 'playbooks/mini.yaml'), data: join(MINI, 'deals/good.yaml'), lang, date: '2026-01-01' });
    const p = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await p.setContent(writeHtml(document).output as string);
    return p;
  };

  it('should show the clause headings and follow a cross-reference to its clause', async () => {
    const p = await page('en');
    expect(await p.locator('h3').allInnerTexts()).toEqual(['1Definitions', '2Fees and Payment', '3Disputes'].map((t) => expect.stringMatching(new RegExp(t.replace(/^(\d)/, '$1\\s*')))));
    const href = await p.locator('a.xref', { hasText: 'Clause 3' }).getAttribute('href');
    expect(await p.locator(href!).innerText()).toMatch(/Disputes arising from this agreement/);
    await p.close();
  });

  it('should place Chinese left of English in the same row for each clause', async () => {
    const p = await page('zh+en');
    const zh = await p.locator('h3', { hasText: '费用与支付' }).boundingBox();
    const en = await p.locator('h3', { hasText: 'Fees and Payment' }).boundingBox();
    expect(zh && en).toBeTruthy();
    expect(zh!.x).toBeLessThan(en!.x);
    expect(Math.abs(zh!.y - en!.y)).toBeLessThan(5);
    await p.close();
  });
});
