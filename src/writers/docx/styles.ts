/**
 * styles.xml (ECMA-376 §17.7): the house style every clausewright DOCX shares.
 *
 * Built with the `docx` package: the styles below are given to its
 * `Document({ styles })` API, packed once per process with `Packer.toBuffer`,
 * and `word/styles.xml` is taken back out of that package (fflate) and kept in
 * `STYLES_XML`. The part is static, so this costs nothing per document; the
 * per-document parts (document.xml, numbering.xml, header/footer) stay hand
 * serialised, since building each paragraph as a `docx` object tree and
 * packing it cannot meet issue 3's ≥ 50 docs/s (see bench/assemble.mjs).
 * Packing is asynchronous, so it runs as a top-level await when this module is
 * first loaded (the CLI and redline load the DOCX writer lazily, on first use).
 *
 * Only the `docx` package's own settings.xml and fontTable.xml are not used:
 * its settings cannot express w:characterSpacingControl or w:themeFontLang,
 * and its font table has no w:altName/panose/charset fall-backs (see
 * package-parts.ts and fonts.ts).
 *
 * Built-in styles keep Word's names ("heading 1", "List Paragraph", "header")
 * so Word treats them as its own: Heading 1/2/3 carry outline levels for the
 * navigation pane; readers (src/readers/docx) recognise them as headings.
 * Styles never carry numbering: each numbered paragraph has its own w:numPr
 * (see numbering.ts), so an unnumbered part can still use Heading 1.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  DocumentDefaults,
  LineRuleType,
  Packer,
  TableProperties,
  WidthType,
  type IBorderOptions,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type XmlComponent,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { EAST_ASIAN_FONT, LATIN_FONT } from './fonts.js';

/** Paragraph and character style ids used by the writer. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  heading: ['Heading1', 'Heading2', 'Heading3'] as const,
  /** A numbered clause paragraph without a heading (1.1 The User shall…). */
  clauseText: 'ClauseText',
  /** Unnumbered continuation paragraph inside a numbered clause, indented to its text. */
  clauseBody: 'ClauseBody',
  listParagraph: 'ListParagraph',
  partTitle: 'PartTitle',
  coverHeading: 'CoverHeading',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
  definedTerm: 'DefinedTerm',
  /** Word's built-in name, so a style sheet of ours that has one keeps its own look. */
  hyperlink: 'Hyperlink',
  tableGrid: 'TableGrid',
  bilingualTable: 'BilingualTable',
  plainTable: 'PlainTable',
} as const;

/** Where clause text starts: numbers hang in the first 720 twips (0.5 in). */
export const TEXT_INDENT = 720;

// ── Paragraph and character styles: the docx package's style options ────────

/** A paragraph style based on Normal (docx writes w:styleId exactly as `id`). */
const paragraph = (id: string, name: string, options: Omit<IParagraphStyleOptions, 'id' | 'name'> = {}): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: STYLE.normal,
  ...options,
});

/** Bold at `size` half-points (docx writes w:b w:bCs w:sz w:szCs). */
const bold = (size?: number) => ({ bold: true, ...(size === undefined ? {} : { size }) });

const heading = (level: 1 | 2 | 3, size: number, before: number): IParagraphStyleOptions =>
  paragraph(STYLE.heading[level - 1], `heading ${level}`, {
    next: STYLE.clauseBody,
    uiPriority: 9,
    quickFormat: true,
    paragraph: { keepNext: true, keepLines: true, spacing: { before, after: 120 }, alignment: AlignmentType.LEFT, outlineLevel: level - 1 },
    run: bold(size),
  });

const headerFooter = (id: string, name: string): IParagraphStyleOptions =>
  paragraph(id, name, {
    uiPriority: 99,
    unhideWhenUsed: true,
    paragraph: { spacing: { after: 0 }, alignment: AlignmentType.CENTER },
    run: { size: 18 },
  });

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  // Normal replaces docx's own (no basedOn; Styles marks it w:default="1").
  { id: STYLE.normal, name: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.BOTH } },
  paragraph(STYLE.title, 'Title', {
    next: STYLE.normal,
    uiPriority: 10,
    quickFormat: true,
    paragraph: { keepNext: true, spacing: { before: 480, after: 240 }, alignment: AlignmentType.CENTER },
    run: bold(36),
  }),
  paragraph(STYLE.subtitle, 'Subtitle', {
    next: STYLE.normal,
    uiPriority: 11,
    quickFormat: true,
    paragraph: { spacing: { after: 360 }, alignment: AlignmentType.CENTER },
  }),
  heading(1, 24, 240),
  heading(2, 22, 180),
  heading(3, 22, 120),
  paragraph(STYLE.clauseText, 'Clause Text', { quickFormat: true }),
  paragraph(STYLE.clauseBody, 'Clause Body', { quickFormat: true, paragraph: { indent: { left: TEXT_INDENT } } }),
  paragraph(STYLE.listParagraph, 'List Paragraph', { uiPriority: 34, quickFormat: true, paragraph: { spacing: { after: 60 } } }),
  paragraph(STYLE.partTitle, 'Part Title', {
    next: STYLE.normal,
    quickFormat: true,
    paragraph: { keepNext: true, spacing: { before: 360, after: 240 }, alignment: AlignmentType.CENTER },
    run: bold(26),
  }),
  paragraph(STYLE.coverHeading, 'Cover Heading', {
    next: STYLE.normal,
    paragraph: { keepNext: true, spacing: { before: 360, after: 120 }, alignment: AlignmentType.LEFT },
    run: bold(24),
  }),
  paragraph(STYLE.tableText, 'Table Text', { paragraph: { spacing: { before: 40, after: 40 }, alignment: AlignmentType.LEFT } }),
  headerFooter(STYLE.header, 'header'),
  headerFooter(STYLE.footer, 'footer'),
];

