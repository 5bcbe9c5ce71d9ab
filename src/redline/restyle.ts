/**
 * Formatting-only changes: text both sides keep word for word but with other
 * bold, italic, underline, strikethrough, highlight, colour or size, linked to another target, or
 * turned from a Word field into plain text (or back). Counsel must see
 * these — un-bolding or un-underlining an exclusion of liability changes
 * whether it was "brought to the attention" of the other party (PRC Civil
 * Code art. 496; 以显著方式提请注意, Consumer Rights Protection Law art. 26), and pointing "our
 * privacy policy" at another page changes what is incorporated, although not a
 * word changed.
 *
 * Whitespace carries no visible formatting, so stretches are trimmed to their
 * visible characters and whitespace-only stretches are not reported.
 */
import type { Format, Restyle, Span, StyleRun } from './types.js';
import { formatOf, sameFormat, sameLook } from './format.js';
import { isSpace } from './units.js';

const PLAIN: Format = {};

/** Format of the character at an offset of a side formatted by `runs`; offsets asked for only grow. */
class FormatCursor {
  private k = 0;
  private readonly formats: Format[];
  constructor(private readonly runs: readonly StyleRun[]) {
    this.formats = runs.map(formatOf);
  }

  at(offset: number): Format {
    while (this.k < this.runs.length && this.runs[this.k]!.end <= offset) this.k++;
    return this.formats[this.k] ?? PLAIN;
  }
}

/**
 * Restyled stretches of a paragraph pair, given the spans that turn our text
 * into theirs, their text, and each side's style runs. Kept text may differ
 * from theirs in whitespace (the diff keeps a whitespace swap, and the pieces
 * of text either side of an insertion share its spaces), so the walk keeps
 * both sides in step by their visible characters alone: each one of ours that
 * is kept, and each one inserted, is the next visible character of theirs.
 * With `formatting: false` only links and fields are compared (a link or a field is content; bold is look).
 * @example restyles([{ kind: 'kept', text: 'No warranty.' }], 'No warranty.', [{ end: 12, bold: true }], [])
 *   // [{ start: 0, end: 12, text: 'No warranty.', ours: { bold: true }, theirs: {} }]
 */
export function restyles(
  spans: readonly Span[],
  theirsText: string,
  ours: readonly StyleRun[] = [],
  theirs: readonly StyleRun[] = [],
  options: { formatting?: boolean } = {},
): Restyle[] {
  if (ours.length === 0 && theirs.length === 0) return [];
  // A note reference's mark is written as a reference, not as formatted text: never restyled.
  const differ =
    options.formatting === false
      ? (x: Format, y: Format) => x.note === undefined && y.note === undefined && (x.link !== y.link || x.field !== y.field)
      : (x: Format, y: Format) => x.note === undefined && y.note === undefined && !sameLook(x, y);
  const a = new FormatCursor(ours);
  const b = new FormatCursor(theirs);
  let oursText = '';
  const pieces: Restyle[] = [];
  /**
   * Our offsets of spaces whose link or field changed: inside a link a space
   * shows (its underline), and inside a field it is part of the result, so it
   * goes with the words.
   */
  const linkedSpaces = new Set<number>();
  const record = (at: number, x: Format, y: Format) => {
    const last = pieces[pieces.length - 1];
    if (last && last.end === at && sameFormat(last.ours, x) && sameFormat(last.theirs, y)) last.end++;
    else pieces.push({ start: at, end: at + 1, text: '', ours: x, theirs: y });
  };
  let t = 0;
  /** Step their side to the visible character `c`; false when out of step. */
  const step = (c: string): boolean => {
    while (isSpace(theirsText[t])) t++;
    return theirsText[t] === c;
  };
  for (const span of spans) {
    if (span.kind === 'inserted') {
      // By UTF-16 unit, as the kept walk below and the offsets count.
      for (let k = 0; k < span.text.length; k++) {
        const c = span.text[k]!;
        if (isSpace(c)) continue;
        if (!step(c)) return merge(pieces, oursText, linkedSpaces); // out of step: report what is sure
        t++;
      }
      continue;
    }
    const o = oursText.length;
    oursText += span.text;
    if (span.kind === 'deleted') continue;
    const text = span.text;
    for (let k = 0; k < text.length; k++) {
      if (isSpace(text[k])) {
        // A space shows no bold or italic, only a link, and is part of a field: paired with one of theirs, those are compared.
        if (isSpace(theirsText[t])) {
          const x = a.at(o + k);
          const y = b.at(t);
          t++;
          if (x.link !== y.link || x.field !== y.field) {
            linkedSpaces.add(o + k);
            record(o + k, x, y);
          }
        }
        continue;
      }
      if (!step(text[k]!)) return merge(pieces, oursText, linkedSpaces);
      const x = a.at(o + k);
      const y = b.at(t);
      if (differ(x, y)) record(o + k, x, y);
      t++;
    }
  }
  return merge(pieces, oursText, linkedSpaces);
}

/** Join neighbours with the same change across whitespace; trim each to what shows (its visible text and relinked spaces); drop blank ones. */
function merge(pieces: readonly Restyle[], oursText: string, linkedSpaces: ReadonlySet<number>): Restyle[] {
  const out: Restyle[] = [];
  const shows = (at: number) => !isSpace(oursText[at]) || linkedSpaces.has(at);
  for (const piece of pieces) {
    let visible = false;
    for (let at = piece.start; at < piece.end && !visible; at++) visible = shows(at);
    if (!visible) continue;
    const last = out[out.length - 1];
    if (last && sameFormat(last.ours, piece.ours) && sameFormat(last.theirs, piece.theirs) && !oursText.slice(last.end, piece.start).trim()) last.end = piece.end;
    else out.push({ ...piece });
  }
  for (const r of out) {
    while (!shows(r.start)) r.start++;
    while (!shows(r.end - 1)) r.end--;
    r.text = oursText.slice(r.start, r.end);
  }
  return out;
}
