/** The Markdown corpus of ../shared/corpus: every file reads, and the v5/v6 and v1/v2 pairs line up. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers/index.js';
import { blockTexts, corpusDir, findClause, hasCorpus, headings, outline } from './helpers.js';

const read = (rel: string) => readDocument(readFileSync(join(corpusDir, rel)), join(corpusDir, rel)).document;

describe.skipIf(!hasCorpus)('markdown corpus', () => {
  const files = ['commonpaper', 'site-policy', 'zh'].flatMap((dir) =>
    readdirSync(join(corpusDir, dir))
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => `${dir}/${f}`),
  );

  it.each(files)('should read %s into clauses', (rel) => {
    const d = read(rel);
    expect(headings(d).length).toBeGreaterThan(5);
    expect(blockTexts(d).join('').length).toBeGreaterThan(1000);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('should give site-policy v5 and v6 the same clause tree where headings did not change', () => {
    const v5 = outline(read('site-policy/v5.md'));
    const v6 = outline(read('site-policy/v6.md'));
    // v6 renames "User Account Security" and adds D.8 "Access Reciprocity"; nothing else moves.
    expect(v6.filter((h) => !h.includes('Access Reciprocity'))).toEqual(v5.map((h) => h.replace('User Account Security', 'Account Security')));
    expect(v5).toContain('A. Definitions');
    expect(v5).toContain('  1 Account Controls');
  });

  it('should read the site-policy v5 → v6 renumbered definitions list to the same labels', () => {
    const list = (rel: string) => findClause(read(rel), 'Definitions')!.children.find((b) => b.type === 'list')!;
    const labels = (rel: string) => (list(rel).type === 'list' ? list(rel).children.map((i) => i.label) : []);
    expect(labels('site-policy/v5.md')).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    expect(labels('site-policy/v6.md')).toEqual(labels('site-policy/v5.md'));
    const texts5 = blockTexts(read('site-policy/v5.md'));
    const texts6 = new Set(blockTexts(read('site-policy/v6.md')));
    // Unchanged paragraphs read identically although v6 switched `*em*` to `_em_` and `-` to `*`.
    for (const t of ['Effective date: November 16, 2020', 'You agree that you will not under any circumstances violate our Acceptable Use Policies or Community Guidelines.']) {
      expect(texts5).toContain(t);
      expect(texts6.has(t)).toBe(true);
    }
    const same = texts5.filter((t) => texts6.has(t)).length;
    expect(same / texts5.length).toBeGreaterThan(0.6);
  });

  it('should read comparable Common Paper v1 and v2 headings', () => {
    const v1 = outline(read('commonpaper/CSA-v1.0.md'));
    const v2 = outline(read('commonpaper/CSA-v2.1.md'));
    expect(v1.slice(0, 4)).toEqual(['USING THIS AGREEMENT', '1 Service', '  1.1 Access and Use.', '  1.2 Service Level.']);
    expect(v1).toContain('3 Professional Services');
    expect(v2).toContain('  1.6 Machine Learning.');
    expect(v2).toContain('10 Confidentiality');
    expect(v1).toContain('12 Confidentiality');
    const strip = (h: string) => h.replace(/^\s*[\d.]+ /, '');
    const common = v2.map(strip).filter((h) => v1.map(strip).includes(h));
    expect(common.length / v2.length).toBeGreaterThan(0.7);
  });

  it('should read the Chinese terms as zh with numbered clauses', () => {
    const d = read('zh/mozilla-cloud-services-tos.zh-CN.v4-2025.md');
    expect(d.lang).toBe('zh');
    expect(d.meta.title).toBe('Mozilla 帐户服务条款');
    expect(outline(d)).toContain('  1 简介');
  });
});
