import { describe, expect, it } from 'vitest';
import type { List, Paragraph, Table } from '../../src/model/nodes.js';
import { collect } from '../../src/model/walk.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { blockTexts, outline } from './helpers.js';
import { HEADING_STYLES, makeDocx, NUMBERING, para } from './docx-fixture.js';

const read = (body: string, parts = {}, revisions?: 'accept' | 'reject') =>
  readDocx(makeDocx(body, { styles: HEADING_STYLES, numbering: NUMBERING, ...parts }), 'x.docx', revisions ? { revisions } : {});

describe('readDocx', () => {
  it('should read heading styles as nested clauses and the Title as meta.title', () => {
    const { document, warnings } = read(
      para('Master Agreement', { style: 'Title' }) + para('Intro.') + para('Fees', { style: 'Heading1' }) + para('Pay.') + para('Late', { style: 'Heading2' }) + para('Interest.') + para('Term', { style: 'Heading1' }),
    );
    expect(warnings).toEqual([]);
    expect(document.meta.title).toBe('Master Agreement');
    // Printed as a paragraph of its own: its paragraph number, no titleSource.
    expect(document.meta).toMatchObject({ titleLine: 1 });
    expect(document.meta.titleSource).toBeUndefined();
    expect(document.lang).toBe('en');
    expect(outline(document)).toEqual(['Fees', '  Late', 'Term']);
    expect(blockTexts(document)).toEqual(['Intro.', 'Pay.', 'Interest.']);
    expect(document.parts[0].clauses[0]).toMatchObject({ position: { file: 'x.docx', line: 3 }, attrs: { docxParagraph: '2' } });
    expect(document.parts[0].children[0]).toMatchObject({ position: { line: 2 }, attrs: { docxParagraph: '1' } });
  });

  it('should split a number typed before a heading, "7 Ownership" as "7. Ownership", as the Markdown reader does', () => {
    const { document } = read(para('7 Ownership of Output', { style: 'Heading1' }) + para('Yours.') + para('7.1 Scope', { style: 'Heading2' }) + para('All of it.'));
    expect(outline(document)).toEqual(['7 Ownership of Output', '  7.1 Scope']);
    expect(document.parts[0].clauses[0]).toMatchObject({ number: '7', heading: [{ type: 'text', value: 'Ownership of Output' }] });
  });

  it('should name a draft without a Title paragraph after its first heading, and say so', () => {
    const { document } = read(para('Intro.') + para('Fees', { style: 'Heading1' }) + para('Pay.'));
    expect(document.meta).toMatchObject({ title: 'Fees', titleSource: 'heading' });
    expect(document.meta.titleLine).toBeUndefined();
  });

  it('should compute automatic numbers for headings and labels for list paragraphs', () => {
    const { document } = read(
      para('Definitions', { style: 'Heading1', numId: 1 }) +
        para('Terms', { style: 'Heading2', numId: 1, ilvl: 1 }) +
        para('first', { numId: 1, ilvl: 2 }) +
        para('second', { numId: 1, ilvl: 2 }) +
        para('Fees', { style: 'Heading1', numId: 1 }) +
        para('Scope', { style: 'Heading2', numId: 1, ilvl: 1 }) +
        para('again', { numId: 1, ilvl: 2 }) +
        para('dot', { numId: 2 }),
    );
    expect(outline(document)).toEqual(['1 Definitions', '  1.1 Terms', '2 Fees', '  2.1 Scope']);
    const terms = document.parts[0].clauses[0].clauses[0];
    expect(terms.children[0]).toMatchObject({ type: 'list', ordered: true, children: [{ label: '(a)' }, { label: '(b)' }] });
    const scope = document.parts[0].clauses[1].clauses[0];
    expect((scope.children[0] as List).children[0].label).toBe('(a)'); // deeper levels restart
    expect(scope.children[1]).toMatchObject({ type: 'list', ordered: false, children: [{ label: '•' }] });
    expect(blockTexts(document)).toEqual(['(a) first\n(b) second', '(a) again', '• dot']);
  });

  it('should read a paragraph numbered on the headings\' list as a sub-clause without heading', () => {
    const { document } = read(para('Fees', { style: 'Heading1', numId: 1 }) + para('The User shall pay.', { numId: 1, ilvl: 1 }) + para('on time', { numId: 1, ilvl: 2 }));
    expect(outline(document)).toEqual(['1 Fees', '  1.1']);
    const sub = document.parts[0].clauses[0].clauses[0];
    expect(sub.heading).toBeUndefined();
    expect(blockTexts(document)).toEqual(['The User shall pay.', '(a) on time']);
  });

  it('should nest list levels and honour startOverride', () => {
    const { document } = read(para('Scope', { style: 'Heading1' }) + para('five', { numId: 4 }) + para('five.one', { numId: 4, ilvl: 1 }) + para('six', { numId: 4 }));
    const list = document.parts[0].clauses[0].children[0] as List;
    expect(list.children.map((i) => i.label)).toEqual(['5.', '6.']);
    expect(list.children[0].children[1]).toMatchObject({ type: 'list', children: [{ label: '5.1' }] });
  });

  it('should read Chinese numbering and guess zh', () => {
    const body = Array.from({ length: 11 }, (_, i) => para(`条款${i + 1}的标题`, { style: 'Heading1', numId: 3 }) + para('本条规定双方的权利义务。')).join('');
    const { document } = read(body);
    expect(document.lang).toBe('zh');
    expect(document.parts[0].clauses.map((c) => c.number)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条', '第九条', '第十条', '第十一条']);
  });

  it('should take short numbered paragraphs as headings when no heading style is used', () => {
    const { document } = read(
      para('DEFINITIONS', { numId: 1 }) + para('In this agreement words mean things.') + para('Data', { numId: 1, ilvl: 1 }) +
        para('2.  FEES') + para('Pay on time.') + para('Apples', { numId: 2 }) + para('Pears', { numId: 2 }),
    );
    expect(outline(document)).toEqual(['1 DEFINITIONS', '2 FEES']);
    expect(blockTexts(document)).toEqual(['In this agreement words mean things.', '1.1 Data', 'Pay on time.', '• Apples\n• Pears']);
    const ordered = read(para('one', { numId: 1 }) + para('two', { numId: 1 })).document;
    expect(ordered.parts[0].clauses).toEqual([]); // consecutive siblings are a list
  });

  it('should split a typed number off a heading', () => {
    const { document } = read(para('3.2\tPayment Terms', { style: 'Heading2' }) + para('第五条 保密', { style: 'Heading1' }));
    expect(outline(document)).toEqual(['3.2 Payment Terms', '第五条 保密']);
  });

  it('should read tables, nested tables and merged cells as text per cell', () => {
    const cell = (inner: string) => `<w:tc><w:tcPr/>${inner}</w:tc>`;
    const nested = `<w:tbl><w:tr>${cell(para('inner'))}</w:tr></w:tbl>`;
    const { document } = read(`<w:tbl><w:tblPr/><w:tr>${cell(para('a'))}${cell(para('b'))}</w:tr><w:tr>${cell(para('c') + nested)}${cell('<w:p/>')}</w:tr></w:tbl>`);
    const table = document.parts[0].children[0] as Table;
    expect(table.type).toBe('table');
    expect(table.children[1].children[0].children).toMatchObject([{ type: 'paragraph' }, { type: 'table' }]);
    expect(blockTexts(document)).toEqual(['a\tb\nc inner\t']);
  });

  it('should read tracked changes as accepted by default and warn once', () => {
    const body = `<w:p><w:r><w:t xml:space="preserve">Pay </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>30</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>60</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> days.</w:t></w:r></w:p>`;
    const accepted = read(body);
    expect(blockTexts(accepted.document)).toEqual(['Pay 60 days.']);
    expect(accepted.warnings).toHaveLength(1);
    expect(accepted.warnings[0]).toMatchObject({ severity: 'warning', code: 'docx-has-revisions', file: 'x.docx' });
    expect(accepted.warnings[0].message).toMatch(/x\.docx carries 2 tracked change/);
    expect(blockTexts(read(body, {}, 'reject').document)).toEqual(['Pay 30 days.']);
  });

  it('should merge paragraphs whose mark was deleted or inserted, and handle moves', () => {
    const deletedMark = `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>One</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve"> two</w:t></w:r></w:p>`;
    expect(blockTexts(read(deletedMark).document)).toEqual(['One two']);
    expect(blockTexts(read(deletedMark, {}, 'reject').document)).toEqual(['One', 'two']);
    const insertedPara = `<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A"/></w:rPr></w:pPr><w:ins w:id="2" w:author="A"><w:r><w:t>New.</w:t></w:r></w:ins></w:p>${para('Old.')}`;
    expect(blockTexts(read(insertedPara).document)).toEqual(['New.', 'Old.']);
    expect(blockTexts(read(insertedPara, {}, 'reject').document)).toEqual(['Old.']);
    const moved = `<w:p><w:moveFrom w:id="1" w:author="A"><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo w:id="2" w:author="A"><w:r><w:t>here</w:t></w:r></w:moveTo></w:p>`;
    expect(blockTexts(read(moved).document)).toEqual(['here']);
    expect(blockTexts(read(moved, {}, 'reject').document)).toEqual(['gone']);
  });

  it('should drop deleted table rows when accepting and inserted ones when rejecting', () => {
    const row = (t: string, mark = '') => `<w:tr><w:trPr>${mark}</w:trPr><w:tc>${para(t)}</w:tc></w:tr>`;
    const body = `<w:tbl>${row('keep')}${row('del', '<w:del w:id="1" w:author="A"/>')}${row('ins', '<w:ins w:id="2" w:author="A"/>')}</w:tbl>`;
    expect(blockTexts(read(body).document)).toEqual(['keep\nins']);
    expect(blockTexts(read(body, {}, 'reject').document)).toEqual(['keep\ndel']);
  });

  it('should show field results, hyperlink and content-control text, skipping instructions and page numbers', () => {
    const body =
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1 May 2025</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> see </w:t></w:r><w:hyperlink r:id="rId1" xmlns:r="r"><w:r><w:t>the site</w:t></w:r></w:hyperlink></w:p>` +
      `<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:sdt><w:sdtContent><w:r><w:t>Acme Ltd</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>`;
    expect(blockTexts(read(body).document)).toEqual(['1 May 2025', 'see the site', 'Acme Ltd']);
  });

  it("should read a table of contents' entries without their page numbers, even nested in the TOC field or deleted from it", () => {
    const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const pageRef = (n: string) => `${fld('begin')}<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>${fld('separate')}<w:r><w:t>${n}</w:t></w:r>${fld('end')}`;
    const body =
      `<w:p>${fld('begin')}<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>${fld('separate')}<w:r><w:t>1. Definitions</w:t></w:r><w:r><w:tab/></w:r>${pageRef('3')}</w:p>` +
      `<w:p><w:r><w:t>2. Fees</w:t></w:r><w:r><w:tab/></w:r><w:del w:id="1" w:author="A">${fld('begin')}<w:r><w:delInstrText xml:space="preserve"> PAGEREF _Toc2 </w:delInstrText></w:r>${fld('separate')}<w:r><w:delText>4</w:delText></w:r>${fld('end')}</w:del>${fld('end')}</w:p>` +
      `<w:p>${fld('begin')}<w:r><w:instrText xml:space="preserve"> REF _Ref9 \\r </w:instrText></w:r>${fld('separate')}<w:r><w:t>5.2</w:t></w:r>${fld('end')}</w:p>`;
    expect(blockTexts(read(body).document)).toEqual(['1. Definitions', '2. Fees', '5.2']);
    expect(blockTexts(read(body, {}, 'reject').document)).toEqual(['1. Definitions', '2. Fees', '5.2']);
  });

  it('should read tabs, breaks, symbols, bold and italic, and skip hidden text', () => {
    const body = `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r><w:r><w:rPr><w:i/><w:b w:val="0"/></w:rPr><w:t>it</w:t></w:r></w:p>`;
    const p = read(body).document.parts[0].children[0] as Paragraph;
    expect(p.children).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'Bold' }] },
      { type: 'text', value: '\tx' },
      { type: 'break' },
      { type: 'text', value: 'y•' },
      { type: 'emphasis', children: [{ type: 'text', value: 'it' }] },
    ]);
  });

  it('should mark footnote references and append the notes as a final part', () => {
    const footnotes = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See the Act.</w:t></w:r></w:p></w:footnote>`;
    const body = `<w:p><w:r><w:t>Law</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`;
    const { document } = read(body, { footnotes });
    expect(blockTexts(document)).toEqual(['Law[1].', '[1] See the Act.']);
    expect(document.parts.map((p) => p.id)).toEqual(['body', 'notes']);
  });
});

describe('readDocx hyperlinks', () => {
  const RELS =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/privacy?a=1&amp;b=2" TargetMode="External"/>' +
    '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '</Relationships>';
  const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

  it('should read an external hyperlink as a link with its target, its runs keeping bold', () => {
    const body = `<w:p>${run('See our ')}<w:hyperlink r:id="rId7">${run('privacy')}${run(' policy', true)}</w:hyperlink>${run('.')}</w:p>`;
    const { document } = readDocx(makeDocx(body.replace('<w:p>', '<w:p xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'), { extra: { 'word/_rels/document.xml.rels': RELS } }), 'links.docx');
    expect((document.parts[0]!.children[0] as Paragraph).children).toEqual([
      { type: 'text', value: 'See our ' },
      { type: 'link', href: 'https://example.com/privacy?a=1&b=2', children: [{ type: 'text', value: 'privacy' }, { type: 'strong', children: [{ type: 'text', value: ' policy' }] }] },
      { type: 'text', value: '.' },
    ]);
  });

  it('should look up a link in a footnote in the footnotes part\'s own relationships', () => {
    const noteRels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/act" TargetMode="External"/></Relationships>';
    const footnotes = `<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See </w:t></w:r><w:hyperlink r:id="rId7">${run('the Act')}</w:hyperlink></w:p></w:footnote>`;
    const body = `<w:p>${run('Law')}<w:r><w:footnoteReference w:id="5"/></w:r><w:hyperlink r:id="rId7">${run(' here')}</w:hyperlink></w:p>`;
    // The document's relationships have no rId7: the body's " here" stays text.
    const { document } = readDocx(makeDocx(body, { footnotes, extra: { 'word/_rels/document.xml.rels': RELS.replace('rId7', 'rIdX'), 'word/_rels/footnotes.xml.rels': noteRels } }), 'notes.docx');
    expect(JSON.stringify(document.parts[0])).not.toContain('"link"');
    expect((document.parts[1]!.children[0] as Paragraph).children).toContainEqual({ type: 'link', href: 'https://example.com/act', children: [{ type: 'text', value: 'the Act' }] });
  });

  it('should read a jump inside the document as a link to "#name" (its bookmark kept), and a relationship that is not an external hyperlink as text', () => {
    const body =
      `<w:p><w:bookmarkStart w:id="1" w:name="_Ref2"/>${run('Fees')}<w:bookmarkEnd w:id="1"/></w:p>` +
      `<w:p><w:hyperlink w:anchor="_Ref2">${run('Clause 2')}</w:hyperlink> and <w:hyperlink r:id="rId8">${run('styles')}</w:hyperlink><w:hyperlink r:id="rId99">${run('!')}</w:hyperlink></w:p>`;
    const { document } = readDocx(makeDocx(body, { extra: { 'word/_rels/document.xml.rels': RELS } }), 'links.docx');
    expect((document.parts[0]!.children[1] as Paragraph).children).toEqual([
      { type: 'link', href: '#_Ref2', children: [{ type: 'text', value: 'Clause 2' }] },
      { type: 'text', value: 'styles!' },
    ]);
    expect((document.parts[0]!.children[0] as Paragraph).children.map((n) => n.type)).toEqual(['bookmark', 'text', 'bookmark']);
  });

  it("should read a jump inside a field's result (a table of contents entry) as text", () => {
    const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const body = `<w:p>${fld('begin')}<w:r><w:instrText> TOC \\h </w:instrText></w:r>${fld('separate')}<w:hyperlink w:anchor="_Toc1">${run('1 Fees')}</w:hyperlink>${fld('end')}</w:p>`;
    expect((readDocx(makeDocx(body), 'toc.docx').document.parts[0]!.children[0] as Paragraph).children).toEqual([{ type: 'text', value: '1 Fees' }]);
  });
});

describe('readDocx merged table cells', () => {
  const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${para(text)}</w:tc>`;
  it('should read gridSpan and vMerge, and ignore spans Word would not write', () => {
    const body =
      `<w:tbl><w:tr>${tc('a', '<w:vMerge w:val="restart"/>')}${tc('b', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('c', '<w:gridSpan w:val="99"/>')}${tc('d', '<w:gridSpan w:val="x"/>')}</w:tr></w:tbl>`;
    const t = readDocx(makeDocx(body), 'merged.docx').document.parts[0]!.children[0] as Table;
    expect(t.children.map((row) => row.children.map((c) => `${c.colSpan ?? 1}${c.rowMerge ?? ''}`))).toEqual([['1start', '2'], ['1continue', '1', '1']]);
  });
});

describe('readDocx character styles', () => {
  const STYLES =
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="Conspicuous"><w:name w:val="Conspicuous"/><w:basedOn w:val="Strong"/><w:rPr><w:i/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="Notice"><w:name w:val="Notice"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>';
  const run = (text: string, rPr: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

  it('should read the bold and italic a run has from its character style, through basedOn, direct formatting winning', () => {
    const body = `<w:p>${run('Bold', '<w:rStyle w:val="Strong"/>')}${run(' both', '<w:rStyle w:val="Conspicuous"/>')}${run(' italic only', '<w:rStyle w:val="Conspicuous"/><w:b w:val="0"/>')}${run(' plain', '<w:rStyle w:val="Missing"/>')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles: STYLES }), 'styled.docx');
    expect((document.parts[0]!.children[0] as Paragraph).children).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'Bold' }] },
      { type: 'strong', children: [{ type: 'emphasis', children: [{ type: 'text', value: ' both' }] }] },
      { type: 'emphasis', children: [{ type: 'text', value: ' italic only' }] },
      { type: 'text', value: ' plain' },
    ]);
  });

  it("should not read a link's underline as emphasis: inside a w:hyperlink, or from the Hyperlink style", () => {
    const body =
      `<w:p><w:hyperlink w:anchor="x">${run('jump', '<w:rStyle w:val="Hyperlink"/>')}${run(' direct', '<w:u w:val="single"/>')}</w:hyperlink>` +
      `${run(' field link', '<w:rStyle w:val="Hyperlink"/>')}${run(' conspicuous', '<w:u w:val="single"/>')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles: STYLES }), 'links.docx');
    expect((document.parts[0]!.children[0] as Paragraph).children).toEqual([
      { type: 'link', href: '#x', children: [{ type: 'text', value: 'jump direct' }] },
      { type: 'text', value: ' field link' },
      { type: 'underline', children: [{ type: 'text', value: ' conspicuous' }] },
    ]);
  });

  it('should read underline, direct or from the character style, and w:u "none" as none', () => {
    const body = `<w:p>${run('double', '<w:u w:val="double"/>')}${run(' styled', '<w:rStyle w:val="Notice"/>')}${run(' off', '<w:rStyle w:val="Notice"/><w:u w:val="none"/>')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles: STYLES }), 'underlined.docx');
    expect((document.parts[0]!.children[0] as Paragraph).children).toEqual([
      { type: 'underline', children: [{ type: 'text', value: 'double styled' }] },
      { type: 'text', value: ' off' },
    ]);
  });

  it('should read a strikethrough, single or double, direct or from the character style, and w:strike "0" as none', () => {
    const styles = STYLES + '<w:style w:type="character" w:styleId="Struck"><w:name w:val="Struck"/><w:rPr><w:dstrike/></w:rPr></w:style>';
    const body = `<w:p>${run('not', '<w:strike/>')}${run(' twice', '<w:dstrike w:val="1"/>')}${run(' styled', '<w:rStyle w:val="Struck"/>')}${run(' off', '<w:rStyle w:val="Struck"/><w:strike w:val="0"/><w:dstrike w:val="false"/>')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles }), 'struck.docx');
    expect((document.parts[0]!.children[0] as Paragraph).children).toEqual([
      { type: 'strike', children: [{ type: 'text', value: 'not twice styled' }] },
      { type: 'text', value: ' off' },
    ]);
  });

  it("should read highlight and text colour, direct or from the character style; none, black and a link's colour as none", () => {
    const styles =
      STYLES +
      '<w:style w:type="character" w:styleId="Open"><w:name w:val="Open point"/><w:rPr><w:highlight w:val="yellow"/><w:color w:val="C00000"/></w:rPr></w:style>';
    const body =
      `<w:p>${run('[Fee]', '<w:highlight w:val="Green"/>')}${run(' open', '<w:rStyle w:val="Open"/>')}${run(' unmarked', '<w:rStyle w:val="Open"/><w:highlight w:val="none"/>')}` +
      `${run(' black', '<w:color w:val="000000"/>')}${run(' auto', '<w:color w:val="auto"/>')}${run(' linked', '<w:rStyle w:val="Hyperlink"/>')}` +
      `<w:hyperlink w:anchor="x">${run(' jump', '<w:color w:val="0563C1"/>')}</w:hyperlink>${run(' red', '<w:color w:val="ff0000"/>')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles }), 'coloured.docx');
    expect((document.parts[0]!.children[0] as Paragraph).children).toEqual([
      { type: 'highlight', color: 'green', children: [{ type: 'text', value: '[Fee]' }] },
      { type: 'highlight', color: 'yellow', children: [{ type: 'textColor', color: 'C00000', children: [{ type: 'text', value: ' open' }] }] },
      { type: 'textColor', color: 'C00000', children: [{ type: 'text', value: ' unmarked' }] },
      { type: 'text', value: ' black auto linked' },
      { type: 'link', href: '#x', children: [{ type: 'text', value: ' jump' }] },
      { type: 'textColor', color: 'FF0000', children: [{ type: 'text', value: ' red' }] },
    ]);
  });

  it("should read a type size, direct or from the character style, only where it differs from its paragraph's size", () => {
    const styles =
      STYLES +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="character" w:styleId="Big"><w:name w:val="Big"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small print"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>';
    const body =
      `<w:p>${run('eleven', '<w:sz w:val="22"/>')}${run(' fourteen', '<w:rStyle w:val="Big"/>')}${run(' half', '<w:sz w:val="21"/>')}${run(' odd', '<w:sz w:val="x"/>')}</w:p>` +
      `<w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr>${run('eight', '')}${run(' eleven', '<w:sz w:val="22"/>')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles }), 'sizes.docx');
    const blocks = document.parts[0]!.children as Paragraph[];
    expect(blocks[0]!.children).toEqual([
      { type: 'text', value: 'eleven' },
      { type: 'fontSize', points: 14, children: [{ type: 'text', value: ' fourteen' }] },
      { type: 'fontSize', points: 10.5, children: [{ type: 'text', value: ' half' }] },
      { type: 'text', value: ' odd' },
    ]);
    // The paragraph style's 8 pt is the paragraph's own size; the run set larger than it is marked.
    expect(blocks[1]!.children).toEqual([
      { type: 'text', value: 'eight' },
      { type: 'fontSize', points: 11, children: [{ type: 'text', value: ' eleven' }] },
    ]);
  });

  it("should read a body paragraph style's look under its runs' own, but not the default paragraph style's nor a heading style's", () => {
    const styles =
      STYLES +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:color w:val="404040"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="8EAADB"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Warning"><w:name w:val="Warning"/><w:basedOn w:val="Quote"/><w:rPr><w:b/></w:rPr></w:style>';
    const body =
      `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${run('Base look.', '')}</w:p>` +
      `<w:p><w:pPr><w:pStyle w:val="Warning"/></w:pPr>${run('Careful', '')}${run(' upright', '<w:i w:val="0"/>')}${run(' red', '<w:color w:val="FF0000"/>')}</w:p>` +
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run('Heading', '')}</w:p>`;
    const { document } = readDocx(makeDocx(body, { styles }), 'paragraph-styles.docx');
    const blocks = document.parts[0]!.children as Paragraph[];
    expect(blocks[0]!.children).toEqual([{ type: 'text', value: 'Base look.' }]);
    expect(blocks[1]!.children).toEqual([
      { type: 'strong', children: [{ type: 'emphasis', children: [{ type: 'textColor', color: '8EAADB', children: [{ type: 'text', value: 'Careful' }] }] }] },
      { type: 'strong', children: [{ type: 'textColor', color: '8EAADB', children: [{ type: 'text', value: ' upright' }] }] },
      { type: 'strong', children: [{ type: 'emphasis', children: [{ type: 'textColor', color: 'FF0000', children: [{ type: 'text', value: ' red' }] }] }] },
    ]);
    expect(document.parts[0]!.clauses[0]!.heading).toEqual([{ type: 'text', value: 'Heading' }]);
  });
});

