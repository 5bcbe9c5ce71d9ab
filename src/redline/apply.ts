/**
 * Accept-all and reject-all on a Redline in memory: the invariant's oracle
 * (issue 4). Accepting every change must give their paragraphs, rejecting
 * every change ours. The DOCX counterpart works on written bytes
 * (`writers/redline/accept-reject.ts`).
 */
import type { ClauseRedline, ParagraphRedline, Redline, Span } from './types.js';

/** Which end of a move a paragraph belongs to, whether the clause or the paragraph moved. */
export function moveSide(clause: ClauseRedline, paragraph: ParagraphRedline): 'from' | 'to' | undefined {
  return clause.move?.side ?? paragraph.move?.side;
}

/** One side's text of some spans: ours is the kept and deleted text, theirs the kept and inserted. */
export function sideText(spans: readonly Span[], side: 'ours' | 'theirs'): string {
  const keep = side === 'ours' ? 'deleted' : 'inserted';
  let text = '';
  for (const span of spans) if (span.kind === 'kept' || span.kind === keep) text += span.text;
  return text;
}

function resolve(redline: Redline, side: 'ours' | 'theirs', skip: 'from' | 'to'): string[] {
  const out: string[] = [];
  for (const clause of redline.clauses) {
    for (const paragraph of clause.paragraphs) {
      if (moveSide(clause, paragraph) !== skip) out.push(sideText(paragraph.spans, side));
    }
  }
  return out;
}

/** Paragraph texts after accepting every change: their document. */
export function acceptAll(redline: Redline): string[] {
  return resolve(redline, 'theirs', 'from');
}

/** Paragraph texts after rejecting every change: our document. */
export function rejectAll(redline: Redline): string[] {
  return resolve(redline, 'ours', 'to');
}

/** Paragraph texts as the invariant compares them: whitespace collapsed, empty ones dropped. */
export function comparable(texts: readonly string[]): string[] {
  return texts.map((t) => t.replace(/\s+/gu, ' ').trim()).filter((t) => t !== '');
}

/** True when the redline records no change at all. */
export function hasChanges(redline: Redline): boolean {
  return (redline.headersFooters?.length ?? 0) > 0 || redline.clauses.some((c) => c.status !== 'unchanged' || c.paragraphs.some((p) => p.status !== 'unchanged'));
}
