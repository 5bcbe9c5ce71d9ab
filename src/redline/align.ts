/**
 * One alignment for every level of the redline: clauses, paragraphs, tokens
 * (issue 4; STYLE.md "one diff algorithm, pluggable tokens").
 *
 * `align(a, b, options)` pairs the items of two sequences and returns the steps
 * in merged order (between two pairs, our items first, then theirs):
 *
 * 1. Items with equal `keys[0]` are matched by an LCS (jsdiff's Myers
 *    `diffArrays` over interned ids). When Myers would cost too much (its
 *    (n+m)·d work estimate is over budget, or it runs past `maxEditLength`),
 *    patience anchors are used instead (lcs.ts), so a large, heavily edited
 *    input costs O(n log n), not O(n·d).
 * 2. Each gap between matches is aligned again with the next key (e.g. a clause
 *    heading after the clause's whole text); such pairs are 'change' steps.
 * 3. After the last key, a gap's items are paired by `similarity` (an ordered
 *    best-total pairing, or a greedy band walk when the gap is too large).
 * 4. Optionally, left-over deletions and insertions are paired as moves.
 *
 * Nothing here throws on size: budgets make the result coarser instead.
 */
import { diffArrays } from 'diff/lib/diff/array.js';
import { MYERS_CELLS, myersAnchors, patienceAnchors, sharedCount } from './lcs.js';
import { pairGap, type PairingOptions } from './pairing.js';
import { findMoves, type MoveOptions } from './moves.js';

export type AlignOp = 'equal' | 'change' | 'delete' | 'insert';

export interface AlignStep {
  op: AlignOp;
  /** Index in `a` (equal, change, delete). */
  a?: number;
  /** Index in `b` (equal, change, insert). */
  b?: number;
  /** For a delete or insert that is one end of a move: index into `moves`. */
  move?: number;
}

/** A key function returns `undefined` for an item that should match nothing at that level. */
export type KeyFn<T> = (item: T, index: number) => string | undefined;

export interface AlignOptions<T> extends PairingOptions<T> {
  /** Match keys from strongest (identical content) to weakest (same heading). */
  keys: KeyFn<T>[];
  moves?: MoveOptions<T>;
  /** Myers budget per pass, in edits; default adapts to the input size. */
  maxEditLength?: number;
}

export interface Alignment {
  steps: AlignStep[];
  moves: Array<{ a: number; b: number }>;
  /** True when a budget forced whole-gap replacement at the last level. */
  coarse: boolean;
}

/**
 * Interned ids of one key level; unmatched (undefined) keys get unique negative ids.
 * A key whose length no key of the other side has cannot match across: it gets
 * a fresh id without being hashed (ids only ever meet ids of the other side,
 * so equal keys on one side need not share one). Long texts are dear to hash.
 */
class KeyIds<T> {
  readonly a: Int32Array;
  readonly b: Int32Array;
  constructor(itemsA: readonly T[], itemsB: readonly T[], key: KeyFn<T>) {
    const table = new Map<string, number>();
    let lone = 0;
    let next = 0;
    const keysA = itemsA.map(key);
    const keysB = itemsB.map(key);
    const lengths = (keys: ReadonlyArray<string | undefined>) => {
      const set = new Set<number>();
      for (const k of keys) if (k !== undefined) set.add(k.length);
      return set;
    };
    const intern = (keys: ReadonlyArray<string | undefined>, other: Set<number>) => {
      const ids = new Int32Array(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === undefined) ids[i] = --lone;
        else if (!other.has(k.length)) ids[i] = ++next;
        else {
          let id = table.get(k);
          if (id === undefined) table.set(k, (id = ++next));
          ids[i] = id;
        }
      }
      return ids;
    };
    this.a = intern(keysA, lengths(keysB));
    this.b = intern(keysB, lengths(keysA));
  }
}

/**
 * Align two sequences.
 * @example align(['a','b','c'], ['b','c','d'], { keys: [(x) => x] }).steps
 *   // delete a0, equal a1/b0, equal a2/b1, insert b2
 */
export function align<T>(a: readonly T[], b: readonly T[], options: AlignOptions<T>): Alignment {
  if (options.keys.length === 0) throw new Error('align() needs at least one key function');
  return plainAlign(a, b, options) ?? alignByKeys(a, b, options);
}

/**
 * `align` without its first try of plain Myers, for a caller that has just
 * run Myers within the same budget and seen it give up.
 */
