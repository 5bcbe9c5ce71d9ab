/**
 * One-line builders so tests and readers can make trees tersely:
 *   doc('en', [part('terms', [clause('fees', [p('Pay ', use('Fees'), '.')])])])
 * Strings passed where inlines are expected become text nodes.
 */
import {
  MODEL_VERSION,
  type Block,
  type Clause,
  type Comment,
  type Document,
  type DocumentMeta,
  type Inline,
  type Lang,
  type List,
  type ListItem,
  type Paragraph,
  type Part,
  type Table,
  type Text,
} from './nodes.js';

export type InlineLike = Inline | string;

export function text(value: string): Text {
  return { type: 'text', value };
}

export function inlines(items: InlineLike[]): Inline[] {
  return items.map((item) => (typeof item === 'string' ? text(item) : item));
}

export function p(...children: InlineLike[]): Paragraph {
  return { type: 'paragraph', children: inlines(children) };
}

export function strong(...children: InlineLike[]): Inline {
  return { type: 'strong', children: inlines(children) };
}

export function em(...children: InlineLike[]): Inline {
  return { type: 'emphasis', children: inlines(children) };
}

export function underline(...children: InlineLike[]): Inline {
  return { type: 'underline', children: inlines(children) };
}

export function strike(...children: InlineLike[]): Inline {
  return { type: 'strike', children: inlines(children) };
}

/** Highlighted text; `color` is a Word highlighter colour ('yellow'). */
export function highlight(color: string, ...children: InlineLike[]): Inline {
  return { type: 'highlight', color, children: inlines(children) };
}

/** Coloured text; `color` is six hex digits ('C00000'). */
export function textColor(color: string, ...children: InlineLike[]): Inline {
  return { type: 'textColor', color, children: inlines(children) };
}

/** Text in another type size, in points. */
export function fontSize(points: number, ...children: InlineLike[]): Inline {
  return { type: 'fontSize', points, children: inlines(children) };
}

export function def(label: string, term = normaliseTerm(label)): Inline {
  return { type: 'termDefinition', term, label };
}

export function use(label: string, term = normaliseTerm(label)): Inline {
  return { type: 'termUse', term, label };
}

export function link(href: string, ...children: InlineLike[]): Inline {
  return { type: 'link', href, children: inlines(children) };
}

/** A Word field: its code and, as children, its last result. @example field('DATE \\@ "d MMMM yyyy"', '1 May 2026') */
export function field(code: string, ...children: InlineLike[]): Inline {
  return { type: 'field', code, children: inlines(children) };
}

/**
 * A reviewer's comment on `children`: its start mark, the children, its end mark.
 * @example p('Fees are due ', ...commented('c1', { author: 'Jane Roe', text: 'Why?' }, 'monthly'), '.')
 */
export function commented(id: string, comment: Comment, ...children: InlineLike[]): Inline[] {
  return [{ type: 'comment', edge: 'start', id }, ...inlines(children), { type: 'comment', edge: 'end', id, comment }];
}

export function ref(target: string, label?: string): Inline {
  return label === undefined ? { type: 'crossRef', target } : { type: 'crossRef', target, label };
}

export function item(...children: Array<Block | string>): ListItem {
  return {
    type: 'listItem',
    children: children.map((c) => (typeof c === 'string' ? p(c) : c)),
  };
}

export function list(items: ListItem[], ordered = true): List {
  return { type: 'list', ordered, children: items };
}

export function table(rows: InlineLike[][], header = false): Table {
  return {
    type: 'table',
    children: rows.map((cells, i) => ({
      type: 'tableRow',
      ...(header && i === 0 ? { header: true } : {}),
      children: cells.map((c) => ({ type: 'tableCell', children: [p(c)] })),
    })),
  };
}

export function clause(
  id: string,
  children: Block[],
  options: { heading?: InlineLike[]; clauses?: Clause[]; number?: string } = {},
): Clause {
  const node: Clause = { type: 'clause', id, children, clauses: options.clauses ?? [] };
  if (options.heading) node.heading = inlines(options.heading);
  if (options.number !== undefined) node.number = options.number;
  return node;
}

export function part(
  id: string,
  clauses: Clause[],
  options: { title?: InlineLike[]; numbered?: boolean; children?: Block[] } = {},
): Part {
  const node: Part = {
    type: 'part',
    id,
    numbered: options.numbered ?? true,
    children: options.children ?? [],
    clauses,
  };
  if (options.title) node.title = inlines(options.title);
  return node;
}

export function doc(lang: Lang, parts: Part[], meta: Partial<DocumentMeta> = {}): Document {
  return {
    type: 'document',
    modelVersion: MODEL_VERSION,
    lang,
    meta: { title: '', parties: [], keyTerms: [], ...meta },
    parts,
  };
}

/**
 * Identifier of a defined term: case-folded, whitespace collapsed, so "Output"
 * and "output" are one term while the label keeps the author's spelling.
 */
export function normaliseTerm(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
