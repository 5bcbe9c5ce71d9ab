/** The written DOCX read back as XML: numbering, headings, cross-references, bilingual rows, fonts. */
import { describe, expect, it } from 'vitest';
import { clause, doc, p, part, table } from '../../../src/model/build.js';
import { readDocx as readModel } from '../../../src/readers/docx/index.js';
import { collect } from '../../../src/model/walk.js';
import type { Clause, Document, Paragraph } from '../../../src/model/nodes.js';
import { allClauses, inlineText } from '../../../src/model/walk.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { attrs, findAll, parseXml, readDocx, type ParagraphView } from './read-docx.js';
import { bilingualSample, sample } from './sample.js';

const headingOf = (view: ReturnType<typeof readDocx>, text: string): ParagraphView | undefined =>
  view.paragraphs.find((p) => p.text === text);

describe('writeDocx structure', () => {
  it('should write every part as well-formed XML without warnings', () => {
    for (const d of [sample('zh'), sample('en'), bilingualSample()]) {
      const { bytes, warnings } = writeDocx(d);
      expect(warnings).toEqual([]);
      const { parts } = readDocx(bytes);
      expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
      expect(parts['word/numbering.xml']).toBeDefined();
    }
  });

  it('should define multi-level numbering 1 / 1.1 / (a) / (i)', () => {
    const { parts } = readDocx(writeDocx(sample('en')).bytes);
    const numbering = parseXml(parts['word/numbering.xml']!);
    const abstract = findAll(numbering, 'w:abstractNum')[0]!;
    const levels = findAll([abstract], 'w:lvl').map((lvl) => attrs(findAll([lvl], 'w:lvlText')[0]!)['w:val']);
    expect(levels.slice(0, 4)).toEqual(['%1', '%1.%2', '(%3)', '(%4)']);
    expect(findAll(numbering, 'w:num').length).toBeGreaterThanOrEqual(1);
  });

  it('should number every clause through w:numPr, never with typed numbers', () => {
    const d = sample('en');
    const view = readDocx(writeDocx(d).bytes);
    const numIds = new Set(findAll(parseXml(view.parts['word/numbering.xml']!), 'w:num').map((n) => attrs(n)['w:numId']));
    const numbered = view.paragraphs.filter((p) => p.numId !== undefined);
    for (const p of numbered) expect(numIds.has(p.numId!)).toBe(true);
    // One numbered paragraph per clause at levels 0/1, in clause order, none with the number typed in.
    const clauseParagraphs = numbered.filter((p) => p.ilvl === '0' || p.ilvl === '1');
    expect(clauseParagraphs.map((p) => p.ilvl)).toEqual(allClauses(d).map((c) => (c.number!.includes('.') ? '1' : '0')));
    for (const p of clauseParagraphs) expect(p.text).not.toMatch(/^\s*\d/);
    // List items (a), (b), (i) at levels 2 and 3.
    expect(numbered.filter((p) => p.ilvl === '2').map((p) => p.text)).toEqual(['display it;', 'promote the Service, including:']);
    expect(numbered.filter((p) => p.ilvl === '3').map((p) => p.text)).toEqual(['social media']);
  });

  it('should give clause headings Heading 1 / Heading 2 styles', () => {
    const view = readDocx(writeDocx(sample('en')).bytes);
    for (const heading of ['Definitions', 'Ownership of Output', 'Limitation of liability', 'Governing law']) {
      expect(headingOf(view, heading)).toMatchObject({ style: 'Heading1', numId: '1', ilvl: '0' });
    }
    const styles = parseXml(view.parts['word/styles.xml']!);
    const heading1 = findAll(styles, 'w:style').find((s) => attrs(s)['w:styleId'] === 'Heading1')!;
    expect(attrs(findAll([heading1], 'w:name')[0]!)['w:val']).toBe('heading 1');
    expect(attrs(findAll([heading1], 'w:outlineLvl')[0]!)['w:val']).toBe('0');
  });

  it('should give sub-clause headings Heading 2 at the 1.1 level', () => {
    const d = doc('en', [part('terms', [clause('a', [], { heading: ['Fees'], number: '1', clauses: [clause('a#b', [p('Pay.')], { heading: ['Invoices'], number: '1.1' })] })])]);
    const view = readDocx(writeDocx(d).bytes);
    expect(headingOf(view, 'Invoices')).toMatchObject({ style: 'Heading2', ilvl: '1' });
    expect(view.paragraphs.find((x) => x.text === 'Pay.')).toMatchObject({ style: 'ClauseBody' });
    expect(view.paragraphs.find((x) => x.text === 'Pay.')!.numId).toBeUndefined();
  });

  it('should write cells that span columns and cells merged down the rows, as the DOCX reader reads them', () => {
    const grid = table([['Fee', 'Amount'], ['Setup', 'CNY 1,000'], ['', 'CNY 2,000'], ['Total over the Term']]);
    grid.children[1]!.children[0]!.rowMerge = 'start';
    grid.children[2]!.children[0]!.rowMerge = 'continue';
    grid.children[3]!.children[0]!.colSpan = 2;
    const { bytes } = writeDocx(doc('en', [part('terms', [clause('fees', [grid], { heading: ['Fees'], number: '1' })])]));
    const cells = collect(readModel(bytes, 'fees.docx').document, 'tableCell').map((c) => `${c.colSpan ?? 1}${c.rowMerge ?? ''}`);
    expect(cells).toEqual(['1', '1', '1start', '1', '1continue', '1', '2']);
    expect(readDocx(bytes).parts['word/document.xml']).toContain('<w:gridSpan w:val="2"/>');
  });

  it('should never let two tables touch (Word would merge them)', () => {
    const d = bilingualSample();
    const second = (x: Document) => x.parts.push(part('schedule', [clause('s', [p('x')], { heading: ['S'], number: '1' })]));
    second(d);
    second(d.translations![0]!);
    const { parts } = readDocx(writeDocx(d).bytes);
    expect(parts['word/document.xml']).not.toContain('</w:tbl><w:tbl>');
    expect(parts['word/document.xml'].match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('should bookmark every cross-reference target and cache the resolved number', () => {
    for (const d of [sample('en'), sample('zh'), bilingualSample()]) {
      const view = readDocx(writeDocx(d).bytes);
      const bookmarks = new Set(view.paragraphs.flatMap((p) => p.bookmarks));
      const refs = view.paragraphs.flatMap((p) => p.instructions).filter((i) => i.startsWith('REF '));
      expect(refs.length).toBeGreaterThanOrEqual(d.translations ? 6 : 3);
      for (const ref of refs) expect(bookmarks.has(ref.split(/\s+/)[1]!)).toBe(true);
    }
    const en = readDocx(writeDocx(sample('en')).bytes);
    expect(en.paragraphs.find((p) => p.text.startsWith('THE PLATFORM'))!.text).toContain('except as set out in Clause 2.2 and Clause 2.2(b).');
    expect(en.paragraphs.find((p) => p.text.startsWith('The User grants'))!.bookmarks).toHaveLength(1);
    expect(en.paragraphs.find((p) => p.text.startsWith('promote'))!.bookmarks).toHaveLength(1);
  });

  it('should put zh and en of the same clause in one bilingual table row', () => {
    const view = readDocx(writeDocx(bilingualSample()).bytes);
    const zh = sample('zh');
    const en = sample('en');
    const zhClauses = allClauses(zh);
    // The first line of a clause: its heading, else its first paragraph.
    const firstText = (c: Clause): string => inlineText(c.heading ?? (c.children[0] as Paragraph).children);
    allClauses(en).forEach((clause, i) => {
      const zhText = firstText(zhClauses[i]!);
      const enText = firstText(clause);
      const row = view.rows.find((r) => r[0]!.includes(zhText) && r[1]!.includes(enText));
      expect(row, `${zhText} | ${enText}`).toBeDefined();
    });
    expect(view.rows).toContainEqual(['生成内容的权利归属', 'Ownership of Output']);
    // Each column numbers on its own: both sides show clause 2 at level 0.
    const owner = view.paragraphs.filter((p) => p.text === '生成内容的权利归属' || p.text === 'Ownership of Output');
    expect(owner.map((p) => [p.style, p.ilvl])).toEqual([['Heading1', '0'], ['Heading1', '0']]);
    expect(owner[0]!.numId).not.toBe(owner[1]!.numId);
  });

  it('should bold and quote defined terms and keep term uses plain', () => {
    const view = readDocx(writeDocx(sample('zh')).bytes);
    const runs = view.paragraphs.flatMap((p) => p.runStyles);
    expect(runs).toContainEqual({ text: '“生成内容”', style: 'DefinedTerm', hint: 'eastAsia' });
    expect(runs.find((r) => r.text === '生成内容')).toEqual({ text: '生成内容', hint: 'eastAsia' });
    expect(view.parts['word/styles.xml']).toMatch(/w:styleId="DefinedTerm">.*?<w:b\/>/);
  });

  it('should set an East Asian font for Chinese and a Latin font for English', () => {
    const view = readDocx(writeDocx(bilingualSample()).bytes);
    expect(view.parts['word/styles.xml']).toContain('w:eastAsia="SimSun"');
    expect(view.parts['word/styles.xml']).toContain('w:ascii="Times New Roman"');
    expect(view.parts['word/fontTable.xml']).toContain('Noto Serif CJK SC');
    const runs = view.paragraphs.flatMap((p) => p.runStyles);
    expect(runs.find((r) => r.text === '定义')?.hint).toBe('eastAsia');
    expect(runs.find((r) => r.text === 'Definitions')?.hint).toBeUndefined();
  });

  it('should write a header with title and version and a footer with page X of Y', () => {
    const { parts } = readDocx(writeDocx(sample('en')).bytes);
    expect(parts['word/header1.xml']).toContain('Generative AI Service User Agreement · Version 0.1.0');
    expect(parts['word/footer1.xml']).toMatch(/Page .*> PAGE <.* of .*> NUMPAGES </);
    expect(parts['word/document.xml']).toMatch(/<w:headerReference w:type="default" r:id="rIdHeader1"\/><w:footerReference w:type="default" r:id="rIdFooter1"\/>/);
  });

  it('should write the parties block, key terms and signature block', () => {
    const view = readDocx(writeDocx(sample('en')).bytes);
    const texts = view.paragraphs.map((p) => p.text);
    expect(texts).toContain('Beijing Zhihui Technology Co., Ltd. (the “Platform”)');
    expect(texts).toContain('Address: 1 Zhongguancun Street, Haidian, Beijing');
    expect(view.rows).toContainEqual(['Service name', 'Zhihui']);
    expect(texts.filter((t) => t.startsWith('Signature: '))).toHaveLength(2);
    expect(texts.indexOf('Signatures')).toBeGreaterThan(texts.indexOf('Governing law'));
  });

  it('should keep each party, key term and signature row of a bilingual agreement on one page, and let clause rows break', () => {
    const xml = readDocx(writeDocx(bilingualSample()).bytes).parts['word/document.xml'];
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    const row = (text: string) => rows.find((r) => r.includes(text));
    for (const text of ['Beijing Zhihui Technology Co., Ltd.', 'Service name', 'Signature: ']) expect(row(text), text).toMatch(/^<w:trPr><w:cantSplit\/>/);
    // A long clause row may be taller than a page: it must be allowed to break.
    expect(row('Ownership of Output')).not.toContain('<w:cantSplit/>');
  });

  it('should escape markup characters in values', () => {
    const view = readDocx(writeDocx(sample('en')).bytes);
    expect(view.paragraphs.some((p) => p.text.includes('PRC law governs this Agreement & <regulations>.'))).toBe(true);
  });

  it('should stamp docProps/core.xml with the given date', () => {
    const { parts } = readDocx(writeDocx(sample('en'), { date: '2027-03-04' }).bytes);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-04T00:00:00Z</dcterms:created>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2027-03-04T00:00:00Z</dcterms:modified>');
  });
});
