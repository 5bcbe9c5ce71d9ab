import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clause, doc, item, link, list, p, part, table } from '../../../src/model/build.js';
import { collect } from '../../../src/model/walk.js';
import { readDocx } from '../../../src/readers/docx/index.js';
import { comparable } from '../../../src/redline/apply.js';
import { redline } from '../../../src/redline/redline.js';
import { documentParagraphs } from '../../../src/redline/units.js';
import { acceptAllDocx, rejectAllDocx } from '../../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../../src/writers/redline/docx/index.js';
import { describeRestyle } from '../../../src/redline/describe-restyle.js';
import { mergeStyles } from '../../../src/writers/redline/docx/look.js';
import { highlightOurs, highlightTheirs, looks, ours, restyleOurs, restyleTheirs, sample, theirs, underlineOurs, underlineTheirs } from './fixtures.js';

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, new TextDecoder().decode(v)]));
const bytes = writeRedlineDocx(sample, { author: 'Acme & Co', date: '2026-02-01' });
const files = parts(bytes);
const xml = files['word/document.xml']!;

describe('writeRedlineDocx', () => {
  it('should write a well-formed package with every part Word needs', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/fontTable.xml', 'word/numbering.xml', 'word/settings.xml', 'word/styles.xml'].sort(),
    );
    for (const [name, text] of Object.entries(files)) expect(XMLValidator.validate(text), name).toBe(true);
  });

  it('should write real tracked changes: w:del with w:delText, w:ins with w:t, author and date on each', () => {
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Acme &amp; Co" w:date="2026-02-01T00:00:00Z"><w:r><w:delText xml:space="preserve">thirty<\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Acme &amp; Co" w:date="2026-02-01T00:00:00Z"><w:r><w:t xml:space="preserve">sixty<\/w:t><\/w:r><\/w:ins>/);
    expect(xml).toContain('&lt;records&gt; once a year &amp; on notice.');
  });

  it('should give every revision a unique w:id', () => {
    const ids = [...xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should mark the paragraph mark of a whole inserted paragraph, so reject-all leaves no empty paragraph', () => {
    expect(xml).toMatch(/<w:p><w:pPr><w:pStyle w:val="[^"]+"\/>(?:<w:numPr>.*?<\/w:numPr>)?<w:rPr><w:ins [^>]+\/><\/w:rPr><\/w:pPr><w:ins [^>]+><w:r><w:t xml:space="preserve">Audit<\/w:t>/);
  });

  it('should write a moved clause as w:moveFrom/w:moveTo inside named move ranges', () => {
    expect(xml).toMatch(/<w:moveFromRangeStart w:id="(\d+)"[^>]* w:name="m1"\/>.*<w:moveFromRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveToRangeStart w:id="(\d+)"[^>]* w:name="m1"\/>.*<w:moveToRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveFrom [^>]+><w:r><w:t xml:space="preserve">Term<\/w:t>/);
  });

  it('should number clauses and list items with Word numbering, never as text, so renumbering is no change', () => {
    expect(xml).not.toMatch(/<w:t[^>]*>\s*\(?\d+\.?\)?\s*<\/w:t>/);
    expect(xml).not.toMatch(/<w:(?:ins|del)[^>]*>(?:(?!<\/w:(?:ins|del)>).)*<w:(?:t|delText)[^>]*>\(?[a-c0-9]\)?\.?<\//);
    const numbering = files['word/numbering.xml']!;
    expect(numbering).toContain('<w:lvlText w:val="%1"/>');
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/>');
    expect(xml).toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
  });

  it('should keep our formatting: bold stays bold in kept, inserted and deleted text', () => {
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Fees<\/w:t><\/w:r>/);
  });

  it('should track a changed table cell inside a real table row', () => {
    expect(xml).toMatch(/<w:tc>.*?<w:del [^>]+><w:r><w:delText xml:space="preserve">London<\/w:delText><\/w:r><\/w:del><w:ins [^>]+><w:r><w:t xml:space="preserve">Paris<\/w:t><\/w:r><\/w:ins>.*?<\/w:tc>/);
  });

  it('should give their text on accept-all and ours on reject-all (the invariant, on the bytes)', () => {
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
  });

  it("should write the agreement's title as a Title paragraph with their words tracked: accept-all reads their title, reject-all ours", () => {
    const titled = (title: string) => doc('en', [part('body', [clause('fees', [p('Pay in 30 days.')], { heading: ['Fees'], number: '1' })])], { title });
    const written = writeRedlineDocx(redline(titled('Cloud Service Agreement'), titled('Cloud Services Agreement')), { date: '2026-01-01' });
    const body = parts(written)['word/document.xml']!;
    expect(body).toMatch(/<w:body><w:p><w:pPr><w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Cloud <\/w:t><\/w:r><w:del [^>]+><w:r><w:delText xml:space="preserve">Service<\/w:delText><\/w:r><\/w:del><w:ins [^>]+><w:r><w:t xml:space="preserve">Services<\/w:t>/);
    expect(readDocx(written, 'r.docx', { revisions: 'accept' }).document.meta).toMatchObject({ title: 'Cloud Services Agreement', titleLine: 1 });
    expect(readDocx(written, 'r.docx', { revisions: 'reject' }).document.meta).toMatchObject({ title: 'Cloud Service Agreement', titleLine: 1 });
  });

  it('should give lists of one format one numbering definition, each list restarting, so a long redline stays small and readable', () => {
    const lists = (word: string) =>
      doc('en', [
        part(
          'body',
          Array.from({ length: 1500 }, (_, k) => {
            const l = list([item(`first ${word} ${k}`), item(`second ${k}`)], true);
            l.children.forEach((it, i) => (it.label = `(${'ab'[i]})`));
            return clause(`c${k}`, [p(`Clause ${k}.`), l], { heading: [`Heading ${k}`], number: String(k + 1) });
          }),
        ),
      ]);
    const written = writeRedlineDocx(redline(lists('old'), lists('new')), { date: '2026-01-01' });
    const numbering = parts(written)['word/numbering.xml']!;
    expect(numbering.match(/<w:abstractNum /g)).toHaveLength(2); // the clauses' and the lists'
    expect(numbering.match(/<w:num /g)).toHaveLength(1501);
    expect(numbering.length).toBeLessThan(400_000); // one definition per list made 2 MB, refused by our own reader as a zip bomb
    const back = readDocx(written, 'r.docx', { revisions: 'accept' }).document;
    const labels = collect(back, 'listItem').map((i) => i.label);
    expect(labels.slice(0, 6)).toEqual(['(a)', '(b)', '(a)', '(b)', '(a)', '(b)']);
    expect(labels).toHaveLength(3000);
  });

  it('should keep "(a) (b)" labels when bullets follow at the same level (Mozilla zh 3. 服务 showed every label as •)', () => {
    const labelled = (word: string) => {
      const ordered = list([item(`Mozilla VPN ${word}.`), item('Firefox Relay.')], true);
      ordered.children.forEach((it, i) => (it.label = `(${'ab'[i]})`));
      const bullets = list([item('Full report.'), item('Breach alerts.')], false);
      bullets.children.forEach((it) => (it.label = '•'));
      return doc('en', [part('body', [clause('services', [ordered, bullets], { heading: ['Services'], number: '3' })])]);
    };
    const written = writeRedlineDocx(redline(labelled('old'), labelled('new')), { date: '2026-01-01' });
    const numbering = parts(written)['word/numbering.xml']!;
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/>');
    for (const revisions of ['accept', 'reject'] as const) {
      const back = readDocx(written, 'r.docx', { revisions }).document;
      expect(collect(back, 'listItem').map((i) => i.label)).toEqual(['(a)', '(b)', '•', '•']);
    }
  });

  it('should be deterministic: same redline and date, same bytes; the date shows in the revisions', () => {
    expect(Buffer.from(writeRedlineDocx(sample, { author: 'Acme & Co', date: '2026-02-01' })).equals(Buffer.from(bytes))).toBe(true);
    expect(parts(writeRedlineDocx(sample, { date: '2027-03-04' }))['word/document.xml']).toContain('w:date="2027-03-04T00:00:00Z"');
  });

  it('should drop characters XML cannot carry rather than write a file Word refuses', () => {
    const bad = redline(doc('en', [part('b', [clause('c', [p('a\u0001b')])])]), doc('en', [part('b', [clause('c', [p('a\u0001c')])])]));
    const text = parts(writeRedlineDocx(bad))['word/document.xml']!;
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toContain('\u0001');
  });

  it('should refuse a malformed date (programmer error)', () => {
    expect(() => writeRedlineDocx(sample, { date: '1 Feb 2026' })).toThrow(/YYYY-MM-DD/);
  });

  describe('formatting-only changes', () => {
    const restyled = writeRedlineDocx(redline(restyleOurs, restyleTheirs), { date: '2026-01-01' });

    it('should carry their bold and italic with ours in w:rPrChange', () => {
      const body = parts(restyled)['word/document.xml']!;
      expect(body).toMatch(/<w:r><w:rPr><w:rPrChange w:id="\d+" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:b\/><w:bCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">The Provider is not liable for<\/w:t><\/w:r>/);
      expect(body).toMatch(/<w:rPr><w:i\/><w:iCs\/><w:rPrChange [^>]+><w:rPr><w:b\/><w:bCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">indirect<\/w:t>/);
      expect(XMLValidator.validate(body)).toBe(true);
    });

    it('should read back as their formatting when accepted and ours when rejected', () => {
      expect(looks(readDocx(restyled, 'r.docx', { revisions: 'accept' }).document)).toEqual(looks(restyleTheirs));
      expect(looks(readDocx(restyled, 'r.docx', { revisions: 'reject' }).document)).toEqual(looks(restyleOurs));
      expect(looks(restyleOurs)).toEqual([[], ['b:The Provider is not liable for indirect loss.'], ['i:due']]);
    });

    it('should carry an underline removed or added, and a strikethrough made by hand, the same way, in w:u and w:strike', () => {
      const bytes = writeRedlineDocx(redline(underlineOurs, underlineTheirs), { date: '2026-01-01' });
      const body = parts(bytes)['word/document.xml']!;
      expect(body).toContain('<w:rPr><w:b/><w:bCs/><w:strike/><w:rPrChange w:id="1" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:b/><w:bCs/><w:u w:val="single"/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">平台对间接损失不承担责任。</w:t>');
      expect(body).toContain('<w:rPr><w:u w:val="single"/><w:rPrChange w:id="2" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">及时处理投诉</w:t>');
      expect(looks(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document)).toEqual(looks(underlineTheirs));
      expect(looks(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document)).toEqual(looks(underlineOurs));
    });

    it('should carry highlights, colours and sizes removed, added and changed, in w:color, w:sz and w:highlight before w:u', () => {
      const r = redline(highlightOurs, highlightTheirs);
      const restyled = r.clauses.flatMap((c) => c.paragraphs.flatMap((p) => p.restyled ?? []));
      expect(restyled.map((x) => [x.text, describeRestyle(x)])).toEqual([
        ['[USD 10,000]', 'yellow highlight removed'],
        ['within 30 days', 'highlighted green, colour changed from #C00000 to #0070C0'],
        ['invoice', 'coloured #7030A0'],
        ['Late', 'set in 9 pt'],
        ['fees apply.', 'size changed from 14 pt to 12 pt'],
      ]);
      const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
      const body = parts(bytes)['word/document.xml']!;
      expect(body).toContain(
        '<w:rPr><w:color w:val="0070C0"/><w:highlight w:val="green"/><w:rPrChange w:id="2" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:color w:val="C00000"/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">within 30 days</w:t>',
      );
      expect(body).toContain(
        '<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/><w:rPrChange w:id="5" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">fees apply.</w:t>',
      );
      // Their inserted word in their colour.
      expect(body).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:color w:val="7030A0"\/><\/w:rPr><w:t xml:space="preserve">each <\/w:t>/);
      expect(looks(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document)).toEqual(looks(highlightTheirs));
      expect(looks(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document)).toEqual(looks(highlightOurs));
    });
  });
});

