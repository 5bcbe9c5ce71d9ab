/**
 * A footnote's reference mark ("[1]") is one thing, not three characters: the
 * DOCX redline writes it as a real reference, which cannot be half kept and
 * half deleted. The word diff may split it (a note renumbered "[1]" → "[2]"
 * keeps the brackets), or keep a mark that is a reference on one side only
 * (a literal "[1]" on the other). Such a stretch is rewritten as our marks
 * deleted and theirs inserted; marks both sides keep whole stay kept.
 *
 * Writers find their marks by offsets in their text, counting kept text as
 * theirs; kept text is ours, which may differ from theirs in spacing alone
 * (the diff keeps a whitespace swap). In a paragraph with references such a
 * swap is written out as a change, so every offset of theirs is exact.
 */
import type { Span, StyleRun } from './types.js';
import { isSpace } from './units.js';

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

/** Append text of a kind to spans, extending the last span when it is of that kind. */
export function appendSpan(out: Span[], kind: Span['kind'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** The spans with kept spacing that differs from theirs written as our spacing deleted and theirs inserted. */
function exactSpacing(spans: Span[], theirsText: string): Span[] {
  const out: Span[] = [];
  const add = (kind: Span['kind'], text: string) => appendSpan(out, kind, text);
  let t = 0;
  for (const span of spans) {
    if (span.kind === 'deleted') add('deleted', span.text);
    else if (span.kind === 'inserted') {
      add('inserted', span.text);
      t += span.text.length;
    } else {
      const text = span.text;
      for (let k = 0; k < text.length; ) {
        if (!isSpace(text[k])) {
          if (text[k] !== theirsText[t]) return spans; // not spacing alone: leave the spans as they are
          add('kept', text[k]!);
          k++;
          t++;
          continue;
        }
        let end = k;
        while (end < text.length && isSpace(text[end])) end++;
        let theirsEnd = t;
        while (theirsEnd < theirsText.length && isSpace(theirsText[theirsEnd])) theirsEnd++;
        const a = text.slice(k, end);
        const b = theirsText.slice(t, theirsEnd);
        if (a === b) add('kept', a);
        else {
          add('deleted', a);
          add('inserted', b);
        }
        k = end;
        t = theirsEnd;
      }
    }
  }
  return out;
}

/**
 * The spans with every note reference mark whole on each side.
 * @example wholeNoteRefs([{ kind: 'kept', text: 'Fee[' }, { kind: 'deleted', text: '1' }, { kind: 'inserted', text: '2' }, { kind: 'kept', text: ']' }], ours, theirs, 'Fee[2]')
 *   // [kept 'Fee', deleted '[1]', inserted '[2]']
 */
export function wholeNoteRefs(given: Span[], ours: readonly StyleRun[] | undefined, theirs: readonly StyleRun[] | undefined, theirsText: string): Span[] {
  const inOurs = marks(ours);
  const inTheirs = marks(theirs);
  if (!inOurs && !inTheirs) return given;
  const spans = exactSpacing(given, theirsText);
  const out: Span[] = [];
  const add = (kind: Span['kind'], text: string) => appendSpan(out, kind, text);
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
