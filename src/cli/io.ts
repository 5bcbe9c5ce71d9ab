/**
 * File effects for the CLI: reading inputs with clear errors, and writing
 * outputs atomically (temp file + rename) so a failed run never leaves a
 * half-written file behind.
 */
import { writeOutputAtomic } from '../fs/atomic.js';
import { readUserFile } from '../fs/read.js';

export { writeOutputAtomic };

/** Read a file the user named; a missing or unreadable file is bad input (exit 2). */
export function readInput(file: string, what = 'input file'): Buffer {
  return readUserFile(file, what);
}

/** Write to a file atomically, or to stdout when no file is given. */
export function emit(file: string | undefined, content: string | Uint8Array): void {
  if (file) writeOutputAtomic(file, content);
  else process.stdout.write(content);
}
