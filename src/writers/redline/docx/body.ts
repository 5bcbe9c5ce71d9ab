/**
 * The body of the redline DOCX: our document in merged order, each paragraph
 * with its runs and revision marks, clause numbers and list labels as Word
 * numbering, table rows grouped back into tables.
 *
 * Whole inserted or deleted paragraphs also mark their paragraph mark, and
 * whole rows their row (w:trPr), so accepting or rejecting leaves no empty
 * paragraph or row behind. Moves carry named move ranges (§17.13.5.22–25).
 */
import { moveSide } from '../../../redline/apply.js';
import type { ClauseRedline, ParagraphRedline, RedlineBookmark, RedlineComment, Span } from '../../../redline/types.js';
import { TEXT_WIDTH } from '../../docx/page.js';
import { PAGE_BREAK } from '../../docx/paragraph.js';
import { cellPropertiesXml } from '../../docx/table.js';
import { STYLE } from '../../docx/styles.js';
import { attr, escapeXml } from '../../docx/xml.js';
import type { XmlElement } from '../../../readers/docx/xml.js';
import { cellComments, cellLooks, cellRanges, oursLines, paragraphLabels, shownCellShapes, shownLabel, splitCells, splitParagraphs, theirsLines, type CellLook } from '../cells.js';
import { elementXml, pageXml, type ParagraphLayout } from './look.js';
import { numPrXml, RedlineNumbering } from './numbering.js';
import { paragraphMarkXml, paragraphRuns, type Mark, type Revisions } from './runs.js';
import { TableLooks } from './table-look.js';
import type { TableLook } from '../../../readers/docx/table-look.js';

interface Placed {
  clause: ClauseRedline;
  paragraph: ParagraphRedline;
  side: 'from' | 'to' | undefined;
  mark: Mark | undefined;
  /** Move range to open before / close after this paragraph's runs. */
  rangeStart?: string;
  rangeEnd?: string;
}

function markOf(side: 'from' | 'to' | undefined, p: ParagraphRedline): Mark | undefined {
  if (side === 'from') return 'moveFrom';
  if (side === 'to') return 'moveTo';
  return p.status === 'inserted' ? 'ins' : p.status === 'deleted' ? 'del' : undefined;
}

/** The paragraphs of a clause that exist in the output, with their marks and move ranges. */
function place(clause: ClauseRedline, revisions: Revisions): Placed[] {
  const placed: Placed[] = [];
  for (const paragraph of clause.paragraphs) {
    const side = moveSide(clause, paragraph);
    // Text deleted inside a clause that moved in: it never existed here on either side.
    if (side === 'to' && paragraph.status === 'deleted') continue;
    if (side === 'from' && paragraph.status === 'inserted') continue;
    placed.push({ clause, paragraph, side, mark: markOf(side, paragraph) });
  }
  const range = (first: Placed, last: Placed, side: 'from' | 'to', name: string) => {
    const tag = side === 'from' ? 'w:moveFromRange' : 'w:moveToRange';
    const id = revisions.id();
    first.rangeStart = (first.rangeStart ?? '') + `<${tag}Start${attr('w:id', id)}${attr('w:author', revisions.author)}${attr('w:date', revisions.date)}${attr('w:name', name)}/>`;
    last.rangeEnd = `<${tag}End${attr('w:id', id)}/>` + (last.rangeEnd ?? '');
  };
  if (clause.move && placed.length > 0) range(placed[0]!, placed[placed.length - 1]!, clause.move.side, clause.move.id);
  else for (const p of placed) if (p.paragraph.move) range(p, p, p.paragraph.move.side, p.paragraph.move.id);
  return placed;
}

/** What a paragraph's w:pPr holds besides the revision mark, in CT_PPrBase order. */
interface Properties {
  style: string;
  numPr?: string;
  /** Indent used when the layout sets none (a continued list item's hang). */
  indent?: string;
  layout?: ParagraphLayout;
}

