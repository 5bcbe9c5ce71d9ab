/**
 * Reads the requirements matrix (a Markdown file of tables; the file is the
 * source of truth, nothing of it is copied into code). A row is any table line
 * whose first cell is a requirement id such as UA-INPUT-01.
 */
export interface Requirement {
  id: string;
  /** Contract types the row applies to: UA, DT, MD. */
  types: string[];
  obligation: string;
  summaryZh: string;
  legalBasis: string;
  /** Module ids the matrix expects to satisfy the row. */
  modules: string[];
  line: number;
}

const ROW_ID = /^[A-Z]{2,}(-[A-Z0-9]+)+$/;

export function parseMatrix(markdown: string): Requirement[] {
  const rows: Requirement[] = [];
  markdown.split(/\r?\n/).forEach((text, index) => {
    if (!text.startsWith('|')) return;
    const cells = splitRow(text);
    const [id, types, obligation, summaryZh, legalBasis, modules] = cells;
    if (!id || !ROW_ID.test(id) || cells.length < 6) return;
    rows.push({
      id,
      types: types!.split(/[,\s]+/).filter(Boolean),
      obligation: obligation!,
      summaryZh: summaryZh!,
      legalBasis: legalBasis!,
      modules: modules!.split(/[;,]\s*/).map((m) => m.trim()).filter(Boolean),
      line: index + 1,
    });
  });
  return rows;
}

/** Split a Markdown table row on unescaped pipes, trimming cells. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  return cells;
}
