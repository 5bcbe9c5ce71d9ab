/** Table cell attributes shared by the agreement and redline HTML writers. */

/** colspan for a cell spanning columns; a cell covered by the one above shows no border between them. */
export function cellAttributes(cell: { colSpan?: number; rowMerge?: 'start' | 'continue' }): string {
  return (cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') + (cell.rowMerge === 'continue' ? ' class="merged"' : '');
}
