import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx/index.js';
import { corpus } from '../redline/corpus-pairs.js';
import { HEADING_STYLES, makeDocx, para } from './docx-fixture.js';

const SECTION = '<w:sectPr><w:pgSz w:w="12240" w:h="15840" w:orient="landscape"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>';
const NORMAL = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>';

describe('readDocx with look: true', () => {
  it('should return the style sheet, the page and each paragraph style by the line the reader gave it', () => {
    const bytes = makeDocx(para('Fees', { style: 'Heading1' }) + para('Pay on time.') + para('Quote.', { style: 'Quote' }) + SECTION, { styles: HEADING_STYLES + NORMAL });
    const { document, look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    expect(warnings).toEqual([]);
    expect(look!.styles).toContain('w:styleId="Heading1"');
    expect(look!.styles!.startsWith('<w:styles')).toBe(true);
    expect(look!.page).toEqual({ width: 12240, height: 15840, landscape: true, margins: { top: 1440, right: 1800, bottom: 1440, left: 1800, header: 720, footer: 720, gutter: 0 } });
    // A paragraph without a style has the default paragraph style.
    expect(look!.paragraphStyles).toEqual({ 1: 'Heading1', 2: 'Normal', 3: 'Quote' });
    expect(document.parts[0]!.clauses[0]!.position?.line).toBe(1);
  });

  it('should not return a look unless asked', () => {
    expect(readDocx(makeDocx(para('x')), 'ours.docx').look).toBeUndefined();
  });

  it('should leave out, with a warning, a part that is not safe XML, and ignore page numbers Word would refuse', () => {
    const bytes = makeDocx(para('x') + '<w:sectPr><w:pgSz w:w="99999999" w:h="15840"/><w:pgMar w:top="1" w:right="1" w:bottom="1" w:left="1"/></w:sectPr>', {
      extra: { 'word/theme/theme1.xml': '<!DOCTYPE a [<!ENTITY b "c">]><a:theme xmlns:a="x">&b;</a:theme>', 'word/fontTable.xml': '<w:fonts xmlns:w="x"><w:font w:name="A"/></w:fonts>' },
    });
    const { look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    expect(look!.theme).toBeUndefined();
    expect(new TextDecoder().decode(look!.fontTable)).toContain('w:name="A"');
    expect(look!.page).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual(['docx-look-part']);
    expect(warnings[0]!.message).toMatch(/ours\.docx: word\/theme\/theme1\.xml is not kept in the redline/);
  });

  it('should not carry a styles part the reader could read but Word could not (two roots)', () => {
    const bytes = makeDocx(para('x'), { extra: { 'word/styles.xml': `<w:r/><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${NORMAL}</w:styles>` } });
    const { look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    expect(look!.styles).toBeUndefined();
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/ours\.docx: word\/styles\.xml is not kept in the redline \(2 root elements\)/)]);
  });

  it('should carry the last section\'s headers and footers with their pictures, and the first-page setting', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const rel = (id: string, kind: string, target: string, external = false) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
    const rels = (...items: string[]) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
    const section =
      '<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="first" r:id="h2"/><w:headerReference w:type="even" r:id="h1"/>' +
      '<w:footerReference w:type="default" r:id="f1"/><w:footerReference w:type="first" r:id="up"/><w:titlePg/></w:sectPr>';
    const logo = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const bytes = makeDocx(para('x') + section, {
      extra: {
        'word/_rels/document.xml.rels': rels(rel('h1', 'header', 'header1.xml'), rel('h2', 'header', 'header2.xml'), rel('f1', 'footer', 'footer1.xml'), rel('up', 'footer', '../secret.xml')),
        'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t>CONFIDENTIAL</w:t></w:r></w:p></w:hdr>`,
        'word/header2.xml': `<w:hdr ${W}><w:p><w:r><w:drawing/></w:r></w:p></w:hdr>`,
        'word/_rels/header2.xml.rels': rels(rel('i1', 'image', 'media/logo.png'), rel('l1', 'hyperlink', 'https://ours.example', true)),
        'word/media/logo.png': logo,
        'word/footer1.xml': `<w:ftr ${W}><w:p><w:r><w:t>Page </w:t></w:r><w:fldSimple w:instr="PAGE"/></w:p></w:ftr>`,
        'word/_rels/footer1.xml.rels': rels(rel('o1', 'oleObject', 'embeddings/x.bin')),
        'secret.xml': '<x/>',
      },
    });
    const { look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    const start = (part: Uint8Array) => new TextDecoder().decode(part).replace(/^<\?xml[^>]*\?>\n/, '').slice(0, 12);
    expect(look!.headersFooters.map((h) => [h.kind, h.type, start(h.part), h.media.map((m) => [m.name, m.bytes.length])])).toEqual([
      ['header', 'default', '<w:hdr xmlns', []],
      ['header', 'first', '<w:hdr xmlns', [['word/media/logo.png', 4]]],
    ]);
    expect(new TextDecoder().decode(look!.headersFooters[1]!.rels)).toContain('media/logo.png');
    // The footer embeds an object; the first-page footer lies outside word/ and is never looked at.
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('word/footer1.xml is not kept in the redline (it refers to a part the redline cannot carry (oleObject embeddings/x.bin)); the redline has none in its place')]);
    expect(look!.titlePage).toBe(true);
  });

  it('should carry a header found in UTF-16 as UTF-8, with a declaration that says so', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const text = `<?xml version="1.0" encoding="UTF-16"?><w:hdr ${W}><w:p><w:r><w:t>机密 CONFIDENTIAL</w:t></w:r></w:p></w:hdr>`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
    const bytes = makeDocx(para('x') + '<w:sectPr><w:headerReference w:type="default" r:id="h1"/></w:sectPr>', {
      extra: {
        'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`,
        'word/header1.xml': utf16,
      },
    });
    const [header] = readDocx(bytes, 'ours.docx', { look: true }).look!.headersFooters;
    expect(new TextDecoder('utf-8', { fatal: true }).decode(header!.part)).toBe(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${W}><w:p><w:r><w:t>机密 CONFIDENTIAL</w:t></w:r></w:p></w:hdr>`);
  });

  it('should carry even-page headers only when the settings turn them on', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const rel = (id: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="${target}"/>`;
    const docWith = (settings: string) =>
      makeDocx(para('x') + '<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="even" r:id="h2"/></w:sectPr>', {
        extra: {
          'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('h1', 'header1.xml')}${rel('h2', 'header2.xml')}</Relationships>`,
          'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t>ODD</w:t></w:r></w:p></w:hdr>`,
          'word/header2.xml': `<w:hdr ${W}><w:p><w:r><w:t>EVEN</w:t></w:r></w:p></w:hdr>`,
          'word/settings.xml': `<w:settings ${W}>${settings}</w:settings>`,
        },
      });
    const on = readDocx(docWith('<w:evenAndOddHeaders/>'), 'ours.docx', { look: true }).look!;
    expect(on.headersFooters.map((h) => h.type)).toEqual(['default', 'even']);
    expect(on.evenAndOddHeaders).toBe(true);
    const off = readDocx(docWith('<w:evenAndOddHeaders w:val="0"/>'), 'ours.docx', { look: true }).look!;
    expect(off.headersFooters.map((h) => h.type)).toEqual(['default']);
    expect(off.evenAndOddHeaders).toBeUndefined();
  });

  it('should leave out a header whose picture is missing or which links somewhere not safe to open', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const rel = (id: string, kind: string, target: string, mode = '') => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${target}"${mode}/>`;
    const rels = (...items: string[]) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
    const section = '<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:footerReference w:type="default" r:id="f1"/></w:sectPr>';
    const bytes = makeDocx(para('x') + section, {
      extra: {
        'word/_rels/document.xml.rels': rels(rel('h1', 'header', 'header1.xml'), rel('f1', 'footer', 'footer1.xml')),
        'word/header1.xml': `<w:hdr ${W}><w:p/></w:hdr>`,
        'word/_rels/header1.xml.rels': rels(rel('i1', 'image', 'media/gone.png')),
        'word/footer1.xml': `<w:ftr ${W}><w:p/></w:ftr>`,
        'word/_rels/footer1.xml.rels': rels(rel('l1', 'hyperlink', 'javascript:alert(1)', ' TargetMode="External"')),
      },
    });
    const { look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    expect(look!.headersFooters).toEqual([]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('word/header1.xml is not kept in the redline (its picture word/media/gone.png is missing)'),
      expect.stringContaining('word/footer1.xml is not kept in the redline (it refers to a part the redline cannot carry (hyperlink javascript:alert(1)))'),
    ]);
  });

  it('should leave out a header that is numbered, holds a comment or refers to a note: the redline writes those parts afresh', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const rel = (id: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="${target}"/>`;
    const kinds = {
      'header1.xml': '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>',
      'header2.xml': '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>x</w:t></w:r></w:p>',
      'header3.xml': '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
    };
    const bytes = makeDocx(para('x') + '<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="first" r:id="h2"/><w:headerReference w:type="even" r:id="h3"/><w:titlePg/></w:sectPr>', {
      extra: {
        'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('h1', 'header1.xml')}${rel('h2', 'header2.xml')}${rel('h3', 'header3.xml')}</Relationships>`,
        'word/settings.xml': `<w:settings ${W}><w:evenAndOddHeaders/></w:settings>`,
        ...Object.fromEntries(Object.entries(kinds).map(([name, body]) => [`word/${name}`, `<w:hdr ${W}>${body}</w:hdr>`])),
      },
    });
    const { look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    expect(look!.headersFooters).toEqual([]);
    expect(warnings.map((w) => /\((.*?)\)/.exec(w.message)?.[1])).toEqual(['it is numbered', 'it holds a comment', 'it refers to a footnote']);
  });

  it('should read the look of a real Word document (US Letter, its own body styles)', () => {
    const { look } = readDocx(readFileSync(path.join(corpus, 'wmlcomparer/WC/WC004-Large.docx')), 'WC004-Large.docx', { look: true });
    expect(look!.page).toMatchObject({ width: 12240, height: 15840 });
    expect(look!.theme).toBeDefined();
    expect(Object.values(look!.paragraphStyles)).toContain('BodyText3');
  });

  it('should keep the layout each paragraph sets itself, in schema order, with only values the schema allows', () => {
    const layout =
      '<w:jc w:val="center"/><w:ind w:left="720" w:hanging="360" w:bogus="1"/><w:keepNext/><w:spacing w:before="240" w:line="360" w:lineRule="auto"/>' +
      '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs><w:pageBreakBefore w:val="0"/><w:pBdr><w:top w:val="single"/></w:pBdr>';
    const bytes = makeDocx(
      para('Title', { pPr: layout }) +
        para('Plain.') +
        para('Bad values.', { pPr: '<w:jc w:val="middle"/><w:ind w:left="1in"/><w:tabs><w:tab w:val="right" w:pos="9000"/><w:tab w:val="weird" w:pos="1"/></w:tabs>' }) +
        para('End of a landscape section.', { pPr: `${SECTION.replace('<w:sectPr>', '<w:sectPr><w:type w:val="nextPage"/>')}` }),
      { styles: NORMAL },
    );
    const { look, warnings } = readDocx(bytes, 'ours.docx', { look: true });
    expect(warnings).toEqual([]);
    const { paragraphLayouts } = look!;
    const names = (els?: Array<{ name: string }>) => els?.map((e) => e.name);
    expect(names(paragraphLayouts[1]!.flow)).toEqual(['w:keepNext', 'w:pageBreakBefore']);
    expect(paragraphLayouts[1]!.flow![1]!.attrs).toEqual({ 'w:val': '0' });
    expect(names(paragraphLayouts[1]!.spacing)).toEqual(['w:tabs', 'w:spacing']);
    expect(paragraphLayouts[1]!.indent!.attrs).toEqual({ 'w:left': '720', 'w:hanging': '360' });
    expect(paragraphLayouts[1]!.alignment).toEqual([{ name: 'w:jc', attrs: { 'w:val': 'center' }, children: [] }]);
    // Borders are not kept; a plain paragraph sets nothing.
    expect(JSON.stringify(paragraphLayouts[1])).not.toContain('pBdr');
    expect(paragraphLayouts[2]).toBeUndefined();
    // An unknown alignment, a measure in inches and a tab set with one bad stop are all dropped.
    expect(paragraphLayouts[3]).toBeUndefined();
    expect(paragraphLayouts[4]!.section).toEqual({ type: 'nextPage', page: { width: 12240, height: 15840, landscape: true, margins: { top: 1440, right: 1800, bottom: 1440, left: 1800, header: 720, footer: 720, gutter: 0 } } });
  });
});
