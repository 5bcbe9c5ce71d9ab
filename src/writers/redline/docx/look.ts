/**
 * Our own DOCX's look, kept in the redline (issue 4: "our document with their
 * changes as real tracked changes, keeping our formatting and numbering").
 *
 * When <ours> is a DOCX, the redline takes its style sheet, theme and font
 * table, its page size and margins, and gives each of our paragraphs the
 * paragraph style it had and the layout it set itself (alignment, indents,
 * spacing, tab stops, keep and page-break settings, section breaks with their
 * page; see src/readers/docx/layout.ts), and each table its column widths,
 * table style and row and cell properties (table-look.ts).
 * Numbering stays the redline's own (computed from the labels both sides
 * printed, see numbering.ts), so numbering that styles carry
 * is removed from the style sheet: it would point into a numbering part the
 * redline does not have. Styles the redline needs and ours lacks (the table
 * grid, clause body) are added from the house style sheet.
 *
 * Headers and footers of our last section (every page, first page, even
 * pages) are kept with their pictures (src/readers/docx/header-footer.ts).
 * Not kept: paragraph borders and shading, and character formatting other
 * than bold, italic, underline, strikethrough, highlight, text colour and type size.
 */

import type { SectionBreak } from '../../../readers/docx/layout.js';
import type { PageLook } from '../../../readers/docx/page.js';
import type { XmlElement } from '../../../readers/docx/xml.js';
import { XMLValidator } from 'fast-xml-parser';
import { attr, XML_DECLARATION } from '../../docx/xml.js';

export type { DocxLook, HeaderFooterLook } from '../../../readers/docx/look.js';
export type { ParagraphLayout } from '../../../readers/docx/layout.js';
export type { PageLook } from '../../../readers/docx/page.js';

const STYLE_ELEMENT = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;
const STYLE_ID = /\bw:styleId="([^"]*)"/;

/** Style markup without numbering: the redline numbers paragraphs itself (numbering.ts). */
function withoutNumbering(xml: string): string {
  let out = xml.replace(/<w:numPr\s*\/>/g, '');
  // Innermost first, so a numPr inside another (a damaged file) cannot leave a stray end tag.
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/<w:numPr\b[^>]*>(?:(?!<w:numPr\b)[\s\S])*?<\/w:numPr>/g, '');
  }
  return out;
}

/** The ids a style sheet defines. */
export function styleIds(xml: string | undefined): Set<string> {
  return new Set([...(xml ?? '').matchAll(/\bw:styleId="([^"]*)"/g)].map((m) => m[1]!));
}

/**
 * Their paragraph styles `wanted` that ours lacks, with the styles they are based on
 * (the chain ours lacks too), as `w:style` elements to add to ours.
 * @example theirStyles(theirsXml, new Set(['MyNewParaStyle']), styleIds(oursXml)) // '<w:style … w:styleId="MyNewParaStyle">…'
 */
export function theirStyles(theirs: string, wanted: ReadonlySet<string>, have: ReadonlySet<string>): string {
  const byId = new Map<string, string>();
  for (const m of theirs.matchAll(STYLE_ELEMENT)) {
    const id = STYLE_ID.exec(m[0])?.[1];
    if (id && !byId.has(id)) byId.set(id, m[0]);
  }
  const added = new Set<string>();
  let out = '';
  for (const first of [...wanted].sort()) {
    for (let id: string | undefined = first; id && !have.has(id) && !added.has(id) && byId.has(id); ) {
      added.add(id);
      const style: string = byId.get(id)!;
      // Ours has its defaults: an added style must not compete with them.
      out += withoutNumbering(style.replace(/\s+w:default="(?:1|true|on)"/, ''));
      id = /<w:basedOn w:val="([^"]*)"/.exec(style)?.[1];
    }
  }
  return out;
}

/**
 * The styles part: our style sheet (without its XML declaration) without
 * numbering, plus `theirs` (their styles our paragraphs-only-they-have use,
 * theirStyles) and the house styles it still lacks.
 * @example mergeStyles(oursXml, STYLES_XML) // ours, with TableGrid and ClauseBody appended if missing
 */
export function mergeStyles(ours: string, house: string, theirs = ''): string {
  const end = ours.lastIndexOf('</w:styles>');
  if (end < 0) return house;
  const kept = withoutNumbering(ours.slice(0, end)) + theirs;
  const have = styleIds(kept);
  let added = '';
  for (const m of house.matchAll(STYLE_ELEMENT)) {
    const id = STYLE_ID.exec(m[0])?.[1];
    // Ours already has a default of each type: an added style must not compete with it.
    if (id && !have.has(id)) added += m[0].replace(/\s+w:default="1"/, '');
  }
  const merged = XML_DECLARATION + kept + added + ours.slice(end);
  // The reader checked our part; if cutting it still left it malformed, Word gets the house styles rather than an unreadable file.
  return XMLValidator.validate(merged) === true ? merged : house;
}

export interface SectionOptions {
  /** For a section break inside the body: its kind. */
  type?: SectionBreak['type'];
  /** Ready `w:headerReference` / `w:footerReference` elements. */
  references?: string;
  /** A distinct first-page header and footer. */
  titlePage?: boolean;
}

/** `w:sectPr` for a page size and margins, in CT_SectPr order. */
export function pageXml(page: PageLook, options: SectionOptions = {}): string {
  const m = page.margins;
  const { type, references = '', titlePage } = options;
  return (
    `<w:sectPr>${references}${type ? `<w:type w:val="${type}"/>` : ''}<w:pgSz w:w="${page.width}" w:h="${page.height}"${page.landscape ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="${m.gutter}"/>` +
    `<w:cols w:space="720"/>${titlePage ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

/** A kept layout element (attributes checked by the reader) as XML. */
export function elementXml(el: XmlElement): string {
  let out = `<${el.name}`;
  for (const [name, value] of Object.entries(el.attrs)) out += attr(name, value);
  const inner = el.children.map((c) => (c.name === '#text' ? '' : elementXml(c as XmlElement))).join('');
  return inner ? `${out}>${inner}</${el.name}>` : `${out}/>`;
}
