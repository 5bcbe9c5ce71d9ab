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
  /**
   * Threshold when a gap has as many items on each side: they likely correspond
   * one to one (default: `threshold`).
   */
  evenThreshold?: number;
  /**
   * A cheap similarity tried first along both ends of the gap: pairs scoring at
   * least 0.6 (an item edited in place, the common case) are taken without
   * building the full table.
   */
  quick?: (a: T, b: T) => number;
  /** Largest rows × columns table for the best-total pairing (default 40,000). */
  maxCells?: number;
}

const LOOKAHEAD = 4;
const QUICK = 0.6;

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
  if (options.quick) {
    // Items edited in place pair along the diagonal from either end: try the
    // cheap measure, then the full one, before building a whole table.
    const { quick } = options;
    const floor = Math.max(0.5, options.threshold ?? 0.5);
    const alike = (x: T, y: T) => quick(x, y) >= QUICK || similarity(x, y) >= floor;
    let head = 0;
    while (a0 + head < a1 && b0 + head < b1 && alike(a[a0 + head]!, b[b0 + head]!)) head++;
    let tail = 0;
    while (a1 - tail > a0 + head && b1 - tail > b0 + head && alike(a[a1 - 1 - tail]!, b[b1 - 1 - tail]!)) tail++;
    if (head + tail > 0) {
      for (let k = 0; k < head; k++) steps.push({ op: 'change', a: a0 + k, b: b0 + k });
      pairGap(a, b, a0 + head, a1 - tail, b0 + head, b1 - tail, { ...options, quick: undefined }, steps);
      for (let k = tail; k > 0; k--) steps.push({ op: 'change', a: a1 - k, b: b1 - k });
      return;
    }
  }
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) {
    for (let i = a0; i < a1; i++) steps.push({ op: 'delete', a: i });
    for (let j = b0; j < b1; j++) steps.push({ op: 'insert', b: j });
    return;
  }
  const threshold = n === m ? (options.evenThreshold ?? options.threshold ?? 0.5) : (options.threshold ?? 0.5);
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
