/**
 * Text → tokens for the word-level diff. Joined, the tokens give the input back
 * exactly (`tokenize(s).join('') === s`), so a diff of tokens is a diff of text.
 *
 * - CJK runs (Han, kana, Hangul) go through `Intl.Segmenter` ('zh', word) so
 *   Chinese is compared by dictionary words, not sentences or characters.
 *   Node 20's segmenter slows down badly on long strings, so runs are fed in
 *   chunks of at most CJK_CHUNK characters (issue 4, "hints from measurement").
 * - Everything else goes through one fast pattern: words (letters, marks and
 *   digits; numbers keep inner '.' and ','), whitespace runs ('\t' and '\n'
 *   alone, as they are structure), and single symbols with the marks, variation
 *   selectors, skin tones and ZWJ sequences that belong to them.
 */

// CJK punctuation and full-width forms ride along, so a Chinese sentence is one
// segmenter call rather than one per clause between commas.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u30fc\uff00-\uffef]+/gu;

const LATIN_TOKEN = new RegExp(
  [
    String.raw`\p{N}+(?:[.,]\p{N}+)*[\p{L}\p{M}]*`,
    String.raw`[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}]+)*`,
    String.raw`[^\S\n\t]+`,
    String.raw`[\n\t]`,
    String.raw`\p{RI}\p{RI}`,
    String.raw`\p{Extended_Pictographic}(?:[\p{M}\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*`,
    String.raw`[^][\p{M}\u200D\u{FE0F}]*`,
  ].join('|'),
  'gu',
);

/** Longest CJK string handed to the segmenter at once. */
export const CJK_CHUNK = 200;

let segmenter: Intl.Segmenter | undefined;
function cjkSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Append the tokens of a non-CJK stretch. */
function pushLatin(text: string, out: string[]): void {
  LATIN_TOKEN.lastIndex = 0;
  for (const match of text.matchAll(LATIN_TOKEN)) out.push(match[0]);
}

/** Append the dictionary words of a CJK run, chunk by chunk. */
function pushCjk(run: string, out: string[]): void {
  const seg = cjkSegmenter();
  for (let start = 0; start < run.length; ) {
    let end = Math.min(run.length, start + CJK_CHUNK);
    // Never cut a surrogate pair (rare CJK extension characters).
    if (end < run.length && isLowSurrogate(run.charCodeAt(end))) end -= 1;
    for (const piece of seg.segment(run.slice(start, end))) out.push(piece.segment);
    start = end;
  }
}

/**
 * Split text into diff tokens.
 * @example tokenize('Pay 1,000.50 now.') // ['Pay', ' ', '1,000.50', ' ', 'now', '.']
 * @example tokenize('您必须年满13岁') // ['您', '必须', '年满', '13', '岁']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  CJK_RUN.lastIndex = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    const at = match.index ?? 0;
    if (at > last) pushLatin(text.slice(last, at), out);
    pushCjk(match[0], out);
    last = at + match[0].length;
  }
  if (last < text.length) pushLatin(text.slice(last), out);
  return out;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Word count for summaries: Latin words and numbers count one each, every CJK character one. */
export function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}_]+/gu)) {
    if (match[0].length > 0) count += 1;
  }
  return count;
}
