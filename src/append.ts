/**
 * `out.push(...items)` without passing every item as a call argument: a
 * spread of more than about 100,000 items overflows the stack (RangeError),
 * and readers and the redline meet arrays that large (a content control around
 * a whole DOCX body, a text file without headings, a long block quote).
 */
export function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
