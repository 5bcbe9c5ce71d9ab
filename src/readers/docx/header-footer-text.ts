/**
 * The words of a DOCX's headers and footers: those its last section shows
 * (shownHeadersFooters in header-footer.ts finds and unzips them). The redline does not compare them, and keeps ours; it uses these
 * to say when theirs read otherwise ("Draft — subject to contract" gone).
 * Page numbers are not words, as in the body (a field's PAGE result is not read).
 */
import type { HeaderFooterText } from '../types.js';
import type { HeaderFooterReference, ShownHeadersFooters } from './header-footer.js';
import { readBlocks, type DocxBlock, type DocxPackage } from './parse.js';
import { plainText, readPastUnclosedFields, unclosedFields, type RunContext } from './runs.js';
import type { Styles } from './styles.js';
import { asUtf8Part, parseXmlPart, type XmlElement } from './xml.js';

/** Each paragraph's text, cells' paragraphs in reading order. */
function paragraphTexts(blocks: readonly DocxBlock[], out: string[] = []): string[] {
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(plainText(block.pieces));
    else for (const row of block.rows) for (const cell of row) paragraphTexts(cell, out);
  }
  return out;
}

/** The headers and footers the last section shows, each as its paragraphs' words joined by " / "; unreadable parts are skipped. */
export function headerFooterTexts(
  { references, parts }: ShownHeadersFooters,
  file: string,
  pkg: DocxPackage,
  mode: 'accept' | 'reject',
  /** Told of each header or footer holding a text box, whose words are not read. */
  unread?: (ref: HeaderFooterReference) => void,
): HeaderFooterText[] {
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
    const { blocks, ctx } = readHeaderFooter(root, mode, pkg.styles);
    const text = paragraphTexts(blocks)
      .map(normalSpace)
      .filter(Boolean)
      .join(' / ');
    // A logo is no words; a text box may hold some ("Confidential"), which are not compared.
    if (ctx.skipped.has('text boxes')) unread?.(ref);
    const watermark = watermarkText(root, mode);
    out.push({ kind: ref.kind, type: ref.type, text, ...(watermark ? { watermark } : {}), part: asUtf8Part(part) });
  }
  return out;
}

/**
 * The words of a watermark ("DRAFT", "CONFIDENTIAL") a header shows: Word draws it as a
 * VML shape whose `v:textpath` holds the words. One in a deleted (or, read rejected, an
 * inserted) revision is not shown.
 */
function watermarkText(node: XmlElement, mode: 'accept' | 'reject'): string {
  const hidden = mode === 'accept' ? /^w:(del|moveFrom)$/ : /^w:(ins|moveTo)$/;
  const found: string[] = [];
  const visit = (el: XmlElement) => {
    if (hidden.test(el.name)) return;
    if (el.name === 'v:textpath' && el.attrs.string?.trim()) found.push(normalSpace(el.attrs.string));
    for (const c of el.children) if (c.name !== '#text') visit(c as XmlElement);
  };
  visit(node);
  return found.join(' / ');
}

const headerContext = (mode: 'accept' | 'reject', styles?: Styles): RunContext => ({ mode, fields: [], revisions: 0, notes: [], skipped: new Set(), links: new Map(), ...(styles ? { styles } : {}) });

/** The blocks of a header or footer (or one paragraph of it); read again past any field that never ends, as the body is (runs.ts readPastUnclosedFields). */
function readHeaderFooter(root: XmlElement, mode: 'accept' | 'reject', styles?: Styles): { blocks: DocxBlock[]; ctx: RunContext } {
  const { blocks, ctx } = readPastUnclosedFields((unclosed) => {
    const ctx: RunContext = { ...headerContext(mode, styles), unclosed };
    return { blocks: readBlocks(root, ctx, { next: -1 }), ctx, unclosed: unclosedFields(ctx) };
  });
  return { blocks, ctx };
}

/** Runs of whitespace as one space, trimmed: how header words are compared. */
export const normalSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The words of one paragraph (`w:p`) of a header or footer, as read above (page numbers left out), whitespace normalised. */
export function headerParagraphText(p: XmlElement): string {
  const { blocks } = readHeaderFooter({ name: 'w:hdr', attrs: {}, children: [p] }, 'accept');
  return normalSpace(paragraphTexts(blocks).join(' '));
}
