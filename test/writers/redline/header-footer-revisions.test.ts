/**
 * Their changes to our headers and footers, tracked in the DOCX redline:
 * accept-all of each part gives their words, reject-all ours, checked on the
 * part written and on the whole redline package.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../src/readers/docx/index.js';
import { redline } from '../../../src/redline/redline.js';
import { resolveDocumentXml, type Resolution } from '../../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../../src/writers/redline/docx/index.js';
import { headerFooterRevisions, headerFooterTracking, trackHeaderFooter, type HeaderFooterRevision } from '../../../src/writers/redline/docx/header-footer-revisions.js';
import { Revisions } from '../../../src/writers/redline/docx/runs.js';
import { escapeXml } from '../../../src/writers/docx/xml.js';
import { makeDocx, para } from '../../readers/docx-fixture.js';
import { sentence } from '../../redline/arbitrary.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const header = (inner: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}>${inner}</w:hdr>`);
const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${runs.join('')}</w:p>`;
/** A PAGE field as Word writes it, in runs; its result is no word. */
const PAGE = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

const track = (ours: string, theirs: string | undefined): HeaderFooterRevision =>
  trackHeaderFooter(header(ours), theirs === undefined ? undefined : header(theirs), new Revisions('Counterparty', '2026-01-01T00:00:00Z'));

/** A part's paragraphs after resolving its changes, those with words only. */
const resolved = (xml: string, mode: Resolution) => resolveDocumentXml(xml, mode).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);

function tracked(ours: string, theirs: string | undefined): string {
  const result = track(ours, theirs);
  if (!('xml' in result)) throw new Error(`not tracked: ${JSON.stringify(result)}`);
  expect(resolved(result.xml, 'accept')).toEqual(theirs === undefined ? [] : resolved(strFromU8(header(theirs)), 'accept'));
  expect(resolved(result.xml, 'reject')).toEqual(resolved(strFromU8(header(ours)), 'accept'));
  return result.xml;
}