export function alignByKeys<T>(a: readonly T[], b: readonly T[], options: AlignOptions<T>): Alignment {
  if (options.keys.length === 0) throw new Error('align() needs at least one key function');
  const levels: Array<KeyIds<T> | undefined> = options.keys.map(() => undefined);
  const idsAt = (level: number): KeyIds<T> =>
    (levels[level] ??= new KeyIds(a, b, options.keys[level]));
  const steps: AlignStep[] = [];
  let coarse = false;

  const range = (a0: number, a1: number, b0: number, b1: number, level: number, patienceTried = false): void => {
    if (a0 === a1 || b0 === b1) {
      for (let i = a0; i < a1; i++) steps.push({ op: 'delete', a: i });
      for (let j = b0; j < b1; j++) steps.push({ op: 'insert', b: j });
      return;
    }
    if (level >= options.keys.length) {
      pairGap(a, b, a0, a1, b0, b1, options, steps);
      return;
    }
    const ids = idsAt(level);
    const op: AlignOp = level === 0 ? 'equal' : 'change';
    // Equal runs at both ends cost nothing to match.
    let head = 0;
    while (a0 + head < a1 && b0 + head < b1 && ids.a[a0 + head] === ids.b[b0 + head] && ids.a[a0 + head]! > 0) head++;
    let tail = 0;
    while (a1 - tail > a0 + head && b1 - tail > b0 + head && ids.a[a1 - 1 - tail] === ids.b[b1 - 1 - tail] && ids.a[a1 - 1 - tail]! > 0) tail++;
    for (let k = 0; k < head; k++) steps.push({ op, a: a0 + k, b: b0 + k });
    middle(a0 + head, a1 - tail, b0 + head, b1 - tail, level, patienceTried);
    for (let k = tail; k > 0; k--) steps.push({ op, a: a1 - k, b: b1 - k });
  };

  const middle = (a0: number, a1: number, b0: number, b1: number, level: number, patienceTried: boolean): void => {
    if (a0 === a1 || b0 === b1) {
      range(a0, a1, b0, b1, level + 1);
      return;
    }
    const ids = idsAt(level);
    const xs = Array.from(ids.a.subarray(a0, a1));
    const ys = Array.from(ids.b.subarray(b0, b1));
    const shared = sharedCount(xs, ys);
    if (shared === 0) {
      range(a0, a1, b0, b1, level + 1);
      return;
    }
    // Myers costs at least (n+m)·d with d ≥ n+m−2·shared; past the budget, patience anchors instead.
    const size = xs.length + ys.length;
    const cells = options.maxEditLength !== undefined ? Infinity : MYERS_CELLS;
    const myers = size * (size - 2 * shared) <= cells;
    const budget = options.maxEditLength ?? Math.max(64, Math.floor(MYERS_CELLS / size));
    let anchors = myers ? myersAnchors(xs, ys, budget) : undefined;
    let viaPatience = false;
    if (!anchors) {
      if (patienceTried) {
        // Over budget twice: the gap goes to the next level whole; at the last
        // level without a similarity that is a wholesale replacement.
        if (level + 1 >= options.keys.length && !options.similarity) coarse = true;
        range(a0, a1, b0, b1, level + 1);
        return;
      }
      anchors = patienceAnchors(xs, ys);
      viaPatience = true;
    }
    const op: AlignOp = level === 0 ? 'equal' : 'change';
    let i = 0;
    let j = 0;
    for (const [ai, bj] of anchors) {
      // Patience leaves gaps that may still hold repeated keys: try them at this level once more.
      if (viaPatience) range(a0 + i, a0 + ai, b0 + j, b0 + bj, level, true);
      else range(a0 + i, a0 + ai, b0 + j, b0 + bj, level + 1);
      steps.push({ op, a: a0 + ai, b: b0 + bj });
      i = ai + 1;
      j = bj + 1;
    }
    if (viaPatience) range(a0 + i, a1, b0 + j, b1, level, true);
    else range(a0 + i, a1, b0 + j, b1, level + 1);
  };

  range(0, a.length, 0, b.length, 0);
  const moves = options.moves ? markMoves(a, b, steps, options) : [];
  return { steps, moves, coarse };
}

/** Pair left-over deletions and insertions as moves and tag their steps. */
function markMoves<T>(a: readonly T[], b: readonly T[], steps: AlignStep[], options: AlignOptions<T>): Array<{ a: number; b: number }> {
  const stepOfA = new Map<number, AlignStep>();
  const stepOfB = new Map<number, AlignStep>();
  for (const step of steps) {
    if (step.op === 'delete') stepOfA.set(step.a!, step);
    if (step.op === 'insert') stepOfB.set(step.b!, step);
  }
  const moves = findMoves(a, b, [...stepOfA.keys()], [...stepOfB.keys()], options);
  moves.forEach((pair, k) => {
    stepOfA.get(pair.a)!.move = k;
    stepOfB.get(pair.b)!.move = k;
  });
  return moves;
}

/**
 * Fast path for the token level (one key, no similarity, no moves, an edit
 * budget): Myers straight over the keys, no interning. Undefined when the
 * budget is exceeded, and the general path takes over.
 */
function plainAlign<T>(a: readonly T[], b: readonly T[], options: AlignOptions<T>): Alignment | undefined {
  if (options.keys.length !== 1 || options.similarity || options.moves || options.maxEditLength === undefined) return undefined;
  const key = options.keys[0]!;
  const xs = a.map(key);
  const ys = b.map(key);
  if (xs.includes(undefined) || ys.includes(undefined)) return undefined;
  const changes = diffArrays(xs, ys, { maxEditLength: options.maxEditLength });
  if (!changes) return undefined;
  const steps: AlignStep[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    if (change.added) for (let k = 0; k < change.count; k++) steps.push({ op: 'insert', b: j++ });
    else if (change.removed) for (let k = 0; k < change.count; k++) steps.push({ op: 'delete', a: i++ });
    else for (let k = 0; k < change.count; k++) steps.push({ op: 'equal', a: i++, b: j++ });
  }
  return { steps, moves: [], coarse: false };
}
