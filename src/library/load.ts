/** Load every clause module of a library folder (`clauses/*.md`). */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError, error, type Diagnostic } from '../diagnostics.js';
import { readUserText } from '../fs/read.js';
import { parseClauseModule, type ClauseModule } from './module.js';

export interface Library {
  dir: string;
  modules: Map<string, ClauseModule>;
  /** Ids (file names) of modules that failed to load; their errors are reported already. */
  broken: Set<string>;
  /**
   * Modules of `broken` read past an error in their front matter (by file name): linted, so
   * their other problems are reported in the same run, but never drafted.
   */
  partial: Map<string, ClauseModule>;
}

/** `displayRoot` makes file names in messages relative (e.g. to the working directory). */
export function loadLibrary(dir: string, displayRoot = process.cwd()): { library: Library; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const modules = new Map<string, ClauseModule>();
  const broken = new Set<string>();
  const partial = new Map<string, ClauseModule>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'is a file, not a folder' : 'not found';
    return { library: { dir, modules, broken: new Set(), partial: new Map() }, diagnostics: [error('library-missing', `clause library folder ${dir} ${reason}`, { file: dir })] };
  }
  for (const name of names) {
    const path = join(dir, name);
    const file = displayPath(path, displayRoot);
    let source: string;
    try {
      source = readUserText(path, 'clause module', file);
    } catch (cause) {
      // Said with the library's other problems, all at once; the module is then missing.
      if (!(cause instanceof InputError)) throw cause;
      diagnostics.push(...cause.diagnostics);
      broken.add(name.replace(/\.md$/, ''));
      continue;
    }
    const parsed = parseClauseModule(source, file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.module) modules.set(parsed.module.id, parsed.module);
    else broken.add(name.replace(/\.md$/, ''));
    if (parsed.partial) partial.set(name.replace(/\.md$/, ''), parsed.partial);
  }
  return { library: { dir, modules, broken, partial }, diagnostics };
}

export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
