/** A table row's spans split into cells at each '\t' (the redline's cell separator). */
import type { Span } from '../../redline/types.js';

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
