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
 * Not done: a clause sequence that restarts or skips numbers mid-document is
 * numbered consecutively.
 */
import type { ClauseRedline, Labels, ParagraphRedline } from '../../../redline/types.js';
import { escapeXml, W_NS, XML_DECLARATION } from '../../docx/xml.js';
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

export class RedlineNumbering {
  private readonly abstracts: string[] = [];
  /** Abstract ids by their levels' XML: lists of one format share a definition, as Word's do. */
  private readonly abstractIds = new Map<string, number>();
  private readonly nums: string[] = [];
  private readonly clauseNum: number | undefined;
  private readonly literals = new Map<string, number>();

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
  private define(levels: LabelFormat[], left: (ilvl: number) => number, restart: readonly boolean[] = []): number {
    const lvls = levels.map((f, i) => lvlXml(i, f, left(i))).join('');
    let abstractId = this.abstractIds.get(lvls);
    if (abstractId === undefined) {
      abstractId = this.abstracts.length;
      this.abstractIds.set(lvls, abstractId);
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
   * A w:num printing `label` as it is ("1.1", "第三条"): a table cell's number, which the
   * redline takes from the documents rather than counts (cells hold Chinese and English
   * beside each other, two sequences in one table). Numbering, not text, so it is never a
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

  toXml(): string {
    return XML_DECLARATION + `<w:numbering xmlns:w="${W_NS}">` + this.abstracts.join('') + this.nums.join('') + '</w:numbering>';
  }
}
