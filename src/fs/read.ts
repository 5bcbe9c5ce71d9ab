/** Reading a file the user named: a missing or unreadable file is bad input (exit 2), not a crash. */
import { readFileSync } from 'node:fs';
import { InputError, error } from '../diagnostics.js';

/** `shown` is the name used in the message (e.g. relative to the working directory). */
export function readUserFile(file: string, what: string, shown = file): Buffer {
  try {
    return readFileSync(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(cause)})`;
    throw new InputError([error('file-unreadable', `${what} ${shown} ${reason}`, { file: shown })]);
  }
}
