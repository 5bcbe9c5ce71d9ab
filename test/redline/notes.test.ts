/**
 * Footnotes and endnotes in the DOCX redline: real Word notes with their
 * references in the body's revision marks, accept-all giving their notes and
 * reject-all ours, read back by our reader and by the accept/reject oracle.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { acceptAll, comparable, rejectAll } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { writeRedlineHtml } from '../../src/writers/redline/html.js';
import { draft } from './notes-fixture.js';

/** The invariant on the written DOCX, by the oracle and by our reader, and in memory. */
function expectInvariant(ours: Document, theirs: Document): Record<string, string> {
  const r = redline(ours, theirs);
  expect(comparable(acceptAll(r))).toEqual(documentParagraphs(theirs));
  expect(comparable(rejectAll(r))).toEqual(documentParagraphs(ours));
  const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
  expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
  expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
  expect(documentParagraphs(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document)).toEqual(documentParagraphs(theirs));
  expect(documentParagraphs(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document)).toEqual(documentParagraphs(ours));
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

describe('footnotes and endnotes in the DOCX redline', () => {
  it("should write a changed footnote as a Word footnote with the change tracked inside it, its reference kept", () => {
    const parts = expectInvariant(draft(['Fees are due{f1} monthly.'], { 1: 'Payable in arrears.' }), draft(['Fees are due{f1} monthly.'], { 1: 'Payable in advance.' }));
    expect(parts['word/document.xml']).toContain('due</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> monthly.');
    const footnotes = parts['word/footnotes.xml']!;
    expect(footnotes).toMatch(/<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:footnoteRef\/><\/w:r>.*Payable in <\/w:t>.*<w:del [^>]*><w:r><w:delText xml:space="preserve">arrears<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">advance<\/w:t>/);
    expect(parts['[Content_Types].xml']).toContain('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>');
    expect(parts['word/_rels/document.xml.rels']).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"');
    // The notes part is not written as body paragraphs.
    expect(parts['word/document.xml']).not.toContain('Payable');
  });

  it('should track a footnote added before others (renumbering them) and one removed, with its text', () => {
    const ours = draft(['Fees{f1} are due.', 'Term{f2} is one year.', 'Law{f3} is PRC law.'], { 1: 'In CNY.', 2: 'Renewable.', 3: 'Excluding conflict rules.' });
    const theirs = draft(['Scope{f1} is narrow.', 'Fees{f2} are due.', 'Term is one year.', 'Law{f3} is PRC law.'], { 1: 'Only the Service.', 2: 'In CNY.', 3: 'Excluding conflict rules.' });
    const parts = expectInvariant(ours, theirs);
    const document = parts['word/document.xml']!;
    // Their new note arrives inside an insertion; the removed one leaves inside a deletion.
    expect(document).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*<w:footnoteReference w:id="\d+"\/>/);
    expect(document).toMatch(/<w:del [^>]*>(?:(?!<\/w:del>).)*<w:footnoteReference w:id="\d+"\/>/);
    expect(parts['word/footnotes.xml']).toContain('Only the Service.');
    expect(parts['word/footnotes.xml']).toContain('Renewable.');
    // A note only renumbered ("[1]" → "[2]") keeps one reference: Word numbers notes itself.
    expect(document).toMatch(/Fees<\/w:t><\/w:r><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:footnoteReference w:id="2"\/><\/w:r><w:r><w:t xml:space="preserve"> are due\./);
    expect(parts['word/footnotes.xml']).toMatch(/<w:footnote w:id="2">(?:(?!<\/w:footnote>).)*<w:t xml:space="preserve">In CNY\.<\/w:t><\/w:r><\/w:p><\/w:footnote>/);
    expect(document.match(/<w:footnoteReference /g)).toHaveLength(4);
  });

  it("should place their references exactly where our text differs from theirs in spacing alone", () => {
    const parts = expectInvariant(draft(['用户  用户{f1} the end.'], { 1: 'Note.' }), draft(['用户 用户{f1} the end.'], { 1: 'Note, changed.' }));
    expect(parts['word/document.xml']).toContain('用户</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>');
  });

  it('should write endnotes as endnotes, beside footnotes', () => {
    const parts = expectInvariant(draft(['A{f1} and B{e1}.'], { 1: 'Foot.' }, { 1: 'End note, old.' }), draft(['A{f1} and B{e1}.'], { 1: 'Foot.' }, { 1: 'End note, new.' }));
    expect(parts['word/document.xml']).toContain('<w:endnoteReference w:id="1"/>');
    expect(parts['word/endnotes.xml']).toMatch(/<w:endnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:endnoteRef\/>/);
    expect(parts['[Content_Types].xml']).toContain('/word/endnotes.xml');
  });

  it('should fall back to labels and note paragraphs when a reference has no note', () => {
    const ours = draft(['Fees{f1} and tax{f9}.'], { 1: 'In CNY.' });
    const theirs = draft(['Fees{f1} and tax{f9} are due.'], { 1: 'In CNY.' });
    const parts = expectInvariant(ours, theirs);
    expect(parts['word/footnotes.xml']).toBeUndefined();
    expect(parts['word/document.xml']).toContain('[1] In CNY.');
  });
});

describe('footnotes in the HTML redline', () => {
  it('should raise a note reference as Word shows it, kept, deleted or inserted', () => {
    const html = writeRedlineHtml(redline(draft(['Fees{f1} are due{f2}.'], { 1: 'In CNY.', 2: 'Monthly.' }), draft(['Fees{f1} are due.'], { 1: 'In CNY.' })));
    expect(html).toContain('Fees<sup class="note-ref" title="footnote">[1]</sup> are due<del><sup class="note-ref" title="footnote">[2]</sup></del>.');
  });
});
