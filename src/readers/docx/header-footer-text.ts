/**
 * The words of a DOCX's headers and footers: those its last section shows
 * (shownHeadersFooters in header-footer.ts finds and unzips them). The redline does not compare them, and keeps ours; it uses these
 * to say when theirs read otherwise ("Draft — subject to contract" gone).
 * Page numbers are not words, as in the body (a field's PAGE result is not read).
 */
import { formatOf, sameFormat } from '../../redline/format.js';
import type { Format, StyleRun } from '../../redline/types.js';
import type { HeaderFooterText } from '../types.js';
import type { HeaderFooterReference, ShownHeadersFooters } from './header-footer.js';
import { readBlocks, type DocxBlock, type DocxPackage } from './parse.js';
import { plainText, readPastUnclosedFields, unclosedFields, type Piece, type RunContext } from './runs.js';
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

const PLAIN: Format = {};

/** What the redline compares of a text piece's look: bold… size, not its link or field (a header's links and fields are not compared). */
function pieceLook(piece: Extract<Piece, { text: string }>): Format {
  return formatOf({ bold: piece.bold, italic: piece.italic, underline: piece.underline, strike: piece.strike, highlight: piece.highlight, color: piece.color, size: piece.size });
}

/** A paragraph's words as `paragraphTexts` and `normalSpace` give them, each character with its look (bold… size: no link or field). */
function lookedText(pieces: readonly Piece[]): { text: string; looks: Format[] } {
  let raw = '';
  const rawLooks: Format[] = [];
  for (const piece of pieces) {
    const text = 'text' in piece ? piece.text : 'break' in piece ? '\n' : 'note' in piece ? piece.label : '';
    const look = 'text' in piece ? pieceLook(piece) : PLAIN;
    raw += text;
    for (let k = 0; k < text.length; k++) rawLooks.push(look);
  }
  let text = '';
  const looks: Format[] = [];
  for (let k = 0; k < raw.length; k++) {
    if (/\s/.test(raw[k]!)) {
      // A stretch of whitespace is one space, in the look of its first (a struck-through line's inner spaces are struck too).
      if (text !== '' && !text.endsWith(' ')) {
        text += ' ';
        looks.push(rawLooks[k]!);
      }
      continue;
    }
    text += raw[k];
    looks.push(rawLooks[k]!);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    looks.pop();
  }
  return { text, looks };
}

/** Each paragraph's words and looks, cells' paragraphs in reading order. */
function paragraphLooks(blocks: readonly DocxBlock[], out: Array<{ text: string; looks: Format[] }> = []): Array<{ text: string; looks: Format[] }> {
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(lookedText(block.pieces));
    else for (const row of block.rows) for (const cell of row) paragraphLooks(cell, out);
  }
  return out;
}

/** The style runs of a header's text, its paragraphs' words joined by " / " (the separators plain); undefined when all is plain. */
function headerStyles(blocks: readonly DocxBlock[], text: string): StyleRun[] | undefined {
  const looks: Format[] = [];
  paragraphLooks(blocks)
    .filter((p) => p.text !== '')
    .forEach((p, k) => {
      if (k > 0) looks.push(PLAIN, PLAIN, PLAIN);
      looks.push(...p.looks);
    });
  // Read alike, so their lengths agree; should they not, no looks rather than wrong ones.
  if (looks.length !== text.length || looks.every((look) => sameFormat(look, PLAIN))) return undefined;
  const runs: StyleRun[] = [];
  looks.forEach((look, k) => {
    const last = runs[runs.length - 1];
    if (last && sameFormat(last, look)) last.end = k + 1;
    else runs.push({ ...look, end: k + 1 });
  });
  return runs;
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
    const styles = headerStyles(blocks, text);
    out.push({ kind: ref.kind, type: ref.type, text, ...(watermark ? { watermark } : {}), part: asUtf8Part(part), ...(styles ? { styles } : {}) });
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

/**
 * The look of a text run `r` of a header paragraph `p` (its properties give the paragraph
 * style), as the reader reads it: what the redline compares (bold… size; no link or field).
 */
export function headerRunLook(p: XmlElement, r: XmlElement, styles?: Styles): Format {
  const pPr = p.children.filter((c) => c.name === 'w:pPr');
  const { blocks } = readHeaderFooter({ name: 'w:hdr', attrs: {}, children: [{ name: 'w:p', attrs: {}, children: [...pPr, r] }] }, 'accept', styles);
  const block = blocks[0];
  const piece = block?.kind === 'paragraph' ? block.pieces.find((x) => 'text' in x) : undefined;
  return piece && 'text' in piece ? pieceLook(piece) : PLAIN;
}
