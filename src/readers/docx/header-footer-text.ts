/**
 * The words of a DOCX's headers and footers: those its last section shows
 * (shownHeadersFooters in header-footer.ts finds and unzips them). The redline does not compare them, and keeps ours; it uses these
 * to say when theirs read otherwise ("Draft — subject to contract" gone).
 * Page numbers are not words, as in the body (a field's PAGE result is not read).
 */
import type { HeaderFooterText } from '../types.js';
import type { ShownHeadersFooters } from './header-footer.js';
import { readBlocks, type DocxBlock, type DocxPackage } from './parse.js';
import { plainText, type RunContext } from './runs.js';
import { parseXmlPart } from './xml.js';

/** Each paragraph's text, cells' paragraphs in reading order. */
function paragraphTexts(blocks: readonly DocxBlock[], out: string[] = []): string[] {
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(plainText(block.pieces));
    else for (const row of block.rows) for (const cell of row) paragraphTexts(cell, out);
  }
  return out;
}

/** The headers and footers the last section shows, each as its paragraphs' words joined by " / "; unreadable parts are skipped. */
export function headerFooterTexts({ references, parts }: ShownHeadersFooters, file: string, pkg: DocxPackage, mode: 'accept' | 'reject'): HeaderFooterText[] {
  const out: HeaderFooterText[] = [];
  for (const ref of references) {
    const part = parts[ref.part];
    if (!part) continue;
    let root;
    try {
      root = parseXmlPart(part, ref.part, file);
    } catch {
      continue; // a header we cannot read has no words to compare; the look says why it is not carried
    }
    const ctx: RunContext = { mode, fields: [], revisions: 0, notes: [], skipped: new Set(), links: new Map(), styles: pkg.styles };
    const text = paragraphTexts(readBlocks(root, ctx, { next: -1 }))
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' / ');
    out.push({ kind: ref.kind, type: ref.type, text });
  }
  return out;
}
