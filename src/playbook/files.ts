/**
 * The file-reading edge of assembly: read the playbook, the clause library and
 * the deal file, then call the pure `assemble`. Throws InputError with every
 * problem when the input is bad.
 */
import { readUserText } from '../fs/read.js';
import { basename } from 'node:path';
import { InputError, error, throwIfErrors, type Diagnostic } from '../diagnostics.js';
import { displayPath, loadLibrary, type Library } from '../library/load.js';
import type { Document } from '../model/nodes.js';
import { libraryFor } from '../paths.js';
import { parseYaml } from '../yaml/parse.js';
import { assemble, type AssemblyLang } from './assemble.js';
import type { DealSource } from './data.js';
import { parsePlaybook, type Playbook } from './load.js';

export interface AssembleFilesOptions {
  playbook: string;
  data?: string;
  lang: AssemblyLang;
  date?: string;
  /** Clause library folder; default: see `libraryFor`. */
  clauses?: string;
  /** Root that file names in messages are shown relative to; default: cwd. */
  displayRoot?: string;
}

function readText(file: string, what: string, displayRoot: string): string {
  return readUserText(file, what, displayPath(file, displayRoot));
}

export function loadPlaybookFile(file: string, displayRoot = process.cwd()): { playbook?: Playbook; diagnostics: Diagnostic[] } {
  return parsePlaybook(readText(file, 'playbook', displayRoot), displayPath(file, displayRoot));
}

export function loadDealFile(file: string | undefined, displayRoot = process.cwd()): DealSource {
  if (!file) return { value: {}, file: '(no deal data)', lineOf: () => undefined };
  const shown = displayPath(file, displayRoot);
  const text = readText(file, 'deal data file', displayRoot);
  if (!/\.(ya?ml|json)$/i.test(file)) {
    throw new InputError([error('data-format', `deal data file ${shown} must be .yaml, .yml or .json`, { file: shown })]);
  }
  // JSON is read by the YAML parser (for its lines), which also takes what JSON does not
  // (a trailing comma, comments, unquoted words): a .json file other tools will read must be JSON.
  if (/\.json$/i.test(file)) throwIfErrors(jsonProblems(text, shown));
  const parsed = parseYaml(text, shown);
  throwIfErrors(parsed.diagnostics);
  return { value: parsed.value ?? {}, file: shown, lineOf: parsed.lineOf };
}

/** What makes a .json deal file no JSON; an empty file is an empty deal, as in YAML. */
function jsonProblems(text: string, file: string): Diagnostic[] {
  // No byte-order mark to strip: readUserText's TextDecoder drops it, so offsets are the text's own.
  if (text.trim() === '') return [];
  try {
    JSON.parse(text);
    return [];
  } catch (cause) {
    const at = (offset: number) => {
      const before = text.slice(0, offset);
      return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
    };
    const comma = trailingComma(text);
    if (comma !== undefined) return [error('json-syntax', 'JSON syntax error: a comma before a closing } or ]; JSON takes no trailing comma', { file, ...at(comma) })];
    const position = /at position (\d+)/.exec((cause as Error).message);
    // Node 20 gives no position for an unexpected token: the YAML parser's line, when it finds one.
    const located = position ? [] : parseYaml(text, file).diagnostics.filter((d) => d.line !== undefined);
    if (located.length > 0) return located.map((d) => ({ ...d, code: 'json-syntax', message: d.message.replace(/^YAML/, 'JSON') }));
    // V8 quotes the text around the error after the comma: the line says where.
    const reason = (cause as Error).message.split(/,? "| in JSON at position/)[0]!;
    return [error('json-syntax', `JSON syntax error: ${reason}`, { file, ...(position ? at(Number(position[1])) : {}) })];
  }
}

/** Offset of a comma that only white space separates from a closing bracket, outside strings. */
function trailingComma(text: string): number | undefined {
  let comma: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      comma = undefined;
    } else if (c === ',') comma = i;
    else if ((c === '}' || c === ']') && comma !== undefined) return comma;
    else if (!/\s/.test(c)) comma = undefined;
  }
  return undefined;
}

/**
 * Library problems that concern the given modules (or any, when `ids` is absent). A library
 * folder that is not there concerns them all: without it, `--clauses clasues` read as
 * "unknown clause" for every clause of the playbook, the mistyped folder never named.
 */
export function libraryDiagnostics(diagnostics: Diagnostic[], ids?: Set<string>): Diagnostic[] {
  if (!ids) return diagnostics;
  return diagnostics.filter((d) => !d.file || d.code === 'library-missing' || ids.has(basename(d.file).replace(/\.md$/, '')));
}

export function loadForPlaybook(options: { playbook: string; clauses?: string; displayRoot?: string }): { playbook: Playbook; library: Library; diagnostics: Diagnostic[] } {
  const root = options.displayRoot ?? process.cwd();
  const loaded = loadPlaybookFile(options.playbook, root);
  throwIfErrors(loaded.diagnostics);
  const playbook = loaded.playbook!;
  const { library, diagnostics } = loadLibrary(libraryFor(options.playbook, options.clauses), root);
  const ids = new Set(playbook.spec.parts.flatMap((p) => p.clauses.map((c) => c.clause)));
  return { playbook, library, diagnostics: [...loaded.diagnostics, ...libraryDiagnostics(diagnostics, ids)] };
}

/**
 * Assemble from files. Returns the document and warnings; throws InputError
 * listing every error.
 * @example
 *   const { document } = assembleFiles({ playbook: 'playbooks/aigc-user-agreement.yaml',
 *     data: 'examples/aigc-user-agreement.yaml', lang: 'zh', date: '2026-01-01' });
 */
export function assembleFiles(options: AssembleFilesOptions): { document: Document; warnings: Diagnostic[] } {
  const root = options.displayRoot ?? process.cwd();
  const { playbook, library, diagnostics } = loadForPlaybook(options);
  let data: DealSource;
  try {
    data = loadDealFile(options.data, root);
  } catch (cause) {
    if (cause instanceof InputError) throw new InputError([...diagnostics, ...cause.diagnostics]);
    throw cause;
  }
  const result = assemble({ playbook, library, data, lang: options.lang, ...(options.date ? { date: options.date } : {}) });
  const all = [...diagnostics, ...result.diagnostics];
  throwIfErrors(all);
  return { document: result.document!, warnings: all };
}
