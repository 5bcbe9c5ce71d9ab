/**
 * The small Markdown dialect of clause text (after mustache), parsed into
 * model blocks. See docs/clause-format.md for the syntax:
 *   paragraphs separated by blank lines, `- ` list items (two-space indent per
 *   level), `{#anchor}` at a paragraph start, `[[=Term]]` definitions,
 *   `[[Term]]` / `[[Term|label]]` uses, `[[#clause]]` / `[[#clause.anchor]]`
 *   cross-references, `**bold**`, `*emphasis*`, backslash escapes.
 * Value placeholders become literal text nodes here and are never parsed.
 */
import { normaliseTerm } from '../model/build.js';
import type { Block, Inline, List, ListItem, Paragraph } from '../model/nodes.js';
import { PLACEHOLDER_PATTERN } from './template.js';

export interface MarkupProblem {
  message: string;
  /** 0-based line within the parsed text. */
  line: number;
}

/** One numbered unit: a paragraph and the lists that follow it. */
export interface Unit {
  anchor?: string;
  blocks: Block[];
  /** 0-based line where the unit starts. */
  line: number;
}

interface Line {
  text: string;
  index: number;
}

const LIST_ITEM = /^( *)- (.*)$/;
const ANCHOR = /^\{#([a-z0-9][a-z0-9-]*)\}\s*/;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

export function parseMarkup(text: string, values: readonly string[]): { units: Unit[]; problems: MarkupProblem[] } {
  const problems: MarkupProblem[] = [];
  const lines = text.split(/\r?\n/).map((t, index) => ({ text: t.trimEnd(), index }));
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) groups.push(current);

  const units: Unit[] = [];
  for (const group of groups) {
    const firstList = group.findIndex((l) => LIST_ITEM.test(l.text));
    const paraLines = firstList < 0 ? group : group.slice(0, firstList);
    const listLines = firstList < 0 ? [] : group.slice(firstList);
    const inline = (s: string, line: number) => parseInlines(s, values, (message) => problems.push({ message, line }));
    if (paraLines.length > 0) {
      let joined = joinLines(paraLines.map((l) => l.text.trim()));
      const unit: Unit = { blocks: [], line: paraLines[0]!.index };
      const anchor = ANCHOR.exec(joined);
      if (anchor) {
        unit.anchor = anchor[1]!;
        joined = joined.slice(anchor[0].length);
      }
      const paragraph: Paragraph = { type: 'paragraph', children: inline(joined, unit.line) };
      unit.blocks.push(paragraph);
      units.push(unit);
    }
    if (listLines.length > 0) {
      const list = parseList(listLines, inline, problems);
      const owner = units.at(-1);
      if (owner && paraLines.length === 0 && owner.blocks.at(-1)?.type === 'paragraph') owner.blocks.push(list);
      else if (owner && paraLines.length > 0) owner.blocks.push(list);
      else units.push({ blocks: [list], line: listLines[0]!.index });
    }
  }
  return { units, problems };
}

/** Join wrapped source lines: no space between CJK characters, one space otherwise. */
function joinLines(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (out === '') out = part;
    else out += CJK.test(out.at(-1)!) || CJK.test(part[0]!) ? part : ` ${part}`;
  }
  return out;
}

function parseList(
  lines: Line[],
  inline: (s: string, line: number) => Inline[],
  problems: MarkupProblem[],
): List {
  const root: List = { type: 'list', ordered: true, children: [] };
  // stack[i] = list at indent level i
  const stack: List[] = [root];
  let last: { item: ListItem; text: string[]; line: number } | undefined;
  const flush = () => {
    if (!last) return;
    last.item.children.unshift({ type: 'paragraph', children: inline(joinLines(last.text), last.line) });
    last = undefined;
  };
  for (const line of lines) {
    const m = LIST_ITEM.exec(line.text);
    if (!m) {
      if (last) last.text.push(line.text.trim());
      continue;
    }
    const indent = m[1]!.length;
    if (indent % 2 !== 0) problems.push({ message: 'list items are indented by two spaces per level', line: line.index });
    const level = Math.floor(indent / 2);
    if (level > stack.length - 1 + 1 || level > 2) {
      problems.push({ message: `list item indented too deep (level ${level + 1})`, line: line.index });
    }
    const parentItem = last?.item;
    flush();
    while (stack.length - 1 > level) stack.pop();
    if (level > stack.length - 1) {
      const sub: List = { type: 'list', ordered: true, children: [] };
      if (parentItem) parentItem.children.push(sub);
      stack.push(sub);
    }
    const item: ListItem = { type: 'listItem', children: [] };
    stack[stack.length - 1]!.children.push(item);
    last = { item, text: [m[2]!.trim()], line: line.index };
  }
  flush();
  return root;
}

