/**
 * `check`: validate the clause library, a playbook and (optionally) deal data,
 * and compute requirement coverage. Returns every problem; never throws for
 * bad input except when a file cannot be read at all.
 */
import { resolve } from 'node:path';
import { readUserText } from '../fs/read.js';
import { InputError, error, dedupeDiagnostics, type Diagnostic } from '../diagnostics.js';
import { lintModule } from '../library/lint.js';
import { displayPath, loadLibrary, type Library } from '../library/load.js';
import { libraryFor, localOr, PACKAGE_CLAUSES } from '../paths.js';
import { computeCoverage, type Coverage } from '../requirements/coverage.js';
import { findMatrix } from '../requirements/locate.js';
import { parseMatrix, type Requirement } from '../requirements/matrix.js';
import { assemble, type AssemblyLang } from './assemble.js';
import { checkDeal } from './data.js';
import { libraryDiagnostics, loadDealFile, loadPlaybookFile } from './files.js';
import { resolvePlaybook } from './namespace.js';
import { staticCheck } from './static-check.js';

export interface CheckOptions {
  /** Playbook file; without it the whole library is linted. */
  playbook?: string;
  data?: string;
  clauses?: string;
  /** Requirements matrix file; default: found by `findMatrix`. */
  matrix?: string;
  displayRoot?: string;
}

export interface CheckReport {
  diagnostics: Diagnostic[];
  coverage?: Coverage;
  modules: number;
  /** The clause library folder checked (shown relative to the display root). */
  library: string;
  matrixFile?: string;
}

export function check(options: CheckOptions): CheckReport {
  const root = options.displayRoot ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const matrix = loadMatrix(options.matrix, root, diagnostics);
  const ids = matrix ? new Set(matrix.rows.map((r) => r.id)) : undefined;

  const libraryDir = options.playbook ? libraryFor(options.playbook, options.clauses) : (options.clauses ?? localOr('clauses', PACKAGE_CLAUSES));
  const loaded = loadLibrary(libraryDir, root);
  const shownLibrary = displayPath(resolve(libraryDir), root);
  const library: Library = loaded.library;

  if (!options.playbook) {
    diagnostics.push(...loaded.diagnostics);
    // A module read past a front-matter error is linted too: every problem of it at once.
    for (const module of [...library.modules.values(), ...library.partial.values()]) diagnostics.push(...lintModule(module, ids));
    return { diagnostics, modules: library.modules.size, library: shownLibrary, ...(matrix ? { matrixFile: matrix.file } : {}) };
  }

  const parsed = loadPlaybookFile(options.playbook, root);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.playbook) return { diagnostics, modules: library.modules.size, library: shownLibrary };
  const playbook = parsed.playbook;
  const included = new Set(playbook.spec.parts.flatMap((p) => p.clauses.map((c) => c.clause)));
  diagnostics.push(...libraryDiagnostics(loaded.diagnostics, included));
  for (const id of included) {
    const module = library.modules.get(id) ?? library.partial.get(id);
    if (module) diagnostics.push(...lintModule(module, ids));
  }
  const { resolved, diagnostics: resolveProblems } = resolvePlaybook(playbook, library);
  diagnostics.push(...resolveProblems);
  diagnostics.push(...staticCheck(playbook, resolved));

  let includedEntries;
  if (options.data) {
    try {
      const data = loadDealFile(options.data, root);
      const deal = checkDeal(playbook, resolved, data);
      diagnostics.push(...deal.diagnostics);
      includedEntries = deal.deal.included;
      if (!deal.diagnostics.some((d) => d.severity === 'error') && !resolveProblems.some((d) => d.severity === 'error')) {
        const langs = playbook.spec.languages.length === 2 ? (['zh+en'] as AssemblyLang[]) : (playbook.spec.languages as AssemblyLang[]);
        // Assembly finds again, in its own words, what the static checks found (an undefined
        // term, a dangling cross-reference): the same problem at the same line is said once.
        const found = new Set(diagnostics.map(place));
        for (const lang of langs) diagnostics.push(...assemble({ playbook, library, data, lang }).diagnostics.filter((d) => !found.has(place(d))));
      }
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      diagnostics.push(...cause.diagnostics);
    }
  }
  let coverage: Coverage | undefined;
  if (matrix) {
    const result = computeCoverage(playbook, resolved.entries, matrix.rows, matrix.file, includedEntries);
    // A clause whose module failed to load may satisfy any row: its own errors come first.
    diagnostics.push(...result.diagnostics.filter((d) => d.code !== 'requirement-uncovered' || resolved.broken.length === 0));
    coverage = result.coverage;
  }
  return { diagnostics: dedupeDiagnostics(diagnostics), modules: library.modules.size, library: shownLibrary, ...(coverage ? { coverage } : {}), ...(matrix ? { matrixFile: matrix.file } : {}) };
}

function place(d: Diagnostic): string {
  return `${d.severity}|${d.code}|${d.file}|${d.line}`;
}

function loadMatrix(explicit: string | undefined, root: string, diagnostics: Diagnostic[]): { rows: Requirement[]; file: string } | undefined {
  const file = findMatrix(explicit);
  if (!file) {
    diagnostics.push(error('matrix-missing', 'requirements matrix not found: pass --matrix <file> or set CLAUSEWRIGHT_MATRIX (looked for ../shared/reference/requirements-matrix.md beside the package)'));
    return undefined;
  }
  const shown = displayPath(file, root);
  let text: string;
  try {
    text = readUserText(file, 'requirements matrix', shown);
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    diagnostics.push(...cause.diagnostics.map((d) => (d.code === 'file-unreadable' ? { ...d, code: 'matrix-missing' } : d)));
    return undefined;
  }
  const rows = parseMatrix(text);
  if (rows.length === 0) diagnostics.push(error('matrix-empty', `requirements matrix ${shown} has no requirement rows`, { file: shown }));
  return { rows, file: shown };
}

