/**
 * Which lines of Markdown are inside fenced code (``` or ~~~, closed by a
 * fence of the same character at least as long), fences included: the
 * passes that rewrite text before block parsing (reference links, footnotes)
 * leave those alone.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const open = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      fence = open;
      return open !== undefined;
    }
    if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
    return true;
  });
}
