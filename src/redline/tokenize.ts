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
 * - A value a reader takes in as one is one token, so a change to it is marked
 *   whole rather than in pieces around its punctuation: an email address, a
 *   URL, a date (2026-03-01, 01/03/2026), a time (17:00) and a clause
 *   reference (7(a), 5.2(a)(ii)); in Chinese, a number in Chinese numerals
 *   (二十五, 一百零五, 壹拾伍万) and the 第 and measure word around it
 *   (第 | 十五 | 条), which the segmenter cuts anywhere (第十 | 五条).
 */

// CJK punctuation and full-width forms ride along, so a Chinese sentence is one
// segmenter call rather than one per clause between commas.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u30fc\uff00-\uffef]+/gu;

/** A clause reference's parenthesised parts after its number: 7(a), 5.2(a)(ii), 12(3). */
const CLAUSE_PARTS = String.raw`(?:\([A-Za-z0-9]{1,4}\))*`;

const LATIN_TOKEN = new RegExp(
  [
    // Dates and times before plain numbers; pushAscii reads the same by hand.
    String.raw`[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])`,
    String.raw`[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}(?![0-9])`,
    String.raw`[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}(?![0-9])`,
    String.raw`[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?![0-9])`,
    String.raw`[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?![0-9])`,
    String.raw`\p{N}+(?:[.,]\p{N}+)*[\p{L}\p{M}]*` + CLAUSE_PARTS,
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
      const end = dateOrTime(at, i - start, i);
      if (end > 0) i = end;
      else {
        for (;;) {
          const sep = at(i);
          if ((sep === 46 || sep === 44) && isDigit(at(i + 1))) {
            i += 2;
            while (isDigit(at(i))) i++;
          } else break;
        }
        while (isLetter(at(i))) i++;
        // CLAUSE_PARTS: '(' 1–4 letters or digits ')', repeated.
        while (at(i) === 40) {
          let j = i + 1;
          while (j - i <= 4 && isAlnum(at(j))) j++;
          if (j > i + 1 && at(j) === 41) i = j + 1;
          else break;
        }
      }
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

/**
 * The date and time alternatives of LATIN_TOKEN at a run of `digits` digits
 * ending at `i`: the end of the date or time, or -1.
 */
function dateOrTime(at: (k: number) => number, digits: number, i: number): number {
  const sep = at(i);
  // Up to `max` digits from k: the index after them, or -1 for none.
  const upTo = (k: number, max: number) => {
    let j = k;
    while (j - k < max && isDigit(at(j))) j++;
    return j > k ? j : -1;
  };
  if ((sep === 45 || sep === 47) && (digits === 4 || digits <= 2)) {
    const month = upTo(i + 1, 2);
    if (month < 0 || at(month) !== sep) return -1;
    const day = upTo(month + 1, digits === 4 ? 2 : 4);
    if (day < 0 || isDigit(at(day))) return -1;
    // yyyy-m-d, or d-m-yyyy (then the year has exactly four digits).
    return digits === 4 || day - month - 1 === 4 ? day : -1;
  }
  if (sep === 58 && digits <= 2 && isDigit(at(i + 1)) && isDigit(at(i + 2))) {
    const j = i + 3;
    if (at(j) === 58 && isDigit(at(j + 1)) && isDigit(at(j + 2)) && !isDigit(at(j + 3))) return j + 3;
    return isDigit(at(j)) ? -1 : j;
  }
  return -1;
}

/**
 * Email addresses and URLs: what LINK matches is one token. Bounded repeats,
 * so a long run of address characters costs linear time.
 */
const LINK = new RegExp(
  [
    String.raw`[A-Za-z0-9_%+-][A-Za-z0-9_%+.-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}`,
    // Printable ASCII but '"', '<' and '>'; not ending in the punctuation after it.
    String.raw`[A-Za-z][A-Za-z0-9+.-]{0,15}://[!#-;=?-~]*[A-Za-z0-9/#=_~&%+$*@-]`,
  ].join('|'),
  'g',
);

/** Append the tokens of a non-CJK stretch. */
function pushLatin(text: string, out: string[]): void {
  // Links are rare: the hot path only looks for '@' and '://'.
  if (text.includes('@') || text.includes('://')) {
    let last = 0;
    for (const match of text.matchAll(LINK)) {
      const at = match.index ?? 0;
      if (at > last) pushPlain(text.slice(last, at), out);
      out.push(match[0]);
      last = at + match[0].length;
    }
    if (last < text.length) pushPlain(text.slice(last), out);
  } else pushPlain(text, out);
}

function pushPlain(text: string, out: string[]): void {
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

/** Chinese numerals, the financial forms (壹拾伍万) included. */
export const CJK_NUMERALS = '〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';
/** Numerals by UTF-16 code (all are in the BMP): a lookup, as every segmenter word is checked. */
const NUMERAL_CODE = new Uint8Array(0x10000);
for (const c of CJK_NUMERALS) NUMERAL_CODE[c.charCodeAt(0)] = 1;
function hasNumeral(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (NUMERAL_CODE[word.charCodeAt(k)] === 1) return true;
  return false;
}
/** A run of numerals that reads as a number, not a word: it has a unit or a zero (一一 in 唯一一家 does not). */
const NUMBER_LIKE = /[〇零十百千万亿拾佰仟]/u;
/**
 * A segmenter word that is a number with 第 before it or a measure word after
 * it (五条, 第三, 三十日, 十万元, 三个月): cut into its parts, so 第五条 → 第六条 is
 * 第{--五--}{++六++}条. Only these measure words: 一方, 十分 (very), 一律, 统一 are
 * words, not numbers, and stay whole.
 */
const NUMBER_WORD = new RegExp(`^(第?)([${CJK_NUMERALS}]+)(个月|[条款项章节编目日天月年周个次倍份页元名家]?)$`, 'u');
/** Is `c` one Chinese numeral? */
export const isNumeral = (c: string | undefined): boolean => c !== undefined && c.length === 1 && NUMERAL_CODE[c.charCodeAt(0)] === 1;

/**
 * Append a segmenter word, joining 方 to a party stem before it (and to 第三 in
 * 第三方), and keeping a number in Chinese numerals one token.
 */
function pushWord(word: string, out: string[], from: number): void {
  if (word === '方') {
    const last = out.length - 1;
    if (last >= from && PARTY_STEM.test(out[last]!)) {
      out[last] += word;
      return;
    }
    // 第三方 (a third party) is a word; the number rule below cut it into 第 | 三.
    if (last > from && out[last - 1] === '第' && isNumeral(out[last]) && !NUMBER_LIKE.test(out[last]!)) {
      out[last - 1] += out.pop()! + word;
      return;
    }
  }
  if (!hasNumeral(word)) {
    out.push(word);
    return;
  }
  const parts = NUMBER_WORD.exec(word);
  if (parts && (parts[1] || parts[3])) {
    if (parts[1]) out.push(parts[1]);
    pushNumeral(parts[2]!, out, from);
    if (parts[3]) out.push(parts[3]);
  } else pushNumeral(word, out, from);
}

/**
 * Append a word holding a numeral. When the segmenter cut a number in two
 * (第十 | 五条, 五 | 十万元, 第一 | 百一 | 十五), its parts are joined back into one
 * token and the words around it cut off: 第 | 十五 | 条, 五十万 | 元.
 */
function pushNumeral(word: string, out: string[], from: number): void {
  const last = out.length - 1;
  const prev = last >= from ? out[last]! : '';
  if (!isNumeral(prev[prev.length - 1]) || !isNumeral(word[0])) {
    out.push(word);
    return;
  }
  let s = prev.length;
  while (s > 0 && isNumeral(prev[s - 1])) s--;
  let e = 0;
  while (e < word.length && isNumeral(word[e])) e++;
  const number = prev.slice(s) + word.slice(0, e);
  if (!NUMBER_LIKE.test(number)) {
    out.push(word);
    return;
  }
  if (s > 0) out[last] = prev.slice(0, s);
  else out.pop();
  out.push(number);
  const rest = word.slice(e);
  // The rest may itself be a measure word and more (十条 → 条, 十日内 → 日内).
  if (rest) out.push(rest);
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

/** Printable ASCII: what a link, date, time or clause reference is made of. */
export const isValueChar = (c: number): boolean => c > 32 && c < 127;
/** A token with one of these, longer than one character, is one of those values (or a number, 1,000.50). */
const VALUE_MARK = /[@:/(.,-]/;

/**
 * The value token (email address, URL, date, time, clause reference, number
 * with '.' or ',') that has
 * position `i` of `text` strictly inside it, as [start, end); else undefined.
 * The redline's cut around the text both sides share must not fall inside one,
 * or the tokenizer would only see a piece of it (2026-{--03-01--}{++04-15++}).
 */
export function valueAround(text: string, i: number): [number, number] | undefined {
  if (i <= 0 || i >= text.length || !isValueChar(text.charCodeAt(i - 1)) || !isValueChar(text.charCodeAt(i))) return undefined;
  // The stretch of printable ASCII around i: tokens never cross its ends.
  let start = i - 1;
  while (start > 0 && i - start < 4096 && isValueChar(text.charCodeAt(start - 1))) start--;
  let end = i + 1;
  while (end < text.length && end - i < 4096 && isValueChar(text.charCodeAt(end))) end++;
  const stretch = text.slice(start, end);
  if (!VALUE_MARK.test(stretch)) return undefined;
  const tokens: string[] = [];
  pushLatin(stretch, tokens);
  let at = start;
  for (const token of tokens) {
    const next = at + token.length;
    if (next > i) return at < i && VALUE_MARK.test(token) ? [at, next] : undefined;
    at = next;
  }
  return undefined;
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
