/**
 * The WmlComparer DOCX corpus of ../shared/corpus: every file reads, and both
 * sides of every pair in pairs.csv give non-empty documents. Files whose
 * content we knowingly skip are named in SKIPPED, so a new unsupported
 * feature fails here by name instead of passing silently.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers/index.js';
import { blockTexts, corpusDir, hasCorpus } from './helpers.js';

const wml = join(corpusDir, 'wmlcomparer');

/** file → the 'docx-content-skipped' warning we accept for it (none in this corpus today). */
const SKIPPED: Record<string, RegExp> = {};

const read = (rel: string, revisions: 'accept' | 'reject' = 'accept') => readDocument(readFileSync(join(wml, rel)), rel, { revisions });

describe.skipIf(!hasCorpus)('docx corpus (wmlcomparer)', () => {
  const files = hasCorpus ? ['CA', 'RC', 'WC'].flatMap((dir) => readdirSync(join(wml, dir)).filter((f) => f.endsWith('.docx')).map((f) => `${dir}/${f}`)) : [];

  it('should find the 67 corpus files', () => {
    expect(files).toHaveLength(67);
  });

  it.each(files)('should read %s', (rel) => {
    const { document, warnings } = read(rel);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    const skipped = warnings.filter((w) => w.code === 'docx-content-skipped');
    if (SKIPPED[rel]) expect(skipped.map((w) => w.message).join('\n')).toMatch(SKIPPED[rel]);
    else expect(skipped, `${rel} uses content the DOCX reader skips`).toEqual([]);
    // Rejecting reads too (the corpus carries no revisions, so it is the same text).
    expect(blockTexts(read(rel, 'reject').document)).toEqual(blockTexts(document));
  });

  const pairs = hasCorpus
    ? readFileSync(join(wml, 'pairs.csv'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(','))
        .map(([id, original, revised]) => ({ id, original, revised }))
    : [];

  it('should list 40 pairs', () => {
    expect(pairs).toHaveLength(40);
  });

  it.each(pairs)('should read pair $id ($original → $revised) into non-empty documents', ({ original, revised }) => {
    for (const rel of [original, revised]) {
      const texts = blockTexts(read(rel).document).filter((t) => t.trim() !== '');
      expect(texts.length, `${rel} has no text`).toBeGreaterThan(0);
    }
  });

  it('should read WC004-Large with its headings and numbered list paragraphs', () => {
    const { document } = read('WC/WC004-Large.docx');
    expect(document.meta.title).toBe('Team Operating Agreement');
    const texts = blockTexts(document);
    expect(texts.join('\n').length).toBeGreaterThan(60_000);
    expect(texts.some((t) => t.startsWith('1. Consensus means'))).toBe(true);
  });

  it('should read the footnote, field and hyperlink pairs', () => {
    expect(blockTexts(read('WC/WC020-FootNote-Before.docx').document)).toContain('[1] This is a footnote');
    expect(blockTexts(read('WC/WC018-Field-Simple-Before.docx').document)).toContain('Saturday, April 23, 2016');
    expect(blockTexts(read('WC/WC019-Hyperlink-Before.docx').document)).toContain('www.ericwhite.com');
  });
});
