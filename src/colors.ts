/**
 * Text colours and highlighter colours as every reader and writer spells
 * them: a highlight is one of Word's named highlighter colours (ECMA-376
 * Part 1, §17.18.40 ST_HighlightColor), a text colour six upper-case hex
 * digits (§17.18.38 ST_HexColor). Readers normalise through here, so the
 * same look read from DOCX or from Markdown compares equal.
 */

/** Word's highlighter colours and the RGB each shows as (as Word draws them). */
export const HIGHLIGHT_RGB: Readonly<Record<string, string>> = {
  yellow: 'FFFF00',
  green: '00FF00',
  cyan: '00FFFF',
  magenta: 'FF00FF',
  blue: '0000FF',
  red: 'FF0000',
  darkBlue: '000080',
  darkCyan: '008080',
  darkGreen: '008000',
  darkMagenta: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0',
  black: '000000',
  white: 'FFFFFF',
};

/** The highlight a marker without a colour of its own (Markdown's `<mark>`) gives. */
export const DEFAULT_HIGHLIGHT = 'yellow';

const HIGHLIGHT_BY_LOWER = new Map(Object.keys(HIGHLIGHT_RGB).map((name) => [name.toLowerCase(), name]));
const HIGHLIGHT_BY_RGB = new Map(Object.entries(HIGHLIGHT_RGB).map(([name, rgb]) => [rgb, name]));

/** A `w:highlight` value as Word's name ('yellow'), or undefined for none or a value Word does not define. */
export function highlightName(value: string | undefined): string | undefined {
  return value === undefined ? undefined : HIGHLIGHT_BY_LOWER.get(value.toLowerCase());
}

/** The highlighter colour drawn as `rgb` (six hex digits), or the default highlight for any other. */
export function highlightOfRgb(rgb: string): string {
  return HIGHLIGHT_BY_RGB.get(rgb.toUpperCase()) ?? DEFAULT_HIGHLIGHT;
}

/**
 * A `w:color` value (or CSS `#rrggbb`) as six upper-case hex digits, or
 * undefined for the automatic colour. Black is read as automatic: both print
 * black, and drafts converted from PDF set black on every run, which must not
 * read as a colour change against the same words in automatic colour.
 */
export function textColorOf(value: string | undefined): string | undefined {
  const hex = /^#?([0-9a-f]{6})$/i.exec(value?.trim() ?? '')?.[1]?.toUpperCase();
  return hex === undefined || hex === '000000' ? undefined : hex;
}
