/** Table rows in the redline writers: cells split at '\t', and the merged cells a row shows. */
import type { CellShape, ParagraphRedline, RedlineComment, Span } from '../../redline/types.js';

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
 * shifted to count from its cell's start on its side. A comment on a cell
 * (units.ts anchors table comments on the whole cell) falls in that cell;
 * a range reaching past a cell is cut at the cell's end.
 */
export function cellComments(comments: readonly RedlineComment[] | undefined, cells: readonly Span[][]): Array<RedlineComment[] | undefined> {
  return cellRanges(comments, cells, (shifted, from) => original.set(shifted, from));
}

/** A row's ranges (comments, bookmarks) shared out among its cells, as cellComments. */
export function cellRanges<R extends { side: 'ours' | 'theirs'; at: number; length: number }>(
  comments: readonly R[] | undefined,
  cells: readonly Span[][],
  shifted?: (to: R, from: R) => void,
): Array<R[] | undefined> {
  if (!comments || comments.length === 0) return cells.map(() => undefined);
  const start = { ours: 0, theirs: 0 };
  return cells.map((cell) => {
    const length = { ours: 0, theirs: 0 };
    for (const span of cell) {
      if (span.kind !== 'inserted') length.ours += span.text.length;
      if (span.kind !== 'deleted') length.theirs += span.text.length;
    }
    const mine = comments
      .filter((c) => c.at >= start[c.side] && c.at <= start[c.side] + length[c.side])
      .map((c) => {
        const at = c.at - start[c.side];
        const moved = { ...c, at, length: Math.min(c.length, length[c.side] - at) };
        shifted?.(moved, c);
        return moved;
      });
    // The '\t' between cells counts on both sides.
    start.ours += length.ours + 1;
    start.theirs += length.theirs + 1;
    return mine.length > 0 ? mine : undefined;
  });
}
