/**
 * Document → the flat sequence the redline aligns: units (a part's preamble,
 * then every clause in document order, nested ones flattened with a depth),
 * each holding paragraphs (its heading first, then list items, table rows and
 * plain paragraphs). A table row of a DOCX that holds a heading or a numbered
 * sub-clause (a bilingual agreement's, Chinese beside English) opens a clause too.
 *
 * Numbers and list labels stay beside the text, never in it, so renumbering
 * alone is not a text change. Table rows become one paragraph with cells
 * separated by '\t'; a line break is '\n'. Emphasis, strong, underline,
 * links and fields survive as style runs, for the writers and the formatting compare.
 */
import type { Block, Clause, Document, Inline, Part, TableCell } from '../model/nodes.js';
import { printedTitle } from '../model/walk.js';
import type { AnchoredBookmark, AnchoredComment, CellShape, Format, ListInfo, ParagraphKind, StyleRun } from './types.js';
import { formatOf, isPlain, sameFormat } from './format.js';

export interface Para {
  kind: ParagraphKind;
  /** The text, trimmed. */
  text: string;
  /** Whitespace-normalised text: equal keys mean "no change". */
  key: string;
  label?: string;
  list?: ListInfo;
  styles?: StyleRun[];
  /** A table row's cell shapes, when any cell spans columns or is merged down. */
  cells?: CellShape[];
  /** Where the paragraph is in its file (the reader's `position.line`), when known. */
  line?: number;
  /** A table row's place in its table (0-based), for the look of ours a DOCX redline keeps. */
  row?: number;
  /** Reviewers' comments anchored in `text`. */
  comments?: AnchoredComment[];
  /** Bookmarks (the places REF fields name) anchored in `text`. */
  bookmarks?: AnchoredBookmark[];
  /**
   * A table row's numbering labels, kept out of its text as a list item's
   * `label` is: per cell, per line of the cell's text ('' where a line has
   * none); absent when no cell paragraph is numbered.
   */
  cellLabels?: string[][];
  /**
   * A table row that opens a clause: its first cell with words opens with a
   * paragraph a DOCX styled as a heading (`attrs.docxHeading`, `heading` true)
   * or numbered as a sub-clause (`attrs.docxClause`); `level` is its outline
   * level. Such a row opens a unit of its own (`splitAtClauseRows`). Never written out.
   */
  opens?: RowOpens;
}

export interface Unit {
  /** 'title' holds the document's printed title, before everything else. */
  kind: 'title' | 'part' | 'clause';
  id: string;
  number?: string;
  depth: number;
  /**
   * Normalised heading text for matching, or undefined. A number a reader left
   * in the text ("1 Definitions", "第三条 定义") is dropped, so headings still
   * match when one side's reader split the number off and the other did not.
   */
  heading?: string;
  paras: Para[];
  /** Whole-unit key: heading and every paragraph key. */
  key: string;
}

/** Is `c` (one UTF-16 unit, or past the end: undefined) whitespace? Texts that differ only in it are the same words. */
export const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Any whitespace other than single spaces between words (ends are checked apart: cheaper). */
const IRREGULAR_SPACE = /[^\S ]| {2}/;

/** Collapse whitespace runs to one space and trim; most texts need nothing, so test before rebuilding. */
export function normaliseSpace(text: string): string {
  const irregular = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32 || IRREGULAR_SPACE.test(text));
  return irregular ? text.replace(/\s+/gu, ' ').trim() : text;
}

/** Plain text of inlines, where runs of one look (bold, italic, underline, strike, highlight, colour, size, link) end, and the comments anchored in it. */
class TextBuilder {
  text = '';
  runs: StyleRun[] = [];
  comments: AnchoredComment[] | undefined;
  private styled = false;
  /** Where each open comment's range started (made on the first comment: most paragraphs have none). */
  private opened: Map<string, number> | undefined;
  bookmarks: AnchoredBookmark[] | undefined;
  /** Where each bookmark started in this paragraph and not yet ended, by name. */
  private openBookmarks: Map<string, number> | undefined;

