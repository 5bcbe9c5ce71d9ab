/** Counts for the summary table: clauses and paragraphs by status, words and characters marked. */
import { countWords } from './tokenize.js';
import type { ClauseRedline, RedlineCounts, RedlineSummary } from './types.js';

function counts(): RedlineCounts {
  return { unchanged: 0, changed: 0, added: 0, deleted: 0, moved: 0 };
}

/** Moves count once (at their 'from' end); text changed inside a moved clause counts as inserted/deleted. */
export function summarise(clauses: readonly ClauseRedline[]): RedlineSummary {
  const summary: RedlineSummary = {
    clauses: counts(),
    paragraphs: counts(),
    words: { inserted: 0, deleted: 0 },
    chars: { inserted: 0, deleted: 0, moved: 0 },
    restyled: 0,
    comments: { ours: 0, theirs: 0 },
  };
  for (const clause of clauses) {
    // A title is no clause: its words count below, not in the clauses' tally.
    if (clause.move?.side !== 'to' && clause.kind !== 'title') summary.clauses[clause.status] += 1;
    for (const p of clause.paragraphs) {
      for (const c of p.comments ?? []) summary.comments[c.side] += 1 + (c.replies?.length ?? 0);
      const side = clause.move?.side ?? p.move?.side;
      if (side === 'from') {
        if (p.move || clause.move) {
          summary.chars.moved += p.spans.reduce((n, s) => n + s.text.length, 0);
          if (!clause.move) summary.paragraphs.moved += 1;
        }
        continue;
      }
      const status = p.status === 'inserted' ? 'added' : p.status;
      if (!p.move) summary.paragraphs[status] += 1;
      summary.restyled += p.restyled?.length ?? 0;
      for (const span of p.spans) {
        if (span.kind === 'inserted') {
          summary.chars.inserted += span.text.length;
          summary.words.inserted += countWords(span.text);
        } else if (span.kind === 'deleted') {
          summary.chars.deleted += span.text.length;
          summary.words.deleted += countWords(span.text);
        }
      }
    }
  }
  return summary;
}
