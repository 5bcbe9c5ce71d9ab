/**
 * Typed DOCX model → Document (step two). Heading styles (Heading 1–9, or an
 * outline level) open clauses; the automatic number (or a typed one) goes to
 * `clause.number`, the rest of the text to `heading`. The first Title-style
 * paragraph is `meta.title` and not repeated in the body. A paragraph numbered
 * on the headings' own list ("1.1 The User shall…", not "(a)") is a sub-clause
 * without heading at level ilvl+1. Other numbered paragraphs become list items
 * (label from numbering.xml, nested by `w:ilvl`);
 * tables become table blocks; empty paragraphs are dropped. Drafts without
 * any heading style get headings from numbered short paragraphs
 * (fallback-headings.ts). Footnotes and
 * endnotes: the reference is a `noteRef` reading "[1]" ("[i]" for endnotes), and
 * each note is a paragraph "[1] note text" in a final part with id 'notes'.
 * Positions: `line` is the paragraph index + 1, `attrs.docxParagraph` the
 * 0-based index of the `w:p` in document order (tables included).
 */
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { Block, Field, Inline, List, ListItem, Paragraph, Table } from '../../model/nodes.js';
import { inlineText } from '../../model/walk.js';
import { guessLang } from '../lang.js';
import { trimEnds } from '../markdown-inline.js';
import { normaliseNumber, splitHeadingNumber } from '../numbers.js';
import { Outline, type Title } from '../outline.js';
import type { ReadResult } from '../types.js';
import { FallbackHeadings, type FallbackHeading } from './fallback-headings.js';
import type { DocxBlock, DocxPackage, DocxParagraph, DocxTable } from './parse.js';
import type { FieldRef, Piece } from './runs.js';

