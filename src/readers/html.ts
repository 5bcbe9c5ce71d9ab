/**
 * HTML → Document, for drafts and published terms that live as web pages.
 * The page is rewritten as the Markdown it says (headings, paragraphs,
 * nested lists, tables, bold, italic, underline, strikethrough, highlight, colour, size and
 * links) and read by the Markdown reader, so both readers find clauses,
 * numbers and titles alike; positions are mapped back to the page's lines.
 *
 * What is read: the page's `<main>` when it has one, else its `<body>`; links
 * to other pages (a jump within the page is its words, as in a DOCX).
 * Never read: `<head>`, scripts, styles, navigation (`<nav>`), forms and
 * media, and anything hidden (`hidden`, `aria-hidden="true"`,
 * `display: none`). Whitespace collapses as a browser shows it; a line break
 * in the source between two CJK characters joins them, as the Markdown
 * reader joins wrapped lines. Not done: `<pre>` layout beyond its lines,
 * merged table cells (a spanned cell is read once), images (their `alt` is
 * not text of the agreement).
 */
import { InputError, error, type Diagnostic } from '../diagnostics.js';
import type { Document } from '../model/nodes.js';
import { isCjkChar } from './lang.js';
import { escapeMarkdown, markdownHref } from '../writers/markdown/inline.js';
import { tokenize, type HtmlToken } from './html-tokens.js';
import { MAX_NESTING, NestingTooDeep } from './markdown-blocks.js';
import { readMarkdown } from './markdown.js';
import type { ReadResult } from './types.js';
import { readableText } from '../xml-chars.js';

/** Elements whose content is not text of the document. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'iframe', 'object', 'embed', 'select', 'button', 'canvas', 'video', 'audio', 'map', 'form', 'dialog']);
/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements that end a paragraph where they open and close. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'body', 'address', 'blockquote', 'figure', 'figcaption',
  'dl', 'dt', 'dd', 'center', 'details', 'summary', 'fieldset', 'legend', 'hgroup', 'caption', 'hr', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
/** Structure a table cell cannot hold in Markdown; inside a cell it is read as text. */
const FLATTENED_IN_CELL = new Set(['ul', 'ol', 'li', 'table', 'tr', 'pre']);
/** Open links and emphasis kept as such; deeper ones are read as their words. */
const MAX_INLINE_NESTING = 64;

const EMPHASIS: Record<string, [string, string]> = {
  strong: ['**', '**'], b: ['**', '**'], dfn: ['**', '**'],
  em: ['*', '*'], i: ['*', '*'], cite: ['*', '*'], var: ['*', '*'],
  // <ins> shows underlined, as <u> does: read as what the page shows.
  u: ['<u>', '</u>'], ins: ['<u>', '</u>'],
  // A line through words, however the page draws it: <s> is what the Markdown reader reads as strikethrough.
  s: ['<s>', '</s>'], strike: ['<s>', '</s>'], del: ['<s>', '</s>'],
};

interface Inline {
  name: string;
  text: string;
  wrap?: [string, string];
  href?: string;
  /** The label an item prints itself ("(a)", "1.", "•"): it becomes the item's marker where Markdown has one. */
  label?: boolean;
}

interface ListLevel {
  ordered: boolean;
  next: number;
  /** Column where this level's item text starts. */
  indent: number;
}

/** The Markdown a page says, and for each of its lines the page's line. */
export interface PageMarkdown {
  markdown: string;
  lines: number[];
}

class Converter {
  readonly out: string[] = [];
  readonly lines: number[] = [];
  private inline: Inline[] = [{ name: '', text: '' }];
  private blockLine = 1;
  private heading = 0;
  private readonly lists: ListLevel[] = [];
  /** The marker an item's first line takes, until that line is written. */
  private marker: string | undefined;
  /** Lines of this item already written: later blocks are its continuation. */
  private itemStarted = false;
  private table: { rows: string[][]; line: number } | undefined;
  /** Inside a table cell: its text gathers in `inline` until the cell ends. */
  private cell = false;
  private pre = 0;
  /** Tables open inside the current cell: their cells are its text. */
  private innerTables = 0;
  /** Text written lately ends with whitespace (collapsing, as a browser does). */
  private lastSpace = true;
  private lastChar = '';

