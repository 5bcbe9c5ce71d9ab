/** The words of a DOCX's headers and footers, and the redline's warning when theirs read otherwise than ours. */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx/index.js';
import { headerFooterChanges, headerFooterRedlines } from '../../src/redline/headers-footers.js';
import { makeDocx, para } from './docx-fixture.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const rel = (id: string, kind: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${target}"/>`;
const rels = (...items: string[]) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;

/** A one-paragraph DOCX whose last section shows `header` on every page, `even` on even pages (when `evenOn`) and `footer`. */
function draft(header: string, footer: string, even = '', evenOn = false): Uint8Array {
  const section =
    '<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="even" r:id="h2"/><w:footerReference w:type="default" r:id="f1"/></w:sectPr>';
  return makeDocx(para('Fees are due.') + section, {
    extra: {
      'word/_rels/document.xml.rels': rels(rel('h1', 'header', 'header1.xml'), rel('h2', 'header', 'header2.xml'), rel('f1', 'footer', 'footer1.xml')),
      'word/header1.xml': `<w:hdr ${W}><w:tbl><w:tr><w:tc><w:p><w:r><w:t>${header}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Acme</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:hdr>`,
      'word/header2.xml': `<w:hdr ${W}><w:p><w:r><w:t>${even}</w:t></w:r></w:p></w:hdr>`,
      // Page numbers are no words: the PAGE and NUMPAGES results differ between any two drafts.
      'word/footer1.xml': `<w:ftr ${W}><w:p><w:r><w:t xml:space="preserve">${footer} · Page </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> of </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NUMPAGES</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`,
      ...(evenOn ? { 'word/settings.xml': `<w:settings ${W}><w:evenAndOddHeaders/></w:settings>` } : {}),
    },
  });
}

describe('readDocx: headers and footers', () => {
  it('should read the words of the headers and footers the last section shows, tables included, page numbers left out', () => {
    expect(readDocx(draft('Draft — subject to contract', 'Confidential'), 'ours.docx').headersFooters).toEqual([
      { kind: 'header', type: 'default', text: 'Draft — subject to contract / Acme', part: expect.any(Uint8Array) },
      { kind: 'footer', type: 'default', text: 'Confidential · Page of', part: expect.any(Uint8Array) },
    ]);
  });

  it('should read even-page headers only when the settings turn them on, as Word shows them', () => {
    expect(readDocx(draft('A', 'B', 'Even page'), 'x.docx').headersFooters?.map((h) => h.type)).toEqual(['default', 'default']);
    expect(readDocx(draft('A', 'B', 'Even page', true), 'x.docx').headersFooters).toContainEqual({ kind: 'header', type: 'even', text: 'Even page', part: expect.any(Uint8Array) });
  });

  it('should read a first-page header only when the section has a different first page, as Word shows it', () => {
    const withFirst = (titlePg: string) =>
      makeDocx(para('Fees.') + `<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="first" r:id="h2"/>${titlePg}</w:sectPr>`, {
        extra: {
          'word/_rels/document.xml.rels': rels(rel('h1', 'header', 'header1.xml'), rel('h2', 'header', 'header2.xml')),
          'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t>Every page</w:t></w:r></w:p></w:hdr>`,
          'word/header2.xml': `<w:hdr ${W}><w:p><w:r><w:t>Cover</w:t></w:r></w:p></w:hdr>`,
        },
      });
    expect(readDocx(withFirst(''), 'x.docx').headersFooters?.map((h) => `${h.type}: ${h.text}`)).toEqual(['default: Every page']);
    expect(readDocx(withFirst('<w:titlePg/>'), 'x.docx').headersFooters?.map((h) => `${h.type}: ${h.text}`)).toEqual(['default: Every page', 'first: Cover']);
  });

  it('should have none for a DOCX without headers or footers', () => {
    expect(readDocx(makeDocx(para('Fees.')), 'x.docx').headersFooters).toBeUndefined();
  });
});

/** Word's watermark: a VML shape in the header whose text path holds the words. */
const WATERMARK = (words: string) =>
  `<w:p><w:r><w:pict><v:shapetype id="_x0000_t136" xmlns:v="urn:schemas-microsoft-com:vml"><v:textpath on="t" fitshape="t"/></v:shapetype><v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136" xmlns:v="urn:schemas-microsoft-com:vml"><v:textpath style="font-family:Calibri" string="${words}"/></v:shape></w:pict></w:r></w:p>`;
