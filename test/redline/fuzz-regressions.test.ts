/**
 * Regressions found by fuzzing drafts through the whole redline (read both,
 * compare, write the DOCX, accept or reject every change): each is a draft
 * whose text a reader took otherwise than the DOCX redline could carry, or
 * lost without a word.
 */
import { describe, expect, it } from 'vitest';
import { comparable } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { readDocument } from '../../src/readers/index.js';
import type { ReadResult } from '../../src/readers/types.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { makeDocx } from '../readers/docx-fixture.js';

/** The written DOCX redline of `ours` against `theirs`: accept-all gives theirs, reject-all ours. */
function expectInvariant(ours: ReadResult, theirs: ReadResult): void {
  const bytes = writeRedlineDocx(redline(ours.document, theirs.document), { date: '2026-01-01' });
  expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs.document));
  expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours.document));
}

const texts = (r: ReadResult): string[] => documentParagraphs(r.document);
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const docx = (...paragraphs: string[]) => makeDocx(paragraphs.map((p) => `<w:p>${p}</w:p>`).join(''));

describe('characters XML cannot carry', () => {
  // Raw in the file, or as a reference the reader decodes: NUL, other C0 controls, U+FFFE, U+FFFF.
  const CONTROLS = ['\u0000', '\u0001', '\u001F', '\uFFFE', '\uFFFF'];
  const source = (c: string) => `# Agreement\n\n## 1 Fees\n\nThe fee${c} is due${c}${c} monthly.\n`;

  it.each(['md', 'txt', 'html'])('should be left out of a .%s draft, so accept-all of the DOCX redline gives its text (the DOCX writer drops them)', (ext) => {
    const ours = readDocument(Buffer.from(source('')), `ours.${ext}`);
    for (const c of CONTROLS) {
      const theirs = readDocument(Buffer.from(source(c)), `theirs.${ext}`);
      expect(texts(theirs)).toEqual(texts(ours));
      expectInvariant(ours, theirs);
    }
  });

  it('should leave out a reference to one in Markdown and HTML (&#1; &#xFFFE;), as the raw character is', () => {
    for (const ext of ['md', 'html']) {
      const theirs = readDocument(Buffer.from(source('&#1;&#xFFFE;&#xffff;')), `theirs.${ext}`);
      expect(texts(theirs)).toEqual(texts(readDocument(Buffer.from(source('')), `ours.${ext}`)));
    }
  });

  it('should be left out of a DOCX, raw or as a reference (the XML parser kept NUL, U+FFFE and U+FFFF)', () => {
    const theirs = readDocument(docx(run('The fee \u0000is&#xFFFE; due\uFFFF\u0001 monthly.')), 'theirs.docx');
    expect(texts(theirs)).toEqual(['The fee is due monthly.']);
    expectInvariant(readDocument(docx(run('The fee is due monthly.')), 'ours.docx'), theirs);
  });

  it('should read a form feed or vertical tab between words as a space, not join the words', () => {
    const theirs = readDocument(Buffer.from('Terms\n\nThe fee is due\fmonthly and\vpromptly.\n'), 'theirs.txt');
    expect(texts(theirs)).toEqual(['Terms', 'The fee is due monthly and promptly.']);
  });
});