function propertiesXml({ style, numPr = '', indent = '', layout }: Properties): { before: string; section: string } {
  const xml = (els: readonly XmlElement[] | undefined) => (els ? els.map(elementXml).join('') : '');
  const before =
    `<w:pStyle w:val="${escapeXml(style)}"/>` +
    xml(layout?.flow) +
    numPr +
    xml(layout?.spacing) +
    (layout?.indent ? elementXml(layout.indent) : indent) +
    xml(layout?.alignment);
  const section = layout?.section ? pageXml(layout.section.page, layout.section.type ? { type: layout.section.type } : {}) : '';
  return { before, section };
}

function paragraphXml(
  p: Placed,
  properties: Properties,
  revisions: Revisions,
  spans: readonly Span[] = p.paragraph.spans,
  comments: readonly RedlineComment[] | undefined = p.paragraph.comments,
  bookmarks: readonly RedlineBookmark[] | undefined = p.paragraph.bookmarks,
  { styles, restyled }: CellLook = p.paragraph,
): string {
  const runs = paragraphRuns(
    {
      spans,
      ...(styles ? { styles } : {}),
      ...(restyled ? { restyled } : {}),
      ...(p.side ? { move: p.side } : {}),
      ...(comments ? { comments } : {}),
      ...(bookmarks ? { bookmarks } : {}),
    },
    revisions,
  );
  const { before, section } = propertiesXml(properties);
  // The paragraph mark's rPr (its revision) stands between the properties and a section break.
  const pPr = before + paragraphMarkXml(p.mark, revisions) + section;
  return `<w:p><w:pPr>${pPr}</w:pPr>${p.rangeStart ?? ''}${runs}${p.rangeEnd ?? ''}</w:p>`;
}

/** Rows of one table: neighbours unless a side's lines (each row carries its table's) say otherwise. */
function sameTable(x: ParagraphRedline, y: ParagraphRedline): boolean {
  if (x.line?.ours !== undefined && y.line?.ours !== undefined) return x.line.ours === y.line.ours;
  if (x.line?.theirs !== undefined && y.line?.theirs !== undefined) return x.line.theirs === y.line.theirs;
  return true;
}

/**
 * Whether a row of the next clause goes on in the table of `rows`: only when a side's line
 * says so (a row of ours in our table, or of theirs in their table), so rows of different
 * tables never merge because a clause boundary hid it.
 */
function inTable(lines: { ours: Set<number>; theirs: Set<number> }, y: ParagraphRedline): boolean {
  return (y.line?.ours !== undefined && lines.ours.has(y.line.ours)) || (y.line?.theirs !== undefined && lines.theirs.has(y.line.theirs));
}

function tableXml(rows: Placed[], revisions: Revisions, textWidth: number, grids: BodyOptions['tableGrids'], looks: TableLooks, numbering: RedlineNumbering): string {
  const split = rows.map((r) => splitCells(r.paragraph.spans));
  const comments = rows.map((r, k) => cellComments(r.paragraph.comments, split[k]!));
  const bookmarks = rows.map((r, k) => cellRanges(r.paragraph.bookmarks, split[k]!));
  const cellLook = rows.map((r, k) => cellLooks(r.paragraph, split[k]!));
  const shapes = rows.map((r, k) => shownCellShapes(r.paragraph, r.mark === 'ins' || r.mark === 'moveTo', split[k]!.length));
  const gridWidth = (k: number) => (shapes[k] ? shapes[k]!.reduce((n, shape) => n + (shape.colSpan ?? 1), 0) : split[k]!.length);
  const columns = rows.reduce((most, _, k) => Math.max(most, gridWidth(k)), 1);
  // Our table's own column widths when it still has as many columns; else equal columns.
  const line = rows.find((r) => r.paragraph.line?.ours !== undefined)?.paragraph.line?.ours;
  const ours = line !== undefined ? grids?.[line] : undefined;
  const widths = ours && ours.length === columns ? ours : Array.from({ length: columns }, () => Math.floor(textWidth / columns));
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const tblPr = looks.tableProperties(rows.map((r) => r.paragraph));
  // A page break of ours before the table: an empty paragraph breaking the page, as ours had.
  let out = `${looks.breaksPageBefore() ? PAGE_BREAK : ''}<w:tbl><w:tblPr>${tblPr}</w:tblPr>${grid}`;
  rows.forEach((row, r) => {
    let column = 0;
    const rowMark = row.mark === 'moveFrom' ? 'del' : row.mark === 'moveTo' ? 'ins' : row.mark;
    // CT_TrPr: the row's own properties, then its revision mark.
    const trPr = looks.rowProperties(row.paragraph) + (rowMark ? `<w:${rowMark}${revisions.attrs()}/>` : '');
    out += `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}`;
    const cells = split[r]!;
    cells.forEach((cell, c) => {
      const shape = shapes[r]?.[c];
      const span = shape?.colSpan ?? 1;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0) || widths[widths.length - 1]!;
      column += span;
      const tcPr = cellPropertiesXml(width, span, shape?.rowMerge, looks.cellProperties(row.paragraph, c, cells.length));
      out += `<w:tc>${tcPr}${cellXml(row, cells, c, { comments: comments[r]![c], bookmarks: bookmarks[r]![c], look: cellLook[r]![c]! }, revisions, looks, numbering)}</w:tc>`;
    });
    out += '</w:tr>';
  });
  return out + '</w:tbl>';
}

