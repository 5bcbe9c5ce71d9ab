/**
 * Table rows in the redline writers: cells split at '\t', a cell's paragraphs at '\n',
 * the merged cells a row shows, and the numbering labels of a cell's paragraphs.
 */
import { sides } from '../../redline/sides.js';
import type { CellShape, Labels, ParagraphRedline, RedlineComment, Restyle, Span, StyleRun } from '../../redline/types.js';
import { runsWithin } from './restyled.js';

/** A table row's spans split into cells at each '\t' (the redline's cell separator). */
export function splitCells(spans: readonly Span[]): Span[][] {
  const out: Span[][] = [[]];
  for (const span of spans) {
    span.text.split('\t').forEach((piece, k) => {
      if (k > 0) out.push([]);
      if (piece) out[out.length - 1]!.push({ kind: span.kind, text: piece });
    });
  }
  return out;
}

/**
 * A cell's spans split into its paragraphs at each '\n' both sides have (kept
 * text): a line break only one side has stays a tracked line break inside a
 * paragraph, so no paragraph mark is ever inserted or deleted in a cell. The
 * pieces count from each other like cells do (one separator on both sides),
 * so cellLooks, cellComments and cellRanges share a cell's formatting and
 * comments out among them.
 */
export function splitParagraphs(spans: readonly Span[]): Span[][] {
  const out: Span[][] = [[]];
  for (const span of spans) {
    const pieces = span.kind === 'kept' ? span.text.split('\n') : [span.text];
    pieces.forEach((piece, k) => {
      if (k > 0) out.push([]);
      if (piece) out[out.length - 1]!.push({ kind: span.kind, text: piece });
    });
  }
  return out;
}

/** Each paragraph's line in our text of its cell (0-based; '\n' we have and they removed counts), and how many lines ours has. */
export function oursLines(paragraphs: readonly Span[][]): { first: number[]; count: number } {
  return sideLines(paragraphs, 'inserted');
}

/** Each paragraph's line in their text of its cell (0-based), and how many lines theirs has. */
export function theirsLines(paragraphs: readonly Span[][]): { first: number[]; count: number } {
  return sideLines(paragraphs, 'deleted');
}

/** Each paragraph's line in one side's text of its cell (the side without `other` spans), and how many lines it has. */
function sideLines(paragraphs: readonly Span[][], other: 'inserted' | 'deleted'): { first: number[]; count: number } {
  const first: number[] = [];
  let line = 0;
  let text = '';
  for (const spans of paragraphs) {
    if (first.length > 0) {
      line++;
      text += '\n';
    }
    first.push(line);
    for (const span of spans) {
      if (span.kind === other) continue;
      text += span.text;
      line += span.text.split('\n').length - 1;
    }
  }
  return { first, count: text === '' ? 0 : line + 1 };
}

/** Where each cell starts, and how long it is, in each side's text of the row (the '\t' between cells counts on both). */
function cellExtents(cells: readonly Span[][]): Array<{ start: { ours: number; theirs: number }; length: { ours: number; theirs: number } }> {
  const start = { ours: 0, theirs: 0 };
  return cells.map((cell) => {
    const length = { ours: 0, theirs: 0 };
    for (const span of cell) {
      if (span.kind !== 'inserted') length.ours += span.text.length;
      if (span.kind !== 'deleted') length.theirs += span.text.length;
    }
    const extent = { start: { ...start }, length };
    start.ours += length.ours + 1;
    start.theirs += length.theirs + 1;
    return extent;
  });
}

/** A cell's part of a row's formatting: its style runs and restyled stretches. */
export interface CellLook {
  styles?: { ours?: StyleRun[]; theirs?: StyleRun[] };
  restyled?: Restyle[];
}

/**
 * A row's style runs and restyled stretches shared out among its cells (`cells`
 * from splitCells), each counting from its cell's start on its side, as
 * cellComments does for comments.
 */
export function cellLooks(row: Pick<ParagraphRedline, 'styles' | 'restyled'>, cells: readonly Span[][]): CellLook[] {
  if (!row.styles && !row.restyled) return cells.map(() => ({}));
  return cellExtents(cells).map(({ start, length }) => {
    const styles = sides(runsWithin(row.styles?.ours, start.ours, length.ours), runsWithin(row.styles?.theirs, start.theirs, length.theirs));
    const restyled = (row.restyled ?? [])
      .filter((r) => r.end > start.ours && r.start < start.ours + length.ours)
      .map((r) => ({ ...r, start: Math.max(0, r.start - start.ours), end: Math.min(length.ours, r.end - start.ours) }));
    return { ...(styles ? { styles } : {}), ...(restyled.length > 0 ? { restyled } : {}) };
  });
}

/**
 * A row's merged cells as the side it shows has them: theirs for a row they
 * added or that moved here, else ours. Shapes that no longer fit the row's
 * `cellCount` cells are dropped.
 */
