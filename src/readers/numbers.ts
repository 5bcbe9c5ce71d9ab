/**
 * Clause numbers as printed at the start of a heading or paragraph:
 * "3.", "1.6", "第三条", "Article 3", "Section 2.1", "A.", "IV.", "一、", "(a)".
 *
 * Readers keep the number out of the heading text (`clause.number`) and list
 * labels out of paragraph text (`listItem.label`), so that renumbering alone is
 * never a text change in a redline (issue 4, site-policy v5 → v6).
 */

/** What kind of numbering a label is; headings of one kind share an outline level. */
export type NumberKind =
  | 'chapter' // 第一章, Chapter 1, Part I
  | 'article' // 第一条, Article 1
  | 'decimal' // 1.  1.2  1.2.3
  | 'keyword' // Section 2.1, Clause 4, Schedule 1
  | 'upper-alpha' // A.
  | 'upper-roman' // IV.
  | 'cn-enum' // 一、
  | 'paren'; // (a) (i) (1) （一）

export interface SplitNumber {
  /** The number as printed, a trailing "." dropped from pure decimals ("3." → "3"). */
  number: string;
  kind: NumberKind;
  /** Components of a decimal number ("1.2.3" → 3); 1 for other kinds. */
  depth: number;
  /** The text after the number and its separator. */
  rest: string;
}

const CN = '[一二三四五六七八九十百千零〇两\\d]+';
const KEYWORDS = 'Article|Section|Clause|Chapter|Part|Schedule|Annex|Appendix|Exhibit';

// Module constants rather than literals in the functions, which run for every
// heading: a regex literal in a function body is a new RegExp object per call.
const CHAPTER_KEYWORD = /^(Chapter|Part|CHAPTER|PART)/;
const ARTICLE_KEYWORD = /^(Article|ARTICLE)/;
const DECIMAL_WITH_STOP = /^\d+(?:\.\d+)*\.$/;

const PATTERNS: Array<{ re: RegExp; kind: (m: RegExpMatchArray) => NumberKind }> = [
  { re: new RegExp(`^(第${CN}(?:章|编|篇|部分))[\\s:：、.．]*`), kind: () => 'chapter' },
  { re: new RegExp(`^(第${CN}[条節节款])[\\s:：、.．]*`), kind: () => 'article' },
  {
    re: new RegExp(`^((?:${KEYWORDS}|${KEYWORDS.toUpperCase()})\\s+(?:\\d+(?:\\.\\d+)*|[IVXLC]+|[A-Z]))(?![\\w.]*\\w)\\.?(?:[\\s:.–—-]+|$)`),
    kind: (m) => (CHAPTER_KEYWORD.test(m[1]) ? 'chapter' : ARTICLE_KEYWORD.test(m[1]) ? 'article' : 'keyword'),
  },
  { re: /^(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)(?:\s+|(?=[\u3400-\u9fff])|$)/, kind: () => 'decimal' },
  { re: /^(\d{1,3})(?:\t| {2,})/, kind: () => 'decimal' },
  { re: /^([IVX]{2,6}\.)(?:\s+|$)/, kind: () => 'upper-roman' },
  { re: /^([A-Z]\.)(?:\s+|$)/, kind: () => 'upper-alpha' },
  { re: /^([一二三四五六七八九十]+[、.．])\s*/, kind: () => 'cn-enum' },
  { re: /^([（(](?:[一二三四五六七八九十]+|\d{1,3}|[a-z]|[ivx]{1,5})[)）])\s*/, kind: () => 'paren' },
];

/** Split a leading clause number off `text`; `undefined` when there is none. */
export function splitNumber(text: string): SplitNumber | undefined {
  const trimmed = text.trimStart();
  for (const { re, kind } of PATTERNS) {
    const m = trimmed.match(re);
    if (!m) continue;
    const k = kind(m);
    const number = normaliseNumber(m[1]);
    const depth = k === 'decimal' || k === 'keyword' ? Math.max(1, countDigitRuns(number)) : 1;
    return { number, kind: k, depth, rest: trimmed.slice(m[0].length) };
  }
  return undefined;
}

/**
 * A heading's clause number: as `splitNumber`, and also a bare whole number
 * before the heading's words ("## 7 Ownership of Output", as clausewright's
 * Markdown and HTML print clause headings). In running text "3 days" is no
 * number, but a heading that opens with one is numbered by it.
 */
export function splitHeadingNumber(text: string): SplitNumber | undefined {
  const split = splitNumber(text);
  if (split) return split;
  const m = /^(\d{1,3})\s+(?=\S)/.exec(text.trimStart());
  return m ? { number: m[1]!, kind: 'decimal', depth: 1, rest: text.trimStart().slice(m[0].length) } : undefined;
}

/** How many runs of ASCII digits `text` holds ("1.2.3" → 3, "Section 2.1" → 2), as `/\d+/g` counts them. */
function countDigitRuns(text: string): number {
  let runs = 0;
  for (let i = 0; i < text.length; i++) {
    // i > 0 first: charCodeAt(-1) is NaN, an out-of-bounds read V8 deoptimizes on.
    if (isDigit(text.charCodeAt(i)) && (i === 0 || !isDigit(text.charCodeAt(i - 1)))) runs++;
  }
  return runs;
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** "3." → "3", "1.6." → "1.6"; other labels stay as printed ("A.", "(a)", "第三条"). */
export function normaliseNumber(label: string): string {
  const t = label.trim();
  return DECIMAL_WITH_STOP.test(t) ? t.slice(0, -1) : t;
}

/**
 * Assign outline levels to numbered headings of plain text by order of
 * appearance, the way outliners do: the first kind seen is level 1, a new kind
 * nests under the current one, a kind seen before returns to its level.
 */
export class KindLevels {
  private stack: string[] = [];

  level(kind: NumberKind, depth: number): number {
    const key = kind === 'decimal' || kind === 'keyword' ? `${kind}-${depth}` : kind;
    const at = this.stack.indexOf(key);
    if (at >= 0) {
      this.stack.length = at + 1;
      return at + 1;
    }
    // A shallower decimal than any open one (1.1 seen, now 1) takes that place.
    const deeper = this.stack.findIndex((k) => k.startsWith(`${kind}-`) && Number(k.split('-')[1]) > depth);
    if (deeper >= 0) {
      this.stack.length = deeper;
    }
    this.stack.push(key);
    return this.stack.length;
  }
}

const SENTENCE_END = /[.;:,。；：，!?！？]$/;

/**
 * Short enough to be a heading rather than a sentence: at most ~80 characters,
 * not ending in sentence punctuation (a full stop is allowed for up to six
 * words, "Access and Use."; `strict` allows none).
 */
export function looksLikeHeading(text: string, strict = false): boolean {
  const t = text.trim();
  if (t === '' || t.length > 80) return false;
  if (!SENTENCE_END.test(t)) return true;
  return !strict && t.endsWith('.') && t.split(/\s+/).length <= 6;
}
