/**
 * Reviewers' comments (and, for the DOCX, bookmarks) placed among a
 * paragraph's spans, for every redline writer: each span is cut where a
 * range starts or ends, and the range's edges come between the pieces.
 *
 * A comment's offsets count in its own side's text (ours: kept and deleted
 * spans; theirs: kept and inserted), so it is placed only among the spans
 * that side has. An end is placed as early as it can be (before a deletion
 * that follows it, for theirs), a start as late (after a deletion that
 * precedes theirs), so a range never takes in text its side does not have.
 */
import type { Comment } from '../../model/nodes.js';
import type { RedlineComment, Span } from '../../redline/types.js';

export type Anchored = { span: Span } | { comment: RedlineComment; edge: 'start' | 'end' };

/** A stretch of one side's text: a comment's range, a bookmark's. */
interface Range {
  side: 'ours' | 'theirs';
  at: number;
  length: number;
}

export type AnchoredRange<R extends Range> = { span: Span } | { range: R; edge: 'start' | 'end' };

interface Edge<R extends Range> {
  range: R;
  edge: 'start' | 'end';
  at: number;
}

/**
 * Spans and comment edges in reading order.
 * @example
 *   anchorComments([{ kind: 'kept', text: 'Fees are due.' }], [{ side: 'theirs', at: 0, length: 4, text: 'Which fees?' }])
 *   // [start, { span: 'Fees' }, end, { span: ' are due.' }]
 */
export function anchorComments(spans: readonly Span[], comments: readonly RedlineComment[] | undefined): Anchored[] {
  return anchorRanges(spans, comments).map((item) => ('span' in item ? item : { comment: item.range, edge: item.edge }));
}

/** Spans and the edges of ranges (comments, bookmarks) in reading order, as anchorComments. */
export function anchorRanges<R extends Range>(spans: readonly Span[], ranges: readonly R[] | undefined): Array<AnchoredRange<R>> {
  if (!ranges || ranges.length === 0) return spans.map((span) => ({ span }));
  const pending = new Map<'ours' | 'theirs', Array<Edge<R>>>([
    ['ours', []],
    ['theirs', []],
  ]);
  for (const range of ranges) {
    pending.get(range.side)!.push({ range, edge: 'start', at: range.at }, { range, edge: 'end', at: range.at + range.length });
  }
  const opened = new Set<R>();
  const out: Array<AnchoredRange<R>> = [];
  const emit = (e: Edge<R>, list: Array<Edge<R>>) => {
    list.splice(list.indexOf(e), 1);
    out.push({ range: e.range, edge: e.edge });
    if (e.edge === 'start') opened.add(e.range);
  };
  /** Edges of `side` due at `offset`: ends of open ranges first, then starts (a point comment closes at once). */
  const edgesAt = (side: 'ours' | 'theirs', offset: number, starts: boolean, ends: boolean) => {
    const list = pending.get(side)!;
    if (ends) for (const e of list.filter((x) => x.edge === 'end' && x.at <= offset && opened.has(x.range))) emit(e, list);
    if (!starts) return;
    for (const e of list.filter((x) => x.edge === 'start' && x.at <= offset)) {
      emit(e, list);
      const end = list.find((x) => x.edge === 'end' && x.range === e.range);
      if (end && end.at <= offset) emit(end, list);
    }
  };
  let ours = 0;
  let theirs = 0;
  for (const span of spans) {
    const side = span.kind === 'deleted' ? 'ours' : span.kind === 'inserted' ? 'theirs' : undefined;
    const sidesOf: Array<'ours' | 'theirs'> = side ? [side] : ['ours', 'theirs'];
    const base = { ours, theirs };
    // Cut points inside this span (relative), where some edge of a side it has falls.
    const cuts = new Set<number>([0]);
    for (const s of sidesOf) {
      for (const e of pending.get(s)!) {
        const rel = e.at - base[s];
        if (rel > 0 && rel < span.text.length) cuts.add(rel);
      }
    }
    const points = [...cuts].sort((x, y) => x - y);
    points.forEach((cut, k) => {
      // At the span's start only starts are due: an end there belonged to the span before.
      for (const s of sidesOf) edgesAt(s, base[s] + cut, true, cut > 0);
      const next = points[k + 1] ?? span.text.length;
      if (next > cut) out.push({ span: { kind: span.kind, text: span.text.slice(cut, next) } });
    });
    // Ends that fall on this span's end close here, before whatever follows.
    for (const s of sidesOf) edgesAt(s, base[s] + span.text.length, false, true);
    if (span.kind !== 'inserted') ours += span.text.length;
    if (span.kind !== 'deleted') theirs += span.text.length;
  }
  // Ranges at the very end, or past it (offsets are clamped by the reader, but be safe).
  for (const s of ['ours', 'theirs'] as const) edgesAt(s, Infinity, true, true);
  return out;
}

/** The text each side's comments are anchored on, for writers that quote it. */
export function anchorText(spans: readonly Span[], comment: RedlineComment): string {
  const side = spans
    .filter((s) => s.kind === 'kept' || s.kind === (comment.side === 'ours' ? 'deleted' : 'inserted'))
    .map((s) => s.text)
    .join('');
  return side.slice(comment.at, comment.at + comment.length);
}

/** Who and when, for writers that print comments as notes: "Jane Roe, 2026-11-20". */
export function commentByline(comment: Comment, side: 'ours' | 'theirs'): string {
  const who = comment.author || (side === 'theirs' ? 'their reviewer' : 'our reviewer');
  const day = comment.date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(comment.date) ? `, ${comment.date.slice(0, 10)}` : '';
  return who + day;
}

/** A quoted anchor, shortened: comments on long stretches quote their start. */
export function quotedAnchor(spans: readonly Span[], comment: RedlineComment): string {
  const words = anchorText(spans, comment).replace(/\s+/g, ' ').trim();
  if (!words) return '';
  return `\u201C${words.length > 60 ? `${words.slice(0, 58).trimEnd()}…` : words}\u201D`;
}
