/**
 * Tests that run the built CLI or run the writer under another time zone use
 * dist/. `npm test` builds first (pretest); when a file under test is newer
 * than its build (a bare `npx vitest run`), build here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/main.js');

const SOURCES = [
  ...readdirSync(join(ROOT, 'src/writers/docx')).map((f) => [`src/writers/docx/${f}`, `dist/writers/docx/${f.replace(/\.ts$/, '.js')}`]),
  ['src/cli/commands/inspect.ts', 'dist/cli/commands/inspect.js'],
  ['src/cli/commands/index.ts', 'dist/cli/commands/index.js'],
];

export function ensureBuilt(): void {
  if (!stale()) return;
  // Test files run in parallel processes: one builds, the others wait for it.
  const lock = join(ROOT, 'dist/.docx-test-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 120_000;
    while (existsSync(lock) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    if (!stale()) return;
    rmSync(lock, { recursive: true, force: true });
    mkdirSync(lock, { recursive: true });
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere still emit JavaScript; the checks below tell if ours is there.
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist/writers/docx/index.js'))) throw new Error('npm run build did not produce dist/');
}

function stale(): boolean {
  return SOURCES.some(([src, out]) => !existsSync(join(ROOT, out!)) || statSync(join(ROOT, out!)).mtimeMs < statSync(join(ROOT, src!)).mtimeMs);
}
