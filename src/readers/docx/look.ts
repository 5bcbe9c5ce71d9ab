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
import { isOn } from './styles.js';
import { child, decodePart, elements, parseXmlPart, parseXmlRoots, type XmlElement } from './xml.js';
import { unzipDocxSafely } from './zip.js';

/** A header or footer of our last section, carried whole (it refers to no other part). */
export interface HeaderFooterLook {
  kind: 'header' | 'footer';
  /** Which pages: every page, or the first page when the section has a distinct one. */
  type: 'default' | 'first';
  /** The part as found (checked: strictly well-formed, one root). */
  part: Uint8Array;
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
  /** Direct layout (indents, spacing, alignment, breaks) of each body paragraph that sets one, by line. */
  paragraphLayouts: Record<number, ParagraphLayout>;
  /** Column widths of each table, by the table's line (that of its first paragraph). */
  tableGrids: Record<number, number[]>;
  /** Headers and footers of the body's last section that can be carried. */
  headersFooters: HeaderFooterLook[];
  /** The section has a distinct first-page header and footer (`w:titlePg`). */
  titlePage?: boolean;
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
  const references = headerFooterReferences(pkg, file);
  const wanted = new Set([THEME, FONT_TABLE, ...references.flatMap((r) => [r.part, relsOf(r.part)])]);
  const parts = unzipDocxSafely(bytes, file, (name) => wanted.has(name));
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
  const look: DocxLook = { paragraphStyles: {}, paragraphLayouts: {}, tableGrids: {}, headersFooters: [] };
  const styles = checked(STYLES, pkg.parts[STYLES]);
  if (styles) look.styles = withoutDeclaration(styles);
  const theme = checked(THEME);
  if (theme) look.theme = theme;
  const fontTable = checked(FONT_TABLE);
  if (fontTable) look.fontTable = fontTable;
  const page = pageOf(pkg.section);
  if (page) look.page = page;
  collectParagraphs(pkg.body, pkg.styles.defaultParagraph, look);
  for (const ref of references) {
    // A header with a picture or a link needs parts and relationships of its own: not carried.
    const rels = parts[relsOf(ref.part)];
    if (rels && /<Relationship\b/.test(decodePart(rels))) {
      refuse(ref.part, 'it refers to other parts, such as pictures');
      continue;
    }
    // The redline's numbering is its own: a numbered header would point at the wrong list.
    if (parts[ref.part] && /<w:numPr\b/.test(decodePart(parts[ref.part]!))) {
      refuse(ref.part, 'it is numbered');
      continue;
    }
    const part = checked(ref.part);
    if (part) look.headersFooters.push({ kind: ref.kind, type: ref.type, part });
  }
  if (look.headersFooters.some((h) => h.type === 'first') && isOn(child(pkg.section, 'w:titlePg'))) look.titlePage = true;
  return { look, warnings };
}

const HEADER_FOOTER_TYPE = /\/relationships\/(header|footer)$/;

/**
 * The headers and footers the body's last section uses on every page and on
 * its first page. Even-page ones are left out: they show only with a setting
 * (evenAndOddHeaders) the redline's settings part does not have.
 */
function headerFooterReferences(pkg: DocxPackage, file: string): Array<{ kind: 'header' | 'footer'; type: 'default' | 'first'; part: string }> {
  const relsPart = pkg.parts['word/_rels/document.xml.rels'];
  if (!pkg.section || !relsPart) return [];
  let rels: XmlElement;
  try {
    rels = parseXmlPart(relsPart, 'word/_rels/document.xml.rels', file);
  } catch {
    return []; // no relationships we can read: no headers to carry
  }
  const targets = new Map<string, { kind: 'header' | 'footer'; part: string }>();
  for (const rel of elements(rels, 'Relationship')) {
    const kind = HEADER_FOOTER_TYPE.exec(rel.attrs.Type ?? '')?.[1] as 'header' | 'footer' | undefined;
    const target = rel.attrs.Target;
    if (!kind || !target || rel.attrs.TargetMode === 'External') continue;
    const part = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    // Only plain part names inside word/: nothing that climbs out of the package folder.
    if (/^word\/[\w.-]+\.xml$/.test(part)) targets.set(rel.attrs.Id ?? '', { kind, part });
  }
  const out: Array<{ kind: 'header' | 'footer'; type: 'default' | 'first'; part: string }> = [];
  for (const ref of pkg.section.children) {
    if (ref.name !== 'w:headerReference' && ref.name !== 'w:footerReference') continue;
    const el = ref as XmlElement;
    const type = el.attrs['w:type'] ?? 'default';
    const found = targets.get(el.attrs['r:id'] ?? '');
    if (!found || (type !== 'default' && type !== 'first') || found.kind !== (ref.name === 'w:headerReference' ? 'header' : 'footer')) continue;
    if (!out.some((o) => o.kind === found.kind && o.type === type)) out.push({ ...found, type });
  }
  return out;
}

/** `word/header1.xml` → `word/_rels/header1.xml.rels`. */
const relsOf = (part: string) => part.replace(/^word\//, 'word/_rels/') + '.rels';
