/**
 * Markdown → Document. Headings (ATX, setext, list items holding a heading as in
 * `1. ## Service`, Common Paper's `<span class="header_N">` spans) open clauses
 * nested by level; the printed number goes to `clause.number` ("1.6", "A.").
 * Other blocks become paragraphs, lists (labels computed, as a renderer shows
 * them) and tables. YAML front matter is skipped (its `title` kept); HTML
 * comments, Liquid `{% … %}` tags and kramdown `{: … }` lines are removed.
 * Reference links take their definitions' targets (markdown-references.ts);
 * GFM footnotes become note references and a notes part (markdown-footnotes.ts).
 * A lone level-1 heading at the top is the document title, not a clause; it
 * wins over front matter's `title`, being the one the reader sees.
 * See markdown-blocks.ts and markdown-inline.ts for what is not supported.
 */
import type { Block, List, ListItem, Paragraph, Table } from '../model/nodes.js';
import { inlineText } from '../model/walk.js';
import { guessLang } from './lang.js';
import { InputError, error } from '../diagnostics.js';
import { NestingTooDeep, parseBlocks, type Lines, type MdBlock, type MdItem } from './markdown-blocks.js';
import { cleanInline, parseInline, removeSpans } from './markdown-inline.js';
import { placeFootnotes, takeFootnotes } from './markdown-footnotes.js';
import { resolveReferenceLinks } from './markdown-references.js';
import { normaliseNumber, splitHeadingNumber, splitNumber } from './numbers.js';
import { Outline, type Title } from './outline.js';
import type { ReadResult } from './types.js';
import { readableText } from '../xml-chars.js';

/**
 * Read Markdown text into the document model.
 * @example readMarkdown('# Terms\n\n## 1. Fees\n\nPay on time.\n').document.parts[0].clauses[0].number // '1'
 */
export function readMarkdown(text: string, file?: string): ReadResult {
  // Control characters no document can hold are no text (and NUL is our line-break mark).
  const { body, title: frontTitle } = stripFrontMatter(readableText(text));
  const { text: marked, notes } = takeFootnotes(resolveReferenceLinks(blankOut(body)));
  const lines = splitLines(marked);
  const blocks = parseOrExplain(lines, file);
  const outline = new Outline(file);

  // The title: a lone level-1 heading at the top is printed, so it is read as a line
  // of the document; else front matter's `title`, else the first heading names it.
  let title: Title = { text: frontTitle, source: 'front-matter' };
  const first = blocks.findIndex((b) => b.kind === 'heading' || isHeadingish(b));
  const top = blocks[first];
  if (top?.kind === 'heading' && top.level === 1 && countLevel1(blocks) === 1) {
    title = { text: inlineText(parseInline(top.text)), line: top.line };
    blocks.splice(first, 1);
  } else if (!frontTitle && top?.kind === 'heading') {
    title = { text: inlineText(parseInline(splitNumber(top.text)?.rest ?? top.text)), source: 'heading' };
  }
  emitBlocks(blocks, outline);
  const document = outline.finish(guessLang(hasInlineMarkup(body) ? cleanInline(body) : body), title);
  placeFootnotes(document, notes, parseInline, file);
  return { document, warnings: [] };
}

/**
 * cleanInline only removes markup that starts with '<', '{' or '['. Three
 * `includes` scan a big text many times faster than one `/[<{[]/` test.
 */
function hasInlineMarkup(text: string): boolean {
  return text.includes('<') || text.includes('{') || text.includes('[');
}

/** `parseBlocks`, with nesting past its limit reported as bad input at its line. */
function parseOrExplain(lines: Lines, file: string | undefined): MdBlock[] {
  try {
    return parseBlocks(lines);
  } catch (cause) {
    if (!(cause instanceof NestingTooDeep)) throw cause;
    // The diagnostic carries file and line; printed, it reads "x.md:101: error [md-too-deep] …".
    throw new InputError([error('md-too-deep', `${cause.message}; refusing to read it`, { ...(file ? { file } : {}), line: cause.line })]);
  }
}

