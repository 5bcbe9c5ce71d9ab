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

/**
 * A text file the user writes (a playbook, deal data, a clause module) as UTF-8, without
 * a byte-order mark. Any other encoding is refused, naming the line of the first byte that
 * is not UTF-8: decoded leniently, a deal file saved as GBK put "����" into the agreement
 * where the parties' names belong.
 * @throws InputError 'file-unreadable' | 'not-utf8'
 */
export function readUserText(file: string, what: string, shown = file): string {
  return utf8Text(readUserFile(file, what, shown), what, shown);
}

/** `bytes` as UTF-8 text, or an InputError naming the file and the line where they stop being UTF-8. */
export function utf8Text(bytes: Uint8Array, what: string, shown: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
    throw new InputError([error('not-utf8', `${what} ${shown} is not valid UTF-8 text: save it as UTF-8`, { file: shown, line })]);
  }
}
