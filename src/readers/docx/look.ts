/**
 * The look of a DOCX, for a writer that must keep it: when our document is a
 * DOCX, the redline DOCX is written with our styles, theme, fonts and page
 * (src/writers/redline/docx/look.ts), not the house style, and each of our
 * paragraphs keeps its style and the layout it sets itself (layout.ts), each
 * of our tables its own look (table-look.ts), and a page break typed in an
 * empty paragraph moves to what follows it.
 *
 * Parts are carried as found but checked first (part-checker.ts). A part that
 * fails is left out with a warning (the house part is used instead); it never
 * stops a redline. Page numbers outside what Word accepts are ignored the same
 * way. Headers and footers: header-footer.ts.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { carriedHeadersFooters, relsOf, shownHeadersFooters, type HeaderFooterLook, type ShownHeadersFooters } from './header-footer.js';
import { INDENT, kept, paragraphLayout, type ParagraphLayout } from './layout.js';
import { pageOf, type PageLook } from './page.js';
import type { DocxBlock, DocxPackage, DocxParagraph } from './parse.js';
import { PartChecker } from './part-checker.js';
import { plainText } from './runs.js';
import { tableLook, type CellParagraphLook, type TableLook } from './table-look.js';
import { isOn } from './styles.js';
import { child, withoutDeclaration } from './xml.js';
import { unzipDocxSafely } from './zip.js';

export type { HeaderFooterLook } from './header-footer.js';

export interface DocxLook {
  /** word/styles.xml, as UTF-8 text without its XML declaration. */
  styles?: string;
  /** word/theme/theme1.xml (theme fonts and colours the styles refer to). */
  theme?: Uint8Array;
  /** word/fontTable.xml. */
  fontTable?: Uint8Array;
  page?: PageLook;
  /** Paragraph style id of each body paragraph, by the line the reader gave it (index + 1). */
  paragraphStyles: Record<number, string>;
  /** The default paragraph style's id (Word's "Normal", LibreOffice's "Standard"): that of a paragraph naming none. */
  defaultParagraphStyle?: string;
  /** Direct layout (indents, spacing, alignment, breaks) of each body paragraph that sets one, by line. */
  paragraphLayouts: Record<number, ParagraphLayout>;
  /** Column widths of each table, by the table's line (that of its first paragraph). */
  tableGrids: Record<number, number[]>;
  /** Each table's own properties, its rows' and cells', and the paragraphs each cell holds, by the table's line (table-look.ts). */
  tables?: Record<number, TableLook>;
  /** Headers and footers of the body's last section that can be carried. */
  headersFooters: HeaderFooterLook[];
  /** The section has a distinct first-page header and footer (`w:titlePg`). */
  titlePage?: boolean;
  /** Even pages have headers and footers of their own (`w:evenAndOddHeaders` in the settings). */
  evenAndOddHeaders?: boolean;
}

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';
const FONT_TABLE = 'word/fontTable.xml';


/** Only the style sheet (when safe) and each paragraph's style: what a redline uses of their draft's look. */
export function docxStyles(pkg: DocxPackage, file: string): DocxLook {
  return stylesLook(pkg, new PartChecker(file));
}

/** The style sheet, checked by `checker`, its default paragraph style, each paragraph's style and layout, and each table's look. */
function stylesLook(pkg: DocxPackage, checker: PartChecker): DocxLook {
  const look: DocxLook = { paragraphStyles: {}, paragraphLayouts: {}, tableGrids: {}, tables: {}, headersFooters: [] };
  const styles = checker.checked(STYLES, pkg.parts[STYLES]);
  if (styles) look.styles = withoutDeclaration(styles);
  const fallback = pkg.styles.defaultParagraph;
  if (fallback !== undefined) look.defaultParagraphStyle = fallback;
  collectParagraphs(pkg.body, fallback, look, labelsOf(pkg), true);
  return look;
}

/** A paragraph's numbering label and the indent its level hangs it at. */
type Labeller = (p: DocxParagraph) => Omit<CellParagraphLook, 'line'>;

/**
 * Numbering labels counted again from the start, in document order, as the
 * reader counted them (to-model.ts advances a counter for every paragraph):
 * the reader's own counters are spent by the time the look is taken.
 */
function labelsOf(pkg: DocxPackage): Labeller {
  const numbering = pkg.numbering.restarted();
  return (p) => {
    const ref = { ...pkg.styles.numbering(p.styleId), ...p.numPr };
    if (ref.numId === undefined) return {};
    const ilvl = ref.ilvl ?? 0;
    const label = numbering.next(ref.numId, ilvl);
    if (!label) return {};
    // Copied like a paragraph's own indent: only attributes and values the schema allows.
    const indent = kept(numbering.indent(ref.numId, ilvl), INDENT);
    return { label: label.text, level: ilvl, ...(indent && Object.keys(indent.attrs).length > 0 ? { indent } : {}) };
  };
}

