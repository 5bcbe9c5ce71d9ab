/**
 * Our tables keep their look in the redline DOCX: our bilingual agreement
 * (assembled by the real assembler, sent back edited) and a plain Word table
 * from the WmlComparer corpus are written in their own table style, rows and
 * cells with their own properties, cell paragraphs in their own styles, and
 * accepting or rejecting every change still gives their text or ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assembleFiles } from '../../../src/index.js';
import { readDocx } from '../../../src/readers/docx/index.js';
import { comparable } from '../../../src/redline/apply.js';
import { redline } from '../../../src/redline/redline.js';
import { documentParagraphs } from '../../../src/redline/units.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { acceptAllDocx, rejectAllDocx } from '../../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../../src/writers/redline/docx/index.js';

const ROOT = join(import.meta.dirname, '../../..');

/** `bytes` with word/document.xml edited. */
function edited(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
}

/** The redline DOCX of two DOCX files as the CLI writes it (our look), and both read back. */
function redlineDocx(ours: Uint8Array, theirs: Uint8Array) {
  const a = readDocx(ours, 'ours.docx', { look: true });
  const b = readDocx(theirs, 'theirs.docx');
  const bytes = writeRedlineDocx(redline(a.document, b.document), { look: a.look!, date: '2026-01-02' });
  return { bytes, xml: strFromU8(unzipSync(bytes)['word/document.xml']!), styles: strFromU8(unzipSync(bytes)['word/styles.xml']!), ours: a.document, theirs: b.document };
}

const tables = (xml: string) => xml.split('<w:tbl>').slice(1);
const tableStyle = (table: string) => /<w:tblStyle w:val="([^"]+)"\/>/.exec(table)?.[1];

