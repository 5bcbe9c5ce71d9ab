/**
 * Bookmarks in the redline: the places REF fields name, carried from each
 * side's paragraphs (units.ts reads them from the model's bookmark marks) so
 * the DOCX can write those fields as fields. Carried, never compared.
 *
 * Bookmarks are not tracked changes, and a name is written once. Where a
 * paragraph stays in place on both sides (unchanged or edited), its bookmark
 * survives accept-all and reject-all alike: ours is written there (the
 * redline is our document with their changes), else theirs. A bookmark only
 * in text that comes, goes or moves is written where their text has it, so
 * their REF fields find it after accept-all; rejecting such a move leaves a
 * REF of ours without its place (Word would show its error text when
 * updating that field), which no single placement can avoid.
 */
import { pairAnchored } from './comments.js';
import type { Para } from './units.js';
import type { AnchoredBookmark, ClauseRedline, ParagraphRedline, RedlineBookmark } from './types.js';

export function sideBookmarks(bookmarks: readonly AnchoredBookmark[], side: 'ours' | 'theirs'): RedlineBookmark[] {
  return bookmarks.map((b) => ({ side, ...b }));
}

/** Both sides' bookmarks on a paragraph pair, ours first (pairAnchored). */
export function pairBookmarks(out: ParagraphRedline, a: Para, b: Para, shown?: string): void {
  const all = pairAnchored(a.bookmarks, b.bookmarks, b.text, shown);
  if (all.length > 0) out.bookmarks = all;
}

/** A paragraph both sides have in place: its text is there whatever is accepted or rejected. */
const inPlace = (clause: ClauseRedline, p: ParagraphRedline) => !clause.move && !p.move && (p.status === 'unchanged' || p.status === 'changed');

/** Keep each name once, in order of preference: in place (ours, then theirs), then theirs, then ours. */
export function uniqueBookmarks(clauses: readonly ClauseRedline[]): void {
  const kept = new Map<string, RedlineBookmark>();
  const pick = (wanted: (clause: ClauseRedline, p: ParagraphRedline, b: RedlineBookmark) => boolean) => {
    for (const clause of clauses) {
      for (const p of clause.paragraphs) for (const b of p.bookmarks ?? []) if (!kept.has(b.name) && wanted(clause, p, b)) kept.set(b.name, b);
    }
  };
  pick((c, p, b) => b.side === 'ours' && inPlace(c, p));
  pick((c, p, b) => b.side === 'theirs' && inPlace(c, p));
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
