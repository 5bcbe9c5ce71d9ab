/**
 * Redline → JSON: the typed change list per clause (`Redline`, versioned by
 * `redlineVersion`), and the readers' notes on the drafts as `notes` when there
 * are any (notes-on-drafts.ts), each `{ code, file?, line?, message }`.
 */
import type { Redline } from '../../redline/types.js';
import type { NotesOption } from './notes-on-drafts.js';

export function writeRedlineJson(redline: Redline, { notes }: NotesOption = {}): string {
  const shown = notes?.map(({ code, file, line, message }) => ({ code, ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}), message }));
  return JSON.stringify(shown && shown.length > 0 ? { ...redline, notes: shown } : redline, null, 2) + '\n';
}
