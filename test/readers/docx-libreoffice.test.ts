/**
 * DOCX from another producer: LibreOffice saves the pages clausewright
 * publishes (the corpus's Markdown documents as HTML) as DOCX, with its own
 * styles, numbering and run splitting, and the DOCX reader finds the same
 * clauses, numbers and headings as the Markdown reader found in the source.
 * And a counterparty on LibreOffice: our own agreement, opened and saved again
 * as DOCX, redlines against what we sent with no change at all.
 * Skipped, with the reason printed, only where soffice is missing outside CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { allClauses, inlineText, printedTitle } from '../../src/model/walk.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { hasChanges } from '../../src/redline/apply.js';
import { headerFooterChanges } from '../../src/redline/headers-footers.js';
import { redline } from '../../src/redline/redline.js';
import { assembleFiles } from '../../src/playbook/files.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { REPO, UNDER_CI } from '../helpers.js';
import { loadCorpus } from '../redline/corpus-pairs.js';

const FILES = ['commonpaper/CSA-v2.1.md', 'site-policy/v6.md', 'zh/mozilla-cloud-services-tos.zh-CN.v4-2025.md'];
const missing = spawnSync('sh', ['-c', 'command -v soffice']).status === 0 ? '' : 'soffice';
if (missing && !UNDER_CI) console.log('[readers/docx-libreoffice] skipped: soffice not installed (apt-get install libreoffice-writer)');

/** Each clause as "number|heading", in order; LibreOffice saves the page's <h1> title as a Heading 1, so `title` is left out. */
const outline = (d: Document, title: string) =>
  allClauses(d)
    .map((c) => `${c.number ?? ''}|${inlineText(c.heading ?? [])}`)
    .filter((h) => h !== `|${title}`);

describe.skipIf(missing !== '' && !UNDER_CI)('readDocx on DOCX that LibreOffice writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-lo-docx-'));
  const read = new Map<string, Document>();

  const agreements: Array<{ name: string; sent: Uint8Array }> = [];

  beforeAll(() => {
    expect(missing, 'soffice is needed for this test (CI must install libreoffice-writer)').toBe('');
    const pages = FILES.map((file, i) => {
      const page = join(dir, `d${i}.html`);
      writeFileSync(page, writeHtml(loadCorpus(file)).output as string);
      return page;
    });
    for (const lang of ['zh', 'en'] as const) {
      const { document } = assembleFiles({ playbook: join(REPO, 'playbooks/aigc-user-agreement.yaml'), data: join(REPO, 'examples/aigc-user-agreement.yaml'), lang, date: '2026-01-01' });
      const sent = writeDocx(document, { date: '2026-01-01' }).bytes;
      mkdirSync(join(dir, 'sent'), { recursive: true });
      writeFileSync(join(dir, 'sent', `agreement-${lang}.docx`), sent);
      agreements.push({ name: `agreement-${lang}`, sent });
    }
    // A profile of its own, so another LibreOffice (the user's, another test's) is left alone.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ...pages], { encoding: 'utf8', timeout: 180_000 });
    if (run.status !== 0) throw new Error(`LibreOffice could not convert the pages: ${run.stderr}`);
    const saved = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ...agreements.map((a) => join(dir, 'sent', `${a.name}.docx`))], { encoding: 'utf8', timeout: 180_000 });
    if (saved.status !== 0) throw new Error(`LibreOffice could not save the agreements again: ${saved.stderr}`);
    FILES.forEach((file, i) => read.set(file, readDocx(readFileSync(join(dir, `d${i}.docx`)), `d${i}.docx`).document));
  }, 200_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should redline our agreement, saved again by LibreOffice, against what we sent with no change (words, formatting, numbers, headers and footers)', () => {
    for (const { name, sent } of agreements) {
      const sentRead = readDocx(sent, `${name}.docx`);
      const savedRead = readDocx(readFileSync(join(dir, `${name}.docx`)), `${name}.docx`);
      const [ours, theirs] = [sentRead.document, savedRead.document];
      // Its header and footer (title, version, "Page X of Y") read the same too: no warning.
      expect(sentRead.headersFooters?.length, name).toBe(2);
      expect(headerFooterChanges(sentRead.headersFooters ?? [], savedRead.headersFooters ?? [], name), name).toEqual([]);
      expect(allClauses(theirs).length, name).toBeGreaterThan(20);
      const r = redline(ours, theirs);
      expect(hasChanges(r), name).toBe(false);
      expect(r.summary.restyled, name).toBe(0);
    }
  });

  it('should find every clause with its number and heading, a number LibreOffice typed before the heading included', () => {
    for (const file of FILES) {
      const source = loadCorpus(file);
      const expected = outline(source, source.meta.title);
      expect(expected.length, file).toBeGreaterThan(10);
      expect(outline(read.get(file)!, source.meta.title), file).toEqual(expected);
    }
  });

  it('should redline the DOCX against its source with no clause heading changed', () => {
    for (const file of FILES) {
      const r = redline(loadCorpus(file), read.get(file)!);
      const headings = r.clauses.filter((c) => c.kind === 'clause').flatMap((c) => c.paragraphs.filter((p) => p.kind === 'heading' && p.spans.some((s) => s.kind !== 'kept')));
      // A printed title, which LibreOffice turns into a Heading 1, is the one heading the source lacks.
      const title = printedTitle(loadCorpus(file));
      expect(headings.map((p) => p.spans.map((s) => `${s.kind}:${s.text}`).join('|')), file).toEqual(title ? [`inserted:${title}`] : []);
    }
  });
});
