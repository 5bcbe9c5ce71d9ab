import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/playbook/conditions.js';
import { formatDate, joinList } from '../../src/library/variables.js';

describe('inclusion conditions', () => {
  const values = { minors: true, forum: 'cietac', none: '', list: [] as string[] };

  it('should test truthiness, equality and membership', () => {
    expect(evaluate({ var: 'minors' }, values)).toBe(true);
    expect(evaluate({ var: 'none' }, values)).toBe(false);
    expect(evaluate({ var: 'list' }, values)).toBe(false);
    expect(evaluate({ var: 'missing' }, values)).toBe(false);
    expect(evaluate({ var: 'forum', equals: 'cietac' }, values)).toBe(true);
    expect(evaluate({ var: 'forum', in: ['court', 'shiac'] }, values)).toBe(false);
  });

  it('should combine with not, all and any', () => {
    expect(evaluate({ not: { var: 'minors' } }, values)).toBe(false);
    expect(evaluate({ all: [{ var: 'minors' }, { var: 'forum', equals: 'cietac' }] }, values)).toBe(true);
    expect(evaluate({ any: [{ var: 'none' }, { var: 'forum', equals: 'court' }] }, values)).toBe(false);
  });
});

describe('value printing', () => {
  it('should print dates in each language', () => {
    expect(formatDate('2026-03-09', 'zh')).toBe('2026年3月9日');
    expect(formatDate('2026-03-09', 'en')).toBe('9 March 2026');
  });

  it('should join lists the way each language does', () => {
    expect(joinList(['展示', '宣传', '优化'], 'zh')).toBe('展示、宣传和优化');
    expect(joinList(['display', 'promotion', 'optimisation'], 'en')).toBe('display, promotion and optimisation');
    expect(joinList(['one'], 'en')).toBe('one');
  });
});
