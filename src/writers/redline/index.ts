/**
 * Redline writers by format, each loaded only when asked for: a JSON redline
 * loads neither the page nor the OOXML machinery.
 */
import type { DocxLook } from '../../readers/docx/look.js';
import type { HeaderFooterText } from '../../readers/types.js';
import type { Redline } from '../../redline/types.js';
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
      return (await import('./json.js')).writeRedlineJson(redline, options);
    case 'md':
      return (await import('./markdown.js')).writeRedlineMarkdown(redline, options);
    case 'html':
      return (await import('./html.js')).writeRedlineHtml(redline, options);
    case 'docx': {
      const { writeRedlineDocx } = await import('./docx/index.js');
      return writeRedlineDocx(redline, options);
    }
  }
}
