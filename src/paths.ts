/** Where the package's own content lives (clauses/, playbooks/), from dist/ or src/. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_CLAUSES = join(PACKAGE_ROOT, 'clauses');
export const PACKAGE_PLAYBOOKS = join(PACKAGE_ROOT, 'playbooks');

/**
 * The clause library for a playbook: an explicit folder, else a `clauses/`
 * folder beside the playbook's folder (a project laid out like this one),
 * else the library shipped with the package.
 */
export function libraryFor(playbookFile: string, explicit?: string): string {
  if (explicit) return explicit;
  const sibling = resolve(dirname(playbookFile), '..', 'clauses');
  return existsSync(sibling) ? sibling : PACKAGE_CLAUSES;
}

/**
 * The folder a command works on when none is named: `./<name>` when the working directory
 * has one (a house library kept like this project), else the package's own. `list` and
 * `check` agree on it, so the library one lists is the one the other checks.
 */
export function localOr(name: string, builtIn: string): string {
  const local = resolve(name);
  return statSync(local, { throwIfNoEntry: false })?.isDirectory() ? local : builtIn;
}