/**
 * A cell's paragraphs: its text split at the line breaks both sides keep, each
 * paragraph in the look of its paragraph of ours (table-look.ts). A numbered
 * one prints its number as Word numbering (never a tracked change): ours in a
 * row deleted or moved away, else theirs, as the document reads after
 * accepting. Move ranges open in the row's first paragraph and close in its last.
 */
function cellXml(
  row: Placed,
  cells: readonly Span[][],
  c: number,
  cell: { comments: RedlineComment[] | undefined; bookmarks: RedlineBookmark[] | undefined; look: CellLook },
  revisions: Revisions,
  looks: TableLooks,
  numbering: RedlineNumbering,
): string {
  const paragraphs = splitParagraphs(cells[c]!);
  const labels = paragraphLabels(row.paragraph, c, paragraphs);
  const ours = row.mark === 'del' || row.mark === 'moveFrom';
  const comments = cellComments(cell.comments, paragraphs);
  const bookmarks = cellRanges(cell.bookmarks, paragraphs);
  const styles = cellLooks(cell.look, paragraphs);
  const lines = { ours: oursLines(paragraphs), theirs: theirsLines(paragraphs) };
  const properties = looks.paragraphs(row.paragraph, c, cells.length, lines.ours);
  const levels = looks.levels(row.paragraph, c, cells.length, lines);
  // Which resolved document the row stands in: a deleted row's paragraphs go on accepting, an inserted row's on rejecting.
  const stands = { ours: row.mark !== 'ins' && row.mark !== 'moveTo', theirs: row.mark !== 'del' && row.mark !== 'moveFrom' };
  return paragraphs
    .map((spans, k, all) => {
      const first = c === 0 && k === 0;
      const last = c === cells.length - 1 && k === all.length - 1;
      const placed: Placed = { ...row, rangeStart: first ? row.rangeStart : undefined, rangeEnd: last ? row.rangeEnd : undefined };
      const { indent, ...look } = properties[k]!;
      const label = shownLabel(labels[k], ours);
      let numbered = {};
      if (label !== undefined) {
        const cell = { labels: labels[k]!, levels: levels[k]!, in: stands };
        // Counted on the column's list where counting prints its labels; else the label as it is (numbering.ts).
        const numPr = numbering.cellNumPr(c, cell) ?? numPrXml(numbering.literal(label), 0);
        // A paragraph only they have hangs at the indent our numbering gives its level.
        const level = levels[k]!.ours ?? levels[k]!.theirs;
        const hang = indent ?? (look.layout?.indent || level === undefined ? undefined : looks.levelIndent(c, level));
        numbered = { numPr, ...(hang ? { indent: hang } : {}) };
      }
      return paragraphXml(placed, { ...look, ...numbered }, revisions, spans, comments[k] ?? [], bookmarks[k] ?? [], styles[k]!);
    })
    .join('');
}

function styleOf(p: Placed, first: boolean): { style: string; numbered: boolean } {
  const { clause, paragraph } = p;
  if (paragraph.kind === 'heading') {
    if (clause.kind === 'title') return { style: STYLE.title, numbered: false };
    if (clause.kind === 'part') return { style: STYLE.partTitle, numbered: false };
    return { style: STYLE.heading[Math.min(clause.depth, 2)]!, numbered: first };
  }
  if (first) return { style: STYLE.clauseText, numbered: true };
  return { style: clause.number ? STYLE.clauseBody : STYLE.normal, numbered: false };
}