describe('our bilingual agreement, redlined', () => {
  const { document } = assembleFiles({
    playbook: join(ROOT, 'playbooks/data-trade-agreement.yaml'),
    data: join(ROOT, 'examples/data-trade-agreement.yaml'),
    lang: 'zh+en',
    date: '2026-01-01',
  });
  const ours = writeDocx(document).bytes;
  const theirs = edited(ours, (xml) => xml.replace('reasonable', 'commercially reasonable'));
  const r = redlineDocx(ours, theirs);

  it('should write each table in its own table style: the parts borderless, the key terms in a grid', () => {
    const styles = tables(r.xml).map(tableStyle);
    expect(styles).toContain('BilingualTable');
    expect(styles).toContain('PlainTable');
    expect(styles).toContain('TableGrid');
    const body = tables(r.xml).find((t) => tableStyle(t) === 'BilingualTable')!;
    expect(body).toContain('<w:tblW w:w="9638" w:type="dxa"/>');
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
    expect(body).not.toContain('<w:tcBorders>');
    // The style sheet is ours, table styles included (the borderless one says so itself).
    expect(r.styles).toMatch(/w:styleId="BilingualTable">[\s\S]*?<w:insideV w:val="nil"\/>/);
  });

  it("should keep each cell paragraph's style: part titles, headings, clause text and list paragraphs", () => {
    const body = tables(r.xml).filter((t) => tableStyle(t) === 'BilingualTable').join('');
    for (const style of ['PartTitle', 'Heading1', 'ClauseText', 'ListParagraph']) expect(body).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(body).not.toContain('<w:pStyle w:val="TableText"/>');
  });

  it('should print a clause number as ours does: Word numbering (the label, a tab, the words), in the hanging indent of its level', () => {
    const numbering = strFromU8(unzipSync(r.bytes)['word/numbering.xml']!);
    // Sub-clause 1.1 at its level (ilvl 1) of its column's counting list, which prints "%1.%2".
    const [, numId] = /<w:pStyle w:val="ClauseText"\/><w:numPr><w:ilvl w:val="1"\/><w:numId w:val="(\d+)"\/><\/w:numPr><w:ind w:left="720" w:hanging="720"\/>(?:<w:jc w:val="left"\/>)?<\/w:pPr><w:r><w:t xml:space="preserve">In this Agreement/.exec(r.xml)!;
    const [, abstract] = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)!;
    expect(numbering).toMatch(new RegExp(`<w:abstractNum w:abstractNumId="${abstract}">[^]*?<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1\\.%2"/>`));
  });

  it('should break the page after the cover as ours does, where ours breaks it in a paragraph with no words', () => {
    // Ours: the key-terms table, an empty paragraph holding a page break, the first part's table.
    expect(document.translations).toBeDefined();
    const afterKeyTerms = r.xml.split('<w:tblStyle w:val="TableGrid"/>')[1]!;
    const [, between] = /<\/w:tbl>([\s\S]*?)<w:tbl>/.exec(afterKeyTerms)!;
    // (An empty paragraph keeps two tables apart, as Word would merge them.)
    expect(between).toMatch(/^(<w:p\/>)?<w:p><w:r><w:br w:type="page"\/><\/w:r><\/w:p>$/);
  });

  it('should break the page before a paragraph of ours that an empty page-breaking paragraph preceded', () => {
    const single = assembleFiles({ playbook: join(ROOT, 'playbooks/data-trade-agreement.yaml'), data: join(ROOT, 'examples/data-trade-agreement.yaml'), lang: 'en', date: '2026-01-01' }).document;
    const breaks = (xml: string) => xml.match(/<w:pageBreakBefore\/>/g)?.length ?? 0;
    const plain = writeDocx(single).bytes;
    const broken = edited(plain, (xml) => xml.replace(/(<w:p><w:pPr><w:pStyle w:val="Heading1"\/>)/, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>$1'));
    const theirEdit = (x: string) => x.replace('reasonable', 'commercially reasonable');
    const { xml } = redlineDocx(broken, edited(broken, theirEdit));
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>/);
    expect(breaks(xml)).toBe(breaks(redlineDocx(plain, edited(plain, theirEdit)).xml) + 1);
  });

  it('should keep a page break typed before a clause of ours where it was when they move the clause, not also where it went', () => {
    const single = assembleFiles({ playbook: join(ROOT, 'playbooks/data-trade-agreement.yaml'), data: join(ROOT, 'examples/data-trade-agreement.yaml'), lang: 'en', date: '2026-01-01' }).document;
    const plain = writeDocx(single).bytes;
    // The page breaks before the second Heading 1 clause, in an empty paragraph of its own.
    const headings = (xml: string) => [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/>/g)].map((m) => m.index);
    const broken = edited(plain, (xml) => {
      const at = headings(xml)[1]!;
      return xml.slice(0, at) + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + xml.slice(at);
    });
    // They move that clause (heading and body) to after the next one.
    const moved = edited(broken, (xml) => {
      const [, second, third, fourth] = headings(xml) as number[];
      return xml.slice(0, second) + xml.slice(third, fourth) + xml.slice(second, third) + xml.slice(fourth);
    });
    const { xml, bytes, ours, theirs } = redlineDocx(broken, moved);
    // The break in the heading's properties, before its paragraph mark's move.
    const breaksAt = (mark: string) => new RegExp(`<w:pageBreakBefore/>(?:(?!</w:pPr>).)*<w:rPr><w:${mark} `).test(xml);
    expect(breaksAt('moveFrom')).toBe(true);
    expect(breaksAt('moveTo')).toBe(false);
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
  });

  it('should write the parties cell as its own paragraphs, the address lines indented as ours', () => {
    const parties = tables(r.xml).find((t) => tableStyle(t) === 'PlainTable')!;
    const firstCell = parties.split('<w:tc>')[1]!;
    expect(firstCell.match(/<w:p>/g)).toHaveLength(4);
    expect(firstCell).toContain('<w:ind w:left="720"/>');
    expect(parties).toContain('<w:trPr><w:cantSplit/></w:trPr>');
  });

  it('should track their change and keep the invariant', () => {
    expect(r.xml).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">commercially <\/w:t>/);
    expect(comparable(acceptAllDocx(r.bytes))).toEqual(documentParagraphs(r.theirs));
    expect(comparable(rejectAllDocx(r.bytes))).toEqual(documentParagraphs(r.ours));
    expect(readDocx(r.bytes, 'r.docx', { revisions: 'accept' }).document.parts.map((p) => p.id)).toEqual(r.theirs.parts.map((p) => p.id));
  });

  it('should give a row only they have the look of the row of ours before it', () => {
    // They add a key term: a copy of the last row of the key-terms table with other words.
    const added = edited(ours, (xml) => {
      const grid = xml.indexOf('<w:tblStyle w:val="TableGrid"/>');
      const end = xml.indexOf('</w:tbl>', grid);
      const last = xml.lastIndexOf('<w:tr>', end);
      const row = xml.slice(last, end).replace(/<w:t( [^>]*)?>[^<]*<\/w:t>/g, '<w:t>Governing law: PRC</w:t>');
      return xml.slice(0, end) + row + xml.slice(end);
    });
    const rr = redlineDocx(ours, added);
    const grid = tables(rr.xml).find((t) => tableStyle(t) === 'TableGrid')!;
    const inserted = grid.split('<w:tr>').find((row) => row.includes('Governing law'))!;
    expect(inserted).toMatch(/^<w:trPr><w:ins /);
    expect(inserted).not.toContain('tblHeader');
    expect(inserted).toContain('<w:pStyle w:val="TableText"/>');
    expect(comparable(acceptAllDocx(rr.bytes))).toEqual(documentParagraphs(rr.theirs));
    expect(comparable(rejectAllDocx(rr.bytes))).toEqual(documentParagraphs(rr.ours));
  });
});

