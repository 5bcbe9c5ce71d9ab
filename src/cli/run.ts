/**
 * The one place that maps failures to exit codes:
 * 0 ok, 2 bad input (diagnostics, no stack trace), 1 internal error; 3 when
 * `redline --exit-code` found changes (apart from 1, so a script can tell a
 * difference from a crash).
 */
import { InputError, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
export const EXIT_CHANGES = 3;

/** Print warnings (and errors) to stderr in a stable order. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of sortDiagnostics(diagnostics)) process.stderr.write(formatDiagnostic(d) + '\n');
}

/**
 * Wrap a command action so every failure ends with the right exit code and message.
 * `writes: false` for a command that only reports (check, list, inspect): its errors
 * need no "nothing was written".
 */
export function action<A extends unknown[]>(fn: (...args: A) => void | Promise<void>, { writes = true }: { writes?: boolean } = {}): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (cause) {
      process.exitCode = exitCodeFor(cause);
      if (cause instanceof InputError) {
        printDiagnostics(cause.diagnostics);
        const errors = cause.diagnostics.filter((d) => d.severity === 'error').length;
        process.stderr.write(`clausewright: ${errors} error${errors === 1 ? '' : 's'}${writes ? '; nothing was written' : ''}\n`);
      } else {
        process.stderr.write(`clausewright: internal error: ${(cause as Error)?.stack ?? String(cause)}\n`);
      }
    }
  };
}

export function exitCodeFor(cause: unknown): number {
  return cause instanceof InputError ? EXIT_INPUT : EXIT_INTERNAL;
}
