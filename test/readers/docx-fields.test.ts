/**
 * Word fields in the DOCX reader: a field whose code is plain text is kept as
 * a `field` node (its result the text), and the ones that cannot be kept whole
 * are read as their result.
 */
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/model/walk.js';
import type { Paragraph } from '../../src/model/nodes.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { blockTexts } from './helpers.js';
import { makeDocx } from './docx-fixture.js';

const read = (body: string, revisions?: 'accept' | 'reject') => readDocx(makeDocx(body), 'x.docx', revisions ? { revisions } : {}).document;
const fld = (type: string, inner = '') => `<w:r><w:fldChar w:fldCharType="${type}">${inner}</w:fldChar></w:r>`;
const code = (text: string) => `<w:r><w:instrText xml:space="preserve"> ${text} </w:instrText></w:r>`;
const t = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const complex = (instr: string, result: string) => fld('begin') + code(instr) + fld('separate') + result + fld('end');
const firstParagraph = (body: string) => read(body).parts[0]!.children[0] as Paragraph;

describe('readDocx: fields', () => {
  it('should keep a complex field as a field: its code trimmed, its result (in its look) the text', () => {
    const p = firstParagraph(`<w:p>${t('Dated ')}${complex('DATE \\@ &quot;d MMMM yyyy&quot;', t('1 May 2026', '<w:b/>'))}${t('.')}</w:p>`);
    expect(p.children).toEqual([
      { type: 'text', value: 'Dated ' },
      { type: 'field', code: 'DATE \\@ "d MMMM yyyy"', children: [{ type: 'strong', children: [{ type: 'text', value: '1 May 2026' }] }] },
      { type: 'text', value: '.' },
    ]);
  });

  it('should keep a simple field (w:fldSimple) as a field, and two neighbouring fields apart', () => {
    const p = firstParagraph(`<w:p><w:fldSimple w:instr=" AUTHOR "><w:r><w:t>Jane</w:t></w:r></w:fldSimple>${complex('AUTHOR', t('Jane'))}</w:p>`);
    expect(p.children).toEqual([
      { type: 'field', code: 'AUTHOR', children: [{ type: 'text', value: 'Jane' }] },
      { type: 'field', code: 'AUTHOR', children: [{ type: 'text', value: 'Jane' }] },
    ]);
  });

  it('should read a HYPERLINK field as a link, and one to a place in the document as its text', () => {
    const p = firstParagraph(`<w:p>${complex('HYPERLINK &quot;https://example.com/terms&quot;', t('our terms'))}${t(' and ')}${complex('HYPERLINK \\l &quot;_Toc1&quot;', t('clause 2'))}</w:p>`);
    expect(p.children).toEqual([
      { type: 'link', href: 'https://example.com/terms', children: [{ type: 'text', value: 'our terms' }] },
      { type: 'text', value: ' and clause 2' },
    ]);
  });

  it('should read as text the result of a form field, of a field with another in its code, and of one spanning paragraphs', () => {
    const form = fld('begin', '<w:ffData><w:name w:val="Text1"/></w:ffData>') + code('FORMTEXT') + fld('separate') + t('Acme Ltd') + fld('end');
    const nested = fld('begin') + code('IF') + complex('MERGEFIELD Plan', t('Pro')) + code('= "Pro" "paid" "free"') + fld('separate') + t('paid') + fld('end');
    const toc = `<w:p>${fld('begin')}${code('TOC \\o &quot;1-3&quot;')}${fld('separate')}${t('1 Definitions')}</w:p><w:p>${t('2 Fees')}${fld('end')}</w:p>`;
    const document = read(`<w:p>${form}</w:p><w:p>${nested}</w:p>${toc}`);
    expect(blockTexts(document)).toEqual(['Acme Ltd', 'paid', '1 Definitions', '2 Fees']);
    expect(collect(document, 'field')).toEqual([]);
  });

  it('should read a field that fetches outside content or runs a command as its text, never as a field, and say so once', () => {
    const dde = complex('DDEAUTO c:\\windows\\system32\\cmd.exe &quot;/k calc.exe&quot;', t('Fees'));
    const include = `<w:fldSimple w:instr=" INCLUDETEXT &quot;http://tracker.example/t.docx&quot; "><w:r><w:t>are due</w:t></w:r></w:fldSimple>`;
    const macro = complex('MACROBUTTON Run Click here', t('.'));
    const { document, warnings } = readDocx(makeDocx(`<w:p>${dde}${t(' ')}${include}${macro}</w:p>`), 'theirs.docx');
    expect(blockTexts(document)).toEqual(['Fees are due.']);
    expect(collect(document, 'field')).toEqual([]);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['docx-active-field', 'theirs.docx: fields that fetch outside content or run a command (DDEAUTO, INCLUDETEXT, MACROBUTTON) are read as the text they show: a redline carries that text, never the field'],
    ]);
  });

  it('should keep a field inside a tracked insertion or deletion as the side that has it reads it', () => {
    const ins = `<w:ins w:id="1" w:author="A">${complex('AUTHOR', t('Jane'))}</w:ins>`;
    const del = `<w:del w:id="2" w:author="A">${fld('begin')}<w:r><w:delInstrText xml:space="preserve"> TITLE </w:delInstrText></w:r>${fld('separate')}<w:r><w:delText>Terms</w:delText></w:r>${fld('end')}</w:del>`;
    const body = `<w:p>${t('By ')}${ins}${del}</w:p>`;
    expect(collect(read(body, 'accept'), 'field').map((f) => f.code)).toEqual(['AUTHOR']);
    expect(collect(read(body, 'reject'), 'field').map((f) => f.code)).toEqual(['TITLE']);
  });

  it('should keep the bookmarks a kept field names as marks, and drop the rest (_GoBack, tables of contents)', () => {
    const start = (id: number, name: string) => `<w:bookmarkStart w:id="${id}" w:name="${name}"/>`;
    const end = (id: number) => `<w:bookmarkEnd w:id="${id}"/>`;
    const body =
      `${start(1, '_Ref7')}<w:p>${t('Fees')}${end(1)}${start(2, '_GoBack')}${end(2)}${t(' are due.')}</w:p>` +
      `<w:p>${t('See ')}${complex('REF _Ref7 \\h', t('Fees'))}${start(3, '_Toc1')}${t('.')}${end(3)}</w:p>`;
    const document = read(body);
    expect(firstParagraph(body).children).toEqual([
      { type: 'bookmark', edge: 'start', name: '_Ref7' },
      { type: 'text', value: 'Fees' },
      { type: 'bookmark', edge: 'end', name: '_Ref7' },
      { type: 'text', value: ' are due.' },
    ]);
    expect(collect(document, 'bookmark').map((b) => b.name)).toEqual(['_Ref7', '_Ref7']);
    expect(blockTexts(document)).toEqual(['Fees are due.', 'See Fees.']);
  });
});
