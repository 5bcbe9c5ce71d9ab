/**
 * The HTML reader against a real browser: the words it reads from a page are
 * the words Chromium shows of the page's main content, in the same order
 * (hidden text, scripts and navigation left out by both).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clause, Document } from '../../src/model/nodes.js';
import { allClauses, blockText, inlineText } from '../../src/model/walk.js';
import { assembleFiles } from '../../src/playbook/files.js';
import { readHtml } from '../../src/readers/html.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { REPO } from '../helpers.js';
import { browserSkipReason, useBrowser } from '../browser.js';

const skip = browserSkipReason();

/**
 * Words in reading order, each Chinese character one word (a browser shows a line break in the
 * source between two of them as a space; the reader joins them); marks, bullets and spacing are layout.
 */
const words = (text: string) => text.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? [];

const PAGE = `<!DOCTYPE html><html><head><title>T</title><script>var x = "<p>no</p>";</script></head><body>
<nav>Home · Terms</nav>
<main><h1>Terms of Service</h1><p>Updated 1&nbsp;March 2026.<h2>1. Fees</h2>
<p>Fees are <b>due</b> in <a href="https://x.example">advance</a>.<br>No refunds.</p><p hidden>secret</p>
<ul><li>Monthly;<li>by <mark>transfer</mark><ul><li>in CNY</li></ul></li></ul>
<h2>2. 责任</h2><p>本平台对间接损失
不承担责任。</p><table><tr><th>Plan</th><th>Price</th></tr><tr><td>Pro</td><td>USD 10</td></tr></table></main>
<footer>© X</footer></body></html>`;

/** A document's text as its page shows it: title, clause numbers and headings, blocks with their list labels. */
function pageText(document: Document): string {
  const lines = [document.meta.title];
  const clause = (c: Clause): void => {
    lines.push([c.number, inlineText(c.heading ?? [])].filter(Boolean).join(' '), ...c.children.map(blockText));
    c.clauses.forEach(clause);
  };
  for (const part of document.parts) {
    lines.push(inlineText(part.title ?? []), ...part.children.map(blockText));
    part.clauses.forEach(clause);
  }
  return lines.join('\n');
}

describe.skipIf(skip)('HTML reader beside Chromium', () => {
  const browser = useBrowser();

  /** What Chromium shows of the page's main content, and what the reader reads (title first, list markers aside). */
  const both = async (html: string) => {
    const page = await browser().newPage();
    await page.setContent(html);
    const shown = await page.locator('main').innerText();
    await page.close();
    const { document } = readHtml(html, 'page.html');
    return { shown: words(shown), read: words(pageText(document)), document };
  };


  it('should read the words a browser shows of a hand-written page, in order', async () => {
    const { shown, read } = await both(PAGE);
    expect(read).toEqual(shown);
    expect(shown).not.toContain('secret');
  });

  it('should read the words a browser shows of every agreement clausewright publishes', async () => {
    for (const playbook of ['aigc-user-agreement', 'model-licence-agreement']) {
      for (const lang of ['zh', 'en'] as const) {
        const { document } = assembleFiles({ playbook: join(REPO, 'playbooks', `${playbook}.yaml`), data: join(REPO, 'examples', `${playbook}.yaml`), lang, date: '2026-01-01' });
        const { shown, read, document: fromPage } = await both(writeHtml(document).output as string);
        expect(read.length, `${playbook} ${lang}`).toBeGreaterThan(1000);
        expect(read, `${playbook} ${lang}`).toEqual(shown);
        // Not only the words: every clause is found as a clause, with its number and heading (a chapter title becomes one too).
        const headed = (d: Document) => d.parts.flatMap((p) => allClauses(p)).filter((c) => c.heading).map((c) => `${c.number} ${inlineText(c.heading!)}`);
        expect(headed(fromPage), `${playbook} ${lang}`).toEqual(expect.arrayContaining(headed(document)));
      }
    }
  });
});
