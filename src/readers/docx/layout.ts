/**
 * The layout one of our paragraphs sets on itself (direct `w:pPr` properties:
 * alignment, indents, spacing, tab stops, keep-with-next, page breaks, section
 * breaks), for the redline DOCX to keep it (look.ts).
 *
 * Only properties that shape the page are kept, and only with values the
 * schema allows (ECMA-376 Part 1 §17.3.1): Word refuses a file with an
 * unknown enumeration value, so a value we cannot vouch for is dropped rather
 * than copied. Kept elements are fresh copies holding only those attributes,
 * grouped by where they stand in CT_PPrBase's sequence relative to what the
 * redline writes itself (pStyle, numPr, the paragraph mark's rPr).
 */
import { pageOf, type PageLook } from './page.js';
import { child, elements, type XmlElement } from './xml.js';

/** A section break at the end of a paragraph: its kind and the page of the section it ends. */
export interface SectionBreak {
  type?: 'nextPage' | 'nextColumn' | 'continuous' | 'evenPage' | 'oddPage';
  page: PageLook;
}

/** Kept `w:pPr` children, each group in CT_PPrBase order, around what the writer adds. */
export interface ParagraphLayout {
  /** keepNext, keepLines, pageBreakBefore, widowControl (after pStyle, before numPr). */
  flow?: XmlElement[];
  /** tabs, spacing (after numPr). */
  spacing?: XmlElement[];
  /** ind. */
  indent?: XmlElement;
  /** contextualSpacing, jc (after ind). */
  alignment?: XmlElement[];
  /** A section break ending at this paragraph (written after the mark's rPr). */
  section?: SectionBreak;
  /**
   * `flow`'s pageBreakBefore is the break of an empty paragraph before this one (look.ts):
   * the place's, not the paragraph's, so a copy of it moved elsewhere leaves it behind.
   */
  carriedBreak?: true;
}

export const ON_OFF = /^(?:true|false|on|off|0|1)$/;
export const SIGNED = /^-?\d{1,6}$/;
export const UNSIGNED = /^\d{1,6}$/;
export const oneOf = (...values: string[]) => new RegExp(`^(?:${values.join('|')})$`);
const JC = oneOf('start', 'end', 'center', 'both', 'distribute', 'left', 'right', 'mediumKashida', 'highKashida', 'lowKashida', 'thaiDistribute', 'numTab');
const TAB_KIND = oneOf('clear', 'start', 'center', 'end', 'decimal', 'bar', 'num', 'left', 'right');
const TAB_LEADER = oneOf('none', 'dot', 'hyphen', 'underscore', 'heavy', 'middleDot');
const SECTION_TYPE = oneOf('nextPage', 'nextColumn', 'continuous', 'evenPage', 'oddPage');

export type Attributes = Readonly<Record<string, RegExp>>;

/** Kept elements, each with its allowed attributes, in schema order within its group. */
const FLOW: ReadonlyArray<[string, Attributes]> = [
  ['w:keepNext', { 'w:val': ON_OFF }],
  ['w:keepLines', { 'w:val': ON_OFF }],
  ['w:pageBreakBefore', { 'w:val': ON_OFF }],
  ['w:widowControl', { 'w:val': ON_OFF }],
];
const SPACING: Attributes = {
  'w:before': UNSIGNED,
  'w:beforeLines': SIGNED,
  'w:beforeAutospacing': ON_OFF,
  'w:after': UNSIGNED,
  'w:afterLines': SIGNED,
  'w:afterAutospacing': ON_OFF,
  'w:line': SIGNED,
  'w:lineRule': oneOf('auto', 'exact', 'atLeast'),
};
export const INDENT: Attributes = {
  'w:start': SIGNED,
  'w:startChars': SIGNED,
  'w:end': SIGNED,
  'w:endChars': SIGNED,
  'w:left': SIGNED,
  'w:leftChars': SIGNED,
  'w:right': SIGNED,
  'w:rightChars': SIGNED,
  'w:hanging': UNSIGNED,
  'w:hangingChars': SIGNED,
  'w:firstLine': UNSIGNED,
  'w:firstLineChars': SIGNED,
};
const TAB: Attributes = { 'w:val': TAB_KIND, 'w:leader': TAB_LEADER, 'w:pos': SIGNED };

/** A copy of `el` with the allowed attributes that hold allowed values; undefined when a required one is missing. */
export function kept(el: XmlElement | undefined, allowed: Attributes, required: readonly string[] = []): XmlElement | undefined {
  if (!el) return undefined;
  const attrs: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(allowed)) {
    const value = el.attrs[name];
    if (value !== undefined && pattern.test(value)) attrs[name] = value;
    else if (required.includes(name)) return undefined;
  }
  return { name: el.name, attrs, children: [] };
}

function keptTabs(tabs: XmlElement | undefined): XmlElement | undefined {
  if (!tabs) return undefined;
  const stops = elements(tabs, 'w:tab').map((tab) => kept(tab, TAB, ['w:val', 'w:pos']));
  // One bad stop drops the set: a partial set would shift the others' meaning.
  if (stops.length === 0 || stops.some((s) => s === undefined)) return undefined;
  return { name: 'w:tabs', attrs: {}, children: stops as XmlElement[] };
}

export const present = (els: Array<XmlElement | undefined>): XmlElement[] => els.filter((el): el is XmlElement => el !== undefined);

function sectionOf(sectPr: XmlElement | undefined): SectionBreak | undefined {
  const page = pageOf(sectPr);
  if (!page) return undefined;
  const type = child(sectPr, 'w:type')?.attrs['w:val'];
  return type !== undefined && SECTION_TYPE.test(type) ? { type: type as SectionBreak['type'], page } : { page };
}

/**
 * The layout a paragraph's `w:pPr` sets directly, or undefined when it sets none we keep.
 * @example paragraphLayout(pPr) // { alignment: [{ name: 'w:jc', attrs: { 'w:val': 'center' }, children: [] }] }
 */
export function paragraphLayout(pPr: XmlElement | undefined): ParagraphLayout | undefined {
  if (!pPr) return undefined;
  const layout: ParagraphLayout = {};
  const flow = present(FLOW.map(([name, attrs]) => kept(child(pPr, name), attrs)));
  if (flow.length > 0) layout.flow = flow;
  const spacing = present([keptTabs(child(pPr, 'w:tabs')), kept(child(pPr, 'w:spacing'), SPACING)]);
  if (spacing.length > 0) layout.spacing = spacing;
  const indent = kept(child(pPr, 'w:ind'), INDENT);
  if (indent && Object.keys(indent.attrs).length > 0) layout.indent = indent;
  const alignment = present([kept(child(pPr, 'w:contextualSpacing'), { 'w:val': ON_OFF }), kept(child(pPr, 'w:jc'), { 'w:val': JC }, ['w:val'])]);
  if (alignment.length > 0) layout.alignment = alignment;
  const section = sectionOf(child(pPr, 'w:sectPr'));
  if (section) layout.section = section;
  return Object.keys(layout).length > 0 ? layout : undefined;
}
