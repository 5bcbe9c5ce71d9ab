/**
 * Guess a document's language from its characters: 'zh' when CJK characters
 * outnumber Latin words (a Chinese contract still names "Mozilla", "Firefox"),
 * else 'en'. Readers have no better signal; DOCX `w:lang` is often wrong.
 */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const LATIN_WORD = /[A-Za-z\u00c0-\u024f]+/g;

export function guessLang(whole: string): 'zh' | 'en' {
  // A sample from both ends is enough and keeps big drafts cheap.
  const text = whole.length > 200_000 ? whole.slice(0, 100_000) + whole.slice(-100_000) : whole;
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  return cjk > 0 && cjk >= words ? 'zh' : 'en';
}

/** True when the character is CJK, so joined lines need no space between them. */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u3040-\u30ff]/.test(ch);
}

/** Join wrapped lines of one paragraph: a space between Latin words, none between CJK. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') out = line;
    else out += isCjkChar(out[out.length - 1]) && isCjkChar(line[0]) ? line : ` ${line}`;
  }
  return out;
}
