/** A value as each side has it (labels, ids, lines, formatting), or undefined when neither has one. */
export function sides<T>(ours: T | undefined, theirs: T | undefined): { ours?: T; theirs?: T } | undefined {
  if (ours === undefined && theirs === undefined) return undefined;
  // Plain assignments, not spreads: this runs for every paragraph of both documents.
  const out: { ours?: T; theirs?: T } = {};
  if (ours !== undefined) out.ours = ours;
  if (theirs !== undefined) out.theirs = theirs;
  return out;
}