describe('trackHeaderFooter', () => {
  it('should mark a changed header word by word, kept and deleted words in our run formatting, inserted ones in theirs', () => {
    const xml = tracked(p(run('DRAFT', '<w:b/>'), run(' — subject to contract')), p(run('FINAL', '<w:i/>'), run(' — subject to contract')));
    expect(xml).toContain('<w:del w:id="1" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">DRAFT</w:delText></w:r></w:del>');
    expect(xml).toContain('<w:ins w:id="2" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">FINAL</w:t></w:r></w:ins>');
    expect(xml).toContain('<w:r><w:t xml:space="preserve"> — subject to contract</w:t></w:r>');
    // Our paragraph's own properties stay.
    expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<w:hdr [^>]*><w:p><w:pPr><w:jc w:val="right"\/><\/w:pPr>/);
  });

  it('should mark Chinese by words too', () => {
    const xml = tracked(p(run('草案——以最终签署版本为准')), p(run('定稿——以最终签署版本为准')));
    expect(xml).toContain('<w:delText xml:space="preserve">草案</w:delText>');
    expect(xml).toContain('<w:t xml:space="preserve">定稿</w:t>');
  });

  it('should mark the words around a page number field, the field kept as ours', () => {
    const xml = tracked(p(run('Confidential · Page '), PAGE), p(run('Strictly confidential · Page '), PAGE));
    expect(xml).toContain('<w:del w:id="1" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">Confidential</w:delText></w:r></w:del><w:ins w:id="2" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">Strictly confidential</w:t></w:r></w:ins>');
    expect(xml).toContain(`<w:r><w:t xml:space="preserve"> · Page </w:t></w:r>${PAGE}</w:p>`);
    expect(xml).not.toContain('w:delInstrText');
  });

  it('should replace a paragraph whole where their fields are other than ours, their field inserted with their words', () => {
    const NUMPAGES = PAGE.replace(' PAGE ', ' NUMPAGES ');
    const xml = tracked(p(run('Page '), PAGE), p(run('Page '), PAGE, run(' of '), NUMPAGES));
    expect(xml).toContain('<w:delInstrText xml:space="preserve"> PAGE </w:delInstrText>');
    expect(xml).toContain('<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>');
  });

  it('should leave a paragraph whose words are the same as ours, page number and all, even when another changed', () => {
    const result = track(p(run('Acme Ltd')) + p(run('Page '), PAGE), p(run('Acme Inc')) + p(run('Page '), PAGE.replace('>2<', '>7<')));
    const xml = 'xml' in result ? result.xml : '';
    expect(xml).toContain(`${p(run('Page '), PAGE)}</w:hdr>`);
    expect(resolved(xml, 'accept')).toEqual(['Acme Inc', 'Page 2']);
  });

  it('should delete a paragraph only we have and insert one only they have, marks and all', () => {
    const xml = tracked(p(run('Draft — subject to contract')) + p(run('Acme')), p(run('Acme')) + p(run('Privileged')));
    expect(xml).toMatch(/<w:pPr><w:jc w:val="right"\/><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr><w:del /);
    // The last paragraph keeps its mark: a part ends with a paragraph.
    expect(xml).toMatch(/<w:p><w:pPr><w:jc w:val="right"\/><\/w:pPr><w:ins [^>]*><w:r><w:t xml:space="preserve">Privileged<\/w:t><\/w:r><\/w:ins><\/w:p><\/w:hdr>$/);
  });

  it('should keep a paragraph of ours with no words (a watermark, a spacer) as it is, and leave out one of theirs', () => {
    const watermark = '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="PowerPlusWaterMarkObject1"><v:textpath string="DRAFT"/></v:shape></w:pict></w:r></w:p>';
    const xml = tracked(p(run('Acme')) + watermark, p(run('Acme Inc')) + '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>');
    expect(xml).toContain(`${watermark}</w:hdr>`);
    expect(xml).not.toContain('w:spacing');
  });

  it('should insert their paragraphs before our first when they come first', () => {
    tracked(p(run('Acme')), p(run('Privileged and confidential')) + p(run('Acme')));
  });

  it('should read their header with their own tracked changes accepted, as Word users send it', () => {
    const theirs = `<w:p><w:pPr><w:jc w:val="right"/><w:rPr><w:ins w:id="7" w:author="Jane"/></w:rPr></w:pPr>${run('Project plan')}<w:del w:id="8" w:author="Jane"><w:r><w:delText> (internal)</w:delText></w:r></w:del><w:ins w:id="9" w:author="Jane"><w:r><w:t xml:space="preserve"> — Draft</w:t></w:r></w:ins></w:p>`;
    const xml = tracked(p(run('Project plan (internal)')), theirs);
    expect(resolved(xml, 'accept')).toEqual(['Project plan — Draft']);
    expect(xml).not.toContain('Jane');
  });

  it('should join two paragraphs of theirs where they deleted the mark between them, as the reader does', () => {
    const theirs = `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="Them"/></w:rPr></w:pPr>${run('Alpha beta')}</w:p><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(' Gamma delta')}</w:p>`;
    const xml = tracked(p(run('Alpha beta')) + p(run('Gamma')), theirs);
    expect(resolved(xml, 'accept')).toEqual(['Alpha beta Gamma delta']);
  });

  it('should find rows and cells inside content controls, as the reader does', () => {
    const control = (inner: string) => `<w:sdt><w:sdtPr><w:id w:val="77"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const header = (row2: string, cell: string, acme: string) =>
      p(run(acme)) + `<w:tbl><w:tr><w:tc>${p(run('Row one'))}</w:tc>${control(`<w:tc>${p(run(cell))}</w:tc>`)}</w:tr>${control(`<w:tr><w:tc>${p(run(row2))}</w:tc><w:tc>${p(run('x'))}</w:tc></w:tr>`)}</w:tbl>` + p(run('End'));
    tracked(header('Row two', 'Cell', 'Acme'), header('Row 2 changed', 'Cell changed', 'Acme Ltd'));
    tracked(header('Row two', 'Cell', 'Acme'), header('Row 2 changed', 'Cell', 'Acme'));
  });

  it('should track each table cell on its own', () => {
    const table = (a: string, b: string) => `<w:tbl><w:tr><w:tc>${p(run(a))}</w:tc><w:tc>${p(run(b))}</w:tc></w:tr></w:tbl>`;
    const xml = tracked(table('Draft — subject to contract', 'Acme'), table('Final', 'Acme'));
    expect(xml).toContain('<w:tc><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">Acme</w:t></w:r></w:p></w:tc>');
  });

  it('should delete every word of ours when they have no such header', () => {
    const xml = tracked(p(run('Draft')) + p(run('Acme')), undefined);
    expect(resolved(xml, 'accept')).toEqual([]);
  });

  it('should not empty our first-page or even-page header when they have none there: their pages show the header of every page', () => {
    const ours = (type: 'default' | 'first' | 'even', text: string) => ({ kind: 'header' as const, type, part: header(p(run(text))), media: [] });
    const theirs = [{ kind: 'header' as const, type: 'default' as const, text: 'Acme', part: header(p(run('Acme'))) }];
    const result = headerFooterRevisions([ours('default', 'Acme'), ours('first', 'Cover'), ours('even', 'Even')], theirs, new Revisions('C', '2026-01-01T00:00:00Z'));
    expect(Object.fromEntries(result)).toEqual({
      'header default': { unchanged: true },
      'header first': { reason: 'their first page shows the header of every page, a setting a tracked change cannot make' },
      'header even': { reason: 'their even pages show the header of every page, a setting a tracked change cannot make' },
    });
    // With no header of theirs at all, our words on every page are deleted.
    expect('xml' in headerFooterRevisions([ours('default', 'Acme')], [], new Revisions('C', 'd')).get('header default')!).toBe(true);
  });

  it('should read paragraphs in content controls, as Word puts page numbers', () => {
    tracked(`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Page Numbers (Top of Page)"/></w:docPartObj></w:sdtPr><w:sdtContent>${p(run('Draft'))}</w:sdtContent></w:sdt>`, p(run('Final')));
  });

  it('should read paragraphs in a content control that lacks its w:sdtContent, as the reader does', () => {
    expect(track(p(run('Draft')) + p(run('Acme')), `<w:sdt>${p(run('Draft'))}</w:sdt>${p(run('Acme'))}`)).toEqual({ unchanged: true });
    tracked(p(run('Draft')), `<w:sdt><w:sdtPr/>${p(run('Final'))}</w:sdt>`);
  });

  it('should track the same words in their look, ours kept in w:rPrChange, so accepting gives their look and rejecting ours', () => {
    const xml = tracked(p(run('CONFIDENTIAL', '<w:b/><w:color w:val="FF0000"/>'), run(' · Page '), PAGE), p(run('CONFIDENTIAL', '<w:color w:val="FF0000"/>'), run(' · Page '), PAGE));
    // Schema order: w:rPrChange closes w:rPr; the words and the page number stay as they are.
    expect(xml).toContain(
      '<w:r><w:rPr><w:color w:val="FF0000"/><w:rPrChange w:id="1" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">CONFIDENTIAL</w:t></w:r><w:r><w:t xml:space="preserve"> · Page </w:t></w:r>' + PAGE,
    );
    expect(xml).not.toMatch(/<w:(ins|del) /);
    // Spaces alone in another look are no change.
    expect(track(p(run('Acme'), run(' ', '<w:u w:val="single"/>'), run('Ltd')), p(run('Acme'), run(' '), run('Ltd')))).toEqual({ unchanged: true });
  });

  it('should track kept words in their look where other words changed too', () => {
    const xml = tracked(p(run('DRAFT'), run(' — subject to contract', '<w:b/>')), p(run('FINAL'), run(' — subject to contract')));
    expect(xml).toContain('<w:rPrChange w:id="3" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve"> — subject to contract</w:t>');
  });

  it('should read a look a character style gives as the reader does, given the style sheets', () => {
    const styles = `<w:styles ${W}><w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style></w:styles>`;
    const ours = header(p(run('CONFIDENTIAL', '<w:rStyle w:val="Strong"/>')));
    const theirs = header(p(run('CONFIDENTIAL', '<w:b/>')));
    const revisions = () => new Revisions('Counterparty', '2026-01-01T00:00:00Z');
    // Bold by style and bold set directly look the same.
    expect(trackHeaderFooter(ours, theirs, revisions(), { ours: styles, theirs: styles })).toEqual({ unchanged: true });
    const plain = header(p(run('CONFIDENTIAL')));
    const result = trackHeaderFooter(ours, plain, revisions(), { ours: styles, theirs: styles });
    expect('xml' in result && result.xml).toContain('<w:rPrChange w:id="1" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:rStyle w:val="Strong"/></w:rPr></w:rPrChange>');
  });

  it('should say why it cannot track a change of look it cannot mark', () => {
    // Our own earlier formatting change would be lost.
    const earlier = '<w:b/><w:rPrChange w:id="7" w:author="Us" w:date="2025-01-01T00:00:00Z"><w:rPr/></w:rPrChange>';
    expect(track(p(run('CONFIDENTIAL', earlier)), p(run('CONFIDENTIAL')))).toEqual({ reason: 'a run of ours whose formatting changed holds earlier revisions' });
    // Words in a link are no runs a revision can wrap: ours stays, and the warning says why.
    const linked = `<w:p><w:hyperlink w:anchor="top">${run('Acme', '<w:b/>')}</w:hyperlink></w:p>`;
    const ourPart = header(linked);
    expect(trackHeaderFooter(ourPart, header(`<w:p><w:hyperlink w:anchor="top">${run('Acme')}</w:hyperlink></w:p>`), new Revisions('', ''))).toEqual({ unchanged: true });
    const h = { kind: 'header' as const, type: 'default' as const, text: 'Acme', part: ourPart };
    const tracking = headerFooterTracking([{ ...h, media: [] }], [h], [{ ...h, part: header(`<w:p><w:hyperlink w:anchor="top">${run('Acme')}</w:hyperlink></w:p>`) }]);
    expect(tracking('header default')).toEqual({ reason: 'their formatting sits in runs the redline cannot mark in ours (a link, a field, other runs)' });
  });

  it('should say there is nothing to track when only page numbers or empty paragraphs differ', () => {
    expect(track(p(run('Page '), PAGE), p(run('Page '), PAGE.replace('>2<', '>9<')) + '<w:p/>')).toEqual({ unchanged: true });
  });

  it('should say why it cannot track, leaving ours, where their words would lose their picture, link or table', () => {
    const picture = '<w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="rId9"/></w:drawing></w:r>';
    expect(track(p(run('Acme')), p(run('Acme Inc'), picture))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    // The same logo on both sides stays ours: only the words beside it are marked.
    expect(tracked(p(picture, run('Acme')), p(picture, run('Acme Inc')))).toContain(`${picture}<w:r><w:t xml:space="preserve">Acme</w:t></w:r><w:ins `);
    expect(track(p(run('Acme')), `<w:p><w:hyperlink r:id="rId3">${run('Acme Inc')}</w:hyperlink></w:p>`)).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    expect(track(`<w:p><w:fldSimple w:instr="PAGE">${run('1')}</w:fldSimple>${run(' Acme')}</w:p>`, p(run('Acme Inc')))).toEqual({ reason: 'a paragraph of ours holds content that cannot be marked as changed' });
    expect(track(p(run('Acme')), `<w:tbl><w:tr><w:tc>${p(run('Acme Inc'))}</w:tc></w:tr></w:tbl>`)).toEqual({ reason: 'their tables differ from ours' });
    // A field of theirs that would fetch outside content when our redline is opened is not copied.
    const include = PAGE.replace(' PAGE ', ' INCLUDE').replace('<w:r><w:fldChar w:fldCharType="separate"/>', '<w:r><w:instrText xml:space="preserve">TEXT "http://tracker.example/x.docx" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>');
    expect(track(p(run('Acme')), p(run('Acme Inc'), include))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    expect(track(p(run('Acme')), p(run('Acme')) + p(include))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    // Nor one nested in another field's code, nor a field link to a target not safe to open.
    const field = (...codes: string[]) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${codes.map((c) => `<w:r><w:instrText xml:space="preserve">${c}</w:instrText></w:r>`).join('')}<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('Plan')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const nested = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> QUOTE "</w:instrText></w:r>${field(' DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe" ')}<w:r><w:instrText xml:space="preserve">" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('Plan')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(track(p(run('Acme')), p(run('Acme Inc'), nested))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    expect(track(p(run('Acme')), p(run('Acme Inc'), field(' HYPERLINK "file:///C:/Windows/System32/calc.exe" ')))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    expect(track(p(run('Acme')), p(run('Acme Inc'), field(' HYPERLINK "\\\\evil.example\\share\\doc.docx" ')))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    // A web link field is carried.
    expect('xml' in track(p(run('Acme')), p(run('Acme Inc'), field(' HYPERLINK "https://acme.example/" ')))).toBe(true);
    // Nor one numbered by their numbering (its properties would come along), or holding their footnote.
    expect(track(p(run('Acme')), p(run('Acme')) + `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>${run('Draft')}</w:p>`)).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
    expect(track(p(run('Acme')), p(run('Acme Inc'), '<w:r><w:footnoteReference w:id="2"/></w:r>'))).toEqual({ reason: 'a paragraph of theirs holds a picture, link or field that cannot be carried' });
  });
});

describe('writeRedlineDocx with their headers and footers', () => {
  const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="f1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>';
  const draft = (headerText: string, footerText: string) =>
    makeDocx(para('Fees are due.') + '<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:footerReference w:type="default" r:id="f1"/></w:sectPr>', {
      extra: {
        'word/_rels/document.xml.rels': RELS,
        'word/header1.xml': `<w:hdr ${W}>${p(run(headerText))}</w:hdr>`,
        'word/footer1.xml': `<w:ftr ${W}>${p(run(footerText), PAGE)}</w:ftr>`,
      },
    });

  it('should track their header in ours, with revision ids after the body, and keep our unchanged footer as found', () => {
    const ours = readDocx(draft('Draft — subject to contract', 'Confidential · Page '), 'ours.docx', { look: true });
    const theirs = readDocx(draft('Final — subject to contract', 'Confidential · Page '), 'theirs.docx');
    const bytes = writeRedlineDocx(redline(ours.document, theirs.document), { date: '2026-01-01', look: ours.look!, theirHeadersFooters: theirs.headersFooters! });
    const files = unzipSync(bytes);
    const headerXml = strFromU8(files['word/header1.xml']!);
    expect(resolved(headerXml, 'accept')).toEqual(['Final — subject to contract']);
    expect(resolved(headerXml, 'reject')).toEqual(['Draft — subject to contract']);
    expect(strFromU8(files['word/footer2.xml']!)).toContain(p(run('Confidential · Page '), PAGE));
    // Read back as a DOCX, accepting gives their header, rejecting ours.
    expect(readDocx(bytes, 'r.docx', { revisions: 'accept' }).headersFooters?.map((h) => h.text)).toEqual(['Final — subject to contract', 'Confidential · Page']);
    expect(readDocx(bytes, 'r.docx', { revisions: 'reject' }).headersFooters?.map((h) => h.text)).toEqual(['Draft — subject to contract', 'Confidential · Page']);
    // Same inputs, same bytes.
    expect(writeRedlineDocx(redline(ours.document, theirs.document), { date: '2026-01-01', look: ours.look!, theirHeadersFooters: theirs.headersFooters! })).toEqual(bytes);
  });
});

describe('trackHeaderFooter on generated headers', () => {
  /**
   * A paragraph: runs of words (some bold or italic, some split by a tab or a break), maybe a
   * page number or a bookmark; theirs may carry their own tracked changes (runs inserted or deleted).
   */
  const paragraph = (revised: boolean) =>
    fc
      .record({
        runs: fc.array(fc.tuple(sentence, fc.constantFrom('', '<w:b/>', '<w:i/>'), fc.constantFrom('', '', '<w:tab/>', '<w:br/>'), fc.constantFrom(...(revised ? ['', '', 'ins', 'del'] : ['']))), { minLength: 1, maxLength: 3 }),
        page: fc.boolean(),
        bookmark: fc.boolean(),
        sdt: fc.boolean(),
      })
      .map(({ runs, page, bookmark, sdt }) => {
        const content = runs
          .map(([text, rPr, after, revision]) => {
            const tag = revision === 'del' ? 'w:delText' : 'w:t';
            const r = `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<${tag} xml:space="preserve">${escapeXml(text)}</${tag}>${after}</w:r>`;
            return revision ? `<w:${revision} w:id="90" w:author="Jane">${r}</w:${revision}>` : r;
          })
          .join('');
        // A page number shows no words (the oracle would read its last result): one added or
        // dropped beside unchanged words is no change, so its result here is empty.
        const xml = `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${bookmark ? '<w:bookmarkStart w:id="0" w:name="h"/><w:bookmarkEnd w:id="0"/>' : ''}${content}${page ? PAGE.replace('<w:t>2</w:t>', '<w:t></w:t>') : ''}</w:p>`;
        return sdt ? `<w:sdt><w:sdtContent>${xml}</w:sdtContent></w:sdt>` : xml;
      });
  /** Paragraphs; of theirs, one may have its mark deleted (joined to the next, in the same stretch or cell). */
  const paragraphs = (revised: boolean) =>
    fc.array(fc.tuple(paragraph(revised), fc.boolean()), { minLength: 1, maxLength: 4 }).map((ps) =>
      ps
        .map(([xml, join], k) =>
          revised && join && k < ps.length - 1 ? xml.replace('<w:pPr><w:pStyle w:val="Header"/></w:pPr>', '<w:pPr><w:pStyle w:val="Header"/><w:rPr><w:del w:id="91" w:author="Jane"/></w:rPr></w:pPr>') : xml,
        )
        .join(''),
    );
  /** A header: paragraphs, maybe a one-row table of two cells between them. */
  const part = (cells: readonly [string, string] | undefined, revised: boolean) =>
    fc.tuple(paragraphs(revised), paragraphs(revised)).map(([before, after]) => `${before}${cells ? `<w:tbl><w:tr><w:tc>${cells[0]}</w:tc><w:tc>${cells[1]}</w:tc></w:tr></w:tbl>${after}` : ''}`);
  const cells = (revised: boolean) => fc.tuple(paragraphs(revised), paragraphs(revised));
  const pair = fc.boolean().chain((withTable) =>
    fc.tuple(withTable ? cells(false) : fc.constant(undefined), withTable ? cells(true) : fc.constant(undefined)).chain(([ourCells, theirCells]) =>
      fc.tuple(part(ourCells, false), fc.oneof(part(theirCells, true), part(ourCells, false))),
    ),
  );

  it('should give their words on accept-all and ours on reject-all, or say nothing differs (400 cases)', () => {
    fc.assert(
      fc.property(pair, ([ours, theirs]) => {
        const result = track(ours, theirs);
        if ('unchanged' in result) {
          expect(resolved(strFromU8(header(ours)), 'accept').join(' ')).toEqual(resolved(strFromU8(header(theirs)), 'accept').join(' '));
          return;
        }
        tracked(ours, theirs);
      }),
      { numRuns: 400, seed: 31 },
    );
  });
});