  add(nodes: readonly Inline[], look: Format = {}): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          this.push(node.value, look);
          break;
        case 'strong':
          this.add(node.children, { ...look, bold: true });
          break;
        case 'emphasis':
          this.add(node.children, { ...look, italic: true });
          break;
        case 'underline':
          this.add(node.children, { ...look, underline: true });
          break;
        case 'strike':
          this.add(node.children, { ...look, strike: true });
          break;
        case 'highlight':
          this.add(node.children, { ...look, highlight: node.color });
          break;
        case 'textColor':
          this.add(node.children, { ...look, color: node.color });
          break;
        case 'fontSize':
          this.add(node.children, { ...look, size: node.points });
          break;
        case 'link':
          // A jump to a place in the document ("#name") is navigation, carried but not compared.
          this.add(node.children, node.href.startsWith('#') ? { ...look, anchor: node.href.slice(1) } : { ...look, link: node.href });
          break;
        case 'field':
          this.add(node.children, { ...look, field: node.code });
          break;
        case 'termDefinition':
          // As every writer prints a definition: bold, in quotation marks.
          this.push(`\u201C${node.label}\u201D`, { ...look, bold: true });
          break;
        case 'termUse':
          this.push(node.label, look);
          break;
        case 'crossRef':
          this.push(node.label ?? node.target, look);
          break;
        case 'break':
          this.push('\n', look);
          break;
        case 'noteRef':
          this.push(node.label, { ...look, note: node.note });
          break;
        case 'bookmark':
          if (node.edge === 'start') (this.openBookmarks ??= new Map()).set(node.name, this.text.length);
          else {
            // One that started in an earlier paragraph is anchored there, to that paragraph's end.
            const at = this.openBookmarks?.get(node.name);
            if (at === undefined) break;
            this.openBookmarks!.delete(node.name);
            (this.bookmarks ??= []).push({ name: node.name, at, length: this.text.length - at });
          }
          break;
        case 'comment':
          if (node.edge === 'start') (this.opened ??= new Map()).set(node.id, this.text.length);
          else if (node.comment) {
            // A range that opened in an earlier paragraph is anchored from this one's start.
            const at = this.opened?.get(node.id) ?? 0;
            (this.comments ??= []).push({ ...node.comment, at, length: this.text.length - at });
          }
          break;
      }
    }
  }

  private push(value: string, look: Format): void {
    if (!value) return;
    this.text += value;
    if (!isPlain(look)) this.styled = true;
    const last = this.runs[this.runs.length - 1];
    // Each note reference is a run of its own, even beside another ("[1][2]").
    if (last && look.note === undefined && sameFormat(last, look)) last.end = this.text.length;
    else this.runs.push({ end: this.text.length, ...formatOf(look) });
  }

  /** Trimmed text; style runs, comments and bookmarks shifted to match (styles undefined when all plain). */
  finish(): { text: string; styles?: StyleRun[]; comments?: AnchoredComment[]; bookmarks?: AnchoredBookmark[] } {
    // A bookmark still open at the paragraph's end covers the rest of it.
    for (const [name, at] of this.openBookmarks ?? []) (this.bookmarks ??= []).push({ name, at, length: this.text.length - at });
    const lead = this.text.length - this.text.trimStart().length;
    const text = this.text.trim();
    const within = (offset: number) => Math.min(text.length, Math.max(0, offset - lead));
    const shift = <T extends { at: number; length: number }>(c: T): T => ({ ...c, at: within(c.at), length: within(c.at + c.length) - within(c.at) });
    const comments = this.comments?.map(shift);
    const bookmarks = this.bookmarks?.map(shift);
    const anchored = { ...(comments ? { comments } : {}), ...(bookmarks ? { bookmarks } : {}) };
    if (!this.styled) return { text, ...anchored };
    const styles = this.runs
      .map((r) => ({ ...r, end: within(r.end) }))
      .filter((r, i, all) => r.end > 0 && (i === 0 || r.end > all[i - 1].end));
    return { text, styles, ...anchored };
  }
}

function para(kind: ParagraphKind, nodes: readonly Inline[], line: number | undefined): Para {
  const at = line !== undefined ? { line } : {};
  // Most paragraphs are one plain text node: no builder, no style runs.
  if (nodes.length === 1 && nodes[0]!.type === 'text') {
    const text = nodes[0]!.value.trim();
    return { kind, text, key: normaliseSpace(text), ...at };
  }
  const builder = new TextBuilder();
  builder.add(nodes);
  const { text, styles, comments, bookmarks } = builder.finish();
  return { kind, text, key: normaliseSpace(text), ...at, ...(styles ? { styles } : {}), ...(comments ? { comments } : {}), ...(bookmarks ? { bookmarks } : {}) };
}

/** Where something is anchored in a cell: offsets in the cell's text, or `whole` for one in a nested list or table. */
type InCellAnchor<T> = T & { whole?: true };