export function toDocument(pkg: DocxPackage, file: string, mode: 'accept' | 'reject'): ReadResult {
  const outline = new Outline(file);
  const state = { title: '', titleLine: 0, firstHeading: '', text: [] as string[] };
  const lists = new ListNester((block) => outline.block(block));
  const fallback = new FallbackHeadings(pkg);
  const outlineLists = headingNumIds(pkg);
  const cells: CellContext = { pkg, outline, text: state.text, outlineLists: headingNumIds(pkg, true) };

  let guess: FallbackHeading | undefined;
  for (const block of pkg.body) {
    if (block.kind === 'table') {
      lists.reset();
      outline.block(table(block, cells));
      continue;
    }
    const para = prepare(block, pkg);
    if (para.level === 0 && !state.title && para.text) {
      state.title = para.text; // the Title style: the document's title, like a Markdown `# Title`
      state.titleLine = block.index + 1;
      state.text.push(para.text);
      continue;
    }
    const where = { position: outline.position(block.index + 1), attrs: { docxParagraph: String(block.index) } };
    if (para.text === '') {
      if (holdsComment(para.inlines)) outline.block({ type: 'paragraph', children: para.inlines, ...where });
      continue;
    }
    state.text.push(para.text);
    if (para.level !== undefined && para.level > 0) {
      lists.reset();
      const typed = para.label ? undefined : splitHeadingNumber(para.text);
      const heading = typed ? trimEnds(dropChars(para.inlines, para.text.length - typed.rest.length)) : para.inlines;
      const number = para.label ? normaliseNumber(para.label.text) : typed?.number;
      outline.heading(para.level, number, heading, block.index + 1, where.attrs);
      state.firstHeading ||= inlineText(heading);
    } else if (isSubClause(para, outlineLists)) {
      // "1.1 The User shall…": numbered on the headings' own list, so a sub-clause without a heading.
      lists.reset();
      outline.heading(para.ilvl + 1, normaliseNumber(para.label.text), [], block.index + 1, where.attrs);
      outline.block({ type: 'paragraph', children: para.inlines, ...where });
    } else if ((guess = fallback.match(block, para.text, para.label, para.ilvl))) {
      lists.reset();
      const heading = trimEnds(dropChars(para.inlines, guess.drop));
      outline.heading(guess.level, guess.number, heading, block.index + 1, where.attrs);
      state.firstHeading ||= inlineText(heading);
    } else if (para.label) {
      lists.add(para.ilvl, para.label.ordered, { type: 'listItem', label: para.label.text, children: [{ type: 'paragraph', children: para.inlines, ...where }], ...where });
    } else {
      lists.reset();
      outline.block({ type: 'paragraph', children: para.inlines, ...where });
    }
  }

  const title: Title = state.title ? { text: state.title, line: state.titleLine } : { text: state.firstHeading, source: 'heading' };
  const document = outline.finish(guessLang(state.text.join('\n')), title);
  if (pkg.notes.length > 0) {
    const children: Paragraph[] = pkg.notes.map((note) => ({
      type: 'paragraph',
      children: [{ type: 'text', value: `${note.label} ` } as Inline, ...trimEnds(note.paragraphs.flatMap((p) => [...trimEnds(inlines(p.pieces)), { type: 'text', value: ' ' } as Inline]))],
      attrs: { docxNote: note.label },
    }));
    document.parts.push({ type: 'part', id: 'notes', numbered: false, children, clauses: [] });
  }
  const warnings: Diagnostic[] = [];
  if (pkg.revisions > 0) {
    warnings.push(warning('docx-has-revisions', `${file} carries ${pkg.revisions} tracked change(s); read as if all were ${mode === 'accept' ? 'accepted' : 'rejected'}`, { file }));
  }
  if (pkg.skipped.length > 0) {
    warnings.push(warning('docx-content-skipped', `${file}: ${pkg.skipped.join(', ')} are not read: they are not compared, and a redline does not carry them`, { file }));
  }
  if (pkg.unclosedFields > 0) {
    const n = pkg.unclosedFields;
    warnings.push(warning('docx-field-unclosed', `${file}: ${n} field${n === 1 ? ' begins' : 's begin'} and never end${n === 1 ? 's' : ''} (a damaged file); the words after ${n === 1 ? 'it were' : 'them were'} read as text, not hidden in the field`, { file }));
  }
  if (pkg.active.length > 0) {
    warnings.push(
      warning('docx-active-field', `${file}: fields that fetch outside content or run a command (${pkg.active.join(', ')}) are read as the text they show: a redline carries that text, never the field`, { file }),
    );
  }
  return { document, warnings };
}

interface Prepared {
  level?: number;
  numId?: string;
  label?: { text: string; ordered: boolean };
  ilvl: number;
  inlines: Inline[];
  text: string;
}

/** Heading level, numbering label (advancing the counters) and inlines of one paragraph. */
function prepare(p: DocxParagraph, pkg: DocxPackage): Prepared {
  const level = headingLevel(p, pkg);
  const ref = { ...pkg.styles.numbering(p.styleId), ...p.numPr };
  const ilvl = ref.ilvl ?? 0;
  const label = ref.numId !== undefined ? pkg.numbering.next(ref.numId, ilvl) : undefined;
  const children = trimEnds(inlines(p.pieces));
  return {
    ...(level !== undefined ? { level } : {}),
    ...(label ? { label, numId: ref.numId } : {}),
    ilvl,
    inlines: children,
    text: inlineText(children).trim(),
  };
}

