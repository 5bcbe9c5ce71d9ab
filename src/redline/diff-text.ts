/**
 * Word-level difference of two paragraph texts → kept/inserted/deleted spans.
 *
 * Speed comes from not tokenizing what is plainly equal (issue 4: the CJK
 * segmenter is the dominant cost):
 * 1. the common prefix and suffix are cut off, backed off to a safe boundary
 *    (whitespace or punctuation, never inside a surrogate pair or before a
 *    combining mark; for CJK only a few characters, enough context for the
 *    segmenter);
 * 2. a long middle with CJK text is aligned sentence by sentence first, and
 *    only runs of changed sentences go on to the segmenter;
 * 3. those are tokenized and aligned token by token (`align`, jsdiff's Myers
 *    underneath), then cleaned up for readability.
 */
// The array flavour alone: the package index loads every diff and patch module.
import { diffArrays } from 'diff/lib/diff/array.js';
import { align, alignByKeys } from './align.js';
import { cleanup } from './cleanup.js';
import { sentences } from './sentences.js';
import { CJK_NUMERALS, isNumeral, tokenizeMany, valueAround } from './tokenize.js';
import type { Span } from './types.js';

/** How far a cut may back off to reach whitespace or punctuation. */
const MAX_BACKOFF = 48;
/** In CJK text words are short: this much context is enough for the segmenter. */
const CJK_BACKOFF = 4;
/** Middles shorter than this are tokenized directly. */
const SENTENCE_LEVEL_MIN = 120;
/** Middles longer than this go sentence by sentence whatever the script. */
const HUGE = 20_000;
const SEPARATOR = /[\s\p{P}\p{S}]/u;
const GLUE = /[\p{M}\u200D\uFE0F\u{1F3FB}-\u{1F3FF}\uDC00-\uDFFF]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface TextDiffOptions {
  maxTokenEdits?: number;
  /** Table rows: '\t' separates cells and must stay kept. */
  hardTabs?: boolean;
  /**
   * Spans whose kept and inserted text is theirs exactly: a change of whitespace alone is
   * kept as a change rather than folded into our text (the redline compares whitespace-normalised).
   */
  exact?: boolean;
}

