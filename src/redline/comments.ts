/**
 * Reviewers' comments in the redline: each side's comments on a paragraph,
 * anchored in that side's text (units.ts reads them from the model's comment
 * marks), carried beside the comparison and never part of it.
 */
import { isSpace, type Para } from './units.js';
import type { Comment } from '../model/nodes.js';
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
 * Both sides' anchored items (comments, bookmarks) on a paragraph pair, ours
 * first, each with its side. An unchanged pair shows our text (`shown`):
 * theirs are moved onto it, which matters only when the two differ in
 * spacing alone.
 */
export function pairAnchored<T extends { at: number; length: number }>(
  ours: readonly T[] | undefined,
  theirs: readonly T[] | undefined,
  theirText: string,
  shown?: string,
): Array<T & { side: 'ours' | 'theirs' }> {
  const moved = (theirs ?? []).map((x) => {
    const item = { side: 'theirs' as const, ...x };
    if (shown === undefined || shown === theirText) return item;
    const at = respaced(theirText, shown, x.at);
    return { ...item, at, length: respaced(theirText, shown, x.at + x.length) - at };
  });
  return [...(ours ?? []).map((x) => ({ side: 'ours' as const, ...x })), ...moved];
}

/** Both sides' comments on a paragraph pair, ours first (pairAnchored). */
export function pairComments(out: ParagraphRedline, a: Para, b: Para, shown?: string): void {
  // Most paragraphs carry no comments: no arrays to build, and no `delete` (which slows the object down).
  if (!a.comments && !b.comments) {
    if (out.comments) delete out.comments;
    return;
  }
  const all = pairAnchored(a.comments, b.comments, b.text, shown);
  if (all.length > 0) out.comments = all;
  else delete out.comments;
}

/** One comment in both drafts: Word gives a comment no id that survives a round trip, so author, date and words identify it. */
const sameComment = (a: Comment, b: Comment) => a.author === b.author && a.date === b.date && a.text === b.text;

/** Whether thread `a` says nothing `b` does not: each of its replies is in `b`, and `b` is done if `a` is. */
const within = (a: Comment, b: Comment) => (a.replies ?? []).every((r) => (b.replies ?? []).some((s) => sameComment(r, s))) && (!a.done || b.done === true);

/**
 * A comment both drafts carry (ours, which they kept, or theirs, which we
 * kept) is shown once: ours when their copy adds nothing, theirs when it
 * adds to the thread (replies, or marked resolved) and drops nothing of
 * ours; both when each has something the other lacks.
 */
function withoutCopies(comments: readonly RedlineComment[]): RedlineComment[] {
  const dropped = new Set<RedlineComment>();
  for (const o of comments.filter((c) => c.side === 'ours')) {
    const t = comments.find((c) => c.side === 'theirs' && !dropped.has(c) && sameComment(o, c));
    if (!t) continue;
    if (within(t, o)) dropped.add(t);
    else if (within(o, t)) dropped.add(o);
  }
  return comments.filter((c) => !dropped.has(c));
}

/**
 * Keep the comments of the sides asked for, a comment both drafts carry
 * once. A clause that moved shows our text where it left and theirs where it
 * arrived, so each end keeps only the comments of the text it shows.
 */
export function carryComments(clauses: readonly ClauseRedline[], carry: CommentSides): void {
  for (const clause of clauses) {
    for (const p of clause.paragraphs) {
      if (!p.comments) continue;
      const shown = clause.move?.side === 'to' ? 'theirs' : clause.move?.side === 'from' ? 'ours' : undefined;
      const kept = withoutCopies(p.comments.filter((c) => (carry === 'both' || carry === c.side) && (shown === undefined || shown === c.side)));
      if (kept.length > 0) p.comments = kept;
      else delete p.comments;
    }
  }
}
