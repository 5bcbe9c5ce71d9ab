/**
 * Readable edits from raw token edits, after diff-match-patch's
 * `cleanupSemantic` and `cleanupSemanticLossless` (Neil Fraser, "Diff
 * Strategies"): a short stretch of kept text squeezed between edits is folded
 * into them ("<del>cat sat</del><ins>dog ran</ins>", not four fragments), and
 * a lone insertion or deletion slides to the most natural boundary (a
 * sentence end, then punctuation, then whitespace).
 *
 * Departures from diff-match-patch: we work on word tokens already, so a kept
 * stretch folds only when strictly shorter than the edits around it, and no
 * character-level overlap pass; shifting moves by whole code points and never
 * separates a combining mark from its base; on a tie the position the diff
 * found is kept (the segmenter placed CJK boundaries there, and the scoring
 * cannot see CJK word boundaries).
 */
import { isValueChar, valueAround } from './tokenize.js';
import type { Span, SpanKind } from './types.js';

export interface CleanupOptions {
  /** Kept text that must stay kept (a table row's cell separators). */
  hard?: (text: string) => boolean;
  /** Keep a swap of whitespace for whitespace as a change, so their text is rebuilt exactly from the spans. */
  exact?: boolean;
}

/** Merge neighbours of one kind; in each run of edits put the deletion first. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'deleted', text: del });
    if (ins) out.push({ kind: 'inserted', text: ins });
    del = ins = '';
  };
  for (const span of spans) {
    if (!span.text) continue;
    if (span.kind === 'deleted') del += span.text;
    else if (span.kind === 'inserted') ins += span.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'kept') last.text += span.text;
      else out.push({ kind: 'kept', text: span.text });
    }
  }
  flush();
  return out;
}

/** Fold kept stretches shorter than the edits on both sides into those edits. */
export function cleanupSemantic(spans: readonly Span[], options: CleanupOptions = {}): Span[] {
  let current = mergeSpans(spans);
  for (let pass = 0; pass < 16; pass++) {
    /** The edits next to a kept stretch: their size, and their kind if all are of one kind. */
    const edited = (from: number, step: number) => {
      let ins = 0;
      let del = 0;
      for (let k = from; k >= 0 && k < current.length && current[k].kind !== 'kept'; k += step) {
        if (current[k].kind === 'inserted') ins += current[k].text.length;
        else del += current[k].text.length;
      }
      return { size: Math.max(ins, del), only: del === 0 ? 'inserted' : ins === 0 ? 'deleted' : undefined };
    };
    let changed = false;
    const next: Span[] = [];
    current.forEach((span, k) => {
      // Strictly shorter than the edits on both sides (diff-match-patch allows
      // equal): our tokens are words, and one kept word between two one-word
      // edits (他人 in 侵害他人合法 → 损害他人) is worth showing.
      // Words kept between two insertions (or two deletions) stay kept: folding them
      // would mark as deleted and reinserted words no one touched ("all {++direct ++}losses{++, except …++}").
      let fold = span.kind === 'kept' && k > 0 && k < current.length - 1 && !options.hard?.(span.text);
      if (fold) {
        const before = edited(k - 1, -1);
        const after = edited(k + 1, 1);
        fold =
          span.text.length < before.size &&
          span.text.length < after.size &&
          !(before.only !== undefined && before.only === after.only && WORDY.test(span.text));
      }
      if (fold) {
        next.push({ kind: 'deleted', text: span.text }, { kind: 'inserted', text: span.text });
        changed = true;
      } else next.push(span);
    });
    if (!changed) break; // `current` is merged already
    current = mergeSpans(next);
  }
  return current;
}

/** A letter or digit: a kept stretch with one holds a word. */
const WORDY = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?;。！？；]/u;
const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const GLUE = /[\p{M}\u200D\uFE0F\u{1F3FB}-\u{1F3FF}]/u;

/** How natural a cut between `left` and `right` is (higher is better). */
export function boundaryScore(left: string, right: string): number {
  if (!left || !right) return 6;
  const c1 = String.fromCodePoint(left.codePointAt(left.length - 1 - (isLow(left, left.length - 1) ? 1 : 0))!);
  const c2 = String.fromCodePoint(right.codePointAt(0)!);
  if (GLUE.test(c2) || c1 === '\u200D') return -10;
  if (c1 === '\n' || c2 === '\n') return 5;
  if (SENTENCE_END.test(c1) && (SPACE.test(c2) || CJK.test(c2) || c1 > '\u3000')) return 5;
  if (PUNCT.test(c1) || PUNCT.test(c2)) return 3;
  // At a word start ("The |cat") beats before a space ("The| cat").
  if (SPACE.test(c1) || SPACE.test(c2)) return SPACE.test(c1) && !SPACE.test(c2) ? 2.25 : 2;
  if (CJK.test(c1) !== CJK.test(c2)) return 2;
  return 0;
}

