/**
 * Safe unzip of a DOCX (ZIP) archive with fflate (issue 4, "Bad input").
 *
 * Every entry's declared sizes are checked from the central directory BEFORE
 * anything is inflated: total uncompressed size at most 200 MB, and no entry
 * over 64 KiB with a compression ratio above 100 (small parts cannot be bombs;
 * real DOCX parts stay under ~25:1, the 200 MB cap bounds many small ones).
 * fflate inflates into a buffer of exactly the declared size, so an entry that
 * lies about its size is truncated (and then fails to parse), never bigger.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { InputError, error } from '../../diagnostics.js';

export const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
export const MAX_RATIO = 100;
const RATIO_FLOOR = 64 * 1024;

function fail(file: string, code: string, message: string): never {
  throw new InputError([error(code, message, { file })]);
}

/**
 * Unzip a DOCX into its parts, by name. `wanted` picks the parts to inflate
 * (all by default); limits apply to every entry either way.
 * @throws InputError 'docx-not-zip' | 'docx-zip-bomb' | 'docx-missing-part'
 */
export function unzipDocxSafely(bytes: Uint8Array, file: string, wanted: (name: string) => boolean = () => true): Record<string, Uint8Array> {
  let total = 0;
  const check = (entry: UnzipFileInfo): boolean => {
    total += entry.originalSize;
    if (total > MAX_TOTAL_BYTES) {
      fail(file, 'docx-zip-bomb', `${file} would expand to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB when unzipped; refusing to read it`);
    }
    const ratio = entry.originalSize / Math.max(entry.size, 1);
    if (entry.originalSize > RATIO_FLOOR && ratio > MAX_RATIO) {
      fail(file, 'docx-zip-bomb', `${file}: part ${entry.name} has a compression ratio of ${Math.round(ratio)} (limit ${MAX_RATIO}); refusing to read a possible zip bomb`);
    }
    return false;
  };
  const parts = unzip(bytes, file, check); // pass 1: sizes only, nothing inflated
  if (Object.keys(parts).length !== 0) throw new Error('unreachable: size pass inflated a part');
  const out = unzip(bytes, file, (entry) => wanted(entry.name));
  if (!('word/document.xml' in out) && wanted('word/document.xml')) {
    fail(file, 'docx-missing-part', `${file} is a ZIP archive but not a Word document: it has no word/document.xml`);
  }
  return out;
}

/** The signature of an OLE compound file: Word 97–2003's .doc, and the wrapper Word puts round a DOCX it encrypts. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function unzip(bytes: Uint8Array, file: string, filter: (entry: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Not a zip at all: say what it likely is, and what to do, rather than "corrupt".
    return fail(
      file,
      'docx-not-zip',
      `${file} is not a DOCX file but a password-protected (encrypted) Word file or an old Word 97–2003 .doc: remove the password, or save it as .docx, in Word or LibreOffice`,
    );
  }
  try {
    return unzipSync(bytes, { filter });
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return fail(file, 'docx-not-zip', `${file} is not a valid DOCX file: not a readable ZIP archive, or truncated or corrupt (${reason})`);
  }
}
