/**
 * Guess a document's language from its characters: 'zh' when CJK characters
 * outnumber Latin words (a Chinese contract still names "Mozilla", "Firefox"),
 * else 'en'. Readers have no better signal; DOCX `w:lang` is often wrong.
 */
export function guessLang(whole: string): 'zh' | 'en' {
  const { cjk, words } = scriptCounts(whole);
  return cjk > 0 && cjk >= words ? 'zh' : 'en';
}

/**
 * Whether a text is Chinese and English side by side, as a bilingual agreement is: an
 * English rendering runs to about six words per ten Chinese characters, while a Chinese
 * contract naming "Mozilla" and "Firefox" has a word per dozens of characters.
 */
export function isBilingual(whole: string): boolean {
  const { cjk, words } = scriptCounts(whole);
  return cjk > 0 && words >= cjk * 0.3 && cjk >= words * 0.3;
}

/** CJK characters and Latin words in a sample from both ends of `whole`. */
function scriptCounts(whole: string): { cjk: number; words: number } {
  // A sample from both ends is enough (a bilingual draft may give all its Chinese first, then
  // all its English) and keeps big drafts cheap: some thousand words of each end.
  const ranges: Array<[number, number]> =
    whole.length > 2 * SAMPLE ? [[0, SAMPLE], [whole.length - SAMPLE, whole.length]] : [[0, whole.length]];
  // Without a single CJK character there is nothing to weigh: the text is English, not
  // bilingual. One native scan settles most English drafts before the (at first
  // interpreted) counting loop.
  if (!ranges.some(([from, to]) => CJK_CHAR.test(whole.slice(from, to)))) return { cjk: 0, words: 0 };
  // Counted code unit by code unit rather than with `match(/…/g)`, which would
  // allocate a string for every CJK character and every word of the sample.
  let cjk = 0;
  let words = 0;
  let inWord = false; // kept across the two ranges: they are read as one joined sample
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const code = whole.charCodeAt(i);
      if (isLatinLetter(code)) {
        if (!inWord) words++;
        inWord = true;
      } else {
        inWord = false;
        if (isCjkCode(code)) cjk++;
      }
    }
  }
  return { cjk, words };
}

/** Characters read from each end of a long text. */
const SAMPLE = 20_000;

/** The characters isCjkCode counts. */
const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;

/** A letter of a Latin word: A–Z, a–z, Latin-1 and Latin Extended-A/B letters (U+00C0–U+024F). */
function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f);
}

/** Han (with extension A and compatibility ideographs), kana and Hangul syllables. */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}

/** True when the character is CJK, so joined lines need no space between them. */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && CJK_OR_FULLWIDTH.test(ch);
}

/**
 * Scripts written without spaces between words: Han (radicals, extension A,
 * compatibility ideographs), kana, CJK punctuation and full-width forms.
 * Not Hangul: Korean puts spaces between words, so a wrapped line keeps one.
 */
const CJK_OR_FULLWIDTH = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Join wrapped lines of one paragraph: a space between Latin words, none between CJK. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  // The last character joined, kept apart: reading it from `out`, a string built by +=,
  // flattened it at every line (quadratic: 25,000 lines of one paragraph took 1.7 s).
  let last: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') out = line;
    else out += isCjkChar(last) && isCjkChar(line[0]) ? line : ` ${line}`;
    last = line[line.length - 1];
  }
  return out;
}
