/**
 * Reviewers' comments in the redline: each side's comments on a paragraph,
 * anchored in that side's text (units.ts reads them from the model's comment
 * marks), carried beside the comparison and never part of it.
 */
import { isSpace, type Para } from './units.js';
import type { AnchoredComment, ClauseRedline, CommentSides, ParagraphRedline, RedlineComment } from './types.js';

/** A paragraph's comments as one side's. */
export function sideComments(comments: readonly AnchoredComment[], side: 'ours' | 'theirs'): RedlineComment[] {
  return comments.map((c) => ({ side, ...c }));
}


/** Where offset `at` of `from` falls in `to`, two texts with the same words and different spacing. */
function respaced(from: string, to: string, at: number): number {
  let i = 0;
  let j = 0;
  while (i < at && j < to.length) {
    if (isSpace(from[i])) {
      while (i < at && isSpace(from[i])) i++;
      while (j < to.length && isSpace(to[j])) j++;
    } else {
      i++;
      j++;
    }
  }
  return j;
}

/**
 * Both sides' comments on a paragraph pair, ours first. An unchanged pair
 * shows our text (`shown`): their comments are moved onto it, which matters
 * only when the two differ in spacing alone.
 */
export function pairComments(out: ParagraphRedline, a: Para, b: Para, shown?: string): void {
  const theirs = sideComments(b.comments ?? [], 'theirs').map((c) => {
    if (shown === undefined || shown === b.text) return c;
    const at = respaced(b.text, shown, c.at);
    return { ...c, at, length: respaced(b.text, shown, c.at + c.length) - at };
  });
  const all = [...sideComments(a.comments ?? [], 'ours'), ...theirs];
  if (all.length > 0) out.comments = all;
  else delete out.comments;
}

/**
 * Keep the comments of the sides asked for. A clause that moved shows our
 * text where it left and theirs where it arrived, so each end keeps only the
 * comments of the text it shows.
 */
export function carryComments(clauses: readonly ClauseRedline[], carry: CommentSides): void {
  for (const clause of clauses) {
    for (const p of clause.paragraphs) {
      if (!p.comments) continue;
      const shown = clause.move?.side === 'to' ? 'theirs' : clause.move?.side === 'from' ? 'ours' : undefined;
      const kept = p.comments.filter((c) => (carry === 'both' || carry === c.side) && (shown === undefined || shown === c.side));
      if (kept.length > 0) p.comments = kept;
      else delete p.comments;
    }
  }
}