/** Comments, bookmarks and formatted stretches found in a table cell. */
interface InCell {
  comments: Array<InCellAnchor<AnchoredComment>>;
  bookmarks: Array<InCellAnchor<AnchoredBookmark>>;
  /** Formatted stretches of the cell's own paragraphs, offsets in the cell's text. */
  looks: Array<{ at: number; length: number; run: StyleRun }>;
  /** The label of each line of the cell's text that is a numbered paragraph of the cell's own, by line. */
  labels: string[];
}

/**
 * Plain text of blocks inside a table cell: paragraphs by '\n', nested cells
 * by ' '. The comments, bookmarks and formatting of the cell's own
 * paragraphs are collected into `found`, where they are in the cell's text
 * (list items and nested tables, whose spacing is normalised, are read plain,
 * their comments and bookmarks on the whole cell). A numbered paragraph of
 * the cell's own (a list item) is its words: its label goes to `found.labels`,
 * by line, so renumbering alone is not a change, as in the body.
 */
function cellText(blocks: readonly Block[], found: InCell, top = true): string {
  const lines: string[] = [];
  /** Where the next line starts in the cell's text (lines joined by '\n'). */
  let at = 0;
  /** The next line's number in the cell's text. */
  let lineNo = 0;
  const push = (line: string) => {
    lines.push(line);
    at += line.length + 1;
    lineNo += line.split('\n').length;
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const p = para('paragraph', block.children, undefined);
      for (const c of p.comments ?? []) found.comments.push(top ? { ...c, at: at + c.at } : { ...c, whole: true });
      for (const b of p.bookmarks ?? []) found.bookmarks.push(top ? { ...b, at: at + b.at } : { ...b, whole: true });
      if (p.styles && top) {
        let start = 0;
        for (const run of p.styles) {
          if (!isPlain(run)) found.looks.push({ at: at + start, length: run.end - start, run });
          start = run.end;
        }
      }
      push(p.text);
    } else if (block.type === 'list')
      for (const item of block.children) {
        if (top && item.label !== undefined && item.label !== '') {
          found.labels[lineNo] = item.label;
          push(normaliseSpace(cellText(item.children, found, false)));
        } else push(normaliseSpace([item.label ?? '', cellText(item.children, found, false)].join(' ')));
      }
    else for (const row of block.children) push(row.children.map((c) => normaliseSpace(cellText(c.children, found, false))).join(' '));
  }
  return lines.join('\n');
}

/**
 * A cell's anchored items in its row's text: the cell starts at `start`, and
 * its text, trimmed of `lead` characters, is `length` long.
 */
function inRow<T extends { at: number; length: number }>(items: ReadonlyArray<InCellAnchor<T>>, start: number, lead: number, length: number): T[] {
  return items.map(({ whole, ...rest }) => {
    const item = rest as unknown as T;
    if (whole) return { ...item, at: start, length };
    const from = Math.min(length, Math.max(0, item.at - lead));
    const to = Math.min(length, Math.max(0, item.at + item.length - lead));
    return { ...item, at: start + from, length: to - from };
  });
}

/**
 * A table row's text, cells joined by '\t', with each cell's comments and
 * bookmarks where they are, and the style runs of the whole row (separators
 * plain), undefined when it is all plain.
 */
function rowText(cells: readonly TableCell[]): {
  text: string;
  styles?: StyleRun[];
  comments?: AnchoredComment[];
  bookmarks?: AnchoredBookmark[];
  labels?: string[][];
} {
  let text = '';
  const labels: string[][] = [];
  let labelled = false;
  const comments: AnchoredComment[] = [];
  const bookmarks: AnchoredBookmark[] = [];
  const styles: StyleRun[] = [];
  cells.forEach((cell, k) => {
    if (k > 0) text += '\t';
    const inCell: InCell = { comments: [], bookmarks: [], looks: [], labels: [] };
    const raw = cellText(cell.children, inCell).replace(/\t/g, ' ');
    const value = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    if (inCell.labels.length > 0) {
      // Lines trimmed off the cell's start are not lines of its text.
      const skipped = raw.slice(0, lead).split('\n').length - 1;
      const lines = value === '' ? 0 : value.split('\n').length;
      const mine = Array.from({ length: lines }, (_, k) => inCell.labels[k + skipped] ?? '');
      while (mine.length > 0 && mine[mine.length - 1] === '') mine.pop();
      if (mine.length > 0) labelled = true;
      labels.push(mine);
    } else labels.push([]);
    comments.push(...inRow(inCell.comments, text.length, lead, value.length));
    bookmarks.push(...inRow(inCell.bookmarks, text.length, lead, value.length));
    for (const { at, length, run } of inRow(inCell.looks, text.length, lead, value.length)) {
      if (length <= 0) continue;
      // Plain up to the stretch, then the stretch.
      if (at > (styles.at(-1)?.end ?? 0)) styles.push({ end: at });
      styles.push({ ...run, end: at + length });
    }
    text += value;
  });
  if (styles.length > 0 && styles.at(-1)!.end < text.length) styles.push({ end: text.length });
  return {
    text,
    ...(styles.length > 0 ? { styles } : {}),
    ...(comments.length > 0 ? { comments } : {}),
    ...(bookmarks.length > 0 ? { bookmarks } : {}),
    ...(labelled ? { labels } : {}),
  };
}