/** Parse inline markup; `report` receives problems (unclosed markers and so on). */
export function parseInlines(source: string, values: readonly string[], report: (message: string) => void): Inline[] {
  const out: Inline[] = [];
  let textBuffer = '';
  const pushText = (s: string) => {
    textBuffer += s;
  };
  const flush = () => {
    if (textBuffer) out.push({ type: 'text', value: textBuffer });
    textBuffer = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < source.length && /[\\*[\]{}#=|]/.test(source[i + 1]!)) {
      pushText(source[i + 1]!);
      i += 2;
    } else if (ch === '\uE000') {
      const end = source.indexOf('\uE001', i);
      const value = values[Number(source.slice(i + 1, end))] ?? '';
      flush();
      out.push({ type: 'text', value });
      i = end + 1;
      // "Co., Ltd." at the end of a sentence: one full stop, not two.
      if (value.endsWith('.') && source[i] === '.') i++;
    } else if (source.startsWith('[[', i)) {
      const end = source.indexOf(']]', i + 2);
      if (end < 0) {
        report('unclosed [[ … ]]');
        pushText(source.slice(i));
        break;
      }
      const inner = source.slice(i + 2, end);
      if (inner.includes('[[')) {
        report(`unclosed [[ … ]]: "[[${inner.slice(0, inner.indexOf('[[')).replace(/[\uE000\uE001]/g, '')}" runs into the next [[`);
        pushText(source.slice(i, i + 2));
        i += 2;
        continue;
      }
      flush();
      const node = bracketNode(inner, report);
      if (node) out.push(node);
      i = end + 2;
    } else if (ch === '*') {
      // `**bold**` (conspicuous terms) or `*emphasis*`
      const marker = source.startsWith('**', i) ? '**' : '*';
      const end = source.indexOf(marker, i + marker.length);
      if (end < 0) {
        report(marker === '**' ? 'unclosed ** (bold)' : 'unclosed * (emphasis)');
        pushText(source.slice(i));
        break;
      }
      flush();
      const children = parseInlines(source.slice(i + marker.length, end), values, report);
      out.push(marker === '**' ? { type: 'strong', children } : { type: 'emphasis', children });
      i = end + marker.length;
    } else {
      pushText(ch);
      i++;
    }
  }
  flush();
  return mergeTexts(out);
}

function bracketNode(inner: string, report: (message: string) => void): Inline | undefined {
  if (PLACEHOLDER_PATTERN.test(inner)) {
    PLACEHOLDER_PATTERN.lastIndex = 0;
    report(`a variable cannot be part of a defined term or cross-reference: [[${inner.replace(/[\uE000\uE001]/g, '')}]]`);
    return undefined;
  }
  PLACEHOLDER_PATTERN.lastIndex = 0;
  if (inner.startsWith('#')) {
    const target = inner.slice(1).trim();
    if (!/^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)?$/.test(target)) {
      report(`bad cross-reference [[${inner}]]: write [[#clause-id]] or [[#clause-id.anchor]]`);
      return undefined;
    }
    return { type: 'crossRef', target: target.replace('.', '#') };
  }
  if (inner.startsWith('=')) {
    const label = inner.slice(1).trim();
    if (!label || label.includes('|')) {
      report(`bad term definition [[${inner}]]: write [[=Term]]`);
      return undefined;
    }
    return { type: 'termDefinition', term: normaliseTerm(label), label };
  }
  const [term, label] = inner.split('|').map((s) => s.trim());
  if (!term) {
    report('empty defined term [[ ]]');
    return undefined;
  }
  return { type: 'termUse', term: normaliseTerm(term), label: label || term };
}

function mergeTexts(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const prev = out.at(-1);
    if (node.type === 'text' && prev?.type === 'text') prev.value += node.value;
    else out.push(node);
  }
  return out;
}
