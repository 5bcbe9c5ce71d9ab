/**
 * Our tables' look in the redline DOCX (docs/decisions.md, "Redline DOCX: our
 * look, the redline's numbering"): each row of ours is written in our table
 * (its table style, width, layout, borders), keeps its header-row and
 * keep-together settings, each cell its borders and shading, and each
 * paragraph of a cell its paragraph style and layout, found by the reader's
 * line as body paragraphs are (src/readers/docx/table-look.ts).
 *
 * A row only they have borrows the look of the last row of ours written in
 * its column (cell properties, paragraph style and layout), never a header
 * row's settings; a table only they have borrows the last of ours. Without
 * our look (ours was not a DOCX) tables are the house grid.
 *
 * A numbered cell paragraph's number is kept out of its words (the row's
 * `cellLabels`) and written as Word numbering that counts, one list per column
 * (RedlineNumbering.cellNumPr; a label counting cannot print is printed as it is):
 * the label, a tab, the words, inside the hanging indent its numbering level gave
 * ours — a paragraph only they have, the indent ours gives its level — so it reads
 * as ours did.
 */
import type { ParagraphRedline } from '../../../redline/types.js';
import { STYLE } from '../../docx/styles.js';
import type { CellLookOfOurs, CellParagraphLook, TableLook } from '../../../readers/docx/table-look.js';
import type { ParagraphLayout } from '../../../readers/docx/layout.js';
import { elementXml } from './look.js';

/** What a cell paragraph's w:pPr takes from our look. */
export interface CellParagraphProperties {
  style: string;
  layout?: ParagraphLayout;
  /** The numbering indent of a numbered paragraph of ours that sets none itself (written when the paragraph is numbered). */
  indent?: string;
}

export interface TableLookOptions {
  tables?: Readonly<Record<number, TableLook>>;
  /** Their tables' look, by their table's line, when <theirs> was a DOCX: where the redline finds the numbering levels of their cells. */
  theirTables?: Readonly<Record<number, TableLook>>;
  paragraphStyles?: Readonly<Record<number, string>>;
  paragraphLayouts?: Readonly<Record<number, ParagraphLayout>>;
}

const HOUSE_TABLE = `<w:tblStyle w:val="${STYLE.tableGrid}"/><w:tblW w:w="0" w:type="auto"/>`;

/** Children of w:tblPr that come after tblW in CT_TblPr, where a missing width is written. */
const AFTER_WIDTH = new Set(['w:jc', 'w:tblCellSpacing', 'w:tblInd', 'w:tblBorders', 'w:shd', 'w:tblLayout', 'w:tblCellMar', 'w:tblLook']);

/** One column's look, from the last row of ours written, for rows only they have. */
interface Borrowed {
  cell?: string;
  paragraph: CellParagraphProperties;
}

export class TableLooks {
  private lastTable: TableLook | undefined;
  /** Our table's line when the table being written holds our first row and breaks the page before it. */
  private breakAt: number | undefined;
  /** Our tables whose page break is written: once, though they write ours in pieces. */
  private readonly broken = new Set<number>();
  private columns: Borrowed[] = [];
  /** Our cells' numbering indents by "column:level" and by level (levelIndent), found once. */
  private indents: Map<string, string> | undefined;

  constructor(private readonly options: TableLookOptions) {}

  private get looked(): boolean {
    return this.options.tables !== undefined;
  }

  /** w:tblPr content for a table of these rows: our table's (theirs borrow the last of ours), else the house grid. */
  tableProperties(rows: readonly ParagraphRedline[]): string {
    const line = rows.find((r) => r.line?.ours !== undefined)?.line?.ours;
    const ours = line !== undefined ? this.options.tables?.[line] : undefined;
    if (ours) this.lastTable = ours;
    // The break goes before our first row, once: not again before a piece of ours they split off.
    const first = ours?.pageBreakBefore && !this.broken.has(line!) && rows.some((r) => r.line?.ours === line && r.row?.ours === 0);
    this.breakAt = first ? line : undefined;
    const table = ours ?? this.lastTable;
    if (!table || table.properties.length === 0) return HOUSE_TABLE;
    const props = table.properties;
    if (props.some((el) => el.name === 'w:tblW')) return props.map(elementXml).join('');
    // Width in its place: Word lays out a table without one, but the house writes one.
    const at = props.findIndex((el) => AFTER_WIDTH.has(el.name));
    const before = at < 0 ? props : props.slice(0, at);
    const after = at < 0 ? [] : props.slice(at);
    return before.map(elementXml).join('') + '<w:tblW w:w="0" w:type="auto"/>' + after.map(elementXml).join('');
  }

  /**
   * Whether the table tableProperties last chose is written after a page break: our table came
   * after one, and this is its first piece that holds our first row (once per table of ours).
   */
  breaksPageBefore(): boolean {
    if (this.breakAt === undefined) return false;
    this.broken.add(this.breakAt);
    this.breakAt = undefined;
    return true;
  }

  /** A row's kept w:trPr elements (header row, keep together) when it is a row of ours. */
  rowProperties(row: ParagraphRedline): string {
    return this.ourRow(row)?.properties?.map(elementXml).join('') ?? '';
  }

  /** A cell's look of ours, when the row is ours with as many cells. */
  private ourCell(row: ParagraphRedline, cell: number, cells: number): CellLookOfOurs | undefined {
    const ours = this.ourRow(row);
    return ours && ours.cells.length === cells ? ours.cells[cell] : undefined;
  }

