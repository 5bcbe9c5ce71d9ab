/** Writers registered by format name. DOCX is loaded lazily: most runs never need it. */
import type { Document } from '../model/nodes.js';
import { writeHtml } from './html/index.js';
import { writeJson } from './json.js';
import { writeMarkdown } from './markdown/index.js';
import type { Format } from './formats.js';
import type { Writer, WriterOptions, WriterResult } from './types.js';

export const TEXT_WRITERS: Record<'md' | 'html' | 'json', Writer> = {
  md: writeMarkdown,
  html: writeHtml,
  json: writeJson,
};

export { FORMATS, type Format } from './formats.js';

export async function write(format: Format, document: Document, options: WriterOptions = {}): Promise<WriterResult> {
  if (format === 'docx') {
    const { writeDocx } = await import('./docx/index.js');
    const result = await writeDocx(document, options);
    return { output: result.bytes, warnings: result.warnings };
  }
  return TEXT_WRITERS[format](document, options);
}

export { writeHtml, writeJson, writeMarkdown };
export type { Writer, WriterOptions, WriterResult };
