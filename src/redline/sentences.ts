/**
 * Split text into sentences for the redline's sentence level: a long changed
 * paragraph is first aligned sentence by sentence, so only the sentences that
 * changed are tokenized (and, for Chinese, segmented). Each piece keeps its
 * closing punctuation, closing quotes and following whitespace, so the pieces
 * join back to the input.
 */

const TERMINAL = new Set(['。', '！', '？', '；', '!', '?', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '】']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\u3000' || c === '\u00a0';
}

/**
 * @example sentences('One. Two! 三。四') // ['One. ', 'Two! ', '三。', '四']
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const ends = TERMINAL.has(c) || (c === '.' && (i + 1 === text.length || isSpace(text[i + 1]!)));
    i++;
    if (!ends) continue;
    while (i < text.length && (TERMINAL.has(text[i]!) || CLOSERS.has(text[i]!))) i++;
    while (i < text.length && isSpace(text[i]!)) i++;
    out.push(text.slice(start, i));
    start = i;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
