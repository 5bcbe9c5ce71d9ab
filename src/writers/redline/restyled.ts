/**
 * Helpers every redline writer uses for formatting-only changes (restyled
 * kept text): cutting a kept span at the restyled stretches. Naming the change
 * for a reader ("bold removed") is redline/describe-restyle.ts, which the
 * header and footer warnings use too.
 */
import type { Format, RedlineComment, Restyle, Span, StyleRun } from '../../redline/types.js';
import { anchorComments } from './comments.js';

export interface KeptPiece {
  text: string;
  /** Set when this piece's bold, italic, underline, strikethrough, highlight, colour, size or link changed. */
  restyle?: Restyle;
}

/**
 * A kept span starting at `offset` of our text, cut where restyled stretches begin and end.
 * @example splitKept('No warranty here', 0, [{ start: 3, end: 11, … }]) // ['No ', 'warranty' (restyled), ' here']
 */
export function splitKept(text: string, offset: number, restyled: readonly Restyle[] | undefined): KeptPiece[] {
  if (!restyled || restyled.length === 0) return [{ text }];
  const out: KeptPiece[] = [];
  let at = 0;
  for (const restyle of restyled) {
    const start = Math.max(at, restyle.start - offset);
    const end = Math.min(text.length, restyle.end - offset);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, end), restyle });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Where a reader of a page goes from the text: its link's target, or "#name" for a jump inside the document. */
export function linkTarget(look: Format): string | undefined {
  return look.link ?? (look.anchor !== undefined ? `#${look.anchor}` : undefined);
}

/**
 * The style runs of `length` characters from `start` (to the end without a
 * length), counting from there: a table cell's part of its row's runs, a
 * note's runs without its label.
 */
export function runsWithin(runs: readonly StyleRun[] | undefined, start: number, length = Infinity): StyleRun[] | undefined {
  if (!runs) return undefined;
  const out: StyleRun[] = [];
  for (const run of runs) {
    if (run.end <= start) continue;
    out.push({ ...run, end: Math.min(run.end, start + length) - start });
    if (run.end >= start + length) break;
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Text starting at `offset` of a side formatted by `runs`, cut where its look
 * (bold, italic, underline, strikethrough, highlight, colour, size, link) changes.
 * @example lookPieces('No warranty here', 0, [{ end: 11, bold: true }]) // [{ 'No warranty', bold }, { ' here', plain }]
 */
export function lookPieces(text: string, offset: number, runs: readonly StyleRun[] | undefined): Array<{ text: string; look: Format }> {
  if (!runs || runs.length === 0) return [{ text, look: {} }];
  const out: Array<{ text: string; look: Format }> = [];
  let at = 0;
  for (const run of runs) {
    const end = run.end - offset;
    if (end <= at) continue;
    const piece = text.slice(at, end);
    if (piece) out.push({ text: piece, look: run });
    at = end;
    if (at >= text.length) break;
  }
  if (at < text.length) out.push({ text: text.slice(at), look: {} });
  return out;
}

/** How one text format writes each kind of span; `look` is the text's bold, italic, underline, strikethrough, highlight, colour, size and link. */
export interface SpanMarkup {
  kept(text: string, look: Format): string;
  restyled(text: string, restyle: Restyle): string;
  inserted(text: string, look: Format): string;
  deleted(text: string, look: Format): string;
}

/** How one text format shows reviewers' comments among the spans. */
export interface CommentMarkup {
  /** Text inside one or more comments' ranges (each piece apart, so it never straddles an insertion). */
  within(text: string): string;
  /** Where a comment's range ends. */
  end(comment: RedlineComment): string;
}

/**
 * A paragraph's spans in one markup, kept text cut at its restyled stretches
 * (whose offsets count our text: kept and deleted spans), and every stretch at
 * changes of look when the sides' style runs are given, and comments' ranges
 * marked when `comments` are given.
 */
export function markSpans(
  spans: readonly Span[],
  restyled: readonly Restyle[] | undefined,
  markup: SpanMarkup,
  styles?: { ours?: readonly StyleRun[]; theirs?: readonly StyleRun[] },
  comments?: { list: readonly RedlineComment[] | undefined; markup: CommentMarkup },
): string {
  let ours = 0;
  let theirs = 0;
  let out = '';
  let open = 0;
  const emit = (text: string) => (open > 0 && comments ? comments.markup.within(text) : text);
  for (const item of anchorComments(spans, comments?.list)) {
    if (!('span' in item)) {
      if (item.edge === 'start') open++;
      else {
        open--;
        out += comments!.markup.end(item.comment);
      }
      continue;
    }
    const { span } = item;
    if (span.kind === 'kept') {
      let at = ours;
      for (const piece of splitKept(span.text, ours, restyled)) {
        if (piece.restyle) out += emit(markup.restyled(piece.text, piece.restyle));
        else for (const p of lookPieces(piece.text, at, styles?.ours)) out += emit(markup.kept(p.text, p.look));
        at += piece.text.length;
      }
    } else if (span.kind === 'inserted') for (const p of lookPieces(span.text, theirs, styles?.theirs)) out += emit(markup.inserted(p.text, p.look));
    else for (const p of lookPieces(span.text, ours, styles?.ours)) out += emit(markup.deleted(p.text, p.look));
    if (span.kind !== 'inserted') ours += span.text.length;
    if (span.kind !== 'deleted') theirs += span.text.length;
  }
  return out;
}