  text(raw: string, line: number): void {
    if (this.inline.length === 1 && !this.inline[0]!.text) this.blockLine = line;
    if (this.pre > 0) {
      const lines = raw.split('\n');
      lines.forEach((l, k) => {
        if (k > 0) this.append('  \n');
        this.append(escapeMarkdown(l));
      });
      return;
    }
    // Collapse whitespace; a wrapped line between two CJK characters joins them.
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, (space, at: number) => {
      const before = at > 0 ? raw[at - 1]! : this.lastChar;
      const after = raw[at + space.length] ?? '';
      return space.includes('\n') && isCjkChar(before) && isCjkChar(after) ? '' : ' ';
    });
    const text = this.lastSpace ? collapsed.replace(/^ /, '') : collapsed;
    if (!text) return;
    this.append(escapeMarkdown(text));
    this.lastSpace = text.endsWith(' ');
    this.lastChar = text[text.length - 1]!;
  }

  private append(markdown: string): void {
    this.inline[this.inline.length - 1]!.text += markdown;
  }

  open(name: string, attrs: Record<string, string>, line: number): void {
    if (name === 'br') {
      // A line break inside a paragraph; a heading or a table cell has one line.
      this.append(this.heading || this.cell ? ' ' : '  \n');
      this.lastSpace = true;
      return;
    }
    if (this.flattenedInCell(name)) {
      // A cell is one line of its table: headings, lists and tables inside it are its text.
      if (name === 'table') this.innerTables++;
      this.append(' ');
      return;
    }
    if (/^h[1-6]$/.test(name)) {
      this.flush();
      this.heading = Number(name[1]);
      this.blockLine = line;
      return;
    }
    // Links and emphasis nested deeper than any page nests them are transparent: each level
    // rewrote all the text inside it and searched the open ones for its end tag (quadratic: 100,000
    // nested <u> took 81 s), and the Markdown reader keeps no more than 32 levels anyway.
    if (this.inline.length > MAX_INLINE_NESTING && (name === 'a' || name === 'mark' || name === 'span' || EMPHASIS[name])) return;
    switch (name) {
      case 'ul':
      case 'ol': {
        this.flush();
        // The Markdown reader refuses this depth anyway; written out first, each item's indent
        // grew with its depth (quadratic: 8,000 nested lists took 21 s, 80,000 ran out of string).
        if (this.lists.length >= MAX_NESTING) throw new NestingTooDeep(line);
        const parent = this.lists[this.lists.length - 1];
        const start = Number.parseInt(attrs.start ?? '1', 10);
        this.lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1, indent: parent ? parent.indent : 0 });
        return;
      }
      case 'li': {
        this.flush();
        const list = this.lists[this.lists.length - 1];
        if (!list) return;
        this.marker = list.ordered ? `${list.next++}. ` : '- ';
        this.itemStarted = false;
        this.blockLine = line;
        return;
      }
      case 'table':
        this.flush();
        if (!this.table) this.table = { rows: [], line };
        return;
      case 'tr':
        if (this.table && !this.cell) this.table.rows.push([]);
        return;
      case 'td':
      case 'th':
        if (this.table && !this.cell) {
          this.cell = true;
          this.inline = [{ name: '', text: '' }];
        }
        return;
      case 'pre':
        this.flush();
        this.pre++;
        return;
      case 'a':
        this.inline.push({ name, text: '', ...(attrs.href ? { href: attrs.href } : {}) });
        return;
      case 'mark': {
        const style = attrs.style ? ` style="${attrs.style.replace(/"/g, "'")}"` : '';
        this.inline.push({ name, text: '', wrap: [`<mark${style}>`, '</mark>'] });
        return;
      }
      case 'span': {
        // An item that prints its own label (as clausewright's pages do) is not numbered again.
        if (/(?:^|\s)label(?:\s|$)/.test(attrs.class ?? '') && this.marker && !this.itemStarted && !this.inline[0]!.text) {
          this.inline.push({ name, text: '', label: true });
          return;
        }
        // Colour, size, underline and strikethrough are carried (as the Markdown reader reads them); other spans are transparent.
        const style = attrs.style && /(?:^|;)\s*(?:color|font-size|background(?:-color)?|text-decoration(?:-line)?)\s*:/i.test(attrs.style) ? attrs.style.replace(/"/g, "'") : undefined;
        this.inline.push({ name, text: '', ...(style ? { wrap: [`<span style="${style}">`, '</span>'] as [string, string] } : {}) });
        return;
      }
    }
    if (EMPHASIS[name]) {
      this.inline.push({ name, text: '', wrap: EMPHASIS[name] });
      return;
    }
    if (BLOCK.has(name)) {
      this.flush();
      this.blockLine = line;
    }
  }

  close(name: string): void {
    if (this.flattenedInCell(name)) {
      if (name === 'table' && this.innerTables > 0) this.innerTables--;
      this.append(' ');
      return;
    }
    if (/^h[1-6]$/.test(name) && this.heading) {
      this.flush();
      return;
    }
    switch (name) {
      case 'ul':
      case 'ol':
        this.flush();
        this.lists.pop();
        this.marker = undefined;
        return;
      case 'li':
        this.flush();
        return;
      case 'td':
      case 'th':
        if (this.cell) {
          this.closeInlines();
          this.table?.rows[this.table.rows.length - 1]?.push(this.inline[0]!.text.replace(/ {2}\n/g, ' ').trim());
          this.inline = [{ name: '', text: '' }];
          this.cell = false;
        }
        return;
      case 'table':
        if (this.table && !this.cell) this.writeTable();
        return;
      case 'pre':
        this.flush();
        this.pre = Math.max(0, this.pre - 1);
        return;
    }
    const at = this.inline.map((f) => f.name).lastIndexOf(name);
    if (at > 0) {
      while (this.inline.length > at) this.closeInline();
      return;
    }
    if (BLOCK.has(name)) this.flush();
  }

  /** Structure inside a table cell that the cell's one line holds as a space: blocks, lists, an inner table and its cells. */
  private flattenedInCell(name: string): boolean {
    return this.cell && (FLATTENED_IN_CELL.has(name) || BLOCK.has(name) || (this.innerTables > 0 && (name === 'td' || name === 'th')));
  }

  /** Close the innermost inline element into its parent: emphasis moves its edge spaces outside, as Markdown needs. */
  private closeInline(): void {
    const frame = this.inline.pop()!;
    if (frame.label) {
      // "1." or "3)" is Markdown's own ordered marker and "•" a bullet; another label ("(a)") stays the item's first words.
      const label = frame.text.trim().replace(/\\/g, '');
      if (/^\d{1,9}[.)]$/.test(label)) this.marker = `${label} `;
      else {
        this.marker = '- ';
        if (!/^[•·◦▪‣○●■□-]$/.test(label)) this.append(frame.text);
      }
      this.lastSpace = true;
      return;
    }
    const body = frame.text;
    const core = body.trim();
    const lead = body.slice(0, body.length - body.trimStart().length);
    const trail = body.slice(body.trimEnd().length);
    let written = body;
    // A jump within the page (a cross-reference, a table of contents) is navigation, as in a DOCX: its words are text.
    if (core && frame.href !== undefined && !/^\s*(?:javascript:|#)/i.test(frame.href)) written = `${lead}[${core}](${markdownHref(frame.href)})${trail}`;
    else if (core && frame.wrap) written = `${lead}${frame.wrap[0]}${core}${frame.wrap[1]}${trail}`;
    this.append(written);
  }

  private closeInlines(): void {
    while (this.inline.length > 1) this.closeInline();
  }

  /** Write the paragraph, heading or item line gathered so far. */
  flush(): void {
    this.closeInlines();
    const text = this.inline[0]!.text.replace(/^(?: {2}\n)+|(?: {2}\n)+$/g, '').trim();
    this.inline = [{ name: '', text: '' }];
    this.lastSpace = true;
    this.lastChar = '';
    const heading = this.heading;
    this.heading = 0;
    if (!text) return;
    if (this.table && !this.cell) {
      // Text between cells, as a browser shows it before the table.
      this.write([text], this.blockLine);
      return;
    }
    if (heading) {
      this.write([`${'#'.repeat(heading)} ${text.replace(/ {2}\n/g, ' ')}`], this.blockLine);
      return;
    }
    const list = this.lists[this.lists.length - 1];
    // A line that Markdown would read as a list or a break is escaped at its start.
    const safe = text.replace(/^([-+]|\d{1,9}[.)])(?= |$)/, (m) => (m.length === 1 ? `\\${m}` : m.replace(/([.)])$/, '\\$1')));
    if (list) {
      // Item text starts after its marker; nested items and later paragraphs of the item are indented to it.
      const opening = this.marker !== undefined && !this.itemStarted;
      const parentIndent = this.lists.length > 1 ? this.lists[this.lists.length - 2]!.indent : 0;
      if (opening) list.indent = parentIndent + this.marker!.length;
      const indent = ' '.repeat(list.indent);
      const first = opening ? ' '.repeat(parentIndent) + this.marker : indent;
      this.itemStarted = true;
      const lines = safe.split('\n').map((l, k) => (k === 0 ? first + l : indent + l));
      this.write(lines, this.blockLine);
      return;
    }
    this.write(safe.split('\n'), this.blockLine);
  }

  private writeTable(): void {
    const { rows, line } = this.table!;
    this.table = undefined;
    const kept = rows.filter((r) => r.length > 0);
    if (kept.length === 0) return;
    const width = Math.max(...kept.map((r) => r.length));
    const row = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
    this.write([row(kept[0]!), `|${' --- |'.repeat(width)}`, ...kept.slice(1).map(row)], line);
  }

  /** One block: its lines, then a blank line. */
  private write(lines: string[], line: number): void {
    for (const l of lines) {
      this.out.push(l);
      this.lines.push(line);
    }
    this.out.push('');
    this.lines.push(line);
  }
}

