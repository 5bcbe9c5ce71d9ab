/**
 * Pairing the items of one alignment gap by similarity, keeping their order:
 * deleted clause "Fees" and inserted clause "Fees and Payment" become one
 * changed clause instead of a deletion and an insertion.
 *
 * Small gaps get the best-total ordered pairing (a Needleman–Wunsch table with
 * zero gap cost); gaps past `maxCells` get a greedy walk along the diagonal
 * that looks a few items ahead, so cost stays linear.
 */
import type { AlignStep } from './align.js';

export interface PairingOptions<T> {
  /** 0…1; items pair when at least `threshold`. Without it gaps are never paired. */
  similarity?: (a: T, b: T) => number;
  threshold?: number;
  /** Largest rows × columns table for the best-total pairing (default 40,000). */
  maxCells?: number;
}

const LOOKAHEAD = 4;

/** Append the steps for gap a[a0,a1) × b[b0,b1) to `steps`. */
export function pairGap<T>(
  a: readonly T[],
  b: readonly T[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  options: PairingOptions<T>,
  steps: AlignStep[],
): void {
  const { similarity } = options;
  if (!similarity) {
    for (let i = a0; i < a1; i++) steps.push({ op: 'delete', a: i });
    for (let j = b0; j < b1; j++) steps.push({ op: 'insert', b: j });
    return;
  }
  const threshold = options.threshold ?? 0.5;
  const n = a1 - a0;
  const m = b1 - b0;
  const pairs =
    n * m <= (options.maxCells ?? 40_000)
      ? bestPairs(n, m, (i, j) => similarity(a[a0 + i], b[b0 + j]), threshold)
      : greedyPairs(n, m, (i, j) => similarity(a[a0 + i], b[b0 + j]), threshold);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [n, m] as [number, number]]) {
    for (; i < pi; i++) steps.push({ op: 'delete', a: a0 + i });
    for (; j < pj; j++) steps.push({ op: 'insert', b: b0 + j });
    if (pi < n && pj < m) steps.push({ op: 'change', a: a0 + pi, b: b0 + pj });
    i = pi + 1;
    j = pj + 1;
  }
}

/** Ordered pairing with the greatest total similarity. */
function bestPairs(n: number, m: number, sim: (i: number, j: number) => number, threshold: number): Array<[number, number]> {
  const w = m + 1;
  const score = new Float64Array((n + 1) * w);
  const s = new Float64Array(n * m);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const v = sim(i - 1, j - 1);
      s[(i - 1) * m + (j - 1)] = v;
      const diag = v >= threshold ? score[(i - 1) * w + j - 1] + v : -1;
      score[i * w + j] = Math.max(score[(i - 1) * w + j], score[i * w + j - 1], diag);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const v = s[(i - 1) * m + (j - 1)];
    if (v >= threshold && score[i * w + j] === score[(i - 1) * w + j - 1] + v) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (score[i * w + j] === score[(i - 1) * w + j]) i--;
    else j--;
  }
  return pairs.reverse();
}

/** Walk the diagonal; on a mismatch look a few items ahead on either side. */
function greedyPairs(n: number, m: number, sim: (i: number, j: number) => number, threshold: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sim(i, j) >= threshold) {
      pairs.push([i++, j++]);
      continue;
    }
    let found = false;
    for (let k = 1; k <= LOOKAHEAD && !found; k++) {
      if (j + k < m && sim(i, j + k) >= threshold) {
        j += k;
        found = true;
      } else if (i + k < n && sim(i + k, j) >= threshold) {
        i += k;
        found = true;
      }
    }
    if (!found) {
      i++;
      j++;
    }
  }
  return pairs;
}
