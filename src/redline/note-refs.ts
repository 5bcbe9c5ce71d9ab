/**
 * A footnote's reference mark ("[1]") is one thing, not three characters: the
 * DOCX redline writes it as a real reference, which cannot be half kept and
 * half deleted. The word diff may split it (a note renumbered "[1]" → "[2]"
 * keeps the brackets), or keep a mark that is a reference on one side only
 * (a literal "[1]" on the other). Such a stretch is rewritten as our marks
 * deleted and theirs inserted; marks both sides keep whole stay kept.
 */
import type { Span, StyleRun } from './types.js';

/** Offsets of one side's text that lie in a note reference mark. */
function marks(runs: readonly StyleRun[] | undefined): Set<number> | undefined {
  let out: Set<number> | undefined;
  let start = 0;
  for (const run of runs ?? []) {
    if (run.note !== undefined) for (let k = start; k < run.end; k++) (out ??= new Set()).add(k);
    start = run.end;
  }
  return out;
}

/**
 * The spans with every note reference mark whole on each side.
 * @example wholeNoteRefs([{ kind: 'kept', text: 'Fee[' }, { kind: 'deleted', text: '1' }, { kind: 'inserted', text: '2' }, { kind: 'kept', text: ']' }], ours, theirs)
 *   // [kept 'Fee', deleted '[1]', inserted '[2]']
 */
export function wholeNoteRefs(spans: Span[], ours: readonly StyleRun[] | undefined, theirs: readonly StyleRun[] | undefined): Span[] {
  const inOurs = marks(ours);
  const inTheirs = marks(theirs);
  if (!inOurs && !inTheirs) return spans;
  const out: Span[] = [];
  const add = (kind: Span['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  /** The stretch of mark characters being gathered: our and their characters, and whether all are kept marks on both sides. */
  let region = { ours: '', theirs: '', whole: true, open: false };
  const close = () => {
    if (!region.open) return;
    if (region.whole) add('kept', region.ours);
    else {
      add('deleted', region.ours);
      add('inserted', region.theirs);
    }
    region = { ours: '', theirs: '', whole: true, open: false };
  };
  let o = 0;
  let t = 0;
  for (const span of spans) {
    for (const c of span.text.split('')) {
      const oursMark = span.kind !== 'inserted' && inOurs?.has(o) === true;
      const theirsMark = span.kind !== 'deleted' && inTheirs?.has(t) === true;
      if (oursMark || theirsMark) {
        region.open = true;
        if (span.kind !== 'inserted') region.ours += c;
        if (span.kind !== 'deleted') region.theirs += c;
        if (span.kind !== 'kept' || !oursMark || !theirsMark) region.whole = false;
      } else {
        close();
        add(span.kind, c);
      }
      if (span.kind !== 'inserted') o++;
      if (span.kind !== 'deleted') t++;
    }
  }
  close();
  return out;
}