const watermarked = (header: string) =>
  makeDocx(para('Fees are due.') + '<w:sectPr><w:headerReference w:type="default" r:id="h1"/></w:sectPr>', {
    extra: { 'word/_rels/document.xml.rels': rels(rel('h1', 'header', 'header1.xml')), 'word/header1.xml': `<w:hdr ${W}>${header}</w:hdr>` },
  });

describe('readDocx: watermarks', () => {
  it("should read a watermark's words apart from the header's, and none that a tracked deletion removed", () => {
    expect(readDocx(watermarked(`<w:p><w:r><w:t>Acme</w:t></w:r></w:p>${WATERMARK('DRAFT')}`), 'x.docx').headersFooters).toEqual([
      { kind: 'header', type: 'default', text: 'Acme', watermark: 'DRAFT', part: expect.any(Uint8Array) },
    ]);
    const deleted = `<w:p><w:del w:id="1" w:author="Jane">${WATERMARK('DRAFT').slice('<w:p>'.length, -'</w:p>'.length)}</w:del></w:p>`;
    expect(readDocx(watermarked(deleted), 'x.docx').headersFooters?.[0]?.watermark).toBeUndefined();
    expect(readDocx(watermarked(deleted), 'x.docx', { revisions: 'reject' }).headersFooters?.[0]?.watermark).toBe('DRAFT');
  });

  it('should report a watermark gone, in every format, and say the DOCX redline keeps ours', () => {
    const of = (bytes: Uint8Array) => readDocx(bytes, 'x.docx').headersFooters ?? [];
    const ours = of(watermarked(`<w:p><w:r><w:t>Acme</w:t></w:r></w:p>${WATERMARK('DRAFT')}`));
    const theirs = of(watermarked(`<w:p><w:r><w:t>Acme</w:t></w:r></w:p>`));
    expect(headerFooterRedlines(ours, theirs)).toEqual([{ kind: 'watermark', type: 'default', spans: [{ kind: 'deleted', text: 'DRAFT' }] }]);
    expect(headerFooterChanges(ours, theirs, 'theirs.docx').map((w) => w.message)).toEqual(['the watermark on every page reads nothing where ours reads “DRAFT”']);
    expect(headerFooterChanges(ours, theirs, 'theirs.docx', () => 'tracked').map((w) => w.message)).toEqual([
      'the watermark on every page reads nothing where ours reads “DRAFT”: not tracked, as a watermark is a drawing, which the redline does not track; the redline keeps ours',
    ]);
  });
});

describe('readDocx: text boxes in headers', () => {
  it('should say a header holds a text box, whose words are not compared, and say nothing of a logo', () => {
    const textBox = '<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent><w:p><w:r><w:t>Confidential</w:t></w:r></w:p></w:txbxContent></wp:anchor></w:drawing></w:r></w:p>';
    const logo = '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r></w:p>';
    const warnings = (header: string) => readDocx(watermarked(header), 'x.docx').warnings.map((w) => w.message);
    expect(warnings(`<w:p><w:r><w:t>Acme</w:t></w:r></w:p>${textBox}`)).toEqual(['x.docx: text boxes in the header on every page are not read: their words are not compared']);
    expect(warnings(`<w:p><w:r><w:t>Acme</w:t></w:r></w:p>${logo}`)).toEqual([]);
  });
});

