/**
 * numbering.xml for the redline DOCX (ECMA-376 §17.9): clause numbers and list
 * labels as Word automatic numbering, never as text, so a clause inserted near
 * the start renumbers the rest without a single tracked change, and accepting
 * or rejecting everything leaves correct numbers.
 *
 * Formats come from the labels the documents printed (ours where we have one):
 * the first label at each clause depth fixes that level's format and start;
 * each run of list items gets its own list (w:num) that restarts at its first
 * label, on a definition (w:abstractNum) shared by every list of that format.
 * Same conventions as src/writers/docx/numbering.ts (w:numPr per paragraph,
 * fixed nsids for byte-stable output).
 *
 * Table cells count too: one list per column of our tables (ours numbered its
 * Chinese and its English column each on its own list), so accepting every
 * change shows their numbers and rejecting shows ours (cellNumPr).
 *
 * Not done: a clause sequence that restarts or skips numbers mid-document is
 * numbered consecutively.
 */
import type { ClauseRedline, Labels, ParagraphRedline } from '../../../redline/types.js';
import { escapeXml, W_NS, XML_DECLARATION } from '../../docx/xml.js';
import { formatNumber } from '../../../numbering/format.js';
import { labelFormat, type LabelFormat } from './label-format.js';

const LEVELS = 9;
const INDENT = 720;

const shown = (l: Labels | undefined): string | undefined => l?.ours ?? l?.theirs;

function lvlXml(ilvl: number, f: LabelFormat, left: number): string {
  return (
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${Math.max(0, f.value)}"/><w:numFmt w:val="${f.fmt}"/>` +
    `<w:lvlText w:val="${escapeXml(f.text)}"/><w:lvlJc w:val="left"/>` +
    `<w:pPr><w:ind w:left="${left}" w:hanging="${INDENT}"/></w:pPr></w:lvl>`
  );
}

function defaultLevel(ilvl: number, ordered: boolean): LabelFormat {
  if (!ordered) return { fmt: 'bullet', text: ['•', '◦', '▪'][ilvl % 3]!, value: 1 };
  return { fmt: 'decimal', text: Array.from({ length: ilvl + 1 }, (_, i) => `%${i + 1}`).join('.'), value: 1 };
}

export const numPrXml = (numId: number, ilvl: number): string =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** The two documents a redline DOCX resolves to: ours (reject every change) and theirs (accept every change). */
type View = 'ours' | 'theirs';

/** One column's counting list: its numId, each level's format (the first label seen there), and Word's counters in each view. */
interface ColumnList {
  /** 0 until a paragraph counts on it. */
  numId: number;
  levels: Array<LabelFormat | undefined>;
  counts: Record<View, Array<number | undefined>>;
}

/** A numbered cell paragraph: its label and numbering level on each side, and in which resolved documents it stands. */
export interface CellNumber {
  labels: { ours?: string; theirs?: string };
  levels: { ours?: number; theirs?: number };
  /** Whether the paragraph is still there after rejecting (ours) / accepting (theirs) every change. */
  in: Record<View, boolean>;
}

export class RedlineNumbering {
  private readonly abstracts: string[] = [];
  /** Abstract ids by their levels' XML: lists of one format share a definition, as Word's do. */
  private readonly abstractIds = new Map<string, number>();
  private readonly nums: string[] = [];
  private readonly clauseNum: number | undefined;
  private readonly literals = new Map<string, number>();
  /** Counting lists of table cells, by column; their w:num is written once their levels are known (toXml). */
  private readonly columns = new Map<number, ColumnList>();

  constructor(clauses: readonly ClauseRedline[]) {
    const levels: Array<LabelFormat | undefined> = new Array(LEVELS).fill(undefined);
    for (const clause of clauses) {
      const label = shown(clause.number);
      const ilvl = Math.min(clause.depth, LEVELS - 1);
      if (label !== undefined && !levels[ilvl]) levels[ilvl] = labelFormat(label, ilvl);
    }
    if (levels.some(Boolean)) {
      this.clauseNum = this.define(levels.map((f, i) => f ?? defaultLevel(i, true)), (i) => INDENT * (i + 1));
    }
  }

