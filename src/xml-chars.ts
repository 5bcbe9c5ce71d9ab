/**
 * Characters XML 1.0 cannot carry: the C0 controls other than tab, line feed
 * and carriage return, U+FFFE and U+FFFF, and lone surrogate halves. Word
 * refuses a file holding one, so the DOCX writers leave them out; the readers
 * leave them out too, so the text a draft is read as is text a redline can
 * write, and accepting every change of a DOCX redline gives exactly their text.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `value` holds characters XML cannot carry. */
export function hasXmlForbiddenChars(value: string): boolean {
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(value);
}

/** `value` without the characters XML cannot carry. */
export function stripXmlForbidden(value: string): string {
  return hasXmlForbiddenChars(value) ? value.replace(FORBIDDEN, '') : value;
}

/**
 * A draft's text as a reader keeps it: without the characters XML cannot carry,
 * except that a vertical tab or form feed (a page break in old plain-text
 * files) becomes a space, since it stood between words.
 * @example readableText('a\u0000b\fc') // 'ab c'
 */
export function readableText(value: string): string {
  return hasXmlForbiddenChars(value) ? value.replace(FORBIDDEN, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : '')) : value;
}
