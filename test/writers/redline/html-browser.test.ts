/** The redline page a negotiator opens, in a real browser (issue 4). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readMarkdown, redline, writeRedline } from '../../../src/index.js';
import { SHARED } from '../../helpers.js';
import { browserSkipReason, useBrowser } from '../../browser.js';

const skip = browserSkipReason();
/** Runs in the page; the project compiles without DOM types. */
const decoration = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string } }).getComputedStyle(el).textDecorationLine;
const corpus = (file: string) => readMarkdown(readFileSync(join(SHARED, 'corpus', file), 'utf8'), file).document;

describe.skipIf(skip)('HTML redline in Chromium', () => {
  const browser = useBrowser();
  let page: Page;
  beforeAll(async () => {
    const r = redline(corpus('commonpaper/CSA-v1.0.md'), corpus('commonpaper/CSA-v2.1.md'));
    page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent((await writeRedline('html', r, { author: 'Counterparty', date: '2026-01-01' })) as string);
  });

  it('should show the summary table with the counts of the redline', async () => {
    const rows = await page.locator('table.summary tr').allInnerTexts();
    expect(rows.join('\n')).toMatch(/Clauses added\s+8/);
    expect(rows.join('\n')).toMatch(/Clauses deleted\s+7/);
  });

  it('should render insertions underlined and deletions struck through', async () => {
    const ins = page.locator('ins').first();
    const del = page.locator('del').first();
    await expect.poll(() => ins.isVisible()).toBe(true);
    expect(await ins.evaluate(decoration)).toContain('underline');
    expect(await del.evaluate(decoration)).toContain('line-through');
  });

  it('should show the removed Professional Services section as deleted, and the new Machine Learning clause as added', async () => {
    await expect.poll(() => page.locator('section.clause.deleted', { hasText: 'Professional Services' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('section.clause.added', { hasText: 'Machine Learning' }).count()).toBeGreaterThan(0);
  });

  it('should list every changed clause once, each entry leading to its section', async () => {
    const entries = page.locator('details.changes li a');
    expect(await entries.count()).toBe(55); // 39 changed + 8 added + 7 deleted + 1 moved
    for (const href of await entries.evaluateAll((links) => links.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')))) {
      expect(await page.locator(href).count(), href).toBe(1);
    }
    await page.locator('details.changes li a', { hasText: 'Machine Learning' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toMatch(/^#c\d+$/);
  });

  it('should print with the marks in colour and no page frame', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const style = (el: unknown) => {
        const s = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el);
        return [s.printColorAdjust ?? s.webkitPrintColorAdjust, s.boxShadow];
      };
      expect(await page.locator('ins').first().evaluate(style)).toEqual(['exact', 'none']);
      expect((await page.locator('main').evaluate(style))[1]).toBe('none');
      // Chromium lays the page out for paper: a PDF with the redline's text in it.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('should link a move to its other end', async () => {
    const note = page.locator('a.move-note').first();
    const target = (await note.getAttribute('href'))!;
    expect(await page.locator(target).count()).toBe(1);
  });

  it('should show the disclaimer sentence that became bold in bold, flagged, with the change in its tooltip', async () => {
    const restyled = page.locator('span.restyled', { hasText: 'These disclaimers apply' });
    await expect.poll(() => restyled.isVisible()).toBe(true);
    const weight = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontWeight: string } }).getComputedStyle(el).fontWeight;
    expect(Number(await restyled.locator('strong').evaluate(weight))).toBeGreaterThanOrEqual(700);
    expect(await restyled.getAttribute('title')).toBe('made bold');
    expect((await page.locator('table.summary tr').allInnerTexts()).join('\n')).toMatch(/Formatting changes\s+1/);
  });
});
