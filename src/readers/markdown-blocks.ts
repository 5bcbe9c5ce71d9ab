/**
 * Markdown source lines → a small block tree (headings, paragraphs, lists,
 * tables), close enough to CommonMark for contracts: ATX and setext headings,
 * nested lists by indentation, tables, block quotes (flattened), fenced code
 * (kept as text). Lists also take pandoc's "fancy" markers — `a.`, `(a)`,
 * `ii.`, `(iv)`, `(1)` — because Common Paper nests `a.` items under `1.`
 * (commonpaper v2.1). Not done: indented code blocks (contracts indent
 * continuation paragraphs instead), HTML blocks, reference definitions.
 */
import { append } from '../append.js';
import { joinLines } from './lang.js';
import { BREAK } from './markdown-inline.js';

/**
 * Consecutive source lines, already de-indented to their container: `texts[k]`
 * is line number `first + k`. A list item or block quote passes its content on
 * as a new run of strings rather than as one object per line.
 */
export interface Lines {
  texts: readonly string[];
  first: number;
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

const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ROMAN = '(?:ii|iii|iv|vi|vii|viii|ix|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)';
const MARKER = new RegExp(`^( *)([-*+]|\\d{1,9}[.)]|\\((?:[a-z]|${ROMAN}|\\d{1,3})\\)|(?:[a-z]|${ROMAN})[.)])( +|$)`);
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
// Every pattern used per line is a module constant: a regex literal in a
// function body makes a new RegExp object on each call.
const TABLE_PIPE_START = /^\s*\|/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const BULLET = /^[-*+]$/;
const DIGIT_START = /^\d/;
const BLANK = /^\s*$/;

/**
 * An ATX heading's text: what follows its opening #s, trimmed, without a closing sequence
 * of #s after a space ('## Fees ##'). Done by hand: the one pattern for the whole line
 * (`(.*?)(?:[ \t]+#+)?[ \t]*$`) backtracked quadratically over a run of spaces, and a
 * heading of 256 KB with spaces in it took 50 s to read.
 */
function atxText(rest: string): string {
  const text = rest.trim();
  let k = text.length;
  while (k > 0 && text[k - 1] === '#') k--;
  return k < text.length && (k === 0 || text[k - 1] === ' ' || text[k - 1] === '\t') ? text.slice(0, k).trimEnd() : text;
}
/**
 * The first non-blank character of every line that ATX, FENCE, HR, QUOTE,
 * MARKER or TABLE_PIPE_START can match (a letter only as a list marker,
 * `a.`, `iv)`). Most lines start with a capital letter or a CJK character
 * and fail this one test instead of all of those patterns.
 */
const BLOCK_SIGIL = /^\s*(?:[-*+_#>|`~(\d]|[a-z]{1,5}[.)])/;

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
  const family = BULLET.test(marker)
    ? marker
    : DIGIT_START.test(marker)
      ? `decimal${marker.slice(-1)}`
      : marker.startsWith('(')
        ? 'paren'
        : `alpha${marker.slice(-1)}`;
  return { family, marker, contentIndent: indent.length + marker.length + gap, rest };
}

const isBlank = (text: string): boolean => text === '' || BLANK.test(text); // most blank lines are empty

/** Number of leading spaces. */
function indentOf(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}

function isTableStart(texts: readonly string[], i: number): boolean {
  const text = texts[i];
  if (TABLE_PIPE_START.test(text)) return true;
  const next = texts[i + 1];
  return text.includes('|') && next !== undefined && next.includes('-') && TABLE_DELIMITER.test(next);
}

/** True when the line `text` interrupts a paragraph (a table needs a leading `|` to do so). */
function startsBlock(text: string): boolean {
  if (!BLOCK_SIGIL.test(text)) return false;
  return ATX_OPEN.test(text) || FENCE.test(text) || HR.test(text) || QUOTE.test(text) || matchMarker(text) !== undefined || TABLE_PIPE_START.test(text);
}

/** False for a line that can only begin a paragraph, the common case, after one cheap test. */
function mayOpenBlock(texts: readonly string[], i: number): boolean {
  return BLOCK_SIGIL.test(texts[i]) || isTableStart(texts, i);
}

/**
 * Deepest nesting of lists and block quotes read. Real agreements nest a few
 * levels; thousands would overflow the stack here and in every later stage.
 */
export const MAX_NESTING = 100;

/** Thrown by `parseBlocks` past MAX_NESTING; the reader turns it into an input error naming the line. */
export class NestingTooDeep extends Error {
  constructor(readonly line: number) {
    super(`lists or block quotes nested more than ${MAX_NESTING} levels deep`);
  }
}

/** Parse a run of lines into blocks; `depth` counts the lists and quotes around them. */
export function parseBlocks(lines: Lines, depth = 0): MdBlock[] {
  if (depth > MAX_NESTING) throw new NestingTooDeep(lines.first);
  const { texts, first } = lines;
  const out: MdBlock[] = [];
  let i = 0;
  while (i < texts.length) {
    const text = texts[i];
    const line = first + i;
    let m: RegExpMatchArray | null;
    let marker: Marker | undefined;
    if (isBlank(text)) {
      i += 1;
    } else if (!mayOpenBlock(texts, i)) {
      i = parseParagraph(lines, i, out);
    } else if ((m = text.match(FENCE))) {
      const fence = m[1];
      const body: string[] = [];
      for (i += 1; i < texts.length && !texts[i].trimStart().startsWith(fence); i++) body.push(texts[i]);
      i += 1;
      out.push({ kind: 'paragraph', text: body.join(BREAK), line });
    } else if ((m = text.match(ATX_OPEN))) {
      out.push({ kind: 'heading', level: m[1].length, text: withoutAnchor(atxText(text.slice(m[0].length))), line });
      i += 1;
    } else if (HR.test(text)) {
      i += 1;
    } else if (isTableStart(texts, i)) {
      const rows: { cells: string[]; line: number }[] = [];
      let header = false;
      for (; i < texts.length && !isBlank(texts[i]) && texts[i].includes('|'); i++) {
        if (TABLE_DELIMITER.test(texts[i]) && texts[i].includes('-')) header = rows.length === 1;
        else rows.push({ cells: splitRow(texts[i]), line: first + i });
      }
      out.push({ kind: 'table', line, header, rows });
    } else if (QUOTE.test(text)) {
      const inner: string[] = [];
      for (; i < texts.length && !isBlank(texts[i]); i++) inner.push(texts[i].replace(QUOTE, ''));
      append(out, parseBlocks({ texts: inner, first: line }, depth + 1));
    } else if ((marker = matchMarker(text))) {
      i = parseList(lines, i, marker, out, depth);
    } else {
      i = parseParagraph(lines, i, out);
    }
  }
  return out;
}

/** Parse the paragraph (or setext heading) starting at line `start` into `out`; returns the next line index. */
function parseParagraph(lines: Lines, start: number, out: MdBlock[]): number {
  const { texts, first } = lines;
  let end = start + 1;
  for (; end < texts.length && !isBlank(texts[end]); end++) {
    const setext = texts[end].match(SETEXT_UNDERLINE);
    if (setext) {
      out.push({ kind: 'heading', level: setext[1][0] === '=' ? 1 : 2, text: joinParagraph(texts, start, end), line: first + start });
      return end + 1;
    }
    if (startsBlock(texts[end])) break;
  }
  out.push({ kind: 'paragraph', text: joinParagraph(texts, start, end), line: first + start });
  return end;
}

/** Drop a trailing `{#anchor}` (kramdown/pandoc heading id). */
function withoutAnchor(heading: string): string {
  // The pattern is anchored at the end but tried from every position: only run it when it can match.
  return heading.endsWith('}') ? heading.replace(/\s*\{#[\w.-]+\}$/, '') : heading;
}

/** Parse the list whose first marker, `first`, is on line `i` into `out`; returns the next line index. */
function parseList(lines: Lines, i: number, first: Marker, out: MdBlock[], depth: number): number {
  const { texts } = lines;
  const start = DIGIT_START.test(first.marker) ? parseInt(first.marker, 10) : 1;
  const list: MdBlock & { kind: 'list' } = { kind: 'list', ordered: !BULLET.test(first.marker), line: lines.first + i, items: [] };
  while (i < texts.length) {
    const m = list.items.length === 0 ? first : matchMarker(texts[i]);
    if (!m || m.family !== first.family) break;
    const line = lines.first + i;
    const body = [m.rest];
    let sawBlank = false;
    for (i += 1; i < texts.length; i++) {
      const text = texts[i];
      if (isBlank(text)) {
        sawBlank = true;
        body.push('');
      } else if (indentOf(text) >= m.contentIndent) {
        sawBlank = false;
        body.push(text.slice(m.contentIndent));
      } else if (sawBlank || startsBlock(text)) {
        break;
      } else {
        body.push(text.trimStart()); // lazy continuation
      }
    }
    // Decimal labels are computed, as a renderer shows them: "1. 1. 1." reads "1. 2. 3.".
    const label = DIGIT_START.test(m.marker)
      ? `${start + list.items.length}${m.marker.slice(-1)}`
      : list.ordered
        ? m.marker
        : '•';
    list.items.push({ label, line, blocks: parseBlocks({ texts: body, first: line }, depth + 1) });
  }
  out.push(list);
  return i;
}

/**
 * Join lines `start` to `end` (exclusive) as plain text joins them (lang.ts
 * joinLines), with a hard break after a line ending in two spaces or a backslash.
 */
function joinParagraph(texts: readonly string[], start: number, end: number): string {
  const broken: string[][] = [[]];
  for (let k = start; k < end; k++) {
    const raw = texts[k]!;
    const trimmed = raw.trim();
    broken[broken.length - 1]!.push(trimmed.endsWith('\\') ? trimmed.slice(0, -1) : trimmed);
    // endsWith rather than `/( {2,}|\\)$/`, which is tried at every position of the line.
    if (k < end - 1 && (raw.endsWith('  ') || raw.endsWith('\\'))) broken.push([]);
  }
  return broken.map(joinLines).join(BREAK);
}

function splitRow(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}
