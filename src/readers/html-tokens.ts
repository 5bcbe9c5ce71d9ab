/**
 * A forgiving HTML tokenizer: start tags with their attributes, end tags and
 * text, each with the line it starts on. Comments, doctypes, processing
 * instructions and CDATA are dropped; the raw text of `script`, `style`,
 * `textarea` and `title` is one text token (never read as tags). Character
 * references are decoded in text and attribute values: numeric ones, and the
 * named ones legal and web text uses (an unknown name is left as written).
 * Not a full HTML5 parser: the tree is built by html.ts, which knows which
 * elements close themselves.
 */
import { namedReference, numericReference } from './entities.js';

export type HtmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; line: number }
  | { kind: 'close'; name: string; line: number }
  | { kind: 'text'; text: string; line: number };

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, hex: string, dec: string, name: string) => {
    if (name !== undefined) return namedReference(name) ?? whole;
    return numericReference(hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10));
  });
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Where a comment, doctype or other markup declaration ends (its '>'), or the end of the text. */
function declarationEnd(html: string, at: number): number {
  if (html.startsWith('<!--', at)) {
    const end = html.indexOf('-->', at + 4);
    return end < 0 ? html.length : end + 3;
  }
  if (html.startsWith('<![CDATA[', at)) {
    const end = html.indexOf(']]>', at);
    return end < 0 ? html.length : end + 3;
  }
  const end = html.indexOf('>', at);
  return end < 0 ? html.length : end + 1;
}

/** Longest start tag read, attributes included. */
const MAX_TAG = 65_536;

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

export function* tokenize(html: string): Generator<HtmlToken> {
  let at = 0;
  let line = 1;
  /** The first '>' at or after the '<' being read, -1 when there is none. */
  let gt = html.indexOf('>');
  /** The first line break not yet counted, -1 when there is none. */
  let newline = html.indexOf('\n');
  /** Advance to `to`, counting the lines passed (each break searched for once: a page without one made every step scan to its end). */
  const move = (to: number) => {
    while (newline >= 0 && newline < to) {
      line++;
      newline = html.indexOf('\n', newline + 1);
    }
    at = to;
  };
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      yield { kind: 'text', text: decodeEntities(html.slice(at)), line };
      return;
    }
    if (lt > at) {
      const start = line;
      const text = html.slice(at, lt);
      move(lt);
      yield { kind: 'text', text: decodeEntities(text), line: start };
    }
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      move(declarationEnd(html, lt));
      continue;
    }
    // A tag ends within a line or few; a '<' with no '>' soon after is text (and no quadratic scan:
    // the next '>' is searched for again only once passed, or a page of '<' with none took 4 s for 500 KB).
    if (gt >= 0 && gt < lt) gt = html.indexOf('>', lt);
    TAG.lastIndex = lt;
    const m = gt >= 0 && gt - lt < MAX_TAG ? TAG.exec(html) : null;
    if (!m) {
      // A '<' that opens no tag is text, as browsers read it.
      yield { kind: 'text', text: '<', line };
      move(lt + 1);
      continue;
    }
    const name = m[2]!.toLowerCase();
    const tagLine = line;
    move(lt + m[0].length);
    if (m[1]) {
      yield { kind: 'close', name, line: tagLine };
      continue;
    }
    yield { kind: 'open', name, attrs: attributes(m[3]!.replace(/\/\s*$/, '')), line: tagLine };
    if (RAW_TEXT.has(name) && !/\/\s*$/.test(m[3]!)) {
      const close = html.slice(at).search(new RegExp(`</${name}[\\s>/]`, 'i'));
      const end = close < 0 ? html.length : at + close;
      const start = line;
      const raw = html.slice(at, end);
      move(end);
      if (raw) yield { kind: 'text', text: name === 'textarea' || name === 'title' ? decodeEntities(raw) : raw, line: start };
    }
  }
}