  /**
   * A w:num on an abstract definition of `levels` (added, or shared with an earlier list
   * of the same format); returns the numId. `restart` lists the levels the new list uses:
   * each starts again at its first label (w:startOverride), as a list sharing a
   * definition would otherwise go on counting from the last one.
   * Sharing keeps numbering.xml small: one definition per list made a 300,000-word
   * redline's 2 MB, which compresses so well it looks like a zip bomb.
   */
  private define(levels: LabelFormat[], left: (ilvl: number) => number, restart: readonly boolean[] = [], shared = true): number {
    const lvls = levels.map((f, i) => lvlXml(i, f, left(i))).join('');
    let abstractId = shared ? this.abstractIds.get(lvls) : undefined;
    if (abstractId === undefined) {
      abstractId = this.abstracts.length;
      if (shared) this.abstractIds.set(lvls, abstractId);
      const nsid = (0xc1a0d000 + abstractId).toString(16).toUpperCase();
      this.abstracts.push(`<w:abstractNum w:abstractNumId="${abstractId}"><w:nsid w:val="${nsid}"/><w:multiLevelType w:val="multilevel"/>${lvls}</w:abstractNum>`);
    }
    const numId = this.nums.length + 1;
    const overrides = levels
      .map((f, i) => (restart[i] ? `<w:lvlOverride w:ilvl="${i}"><w:startOverride w:val="${Math.max(0, f.value)}"/></w:lvlOverride>` : ''))
      .join('');
    this.nums.push(`<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`);
    return numId;
  }

  /** w:numPr for a clause's first paragraph, or '' when the clause is unnumbered. */
  clauseNumPr(clause: ClauseRedline): string {
    if (this.clauseNum === undefined || shown(clause.number) === undefined) return '';
    return numPrXml(this.clauseNum, Math.min(clause.depth, LEVELS - 1));
  }

  /** A new list for one run of list items; returns its numId. */
  list(items: readonly ParagraphRedline[]): number {
    const levels: Array<LabelFormat | undefined> = new Array(LEVELS).fill(undefined);
    const ordered: boolean[] = new Array(LEVELS).fill(true);
    const used: boolean[] = new Array(LEVELS).fill(false);
    for (const item of items) {
      if (!item.list || item.list.continued) continue;
      const ilvl = Math.min(item.list.level, LEVELS - 1);
      used[ilvl] = true;
      ordered[ilvl] &&= item.list.ordered;
      const label = shown(item.label);
      if (!levels[ilvl] && label !== undefined) levels[ilvl] = labelFormat(label, ilvl);
    }
    const formats = levels.map((f, i) => (ordered[i] ? f : undefined) ?? defaultLevel(i, ordered[i]!));
    return this.define(formats, (i) => INDENT * (i + 2), used);
  }

  /**
   * A w:num printing `label` as it is ("1.1", "第三条"): a table cell's number that counting
   * on its column's list would not print (cellNumPr). Numbering, not text, so it is never a
   * tracked change and accepting or rejecting leaves the words alone. One per label.
   */
  literal(label: string): number {
    let numId = this.literals.get(label);
    if (numId === undefined) {
      // '%' would be read as a level's counter: a label holding one prints without it.
      const text = label.replace(/%/g, '');
      numId = this.define([{ fmt: 'decimal', text, value: 1 }], () => INDENT);
      this.literals.set(label, numId);
    }
    return numId;
  }

  /**
   * w:numPr for a numbered paragraph of table column `column`, on that column's counting
   * list (one w:num per column, numbered on its own as ours was), when Word counting it
   * there prints its label in each document it stands in: ours after rejecting every
   * change, theirs after accepting (a deleted row's paragraphs go on accepting, an
   * inserted row's on rejecting, so Word renumbers the rows around them). Undefined when
   * counting cannot print it — the labels skip or restart where counting would not, its
   * level differs between the sides or is unknown, a side numbers it and the other not —
   * and the caller prints it as a literal (literal()); it then counts for nothing.
   */
  cellNumPr(column: number, cell: CellNumber): string | undefined {
    const views = (['ours', 'theirs'] as const).filter((v) => cell.in[v]);
    if (views.length === 0 || views.some((v) => cell.labels[v] === undefined)) return undefined;
    const list = this.column(column);
    const level = this.cellLevel(list, cell, views);
    if (level === undefined) return undefined;
    const first = (cell.labels.ours ?? cell.labels.theirs)!;
    list.levels[level] ??= labelFormat(first, level);
    const counted = views.map((v) => counting(list, v, level));
    if (counted.some((c, k) => c.text !== cell.labels[views[k]!]!.trim())) return undefined;
    views.forEach((v, k) => (list.counts[v] = counted[k]!.counts));
    if (list.numId === 0) {
      // Its w:num is written by toXml, once every level's format is known.
      list.numId = this.nums.length + 1;
      this.nums.push('');
    }
    return numPrXml(list.numId, level);
  }