const CHARACTER_STYLES: ICharacterStyleOptions[] = [
  // docx gives character styles uiPriority 99 + unhideWhenUsed unless told otherwise; ours has no priority and
  // is always shown (docx then writes w:unhideWhenUsed w:val="false", the same as leaving it out).
  { id: STYLE.definedTerm, name: 'Defined Term', basedOn: 'DefaultParagraphFont', uiPriority: undefined, unhideWhenUsed: false, quickFormat: true, run: bold() },
  // Links in a redline: blue and underlined as Word shows them, so a reader sees what is clickable.
  { id: STYLE.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: { type: 'single' } } },
];

// ── What docx's style options cannot say: built from docx's own components ───
// `importedStyles` replaces docx's default set (Heading 4–6, TOC 1–9, Caption,
// Hyperlink, footnote styles…), so styles.xml holds exactly the styles the
// writer uses; the document defaults and Normal Table that set would have
// given are therefore built here. Style options have no `default` flag and no
// table or numbering styles, so those are BuilderElements, with docx's
// TableProperties writing each w:tblPr.

const val = (name: string, value: string | number): XmlComponent =>
  new BuilderElement<{ val: string | number }>({ name, attributes: { val: { key: 'w:val', value } } });
const flag = (name: string): XmlComponent => new BuilderElement({ name });

/** A w:style element of `type`; `body` follows w:name. */
function style(type: 'character' | 'table' | 'numbering', id: string, name: string, body: XmlComponent[], isDefault = false): XmlComponent {
  return new BuilderElement<{ type: string; isDefault?: string; styleId: string }>({
    name: 'w:style',
    attributes: {
      type: { key: 'w:type', value: type },
      ...(isDefault ? { isDefault: { key: 'w:default', value: '1' } } : {}),
      styleId: { key: 'w:styleId', value: id },
    },
    children: [val('w:name', name), ...body],
  });
}

const CELL_MARGIN = { marginUnitType: WidthType.DXA, top: 0, left: 108, bottom: 0, right: 108 };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NIL };
const GRID_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, space: 0, color: 'auto' };
const borders = (b: IBorderOptions) => ({ top: b, left: b, bottom: b, right: b, insideHorizontal: b, insideVertical: b });

const tableStyle = (id: string, name: string, border: IBorderOptions): XmlComponent =>
  style('table', id, name, [val('w:basedOn', 'TableNormal'), new TableProperties({ borders: borders(border), cellMargin: CELL_MARGIN })]);

const IMPORTED_STYLES: XmlComponent[] = [
  new DocumentDefaults({
    run: {
      font: { ascii: LATIN_FONT, eastAsia: EAST_ASIAN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT },
      size: 22,
      language: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
    },
    paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } },
  }),
  style('character', 'DefaultParagraphFont', 'Default Paragraph Font', [val('w:uiPriority', 1), flag('w:semiHidden'), flag('w:unhideWhenUsed')], true),
  style(
    'table',
    'TableNormal',
    'Normal Table',
    [val('w:uiPriority', 99), flag('w:semiHidden'), flag('w:unhideWhenUsed'), new TableProperties({ indent: { size: 0, type: WidthType.DXA }, cellMargin: CELL_MARGIN })],
    true,
  ),
  style('numbering', 'NoList', 'No List', [val('w:uiPriority', 99), flag('w:semiHidden'), flag('w:unhideWhenUsed')], true),
  tableStyle(STYLE.tableGrid, 'Table Grid', GRID_BORDER),
  tableStyle(STYLE.bilingualTable, 'Bilingual Table', NO_BORDER),
  tableStyle(STYLE.plainTable, 'Plain Table', NO_BORDER),
];

/**
 * Pack a document that holds only the house styles and take its styles.xml.
 * The part carries no dates or generated ids (checked in
 * test/writers/docx/styles.test.ts), so it is the same in every process.
 */
export async function packStyles(): Promise<string> {
  const document = new Document({
    sections: [{ children: [] }],
    styles: { paragraphStyles: PARAGRAPH_STYLES, characterStyles: CHARACTER_STYLES, importedStyles: IMPORTED_STYLES },
  });
  const packed = unzipSync(new Uint8Array(await Packer.toBuffer(document)), { filter: (file) => file.name === 'word/styles.xml' });
  const xml = packed['word/styles.xml'];
  if (!xml) throw new Error('docx package produced no word/styles.xml');
  return strFromU8(xml);
}

/** word/styles.xml, built once per process by the `docx` package. */
export const STYLES_XML: string = await packStyles();