/** How a table row opens a clause: at which outline level, and whether with a heading (else a numbered sub-clause). */
export interface RowOpens {
  level: number;
  heading: boolean;
}

/** Whether the first paragraph with words in some blocks is one a DOCX marked as opening a clause (`attrs.docxHeading`, `attrs.docxClause`). */
function leadingOpens(blocks: readonly Block[]): RowOpens | undefined {
  for (const block of blocks) {
    if (block.type === 'table') return undefined;
    if (block.type === 'list') {
      const item = block.children[0];
      return item ? leadingOpens(item.children) : undefined;
    }
    // An empty paragraph (kept for a comment on it) is no heading and hides none.
    if (block.children.every((n) => n.type === 'comment' || n.type === 'bookmark')) continue;
    const heading = Number(block.attrs?.docxHeading);
    if (Number.isInteger(heading) && heading > 0) return { level: heading, heading: true };
    const clause = Number(block.attrs?.docxClause);
    if (Number.isInteger(clause) && clause > 0) return { level: clause, heading: false };
    return undefined;
  }
  return undefined;
}

/** How a row opens a clause: as its first cell with words does. */
function rowOpens(cells: readonly TableCell[], text: string): RowOpens | undefined {
  const texts = text.split('\t');
  const first = cells.findIndex((_, k) => (texts[k] ?? '') !== '');
  return first < 0 ? undefined : leadingOpens(cells[first]!.children);
}

function pushBlocks(blocks: readonly Block[], out: Para[], level = 0): void {
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push(para('paragraph', block.children, block.position?.line));
    else if (block.type === 'table') {
      block.children.forEach((row, r) => {
        const { text, styles, comments, bookmarks, labels } = rowText(row.children);
        const merged = row.children.some((cell) => cell.colSpan !== undefined || cell.rowMerge !== undefined);
        const cells = merged ? row.children.map(({ colSpan, rowMerge }) => ({ ...(colSpan !== undefined ? { colSpan } : {}), ...(rowMerge ? { rowMerge } : {}) })) : undefined;
        // Rows carry the table's line: where the table is, and the key to its column widths in our look.
        const line = block.position?.line;
        const opens = rowOpens(row.children, text);
        out.push({
          kind: 'tableRow',
          text,
          key: normaliseSpace(text),
          ...(styles ? { styles } : {}),
          ...(cells ? { cells } : {}),
          ...(line !== undefined ? { line, row: r } : {}),
          ...(comments ? { comments } : {}),
          ...(bookmarks ? { bookmarks } : {}),
          ...(labels ? { cellLabels: labels } : {}),
          ...(opens ? { opens } : {}),
        });
      });
    } else {
      for (const item of block.children) {
        let first = true;
        for (const child of item.children) {
          if (child.type === 'list') {
            pushBlocks([child], out, level + 1);
            continue;
          }
          const before = out.length;
          pushBlocks([child], out, level);
          for (let k = before; k < out.length; k++) {
            const p = out[k];
            if (p.kind === 'paragraph') {
              p.kind = 'listItem';
              p.list = first ? { ordered: block.ordered, level } : { ordered: block.ordered, level, continued: true };
              if (first && item.label !== undefined) p.label = item.label;
              first = false;
            }
          }
        }
        if (first) {
          // An empty item still takes its place in the list.
          out.push({ kind: 'listItem', text: '', key: '', list: { ordered: block.ordered, level }, ...(item.label !== undefined ? { label: item.label } : {}) });
        }
      }
    }
  }
}

const LEADING_NUMBER = /^(?:(?:Article|Section|Clause)\s+)?(?:\d+(?:\.\d+)*\.?|[(（]?[a-zA-Z一二三四五六七八九十]{1,3}[)）.、]|第[一二三四五六七八九十百千零〇两\d]+[条章节款])\s*/u;

function headingKey(text: string): string {
  return text.replace(LEADING_NUMBER, '');
}

/** A heading row's key: each cell's words without the number the reader left in front ("1 定义\t1 Definitions" → "定义 | Definitions"). */
function rowHeadingKey(text: string): string {
  return text
    .split('\t')
    .map((cell) => headingKey(normaliseSpace(cell)))
    .join(' | ');
}

