/**
 * What the readers said about the drafts (a draft that carried tracked changes,
 * hidden words not read, a file read as GB18030): the HTML and Markdown
 * redlines show it above the text, where a negotiator reads, not only on the
 * terminal that made the file, and the JSON carries it as `notes` for CI. The DOCX is left as the document: nothing is
 * added to it that accepting or rejecting would have to deal with.
 */
import type { Diagnostic } from '../../diagnostics.js';

export interface NotesOption {
  /** Warnings from reading the drafts, each naming its file. */
  notes?: readonly Diagnostic[];
}

/** "theirs.docx: the header on every page reads …": a note as one line of plain text. */
export function noteText(note: Diagnostic): string {
  return `${note.file ? `${note.file}${note.line !== undefined ? `:${note.line}` : ''}: ` : ''}${note.message}`;
}
