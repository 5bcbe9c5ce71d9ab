/**
 * Problems in the user's input are data, not exceptions: each names the file,
 * the place in it and the field, so all of them can be reported at once.
 * Programmer errors still throw ordinary Errors (exit code 1 at the CLI).
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable kind, e.g. 'variable-missing', 'yaml-syntax'. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside the file, e.g. ['parts', 0, 'clauses', 2, 'variant']. */
  path?: (string | number)[];
}

/** Thrown at the boundary when input problems stop an operation (exit code 2). */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(errors.map(formatDiagnostic).join('\n') || 'invalid input');
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

export function error(code: string, message: string, where: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {}): Diagnostic {
  return { severity: 'error', code, message, ...where };
}

export function warning(code: string, message: string, where: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {}): Diagnostic {
  return { severity: 'warning', code, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Throw an InputError if any diagnostic is an error. */
export function throwIfErrors(diagnostics: readonly Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new InputError([...diagnostics]);
}

/** Render a path like parts[0].clauses[2].variant */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/** `file:line:column: error [code] message (at path)` — the shape editors jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '';
  if (d.file && d.line !== undefined) where += `:${d.line}`;
  if (d.file && d.line !== undefined && d.column !== undefined) where += `:${d.column}`;
  const at = d.path && d.path.length > 0 ? ` (at ${formatPath(d.path)})` : '';
  return `${where ? where + ': ' : ''}${d.severity} [${d.code}] ${d.message}${at}`;
}

/** Errors first, then warnings; each group by file and line, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

/** Drop repeats (the same problem found in several languages or passes). */
export function dedupeDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.severity}|${d.code}|${d.message}|${d.file}|${d.line}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
