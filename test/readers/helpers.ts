/** Shared helpers for reader tests: corpus location and compact views of a document. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, Clause, Document } from '../../src/model/nodes.js';
import { allClauses, blockText, inlineText } from '../../src/model/walk.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared corpus sits beside the repository (issue 4). */
export const corpusDir = resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(corpusDir);

/** "number heading" of every clause, in document order, indented by depth. */
export function outline(document: Document): string[] {
  const out: string[] = [];
  const go = (c: Clause, depth: number): void => {
    out.push(`${'  '.repeat(depth)}${[c.number, inlineText(c.heading ?? [])].filter(Boolean).join(' ')}`);
    for (const s of c.clauses) go(s, depth + 1);
  };
  for (const part of document.parts) for (const c of part.clauses) go(c, 0);
  return out;
}

export function headings(document: Document): string[] {
  return document.parts.flatMap((p) => allClauses(p)).map((c) => inlineText(c.heading ?? []));
}

/** Text of every block of the document, preamble and clauses, in order. */
export function blockTexts(document: Document): string[] {
  const out: string[] = [];
  const add = (blocks: Block[]): void => {
    for (const b of blocks) out.push(blockText(b));
  };
  for (const part of document.parts) {
    add(part.children);
    for (const c of allClauses(part)) add(c.children);
  }
  return out;
}

export function findClause(document: Document, heading: string): Clause | undefined {
  return document.parts.flatMap((p) => allClauses(p)).find((c) => inlineText(c.heading ?? []) === heading);
}
