/** Shared test helpers: run the built CLI, make temp copies of fixtures. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CLI = join(REPO, 'dist', 'cli', 'main.js');
export const MINI = join(REPO, 'test', 'fixtures', 'mini');
export const SHARED = resolve(REPO, '..', 'shared');
export const MATRIX = join(SHARED, 'reference', 'requirements-matrix.md');
/** Running under CI (.ci/run sets CI=true): tests that need real tools fail rather than skip when a tool is missing. */
export const UNDER_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built `clausewright` command (npm test builds dist/ first). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; /** Kill it after this many ms (a hang fails, code -1). */ timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temp copy of a fixture folder, with optional edits: file → (text) → text. */
export function tempFixture(source: string, edits: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausewright-'));
  cpSync(source, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = '';
    }
    writeFileSync(path, edit(text));
  }
  return dir;
}
