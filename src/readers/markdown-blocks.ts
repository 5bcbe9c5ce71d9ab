/**
 * Markdown source lines → a small block tree (headings, paragraphs, lists,
 * tables), close enough to CommonMark for contracts: ATX and setext headings,
 * nested lists by indentation, tables, block quotes (flattened), fenced code
 * (kept as text). Lists also take pandoc's "fancy" markers — `a.`, `(a)`,
 * `ii.`, `(iv)`, `(1)` — because Common Paper nests `a.` items under `1.`
 * (commonpaper v2.1). Not done: indented code blocks (contracts indent
 * continuation paragraphs instead), HTML blocks, reference definitions.
 */
import { isCjkChar } from './lang.js';
import { BREAK } from './markdown-inline.js';

export interface Line {
  text: string;
  line: number;
}

export interface MdItem {
  /** The label as a reader sees it: "1." computed from the list start, "(a)" as printed, "•". */
  label: string;
  line: number;
  blocks: MdBlock[];
}

export type MdBlock =
  | { kind: 'heading'; level: number; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list'; ordered: boolean; line: number; items: MdItem[] }
  | { kind: 'table'; line: number; header: boolean; rows: { cells: string[]; line: number }[] };

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ROMAN = '(?:ii|iii|iv|vi|vii|viii|ix|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)';
const MARKER = new RegExp(`^( *)([-*+]|\\d{1,9}[.)]|\\((?:[a-z]|${ROMAN}|\\d{1,3})\\)|(?:[a-z]|${ROMAN})[.)])( +|$)`);
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

interface Marker {
  family: string;
  marker: string;
  contentIndent: number;
  rest: string;
}

function matchMarker(text: string): Marker | undefined {
  if (HR.test(text)) return undefined;
  const m = text.match(MARKER);
  if (!m) return undefined;
  const [all, indent, marker, spaces] = m;
  const rest = text.slice(all.length);
  const gap = rest === '' || spaces.length > 4 ? 1 : spaces.length;
  const family = /^[-*+]$/.test(marker)
    ? marker
    : /^\d/.test(marker)
      ? `decimal${marker.slice(-1)}`
      : marker.startsWith('(')
        ? 'paren'
        : `alpha${marker.slice(-1)}`;
  return { family, marker, contentIndent: indent.length + marker.length + gap, rest };
}

const isBlank = (text: string): boolean => /^\s*$/.test(text);
const indentOf = (text: string): number => text.match(/^ */)![0].length;

function isTableStart(lines: readonly Line[], i: number): boolean {
  const text = lines[i].text;
  if (/^\s*\|/.test(text)) return true;
  const next = lines[i + 1]?.text;
  return text.includes('|') && next !== undefined && next.includes('-') && TABLE_DELIMITER.test(next);
}

function startsBlock(lines: readonly Line[], i: number): boolean {
  const text = lines[i].text;
  return ATX.test(text) || FENCE.test(text) || HR.test(text) || QUOTE.test(text) || matchMarker(text) !== undefined || /^\s*\|/.test(text);
}

/** Parse a run of lines (already de-indented to their container) into blocks. */
export function parseBlocks(lines: readonly Line[]): MdBlock[] {
  const out: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const { text, line } = lines[i];
    let m: RegExpMatchArray | null;
    if (isBlank(text)) {
      i += 1;
    } else if ((m = text.match(FENCE))) {
      const fence = m[1];
      const body: string[] = [];
      for (i += 1; i < lines.length && !lines[i].text.trimStart().startsWith(fence); i++) body.push(lines[i].text);
      i += 1;
      out.push({ kind: 'paragraph', text: body.join(BREAK), line });
    } else if ((m = text.match(ATX))) {
      out.push({ kind: 'heading', level: m[1].length, text: (m[2] ?? '').replace(/\s*\{#[\w.-]+\}$/, ''), line });
      i += 1;
    } else if (HR.test(text)) {
      i += 1;
    } else if (isTableStart(lines, i)) {
      const rows: { cells: string[]; line: number }[] = [];
      let header = false;
      for (; i < lines.length && !isBlank(lines[i].text) && lines[i].text.includes('|'); i++) {
        if (TABLE_DELIMITER.test(lines[i].text) && lines[i].text.includes('-')) header = rows.length === 1;
        else rows.push({ cells: splitRow(lines[i].text), line: lines[i].line });
      }
      out.push({ kind: 'table', line, header, rows });
    } else if (QUOTE.test(text)) {
      const inner: Line[] = [];
      for (; i < lines.length && !isBlank(lines[i].text); i++) inner.push({ text: lines[i].text.replace(QUOTE, ''), line: lines[i].line });
      out.push(...parseBlocks(inner));
    } else if (matchMarker(text)) {
      i = parseList(lines, i, out);
    } else {
      const para = [text];
      for (i += 1; i < lines.length && !isBlank(lines[i].text); i++) {
        const setext = lines[i].text.match(/^ {0,3}(=+|-+)[ \t]*$/);
        if (setext) {
          out.push({ kind: 'heading', level: setext[1][0] === '=' ? 1 : 2, text: joinParagraph(para), line });
          para.length = 0;
          i += 1;
          break;
        }
        if (startsBlock(lines, i)) break;
        para.push(lines[i].text);
      }
      if (para.length > 0) out.push({ kind: 'paragraph', text: joinParagraph(para), line });
    }
  }
  return out;
}

/** Parse the list starting at line `i` into `out`; returns the next line index. */
function parseList(lines: readonly Line[], i: number, out: MdBlock[]): number {
  const first = matchMarker(lines[i].text)!;
  const start = /^\d/.test(first.marker) ? parseInt(first.marker, 10) : 1;
  const list: MdBlock & { kind: 'list' } = { kind: 'list', ordered: !/^[-*+]$/.test(first.marker), line: lines[i].line, items: [] };
  while (i < lines.length) {
    const m = matchMarker(lines[i].text);
    if (!m || m.family !== first.family) break;
    const line = lines[i].line;
    const body: Line[] = [{ text: m.rest, line }];
    let sawBlank = false;
    for (i += 1; i < lines.length; i++) {
      const text = lines[i].text;
      if (isBlank(text)) {
        sawBlank = true;
        body.push({ text: '', line: lines[i].line });
      } else if (indentOf(text) >= m.contentIndent) {
        sawBlank = false;
        body.push({ text: text.slice(m.contentIndent), line: lines[i].line });
      } else if (sawBlank || startsBlock(lines, i)) {
        break;
      } else {
        body.push({ text: text.trimStart(), line: lines[i].line }); // lazy continuation
      }
    }
    // Decimal labels are computed, as a renderer shows them: "1. 1. 1." reads "1. 2. 3.".
    const label = /^\d/.test(m.marker)
      ? `${start + list.items.length}${m.marker.slice(-1)}`
      : list.ordered
        ? m.marker
        : '•';
    list.items.push({ label, line, blocks: parseBlocks(body) });
  }
  out.push(list);
  return i;
}

/** Join paragraph lines: a hard break after two trailing spaces or a backslash. */
function joinParagraph(lines: readonly string[]): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k];
    const hard = k < lines.length - 1 && /( {2,}|\\)$/.test(raw);
    const text = raw.trim().replace(/\\$/, '');
    if (out === '' || out.endsWith(BREAK)) out += text;
    else out += isCjkChar(out[out.length - 1]) && isCjkChar(text[0]) ? text : ` ${text}`;
    if (hard) out += BREAK;
  }
  return out;
}

function splitRow(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}
