/**
 * The light half of the reader registry: extension lookup, UTF-8 decoding, and
 * `readDocumentLazy`, which loads the DOCX reader (fflate, fast-xml-parser)
 * only when a .docx is read. The CLI reads through this; `readDocument` in
 * index.ts is the synchronous public API with every reader loaded.
 */
import { InputError, error } from '../diagnostics.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

/** Supported extensions, lower case, dot included, in the order error messages list them. */
export const EXTENSIONS = ['.docx', '.md', '.markdown', '.html', '.htm', '.txt'] as const;

export function decode(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([error('not-utf8', `${file} is not valid UTF-8 text`, { file })]);
  }
}

/** Lower-case extension of a file name, dot included; '' when none. */
export function extensionOf(file: string): string {
  return file.match(/\.[^./\\]+$/)?.[0].toLowerCase() ?? '';
}

export function unsupported(file: string, ext: string, known: readonly string[]): InputError {
  return new InputError([
    error('unsupported-format', `cannot read ${file}: ${ext ? `extension ${ext}` : 'no extension'} is not supported (use ${known.join(', ')})`, { file }),
  ]);
}

/**
 * `readDocument`, loading the DOCX reader only for a .docx file.
 * @example const { document } = await readDocumentLazy(readFileSync('theirs.md'), 'theirs.md');
 */
export async function readDocumentLazy(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const ext = extensionOf(file);
  switch (ext) {
    case '.docx': {
      const { readDocx } = await import('./docx/index.js');
      return readDocx(bytes, file, options);
    }
    case '.md':
    case '.markdown':
      return readMarkdown(decode(bytes, file), file);
    case '.html':
    case '.htm':
      return readHtml(decode(bytes, file), file);
    case '.txt':
      return readText(decode(bytes, file), file);
    default:
      throw unsupported(file, ext, EXTENSIONS);
  }
}
