/**
 * Bookmarks (ECMA-376 §17.13.6): where a REF field points. Each edge becomes
 * a zero-width piece; after the whole package is read, only the bookmarks a
 * kept field names stay (Word fills documents with others: `_GoBack`, `_Toc…`,
 * `_Hlk…`), so the model holds what a field needs and nothing more.
 */
import type { DocxBlock } from './parse.js';
import type { Piece } from './runs.js';
import type { XmlElement } from './xml.js';

export interface BookmarkContext {
  /** Names of bookmarks started and not yet ended, by `w:id`. */
  open: Map<string, string>;
  /** Names of bookmarks that start between blocks: they open with the next paragraph. */
  pending: string[];
  /** Names that a kept field names (runs.ts adds them). */
  named: Set<string>;
}

export function bookmarkContext(): BookmarkContext {
  return { open: new Map(), pending: [], named: new Set() };
}

/** `w:bookmarkStart` / `w:bookmarkEnd` inside a paragraph. */
export function bookmarkEdge(el: XmlElement, edge: 'start' | 'end', ctx: BookmarkContext | undefined, out: Piece[]): void {
  if (!ctx) return;
  const id = el.attrs['w:id'] ?? '';
  if (edge === 'start') {
    const name = el.attrs['w:name'];
    if (!name) return;
    ctx.open.set(id, name);
    out.push({ bookmark: 'start', name });
  } else {
    const name = ctx.open.get(id);
    if (name === undefined) return;
    ctx.open.delete(id);
    out.push({ bookmark: 'end', name });
  }
}

/** A bookmark that starts between blocks (before a paragraph or a table) starts with the next paragraph. */
export function bookmarkStartBetweenBlocks(el: XmlElement, ctx: BookmarkContext | undefined): void {
  const name = el.attrs['w:name'];
  if (!ctx || !name) return;
  ctx.open.set(el.attrs['w:id'] ?? '', name);
  ctx.pending.push(name);
}

/** Open, at a paragraph's start, the bookmarks that started before it. */
export function openPendingBookmarks(ctx: BookmarkContext | undefined, out: Piece[]): void {
  if (!ctx || ctx.pending.length === 0) return;
  for (const name of ctx.pending.splice(0)) out.push({ bookmark: 'start', name });
}

/** Drop the edges of bookmarks no kept field names, from every paragraph of `blocks`. */
export function keepNamedBookmarks(blocks: readonly DocxBlock[], named: ReadonlySet<string>): void {
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row) keepNamedBookmarks(cell, named);
      continue;
    }
    if (block.pieces.some((p) => 'bookmark' in p && !named.has(p.name))) {
      block.pieces = block.pieces.filter((p) => !('bookmark' in p) || named.has(p.name));
    }
  }
}
