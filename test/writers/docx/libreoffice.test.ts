/**
 * A real client: LibreOffice converts every DOCX we write (the sample and,
 * when present, the three example agreements in zh, en and zh+en) to PDF, and
 * the PDF text holds every clause heading of each language with its number.
 * Skipped, with the reason printed, only where soffice is missing outside CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/nodes.js';
import { allClauses, inlineText } from '../../../src/model/walk.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { ROOT } from './dist.js';
import { UNDER_CI } from '../../helpers.js';
import { bilingualSample, sample } from './sample.js';

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = ['soffice', 'pdftotext', 'pdffonts'];
const missing = tools.filter((t) => !has(t));
if (missing.length > 0 && !UNDER_CI) console.log(`[docx/libreoffice] skipped: ${missing.join(', ')} not installed (apt-get install libreoffice-writer poppler-utils fonts-wqy-microhei)`);

/** Example agreements, when the playbooks and their example deal files exist. */
async function examples(failures: string[]): Promise<Array<[string, Document]>> {
  const dir = join(ROOT, 'playbooks');
  if (!existsSync(dir)) return [];
  const { assembleFiles } = (await import('../../../src/index.js')) as typeof import('../../../src/index.js');
  const out: Array<[string, Document]> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const id = file.replace(/\.yaml$/, '');
    const data = join(ROOT, 'examples', `${id}.yaml`);
    if (!existsSync(data)) continue;
    for (const lang of ['zh', 'en', 'zh+en'] as const) {
      try {
        const { document } = assembleFiles({ playbook: join(dir, file), data, lang, date: '2026-01-01' });
        out.push([`${id}.${lang.replace('+', '-')}`, document]);
      } catch (cause) {
        // Reported by its own test below, so the other examples still render.
        failures.push(`${id} (${lang}): ${(cause as Error).message}`);
      }
    }
  }
  return out;
}

// pdftotext drops line breaks and the hyphen of a word broken at a line end.
const squash = (s: string): string => s.replace(/[\s-]+/g, '');

describe.skipIf(missing.length > 0 && !UNDER_CI)('LibreOffice renders the DOCX', () => {
  let dir: string;
  const docs: Array<[string, Document]> = [];
  const text = new Map<string, string>();
  const failures: string[] = [];

  beforeAll(async () => {
    expect(missing, 'tools needed for the real-client test (CI must install them)').toEqual([]);
    dir = mkdtempSync(join(tmpdir(), 'cw-lo-'));
    docs.push(['sample.zh', sample('zh')], ['sample.en', sample('en')], ['sample.zh-en', bilingualSample()], ...(await examples(failures)));
    for (const [name, d] of docs) writeFileSync(join(dir, `${name}.docx`), writeDocx(d).bytes);
    // One soffice run for all files; a private profile so a running LibreOffice is not disturbed.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs.map(([n]) => join(dir, `${n}.docx`))],
      { stdio: 'pipe', timeout: 280_000 },
    );
    for (const [name] of docs) text.set(name, execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }));
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('should assemble every example agreement', () => {
    expect(failures).toEqual([]);
  });

  it('should convert every DOCX to a PDF holding each clause heading in each language', () => {
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const [name, d] of docs) {
      const pdf = squash(text.get(name) ?? '');
      for (const edition of [d, ...(d.translations ?? [])]) {
        expect(pdf, `${name}: title`).toContain(squash(edition.meta.title));
        for (const clause of allClauses(edition).filter((c) => c.heading)) {
          expect(pdf, `${name}: heading of ${clause.id} (${edition.lang})`).toContain(squash(inlineText(clause.heading!)));
        }
      }
    }
  });

  it('should show Word numbering and cross-reference numbers in the PDF', () => {
    const en = text.get('sample.en')!;
    expect(en).toMatch(/^2\.2\s+The User grants/m);
    expect(en).toMatch(/\(b\)\s+promote the Service/);
    expect(squash(en)).toContain('exceptassetoutinClause2.2andClause2.2(b).');
    expect(squash(text.get('sample.zh')!)).toContain('但第2.2条及第2.2(b)条另有约定的除外');
  });

  it('should draw Chinese with a CJK font', () => {
    const fonts = execFileSync('pdffonts', [join(dir, 'sample.zh.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/WenQuanYi|Noto.*CJK|SimSun|Source Han|Droid Sans Fallback/i);
  });
});