describe('writeRedlineDocx with our DOCX look', () => {
  const oursStyles =
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Garamond"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="OurBody"><w:name w:val="Our Body"/></w:style>' +
    '</w:styles>';
  const look = {
    styles: oursStyles,
    theme: new TextEncoder().encode('<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Ours"/>'),
    page: { width: 12240, height: 15840, margins: { top: 1440, right: 1800, bottom: 1440, left: 1800, header: 720, footer: 720, gutter: 0 } },
    paragraphStyles: { 1: 'OurTitle', 3: 'OurBody' },
    paragraphLayouts: {},
    tableGrids: {},
    headersFooters: [],
  };
  const at = (line: number, ...texts: string[]) => ({ ...p(...texts), position: { line } });
  const mine = doc('en', [part('body', [{ ...clause('fees', [at(3, 'Pay in thirty days.'), at(4, 'No set-off.')], { heading: ['Fees'], number: '1' }), position: { line: 2 } }])], { title: 'Services Agreement', titleLine: 1 });
  const theirs2 = doc('en', [part('body', [clause('fees', [p('Pay in sixty days.'), p('Interest accrues.'), p('No set-off.')], { heading: ['Fees'], number: '1' })])]);
  const files2 = parts(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look }));
  const body2 = files2['word/document.xml']!;

  it('should use our style sheet without its numbering, adding the house styles it lacks', () => {
    const styles = files2['word/styles.xml']!;
    expect(styles).toContain('<w:rFonts w:ascii="Garamond"/>');
    expect(styles).not.toContain('<w:numId w:val="7"/>');
    expect(styles).toContain('w:styleId="ClauseBody"');
    expect(styles).toContain('w:styleId="TableGrid"');
    expect(styles.match(/w:styleId="Normal"/g)).toHaveLength(1);
    expect(styles.match(/w:type="paragraph" w:default="1"/g)).toHaveLength(1);
    for (const [name, text] of Object.entries(files2)) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(XMLValidator.validate(text), name).toBe(true);
  });

  it('should carry our theme with its relationship and content type, and our page size and margins', () => {
    expect(files2['word/theme/theme1.xml']).toContain('name="Ours"');
    expect(files2['word/_rels/document.xml.rels']).toContain('Target="theme/theme1.xml"');
    expect(files2['[Content_Types].xml']).toContain('PartName="/word/theme/theme1.xml"');
    expect(body2).toContain('<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="720" w:footer="720" w:gutter="0"/>');
  });

  it('should give our paragraphs their own style and an inserted paragraph the style of the one before it', () => {
    const styleOf = (text: string) => new RegExp(`<w:pStyle w:val="([^"]+)"/>(?:(?!</w:p>).)*${text}`).exec(body2)?.[1];
    expect(styleOf('Services Agreement')).toBe('OurTitle');
    expect(styleOf('Pay in ')).toBe('OurBody');
    expect(styleOf('Interest accrues')).toBe('OurBody');
    expect(comparable(acceptAllDocx(writeRedlineDocx(redline(mine, theirs2), { look })))).toEqual(documentParagraphs(theirs2));
  });

  it("should write a paragraph only they have in their own style, bringing over the style and what it is based on, but not their body text's", () => {
    const theirStylesXml =
      '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Standard"/><w:rPr><w:rFonts w:ascii="Liberation Serif"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="NoticeBase"><w:name w:val="Notice Base"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Notice"><w:name w:val="Notice"/><w:basedOn w:val="NoticeBase"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="OurBody"><w:name w:val="Their idea of Our Body"/></w:style>' +
      '</w:styles>';
    const mine2 = doc('en', [part('body', [{ ...clause('fees', [at(3, 'Pay in thirty days.')], { heading: ['Fees'], number: '1' }), position: { line: 2 } }])]);
    const theirs3 = doc('en', [part('body', [clause('fees', [at(3, 'Pay in thirty days.'), at(4, 'Read this notice.'), at(5, 'Plain words of theirs.'), at(6, 'In our body style.')], { heading: ['Fees'], number: '1' })])]);
    const theirLook = { styles: theirStylesXml, paragraphStyles: { 3: 'Standard', 4: 'Notice', 5: 'Standard', 6: 'OurBody' }, defaultParagraphStyle: 'Standard', paragraphLayouts: {}, tableGrids: {}, headersFooters: [] };
    const written = parts(writeRedlineDocx(redline(mine2, theirs3), { date: '2026-01-01', look, theirLook }));
    const styleOf = (text: string) => new RegExp(`<w:pStyle w:val="([^"]+)"/>(?:(?!</w:p>).)*${text}`).exec(written['word/document.xml']!)?.[1];
    expect(styleOf('Read this notice')).toBe('Notice');
    // Their plain body text takes our look; a style ours has keeps our definition.
    expect(styleOf('Plain words of theirs')).toBe('OurBody');
    expect(styleOf('In our body style')).toBe('OurBody');
    const styles = written['word/styles.xml']!;
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Notice"><w:name w:val="Notice"/><w:basedOn w:val="NoticeBase"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>');
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="NoticeBase"><w:name w:val="Notice Base"/><w:pPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>');
    expect(styles).not.toContain('Standard');
    expect(styles).not.toContain('Their idea of Our Body');
    expect(XMLValidator.validate(styles)).toBe(true);
  });

  it('should carry our headers and footers as parts of their own, referred to first in the section', () => {
    const hdr = new TextEncoder().encode('<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>OURS</w:t></w:r></w:p></w:hdr>');
    const withHeaders = { ...look, headersFooters: [{ kind: 'header' as const, type: 'default' as const, part: hdr, media: [] }, { kind: 'header' as const, type: 'first' as const, part: hdr, media: [] }], titlePage: true };
    const written = parts(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look: withHeaders }));
    expect(written['word/header1.xml']).toContain('OURS');
    expect(written['word/header2.xml']).toContain('OURS');
    expect(written['[Content_Types].xml']).toContain('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>');
    expect(written['word/_rels/document.xml.rels']).toContain('<Relationship Id="rIdHdrFtr2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>');
    expect(written['word/document.xml']).toMatch(/<w:sectPr><w:headerReference w:type="default" r:id="rIdHdrFtr1"\/><w:headerReference w:type="first" r:id="rIdHdrFtr2"\/><w:pgSz [^>]*\/><w:pgMar [^>]*\/><w:cols w:space="720"\/><w:titlePg\/><w:docGrid/);
    for (const [name, text] of Object.entries(written)) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(XMLValidator.validate(text), name).toBe(true);
  });

  it('should carry a header\'s relationships and its picture once, with the picture\'s content type', () => {
    const hdr = new TextEncoder().encode('<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>');
    const rels = new TextEncoder().encode('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.PNG"/></Relationships>');
    const logo = { name: 'word/media/logo.PNG', bytes: new Uint8Array([1, 2, 3]) };
    const withLogo = { ...look, headersFooters: [{ kind: 'header' as const, type: 'default' as const, part: hdr, rels, media: [logo] }, { kind: 'header' as const, type: 'first' as const, part: hdr, rels, media: [logo] }] };
    const files = unzipSync(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look: withLogo }));
    expect(Object.keys(files).filter((n) => n.includes('media'))).toEqual(['word/media/logo.PNG']);
    expect(new TextDecoder().decode(files['word/_rels/header1.xml.rels'])).toContain('Target="media/logo.PNG"');
    expect(new TextDecoder().decode(files['word/_rels/header2.xml.rels'])).toContain('Target="media/logo.PNG"');
    expect(new TextDecoder().decode(files['[Content_Types].xml'])).toContain('<Default Extension="png" ContentType="image/png"/>');
  });

  it('should turn on even-page headers in the settings when ours had them', () => {
    const hdr = new TextEncoder().encode('<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>');
    const evenLook = { ...look, headersFooters: [{ kind: 'header' as const, type: 'even' as const, part: hdr, media: [] }], evenAndOddHeaders: true };
    const written = parts(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look: evenLook }));
    expect(written['word/settings.xml']).toContain('<w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/><w:characterSpacingControl');
    expect(written['word/document.xml']).toContain('<w:sectPr><w:headerReference w:type="even" r:id="rIdHdrFtr1"/>');
    expect(parts(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look }))['word/settings.xml']).not.toContain('evenAndOddHeaders');
  });

  it('should keep the house look when no look is given', () => {
    expect(files['word/styles.xml']).toContain('w:styleId="ClauseBody"');
    expect(files['word/theme/theme1.xml']).toBeUndefined();
  });

  describe('the layout our paragraphs set themselves', () => {
    const el = (name: string, attrs: Record<string, string> = {}) => ({ name, attrs, children: [] });
    const landscape = { width: 15840, height: 12240, landscape: true, margins: { top: 1440, right: 1440, bottom: 1440, left: 1440, header: 720, footer: 720, gutter: 0 } };
    const laidOut = {
      ...look,
      paragraphLayouts: {
        3: {
          flow: [el('w:keepNext'), el('w:pageBreakBefore')],
          spacing: [el('w:spacing', { 'w:after': '240' })],
          indent: el('w:ind', { 'w:firstLine': '720' }),
          alignment: [el('w:jc', { 'w:val': 'both' })],
          section: { type: 'nextPage' as const, page: landscape },
        },
      },
    };
    const deleted = doc('en', [part('body', [{ ...clause('fees', [at(3, 'Pay in thirty days.'), at(4, 'No set-off.')], { heading: ['Fees'], number: '1' }), position: { line: 2 } }])]);
    const gone = doc('en', [part('body', [clause('fees', [p('No set-off.')], { heading: ['Fees'], number: '1' })])]);
    const pPrOf = (xml: string, text: string) => new RegExp(`<w:p><w:pPr>((?:(?!</w:pPr>).)*)</w:pPr>(?:(?!</w:p>).)*${text}`).exec(xml)?.[1] ?? '';
    /** CT_PPrBase then CT_PPr's tail (ECMA-376 Part 1 §17.3.1.26): the order Word requires. */
    const ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'widowControl', 'numPr', 'tabs', 'spacing', 'ind', 'contextualSpacing', 'jc', 'rPr', 'sectPr'];
    const children = (pPr: string) => [...pPr.matchAll(/<w:(\w+)[^>]*?(\/>|>(?:(?!<\/w:\1>).)*<\/w:\1>)/g)].map((m) => m[1]!);

    it('should write its alignment, indents, spacing, keeps and section break in the order the schema requires', () => {
      const xml = parts(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look: laidOut }))['word/document.xml']!;
      const pPr = pPrOf(xml, 'Pay in ');
      expect(children(pPr)).toEqual(['pStyle', 'keepNext', 'pageBreakBefore', 'spacing', 'ind', 'jc', 'sectPr']);
      expect(pPr).toContain('<w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>');
      expect(XMLValidator.validate(xml)).toBe(true);
    });

    it('should give an inserted paragraph the spacing, indents and alignment of the one before it, but never its breaks', () => {
      const xml = parts(writeRedlineDocx(redline(mine, theirs2), { date: '2026-01-01', look: laidOut }))['word/document.xml']!;
      expect(children(pPrOf(xml, 'Interest accrues'))).toEqual(['pStyle', 'spacing', 'ind', 'jc', 'rPr']);
    });

    it('should put a deleted paragraph\'s revision mark between its properties and its section break', () => {
      const bytes = writeRedlineDocx(redline(deleted, gone), { date: '2026-01-01', look: laidOut });
      const pPr = pPrOf(parts(bytes)['word/document.xml']!, 'Pay in thirty');
      expect(children(pPr)).toEqual(['pStyle', 'keepNext', 'pageBreakBefore', 'spacing', 'ind', 'jc', 'rPr', 'sectPr']);
      expect(children(pPr).every((name, k, all) => k === 0 || ORDER.indexOf(all[k - 1]!) < ORDER.indexOf(name))).toBe(true);
      expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(gone));
      expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(deleted));
    });
  });
});