function isLow(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0;
}

/** Length of the common suffix of a and b, not splitting a surrogate pair. */
function commonSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  if (k > 0 && k < b.length && isLow(b, b.length - k)) k--;
  return k;
}

/** Slide one lone edit between `eq1` and `eq2` to its best-scoring position. */
function shift(eq1: string, edit: string, eq2: string): [string, string, string] {
  const k = commonSuffix(eq1, edit);
  if (k > 0) {
    const common = edit.slice(edit.length - k);
    eq1 = eq1.slice(0, eq1.length - k);
    edit = common + edit.slice(0, edit.length - k);
    eq2 = common + eq2;
  }
  const original = k;
  // The diff's own position is the fallback: it cuts no token.
  let best: [string, string, string] | undefined;
  let bestScore = -Infinity;
  let moved = 0;
  for (;;) {
    // A position that cuts a value the tokenizer keeps whole is no candidate: the
    // punctuation inside it scores as a boundary (a@b{--.co or c@d--}.co).
    if (moved === original || !splitsValue(eq1, edit, eq2)) {
      const score = boundaryScore(eq1, edit) + boundaryScore(edit, eq2) + (moved === original ? 0.5 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = [eq1, edit, eq2];
      }
    }
    if (!edit || !eq2) break;
    const cp = String.fromCodePoint(edit.codePointAt(0)!);
    if (!eq2.startsWith(cp)) break;
    eq1 += cp;
    edit = edit.slice(cp.length) + cp;
    eq2 = eq2.slice(cp.length);
    moved += cp.length;
  }
  return best!;
}

/** Context either side of a cut that is enough to read the value around it. */
const VALUE_CONTEXT = 256;

/** Does either end of `edit`, between `eq1` and `eq2`, fall inside an email address, URL, date, number …? */
function splitsValue(eq1: string, edit: string, eq2: string): boolean {
  const inside = (left: string, right: string) => {
    // Values are printable ASCII: a cut next to a space or a Chinese character is outside one.
    if (!isValueChar(left.charCodeAt(left.length - 1)) || !isValueChar(right.charCodeAt(0))) return false;
    const l = left.slice(-VALUE_CONTEXT);
    return valueAround(l + right.slice(0, VALUE_CONTEXT), l.length) !== undefined;
  };
  return inside(eq1, edit + eq2.slice(0, VALUE_CONTEXT)) || inside(eq1.slice(-VALUE_CONTEXT) + edit, eq2);
}

/** Slide every lone insertion or deletion between two kept stretches to a natural boundary. */
export function cleanupLossless(spans: readonly Span[], options: CleanupOptions = {}): Span[] {
  const out = mergeSpans(spans);
  let emptied = false;
  for (let k = 1; k < out.length - 1; k++) {
    const [prev, edit, next] = [out[k - 1], out[k], out[k + 1]];
    if (prev.kind !== 'kept' || next.kind !== 'kept' || edit.kind === 'kept') continue;
    const [eq1, text, eq2] = shift(prev.text, edit.text, next.text);
    if (options.hard?.(text)) continue;
    prev.text = eq1;
    edit.text = text;
    next.text = eq2;
    emptied ||= !eq1 || !eq2;
  }
  // Sliding can empty a kept stretch; only then do neighbours need merging again.
  return emptied ? mergeSpans(out) : out;
}

/** A run of edits that only swaps whitespace for whitespace is no change (we compare whitespace-normalised). */
export function cleanupWhitespace(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  const merged = mergeSpans(spans);
  let swapped = false;
  for (let k = 0; k < merged.length; k++) {
    const span = merged[k];
    const next = merged[k + 1];
    if (span.kind === 'deleted' && next?.kind === 'inserted' && BLANK.test(span.text) && BLANK.test(next.text)) {
      out.push({ kind: 'kept', text: span.text });
      swapped = true;
      k++;
    } else out.push(span);
  }
  return swapped ? mergeSpans(out) : out;
}

const BLANK = /^\s+$/u;

/** The whole cleanup: fold choppy fragments, slide lone edits, drop whitespace-only swaps (unless `exact`). */
export function cleanup(spans: readonly Span[], options: CleanupOptions = {}): Span[] {
  const tidy = cleanupLossless(cleanupSemantic(spans, options), options);
  return options.exact ? tidy : cleanupWhitespace(tidy);
}

export function spanKindCount(spans: readonly Span[], kind: SpanKind): number {
  let n = 0;
  for (const s of spans) if (s.kind === kind) n += s.text.length;
  return n;
}
