/**
 * Matching equal keys, the core of `align`: an LCS by Myers (jsdiff's
 * `diffArrays`) within an edit budget, and patience anchors (keys unique on
 * both sides, kept where their order agrees) for inputs too large or too
 * changed for Myers (Bram Cohen's patience diff, as in `git diff --patience`).
 */
// The array flavour alone: the package index loads every diff and patch module (~10 ms).
import { diffArrays } from 'diff/lib/diff/array.js';

/** Work allowed for one Myers pass, in (n+m)·d steps. */
export const MYERS_CELLS = 300_000;

/** Size of the multiset intersection of two id lists (how many items could match). */
export function sharedCount(xs: readonly number[], ys: readonly number[]): number {
  const count = new Map<number, number>();
  for (const x of xs) if (x > 0) count.set(x, (count.get(x) ?? 0) + 1);
  let shared = 0;
  for (const y of ys) {
    const c = count.get(y);
    if (c) {
      shared++;
      count.set(y, c - 1);
    }
  }
  return shared;
}

/** Matched index pairs of an LCS by Myers, or undefined past the budget. */
export function myersAnchors(xs: number[], ys: number[], maxEditLength: number): Array<[number, number]> | undefined {
  const changes = diffArrays(xs, ys, { maxEditLength });
  if (!changes) return undefined;
  const anchors: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else for (let k = 0; k < change.count; k++) anchors.push([i++, j++]);
  }
  return anchors;
}

/** Keys unique on both sides, kept where their order agrees (longest increasing subsequence). */
export function patienceAnchors(xs: number[], ys: number[]): Array<[number, number]> {
  const count = new Map<number, number>();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  const inB = new Map<number, number>();
  ys.forEach((y, j) => {
    if (count.get(y) === 1) inB.set(y, inB.has(y) ? -1 : j);
  });
  const pairs: Array<[number, number]> = [];
  xs.forEach((x, i) => {
    const j = inB.get(x);
    if (j !== undefined && j >= 0) pairs.push([i, j]);
  });
  return longestIncreasing(pairs);
}

/** Longest run of pairs whose second members increase (pairs come sorted by first member). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.push(pairs[k]);
  return out.reverse();
}
