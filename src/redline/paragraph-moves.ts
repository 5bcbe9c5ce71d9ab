/**
 * Paragraph moves across the whole document: after clauses are aligned, a
 * deleted paragraph and an inserted paragraph with the same (or nearly the
 * same) text are one paragraph that moved. Its text then counts once, and the
 * arriving end shows only what changed inside it, words and formatting.
 */
import { wholeNoteRefs } from './note-refs.js';
import { diffText } from './diff-text.js';
import { findMoves } from './moves.js';
import { restyles } from './restyle.js';
import { sides } from './sides.js';
import type { Similarity } from './similarity.js';
import type { ClauseRedline, ParagraphRedline, RedlineOptions } from './types.js';
import { normaliseSpace } from './units.js';

/** Shorter paragraphs ("Fees.", "[Reserved]") match too easily to call a move. */
const MIN_MOVE_CHARS = 24;
const EDGE = 24;

interface Loose {
  paragraph: ParagraphRedline;
  text: string;
  key: string;
}

function loose(clauses: readonly ClauseRedline[], status: 'deleted' | 'inserted'): Loose[] {
  const out: Loose[] = [];
  for (const clause of clauses) {
    if (clause.move) continue;
    for (const paragraph of clause.paragraphs) {
      if (paragraph.status !== status) continue;
      const text = paragraph.spans.map((s) => s.text).join('');
      // A table row moves as a paragraph only when it is one cell: a paragraph put into a
      // table (or taken out of one). A row of several cells is no paragraph.
      if (paragraph.kind === 'tableRow' && (text.includes('\t') || paragraph.cells)) continue;
      out.push({ paragraph, text, key: normaliseSpace(text) });
    }
  }
  return out;
}

/** Turn matching deleted/inserted paragraph pairs into moves, numbering them after `firstId`. */
export function findParagraphMoves(
  clauses: ClauseRedline[],
  similarity: Similarity,
  firstId: number,
  options: RedlineOptions,
): void {
  const gone = loose(clauses, 'deleted');
  const come = loose(clauses, 'inserted');
  if (gone.length === 0 || come.length === 0) return;
  const pairs = findMoves(gone, come, gone.map((_, i) => i), come.map((_, j) => j), {
    keys: [(x) => x.key, (x) => x.key.slice(0, EDGE), (x) => x.key.slice(-EDGE)],
    similarity: (x, y) => similarity.of(x.key, y.key),
    threshold: 0.8,
    maxCells: options.maxPairingCells ?? 40_000,
    moves: { similarity: 0.8, eligible: (x) => x.key.length >= MIN_MOVE_CHARS },
  });
  pairs.forEach((pair, k) => {
    const id = `m${firstId + k + 1}`;
    const from = gone[pair.a];
    const to = come[pair.b];
    from.paragraph.status = 'moved';
    from.paragraph.move = { id, side: 'from' };
    from.paragraph.spans = [{ kind: 'kept', text: from.text }];
    to.paragraph.status = 'moved';
    to.paragraph.move = { id, side: 'to' };
    to.paragraph.spans = diffText(from.text, to.text, { maxTokenEdits: options.maxTokenEdits ?? 2000 }).spans;
    // The arriving end compares with our paragraph as it stood: its formatting too.
    const styles = sides(from.paragraph.styles?.ours, to.paragraph.styles?.theirs);
    if (styles) {
      to.paragraph.styles = styles;
      to.paragraph.spans = wholeNoteRefs(to.paragraph.spans, styles.ours, styles.theirs, to.text);
      const restyled = restyles(to.paragraph.spans, to.text, styles.ours, styles.theirs, { formatting: options.formatting !== false });
      if (restyled.length > 0) to.paragraph.restyled = restyled;
    }
  });
}
