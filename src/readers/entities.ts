/**
 * Character references (`&amp;`, `&#8212;`, `&#x2014;`) as the Markdown and
 * HTML readers decode them. One table and one rule for numbers, so a
 * reference means the same in either source; each reader keeps its own
 * syntax (CommonMark wants the closing `;`, HTML forgives its absence).
 */

import { readableText } from '../xml-chars.js';

/** Named references beyond the XML five: spaces, dashes, quotes, and the signs contracts use. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201A', ldquo: '\u201C',
  rdquo: '\u201D', bdquo: '\u201E', laquo: '\u00AB', raquo: '\u00BB', middot: '\u00B7', bull: '\u2022', sect: '\u00A7',
  para: '\u00B6', copy: '\u00A9', reg: '\u00AE', trade: '\u2122', deg: '\u00B0', plusmn: '\u00B1', times: '\u00D7',
  divide: '\u00F7', euro: '\u20AC', pound: '\u00A3', yen: '\u00A5', cent: '\u00A2', shy: '\u00AD', zwsp: '\u200B',
  zwnj: '\u200C', zwj: '\u200D', iexcl: '\u00A1', iquest: '\u00BF', dagger: '\u2020', Dagger: '\u2021', prime: '\u2032',
  Prime: '\u2033', larr: '\u2190', rarr: '\u2192', le: '\u2264', ge: '\u2265', ne: '\u2260', frac12: '\u00BD',
  frac14: '\u00BC', frac34: '\u00BE', sup1: '\u00B9', sup2: '\u00B2', sup3: '\u00B3', ordf: '\u00AA', ordm: '\u00BA',
};

/** The character a named reference stands for, or undefined when we do not know the name. */
export function namedReference(name: string): string | undefined {
  return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
}

/**
 * The character a numeric reference stands for. Both HTML and CommonMark
 * replace one that names no character (zero, a surrogate half, past
 * Unicode) with U+FFFD rather than keep the reference as text.
 */
export function numericReference(code: number): string {
  const bad = !Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
  // A control character XML cannot carry (&#1;, &#xFFFE;) is left out, as the raw character is (xml-chars.ts).
  return bad ? '\uFFFD' : readableText(String.fromCodePoint(code));
}
