/**
 * Redline writers by format. DOCX is loaded only when asked for: most runs
 * (JSON, HTML) never need the OOXML machinery.
 */
import type { DocxLook } from '../../readers/docx/look.js';
import type { HeaderFooterText } from '../../readers/types.js';
import type { Redline } from '../../redline/types.js';
import { writeRedlineHtml } from './html.js';
import { writeRedlineJson } from './json.js';
import { writeRedlineMarkdown } from './markdown.js';

import type { RedlineFormat } from './formats.js';
import type { NotesOption } from './notes-on-drafts.js';

export { REDLINE_FORMATS, type RedlineFormat } from './formats.js';

export interface RedlineWriteOptions extends NotesOption {
  author?: string;
  /** YYYY-MM-DD for DOCX revision stamps. */
  date?: string;
  /** DOCX: our DOCX's look to keep (from `readDocx(…, { look: true })`). */
  look?: DocxLook;
  /** DOCX: their DOCX's styles (from `readDocx(…, { look: 'styles' })`), for paragraphs only they have. */
  theirLook?: DocxLook;
  /** DOCX: their headers and footers (from `readDocx`), to track where they read otherwise than ours. */
  theirHeadersFooters?: readonly HeaderFooterText[];
}

export async function writeRedline(format: RedlineFormat, redline: Redline, options: RedlineWriteOptions = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return writeRedlineJson(redline, options);
    case 'md':
      return writeRedlineMarkdown(redline, options);
    case 'html':
      return writeRedlineHtml(redline, options);
    case 'docx': {
      const { writeRedlineDocx } = await import('./docx/index.js');
      return writeRedlineDocx(redline, options);
    }
  }
}

export { writeRedlineHtml, writeRedlineJson, writeRedlineMarkdown };
