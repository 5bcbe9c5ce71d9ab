/**
 * The look of a DOCX, for a writer that must keep it: when our document is a
 * DOCX, the redline DOCX is written with our styles, theme, fonts and page
 * (src/writers/redline/docx/look.ts), not the house style.
 *
 * Parts are carried as found but checked first: each must be well-formed XML
 * without a DOCTYPE, like every part the reader reads. A part that fails is
 * left out with a warning (the house part is used instead); it never stops a
 * redline. Page numbers outside what Word accepts are ignored the same way.
 */
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { DocxBlock, DocxPackage } from './parse.js';
import { child, decodePart, parseXmlPart, type XmlElement } from './xml.js';
import { unzipDocxSafely } from './zip.js';

/** Page geometry in twentieths of a point, as `w:pgSz` and `w:pgMar` give it. */
export interface PageLook {
  width: number;
  height: number;
  landscape?: boolean;
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
}

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
}

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';
const FONT_TABLE = 'word/fontTable.xml';
/** Word's largest page side, 22 inches in twentieths of a point. */
const MAX_TWIPS = 31680;

/** A part as UTF-8 text without its declaration, which may name an encoding the text no longer has: the writer adds its own. */
function withoutDeclaration(bytes: Uint8Array): string {
  return decodePart(bytes).replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
}

function twips(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Page size and margins of the body's section, when every number is usable. */
function pageOf(sectPr: XmlElement | undefined): PageLook | undefined {
  const size = child(sectPr, 'w:pgSz');
  const margin = child(sectPr, 'w:pgMar');
  if (!size || !margin) return undefined;
  const width = twips(size.attrs['w:w'], 1440, MAX_TWIPS);
  const height = twips(size.attrs['w:h'], 1440, MAX_TWIPS);
  const m = (name: string, min: number) => twips(margin.attrs[name] ?? '0', min, MAX_TWIPS);
  const margins = { top: m('w:top', -MAX_TWIPS), right: m('w:right', 0), bottom: m('w:bottom', -MAX_TWIPS), left: m('w:left', 0), header: m('w:header', 0), footer: m('w:footer', 0), gutter: m('w:gutter', 0) };
  if (width === undefined || height === undefined || Object.values(margins).some((v) => v === undefined)) return undefined;
  if (margins.left! + margins.right! >= width) return undefined;
  return { width, height, ...(size.attrs['w:orient'] === 'landscape' ? { landscape: true } : {}), margins: margins as PageLook['margins'] };
}

function collectStyles(blocks: readonly DocxBlock[], fallback: string | undefined, out: Record<number, string>): void {
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row) collectStyles(cell, fallback, out);
      continue;
    }
    const style = block.styleId ?? fallback;
    if (style !== undefined && block.index >= 0) out[block.index + 1] = style;
  }
}

/**
 * The look of a DOCX the reader has parsed: its styles part as read, theme and
 * font table (checked here), the body's page and each paragraph's style.
 * @example const { look } = docxLook(bytes, 'ours.docx', parseDocx(bytes, 'ours.docx', 'accept'))
 */
export function docxLook(bytes: Uint8Array, file: string, pkg: DocxPackage): { look: DocxLook; warnings: Diagnostic[] } {
  const parts = unzipDocxSafely(bytes, file, (name) => name === THEME || name === FONT_TABLE);
  const warnings: Diagnostic[] = [];
  const checked = (name: string): Uint8Array | undefined => {
    const part = parts[name];
    if (!part) return undefined;
    try {
      parseXmlPart(part, name, file);
      return part;
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      warnings.push(warning('docx-look-part', `${file}: ${name} is not kept in the redline (${reason}); the house part is used instead`, { file }));
      return undefined;
    }
  };
  const look: DocxLook = { paragraphStyles: {} };
  // The reader has parsed the styles part already: it is well-formed and has no DOCTYPE.
  const styles = pkg.parts[STYLES];
  if (styles) look.styles = withoutDeclaration(styles);
  const theme = checked(THEME);
  if (theme) look.theme = theme;
  const fontTable = checked(FONT_TABLE);
  if (fontTable) look.fontTable = fontTable;
  const page = pageOf(pkg.section);
  if (page) look.page = page;
  collectStyles(pkg.body, pkg.styles.defaultParagraph, look.paragraphStyles);
  return { look, warnings };
}
