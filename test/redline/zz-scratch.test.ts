import { it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { readDocument } from '../../src/readers/index.js';
import { redline } from '../../src/redline/redline.js';
import { redlineString } from '../../src/redline/redline-string.js';
import { acceptAll, rejectAll, comparable } from '../../src/redline/apply.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { writeRedlineHtml } from '../../src/writers/redline/html.js';
const C = '/work/shared/corpus/';
function load(f: string) { return readDocument(readFileSync(C + f), f).document; }
function firstDiff(a: string[], b: string[]) { for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return [i, a[i], b[i]]; return null; }
it('scratch', () => {
  for (const [x, y] of [['commonpaper/CSA-v1.0.md', 'commonpaper/CSA-v2.1.md'], ['zh/mozilla-cloud-services-tos.zh-CN.v3-2023.md', 'zh/mozilla-cloud-services-tos.zh-CN.v4-2025.md'], ['site-policy/v5.md', 'site-policy/v6.md']]) {
    const a = load(x), b = load(y);
    const t = performance.now();
    const r = redline(a, b);
    console.log(x, y, (performance.now() - t).toFixed(1), 'ms', JSON.stringify(r.summary));
    console.log('accept', JSON.stringify(firstDiff(comparable(acceptAll(r)), documentParagraphs(b))));
    console.log('reject', JSON.stringify(firstDiff(comparable(rejectAll(r)), documentParagraphs(a))));
    const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
    console.log('docx accept', JSON.stringify(firstDiff(comparable(acceptAllDocx(bytes)), documentParagraphs(b))));
    console.log('docx reject', JSON.stringify(firstDiff(comparable(rejectAllDocx(bytes)), documentParagraphs(a))));
    const name = y.replace(/\W/g, '_');
    writeFileSync('/tmp/scratch/' + name + '.txt', redlineString(r, { labels: true }).split(' ¶ ').join('\n'));
    writeFileSync('/tmp/scratch/' + name + '.html', writeRedlineHtml(r));
    writeFileSync('/tmp/scratch/' + name + '.docx', bytes);
  }
});