export interface TextDiff {
  spans: Span[];
  /** True when the token budget was exceeded and a stretch was replaced whole. */
  coarse: boolean;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isNumberMark = (c: string | undefined) => c === '.' || c === ',';

/**
 * Is position `i` of `s` a cut that splits no token (before or after a separator, not before a mark)?
 * The '.' and ',' inside a number (1,000,000.00; 12.3) are no separators: the tokenizer keeps such a number whole.
 */
function clean(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  if (GLUE.test(s[i]!)) return false;
  if (isNumberMark(s[i]) && isDigit(s[i - 1]) && isDigit(s[i + 1])) return false;
  if (isNumberMark(s[i - 1]) && isDigit(s[i - 2]) && isDigit(s[i])) return false;
  return SEPARATOR.test(s[i - 1]!) || SEPARATOR.test(s[i]!);
}

/** Never leave a combining mark, joiner or low surrogate at the start of a piece. */
function glued(s: string, i: number): boolean {
  return i > 0 && i < s.length && GLUE.test(s[i]!);
}

/**
 * Back the cut after a common prefix (fromEnd: before a common suffix) of
 * length `at` off towards the equal side until it is clean in both texts and
 * outside any value the tokenizer keeps whole (an email address, URL, date,
 * time, clause reference, a number in Chinese numerals).
 */
function backOff(a: string, b: string, at: number, fromEnd: boolean): number {
  let k = backOffToClean(a, b, at, fromEnd);
  for (;;) {
    const whole = Math.min(wholeCut(a, k, fromEnd), wholeCut(b, k, fromEnd));
    if (whole === k) return k;
    const pos = (s: string) => (fromEnd ? s.length - whole : whole);
    // The edge of a Chinese number is a cut as good as a clean one (the segmenter reads from there).
    const fine = (s: string) => clean(s, pos(s)) || (isNumeral(s[pos(s) - 1]) !== isNumeral(s[pos(s)]) && !glued(s, pos(s)));
    k = fine(a) && fine(b) ? whole : backOffToClean(a, b, whole, fromEnd);
  }
}

/** The cut `k` from the start (fromEnd: from the end) of `s`, moved off towards that end out of a value kept whole. */
function wholeCut(s: string, k: number, fromEnd: boolean): number {
  const i = fromEnd ? s.length - k : k;
  let edge = i;
  if (isNumeral(s[i - 1]) && isNumeral(s[i])) {
    if (fromEnd) while (edge < s.length && isNumeral(s[edge])) edge++;
    else while (edge > 0 && isNumeral(s[edge - 1])) edge--;
  } else {
    const value = valueAround(s, i);
    if (value) edge = fromEnd ? value[1] : value[0];
  }
  return fromEnd ? s.length - edge : edge;
}

function backOffToClean(a: string, b: string, at: number, fromEnd: boolean): number {
  const pos = (s: string, k: number) => (fromEnd ? s.length - k : k);
  const near = fromEnd ? a[a.length - at] : a[at - 1];
  const limit = near !== undefined && CJK.test(near) ? CJK_BACKOFF : MAX_BACKOFF;
  for (let k = at; k >= Math.max(0, at - limit); k--) if (clean(a, pos(a, k)) && clean(b, pos(b, k))) return k;
  let k = Math.max(0, at - limit);
  while (k > 0 && (glued(a, pos(a, k)) || glued(b, pos(b, k)))) k--;
  return k;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/** A stretch still to be diffed token by token. */
interface Job {
  a: string;
  b: string;
}

/**
 * Two phases, so every changed window of a paragraph is tokenized together
 * (`tokenizeMany` shares segmenter calls): first cut the texts into kept
 * stretches and jobs, then tokenize all jobs and align each.
 */
class Differ {
  coarse = false;
  private readonly parts: Array<string | Job> = [];
  constructor(private readonly maxTokenEdits: number) {}

  /** Kept stretches and jobs for a → b. */
  cut(a: string, b: string, sentenceLevel: boolean): void {
    if (a === b) {
      this.parts.push(a);
      return;
    }
    const p = backOff(a, b, commonPrefix(a, b), false);
    const s = backOff(a, b, commonSuffix(a, b, Math.min(a.length, b.length) - p), true);
    this.parts.push(a.slice(0, p));
    const midA = a.slice(p, a.length - s);
    const midB = b.slice(p, b.length - s);
    // Sentences first pays where tokenizing is dear (text the segmenter must
    // read) or the token diff would be (a huge paragraph).
    const size = midA.length + midB.length;
    if (sentenceLevel && size >= SENTENCE_LEVEL_MIN && (size > HUGE || CJK.test(midA) || CJK.test(midB))) this.bySentence(midA, midB);
    else this.parts.push({ a: midA, b: midB });
    this.parts.push(a.slice(a.length - s));
  }

  private bySentence(a: string, b: string): void {
    const sa = sentences(a);
    const sb = sentences(b);
    if (sa.length < 2 && sb.length < 2) {
      this.parts.push({ a, b });
      return;
    }
    let gapA = '';
    let gapB = '';
    const flush = () => {
      if (gapA || gapB) this.cut(gapA, gapB, false);
      gapA = gapB = '';
    };
    for (const step of align(sa, sb, { keys: [(x) => x] }).steps) {
      if (step.op === 'delete') gapA += sa[step.a!];
      else if (step.op === 'insert') gapB += sb[step.b!];
      else {
        flush();
        this.parts.push(sa[step.a!]!);
      }
    }
    flush();
  }

  /** Tokenize every job at once, align each, and return the raw spans. */
  spans(): Span[] {
    const jobs = this.parts.filter((p): p is Job => typeof p !== 'string');
    const tokens = tokenizeMany(jobs.flatMap((j) => [j.a, j.b]));
    const out: Span[] = [];
    let k = 0;
    for (const part of this.parts) {
      if (typeof part === 'string') {
        if (part) out.push({ kind: 'kept', text: part });
        continue;
      }
      const ta = tokens[2 * k]!;
      const tb = tokens[2 * k + 1]!;
      k++;
      // A replacement in Chinese text keeps the characters both sides share around a number (pushReplacement).
      const cjk = CJK.test(part.a) || CJK.test(part.b);
      // Most windows are one word for another, or words only added or only removed:
      // the answer Myers would give, without its set-up (over half the calls on a typical draft).
      if (ta.length === 0 || tb.length === 0 || (ta.length === 1 && tb.length === 1)) {
        if (ta.length > 0 && tb.length > 0 && cjk) {
          pushReplacement(ta, tb, out);
          continue;
        }
        if (ta.length > 0) out.push({ kind: 'deleted', text: ta.join('') });
        if (tb.length > 0) out.push({ kind: 'inserted', text: tb.join('') });
        continue;
      }
      const budget = editBudget(this.maxTokenEdits, ta.length + tb.length);
      // jsdiff's Myers straight over the tokens; its runs of equal kind are spans already.
      const changes = diffArrays(ta, tb, { maxEditLength: budget });
      if (changes) {
        for (let c = 0; c < changes.length; c++) {
          const change = changes[c]!;
          const next = changes[c + 1];
          if (cjk && change.removed && next?.added) {
            pushReplacement(change.value, next.value, out);
            c++;
          } else out.push({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'kept', text: change.value.join('') });
        }
        continue;
      }
      // Over budget: patience anchors, and at worst a coarse replacement (not Myers again).
      const result = alignByKeys(ta, tb, { keys: [(t) => t], maxEditLength: budget });
      this.coarse ||= result.coarse;
      for (const step of result.steps) {
        if (step.op === 'equal') out.push({ kind: 'kept', text: ta[step.a!]! });
        else if (step.op === 'delete') out.push({ kind: 'deleted', text: ta[step.a!]! });
        else if (step.op === 'insert') out.push({ kind: 'inserted', text: tb[step.b!]! });
      }
    }
    return out;
  }
}

/** Chinese numerals and digits: a number is not cut in two. */
const NUMERAL = new RegExp(`[${CJK_NUMERALS}0-9０-９]`, 'u');
const ALL_CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/** Offsets of the token boundaries of a run of tokens. */
function boundaries(tokens: readonly string[]): Set<number> {
  const out = new Set<number>([0]);
  let at = 0;
  for (const t of tokens) out.add((at += t.length));
  return out;
}

/**
 * Push `a` replaced by `b`. When a number changed in Chinese text, the
 * segmenter often cuts the two sides differently (三十日 | 内 against 六十 | 日内),
 * so no word matches and the words around the number are marked with it. Then
 * the characters both sides share at either end stay kept, cut where either
 * side has a word boundary and never inside a number: {--三十--}{++六十++}日内.
 */
function pushReplacement(ta: readonly string[], tb: readonly string[], out: Span[]): void {
  const a = ta.join('');
  const b = tb.join('');
  let p = 0;
  let q = 0;
  if (NUMERAL.test(a) || NUMERAL.test(b)) {
    const ba = boundaries(ta);
    const bb = boundaries(tb);
    const cut = (s: string, i: number) => !(NUMERAL.test(s[i - 1] ?? '') && NUMERAL.test(s[i] ?? ''));
    const ok = (i: number, j: number, common: string) => (ba.has(i) || bb.has(j)) && cut(a, i) && cut(b, j) && ALL_CJK.test(common);
    for (p = commonPrefix(a, b); p > 0 && !ok(p, p, a.slice(0, p)); p--);
    const limit = Math.min(a.length, b.length) - p;
    for (q = commonSuffix(a, b, limit); q > 0 && !ok(a.length - q, b.length - q, a.slice(a.length - q)); q--);
    // Only worth it when what is left still holds the changed number.
    if (!NUMERAL.test(a.slice(p, a.length - q) + b.slice(p, b.length - q))) p = q = 0;
  }
  if (p > 0) out.push({ kind: 'kept', text: a.slice(0, p) });
  if (a.length - q > p) out.push({ kind: 'deleted', text: a.slice(p, a.length - q) });
  if (b.length - q > p) out.push({ kind: 'inserted', text: b.slice(p, b.length - q) });
  if (q > 0) out.push({ kind: 'kept', text: a.slice(a.length - q) });
}

/** Myers work is about (n+m)·d: a huge paragraph gets fewer edits before the coarser fallback. */
const TOKEN_WORK = 20_000_000;
function editBudget(max: number, size: number): number {
  return Math.min(max, Math.max(50, Math.floor(TOKEN_WORK / Math.max(1, size))));
}

/**
 * Spans that turn `a` into `b`.
 * @example diffText('The old text', 'The new text').spans
 *   // [kept 'The ', deleted 'old', inserted 'new', kept ' text']
 */
export function diffText(a: string, b: string, options: TextDiffOptions = {}): TextDiff {
  if (a === b) return { spans: a ? [{ kind: 'kept', text: a }] : [], coarse: false };
  const differ = new Differ(options.maxTokenEdits ?? 2000);
  differ.cut(a, b, true);
  const spans = differ.spans();
  const hard = options.hardTabs ? (t: string) => t.includes('\t') : undefined;
  return { spans: cleanup(spans, { ...(hard ? { hard } : {}), ...(options.exact ? { exact: true } : {}) }), coarse: differ.coarse };
}