/** Whether an element and all it holds are hidden from the reader of the page. */
function hidden(name: string, attrs: Record<string, string>): boolean {
  return SKIPPED.has(name) || 'hidden' in attrs || attrs['aria-hidden'] === 'true' || /(?:^|;)\s*display\s*:\s*none/i.test(attrs.style ?? '');
}

/** The tokens of what is read: `<main>`'s when the page has one, else all. */
function readable(tokens: HtmlToken[]): HtmlToken[] {
  const start = tokens.findIndex((t) => t.kind === 'open' && t.name === 'main');
  if (start < 0) return tokens;
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open' && t.name === 'main') depth++;
    else if (t.kind === 'close' && t.name === 'main' && --depth === 0) return tokens.slice(start, k + 1);
  }
  return tokens.slice(start);
}

/**
 * The Markdown an HTML page says, line by line with the page's lines.
 * @example pageMarkdown('<h2>1. Fees</h2><p>Pay <b>on time</b>.</p>').markdown // '## 1. Fees\n\nPay **on time**.\n'
 */
export function pageMarkdown(html: string): PageMarkdown {
  const converter = new Converter();
  const skipping: string[] = [];
  for (const token of readable([...tokenize(html.replace(/^\uFEFF/, ''))])) {
    if (skipping.length > 0) {
      if (token.kind === 'open' && token.name === skipping[skipping.length - 1] && !VOID.has(token.name)) skipping.push(token.name);
      else if (token.kind === 'close' && token.name === skipping[skipping.length - 1]) skipping.pop();
      continue;
    }
    if (token.kind === 'text') converter.text(token.text, token.line);
    else if (token.kind === 'open') {
      if (hidden(token.name, token.attrs)) {
        if (!VOID.has(token.name)) skipping.push(token.name);
        continue;
      }
      converter.open(token.name, token.attrs, token.line);
    } else converter.close(token.name);
  }
  converter.flush();
  return { markdown: converter.out.join('\n') + '\n', lines: converter.lines };
}

