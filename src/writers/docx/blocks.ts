/**
 * Block nodes → paragraphs and tables: one handler per block type (paragraph,
 * list, table). Ordered lists continue the clause numbering at levels (a)/(i);
 * bullets use their own list. Unknown blocks are reported.
 */
import type { Block, List, ListItem, Table, TableCell } from '../../model/nodes.js';
import { alignment, type BlockEnv } from './context.js';
import { inlinesXml } from './inlines.js';
import { LIST_ILVL, MAX_ILVL, NUM, levelIndent, numPr } from './numbering.js';
import { paragraphXml } from './paragraph.js';
import { STYLE, TEXT_INDENT } from './styles.js';
import { CELL_PADDING, cellXml, equalWidths, rowXml, tableXml } from './table.js';
import { warnAttrs } from './unrendered.js';

type Handler<K extends Block['type']> = (node: Extract<Block, { type: K }>, env: BlockEnv) => string;

const handlers: { [K in Block['type']]: Handler<K> } = {
  paragraph: (node, env) =>
    paragraphXml(
      { style: env.style, ...(env.indent === undefined ? {} : { indent: env.indent }), ...alignment(env) },
      inlinesXml(node.children, env),
      env.ctx,
    ),
  list: (node, env) => listXml(node, env),
  table: (node, env) => modelTableXml(node, env),
};

export function blockXml(block: Block, env: BlockEnv): string {
  if (block.attrs) warnAttrs(block, env.ctx);
  const handler = handlers[block.type] as Handler<Block['type']> | undefined;
  if (handler) return handler(block as never, env);
  const type = (block as { type: string }).type;
  env.ctx.warnOnce('docx-unrenderable', type, `block node of type "${type}" has no DOCX rendering and is not in the output`);
  return '';
}

export function blocksXml(blocks: readonly Block[], env: BlockEnv): string {
  let out = '';
  for (const block of blocks) out += blockXml(block, env);
  return out;
}

function listXml(list: List, env: BlockEnv): string {
  return listItemsXml(list, env).join('');
}

/**
 * A list as one XML string per item, so a bilingual agreement can put item
 * (a) beside its translation rather than whole lists side by side.
 */
export function listItemsXml(list: List, env: BlockEnv): string[] {
  const { ctx, col } = env;
  let ilvl = LIST_ILVL + env.listDepth;
  if (ilvl > MAX_ILVL) {
    ctx.warnOnce('docx-list-too-deep', 'list', `lists nested deeper than ${MAX_ILVL - LIST_ILVL + 1} levels are written at the deepest level Word numbers`);
    ilvl = MAX_ILVL;
  }
  const numId = list.ordered ? col.numId : NUM.bullets;
  const itemEnv: BlockEnv = { ...env, style: STYLE.listParagraph, indent: levelIndent(ilvl), listDepth: env.listDepth + 1 };
  const out: string[] = [];
  for (const item of list.children as ListItem[]) {
    if (item.attrs) warnAttrs(item, ctx);
    if (list.ordered) {
      const shown = col.counter.next(ilvl);
      if (item.label !== undefined && item.label !== shown) {
        ctx.warn('docx-numbering-mismatch', `list item "${item.label}"${env.clause ? ` in clause "${env.clause.id}"` : ''} will show as "${shown}" in Word's automatic numbering`);
      }
    }
    const bookmark = col.primary ? ctx.refs.forItem(env.clause, item) : undefined;
    const first = item.children[0];
    const lead = first?.type === 'paragraph' ? first : undefined;
    out.push(
      paragraphXml(
        { style: STYLE.listParagraph, numPr: numPr(numId, ilvl), ...alignment(env), ...(bookmark ? { bookmark } : {}) },
        lead ? inlinesXml(lead.children, itemEnv) : '',
        ctx,
      ) + blocksXml(lead ? item.children.slice(1) : item.children, itemEnv),
    );
  }
  return out;
}

function modelTableXml(table: Table, env: BlockEnv): string {
  const span = (cell: TableCell) => Math.max(1, cell.colSpan ?? 1);
  const columns = Math.max(0, ...table.children.map((row) => row.children.reduce((n, cell) => n + span(cell), 0)));
  if (columns === 0) {
    env.ctx.warnOnce('docx-empty-table', 'table', 'a table without cells was left out');
    return '';
  }
  // Inside a clause a table lines up with the clause text, not the number.
  const indent = env.indent ?? (env.style === STYLE.clauseBody ? TEXT_INDENT : 0);
  const widths = equalWidths(env.width - indent, columns);
  let rows = '';
  for (const row of table.children) {
    if (row.attrs) warnAttrs(row, env.ctx);
    let cells = '';
    let at = 0;
    row.children.forEach((cell, i) => {
      if (cell.attrs) warnAttrs(cell, env.ctx);
      // A short row: its last cell spans the remaining columns.
      const columnsSpanned = i === row.children.length - 1 ? columns - at : span(cell);
      const width = widths.slice(at, at + columnsSpanned).reduce((a, b) => a + b, 0);
      const cellEnv: BlockEnv = { ...env, width: width - CELL_PADDING, style: STYLE.tableText, listDepth: 0 };
      delete cellEnv.indent;
      cells += cellXml(width, blocksXml(cell.children, cellEnv), columnsSpanned, cell.rowMerge);
      at += columnsSpanned;
    });
    rows += rowXml(cells, row.header ? { header: true } : {});
  }
  return tableXml({ style: STYLE.tableGrid, widths, ...(indent ? { indent } : {}) }, rows);
}
