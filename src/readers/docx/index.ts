/** DOCX reader entry point: safe unzip → parse → model. */
import { InputError, error } from '../../diagnostics.js';
import type { ReadOptions, ReadResult } from '../types.js';
import { unzipDocxSafely } from './zip.js';

export { unzipDocxSafely } from './zip.js';
export { parseXmlPart } from './xml.js';

export function readDocx(bytes: Uint8Array, file: string, _options: ReadOptions = {}): ReadResult {
  unzipDocxSafely(bytes, file);
  throw new InputError([error('docx-unsupported', `${file}: DOCX reading is not implemented yet`, { file })]);
}
