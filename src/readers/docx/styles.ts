/**
 * `word/styles.xml` → what the reader needs from styles: of paragraph styles
 * the heading level, title, and numbering; of character styles bold,
 * italic and underline; each inherited through `w:basedOn` (ECMA-376 Part 1, §17.7.4 style,
 * §17.7.4.3 basedOn, §17.3.1.20 outlineLvl, §17.7.9 run styles).
 */
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
  /** A character style's own bold, italic and underline, where it sets them. */
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Names (lower case) of the character styles Word gives links. */
const LINK_STYLE = /^(followed)?\s?hyperlink$/;

/** `<w:b/>` is on; `<w:b w:val="0"/>` (or false/off) is off. */
export function isOn(el: XmlElement | undefined): boolean {
  return el !== undefined && !/^(0|false|off|none)$/.test(el.attrs['w:val'] ?? '');
}

export class Styles {
  private readonly byId = new Map<string, Style>();
  /** Id of the default paragraph style (`w:default` on a paragraph style), the style of a paragraph naming none. */
  readonly defaultParagraph: string | undefined;

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
      if (s.attrs['w:type'] === 'character') {
        const rPr = child(s, 'w:rPr');
        if (child(rPr, 'w:b')) style.bold = isOn(child(rPr, 'w:b'));
        if (child(rPr, 'w:i')) style.italic = isOn(child(rPr, 'w:i'));
        // The Hyperlink styles underline to show a link, not to make words conspicuous.
        if (child(rPr, 'w:u') && !LINK_STYLE.test(style.name)) style.underline = isOn(child(rPr, 'w:u'));
      }
      this.byId.set(id, style);
    }
    this.defaultParagraph = defaultParagraph;
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
   * Bold and italic a character style gives a run (nearest style in the
   * `basedOn` chain that sets each wins); undefined where none sets it.
   * Paragraph styles are not consulted: a heading bold by its style would
   * otherwise read as emphasis that a Markdown heading never has.
   */
  characterLook(styleId: string | undefined): { bold?: boolean; italic?: boolean; underline?: boolean } {
    const look: { bold?: boolean; italic?: boolean; underline?: boolean } = {};
    if (!styleId) return look;
    for (const style of this.chain(styleId)) {
      if (look.bold === undefined && style.bold !== undefined) look.bold = style.bold;
      if (look.italic === undefined && style.italic !== undefined) look.italic = style.italic;
      if (look.underline === undefined && style.underline !== undefined) look.underline = style.underline;
    }
    return look;
  }

  /** The style and its `basedOn` ancestors, nearest first, cycles cut. */
  private *chain(styleId: string): Generator<Style> {
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id); ) {
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