function collectParagraphs(blocks: readonly DocxBlock[], fallback: string | undefined, look: DocxLook, labels: Labeller, body = false): Array<Omit<CellParagraphLook, 'line'>> {
  const numbered: Array<Omit<CellParagraphLook, 'line'>> = [];
  /** A page break in an empty paragraph (dropped from the model), for the next block that is kept. */
  let pageBreak = false;
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (block.grid) look.tableGrids[block.index + 1] = block.grid;
      // Cells in document order, so labels count as the reader counted them.
      const cells = block.rows.map((row) => row.map((cell) => ({ blocks: cell, labels: collectParagraphs(cell, fallback, look, labels) })));
      const table = tableLook(block.properties, (r, c) => cellParagraphs(cells[r]?.[c]));
      (look.tables ??= {})[block.index + 1] = pageBreak ? { ...table, pageBreakBefore: true } : table;
      pageBreak = false;
      numbered.push({});
      continue;
    }
    numbered.push(labels(block));
    if (block.index < 0) continue;
    if (body && block.pageBreak) {
      pageBreak = true;
      continue;
    }
    const style = block.styleId ?? fallback;
    if (style !== undefined) look.paragraphStyles[block.index + 1] = style;
    const layout = paragraphLayout(block.properties);
    if (pageBreak && plainText(block.pieces).trim() !== '') {
      look.paragraphLayouts[block.index + 1] = breakingPage(layout);
      pageBreak = false;
    } else if (layout) look.paragraphLayouts[block.index + 1] = layout;
  }
  return numbered;
}

/** The layout with the page break of an empty paragraph before it, as `w:pageBreakBefore` in its place in the flow group. */
function breakingPage(layout: ParagraphLayout | undefined): ParagraphLayout {
  // A paragraph that breaks the page itself keeps its own break, wherever it goes.
  if (layout?.flow?.some((el) => el.name === 'w:pageBreakBefore' && isOn(el))) return layout;
  const flow = (layout?.flow ?? []).filter((el) => el.name !== 'w:pageBreakBefore');
  const at = flow.findIndex((el) => el.name === 'w:widowControl');
  const pageBreak = { name: 'w:pageBreakBefore', attrs: {}, children: [] };
  return { ...layout, flow: at < 0 ? [...flow, pageBreak] : [...flow.slice(0, at), pageBreak, ...flow.slice(at)], carriedBreak: true };
}

/**
 * The paragraphs of a cell the reader reads as lines of its text (those with
 * text), with their labels; undefined when the cell holds a table, whose rows
 * are lines of their own.
 */
function cellParagraphs(cell: { blocks: readonly DocxBlock[]; labels: ReadonlyArray<Omit<CellParagraphLook, 'line'>> } | undefined): CellParagraphLook[] | undefined {
  if (!cell || cell.blocks.some((b) => b.kind === 'table')) return undefined;
  const out: CellParagraphLook[] = [];
  cell.blocks.forEach((block, k) => {
    if (block.kind === 'paragraph' && block.index >= 0 && plainText(block.pieces) !== '') out.push({ line: block.index + 1, ...cell.labels[k] });
  });
  return out;
}

/**
 * The look of a DOCX the reader has parsed: its styles part as read, theme and
 * font table (checked here), the body's page, each paragraph's style and layout
 * and each table's column widths.
 * @example const { look } = docxLook(bytes, 'ours.docx', parseDocx(bytes, 'ours.docx', 'accept'))
 */
export function docxLook(bytes: Uint8Array, file: string, pkg: DocxPackage): { look: DocxLook; warnings: Diagnostic[]; shown: ShownHeadersFooters } {
  // One pass over the archive for every part the look may need, the headers' relationships included.
  const shown = shownHeadersFooters(bytes, file, pkg, (references) => [THEME, FONT_TABLE, ...references.map((r) => relsOf(r.part))]);
  const { references, parts } = shown;
  const checker = new PartChecker(file);
  const look = stylesLook(pkg, checker);
  const theme = checker.checked(THEME, parts[THEME]);
  if (theme) look.theme = theme;
  const fontTable = checker.checked(FONT_TABLE, parts[FONT_TABLE]);
  if (fontTable) look.fontTable = fontTable;
  const page = pageOf(pkg.section);
  if (page) look.page = page;
  const loadMedia = (names: readonly string[]) => (names.length > 0 ? unzipDocxSafely(bytes, file, (name) => names.includes(name)) : {});
  look.headersFooters = carriedHeadersFooters(references, parts, checker, loadMedia);
  if (look.headersFooters.some((h) => h.type === 'first') && isOn(child(pkg.section, 'w:titlePg'))) look.titlePage = true;
  if (look.headersFooters.some((h) => h.type === 'even')) look.evenAndOddHeaders = true;
  return { look, warnings: checker.warnings, shown };
}

