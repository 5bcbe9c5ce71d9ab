/**
 * Table frames (ECMA-376 §17.4): fixed layout with explicit twip widths, which
 * Word and LibreOffice both honour (percentage widths render differently).
 */
export interface TableOptions {
  style: string;
  /** Column widths in twips; the table is as wide as their sum. */
  widths: readonly number[];
  indent?: number;
}

export function tableXml(options: TableOptions, rows: string): string {
  const width = options.widths.reduce((a, b) => a + b, 0);
  const indent = options.indent ? `<w:tblInd w:w="${options.indent}" w:type="dxa"/>` : '';
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="${options.style}"/><w:tblW w:w="${width}" w:type="dxa"/>${indent}` +
    '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${options.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`
  );
}

/** A row; `header` repeats it on each page (§17.4.49 tblHeader). */
export function rowXml(cells: string, options: { header?: boolean; cantSplit?: boolean } = {}): string {
  const trPr = (options.cantSplit ? '<w:cantSplit/>' : '') + (options.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
}

/**
 * A cell. Word requires every cell to end with a paragraph (a cell ending in
 * a nested table does not open), so one is added where needed.
 */
export function cellXml(width: number, content: string, span = 1, rowMerge?: 'start' | 'continue'): string {
  const body = content.endsWith('</w:p>') || content.endsWith('<w:p/>') ? content : content + '<w:p/>';
  return `<w:tc>${cellPropertiesXml(width, span, rowMerge)}${body}</w:tc>`;
}

/**
 * A cell's `w:tcPr`: its width, the grid columns it spans, and its vertical merge (§17.4.85);
 * `rest` is what follows vMerge in CT_TcPr (borders, shading, alignment), ready as XML.
 */
export function cellPropertiesXml(width: number, span = 1, rowMerge?: 'start' | 'continue', rest = ''): string {
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  const vMerge = rowMerge === 'start' ? '<w:vMerge w:val="restart"/>' : rowMerge === 'continue' ? '<w:vMerge/>' : '';
  return `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${gridSpan}${vMerge}${rest}</w:tcPr>`;
}

/** Split `total` twips into `count` equal columns (the last absorbs the remainder). */
export function equalWidths(total: number, count: number): number[] {
  const each = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? total - each * (count - 1) : each));
}

/**
 * Word merges two tables that touch (no paragraph between them) into one, so
 * a small empty paragraph goes between any two adjacent tables.
 */
export function separateTables(xml: string): string {
  return xml.replaceAll('</w:tbl><w:tbl>', `</w:tbl>${TABLE_SEPARATOR}<w:tbl>`);
}
const TABLE_SEPARATOR = '<w:p><w:pPr><w:spacing w:after="0" w:line="200" w:lineRule="exact"/></w:pPr></w:p>';

/** Cell margins of our table styles (108 twips each side), subtracted from the text width. */
export const CELL_PADDING = 216;
