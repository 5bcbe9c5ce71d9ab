/**
 * Moves: a deleted item and an inserted item that are the same thing (equal
 * key) or nearly (similarity at least `moves.similarity`). Reported as a move,
 * their text counts once instead of as a deletion plus an insertion.
 *
 * Candidates come from equal keys (cheap buckets) and, when the left-overs are
 * few enough for an all-pairs table, from similarity; the best-scoring
 * candidates are taken first, so the outcome does not depend on scan order.
 */
import type { KeyFn } from './align.js';

export interface MoveOptions<T> {
  /** Smallest similarity for a move between items with no equal key (default 0.8). */
  similarity?: number;
  /** Items allowed to move, e.g. long enough that a match is not a coincidence. */
  eligible?: (item: T) => boolean;
}

export interface MoveSearch<T> {
  keys: KeyFn<T>[];
  similarity?: (a: T, b: T) => number;
  threshold?: number;
  maxCells?: number;
  moves?: MoveOptions<T>;
}

/** Most candidates looked at per key bucket, so repeated boilerplate stays cheap. */
const BUCKET_LIMIT = 8;

/**
 * Pair deleted items `dels` (indices into a) with inserted items `ins` (indices into b).
 * @returns pairs of indices into a and b, in the order of `dels`.
 */
export function findMoves<T>(a: readonly T[], b: readonly T[], dels: number[], ins: number[], search: MoveSearch<T>): Array<{ a: number; b: number }> {
  const eligible = search.moves?.eligible ?? (() => true);
  const ds = dels.filter((i) => eligible(a[i]));
  const is = ins.filter((j) => eligible(b[j]));
  if (ds.length === 0 || is.length === 0) return [];
  const candidates: Array<{ score: number; a: number; b: number }> = [];
  const seen = new Set<string>();
  const add = (score: number, i: number, j: number) => {
    const id = `${i}:${j}`;
    if (seen.has(id)) return;
    seen.add(id);
    candidates.push({ score, a: i, b: j });
  };
  const sim = search.similarity;
  search.keys.forEach((key, level) => {
    const buckets = new Map<string, number[]>();
    for (const j of is) {
      const k = key(b[j], j);
      if (k === undefined) continue;
      const bucket = buckets.get(k);
      if (!bucket) buckets.set(k, [j]);
      else if (bucket.length < BUCKET_LIMIT) bucket.push(j);
    }
    for (const i of ds) {
      const k = key(a[i], i);
      const bucket = k === undefined ? undefined : buckets.get(k);
      for (const j of bucket ?? []) {
        if (level === 0) add(3, i, j);
        else {
          const s = sim ? sim(a[i], b[j]) : 1;
          if (s >= (search.threshold ?? 0.5)) add(1 + s, i, j);
        }
      }
    }
  });
  const minimum = search.moves?.similarity ?? 0.8;
  if (sim && ds.length * is.length <= (search.maxCells ?? 40_000)) {
    for (const i of ds) for (const j of is) {
      const s = sim(a[i], b[j]);
      if (s >= minimum) add(s, i, j);
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<{ a: number; b: number }> = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push({ a: c.a, b: c.b });
  }
  return pairs.sort((x, y) => x.a - y.a);
}
