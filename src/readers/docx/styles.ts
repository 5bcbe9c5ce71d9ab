/**
 * `word/styles.xml` → what the reader needs from styles: of paragraph styles
 * the heading level, title, numbering, type size and the look they give body
 * text; of character styles bold, italic, underline, strikethrough, highlight, text colour
 * and size; each inherited through `w:basedOn` (ECMA-376 Part 1, §17.7.4 style,
 * §17.7.4.3 basedOn, §17.3.1.20 outlineLvl, §17.7.9 run styles).
 */
import { highlightName, textColorOf } from '../../colors.js';
import { pointsOfHalfPoints } from '../../font-size.js';
import { child, childVal, elements, type XmlElement } from './xml.js';

export interface NumRef {
  numId: string;
  ilvl: number;
}

interface Style {
  name: string;
  basedOn?: string;
  outlineLvl?: number;
  numPr?: Partial<NumRef>;
  /** A character or paragraph style's own look, where it sets each part (null: set to none). */
  look?: StyleLook;
}

/** What a style sets of a run's look; null turns a part off (an inherited highlight, say). */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  highlight?: string | null;
  color?: string | null;
  /** Type size in points (not from paragraph styles: see paragraphLook). */
  size?: number;
}

/** Names (lower case) of the character styles Word gives links. */
const LINK_STYLE = /^(followed)?\s?hyperlink$/;

const LOOK_KEYS = ['bold', 'italic', 'underline', 'strike', 'highlight', 'color'] as const;

/** Set in `look` the parts `own` sets that `look` does not yet (nearer styles come first). */
export function fillLook(look: StyleLook, own: StyleLook | undefined): void {
  if (!own) return;
  for (const key of LOOK_KEYS) if (look[key] === undefined && own[key] !== undefined) (look as Record<string, unknown>)[key] = own[key];
}

/** The parts of a run's look a style's `w:rPr` sets. */
function styleLook(rPr: XmlElement | undefined, linkStyle: boolean): StyleLook | undefined {
  if (!rPr) return undefined;
  const look: StyleLook = {};
  if (child(rPr, 'w:b')) look.bold = isOn(child(rPr, 'w:b'));
  if (child(rPr, 'w:i')) look.italic = isOn(child(rPr, 'w:i'));
  if (child(rPr, 'w:strike') || child(rPr, 'w:dstrike')) look.strike = isOn(child(rPr, 'w:strike')) || isOn(child(rPr, 'w:dstrike'));
  // The Hyperlink styles underline and colour text to show a link, not to make words conspicuous.
  if (child(rPr, 'w:u') && !linkStyle) look.underline = isOn(child(rPr, 'w:u'));
  if (child(rPr, 'w:color') && !linkStyle) look.color = textColorOf(childVal(rPr, 'w:color')) ?? null;
  if (child(rPr, 'w:highlight')) look.highlight = highlightName(childVal(rPr, 'w:highlight')) ?? null;
  const size = pointsOfHalfPoints(childVal(rPr, 'w:sz'));
  if (size !== undefined) look.size = size;
  return look;
}

/** `<w:b/>` is on; `<w:b w:val="0"/>` (or false/off) is off. */
export function isOn(el: XmlElement | undefined): boolean {
  return el !== undefined && !/^(0|false|off|none)$/.test(el.attrs['w:val'] ?? '');
}

export class Styles {
  private readonly byId = new Map<string, Style>();
  private readonly paragraphLooks = new Map<string, StyleLook>();
  /** Id of the default paragraph style (`w:default` on a paragraph style), the style of a paragraph naming none. */
  readonly defaultParagraph: string | undefined;
  /** Type size of the document defaults (`w:docDefaults`), in points. */
  private readonly defaultSize: number | undefined;

