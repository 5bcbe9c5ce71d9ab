/**
 * The light half of the reader registry: extension lookup, UTF-8 decoding, and
 * `readDocumentLazy`, which loads the DOCX reader (fflate, fast-xml-parser)
 * only when a .docx is read. The CLI reads through this; `readDocument` in
 * index.ts is the synchronous public API with every reader loaded.
 */
import { InputError, error, warning, type Diagnostic } from '../diagnostics.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';


/** `bytes` in `encoding`, or undefined where they are not valid in it. */
function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Chinese text: at least 30% of its letters Han. Latin-1 text decoded as GB18030
 * also turns into Han characters, but only where its few accented letters were.
 */
function readsAsChinese(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han >= letters * 0.3;
}

/**
 * A text file's characters: UTF-8 (a byte-order mark allowed), UTF-16 with its
 * byte-order mark (Windows Notepad's "Unicode"), or, with a warning, GB18030 when
 * it reads as Chinese (Notepad's "ANSI" on Chinese Windows, where counterparties'
 * plain-text drafts come from). Anything else is refused, not guessed at.
 */
export function decode(bytes: Uint8Array, file: string): { text: string; warnings: Diagnostic[] } {
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (bom16) {
    const text = tryDecode(bom16, bytes.subarray(2));
    if (text !== undefined) return { text, warnings: [] };
    throw new InputError([error('not-utf8', `${file} starts as UTF-16 text but is not valid UTF-16: save it as UTF-8`, { file })]);
  }
  const text = tryDecode('utf-8', bytes);
  if (text !== undefined) return { text, warnings: [] };
  const chinese = tryDecode('gb18030', bytes);
  if (chinese !== undefined && readsAsChinese(chinese)) {
    return { text: chinese, warnings: [warning('text-encoding', `${file} is not UTF-8: read as GB18030 (GBK), the encoding of Chinese Windows; save it as UTF-8 to be sure it reads as written`, { file })] };
  }
  throw new InputError([error('not-utf8', `${file} is not valid UTF-8 text (nor Chinese GB18030): save it as UTF-8`, { file })]);
}

/** A reader of text (Markdown, HTML, plain text) over bytes: decoded first, the decoding's warnings first in the result's. */
function textReader(read: (text: string, file: string) => ReadResult): (bytes: Uint8Array, file: string) => ReadResult {
  return (bytes, file) => {
    const { text, warnings } = decode(bytes, file);
    const result = read(text, file);
    return warnings.length === 0 ? result : { ...result, warnings: [...warnings, ...result.warnings] };
  };
}

/** The readers of text files by lower-case extension: every supported one but .docx, whose reader index.ts loads. */
export const TEXT_READERS: Readonly<Record<string, (bytes: Uint8Array, file: string) => ReadResult>> = {
  '.md': textReader(readMarkdown),
  '.markdown': textReader(readMarkdown),
  '.html': textReader(readHtml),
  '.htm': textReader(readHtml),
  '.txt': textReader(readText),
};

/** Lower-case extension of a file name, dot included; '' when none. */
export function extensionOf(file: string): string {
  return file.match(/\.[^./\\]+$/)?.[0].toLowerCase() ?? '';
}

/** What to do with a format people do send, in place of the bare list of extensions. */
const ADVICE: Readonly<Record<string, string>> = {
  '.doc': 'Word 97–2003 files are not read: save it as .docx in Word or LibreOffice',
  '.wps': 'WPS Office files are not read: save it as .docx in WPS Office',
  '.rtf': 'RTF is not read: save it as .docx in Word or LibreOffice',
  '.odt': 'OpenDocument is not read: save it as .docx in LibreOffice',
  '.pdf': 'PDF holds no editable text to compare: ask for the Word file, or save the text as .txt',
};

export function unsupported(file: string, ext: string, known: readonly string[]): InputError {
  const advice = ADVICE[ext] ? `; ${ADVICE[ext]}` : '';
  return new InputError([
    error('unsupported-format', `cannot read ${file}: ${ext ? `extension ${ext}` : 'no extension'} is not supported (use ${known.join(', ')})${advice}`, { file }),
  ]);
}

/**
 * `readDocument`, loading the DOCX reader only for a .docx file.
 * @example const { document } = await readDocumentLazy(readFileSync('theirs.md'), 'theirs.md');
 */
export async function readDocumentLazy(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const ext = extensionOf(file);
  if (ext === '.docx') {
    const { readDocx } = await import('./docx/index.js');
    return readDocx(bytes, file, options);
  }
  const read = TEXT_READERS[ext];
  if (!read) throw unsupported(file, ext, ['.docx', ...Object.keys(TEXT_READERS)]);
  return read(bytes, file);
}
