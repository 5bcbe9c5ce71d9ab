/**
 * A one-line form of a redline for tests and logs, after jsdiff's
 * `<del>…</del><ins>…</ins>` convention:
 *
 *   'The <del>old</del><ins>new</ins> text ¶ <from m1>Moved.</from> ¶ <to m1>Moved.</to>'
 *
 * Paragraphs are separated by ' ¶ '. With `labels`, changed numbers show as
 * `[3→4]` and unchanged ones as `[3]`.
 */
import { moveSide } from './apply.js';
import type { Labels, ParagraphRedline, Redline } from './types.js';

function label(l: Labels | undefined): string {
  if (!l) return '';
  if (l.ours !== undefined && l.theirs !== undefined && l.ours !== l.theirs) return `[${l.ours}→${l.theirs}] `;
  return `[${l.ours ?? l.theirs}] `;
}

function spans(p: ParagraphRedline): string {
  return p.spans
    .map((s) => (s.kind === 'kept' ? s.text : s.kind === 'inserted' ? `<ins>${s.text}</ins>` : `<del>${s.text}</del>`))
    .join('');
}

export function redlineString(redline: Redline, options: { labels?: boolean } = {}): string {
  const out: string[] = [];
  for (const clause of redline.clauses) {
    clause.paragraphs.forEach((p, k) => {
      let text = spans(p);
      if (options.labels) text = (k === 0 ? label(clause.number) : '') + label(p.label) + text;
      const side = moveSide(clause, p);
      const id = clause.move?.id ?? p.move?.id;
      if (side) text = `<${side} ${id}>${text}</${side}>`;
      out.push(text);
    });
  }
  return out.join(' ¶ ');
}