/** Every `position.line` in the tree, from a line of the Markdown to the page's. */
function mapLines(node: unknown, lines: readonly number[]): void {
  if (Array.isArray(node)) {
    for (const n of node) mapLines(n, lines);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'position' && value && typeof value === 'object' && typeof (value as { line?: unknown }).line === 'number') {
      const p = value as { line: number };
      p.line = lines[p.line - 1] ?? p.line;
    } else if (typeof value === 'object') mapLines(value, lines);
  }
}

/**
 * Read an HTML page into the document model.
 * @example readHtml('<h2>1. Fees</h2><p>Pay on time.</p>').document.parts[0].clauses[0].number // '1'
 */
export function readHtml(html: string, file?: string): ReadResult {
  let page: PageMarkdown;
  try {
    page = pageMarkdown(readableText(html));
  } catch (cause) {
    if (!(cause instanceof NestingTooDeep)) throw cause;
    throw new InputError([error('md-too-deep', `${cause.message}; refusing to read it`, { ...(file ? { file } : {}), line: cause.line })]);
  }
  const { markdown, lines } = page;
  let result: ReadResult;
  try {
    result = readMarkdown(markdown, file);
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    const mapped: Diagnostic[] = cause.diagnostics.map((d) => (d.line !== undefined ? { ...d, line: lines[d.line - 1] ?? d.line } : d));
    throw new InputError(mapped);
  }
  const document: Document = result.document;
  mapLines(document.parts, lines);
  if (document.meta.titleLine !== undefined) document.meta.titleLine = lines[document.meta.titleLine - 1] ?? document.meta.titleLine;
  return { ...result, document };
}
