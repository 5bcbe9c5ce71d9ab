/**
 * Every command starts light: registering the commands (all `--help`,
 * `--version` or a typo needs) loads no reader, writer, redline or assembly
 * module; each command loads its machinery when it runs (dynamic import).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

/** The source files `entry` loads before it runs: static imports, transitively (type-only ones load nothing). */
function staticImports(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)) {
      visit(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return [...seen].map((f) => relative(join(REPO, 'src'), f));
}

describe('CLI start-up', () => {
  it('should load no reader, writer, redline or playbook module before a command runs', () => {
    const loaded = staticImports(join(REPO, 'src/cli/main.ts'));
    expect(loaded).toContain('cli/commands/redline.ts');
    // The format lists are there for --help, apart from their writers.
    const heavy = loaded.filter((f) => /^(readers|redline|playbook|library\/(?!format\.ts)|writers\/(?!formats\.ts|redline\/formats\.ts))/.test(f));
    expect(heavy).toEqual([]);
  });
});
