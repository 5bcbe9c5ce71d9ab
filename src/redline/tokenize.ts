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

const NON_ASCII = /[^\x00-\x7f]/;
/** Below U+1100 there is no Han, kana or Hangul: such a text is one non-CJK stretch. */
const MAYBE_CJK = /[^\u0000-\u10ff]/;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isDigit(c) || isLetter(c);

/**
 * LATIN_TOKEN by hand for ASCII text (the common case, and several times
 * faster than the Unicode pattern). In ASCII the pattern's alternatives are:
 * digits with inner '.'/',' groups then letters; word characters with
 * apostrophe-joined parts; a run of spaces other than '\n' and '\t'; '\n' or
 * '\t' alone; any other single character.
 */
function pushAscii(text: string, out: string[]): void {
  // Every read is bounds-checked: charCodeAt past the end returns NaN, and
  // that out-of-bounds read makes V8 throw away this function's optimized code.
  const n = text.length;
  const at = (k: number) => (k < n ? text.charCodeAt(k) : -1);
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      i++;
      while (isDigit(at(i))) i++;
      for (;;) {
        const sep = at(i);
        if ((sep === 46 || sep === 44) && isDigit(at(i + 1))) {
          i += 2;
          while (isDigit(at(i))) i++;
        } else break;
      }
      while (isLetter(at(i))) i++;
    } else if (isLetter(c) || c === 95) {
      i++;
      for (let d = at(i); isAlnum(d) || d === 95; d = at(++i));
      while (at(i) === 39 && isAlnum(at(i + 1))) {
        i += 2;
        while (isAlnum(at(i))) i++;
      }
    } else if (c === 32 || c === 13 || c === 11 || c === 12) {
      i++;
      for (let d = at(i); d === 32 || d === 13 || d === 11 || d === 12; d = at(++i));
    } else i++;
    out.push(text.slice(start, i));
  }
}

/** Append the tokens of a non-CJK stretch. */
function pushLatin(text: string, out: string[]): void {
  if (!NON_ASCII.test(text)) {
    pushAscii(text, out);
    return;
  }
  LATIN_TOKEN.lastIndex = 0;
  for (const match of text.matchAll(LATIN_TOKEN)) out.push(match[0]);
}

/**
 * The parties of a Chinese contract, 甲方, 乙方, 丙方 …: the segmenter's
 * dictionary does not know them and splits off the stem (甲 | 方), so a swap of
 * parties would be marked as a lone character ({--甲--}{++乙++}方).
 */
const PARTY_STEM = /^[甲乙丙丁戊己庚辛壬癸]$/u;

/** Append a segmenter word, joining 方 to a party stem before it. */
function pushWord(word: string, out: string[], from: number): void {
  const last = out.length - 1;
  if (word === '方' && last >= from && PARTY_STEM.test(out[last]!)) out[last] += word;
  else out.push(word);
}

/** Append the dictionary words of a CJK run, chunk by chunk. */
function pushCjk(run: string, out: string[]): void {
  const seg = cjkSegmenter();
  const from = out.length;
  for (let start = 0; start < run.length; ) {
    let end = Math.min(run.length, start + CJK_CHUNK);
    // Never cut a surrogate pair (rare CJK extension characters).
    if (end < run.length && isLowSurrogate(run.charCodeAt(end))) end -= 1;
    for (const piece of seg.segment(run.slice(start, end))) pushWord(piece.segment, out, from);
    start = end;
  }
}

/** A text cut into stretches that go to the segmenter (CJK) or to the pattern (the rest). */
function pieces(text: string): Array<{ text: string; cjk: boolean }> {
  const out: Array<{ text: string; cjk: boolean }> = [];
  let last = 0;
  CJK_RUN.lastIndex = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), cjk: false });
    out.push({ text: match[0], cjk: true });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), cjk: false });
  return out;
}

/**
 * Segment many CJK runs with few segmenter calls: runs are joined with '\n'
 * (always a word boundary, and never inside a run) into batches of about
 * CJK_CHUNK characters. Each call costs several microseconds before the first
 * character, which dominates for the short windows the redline segments.
 */
function segmentRuns(runs: readonly string[]): string[][] {
  const out: string[][] = runs.map(() => []);
  if (runs.length === 0) return out; // creating the segmenter loads ICU data: not for Latin-only text
  const seg = cjkSegmenter();
  let k = 0;
  while (k < runs.length) {
    // A run longer than a batch is cut into chunks on its own.
    if (runs[k]!.length > CJK_CHUNK) {
      pushCjk(runs[k]!, out[k]!);
      k++;
      continue;
    }
    let batch = runs[k]!;
    let end = k + 1;
    while (end < runs.length && batch.length + 1 + runs[end]!.length <= CJK_CHUNK) batch += '\n' + runs[end++]!;
    let at = k;
    for (const piece of seg.segment(batch)) {
      if (piece.segment === '\n') at++;
      else pushWord(piece.segment, out[at]!, 0);
    }
    k = end;
  }
  return out;
}

/**
 * Tokenize several texts at once (the redline's changed windows), sharing
 * segmenter calls between them. Same tokens as `tokenize` on each.
 */
export function tokenizeMany(texts: readonly string[]): string[][] {
  const split = texts.map((text) => (MAYBE_CJK.test(text) ? pieces(text) : text ? [{ text, cjk: false }] : []));
  const runs: string[] = [];
  for (const parts of split) for (const part of parts) if (part.cjk) runs.push(part.text);
  const segmented = segmentRuns(runs);
  let r = 0;
  return split.map((parts) => {
    const out: string[] = [];
    for (const part of parts) {
      if (part.cjk) for (const token of segmented[r++]!) out.push(token);
      else pushLatin(part.text, out);
    }
    return out;
  });
}

/**
 * Split text into diff tokens.
 * @example tokenize('Pay 1,000.50 now.') // ['Pay', ' ', '1,000.50', ' ', 'now', '.']
 * @example tokenize('您必须年满13岁') // ['您', '必须', '年满', '13', '岁']
 */
export function tokenize(text: string): string[] {
  return tokenizeMany([text])[0]!;
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
