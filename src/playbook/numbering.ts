/**
 * Numbering computed from structure, never typed: top-level clauses of the
 * numbered parts run 1, 2, 3 across the document; sub-clauses 1.1, 1.2; list
 * items (a), (b) then (i), (ii) then (A), (B). Then every cross-reference gets
 * the number of its target: "Clause 7.2" / "第7.2条".
 */
import type { Clause, CrossRef, Document, List } from '../model/nodes.js';
import { collect, visit } from '../model/walk.js';
import { formatNumber } from '../numbering/format.js';

export function numberDocument(document: Document): void {
  let top = 0;
  for (const part of document.parts) {
    if (!part.numbered) continue;
    for (const clause of part.clauses) numberClause(clause, String(++top));
  }
  visit(document, (node) => {
    if (node.type === 'clause') for (const block of node.children) if (block.type === 'list') labelList(block, 0);
    if (node.type === 'part') for (const block of node.children) if (block.type === 'list') labelList(block, 0);
  });
}

function numberClause(clause: Clause, number: string): void {
  clause.number = number;
  clause.clauses.forEach((sub, i) => numberClause(sub, `${number}.${i + 1}`));
}

function labelList(list: List, depth: number): void {
  list.children.forEach((item, i) => {
    if (list.ordered) item.label = `(${listLabel(i + 1, depth)})`;
    for (const block of item.children) if (block.type === 'list') labelList(block, depth + 1);
  });
}

/** (a) … (z), (aa): then (i), (ii): then (A): the letters repeat as Word's do. */
export function listLabel(n: number, depth: number): string {
  return formatNumber(n, ['lowerLetter', 'lowerRoman', 'upperLetter'][depth % 3]!);
}

/** The text of a reference to clause number `n` in `lang`. */
export function referenceLabel(number: string, lang: string): string {
  return lang === 'zh' ? `第${number}条` : `Clause ${number}`;
}

/**
 * Give every cross-reference its label; returns the references whose target
 * is not a numbered clause of this document.
 */
export function resolveReferences(document: Document): { ref: CrossRef; within?: Clause }[] {
  const numbers = new Map<string, string | undefined>();
  for (const clause of collect(document, 'clause')) numbers.set(clause.id, clause.number);
  const broken: { ref: CrossRef; within?: Clause }[] = [];
  visit(document, (node, ancestors) => {
    if (node.type !== 'crossRef') return;
    const number = numbers.get(node.target);
    if (number !== undefined) node.label = referenceLabel(number, document.lang);
    else broken.push({ ref: node, within: [...ancestors].reverse().find((a): a is Clause => a.type === 'clause' && a.position !== undefined) });
  });
  return broken;
}
