/**
 * DOCX → Document: safe unzip (zip.ts), safe XML (xml.ts), archive → typed
 * model (parse.ts, runs.ts, styles.ts, numbering.ts), typed model → Document
 * (to-model.ts). Existing tracked changes are read as accepted by default.
 * With `look: true` the result also carries the file's styles, theme, fonts
 * and page (look.ts), for the redline to keep our DOCX's look.
 */
import type { ReadOptions, ReadResult } from '../types.js';
import { headerFooterTexts } from './header-footer-text.js';
import { docxLook, docxStyles } from './look.js';
import { parseDocx } from './parse.js';
import { toDocument } from './to-model.js';

export { unzipDocxSafely } from './zip.js';
export { parseXmlPart, type XmlElement, type XmlNode } from './xml.js';

/**
 * Read a DOCX file into the document model.
 * @example const { document, warnings } = readDocx(bytes, 'theirs.docx', { revisions: 'reject' });
 * @throws InputError for a file that is not a safe, readable DOCX
 */
export function readDocx(bytes: Uint8Array, file: string, options: ReadOptions = {}): ReadResult {
  const mode = options.revisions ?? 'accept';
  const pkg = parseDocx(bytes, file, mode);
  const read = toDocument(pkg, file, mode);
  const headersFooters = headerFooterTexts(bytes, file, pkg, mode);
  const result = headersFooters.length > 0 ? { ...read, headersFooters } : read;
  if (!options.look) return result;
  if (options.look === 'styles') return { ...result, look: docxStyles(pkg, file) };
  const { look, warnings } = docxLook(bytes, file, pkg);
  return { ...result, warnings: [...result.warnings, ...warnings], look };
}
