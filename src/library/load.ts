/** Load every clause module of a library folder (`clauses/*.md`). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { parseClauseModule, type ClauseModule } from './module.js';

export interface Library {
  dir: string;
  modules: Map<string, ClauseModule>;
}

/** `displayRoot` makes file names in messages relative (e.g. to the working directory). */
export function loadLibrary(dir: string, displayRoot = process.cwd()): { library: Library; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const modules = new Map<string, ClauseModule>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch {
    return { library: { dir, modules }, diagnostics: [error('library-missing', `clause library folder ${dir} not found`, { file: dir })] };
  }
  for (const name of names) {
    const path = join(dir, name);
    const file = displayPath(path, displayRoot);
    const parsed = parseClauseModule(readFileSync(path, 'utf8'), file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.module) modules.set(parsed.module.id, parsed.module);
  }
  return { library: { dir, modules }, diagnostics };
}

export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
