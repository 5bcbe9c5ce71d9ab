/** Table rows in the redline writers: cells split at '\t', and the merged cells a row shows. */
import type { CellShape, ParagraphRedline, Span } from '../../redline/types.js';

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