  private column(column: number): ColumnList {
    let list = this.columns.get(column);
    if (!list) {
      list = { numId: 0, levels: new Array(LEVELS).fill(undefined), counts: { ours: [], theirs: [] } };
      this.columns.set(column, list);
    }
    return list;
  }

  /**
   * Our label at `level` of column `column` fixes that level's format, when none has yet
   * (bodyXml gives our cells' labels first, in our order, as ours where we have one fixes
   * a clause level's): so a paragraph only they have, whose level their look does not give,
   * finds its level by its label's format.
   */
  cellFormat(column: number, level: number, label: string): void {
    const list = this.column(column);
    const at = Math.min(level, LEVELS - 1);
    list.levels[at] ??= labelFormat(label, at);
  }

  /**
   * A cell paragraph's level: the one its side's numbering gave it (both sides the same
   * where it stands in both), else — no side's numbering known, e.g. their draft's look
   * not given — the level whose format its label has in this column.
   */
  private cellLevel(list: ColumnList, cell: CellNumber, views: readonly View[]): number | undefined {
    const known = views.map((v) => cell.levels[v]).filter((l): l is number => l !== undefined);
    if (known.some((l) => l !== known[0])) return undefined;
    if (known.length > 0) return Math.min(known[0]!, LEVELS - 1);
    const label = (cell.labels.ours ?? cell.labels.theirs)!;
    const at = list.levels.findIndex((f, i) => f !== undefined && sameFormat(f, labelFormat(label, i)));
    return at < 0 ? undefined : at;
  }

  toXml(): string {
    for (const list of this.columns.values()) {
      if (list.numId === 0) continue;
      const levels = list.levels.map((f, i) => f ?? defaultLevel(i, true));
      // A definition of its own, as ours had: LibreOffice counts lists that share one as one list.
      const numId = this.define(levels, (i) => INDENT * (i + 1), [], false);
      // define added its w:num at the end: it goes in the slot kept for the column.
      this.nums[list.numId - 1] = this.nums.pop()!.replace(`w:numId="${numId}"`, `w:numId="${list.numId}"`);
    }
    this.columns.clear();
    return XML_DECLARATION + `<w:numbering xmlns:w="${W_NS}">` + this.abstracts.join('') + this.nums.join('') + '</w:numbering>';
  }
}

const sameFormat = (a: LabelFormat, b: LabelFormat): boolean => a.fmt === b.fmt && a.text === b.text;

/**
 * What Word prints for the next paragraph at `level` of `list` in one view, and the
 * counters after it: the level counts on (from its start at first), deeper levels start
 * again (w:lvlRestart's default), and each %n of its text is level n's counter in level
 * n's format. Undefined text when a %n refers to a level not counted yet.
 */
function counting(list: ColumnList, view: View, level: number): { text: string | undefined; counts: Array<number | undefined> } {
  const counts = list.counts[view].slice(0, level + 1);
  const format = list.levels[level]!;
  counts[level] = counts[level] === undefined ? Math.max(0, format.value) : counts[level]! + 1;
  if (format.fmt === 'bullet' || format.fmt === 'none') return { text: format.text, counts };
  let missing = false;
  const text = format.text.replace(/%([1-9])/g, (_, n: string) => {
    const i = Number(n) - 1;
    const value = counts[i];
    const f = list.levels[i];
    if (value === undefined || !f) {
      missing = true;
      return '';
    }
    return formatNumber(value, f.fmt);
  });
  return { text: missing ? undefined : text, counts };
}