  /** The row's look of ours: found by its own table's line, which is not the written table's where they joined two of ours. */
  private ourRow(row: ParagraphRedline) {
    return this.sideRow(row, 'ours');
  }

  private sideRow(row: ParagraphRedline, side: 'ours' | 'theirs') {
    const index = row.row?.[side];
    const line = row.line?.[side];
    const tables = side === 'ours' ? this.options.tables : this.options.theirTables;
    return index !== undefined && line !== undefined ? tables?.[line]?.rows[index] : undefined;
  }

  /**
   * The numbering level (w:ilvl) each side's numbering gave each paragraph of a cell
   * (`lines`: each paragraph's first line in that side's text of the cell, and how many
   * lines that side has), where that side's look has the cell paragraph by paragraph.
   */
  levels(row: ParagraphRedline, cell: number, cells: number, lines: Record<'ours' | 'theirs', { first: readonly number[]; count: number }>): Array<{ ours?: number; theirs?: number }> {
    const side = (s: 'ours' | 'theirs') => {
      const look = this.sideRow(row, s);
      const paragraphs = look && look.cells.length === cells ? look.cells[cell]?.paragraphs : undefined;
      return paragraphs && paragraphs.length === lines[s].count ? paragraphs : undefined;
    };
    const ours = side('ours');
    const theirs = side('theirs');
    return lines.ours.first.map((_, k) => {
      const a = ours?.[lines.ours.first[k]!]?.level;
      const b = theirs?.[lines.theirs.first[k]!]?.level;
      return { ...(a !== undefined ? { ours: a } : {}), ...(b !== undefined ? { theirs: b } : {}) };
    });
  }

  /** Each numbered paragraph of our cells, in our order (tables by line): its column, level and label. */
  *ourNumbers(): Generator<{ column: number; level: number; label: string }> {
    const tables = Object.entries(this.options.tables ?? {}).sort(([a], [b]) => Number(a) - Number(b));
    for (const [, table] of tables)
      for (const row of table.rows)
        for (const [column, cell] of row.cells.entries())
          for (const p of cell.paragraphs ?? []) if (p.label !== undefined && p.level !== undefined) yield { column, level: p.level, label: p.label };
  }

  /**
   * The indent our numbering gave cell paragraphs at `level` (w:ind), for a paragraph only
   * they have at that level: the first in column `cell` of our tables, else in any column.
   */
  levelIndent(cell: number, level: number): string | undefined {
    if (!this.indents) {
      this.indents = new Map();
      const tables = Object.entries(this.options.tables ?? {}).sort(([a], [b]) => Number(a) - Number(b));
      for (const [, table] of tables)
        for (const row of table.rows)
          row.cells.forEach((c, k) => {
            for (const p of c.paragraphs ?? []) {
              if (p.label === undefined || p.level === undefined || !p.indent) continue;
              const xml = elementXml(p.indent);
              if (!this.indents!.has(`${k}:${p.level}`)) this.indents!.set(`${k}:${p.level}`, xml);
              if (!this.indents!.has(`${p.level}`)) this.indents!.set(`${p.level}`, xml);
            }
          });
    }
    return this.indents.get(`${cell}:${level}`) ?? this.indents.get(`${level}`);
  }

  /** Kept w:tcPr elements after vMerge: ours, else the column's last of ours. */
  cellProperties(row: ParagraphRedline, cell: number, cells: number): string {
    const ours = this.ourCell(row, cell, cells);
    if (ours) return ours.properties?.map(elementXml).join('') ?? '';
    return this.columns[cell]?.cell ?? '';
  }

  /**
   * The paragraph look of each paragraph of a cell (`first`: each paragraph's
   * first line in our text of the cell; `count`: how many lines ours has).
   * Paragraphs map to ours one to one when ours has as many lines as
   * paragraphs with text; otherwise each borrows its column's last look.
   */
  paragraphs(row: ParagraphRedline, cell: number, cells: number, lines: { first: readonly number[]; count: number }): CellParagraphProperties[] {
    const house: CellParagraphProperties = { style: STYLE.tableText };
    const ours = this.ourCell(row, cell, cells);
    const paragraphs = ours?.paragraphs && ours.paragraphs.length === lines.count ? ours.paragraphs : undefined;
    const borrowed = this.columns[cell]?.paragraph ?? house;
    const out = lines.first.map((line) => {
      const paragraph = paragraphs?.[line];
      return paragraph ? this.ofOurs(paragraph) : borrowed;
    });
    if (ours && this.looked) {
      const last = [...out].reverse().find((p) => p !== borrowed);
      const { indent: _indent, ...look } = last ?? borrowed;
      this.columns[cell] = { ...(ours.properties ? { cell: ours.properties.map(elementXml).join('') } : {}), paragraph: look };
    }
    return out;
  }

  private ofOurs(p: CellParagraphLook): CellParagraphProperties {
    const style = this.options.paragraphStyles?.[p.line] ?? STYLE.tableText;
    const layout = this.options.paragraphLayouts?.[p.line];
    // A paragraph's own indent overrides its numbering's, in Word as here.
    const indent = p.label !== undefined && p.indent && !layout?.indent ? elementXml(p.indent) : undefined;
    return { style, ...(layout ? { layout } : {}), ...(indent ? { indent } : {}) };
  }
}
