/**
 * Word-level difference of two paragraph texts → kept/inserted/deleted spans.
 *
 * Speed comes from not tokenizing what is plainly equal: the common prefix and
 * suffix are cut off first (backed off to a safe boundary: whitespace or
 * punctuation, never inside a surrogate pair or before a combining mark), so
 * only the stretch between the first and last edit is tokenized and, for CJK,
 * segmented (issue 4: the segmenter is the dominant cost). The middle is
 * aligned token by token (`align`, jsdiff Myers underneath), then cleaned up.
 */
import { align } from './align.js';
import { cleanup } from './cleanup.js';
import { tokenize } from './tokenize.js';
import type { Span } from './types.js';

/** How far a cut may back off to reach a natural boundary. */
const MAX_BACKOFF = 48;
const SEPARATOR = /[\s\p{P}\p{S}]/u;
const GLUE = /[\p{M}\u200D\uFE0F\u{1F3FB}-\u{1F3FF}\uDC00-\uDFFF]/u;

export interface TextDiffOptions {
  maxTokenEdits?: number;
  /** Table rows: '\t' separates cells and must stay kept. */
  hardTabs?: boolean;
}

export interface TextDiff {
  spans: Span[];
  /** True when the token budget was exceeded and the middle was replaced whole. */
  coarse: boolean;
}

/** Can texts a and b (equal before `at`) both be cut at `at` without splitting a token? */
function safeCut(a: string, b: string, at: number, fromEnd: boolean): boolean {
  const ok = (s: string, i: number) => {
    if (i <= 0 || i >= s.length) return true;
    if (GLUE.test(s[i])) return false;
    return SEPARATOR.test(s[i - 1]) || SEPARATOR.test(s[i]);
  };
  return fromEnd ? ok(a, a.length - at) && ok(b, b.length - at) : ok(a, at) && ok(b, at);
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

/** Back a cut off towards the equal side until it is safe (or give up at a code point boundary). */
function backOff(a: string, b: string, at: number, fromEnd: boolean): number {
  for (let k = at, floor = Math.max(0, at - MAX_BACKOFF); k >= floor; k--) if (safeCut(a, b, k, fromEnd)) return k;
  let k = at;
  const glued = (s: string, i: number) => i > 0 && i < s.length && GLUE.test(s[i]);
  while (k > 0 && (fromEnd ? glued(a, a.length - k) || glued(b, b.length - k) : glued(a, k) || glued(b, k))) k--;
  return k;
}

/**
 * Spans that turn `a` into `b`.
 * @example diffText('The old text', 'The new text').spans
 *   // [kept 'The ', deleted 'old', inserted 'new', kept ' text']
 */
export function diffText(a: string, b: string, options: TextDiffOptions = {}): TextDiff {
  if (a === b) return { spans: a ? [{ kind: 'kept', text: a }] : [], coarse: false };
  const p = backOff(a, b, commonPrefix(a, b), false);
  const s = backOff(a, b, commonSuffix(a, b, Math.min(a.length, b.length) - p), true);
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  const ta = tokenize(midA);
  const tb = tokenize(midB);
  const result = align(ta, tb, { keys: [(t) => t], maxEditLength: options.maxTokenEdits ?? 2000 });
  const spans: Span[] = [{ kind: 'kept', text: a.slice(0, p) }];
  for (const step of result.steps) {
    if (step.op === 'equal') spans.push({ kind: 'kept', text: ta[step.a!] });
    else if (step.op === 'delete') spans.push({ kind: 'deleted', text: ta[step.a!] });
    else if (step.op === 'insert') spans.push({ kind: 'inserted', text: tb[step.b!] });
  }
  spans.push({ kind: 'kept', text: a.slice(a.length - s) });
  const hard = options.hardTabs ? (t: string) => t.includes('\t') : undefined;
  return { spans: cleanup(spans, hard ? { hard } : {}), coarse: result.coarse };
}
