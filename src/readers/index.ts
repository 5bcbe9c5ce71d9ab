/**
 * The reader registry: one signature, chosen by file extension (pandoc's
 * Readers.hs table). Public API of the readers.
 */
import { readDocx } from './docx/index.js';
import { extensionOf, TEXT_READERS, unsupported } from './registry.js';
import type { ReadOptions, ReadResult } from './types.js';

export type Reader = (bytes: Uint8Array, file: string, options?: ReadOptions) => ReadResult;

/** Readers by lower-case extension, dot included. */
export const readers: Record<string, Reader> = {
  '.docx': (bytes, file, options) => readDocx(bytes, file, options),
  ...TEXT_READERS,
};

/**
 * Read a counterparty draft by its extension (.docx, .md, .markdown, .html, .htm, .txt).
 * Throws InputError naming the file for an unsupported extension or bad content.
 * @example const { document, warnings } = readDocument(readFileSync('theirs.docx'), 'theirs.docx');
 */
export function readDocument(bytes: Uint8Array, file: string, options: ReadOptions = {}): ReadResult {
  const ext = extensionOf(file);
  const reader = readers[ext];
  if (!reader) throw unsupported(file, ext, Object.keys(readers));
  return reader(bytes, file, options);
}

export { readHtml } from './html.js';
export { readMarkdown } from './markdown.js';
export { readText } from './text.js';
export { readDocx, unzipDocxSafely, parseXmlPart } from './docx/index.js';
export type { ReadOptions, ReadResult } from './types.js';
