import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/yaml/parse.js';

describe('YAML with positions', () => {
  const source = 'id: x\nparts:\n  - id: a\n    clauses:\n      - clause: fees\n        variant: monthly\n';

  it('should map a zod path to the line of its field', () => {
    const y = parseYaml(source, 'p.yaml');
    expect(y.lineOf(['parts', 0, 'clauses', 0, 'variant'])).toBe(6);
    expect(y.lineOf(['parts', 0, 'id'])).toBe(3);
  });

  it('should fall back to the nearest written parent for a missing field', () => {
    expect(parseYaml(source, 'p.yaml').lineOf(['parts', 0, 'clauses', 0, 'positions', 'preferred'])).toBe(5);
  });

  it('should shift lines for front matter that starts inside a file', () => {
    expect(parseYaml('a: 1\nb: 2\n', 'm.md', 1).lineOf(['b'])).toBe(3);
  });

  it('should report a tab or a wrong indentation once, not the lines the parser then misreads', () => {
    const tab = parseYaml('variables:\n  days:\n\ttype: number\n    default: 30\n    description: Days.\n', 'm.md', 1).diagnostics;
    expect(tab.map((d) => `${d.line}: ${d.message}`)).toEqual(['4: YAML syntax error: Tabs are not allowed as indentation']);
    const indent = parseYaml('parts:\n  - clause: fees\n     variant: monthly\n', 'p.yaml').diagnostics;
    expect(indent).toHaveLength(1);
    expect(indent[0]!.message).toMatch(/check the indentation of this line and the line above/);
  });

  it('should report each key written twice', () => {
    expect(parseYaml('a: 1\na: 2\nb: 1\nb: 2\n', 'dup.yaml').diagnostics.map((d) => d.line)).toEqual([2, 4]);
  });

  it('should report syntax errors with file and line, and duplicate keys', () => {
    const bad = parseYaml('a: [1\nb: 2\n', 'bad.yaml');
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', file: 'bad.yaml', line: 2 });
    const dup = parseYaml('a: 1\na: 2\n', 'dup.yaml').diagnostics[0]!;
    expect(dup.message).toMatch(/unique/i);
    expect(dup.line).toBe(2);
    // In front matter, the line in the file.
    expect(parseYaml('a: 1\na: 2\n', 'm.md', 1).diagnostics[0]!.line).toBe(3);
  });

  it('should read dates as strings, not Date objects', () => {
    expect(parseYaml('d: 2026-01-01\n', 'd.yaml').value).toEqual({ d: '2026-01-01' });
  });
});
