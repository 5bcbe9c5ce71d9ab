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

describe('a Word field that begins and never ends', () => {
  const field = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
  const code = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
  const rest = [run('Second paragraph of the agreement.'), run('Third paragraph.')];

  it.each([
    ['a page number with no end', [run('First words. ') + field('begin') + code(' PAGE ') + field('separate') + run('1')], 'First words. 1'],
    ['a cross-reference with no end', [run('First words. ') + field('begin') + code(' REF _Ref1 \\h ') + field('separate') + run('1.2')], 'First words. 1.2'],
    ['a code with no result and no end', [run('First words. ') + field('begin') + code(' PAGE ')], 'First words.'],
    ['a field begun in a field that ends', [run('First words. ') + field('begin') + code(' PAGE ') + field('begin') + code(' DATE ') + field('separate') + run('today') + field('end')], 'First words. today'],
  ])('should read the words after %s, with a warning, instead of losing the rest of the document', (_, first, expected) => {
    const read = readDocument(docx(...first, ...rest), 'theirs.docx');
    expect(texts(read)).toEqual([expected, 'Second paragraph of the agreement.', 'Third paragraph.']);
    expect(read.warnings.map((w) => w.code)).toContain('docx-field-unclosed');
    expect(read.warnings.find((w) => w.code === 'docx-field-unclosed')?.message).toContain('theirs.docx');
    expectInvariant(readDocument(docx(run('First words.'), ...rest), 'ours.docx'), read);
  });

  it('should still read a field that spans paragraphs and ends, such as a table of contents, as one field', () => {
    const toc = docx(field('begin') + code(' TOC \\o "1-3" ') + field('separate') + run('1 Fees'), run('2 Term') + field('end'), run('The fee is due monthly.'));
    const read = readDocument(toc, 'ours.docx');
    expect(texts(read)).toEqual(['1 Fees', '2 Term', 'The fee is due monthly.']);
    expect(read.warnings.map((w) => w.code)).not.toContain('docx-field-unclosed');
  });

  it('should read the words of a footnote and a header after a field that never ends', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const bytes = makeDocx(`<w:p>${run('Body text.')}<w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>`, {
      footnotes: `<w:footnote w:id="1"><w:p>${field('begin')}${code(' PAGE ')}</w:p><w:p>${run('Note words.')}</w:p></w:footnote>`,
      extra: {
        'word/_rels/document.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
        'word/header1.xml': `<w:hdr ${W}><w:p>${run('Draft ')}${field('begin')}${code(' PAGE ')}${field('separate')}${run('1')}</w:p><w:p>${run('Subject to contract')}</w:p></w:hdr>`,
      },
    });
    const read = readDocument(bytes, 'theirs.docx');
    expect(texts(read)).toEqual(['Body text.[1]', '[1] Note words.']);
    expect(read.headersFooters?.map((h) => h.text)).toEqual(['Draft 1 / Subject to contract']);
  });
});