describe('headerFooterChanges', () => {
  const of = (bytes: Uint8Array) => readDocx(bytes, 'x.docx').headersFooters ?? [];

  it('should warn, naming their file, for each header or footer of theirs whose words differ from ours, and for one only one side has', () => {
    const ours = of(draft('Draft — subject to contract', 'Confidential'));
    const theirs = of(draft('Final', 'Confidential', 'Even', true));
    expect(headerFooterChanges(ours, theirs, 'theirs.docx').map((w) => [w.code, w.file, w.message])).toEqual([
      ['header-footer-differs', 'theirs.docx', 'the header on every page reads “Final / Acme” where ours reads “Draft — subject to contract / Acme”'],
      ['header-footer-differs', 'theirs.docx', 'the header on even pages reads “Even” where ours reads nothing'],
    ]);
  });

  it('should mark each one word by word for the redline, page numbers left out', () => {
    const ours = of(draft('Draft — subject to contract', 'Confidential'));
    const theirs = of(draft('Final', 'Strictly confidential', 'Even', true));
    expect(headerFooterRedlines(ours, theirs)).toEqual([
      { kind: 'header', type: 'default', spans: [{ kind: 'deleted', text: 'Draft — subject to contract' }, { kind: 'inserted', text: 'Final' }, { kind: 'kept', text: ' / Acme' }] },
      { kind: 'footer', type: 'default', spans: [{ kind: 'deleted', text: 'Confidential' }, { kind: 'inserted', text: 'Strictly confidential' }, { kind: 'kept', text: ' · Page of' }] },
      { kind: 'header', type: 'even', spans: [{ kind: 'inserted', text: 'Even' }] },
    ]);
    expect(headerFooterRedlines(ours, ours)).toEqual([]);
  });

  it('should say, for a DOCX redline, which it tracks and why it does not track the others', () => {
    const ours = of(draft('Draft — subject to contract', 'Confidential'));
    const theirs = of(draft('Final', 'Confidential', 'Even', true));
    const outcome = (key: string) => (key === 'header default' ? ('tracked' as const) : { reason: 'ours has none to mark it in' });
    expect(headerFooterChanges(ours, theirs, 'theirs.docx', outcome).map((w) => w.message)).toEqual([
      "the header on every page reads “Final / Acme” where ours reads “Draft — subject to contract / Acme”: tracked in the redline's header",
      'the header on even pages reads “Even” where ours reads nothing: not tracked, as ours has none to mark it in; the redline keeps ours',
    ]);
  });

  it('should report words both keep whose look they changed, alone or beside changed words, unless formatting is not compared', () => {
    const part = new Uint8Array();
    const ours = [
      { kind: 'footer' as const, type: 'default' as const, text: 'CONFIDENTIAL', part, styles: [{ bold: true, end: 12 }] },
      { kind: 'header' as const, type: 'default' as const, text: 'Draft — subject to contract', part },
    ];
    const theirs = [
      { kind: 'footer' as const, type: 'default' as const, text: 'CONFIDENTIAL', part },
      { kind: 'header' as const, type: 'default' as const, text: 'Final — subject to contract', part, styles: [{ end: 6 }, { highlight: 'yellow', end: 27 }] },
    ];
    expect(headerFooterRedlines(ours, theirs)).toEqual([
      { kind: 'footer', type: 'default', spans: [{ kind: 'kept', text: 'CONFIDENTIAL' }], restyled: [{ start: 0, end: 12, text: 'CONFIDENTIAL', ours: { bold: true }, theirs: {} }] },
      {
        kind: 'header',
        type: 'default',
        spans: [{ kind: 'deleted', text: 'Draft' }, { kind: 'inserted', text: 'Final' }, { kind: 'kept', text: ' — subject to contract' }],
        restyled: [{ start: 6, end: 27, text: '— subject to contract', ours: {}, theirs: { highlight: 'yellow' } }],
      },
    ]);
    expect(headerFooterChanges(ours, theirs, 'theirs.docx', () => 'tracked').map((w) => w.message)).toEqual([
      "the footer on every page reads “CONFIDENTIAL” as ours does, but its formatting changed: “CONFIDENTIAL” bold removed: tracked in the redline's footer",
      "the header on every page reads “Final — subject to contract” where ours reads “Draft — subject to contract”, and the formatting of words both keep changed: “— subject to contract” highlighted yellow: tracked in the redline's header",
    ]);
    expect(headerFooterRedlines(ours, theirs, { formatting: false })).toEqual([
      { kind: 'header', type: 'default', spans: [{ kind: 'deleted', text: 'Draft' }, { kind: 'inserted', text: 'Final' }, { kind: 'kept', text: ' — subject to contract' }] },
    ]);
    expect(headerFooterChanges(ours, theirs, 'theirs.docx', undefined, { formatting: false })).toHaveLength(1);
  });

  it('should read the look of a header’s words, its paragraphs joined by " / "', () => {
    const bold = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
    expect(of(draft('Draft', 'Confidential'))[0]!.styles).toBeUndefined();
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>';
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const bytes = makeDocx('<w:p/><w:sectPr><w:headerReference w:type="default" r:id="h1"/></w:sectPr>', {
      extra: { 'word/_rels/document.xml.rels': rels, 'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t xml:space="preserve">  Acme   </w:t></w:r>${bold('Ltd')}</w:p><w:p>${bold('Draft')}</w:p></w:hdr>` },
    });
    const [h] = of(bytes);
    expect(h!.text).toBe('Acme Ltd / Draft');
    expect(h!.styles).toEqual([{ end: 5 }, { bold: true, end: 8 }, { end: 11 }, { bold: true, end: 16 }]);
  });

  it('should say nothing when only the page numbers differ', () => {
    expect(headerFooterChanges(of(draft('Draft', 'Confidential')), of(draft('Draft', 'Confidential')), 'theirs.docx')).toEqual([]);
  });
});