/** Numbered on the headings' own list ("1.1 The User shall…", not "(a)"): a sub-clause without a heading. */
function isSubClause(para: Prepared, outlineLists: ReadonlySet<string>): para is Prepared & { label: NonNullable<Prepared['label']> } {
  return para.label?.ordered === true && outlineLists.has(para.numId ?? '') && !/^[(（]/.test(para.label.text);
}

/** A body paragraph's heading level: its style's, else its own outline level; undefined for body text. */
function headingLevel(p: DocxParagraph, pkg: DocxPackage): number | undefined {
  return pkg.styles.headingLevel(p.styleId) ?? (p.outlineLvl !== undefined && p.outlineLvl < 9 ? p.outlineLvl + 1 : undefined);
}

/** numIds that number heading paragraphs: the agreement's outline list (with `inCells`, headings in table cells count too). */
function headingNumIds(pkg: DocxPackage, inCells = false): Set<string> {
  const ids = new Set<string>();
  const visit = (blocks: readonly DocxBlock[]) => {
    for (const block of blocks) {
      if (block.kind === 'table') {
        if (inCells) for (const row of block.rows) for (const cell of row) visit(cell);
        continue;
      }
      if (!((pkg.styles.headingLevel(block.styleId) ?? 0) > 0)) continue;
      const numId = { ...pkg.styles.numbering(block.styleId), ...block.numPr }.numId;
      if (numId !== undefined && numId !== '0') ids.add(numId);
    }
  };
  visit(pkg.body);
  return ids;
}

/** What reading a table needs: the package, where we are, the document's text so far, and the outline lists of headings in cells. */
interface CellContext {
  pkg: DocxPackage;
  outline: Outline;
  text: string[];
  outlineLists: ReadonlySet<string>;
}

function table(t: DocxTable, context: CellContext): Table {
  return {
    type: 'table',
    position: context.outline.position(t.index + 1),
    children: t.rows.map((cells, r) => ({
      type: 'tableRow',
      children: cells.map((blocks, c) => ({ type: 'tableCell', children: cellBlocks(blocks, context), ...t.shapes[r]?.[c] })),
    })),
  };
}

/**
 * Whether inlines hold a reviewer's comment. An empty paragraph is layout and is
 * dropped, unless a comment sits on it: then it is kept, so the comment is not lost.
 */
function holdsComment(inlines: readonly Inline[]): boolean {
  return inlines.some((n) => n.type === 'comment' || ('children' in n && holdsComment(n.children as Inline[])));
}

/**
 * A cell's content: paragraphs, lists and nested tables. A heading in a cell
 * opens no clause (a clause cannot start inside a table): it is read as a
 * plain paragraph (a list item when numbered) marked `attrs.docxHeading` with
 * its outline level ('1' for Heading 1); a paragraph numbered on the headings'
 * own list ("1.1 The User shall…", not "(a)"), which in the body would be a
 * sub-clause, is marked `attrs.docxClause` with that sub-clause's level. So a
 * redline can still tell the rows of our bilingual agreement that open a
 * clause from the rows under them.
 */
function cellBlocks(blocks: DocxBlock[], context: CellContext): Block[] {
  const { pkg, outline, text } = context;
  const out: Block[] = [];
  const lists = new ListNester((b) => out.push(b));
  for (const block of blocks) {
    if (block.kind === 'table') {
      lists.reset();
      out.push(table(block, context));
      continue;
    }
    const para = prepare(block, pkg);
    const where = { position: outline.position(block.index + 1), attrs: { docxParagraph: String(block.index) } };
    if (para.text === '') {
      if (holdsComment(para.inlines)) out.push({ type: 'paragraph', children: para.inlines, ...where });
      continue;
    }
    text.push(para.text);
    const heading =
      para.level !== undefined && para.level > 0
        ? { attrs: { ...where.attrs, docxHeading: String(para.level) } }
        : isSubClause(para, context.outlineLists)
          ? { attrs: { ...where.attrs, docxClause: String(para.ilvl + 1) } }
          : {};
    if (para.label) lists.add(para.ilvl, para.label.ordered, { type: 'listItem', label: para.label.text, children: [{ type: 'paragraph', children: para.inlines, ...where, ...heading }], ...where });
    else {
      lists.reset();
      out.push({ type: 'paragraph', children: para.inlines, ...where, ...heading });
    }
  }
  return out;
}

/** Groups consecutive list items into lists, nesting deeper `w:ilvl` under the previous item. */
class ListNester {
  private stack: { ilvl: number; list: List }[] = [];
  constructor(private readonly emit: (block: Block) => void) {}

  add(ilvl: number, ordered: boolean, item: ListItem): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].ilvl > ilvl) this.stack.pop();
    const top = this.stack[this.stack.length - 1];
    if (top && top.ilvl === ilvl) {
      top.list.children.push(item);
      return;
    }
    const list: List = { type: 'list', ordered, children: [item], ...(item.position ? { position: item.position } : {}) };
    const parent = top?.list.children[top.list.children.length - 1];
    if (parent) parent.children.push(list);
    else this.emit(list);
    this.stack.push({ ilvl, list });
  }

  reset(): void {
    this.stack = [];
  }
}