  constructor(root?: XmlElement) {
    let defaultParagraph: string | undefined;
    for (const s of root ? elements(root, 'w:style') : []) {
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      if (defaultParagraph === undefined && s.attrs['w:type'] === 'paragraph' && /^(1|true|on)$/.test(s.attrs['w:default'] ?? '')) defaultParagraph = id;
      const pPr = child(s, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const style: Style = { name: (childVal(s, 'w:name') ?? id).toLowerCase() };
      const basedOn = childVal(s, 'w:basedOn');
      if (basedOn) style.basedOn = basedOn;
      const outline = childVal(pPr, 'w:outlineLvl');
      if (outline !== undefined) style.outlineLvl = Number(outline);
      if (numPr) style.numPr = readNumPr(numPr);
      const type = s.attrs['w:type'];
      if (type === 'character' || type === 'paragraph') style.look = styleLook(child(s, 'w:rPr'), LINK_STYLE.test(style.name));
      this.byId.set(id, style);
    }
    this.defaultParagraph = defaultParagraph;
    this.defaultSize = pointsOfHalfPoints(childVal(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'), 'w:sz'));
  }

  /** Outline level 1–9 of a heading style, 0 for the Title style, undefined for body text. */
  headingLevel(styleId: string | undefined): number | undefined {
    if (!styleId) return undefined;
    for (const style of this.chain(styleId)) {
      const named = style.name.match(/^heading\s*(\d)$/);
      if (named) return Number(named[1]);
      if (style.name === 'title') return 0;
      if (style.outlineLvl !== undefined) return style.outlineLvl < 9 ? style.outlineLvl + 1 : undefined;
    }
    // Styles part missing or style undefined: Word's built-in ids.
    if (!this.byId.has(styleId)) {
      const m = styleId.match(/^heading\s*(\d)$/i);
      if (m) return Number(m[1]);
      if (/^title$/i.test(styleId)) return 0;
    }
    return undefined;
  }

  /** Numbering a paragraph style carries (List Number, numbered headings…). */
  numbering(styleId: string | undefined): Partial<NumRef> | undefined {
    if (!styleId) return undefined;
    let found: Partial<NumRef> | undefined;
    for (const style of this.chain(styleId)) {
      if (!style.numPr) continue;
      found = { ...style.numPr, ...found }; // nearer styles win field by field
      if (found.numId !== undefined && found.ilvl !== undefined) break;
    }
    return found;
  }

  /**
   * The look a character style gives a run (nearest style in the `basedOn`
   * chain that sets each part wins); a part is undefined where none sets it.
   * Paragraph styles are not consulted: a heading bold by its style would
   * otherwise read as emphasis that a Markdown heading never has.
   */
  characterLook(styleId: string | undefined): StyleLook {
    const look: StyleLook = {};
    if (!styleId) return look;
    for (const { look: own } of this.chain(styleId)) {
      fillLook(look, own);
      if (look.size === undefined && own?.size !== undefined) look.size = own.size;
    }
    return look;
  }

  /**
   * The type size, in points, of a paragraph's text that sets none itself: from
   * its style's chain, the default paragraph style's when it names none, else
   * the document defaults. A run's size counts as formatting only where it
   * differs from this: a paragraph style's size is the paragraph's kind of
   * text (a table's, a schedule's), not emphasis of some of its words.
   */
  baseSize(styleId: string | undefined): number | undefined {
    const id = styleId ?? this.defaultParagraph;
    for (const style of id ? this.chain(id) : []) if (style.look?.size !== undefined) return style.look.size;
    return this.defaultSize;
  }

  /**
   * The look a body paragraph's style gives its runs (but its size: see
   * baseSize), below what runs' own styles and formatting set: the parts set by the style and its `basedOn`
   * chain up to, not including, the default paragraph style. The default
   * style and the document defaults are the document's base look, not
   * emphasis (or every paragraph of a house template in dark grey would
   * differ from the same words in Markdown); a heading's look is its level.
   */
  paragraphLook(styleId: string | undefined): StyleLook | undefined {
    if (!styleId || styleId === this.defaultParagraph || this.headingLevel(styleId) !== undefined) return undefined;
    let look = this.paragraphLooks.get(styleId);
    if (look === undefined) {
      look = {};
      for (const style of this.chain(styleId, this.defaultParagraph)) fillLook(look, style.look);
      this.paragraphLooks.set(styleId, look);
    }
    return look;
  }

  /** The style and its `basedOn` ancestors, nearest first, cycles cut; up to `stopAt`, not including it. */
  private *chain(styleId: string, stopAt?: string): Generator<Style> {
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id) && id !== stopAt; ) {
      seen.add(id);
      const style = this.byId.get(id);
      if (!style) return;
      yield style;
      id = style.basedOn;
    }
  }
}

/** `<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>` → fields present. */
export function readNumPr(numPr: XmlElement): Partial<NumRef> {
  const out: Partial<NumRef> = {};
  const numId = childVal(numPr, 'w:numId');
  const ilvl = childVal(numPr, 'w:ilvl');
  if (numId !== undefined) out.numId = numId;
  if (ilvl !== undefined) out.ilvl = Number(ilvl) || 0;
  return out;
}
