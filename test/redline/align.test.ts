import { describe, expect, it } from 'vitest';
import { align, type AlignStep } from '../../src/redline/align.js';
import { patienceAnchors } from '../../src/redline/lcs.js';

/** Steps as 'op:a/b' strings for compact asserts. */
const show = (steps: AlignStep[]) => steps.map((s) => `${s.op[0]}${s.a ?? '-'}/${s.b ?? '-'}${s.move !== undefined ? `m${s.move}` : ''}`).join(' ');
const id = (x: string) => x;

describe('align', () => {
  it('should pair equal items and keep ours before theirs between pairs', () => {
    expect(show(align(['a', 'b', 'c'], ['b', 'x', 'c', 'd'], { keys: [id] }).steps)).toBe('d0/- e1/0 i-/1 e2/2 i-/3');
  });

  it('should pair by a weaker key in the gaps (a reworded clause with the same heading)', () => {
    const a = [{ h: 'Fees', t: 'pay in 30 days' }, { h: 'Term', t: 'one year' }];
    const b = [{ h: 'Fees', t: 'pay in 60 days' }, { h: 'Term', t: 'one year' }];
    const steps = align(a, b, { keys: [(x) => x.h + x.t, (x) => x.h] }).steps;
    expect(show(steps)).toBe('c0/0 e1/1');
  });

  it('should pair by similarity when no key matches', () => {
    const steps = align(['the cat sat', 'zzz'], ['qqq', 'the cat sat down'], {
      keys: [id],
      similarity: (x, y) => (x.startsWith(y) || y.startsWith(x) ? 0.9 : 0),
    }).steps;
    expect(show(steps)).toBe('i-/0 c0/1 d1/-');
  });

  it('should report a moved item as a move, not as a deletion and an insertion', () => {
    const result = align(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'], { keys: [id], moves: {} });
    expect(show(result.steps)).toBe('d0/-m0 e1/0 e2/1 e3/2 i-/3m0');
    expect(result.moves).toEqual([{ a: 0, b: 3 }]);
  });

  it('should fall back to patience anchors past the Myers budget and still align', () => {
    const a = Array.from({ length: 400 }, (_, i) => `a${i}`);
    const b = a.map((x, i) => (i % 2 ? x : `${x}!`));
    const result = align(a, b, { keys: [id], maxEditLength: 10 });
    expect(result.steps.filter((s) => s.op === 'equal')).toHaveLength(200);
  });

  it('should flag a coarse result when even the patience gaps are over budget', () => {
    const result = align('abcabcabc'.split(''), 'cbacbacba'.split(''), { keys: [id], maxEditLength: 1 });
    expect(result.coarse).toBe(true);
  });

  it('should find patience anchors only for keys unique on both sides, in order', () => {
    expect(patienceAnchors([1, 2, 3, 2, 4], [4, 1, 3, 2])).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });

  it('should refuse to run without a key (programmer error)', () => {
    expect(() => align([], [], { keys: [] })).toThrow(/at least one key/);
  });
});
