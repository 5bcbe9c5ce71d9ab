/**
 * The inline HTML both the HTML and the Markdown writers give a highlight,
 * a text colour and a type size (Markdown has no syntax for either; CommonMark passes
 * inline HTML through), as the Markdown reader reads them back.
 */
import { DEFAULT_HIGHLIGHT, HIGHLIGHT_RGB, textColorOf } from '../colors.js';
import { validPoints } from '../font-size.js';

/** `<mark>` for the default highlight, else with the highlighter's colour as its background. */
export function markTag(color: string, inner: string): string {
  const rgb = HIGHLIGHT_RGB[color];
  return color === DEFAULT_HIGHLIGHT || rgb === undefined ? `<mark>${inner}</mark>` : `<mark style="background-color: #${rgb}">${inner}</mark>`;
}

/** Text in a colour (six hex digits); anything else is not written into a tag, only the text. */
export function colorTag(color: string, inner: string): string {
  const hex = textColorOf(color);
  return hex === undefined ? inner : `<span style="color: #${hex}">${inner}</span>`;
}

/** Text in a type size (points); a size Word cannot set is not written, only the text. */
export function sizeTag(points: number, inner: string): string {
  const size = validPoints(points);
  return size === undefined ? inner : `<span style="font-size: ${size}pt">${inner}</span>`;
}
