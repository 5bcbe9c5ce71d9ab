/**
 * Word fields through the redline: a field both drafts have stays one field
 * (its result's changes tracked inside it), a field only one side has comes or
 * goes whole with accept/reject, and a field naming a bookmark is written as
 * a field when the bookmark is carried, else as its result.
 */
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/model/walk.js';
import { clause, doc, field, link, p, part } from '../../../src/model/build.js';
import { readDocx } from '../../../src/readers/docx/index.js';
import { redline } from '../../../src/redline/redline.js';
import { documentParagraphs } from '../../../src/redline/units.js';
import { acceptAllDocx, rejectAllDocx } from '../../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../../src/writers/redline/docx/index.js';
import { writeRedlineHtml } from '../../../src/writers/redline/html.js';
import { writeRedlineMarkdown } from '../../../src/writers/redline/markdown.js';
import { fieldCodes, fieldOurs, fieldTheirs } from './fixtures.js';

const r = redline(fieldOurs, fieldTheirs);
const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
const paragraphXml = (words: string) => xml.split('</w:p>').find((p) => p.includes(words))!;

describe('fields in the redline', () => {
  it('should report a field turned into its text, and text turned into a field, as changes of kept words', () => {
    const restyled = r.clauses.flatMap((c) => c.paragraphs.flatMap((p) => p.restyled ?? []));
    expect(restyled.map((x) => [x.text, x.ours.field, x.theirs.field])).toEqual([
      ['Jane Roe', 'AUTHOR', undefined],
      ['3', undefined, 'DOCPROPERTY Version'],
    ]);
    expect(writeRedlineMarkdown(r)).toContain('{>>field (AUTHOR) replaced by its text<<}');
    expect(writeRedlineHtml(r)).toContain('made a document property (DOCPROPERTY Version)');
  });

  it('should keep a field both drafts have as one untracked field when its result is the same', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(paragraphXml('These are the')).toMatch(
      /<w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY Product <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:t xml:space="preserve">Services Terms<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="end"\/><\/w:r>/,
    );
  });

  it('should replace a field whose result changed whole: our field deleted, theirs inserted', () => {
    const date = paragraphXml('Signed on');
    const code = 'CREATEDATE \\\\@ &quot;d MMMM yyyy&quot;';
    const field = (mark: string, instr: string, text: string) =>
      `<w:${mark} [^>]*><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:${instr} xml:space="preserve"> ${code} </w:${instr}></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:${mark}>` +
      `<w:${mark} [^>]*>(?:<w:r><w:${text} xml:space="preserve">[^<]*</w:${text}></w:r>)+</w:${mark}>` +
      `<w:${mark} [^>]*><w:r><w:fldChar w:fldCharType="end"/></w:r></w:${mark}>`;
    expect(date).toMatch(new RegExp(field('del', 'delInstrText', 'delText') + field('ins', 'instrText', 't')));
    const shown = (tag: string) => [...date.matchAll(new RegExp(`<w:${tag} xml:space="preserve">([^<]*)<`, 'g'))].map((m) => m[1]).join('');
    expect([shown('delText'), shown('t')]).toEqual(['1 May 2026', 'Signed on 2 May 2026.']);
  });

  it('should delete a field only ours has with its code (w:delInstrText), and insert one only theirs has', () => {
    expect(paragraphXml('Prepared by')).toMatch(/<w:del [^>]*><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:delInstrText xml:space="preserve"> AUTHOR <\/w:delInstrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><\/w:del>/);
    expect(paragraphXml('This is version')).toMatch(/<w:ins [^>]*><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY Version <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><\/w:ins><w:ins [^>]*><w:r><w:t xml:space="preserve">3<\/w:t><\/w:r><\/w:ins><w:ins [^>]*><w:r><w:fldChar w:fldCharType="end"\/><\/w:r><\/w:ins>/);
  });

  it('should write a REF field as its result when neither draft has the bookmark it names', () => {
    expect(xml).not.toContain('REF _Ref12');
    expect(paragraphXml('As set out in')).not.toContain('w:fldChar');
  });

  it('should carry the bookmark a REF field names, once, and write the REF as a field', () => {
    expect(r.clauses[0]!.paragraphs[1]!.bookmarks).toEqual([{ side: 'ours', name: '_Ref20', at: 4, length: 4 }]);
    expect(paragraphXml('The ')).toMatch(/<w:r><w:t xml:space="preserve">The <\/w:t><\/w:r><w:bookmarkStart w:id="(\d+)" w:name="_Ref20"\/><w:r><w:t xml:space="preserve">Fees<\/w:t><\/w:r><w:bookmarkEnd w:id="\1"\/>/);
    expect(xml.match(/w:bookmarkStart/g)).toHaveLength(1);
    expect(paragraphXml('Late ')).toContain('<w:instrText xml:space="preserve"> REF _Ref20 \\h </w:instrText>');
  });

  it("should give their fields and text on accept-all and ours on reject-all (but the REF to a bookmark neither has)", () => {
    const noRef = (codes: string[][]) => codes.map((list) => list.filter((c) => !c.startsWith('REF _Ref12')));
    const accepted = readDocx(bytes, 'r.docx', { revisions: 'accept' }).document;
    const rejected = readDocx(bytes, 'r.docx', { revisions: 'reject' }).document;
    expect(fieldCodes(accepted)).toEqual(noRef(fieldCodes(fieldTheirs)));
    expect(fieldCodes(rejected)).toEqual(noRef(fieldCodes(fieldOurs)));
    expect(fieldCodes(fieldTheirs)).toEqual([[], ['REF _Ref20 \\h'], ['CREATEDATE \\@ "d MMMM yyyy"'], [], ['REF _Ref12 \\h'], ['DOCPROPERTY Version'], ['DOCPROPERTY Product']]);
    for (const d of [accepted, rejected]) expect(collect(d, 'bookmark').map((b) => `${b.edge} ${b.name}`)).toEqual(['start _Ref20', 'end _Ref20']);
    expect(acceptAllDocx(bytes)).toEqual(documentParagraphs(fieldTheirs));
    expect(rejectAllDocx(bytes)).toEqual(documentParagraphs(fieldOurs));
  });

  it('should write a jump to a carried bookmark as a w:anchor hyperlink, and not report where a jump points as a change', () => {
    const mark = (edge: 'start' | 'end', name: string) => ({ type: 'bookmark' as const, edge, name });
    const draft = (target: string) =>
      doc('en', [part('body', [clause('fees', [p(mark('start', '_Ref20'), 'Fees', mark('end', '_Ref20'), ' are due.'), p('See ', link(target, 'the fees'), '.')], { heading: ['Fees'], number: '1' })])]);
    const jumps = redline(draft('#_Ref20'), draft('#_Ref99'));
    expect(jumps.clauses.flatMap((c) => c.paragraphs.flatMap((x) => x.restyled ?? []))).toEqual([]);
    const body = strFromU8(unzipSync(writeRedlineDocx(jumps, { date: '2026-01-01' }))['word/document.xml']!);
    expect(body).toContain('<w:hyperlink w:anchor="_Ref20" w:history="1"><w:r><w:t xml:space="preserve">the fees</w:t></w:r></w:hyperlink>');
    // A jump to a bookmark the redline does not carry is its words.
    const nowhere = strFromU8(unzipSync(writeRedlineDocx(redline(draft('#elsewhere'), draft('#elsewhere')), { date: '2026-01-01' }))['word/document.xml']!);
    expect(nowhere).not.toContain('w:anchor');
  });

  it("should write a bookmark on their words when ours is only on words they deleted (Word drops a bookmark whose text is deleted)", () => {
    const mark = (edge: 'start' | 'end') => ({ type: 'bookmark' as const, edge, name: '_Ref30' });
    const draft = (word: string) => doc('en', [part('body', [clause('fees', [p(mark('start'), word, mark('end'), ' are due monthly.'), p('See ', field('REF _Ref30 \\h', word), '.')], { heading: ['Fees'], number: '1' })])]);
    const kept = redline(draft('Fees'), draft('Fees')).clauses[0]!.paragraphs[1]!.bookmarks;
    expect(kept).toEqual([{ side: 'ours', name: '_Ref30', at: 0, length: 4 }]);
    const replaced = redline(draft('Fees'), draft('Charges')).clauses[0]!.paragraphs[1]!;
    expect(replaced.spans.slice(0, 2)).toEqual([{ kind: 'deleted', text: 'Fees' }, { kind: 'inserted', text: 'Charges' }]);
    expect(replaced.bookmarks).toEqual([{ side: 'theirs', name: '_Ref30', at: 0, length: 7 }]);
  });
});
