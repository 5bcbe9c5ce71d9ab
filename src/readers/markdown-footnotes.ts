/**
 * GFM footnotes: `[^label]` in the text refers to a definition
 * `[^label]: text` (its following indented lines continuing it). As GitHub
 * shows them, notes are numbered by their first reference, and a definition
 * nothing refers to is not shown. They become what the DOCX reader makes of
 * Word's footnotes: a `noteRef` reading "[1]" where referred to, and a last
 * part, id 'notes', of paragraphs "[1] text", so a redline compares the notes
 * and a DOCX redline writes them as Word footnotes.
 *
 * Two passes around block parsing: `takeFootnotes` blanks the definitions
 * (line numbers kept) and marks each reference with private-use characters
 * no contract holds; `placeFootnotes` turns the marks into references and
 * adds the notes part.
 */
import type { Document, Inline, Paragraph } from '../model/nodes.js';
import { holdsInlines, visit } from '../model/walk.js';
import { fencedLines } from './markdown-fences.js';

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)\S/;
const REFERENCE = /\[\^([^\]\s]+)\]/g;
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;

export interface Footnote {
  /** The note's text as written (Markdown inline), continuation lines joined. */
  text: string;
  /** Where its definition starts. */
  line: number;
}

const normalise = (label: string) => label.toLowerCase();

/** The text with definitions blanked and references marked, and the definitions in the order written. */
export function takeFootnotes(text: string): { text: string; notes: Footnote[] } {
  // A text that holds the marks itself (no contract does) keeps its footnotes as text, rather than be misread.
  if (!text.includes('[^') || text.includes(OPEN) || text.includes(CLOSE)) return { text, notes: [] };
  const lines = text.split('\n');
  const byLabel = new Map<string, number>();
  const notes: Footnote[] = [];
  const code = fencedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    if (code[i]) continue;
    const m = DEFINITION.exec(lines[i]!);
    if (!m) continue;
    const parts = [m[2]!.trim()];
    const line = i + 1;
    lines[i] = ''; // blanked, as its continuation lines: no reference is found in them below
    while (i + 1 < lines.length && CONTINUATION.test(lines[i + 1]!)) {
      parts.push(lines[++i]!.trim());
      lines[i] = '';
    }
    const label = normalise(m[1]!);
    if (!byLabel.has(label)) {
      byLabel.set(label, notes.length);
      notes.push({ text: parts.filter(Boolean).join(' '), line });
    }
  }
  if (notes.length === 0) return { text, notes };
  const marked = lines.map((l, i) =>
    !code[i] && l.includes('[^') ? l.replace(REFERENCE, (whole, label: string) => {
      const k = byLabel.get(normalise(label));
      return k === undefined ? whole : `${OPEN}${k}${CLOSE}`;
    }) : l,
  );
  return { text: marked.join('\n'), notes };
}

/**
 * Turn the marks in `document` into note references, numbered by first use, and add
 * the notes part; `parse` reads a note's text as inlines.
 */
export function placeFootnotes(document: Document, notes: readonly Footnote[], parse: (text: string) => Inline[], file?: string): void {
  if (notes.length === 0) return;
  /** Note index → its number, in order of first reference. */
  const numbers = new Map<number, number>();
  const split = (inlines: Inline[]): Inline[] => {
    if (!inlines.some((n) => n.type === 'text' && n.value.includes(OPEN))) return inlines;
    const out: Inline[] = [];
    for (const node of inlines) {
      if (node.type !== 'text' || !node.value.includes(OPEN)) {
        out.push(node);
        continue;
      }
      let at = 0;
      for (const m of node.value.matchAll(MARK)) {
        if (m.index > at) out.push({ type: 'text', value: node.value.slice(at, m.index) });
        const k = Number(m[1]);
        if (!numbers.has(k)) numbers.set(k, numbers.size + 1);
        out.push({ type: 'noteRef', note: 'footnote', label: `[${numbers.get(k)}]` });
        at = m.index + m[0].length;
      }
      if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
    }
    return out;
  };
  visit(document, (node) => {
    if (node.type === 'clause' && node.heading) node.heading = split(node.heading);
    else if (node.type === 'part' && node.title) node.title = split(node.title);
    else if (holdsInlines(node)) node.children = split(node.children);
  });
  if (numbers.size === 0) return;
  const children: Paragraph[] = [...numbers]
    .sort((a, b) => a[1] - b[1])
    .map(([k, n]) => ({
      type: 'paragraph',
      children: [{ type: 'text', value: `[${n}] ` }, ...parse(notes[k]!.text)],
      position: { ...(file !== undefined ? { file } : {}), line: notes[k]!.line },
    }));
  document.parts.push({ type: 'part', id: 'notes', numbered: false, children, clauses: [] });
}
