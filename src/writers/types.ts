/** One writer signature for every output format (pandoc's Writers table). */
import type { Diagnostic } from '../diagnostics.js';
import type { Document } from '../model/nodes.js';

export interface WriterOptions {
  /** YYYY-MM-DD for timestamps inside the output; default: the document's date. */
  date?: string;
}

export interface WriterResult {
  output: string | Uint8Array;
  warnings: Diagnostic[];
}

export type Writer = (document: Document, options?: WriterOptions) => WriterResult;
