/**
 * Character formatting the redline compares: one place that says what makes
 * two stretches look the same, so the model walk (units.ts), the restyle walk
 * and the writers agree.
 */
import type { Format } from './types.js';

/** Same bold, italic, underline, strikethrough, highlight, colour, size, link and field: what shows or works, and is compared. */
export function sameLook(x: Format, y: Format): boolean {
  return (
    !!x.bold === !!y.bold &&
    !!x.italic === !!y.italic &&
    !!x.underline === !!y.underline &&
    !!x.strike === !!y.strike &&
    x.highlight === y.highlight &&
    x.color === y.color &&
    x.size === y.size &&
    x.link === y.link &&
    x.field === y.field
  );
}

/** The same look, both a note reference of one kind or neither, and the same jump (anchor), if any. */
export function sameFormat(x: Format, y: Format): boolean {
  return x.note === y.note && x.anchor === y.anchor && sameLook(x, y);
}

/** The parts of `look` that are set, as a Format of its own (a style run without its end). */
export function formatOf(look: Format): Format {
  const format: Format = {};
  if (look.bold) format.bold = true;
  if (look.italic) format.italic = true;
  if (look.underline) format.underline = true;
  if (look.strike) format.strike = true;
  if (look.highlight !== undefined) format.highlight = look.highlight;
  if (look.color !== undefined) format.color = look.color;
  if (look.size !== undefined) format.size = look.size;
  if (look.link !== undefined) format.link = look.link;
  if (look.field !== undefined) format.field = look.field;
  if (look.anchor !== undefined) format.anchor = look.anchor;
  if (look.note !== undefined) format.note = look.note;
  return format;
}

/** Nothing set: plain text outside any link and field. */
export function isPlain(look: Format): boolean {
  return !look.bold && !look.italic && !look.underline && !look.strike && look.highlight === undefined && look.color === undefined && look.size === undefined && look.link === undefined && look.field === undefined && look.anchor === undefined && look.note === undefined;
}