describe('readDocx comments', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const comment = (id: string, attrs: string, ...paragraphs: string[]) => `<w:comment w:id="${id}" ${attrs}>${paragraphs.map((t) => `<w:p>${run(t)}</w:p>`).join('')}</w:comment>`;
  const withComments = (body: string, comments: string, revisions?: 'accept' | 'reject') =>
    readDocx(makeDocx(body, { extra: { 'word/comments.xml': `<w:comments ${W}>${comments}</w:comments>` } }), 'c.docx', revisions ? { revisions } : {});

  it('should mark where a comment range starts and ends, the end carrying author, initials, date and text', () => {
    const { document } = withComments(
      `<w:p>${run('Fees are due ')}<w:commentRangeStart w:id="3"/>${run('monthly')}<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>${run('.')}</w:p>`,
      comment('3', 'w:author="Jane Roe" w:initials="JR" w:date="2026-11-20T10:00:00Z"', 'Why monthly?', 'We bill quarterly.'),
    );
    expect((document.parts[0].children[0] as Paragraph).children).toEqual([
      { type: 'text', value: 'Fees are due ' },
      { type: 'comment', edge: 'start', id: '3' },
      { type: 'text', value: 'monthly' },
      { type: 'comment', edge: 'end', id: '3', comment: { author: 'Jane Roe', initials: 'JR', date: '2026-11-20T10:00:00Z', text: 'Why monthly?\nWe bill quarterly.' } },
      { type: 'text', value: '.' },
    ]);
  });

  it('should keep an empty paragraph that holds a comment, in the body and in a table cell, so the comment is not lost; other empty paragraphs go', () => {
    const point = (id: string) => `<w:commentRangeStart w:id="${id}"/><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    const { document } = withComments(
      `<w:p>${run('Fees.')}</w:p><w:p>${point('1')}</w:p><w:p/><w:tbl><w:tr><w:tc><w:p>${point('2')}</w:p></w:tc></w:tr></w:tbl>`,
      comment('1', 'w:author="Jane Roe"', 'Add a term here?') + comment('2', 'w:author="Jane Roe"', 'Fill in?'),
    );
    const comments = collect(document, 'comment').filter((c) => c.edge === 'end').map((c) => c.comment?.text);
    expect(comments).toEqual(['Add a term here?', 'Fill in?']);
    expect(document.parts[0].children.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'table']);
  });

  it('should read a thread from commentsExtended.xml: replies (and replies to a reply) in the comment that opens it, resolved marked done', () => {
    const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
    const threaded = (id: string, paraId: string, author: string, ...lines: string[]) =>
      `<w:comment w:id="${id}" w:author="${author}">${lines.map((t, k) => `<w:p${k === lines.length - 1 ? ` w14:paraId="${paraId}"` : ''}>${run(t)}</w:p>`).join('')}</w:comment>`;
    const range = (id: string) => [`<w:commentRangeStart w:id="${id}"/>`, `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`];
    const [s3, e3] = range('3');
    const [s4, e4] = range('4');
    const [s5, e5] = range('5');
    const [s6, e6] = range('6');
    const body = `<w:p>${run('Fees are due ')}${s3}${s4}${s5}${run('monthly')}${e3}${e4}${e5}${run('. ')}${s6}${run('Net')}${e6}</w:p>`;
    const comments =
      `<w:comments ${W} ${W14}>` +
      threaded('3', '0A000001', 'Jane Roe', 'Why monthly?', 'We bill quarterly.') +
      threaded('4', '0A000002', 'Our Counsel', 'Finance needs monthly.') +
      threaded('5', '0A000003', 'Jane Roe', 'Then net 30.') +
      threaded('6', '0A000004', 'Jane Roe', 'Replying to a comment that is not there.') +
      '</w:comments>';
    const extended =
      '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">' +
      '<w15:commentEx w15:paraId="0A000001" w15:done="1"/><w15:commentEx w15:paraId="0A000002" w15:paraIdParent="0A000001" w15:done="0"/>' +
      '<w15:commentEx w15:paraId="0A000003" w15:paraIdParent="0A000002"/><w15:commentEx w15:paraId="0A000004" w15:paraIdParent="7FFFFFFF"/>' +
      '</w15:commentsEx>';
    const { document } = readDocx(makeDocx(body, { extra: { 'word/comments.xml': comments, 'word/commentsExtended.xml': extended } }), 'thread.docx');
    const marks = (document.parts[0].children[0] as Paragraph).children.filter((n) => n.type === 'comment');
    // The replies' own ranges are not comments of their own.
    expect(marks.map((m) => `${m.id}:${m.edge}`)).toEqual(['3:start', '3:end', '6:start', '6:end']);
    expect(marks[1]).toMatchObject({
      comment: {
        author: 'Jane Roe',
        text: 'Why monthly?\nWe bill quarterly.',
        done: true,
        replies: [
          { author: 'Our Counsel', text: 'Finance needs monthly.' },
          { author: 'Jane Roe', text: 'Then net 30.' },
        ],
      },
    });
    expect(marks[3]).toMatchObject({ comment: { text: 'Replying to a comment that is not there.' } });
    expect(marks[3]!.type === 'comment' && marks[3]!.comment?.replies).toBeFalsy();
  });

  it('should put a comment with only a reference on that point, and a range across paragraphs at both ends', () => {
    const { document } = withComments(
      `<w:p>${run('One')}<w:commentRangeStart w:id="1"/>${run(' two')}</w:p><w:p>${run('three')}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>${run(' four')}<w:r><w:commentReference w:id="2"/></w:r></w:p>`,
      comment('1', 'w:author="A"', 'across') + comment('2', 'w:author="B"', 'point'),
    );
    const [first, second] = document.parts[0].children as Paragraph[];
    expect(first!.children).toEqual([{ type: 'text', value: 'One' }, { type: 'comment', edge: 'start', id: '1' }, { type: 'text', value: ' two' }]);
    expect(second!.children).toEqual([
      { type: 'text', value: 'three' },
      { type: 'comment', edge: 'end', id: '1', comment: { author: 'A', text: 'across' } },
      { type: 'text', value: ' four' },
      { type: 'comment', edge: 'start', id: '2' },
      { type: 'comment', edge: 'end', id: '2', comment: { author: 'B', text: 'point' } },
    ]);
  });

  it('should drop marks of comments the comments part lacks, and read marks in table cells', () => {
    const { document } = withComments(
      `<w:p><w:commentRangeStart w:id="9"/>${run('no such comment')}<w:commentRangeEnd w:id="9"/><w:r><w:commentReference w:id="9"/></w:r></w:p>` +
        `<w:tbl><w:tr><w:tc><w:p>${run('cell')}<w:r><w:commentReference w:id="4"/></w:r></w:p></w:tc></w:tr></w:tbl>`,
      comment('4', 'w:author="C"', 'in a cell'),
    );
    expect((document.parts[0].children[0] as Paragraph).children).toEqual([{ type: 'text', value: 'no such comment' }]);
    const cell = (document.parts[0].children[1] as Table).children[0]!.children[0]!.children[0] as Paragraph;
    expect(cell.children.map((n) => n.type)).toEqual(['text', 'comment', 'comment']);
  });

  it('should keep a range edge that sits in text not read (a deletion when accepting), and open a range that starts between paragraphs at the next one', () => {
    const { document } = withComments(
      `<w:p>${run('Pay ')}<w:del w:id="1" w:author="A"><w:commentRangeStart w:id="1"/><w:r><w:delText>thirty</w:delText></w:r></w:del>${run('sixty')}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
        `<w:commentRangeStart w:id="2"/><w:p>${run('Whole')}<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>`,
      comment('1', 'w:author="A"', 'on the amount') + comment('2', 'w:author="B"', 'on all of it'),
    );
    const [first, second] = document.parts[0].children as Paragraph[];
    expect(first!.children.map((n) => (n.type === 'text' ? n.value : `${n.type === 'comment' ? n.edge : n.type}`))).toEqual(['Pay ', 'start', 'sixty', 'end']);
    expect(second!.children.map((n) => (n.type === 'text' ? n.value : `${n.type === 'comment' ? n.edge : n.type}`))).toEqual(['start', 'Whole', 'end']);
  });

  it("should read a comment's own tracked changes as the body's", () => {
    const text = (revisions: 'accept' | 'reject') => {
      const { document } = withComments(
        `<w:p>${run('x')}<w:r><w:commentReference w:id="1"/></w:r></w:p>`,
        `<w:comment w:id="1" w:author="A"><w:p>${run('Pay in ')}<w:del w:id="5" w:author="A"><w:r><w:delText>thirty</w:delText></w:r></w:del><w:ins w:id="6" w:author="A">${run('sixty')}</w:ins>${run(' days')}</w:p></w:comment>`,
        revisions,
      );
      const end = (document.parts[0].children[0] as Paragraph).children.find((n) => n.type === 'comment' && n.edge === 'end');
      return end?.type === 'comment' ? end.comment?.text : undefined;
    };
    expect(text('accept')).toBe('Pay in sixty days');
    expect(text('reject')).toBe('Pay in thirty days');
  });
});
