/** The one reader signature: every reader returns a document and its warnings. */
import type { Diagnostic } from '../diagnostics.js';
import type { Document } from '../model/nodes.js';
import type { DocxLook } from './docx/look.js';
import type { StyleRun } from '../redline/types.js';

export interface ReadResult {
  document: Document;
  /** Problems that did not stop reading, e.g. 'docx-has-revisions'. */
  warnings: Diagnostic[];
  /** DOCX only, when asked for (`look: true`): styles, theme, fonts and page, for a writer to keep. */
  look?: DocxLook;
  /** DOCX only, when it has any: the words of the headers and footers its last section shows (not part of the document model). */
  headersFooters?: HeaderFooterText[];
}

/** A header's or footer's words: which one, on which pages, its paragraphs joined by " / ". */
export interface HeaderFooterText {
  kind: 'header' | 'footer';
  /** Every page (odd pages when even ones have their own), the first page, even pages. */
  type: 'default' | 'first' | 'even';
  text: string;
  /** The words of a watermark it shows ("DRAFT"), a drawing apart from its text. */
  watermark?: string;
  /** The part itself (UTF-8 XML), for a DOCX redline to track their changes in our header. */
  part: Uint8Array;
  /**
   * The look of `text` (bold, italic, underline, strikethrough, highlight, colour, size: no
   * links or fields), by UTF-16 offset; absent when it is all plain.
   */
  styles?: StyleRun[];
}

export interface ReadOptions {
  /**
   * How to read tracked changes already in a DOCX: 'accept' (default) reads the
   * text as if every change were accepted, 'reject' as if every one were rejected.
   */
  revisions?: 'accept' | 'reject';
  /**
   * DOCX only: also return the file's look (the redline keeps our DOCX's styles and page);
   * 'styles' only its style sheet and paragraph styles (their draft's, for the paragraphs
   * only they have), with no warnings about parts a redline would not carry.
   */
  look?: boolean | 'styles';
}