/**
 * Paragraph styles and layouts from our DOCX (look.ts). Each of our paragraphs
 * keeps its own. A paragraph only they have looks like the last of ours of its
 * kind (style, spacing, indents, alignment), as Word gives a new paragraph the
 * look of the one it was typed after; it never borrows a page or section
 * break. When their draft is a DOCX too, a paragraph only they have that is in
 * a style of its own (a heading, a notice style) keeps that style instead.
 * Without a look, the house style applies.
 */
class OwnLook {
  private readonly lastOfKind = new Map<string, { style: string; layout?: ParagraphLayout }>();
  constructor(private readonly look: BodyOptions) {}

  pick(p: Placed, house: string): { style: string; layout?: ParagraphLayout } {
    const { paragraphStyles: styles, paragraphLayouts: layouts } = this.look;
    if (!styles && !layouts) return { style: house };
    const { paragraph } = p;
    const line = paragraph.line?.ours;
    const kind = paragraph.kind === 'listItem' && paragraph.list?.continued ? 'continued' : paragraph.kind;
    if (line !== undefined && (styles?.[line] !== undefined || layouts?.[line] !== undefined)) {
      const style = styles?.[line] ?? house;
      const layout = layouts?.[line];
      const { flow: _flow, section: _section, carriedBreak: _carried, ...borrowable } = layout ?? {};
      this.lastOfKind.set(kind, { style, ...(layout ? { layout: borrowable } : {}) });
      // A moved paragraph appears twice: its section break, and a page break it took from an empty
      // paragraph before it, stay with the first (the paragraph as it was, where they were).
      if (p.side === 'to' && (layout?.section || layout?.carriedBreak)) return { style, layout: leftBehind(layout) };
      return { style, ...(layout ? { layout } : {}) };
    }
    const theirs = this.look.theirs;
    const theirLine = paragraph.line?.theirs;
    if (line === undefined && theirs && theirLine !== undefined) {
      // A paragraph only they have, in a style of their own (not their body text's default):
      // written in it, the style brought over when ours lacks it (theirStyles in look.ts).
      const style = theirs.paragraphStyles[theirLine];
      if (style !== undefined && style !== theirs.defaultStyle && (theirs.ours.has(style) || theirs.defined.has(style))) {
        if (!theirs.ours.has(style)) theirs.imported.add(style);
        return { style };
      }
    }
    return this.lastOfKind.get(kind) ?? { style: house };
  }
}

/** A moved paragraph's layout where it went: without the section break and the carried page break of where it was. */
function leftBehind(layout: ParagraphLayout): ParagraphLayout {
  const { section: _section, carriedBreak, ...rest } = layout;
  return carriedBreak ? { ...rest, flow: (rest.flow ?? []).filter((el) => el.name !== 'w:pageBreakBefore') } : rest;
}

/** Their draft's paragraph styles, when both drafts are DOCX and the redline keeps our look. */
export interface TheirStyles {
  /** Paragraph style of each of their paragraphs, by their line. */
  paragraphStyles: Readonly<Record<number, string>>;
  /** Their default paragraph style: their plain body text, which takes our look instead. */
  defaultStyle?: string;
  /** Style ids our style sheet defines, and theirs. */
  ours: ReadonlySet<string>;
  defined: ReadonlySet<string>;
  /** Filled while writing: their styles used that ours lacks. */
  imported: Set<string>;
}

export interface BodyOptions {
  /** Paragraph style of each of our paragraphs, by line (when <ours> was a DOCX). */
  paragraphStyles?: Readonly<Record<number, string>>;
  /** Direct layout of each of our paragraphs that sets one, by line (when <ours> was a DOCX). */
  paragraphLayouts?: Readonly<Record<number, ParagraphLayout>>;
  /** Column widths of each of our tables, by the table's line (when <ours> was a DOCX). */
  tableGrids?: Readonly<Record<number, readonly number[]>>;
  /** Each of our tables' look (table, row and cell properties, cells' paragraphs), by the table's line. */
  tables?: Readonly<Record<number, TableLook>>;
  /** Their tables' look, by their table's line, when <theirs> was a DOCX: the numbering levels of their cells. */
  theirTables?: Readonly<Record<number, TableLook>>;
  /** Width available for tables, in twentieths of a point. */
  textWidth?: number;
  /** Their paragraph styles, for paragraphs only they have (with our look only). */
  theirs?: TheirStyles;
}

