/** Body of a single-language agreement: cover, parts and clauses, signatures. */
import type { Document } from '../../model/nodes.js';
import { partUnits } from './clauses.js';
import type { BlockEnv, WriteContext } from './context.js';
import { coverHeadingXml, keyTermsTableXml, partyXml, titleXml, versionXml } from './front-matter.js';
import { TEXT_WIDTH } from './page.js';
import { PAGE_BREAK } from './paragraph.js';
import { signatureXml } from './signatures.js';
import { STYLE } from './styles.js';
import { cellXml, equalWidths, rowXml, tableXml } from './table.js';

export function singleBody(doc: Document, ctx: WriteContext): string {
  const col = ctx.column(doc.lang, true);
  const env: BlockEnv = { ctx, col, width: TEXT_WIDTH, style: STYLE.normal, listDepth: 0 };
  const { parties, keyTerms } = doc.meta;
  let out = titleXml(doc, env) + versionXml([{ doc, env }]);
  if (parties.length > 0) {
    out += coverHeadingXml((c) => c.parties, [env]);
    for (const party of parties) out += partyXml(party, env);
  }
  if (keyTerms.length > 0) out += coverHeadingXml((c) => c.keyTerms, [env]) + keyTermsTableXml(keyTerms, env);
  if (parties.length > 0 || keyTerms.length > 0) out += PAGE_BREAK;
  for (const part of doc.parts) for (const unit of partUnits(part, env)) out += unit.xml;
  if (doc.meta.signatures) out += signatureBlockXml(doc, env);
  return out;
}

/** Two parties side by side per row, as signature pages usually are. */
function signatureBlockXml(doc: Document, env: BlockEnv): string {
  const { parties } = doc.meta;
  if (parties.length === 0) {
    env.ctx.warn('docx-signatures-without-parties', 'meta.signatures is set but the document names no parties; no signature block was written');
    return '';
  }
  const widths = equalWidths(env.width, 2);
  const cellEnv: BlockEnv = { ...env, width: widths[0]! };
  let rows = '';
  for (let i = 0; i < parties.length; i += 2) {
    const pair = parties.slice(i, i + 2);
    rows += rowXml(widths.map((w, j) => cellXml(w, pair[j] ? signatureXml(pair[j]!, cellEnv) : '')).join(''), { cantSplit: true });
  }
  return coverHeadingXml((c) => c.signatures, [env]) + tableXml({ style: STYLE.plainTable, widths }, rows);
}
