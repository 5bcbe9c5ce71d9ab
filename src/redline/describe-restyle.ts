/**
 * A formatting-only change named for a reader ("bold removed, made italic",
 * "link changed from … to …"): the HTML tooltip, the CriticMarkup comment and
 * the warning about a header or footer whose kept words changed their look.
 */
import { fieldLabel } from '../field-codes.js';
import type { Format } from './types.js';

function change(name: string, ours: boolean | undefined, theirs: boolean | undefined, made = `made ${name}`): string | undefined {
  if (!!ours === !!theirs) return undefined;
  return theirs ? made : `${name} removed`;
}

const hexOf = (color: string | undefined) => (color === undefined ? undefined : `#${color}`);
const ptOf = (points: number | undefined) => (points === undefined ? undefined : `${points} pt`);
/** A formatting part with a value (a highlight's colour, a text colour, a link's target): set, removed or changed. */
function valueChange(
  name: string,
  ours: string | undefined,
  theirs: string | undefined,
  made: (value: string) => string,
  removed: (value: string) => string,
): string | undefined {
  if (ours === theirs) return undefined;
  if (ours === undefined) return made(theirs!);
  return theirs === undefined ? removed(ours) : `${name} changed from ${ours} to ${theirs}`;
}

/** What happened to the formatting, for a tooltip or comment: "bold removed, made italic". */
export function describeRestyle(r: { ours: Format; theirs: Format }): string {
  return [
    change('bold', r.ours.bold, r.theirs.bold),
    change('italic', r.ours.italic, r.theirs.italic),
    change('underline', r.ours.underline, r.theirs.underline, 'underlined'),
    change('strikethrough', r.ours.strike, r.theirs.strike, 'struck through'),
    valueChange('highlight', r.ours.highlight, r.theirs.highlight, (c) => `highlighted ${c}`, (c) => `${c} highlight removed`),
    valueChange('colour', hexOf(r.ours.color), hexOf(r.theirs.color), (c) => `coloured ${c}`, (c) => `colour ${c} removed`),
    valueChange('size', ptOf(r.ours.size), ptOf(r.theirs.size), (s) => `set in ${s}`, (s) => `${s} size removed`),
    valueChange('link', r.ours.link, r.theirs.link, (to) => `linked to ${to}`, (to) => `link to ${to} removed`),
    valueChange('field', r.ours.field, r.theirs.field, (code) => `made a ${fieldLabel(code)}`, (code) => `${fieldLabel(code)} replaced by its text`),
  ]
    .filter(Boolean)
    .join(', ');
}