/** The lines of the text from line 1, tabs expanded to four spaces. */
function splitLines(text: string): Lines {
  // A tab is four spaces wherever it stands: expand them all before splitting.
  const expanded = text.includes('\t') ? text.replace(/\t/g, '    ') : text;
  return { texts: expanded.includes('\r') ? expanded.split(/\r?\n/) : expanded.split('\n'), first: 1 };
}

function emitBlocks(blocks: readonly MdBlock[], outline: Outline): void {
  // An index loop: this one runs over every block of a big document, and
  // `for…of` allocated an iterator result per block before it got optimised.
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    if (block.kind === 'heading') {
      const split = splitHeadingNumber(block.text);
      outline.heading(block.level, split?.number, parseInline(split?.rest ?? block.text), block.line);
    } else if (block.kind === 'paragraph') {
      const span = headerSpan(block.text);
      if (span) {
        outline.heading(span.level, span.number, parseInline(span.heading), block.line);
        if (span.body.trim() !== '') addBlock(outline, paragraph(span.body, block.line, outline));
      } else addBlock(outline, paragraph(block.text, block.line, outline));
    } else if (block.kind === 'list' && isHeadingish(block)) {
      emitClauseList(block, outline);
    } else addBlock(outline, toBlock(block, outline));
  }
}

/** A list whose items hold headings (`1. ## Service`): each such item opens a clause. */
function emitClauseList(list: MdBlock & { kind: 'list' }, outline: Outline): void {
  let pending: ListItem[] = [];
  const flush = (): void => {
    if (pending.length > 0) outline.block({ type: 'list', ordered: list.ordered, children: pending, position: outline.position(pending[0].position!.line) });
    pending = [];
  };
  for (const item of list.items) {
    const [head, ...rest] = item.blocks;
    const span = head?.kind === 'paragraph' ? headerSpan(head.text) : undefined;
    if (head?.kind === 'heading') {
      flush();
      const split = splitNumber(head.text);
      outline.heading(head.level, split?.number ?? normaliseNumber(item.label), parseInline(split?.rest ?? head.text), item.line);
      emitBlocks(rest, outline);
    } else if (span) {
      flush();
      outline.heading(span.level, span.number ?? normaliseNumber(item.label), parseInline(span.heading), item.line);
      if (span.body.trim() !== '') addBlock(outline, paragraph(span.body, head.line, outline));
      emitBlocks(rest, outline);
    } else if (item.blocks.some(isHeadingish)) {
      flush();
      emitBlocks(item.blocks, outline);
    } else pending.push(toItem(item, outline));
  }
  flush();
}

function toBlock(block: MdBlock, outline: Outline): Block | undefined {
  switch (block.kind) {
    case 'heading': // a heading inside a plain list item: keep its text as a strong paragraph
      return { type: 'paragraph', children: [{ type: 'strong', children: parseInline(block.text) }], position: outline.position(block.line) };
    case 'paragraph':
      return paragraph(block.text, block.line, outline);
    case 'list': {
      const node: List = { type: 'list', ordered: block.ordered, children: block.items.map((i) => toItem(i, outline)) };
      node.position = outline.position(block.line);
      return node;
    }
    case 'table': {
      const node: Table = {
        type: 'table',
        children: block.rows.map((row, r) => ({
          type: 'tableRow',
          ...(block.header && r === 0 ? { header: true } : {}),
          children: row.cells.map((cell) => ({ type: 'tableCell', children: [{ type: 'paragraph', children: parseInline(cell) }] })),
          position: outline.position(row.line),
        })),
      };
      node.position = outline.position(block.line);
      return node;
    }
  }
}

function toItem(item: MdItem, outline: Outline): ListItem {
  const children: Block[] = [];
  for (const b of item.blocks) {
    const block = toBlock(b, outline);
    if (block !== undefined && !isEmpty(block)) children.push(block);
  }
  return { type: 'listItem', label: item.label, children, position: outline.position(item.line) };
}