/**
 * A unit whose table has rows that open clauses (a bilingual agreement: every
 * clause heading and numbered sub-clause is a row of the part's table, its
 * Chinese beside its English) split into clauses there: each such row opens a
 * clause holding it and what follows, up to the next such row; what comes
 * before the first stays in `unit`. The paragraphs and their order are
 * unchanged, so the document's text is the same; only the units it is
 * aligned by are finer, as the clauses of a single-language DOCX are.
 * Depth is the row's outline level under the unit's own (a part's Heading 1
 * rows are top-level clauses). The row carries its numbers (`cellLabels`), so
 * the clause has no `number` of its own.
 */
function splitAtClauseRows(unit: Unit, out: Unit[]): void {
  const starts: number[] = [];
  unit.paras.forEach((p, k) => {
    if (p.kind === 'tableRow' && p.opens !== undefined) starts.push(k);
  });
  if (starts.length === 0) {
    out.push(unit);
    return;
  }
  const before = unit.paras.slice(0, starts[0]);
  if (before.length > 0 || unit.kind !== 'part') out.push({ ...unit, paras: before, key: unitKey(before) });
  const base = unit.kind === 'part' ? 0 : unit.depth + 1;
  starts.forEach((start, n) => {
    const paras = unit.paras.slice(start, starts[n + 1] ?? unit.paras.length);
    const row = paras[0]!;
    const heading = row.opens!.heading ? rowHeadingKey(row.text) : '';
    out.push({
      kind: 'clause',
      id: `${unit.id}/row-${row.line ?? 0}-${row.row ?? start}`,
      depth: base + row.opens!.level - 1,
      ...(heading !== '' ? { heading } : {}),
      paras,
      key: unitKey(paras),
    });
  });
}

function unitKey(paras: readonly Para[]): string {
  return paras.map((p) => p.kind[0] + p.key).join('\u0001');
}

/** A heading paragraph (when there is one) followed by the paragraphs of the blocks. */
function headedParas(title: readonly Inline[] | undefined, blocks: readonly Block[], line: number | undefined): { paras: Para[]; heading?: string } {
  const paras: Para[] = [];
  let heading: string | undefined;
  if (title && title.length > 0) {
    const h = para('heading', title, line);
    heading = headingKey(h.key);
    paras.push(h);
  }
  pushBlocks(blocks, paras);
  return heading === undefined ? { paras } : { paras, heading };
}

function clauseUnits(clauses: readonly Clause[], depth: number, out: Unit[]): void {
  for (const clause of clauses) {
    const { paras, heading } = headedParas(clause.heading, clause.children, clause.position?.line);
    const unit: Unit = {
      kind: 'clause',
      id: clause.id,
      ...(clause.number !== undefined ? { number: clause.number } : {}),
      depth,
      ...(heading !== undefined ? { heading } : {}),
      paras,
      key: unitKey(paras),
    };
    splitAtClauseRows(unit, out);
    clauseUnits(clause.clauses, depth + 1, out);
  }
}

function partUnits(part: Part, out: Unit[]): void {
  const { paras, heading } = headedParas(part.title, part.children, part.position?.line);
  if (paras.length === 0) return;
  splitAtClauseRows({ kind: 'part', id: part.id, depth: 0, ...(heading !== undefined ? { heading } : {}), paras, key: unitKey(paras) }, out);
}

/**
 * The document's title when it is a line of the document (DocumentMeta.titleSource
 * absent): compared like a heading, so a renamed agreement is a change.
 */
function titleUnit(document: Document): Unit | undefined {
  const text = printedTitle(document);
  if (text === undefined) return undefined;
  const title = para('heading', [{ type: 'text', value: text }], document.meta.titleLine);
  if (title.key === '') return undefined;
  return { kind: 'title', id: 'title', depth: 0, heading: title.key, paras: [title], key: title.key };
}

/** The units of a document, in reading order (its title first). */
export function documentUnits(document: Document): Unit[] {
  const out: Unit[] = [];
  const title = titleUnit(document);
  if (title) out.push(title);
  for (const part of document.parts) {
    partUnits(part, out);
    clauseUnits(part.clauses, 0, out);
  }
  return out;
}

/**
 * A document's paragraph texts as the invariant compares them: labels left
 * out, whitespace collapsed, empty paragraphs dropped.
 */
export function documentParagraphs(document: Document): string[] {
  return documentUnits(document)
    .flatMap((u) => u.paras.map((p) => p.key))
    .filter((t) => t !== '');
}
