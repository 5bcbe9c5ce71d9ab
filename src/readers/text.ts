/**
 * Plain text → Document. Paragraphs are separated by blank lines; wrapped lines
 * of one paragraph are joined (no space between CJK characters).
 *
 * Heading heuristics: a line starting with a clause number ("1.", "1.2",
 * "第一条", "第一章", "Article 3", "Section 2.1", "A.", "IV.", "一、") opens a
 * clause. When the rest of the line is short and not a sentence it is the
 * heading; a number alone on its line takes the next short line as heading;
 * otherwise the clause has only a number and the rest is its first paragraph
 * ("第一条 甲方应当……"). Levels come from the order in which numbering kinds
 * first appear (see KindLevels). A long line starting with a single "N.",
 * one-line siblings numbered alike ("1. Apples" / "2. Pears") and lines
 * starting with "(a)", "(i)", "（一）", "-", "•" are list items.
 * A short first line without a number is the document title.
 * Not done: tables, indentation-based nesting of lists.
 */
import type { List, ListItem } from '../model/nodes.js';
import { guessLang, joinLines } from './lang.js';
import { KindLevels, looksLikeHeading, splitNumber, type SplitNumber } from './numbers.js';
import { Outline, type Title } from './outline.js';
import type { ReadResult } from './types.js';
import { readableText } from '../xml-chars.js';

interface Unit {
  lines: string[];
  line: number;
  number?: SplitNumber;
  bullet?: string;
}

const BULLET = /^([-*•·●▪◦‣])\s+/;

/**
 * Read plain text into the document model.
 * @example readText('1. Fees\nPay on time.\n').document.parts[0].clauses[0].heading // [text 'Fees']
 */
export function readText(text: string, file?: string): ReadResult {
  const source = readableText(text).replace(/^\uFEFF/, '');
  const outline = new Outline(file);
  const levels = new KindLevels();
  let title: Title = { text: '' };
  let list: List | undefined;
  const all = [...units(source)];
  all.forEach((unit, i) => {
    const head = unit.lines[0];
    if (i === 0 && !unit.number && !unit.bullet && unit.lines.length === 1 && looksLikeHeading(head, true)) {
      title = { text: head, line: unit.line }; // the document's title, like a Markdown `# Title`
      return;
    }
    const n = unit.number;
    const listy = n && (n.kind === 'paren' || (n.kind === 'decimal' && n.depth === 1 && !isShort(n.rest)) || isListSibling(all, i));
    const listLabel = unit.bullet ?? (listy ? n.number : undefined);
    if (listLabel !== undefined) {
      const rest = n && !unit.bullet ? n.rest : head.replace(BULLET, '');
      const label = unit.bullet ? '•' : labelOf(listLabel, n);
      const item: ListItem = { type: 'listItem', label, children: [], position: outline.position(unit.line) };
      const body = joinLines([rest, ...unit.lines.slice(1)]);
      if (body) item.children.push({ type: 'paragraph', children: [{ type: 'text', value: body }], position: outline.position(unit.line) });
      const ordered = unit.bullet === undefined;
      if (!list || list.ordered !== ordered) {
        list = { type: 'list', ordered, children: [], position: outline.position(unit.line) };
        outline.block(list);
      }
      list.children.push(item);
      return;
    }
    list = undefined;
    if (n) {
      const level = levels.level(n.kind, n.depth);
      let rest = n.rest;
      let more = unit.lines.slice(1);
      if (rest === '' && more.length > 0 && isShort(more[0])) [rest, ...more] = more; // "Article 3\nFees"
      const heading = isShort(rest) ? rest : '';
      outline.heading(level, n.number, heading ? [{ type: 'text', value: heading }] : [], unit.line);
      const body = joinLines(heading ? more : [rest, ...more]);
      const bodyLine = unit.line + (heading ? unit.lines.length - more.length : 0);
      if (body) outline.block({ type: 'paragraph', children: [{ type: 'text', value: body }], position: outline.position(bodyLine) });
    } else {
      outline.block({ type: 'paragraph', children: [{ type: 'text', value: joinLines(unit.lines) }], position: outline.position(unit.line) });
    }
  });
  return { document: outline.finish(guessLang(source), title), warnings: [] };
}

/**
 * "1. Apples" next to "2. Pears": one-line units numbered alike side by side
 * are a list, not a run of headings without bodies.
 */
function isListSibling(all: Unit[], i: number): boolean {
  const oneLiner = (u: Unit | undefined): u is Unit & { number: SplitNumber } => u?.number !== undefined && u.lines.length === 1 && isShort(u.number.rest);
  const me = all[i];
  if (!oneLiner(me)) return false;
  return [all[i - 1], all[i + 1]].some((u) => oneLiner(u) && u.number.kind === me.number.kind && u.number.depth === me.number.depth);
}

/** A list label as printed: "1." for a decimal (splitNumber dropped the dot). */
function labelOf(label: string, n: SplitNumber | undefined): string {
  return n?.kind === 'decimal' && /^\d+$/.test(label) ? `${label}.` : label;
}

const isShort = (text: string): boolean => looksLikeHeading(text);

/**
 * Split the text into units: a blank line ends a unit, and so does a line that
 * starts with a number or bullet (lists are often written without blank lines).
 */
function* units(text: string): Generator<Unit> {
  let current: Unit | undefined;
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].trimEnd(); // not /\s+$/, quadratic over a long run of spaces inside a line
    if (line.trim() === '') {
      if (current) yield current;
      current = undefined;
      continue;
    }
    const trimmed = line.trim();
    const bullet = trimmed.match(BULLET)?.[1];
    const number = bullet ? undefined : splitNumber(trimmed);
    if (bullet || number || !current) {
      if (current) yield current;
      current = { lines: [trimmed], line: k + 1, ...(number ? { number } : {}), ...(bullet ? { bullet: '•' } : {}) };
    } else current.lines.push(trimmed);
  }
  if (current) yield current;
}