function paragraph(text: string, line: number, outline: Outline): Paragraph {
  return { type: 'paragraph', children: parseInline(text), position: outline.position(line) };
}

function addBlock(outline: Outline, block: Block | undefined): void {
  if (block && !isEmpty(block)) outline.block(block);
}

const isEmpty = (block: Block): boolean => block.type === 'paragraph' && block.children.length === 0;

interface HeaderSpan {
  level: number;
  number?: string;
  heading: string;
  body: string;
}

/**
 * Common Paper marks clause headings with `<span class="header_3" id="1.1">`,
 * optionally after a printed number (`1.1 <span class="header_3">Title.</span> Body`).
 */
function headerSpan(text: string): HeaderSpan | undefined {
  // Most paragraphs have no span; without this check the pattern below walks
  // every character of a paragraph without spaces (Chinese) before failing.
  if (!text.includes('<span')) return undefined;
  const m = text.match(/^\s*(?:(\S+)\s+)?<span\b([^>]*)>([\s\S]*?)<\/span>([\s\S]*)$/);
  if (!m) return undefined;
  const [, prefix, attrs, inner, after] = m;
  const level = attrs.match(/class="[^"]*\bheader_(\d)\b/)?.[1];
  if (!level) return undefined;
  const printed = prefix === undefined ? undefined : splitNumber(`${prefix} `);
  if (prefix !== undefined && (!printed || printed.rest !== '')) return undefined;
  const id = attrs.match(/\bid="(\d+(?:\.\d+)*)"/)?.[1];
  let heading = inner;
  let body = after;
  // "<span …>Support</span>. During …": the full stop belongs to the heading.
  const stop = body.match(/^\s*([.:：。])/);
  if (stop && !/[.:：。]\s*$/.test(cleanInline(heading))) {
    heading += stop[1];
    body = body.slice(stop[0].length);
  }
  return { level: Number(level), number: printed?.number ?? id, heading, body };
}

function isHeadingish(block: MdBlock): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind === 'paragraph') return headerSpan(block.text) !== undefined;
  if (block.kind === 'list') return block.items.some((i) => i.blocks.some(isHeadingish));
  return false;
}

function countLevel1(blocks: readonly MdBlock[]): number {
  let n = 0;
  // An index loop for the same reason as in emitBlocks: it visits every top-level block once.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind === 'heading' && b.level === 1) n++;
    else if (b.kind === 'list') for (const i of b.items) n += countLevel1(i.blocks);
  }
  return n;
}

/** Drop YAML front matter (keeping line numbers) and return its `title`. */
function stripFrontMatter(text: string): { body: string; title: string } {
  const m = text.replace(/^\uFEFF/, '').match(/^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  if (!m) return { body: text.replace(/^\uFEFF/, ''), title: '' };
  const raw = m[1].match(/^title:[ \t]*(.+?)[ \t]*$/m)?.[1] ?? '';
  return { body: m[0].replace(/[^\n]/g, '') + text.replace(/^\uFEFF/, '').slice(m[0].length), title: yamlScalar(raw) };
}

/** A one-line YAML scalar: double-quoted with escapes, single-quoted ('' for '), or plain. */
function yamlScalar(raw: string): string {
  if (/^'.*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/.test(raw)) {
    try {
      return String(JSON.parse(raw));
    } catch {
      return raw.slice(1, -1);
    }
  }
  return raw;
}

/** Remove comments, Liquid tags and kramdown attribute lines, keeping line numbers. */
function blankOut(text: string): string {
  const keepLines = (s: string): string => s.replace(/[^\n]/g, '');
  // Each pattern needs its opening characters: skip the pass over a big text when they are absent.
  let out = text;
  out = removeSpans(removeSpans(out, '<!--', '-->', keepLines), '{%', '%}', keepLines);
  if (out.includes('{:')) out = out.replace(/^[ \t]*\{:[^}\n]*\}[ \t]*$/gm, '');
  return out;
}

