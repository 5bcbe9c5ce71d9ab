/**
 * Parts and clauses → "units": one heading or block each, keyed by clause id,
 * so the bilingual writer can put the Chinese and English unit of the same
 * key side by side. A single-language document just concatenates them.
 *
 * Numbering: a numbered clause's heading (or, without a heading, its first
 * paragraph) gets w:numPr at level depth-1; the model's number is checked
 * against what Word will display, and a part that starts again at 1 gets a
 * restarted w:num.
 */
import type { Clause, Part } from '../../model/nodes.js';
import { blockXml, listItemsXml } from './blocks.js';
import { alignment, type BlockEnv, type Column, type WriteContext } from './context.js';
import { inlinesXml } from './inlines.js';
import { CLAUSE_ILVL_MAX, numPr } from './numbering.js';
import { paragraphXml, type ParagraphSpec } from './paragraph.js';
import { STYLE } from './styles.js';
import { warnAttrs } from './unrendered.js';

export interface Unit {
  /** `clauseId#heading`, `clauseId#<block index>`, `partId#title`… */
  key: string;
  xml: string;
}

export function partUnits(part: Part, env: BlockEnv): Unit[] {
  if (part.attrs) warnAttrs(part, env.ctx);
  const units: Unit[] = [];
  if (part.title) {
    units.push({ key: `${part.id}#title`, xml: paragraphXml({ style: STYLE.partTitle }, inlinesXml(part.title, env), env.ctx) });
  }
  const introEnv: BlockEnv = { ...env, style: STYLE.normal, listDepth: 0 };
  part.children.forEach((block, i) => units.push({ key: `${part.id}#intro${i}`, xml: blockXml(block, introEnv) }));
  for (const clause of part.clauses) clauseUnits(clause, 1, part.numbered, env, units);
  return units;
}

function clauseUnits(clause: Clause, depth: number, numbered: boolean, env: BlockEnv, units: Unit[]): void {
  const { ctx, col } = env;
  if (clause.attrs) warnAttrs(clause, ctx);
  const clauseEnv: BlockEnv = { ...env, clause, style: numbered ? STYLE.clauseBody : STYLE.normal, listDepth: 0 };
  // House numbering has two clause levels (1, 1.1); deeper clauses share the
  // (a) level, and the number check below reports the difference.
  const ilvl = Math.min(depth - 1, CLAUSE_ILVL_MAX + 1);
  const bookmark = col.primary ? ctx.refs.forClause(clause) : undefined;
  let numbering: string | undefined;
  if (numbered) {
    if (ilvl === 0) restartIfNeeded(clause, col, ctx);
    const shown = col.counter.next(ilvl);
    if (clause.number !== undefined && clause.number !== shown) {
      ctx.warn('docx-numbering-mismatch', `clause "${clause.id}" is numbered ${clause.number} but Word's automatic numbering will show ${shown}`);
    }
    numbering = numPr(col.numId, ilvl);
  }
  const spec = (style: string): ParagraphSpec => ({ style, ...(numbering ? { numPr: numbering } : {}), ...(bookmark ? { bookmark } : {}) });
  const leadSpec = (style: string): ParagraphSpec => ({ ...spec(style), ...alignment(env) });

  let lead: ParagraphSpec | undefined;
  if (clause.heading) {
    const style = STYLE.heading[Math.min(depth, STYLE.heading.length) - 1]!;
    units.push({ key: `${clause.id}#heading`, xml: paragraphXml(spec(style), inlinesXml(clause.heading, clauseEnv), ctx) });
  } else if (numbering || bookmark) {
    lead = leadSpec(numbering ? STYLE.clauseText : clauseEnv.style);
  }
  clause.children.forEach((block, i) => {
    const key = `${clause.id}#${i}`;
    if (i === 0 && lead && block.type === 'paragraph') {
      if (block.attrs) warnAttrs(block, ctx);
      units.push({ key, xml: paragraphXml(lead, inlinesXml(block.children, clauseEnv), ctx) });
      return;
    }
    if (i === 0 && lead) units.push({ key: `${key}#number`, xml: paragraphXml(lead, '', ctx) });
    if (block.type === 'list') {
      // One unit per item: item (a) sits beside its translation.
      if (block.attrs) warnAttrs(block, ctx);
      listItemsXml(block, clauseEnv).forEach((xml, j) => units.push({ key: `${key}.${j}`, xml }));
    } else units.push({ key, xml: blockXml(block, clauseEnv) });
  });
  if (lead && clause.children.length === 0) units.push({ key: `${clause.id}#0`, xml: paragraphXml(lead, '', ctx) });
  for (const sub of clause.clauses) clauseUnits(sub, depth + 1, numbered, env, units);
}

/**
 * A part whose first clause is numbered 1 again (or any number other than
 * the next one) needs a new w:num with a startOverride (§17.9.27), which is
 * how Word itself records "restart numbering".
 */
function restartIfNeeded(clause: Clause, col: Column, ctx: WriteContext): void {
  const first = /^(\d+)(?:\.|$)/.exec(clause.number ?? '');
  if (!first) return;
  const wanted = Number(first[1]);
  if (wanted < 1 || wanted === col.counter.peek(0)) return;
  col.numId = ctx.numbering.restart(col.abstractId, 0, wanted);
  col.counter.restartAt(0, wanted);
}