/**
 * End of the list that starts at `k`: the list items that follow, up to one whose level
 * already holds items of the other kind. A w:num has one format per level, so "(a) (b)"
 * followed by bullets at the same level are two lists; as one, every label became a bullet.
 */
function listEnd(placed: readonly Placed[], k: number): number {
  const ordered = new Map<number, boolean>();
  let end = k;
  for (; end < placed.length && placed[end]!.paragraph.kind === 'listItem'; end++) {
    const list = placed[end]!.paragraph.list;
    if (!list || list.continued) continue;
    const level = Math.min(list.level, 8);
    if (ordered.has(level) && ordered.get(level) !== list.ordered) break;
    ordered.set(level, list.ordered);
  }
  return end;
}

/** document.xml body content for a redline (everything inside w:body except w:sectPr). */
export function bodyXml(clauses: readonly ClauseRedline[], numbering: RedlineNumbering, revisions: Revisions, options: BodyOptions = {}): string {
  const own = new OwnLook(options);
  const looks = new TableLooks(options);
  for (const { column, level, label } of looks.ourNumbers()) numbering.cellFormat(column, level, label);
  const textWidth = options.textWidth ?? TEXT_WIDTH;
  let out = '';
  let lastWasTable = false;
  /** Rows of a table still open when a clause ends: the next clause may go on in it. */
  let rows: Placed[] = [];
  /** The lines (each side's) of the rows in `rows`. */
  const lines = { ours: new Set<number>(), theirs: new Set<number>() };
  const closeTable = () => {
    if (rows.length === 0) return;
    // Two tables in a row would merge into one in Word: keep an empty paragraph between.
    if (lastWasTable) out += '<w:p/>';
    out += tableXml(rows, revisions, textWidth, options.tableGrids, looks, numbering);
    lastWasTable = true;
    rows = [];
    lines.ours.clear();
    lines.theirs.clear();
  };
  for (const clause of clauses) {
    const placed = place(clause, revisions);
    for (let k = 0; k < placed.length; ) {
      const p = placed[k]!;
      if (p.paragraph.kind === 'tableRow') {
        // A table's rows may belong to several clauses (a bilingual agreement's clauses are rows of
        // its parts' tables): rows of one table go on in one table across clauses.
        const last = rows[rows.length - 1];
        if (last && !(last.clause === clause ? sameTable(last.paragraph, p.paragraph) : inTable(lines, p.paragraph))) closeTable();
        rows.push(p);
        if (p.paragraph.line?.ours !== undefined) lines.ours.add(p.paragraph.line.ours);
        if (p.paragraph.line?.theirs !== undefined) lines.theirs.add(p.paragraph.line.theirs);
        k++;
        continue;
      }
      closeTable();
      if (p.paragraph.kind === 'listItem') {
        const end = listEnd(placed, k);
        const run = placed.slice(k, end);
        const numId = numbering.list(run.map((r) => r.paragraph));
        for (const item of run) {
          const list = item.paragraph.list;
          const level = Math.min(list?.level ?? 0, 8);
          const look = own.pick(item, STYLE.listParagraph);
          const properties: Properties = list?.continued
            ? { ...look, indent: `<w:ind w:left="${720 * (level + 2)}"/>` }
            : { ...look, numPr: numPrXml(numId, level) };
          out += paragraphXml(item, properties, revisions);
        }
        lastWasTable = false;
        k = end;
        continue;
      }
      const { style, numbered } = styleOf(p, k === 0);
      const numPr = numbered ? numbering.clauseNumPr(clause) : '';
      const house = numPr || p.paragraph.kind === 'heading' || !numbered ? style : STYLE.normal;
      out += paragraphXml(p, { ...own.pick(p, house), numPr }, revisions);
      lastWasTable = false;
      k++;
    }
  }
  closeTable();
  // Word wants a paragraph after a final table.
  return lastWasTable ? out + '<w:p/>' : out;
}
