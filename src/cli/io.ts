/**
 * File effects for the CLI: reading inputs with clear errors, and writing
 * outputs atomically (temp file + rename) so a failed run never leaves a
 * half-written file behind.
 */
import { readFileSync } from 'node:fs';
import { writeOutputAtomic } from '../fs/atomic.js';
import { InputError, error } from '../diagnostics.js';

export { writeOutputAtomic };

/** Read a file the user named; a missing or unreadable file is bad input (exit 2). */
export function readInput(file: string, what = 'input file'): Buffer {
  try {
    return readFileSync(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(cause)})`;
    throw new InputError([error('file-unreadable', `${what} ${file} ${reason}`, { file })]);
  }
}

export function readInputText(file: string, what = 'input file'): string {
  return readInput(file, what).toString('utf8');
}

/** Write to a file atomically, or to stdout when no file is given. */
export function emit(file: string | undefined, content: string | Uint8Array): void {
  if (file) writeOutputAtomic(file, content);
  else process.stdout.write(content);
}