/**
 * Pieces → inlines: bold → strong, italic → emphasis, underline, strike, highlight,
 * text colour and type size as themselves, neighbouring pieces of one
 * hyperlink → one link, of one kept field → one field (outside its links);
 * breaks and comment marks kept.
 */
function inlines(pieces: Piece[]): Inline[] {
  const out: Inline[] = [];
  let open: { ref: FieldRef; node: Field } | undefined;
  /** Where a piece of `field`'s result goes (the document's inlines outside any field). */
  const into = (field: FieldRef | undefined): Inline[] => {
    if (!field || field.crossesParagraphs) {
      open = undefined;
      return out;
    }
    if (open?.ref !== field) {
      open = { ref: field, node: { type: 'field', code: field.code, children: [] } };
      out.push(open.node);
    }
    return open.node.children;
  };
  for (const piece of pieces) {
    if ('break' in piece) into(piece.field).push({ type: 'break' });
    else if ('note' in piece) into(undefined).push({ type: 'noteRef', note: piece.note, label: piece.label });
    // Zero-width, as comment marks: inside a field's result it stays in it.
    else if ('bookmark' in piece) (open?.node.children ?? out).push({ type: 'bookmark', edge: piece.bookmark, name: piece.name });
    else if ('comment' in piece) {
      // Zero-width: a mark inside a field's result stays in it rather than splitting the field.
      (open?.node.children ?? out).push(
        piece.comment === 'end' ? { type: 'comment', edge: 'end', id: piece.id, comment: piece.content } : { type: 'comment', edge: 'start', id: piece.id },
      );
    } else if (piece.text === '') continue;
    else {
      const target = into(piece.field);
      let node: Inline = { type: 'text', value: piece.text };
      if (piece.size !== undefined) node = { type: 'fontSize', points: piece.size, children: [node] };
      if (piece.color) node = { type: 'textColor', color: piece.color, children: [node] };
      if (piece.highlight) node = { type: 'highlight', color: piece.highlight, children: [node] };
      if (piece.strike) node = { type: 'strike', children: [node] };
      if (piece.underline) node = { type: 'underline', children: [node] };
      if (piece.italic) node = { type: 'emphasis', children: [node] };
      if (piece.bold) node = { type: 'strong', children: [node] };
      if (piece.link === undefined) target.push(node);
      else {
        const last = target[target.length - 1];
        if (last?.type === 'link' && last.href === piece.link) last.children.push(node);
        else target.push({ type: 'link', href: piece.link, children: [node] });
      }
    }
  }
  return out;
}

/** Drop the first `n` characters of the text (a typed clause number), looking into strong/emphasis. */
function dropChars(nodes: Inline[], n: number): Inline[] {
  const out: Inline[] = [];
  let left = n;
  for (const node of nodes) {
    if (left <= 0) out.push(node);
    else if (node.type === 'text') {
      const skip = Math.min(left, node.value.length);
      left -= skip;
      if (node.value.length > skip) out.push({ type: 'text', value: node.value.slice(skip) });
    } else if ('children' in node) {
      const len = inlineText(node.children).length;
      if (len <= left) left -= len;
      else {
        out.push({ ...node, children: dropChars(node.children, left) });
        left = 0;
      }
    } else if (node.type === 'break') left -= 1;
    else out.push(node);
  }
  return out;
}