export function shownCellShapes(row: ParagraphRedline, showsTheirs: boolean, cellCount: number): readonly CellShape[] | undefined {
  const shapes = showsTheirs ? row.cells?.theirs : (row.cells?.ours ?? row.cells?.theirs);
  return shapes && shapes.length === cellCount ? shapes : undefined;
}

const original = new WeakMap<RedlineComment, RedlineComment>();

/** The row's comment a cell's comment (from cellComments) was shifted from; any other comment is its own. */
export function originalComment(comment: RedlineComment): RedlineComment {
  return original.get(comment) ?? comment;
}

/**
 * A row's comments shared out among its cells (`cells` from splitCells), each
 * shifted to count from its cell's start on its side. A comment in a cell
 * (units.ts anchors each within its cell) falls in that cell; a range
 * reaching past a cell is cut at the cell's end.
 */
export function cellComments(comments: readonly RedlineComment[] | undefined, cells: readonly Span[][]): Array<RedlineComment[] | undefined> {
  // Shared out twice (among cells, then a cell's paragraphs): each keeps the row's comment it came from.
  return cellRanges(comments, cells, (shifted, from) => original.set(shifted, originalComment(from)));
}

/** A row's ranges (comments, bookmarks) shared out among its cells, as cellComments. */
export function cellRanges<R extends { side: 'ours' | 'theirs'; at: number; length: number }>(
  comments: readonly R[] | undefined,
  cells: readonly Span[][],
  shifted?: (to: R, from: R) => void,
): Array<R[] | undefined> {
  if (!comments || comments.length === 0) return cells.map(() => undefined);
  return cellExtents(cells).map(({ start, length }) => {
    const mine = comments
      .filter((c) => c.at >= start[c.side] && c.at <= start[c.side] + length[c.side])
      .map((c) => {
        const at = c.at - start[c.side];
        const moved = { ...c, at, length: Math.min(c.length, length[c.side] - at) };
        shifted?.(moved, c);
        return moved;
      });
    return mine.length > 0 ? mine : undefined;
  });
}

/**
 * The numbering label of each paragraph of cell `c` (`paragraphs` from
 * splitParagraphs) as each side printed it, from the row's `cellLabels`
 * (units.ts keeps them out of the text): undefined where neither side numbers it.
 */
export function paragraphLabels(row: Pick<ParagraphRedline, 'cellLabels'>, c: number, paragraphs: readonly Span[][]): Array<Labels | undefined> {
  if (!row.cellLabels) return paragraphs.map(() => undefined);
  const ours = row.cellLabels.ours?.[c];
  const theirs = row.cellLabels.theirs?.[c];
  const oursAt = ours ? sideLines(paragraphs, 'inserted').first : [];
  const theirsAt = theirs ? sideLines(paragraphs, 'deleted').first : [];
  return paragraphs.map((_, k) => {
    const a = ours?.[oursAt[k]!] || undefined;
    const b = theirs?.[theirsAt[k]!] || undefined;
    return sides(a, b);
  });
}

/** The label a paragraph shows where one side's words are shown: ours for a row deleted or moved away, else theirs (as after accepting), else ours. */
export function shownLabel(l: Labels | undefined, ours: boolean): string | undefined {
  return ours ? l?.ours : (l?.theirs ?? l?.ours);
}

/**
 * A cell paragraph's labels as HTML and Markdown show them: where a moved row is shown as
 * it was (`from`), ours only, and none when only they number it.
 */
export function movedLabel(l: Labels | undefined, from: boolean): Labels | undefined {
  if (!from) return l;
  return l?.ours !== undefined ? { ours: l.ours } : undefined;
}

/** One paragraph of a cell, with its share of the row's formatting and comments, and its label. */
export interface CellParagraph extends CellLook {
  spans: Span[];
  comments?: RedlineComment[];
  label?: Labels;
}

/**
 * A cell of a row with numbered paragraphs (`cellLabels`) as its paragraphs,
 * each with its label, formatting and comments (`look` and `comments` the
 * cell's, from cellLooks and cellComments), for the writers that show labels
 * beside the words (HTML, Markdown).
 */
export function cellParagraphs(row: Pick<ParagraphRedline, 'cellLabels'>, c: number, cell: readonly Span[], look: CellLook, comments: RedlineComment[] | undefined): CellParagraph[] {
  const paragraphs = splitParagraphs(cell);
  const labels = paragraphLabels(row, c, paragraphs);
  const looks = cellLooks(look, paragraphs);
  const shared = cellComments(comments, paragraphs);
  return paragraphs.map((spans, k) => ({
    spans,
    ...looks[k],
    ...(shared[k] ? { comments: shared[k] } : {}),
    ...(labels[k] ? { label: labels[k] } : {}),
  }));
}