describe('writeRedlineDocx with links', () => {
  const terms = (...children: Parameters<typeof p>) => doc('en', [part('body', [clause('privacy', [p(...children)], { heading: ['Privacy'], number: '1' })])]);
  const mine = terms('See our ', link('https://ours.example/privacy', 'privacy policy'), ' and ', link('https://ours.example/cookies', 'cookie notice'), '.');
  const theirsLinks = terms('See our ', link('https://theirs.example/privacy?v=2&lang=en', 'privacy policy'), ' and ', link('https://ours.example/cookies', 'cookie notice'), '.');
  const r = redline(mine, theirsLinks);
  const out = writeRedlineDocx(r, { date: '2026-01-01' });
  const files2 = parts(out);
  const body2 = files2['word/document.xml']!;
  const hrefs = (bytes: Uint8Array, mode: 'accept' | 'reject') => JSON.stringify(readDocx(bytes, 'r.docx', { revisions: mode }).document).match(/"href":"[^"]*"/g);

  it('should report a link pointed elsewhere as a change though no word changed', () => {
    expect(r.summary.restyled).toBe(1);
    expect(r.clauses[0]!.paragraphs[1]!.restyled).toEqual([
      { start: 8, end: 22, text: 'privacy policy', ours: { link: 'https://ours.example/privacy' }, theirs: { link: 'https://theirs.example/privacy?v=2&lang=en' } },
    ]);
  });

  it('should write our link deleted and theirs inserted, each a hyperlink with an external relationship', () => {
    const rels = files2['word/_rels/document.xml.rels']!;
    expect(rels).toContain('Target="https://theirs.example/privacy?v=2&amp;lang=en" TargetMode="External"');
    expect(rels.match(/\/hyperlink"/g)).toHaveLength(3);
    const id = (target: string) => new RegExp(`Id="(rIdLink\\d+)"[^>]*Target="${target}"`).exec(rels)![1];
    expect(body2).toContain(`<w:hyperlink r:id="${id('https://ours.example/privacy')}" w:history="1"><w:del `);
    expect(body2).toContain(`<w:hyperlink r:id="${id('https://theirs.example/privacy\\?v=2&amp;lang=en')}" w:history="1"><w:ins `);
    // The unchanged link is a plain hyperlink, with no revision inside.
    expect(body2).toMatch(new RegExp(`<w:hyperlink r:id="${id('https://ours.example/cookies')}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">cookie notice</w:t></w:r></w:hyperlink>`));
    // Shown as Word shows links: the house Hyperlink style, blue and underlined.
    expect(files2['word/styles.xml']).toMatch(/w:styleId="Hyperlink"[\s\S]*?<w:color w:val="0563C1"\/>/);
    for (const [name, text] of Object.entries(files2)) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(XMLValidator.validate(text), name).toBe(true);
  });

  it('should give their links when every change is accepted and ours when every change is rejected', () => {
    expect(comparable(acceptAllDocx(out))).toEqual(documentParagraphs(theirsLinks));
    expect(comparable(rejectAllDocx(out))).toEqual(documentParagraphs(mine));
    expect(hrefs(out, 'accept')).toEqual(['"href":"https://theirs.example/privacy?v=2&lang=en"', '"href":"https://ours.example/cookies"']);
    expect(hrefs(out, 'reject')).toEqual(['"href":"https://ours.example/privacy"', '"href":"https://ours.example/cookies"']);
  });

  it('should keep the words of a link whose target is not safe to open, but not make it clickable', () => {
    const unsafe = terms('Click ', link('javascript:alert(1)', 'here'), '.');
    const written = parts(writeRedlineDocx(redline(unsafe, terms('Click ', link('https://ok.example', 'here'), '.')), { date: '2026-01-01' }));
    expect(written['word/_rels/document.xml.rels']).not.toContain('javascript');
    expect(written['word/document.xml']).toContain('<w:del w:id="1" w:author="Counterparty" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">here</w:delText>');
  });
});

describe('writeRedlineDocx tables', () => {
  it('should keep two tables of one clause apart, as the lines of their rows say', () => {
    const tables = (second: string) =>
      doc('en', [part('body', [clause('fees', [{ ...table([['Fee', 'CNY 100']]), position: { line: 3 } }, { ...table([[second, 'Monthly']]), position: { line: 6 } }], { heading: ['Fees'], number: '1' })])]);
    const xml = parts(writeRedlineDocx(redline(tables('Term'), tables('Period')), { date: '2026-01-01' }))['word/document.xml']!;
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml).toContain('</w:tbl><w:p/><w:tbl>');
  });
});

describe('mergeStyles', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const house = `<w:styles ${W}><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`;

  it('should remove numbering nested in numbering (a damaged file) without leaving a stray end tag', () => {
    const ours = `<w:styles ${W}><w:style w:styleId="A"><w:pPr><w:numPr><w:style w:styleId="B"><w:pPr><w:numPr><w:numId/></w:numPr></w:pPr></w:style><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>`;
    const merged = mergeStyles(ours, house);
    expect(merged).not.toContain('numPr');
    expect(merged).toContain('w:styleId="TableGrid"');
    expect(XMLValidator.validate(merged)).toBe(true);
  });

  it('should fall back to the house styles rather than write a part Word cannot read', () => {
    expect(mergeStyles(`<w:styles ${W}><w:style></w:styles>`, house)).toBe(house);
  });
});
