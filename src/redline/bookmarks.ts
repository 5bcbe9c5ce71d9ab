/**
 * Bookmarks in the redline: the places REF fields name, carried from each
 * side's paragraphs (units.ts reads them from the model's bookmark marks) so
 * the DOCX can write those fields as fields. Carried, never compared.
 *
 * Bookmarks are not tracked changes, and a name is written once. On kept
 * text of a paragraph that stays in place on both sides (unchanged or
 * edited), a bookmark survives accept-all and reject-all alike: ours is
 * written there (the redline is our document with their changes), else
 * theirs. A bookmark only on text that comes, goes or moves (a paragraph
 * added, removed or moved, or only its deleted or inserted words) is written
 * where their text has it, so their REF fields find it after accept-all;
 * rejecting then leaves a REF of ours without its place (Word would show its
 * error text when updating that field), which no single placement avoids.
 */
import { pairAnchored } from './comments.js';
import type { Para } from './units.js';
import type { AnchoredBookmark, ClauseRedline, ParagraphRedline, RedlineBookmark } from './types.js';

export function sideBookmarks(bookmarks: readonly AnchoredBookmark[], side: 'ours' | 'theirs'): RedlineBookmark[] {
  return bookmarks.map((b) => ({ side, ...b }));
}

/** Both sides' bookmarks on a paragraph pair, ours first (pairAnchored). */
export function pairBookmarks(out: ParagraphRedline, a: Para, b: Para, shown?: string): void {
  if (!a.bookmarks && !b.bookmarks) return;
  const all = pairAnchored(a.bookmarks, b.bookmarks, b.text, shown);
  if (all.length > 0) out.bookmarks = all;
}

/** A paragraph both sides have in place: its text is there whatever is accepted or rejected. */
const inPlace = (clause: ClauseRedline, p: ParagraphRedline) => !clause.move && !p.move && (p.status === 'unchanged' || p.status === 'changed');

/**
 * Whether a bookmark's range takes in kept text (or, on a point, touches it):
 * Word drops a bookmark whose whole range is deleted, so one only on our
 * deleted words would be gone after accept-all.
 */
function onKeptText(p: ParagraphRedline, b: RedlineBookmark): boolean {
  let at = 0;
  for (const span of p.spans) {
    if (span.kind === (b.side === 'ours' ? 'inserted' : 'deleted')) continue;
    const end = at + span.text.length;
    if (span.kind === 'kept' && (b.length === 0 ? b.at >= at && b.at <= end : b.at < end && b.at + b.length > at)) return true;
    at = end;
  }
  return false;
}

/** Keep each name once, in order of preference: on kept text of a paragraph in place (ours, then theirs), then theirs, then ours. */
export function uniqueBookmarks(clauses: readonly ClauseRedline[]): void {
  const kept = new Map<string, RedlineBookmark>();
  const pick = (wanted: (clause: ClauseRedline, p: ParagraphRedline, b: RedlineBookmark) => boolean) => {
    for (const clause of clauses) {
      for (const p of clause.paragraphs) for (const b of p.bookmarks ?? []) if (!kept.has(b.name) && wanted(clause, p, b)) kept.set(b.name, b);
    }
  };
  pick((c, p, b) => b.side === 'ours' && inPlace(c, p) && onKeptText(p, b));
  pick((c, p, b) => b.side === 'theirs' && inPlace(c, p) && onKeptText(p, b));
  pick((_, __, b) => b.side === 'theirs');
  pick(() => true);
  const chosen = new Set(kept.values());
  for (const clause of clauses) {
    for (const p of clause.paragraphs) {
      if (!p.bookmarks) continue;
      const left = p.bookmarks.filter((b) => chosen.has(b));
      if (left.length > 0) p.bookmarks = left;
      else delete p.bookmarks;
    }
  }
}
