/**
 * DOCX → Document: safe unzip (zip.ts), safe XML (xml.ts), archive → typed
 * model (parse.ts, runs.ts, styles.ts, numbering.ts), typed model → Document
 * (to-model.ts). Existing tracked changes are read as accepted by default.
 * With `look: true` the result also carries the file's styles, theme, fonts
 * and page (look.ts), for the redline to keep our DOCX's look.
 */
import { warning } from '../../diagnostics.js';
import type { ReadOptions, ReadResult } from '../types.js';
import { headerFooterTexts } from './header-footer-text.js';
import { PAGES } from '../header-footer-pages.js';
import { shownHeadersFooters } from './header-footer.js';
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
  // The look unzips the headers and footers it carries; their words come from that same pass.
  const looked = options.look === true ? docxLook(bytes, file, pkg) : undefined;
  const withTextBoxes: string[] = [];
  const headersFooters = headerFooterTexts(looked?.shown ?? shownHeadersFooters(bytes, file, pkg), file, pkg, mode, (ref) => withTextBoxes.push(`the ${ref.kind} ${PAGES[ref.type]}`));
  const warned = withTextBoxes.length > 0 ? { ...read, warnings: [...read.warnings, warning('docx-content-skipped', `${file}: text boxes in ${withTextBoxes.join(', ')} are not read: their words are not compared`, { file })] } : read;
  const result = headersFooters.length > 0 ? { ...warned, headersFooters } : warned;
  if (looked) return { ...result, warnings: [...result.warnings, ...looked.warnings], look: looked.look };
  return options.look === 'styles' ? { ...result, look: docxStyles(pkg, file) } : result;
}