const corpus = '/work/shared/corpus/wmlcomparer';

describe.runIf(existsSync(corpus))('a plain Word table, redlined', () => {
  const before = readFileSync(join(corpus, 'WC/WC024-Table-Before.docx'));
  const after = readFileSync(join(corpus, 'WC/WC024-Table-After2.docx'));
  // Ours with a header row, a shaded cell, and a border value Word does not know.
  const ours = edited(before, (xml) =>
    xml
      .replace(/(<w:tr\b[^>]*>)/, '$1<w:trPr><w:tblHeader/></w:trPr>')
      .replace(/(<w:tcPr><w:tcW [^>]*\/>)/, '$1<w:tcBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="FF0000"/><w:bottom w:val="fancy" w:sz="4"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>'),
  );

  it("should keep the table's style and look, the header row, and the cell's borders and shading Word allows", () => {
    const r = redlineDocx(ours, after);
    const table = tables(r.xml)[0]!;
    expect(table).toMatch(/^<w:tblPr><w:tblStyle w:val="TableGrid"\/><w:tblW w:w="0" w:type="auto"\/><w:tblLook w:val="04A0" w:firstRow="1"/);
    expect(table).toContain('<w:trPr><w:tblHeader/>');
    expect(table).toContain('<w:tcBorders><w:top w:val="single" w:color="FF0000" w:sz="12" w:space="0"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr>');
    expect(table).not.toContain('fancy');
    expect(r.styles).toContain('w:styleId="TableGrid"');
    expect(comparable(acceptAllDocx(r.bytes))).toEqual(documentParagraphs(r.theirs));
    expect(comparable(rejectAllDocx(r.bytes))).toEqual(documentParagraphs(r.ours));
  });

  it('should break the page once before our table, not again before a piece of it their paragraph split off', () => {
    const broken = edited(before, (x) => x.replace('<w:body>', '<w:body><w:p><w:r><w:t>Cover</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>'));
    // They write a paragraph between the first and the second row: two tables of theirs, one of ours.
    const split = edited(broken, (x) => {
      const head = /<w:tbl><w:tblPr>[\s\S]*?<\/w:tblGrid>/.exec(x)![0];
      const second = x.indexOf('<w:tr ', x.indexOf('<w:tr ') + 1);
      return x.slice(0, second) + '</w:tbl><w:p><w:r><w:t>Between the rows.</w:t></w:r></w:p>' + head + x.slice(second);
    });
    const r = redlineDocx(broken, split);
    expect(tables(r.xml)).toHaveLength(2);
    expect(r.xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(1);
    expect(r.xml).toMatch(/Cover<\/w:t><\/w:r><\/w:p><w:p><w:r><w:br w:type="page"\/><\/w:r><\/w:p><w:tbl>/);
    expect(comparable(acceptAllDocx(r.bytes))).toEqual(documentParagraphs(r.theirs));
    expect(comparable(rejectAllDocx(r.bytes))).toEqual(documentParagraphs(r.ours));
  });

  it('should write a row of our second table in its own look when they joined our two tables into one', () => {
    // Ours: the table with a header row, an empty paragraph, a second table of other words with none.
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(strFromU8(unzipSync(ours)['word/document.xml']!))![0];
    const second = table.replace('<w:trPr><w:tblHeader/></w:trPr>', '').replace(/<w:t>(\d)<\/w:t>/g, '<w:t>Second $1</w:t>');
    const two = edited(ours, (x) => x.replace(table, `${table}<w:p/>${second}`));
    // Theirs: one table, a row of their own where ours had the empty paragraph.
    const joined = edited(two, (x) => {
      const at = x.indexOf('</w:tbl>');
      const lastRow = x.lastIndexOf('<w:tr ', at);
      const added = x.slice(lastRow, at).replace(/<w:t>[^<]*<\/w:t>/g, '<w:t>Theirs</w:t>');
      const next = x.indexOf('<w:tr ', at);
      return x.slice(0, at) + added + x.slice(next);
    });
    const r = redlineDocx(two, joined);
    const rows = r.xml.split('<w:tr>').slice(1);
    const secondFirst = rows.find((row) => row.includes('Second 1'))!;
    expect(secondFirst).not.toContain('tblHeader');
    expect(rows.filter((row) => row.includes('tblHeader'))).toHaveLength(1);
    expect(comparable(acceptAllDocx(r.bytes))).toEqual(documentParagraphs(r.theirs));
    expect(comparable(rejectAllDocx(r.bytes))).toEqual(documentParagraphs(r.ours));
  });
});
