/**
 * The look of a DOCX, for a writer that must keep it: when our document is a
 * DOCX, the redline DOCX is written with our styles, theme, fonts and page
 * (src/writers/redline/docx/look.ts), not the house style, and each of our
 * paragraphs keeps its style and the layout it sets itself (layout.ts).
 *
 * Parts are carried as found but checked first: each must be well-formed XML
 * without a DOCTYPE, like every part the reader reads. A part that fails is
 * left out with a warning (the house part is used instead); it never stops a
 * redline. Page numbers outside what Word accepts are ignored the same way.
 */
import { XMLValidator } from 'fast-xml-parser';
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { DocxBlock, DocxPackage } from './parse.js';
import { paragraphLayout, type ParagraphLayout } from './layout.js';
import { pageOf, type PageLook } from './page.js';
import { decodePart, parseXmlRoots } from './xml.js';
import { unzipDocxSafely } from './zip.js';

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
  /** Direct layout (indents, spacing, alignment, breaks) of each body paragraph that sets one, by line. */
  paragraphLayouts: Record<number, ParagraphLayout>;
  /** Column widths of each table, by the table's line (that of its first paragraph). */
  tableGrids: Record<number, number[]>;
}

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';
const FONT_TABLE = 'word/fontTable.xml';

/** A part as UTF-8 text without its declaration, which may name an encoding the text no longer has: the writer adds its own. */
function withoutDeclaration(bytes: Uint8Array): string {
  return decodePart(bytes).replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
}

function collectParagraphs(blocks: readonly DocxBlock[], fallback: string | undefined, look: DocxLook): void {
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (block.grid) look.tableGrids[block.index + 1] = block.grid;
      for (const row of block.rows) for (const cell of row) collectParagraphs(cell, fallback, look);
      continue;
    }
    if (block.index < 0) continue;
    const style = block.styleId ?? fallback;
    if (style !== undefined) look.paragraphStyles[block.index + 1] = style;
    const layout = paragraphLayout(block.properties);
    if (layout) look.paragraphLayouts[block.index + 1] = layout;
  }
}

/**
 * The look of a DOCX the reader has parsed: its styles part as read, theme and
 * font table (checked here), the body's page, each paragraph's style and layout
 * and each table's column widths.
 * @example const { look } = docxLook(bytes, 'ours.docx', parseDocx(bytes, 'ours.docx', 'accept'))
 */
export function docxLook(bytes: Uint8Array, file: string, pkg: DocxPackage): { look: DocxLook; warnings: Diagnostic[] } {
  const parts = unzipDocxSafely(bytes, file, (name) => name === THEME || name === FONT_TABLE);
  const warnings: Diagnostic[] = [];
  const refuse = (name: string, reason: string): undefined => {
    warnings.push(warning('docx-look-part', `${file}: ${name} is not kept in the redline (${reason}); the house part is used instead`, { file }));
    return undefined;
  };
  // The reader's parser is lenient (it reads the first of two roots, say); a part we
  // copy into the redline must be strictly well-formed, or Word will not open it.
  const checked = (name: string, part: Uint8Array | undefined = parts[name]): Uint8Array | undefined => {
    if (!part) return undefined;
    let roots: number;
    try {
      roots = parseXmlRoots(part, name, file).length;
    } catch (cause) {
      return refuse(name, cause instanceof Error ? cause.message : String(cause));
    }
    if (roots !== 1) return refuse(name, `${roots} root elements`);
    const strict = XMLValidator.validate(decodePart(part));
    return strict === true ? part : refuse(name, `${strict.err.msg} at line ${strict.err.line}`);
  };
  const look: DocxLook = { paragraphStyles: {}, paragraphLayouts: {}, tableGrids: {} };
  const styles = checked(STYLES, pkg.parts[STYLES]);
  if (styles) look.styles = withoutDeclaration(styles);
  const theme = checked(THEME);
  if (theme) look.theme = theme;
  const fontTable = checked(FONT_TABLE);
  if (fontTable) look.fontTable = fontTable;
  const page = pageOf(pkg.section);
  if (page) look.page = page;
  collectParagraphs(pkg.body, pkg.styles.defaultParagraph, look);
  return { look, warnings };
}
