/**
 * Our assembled agreement as the counterparty received it. A playbook
 * assembles to a model whose front matter (parties, key terms) lives in
 * `meta`, while a draft read from a file has it as paragraphs; comparing the
 * two directly would report the whole cover page as "added". So we write our
 * document in the format of their draft and read it back with the same reader
 * that reads theirs: both sides then have the same shape, and only real
 * changes remain.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Document } from '../model/nodes.js';
import { isBilingual } from '../readers/lang.js';
import type { ReadResult } from '../readers/types.js';
import { documentParagraphs } from './units.js';

export type SentFormat = 'docx' | 'md' | 'html';

/**
 * Our document written as `format` and read back. With `look`, a DOCX also
 * gives its look (styles, page, headers and footers), for a DOCX redline
 * that looks like the agreement we sent.
 */
export async function asSent(document: Document, format: SentFormat, date: string, file: string, options: { look?: boolean } = {}): Promise<ReadResult> {
  if (format === 'docx') {
    const [{ writeDocx }, { readDocx }] = await Promise.all([import('../writers/docx/index.js'), import('../readers/docx/index.js')]);
    const written = writeDocx(document, { date });
    const read = readDocx(written.bytes, file, { look: options.look === true });
    const warnings: Diagnostic[] = [...written.warnings, ...read.warnings];
    return { ...read, warnings };
  }
  if (format === 'html') {
    const [{ writeHtml }, { readHtml }] = await Promise.all([import('../writers/html/index.js'), import('../readers/html.js')]);
    return readHtml(writeHtml(document).output as string, file);
  }
  const [{ writeMarkdown }, { readMarkdown }] = await Promise.all([import('../writers/markdown/index.js'), import('../readers/markdown.js')]);
  return readMarkdown(writeMarkdown(document).output as string, file);
}

/**
 * The language to assemble ours in when not told: that of their draft, and
 * Chinese and English side by side when theirs reads as both (a bilingual
 * agreement sent back), so a bilingual draft is not compared with one language.
 */
export function assemblyLangFor(theirs: Document): 'zh' | 'en' | 'zh+en' {
  if (isBilingual(documentParagraphs(theirs).join('\n'))) return 'zh+en';
  return theirs.lang === 'en' ? 'en' : 'zh';
}

/** The format to render ours in, from the name of their draft. */
export function sentFormatFor(theirsFile: string): SentFormat {
  return /\.docx$/i.test(theirsFile) ? 'docx' : /\.html?$/i.test(theirsFile) ? 'html' : 'md';
}
