/**
 * The cover: title and version, the parties block (name, defined term,
 * details) and the key-terms table of deal variables — the "cover page +
 * standard terms" shape of Common Paper / Bonterms forms. Each piece is built
 * per language so the bilingual writer can pair them.
 */
import { def, text } from '../../model/build.js';
import type { Document, Inline, KeyTerm, Party } from '../../model/nodes.js';
import { printedTitle } from '../../model/walk.js';
import type { BlockEnv } from './context.js';
import type { Captions } from './labels.js';
import { inlinesXml } from './inlines.js';
import { paragraphXml } from './paragraph.js';
import { STYLE, TEXT_INDENT } from './styles.js';
import { cellXml, rowXml, tableXml } from './table.js';
import { textRun } from './run-properties.js';

/** The Title paragraph; none for a title the source did not print (DocumentMeta.titleSource). */
export function titleXml(doc: Document, env: BlockEnv): string {
  const title = printedTitle(doc);
  return title === undefined ? '' : paragraphXml({ style: STYLE.title }, textRun(title, env.col, {}, env.ctx), env.ctx);
}

/** "Version 0.1.0"; in a bilingual agreement "版本 0.1.0 / Version 0.1.0". */
export function versionXml(editions: ReadonlyArray<{ doc: Document; env: BlockEnv }>): string {
  const first = editions[0]!;
  if (!first.doc.meta.version) return '';
  const runs = editions
    .map(({ doc, env }, i) => textRun(`${i > 0 ? ' / ' : ''}${env.col.captions.version} ${doc.meta.version ?? ''}`, env.col, {}, env.ctx))
    .join('');
  return paragraphXml({ style: STYLE.subtitle }, runs, first.env.ctx);
}

/** "Parties"; in a bilingual agreement one line for both languages: "合同各方 / Parties". */
export function coverHeadingXml(pick: (c: Captions) => string, envs: readonly BlockEnv[]): string {
  const runs = envs.map((env, i) => textRun((i > 0 ? ' / ' : '') + pick(env.col.captions), env.col, {}, env.ctx)).join('');
  return paragraphXml({ style: STYLE.coverHeading }, runs, envs[0]!.ctx);
}

/** "Beijing Zhihui Technology Co., Ltd. (the “Platform”)" and one line per detail. */
export function partyXml(party: Party, env: BlockEnv): string {
  const c = env.col.captions;
  const intro: Inline[] = party.name
    ? [text(party.name), text(c.partyTermBefore), def(party.term), text(c.partyTermAfter)]
    : [def(party.term)];
  // Ragged right: names, addresses and codes are long unbreakable tokens that justification would stretch.
  let out = paragraphXml({ style: env.style, keepNext: (party.details?.length ?? 0) > 0, jc: 'left' }, inlinesXml(intro, env), env.ctx);
  for (const detail of party.details ?? []) {
    out += paragraphXml({ style: env.style, indent: TEXT_INDENT, jc: 'left' }, inlinesXml([text(detail.label + c.colon + detail.value)], env), env.ctx);
  }
  return out;
}

/** Key terms of one language as a two-column table: label | value. */
export function keyTermsTableXml(terms: readonly KeyTerm[], env: BlockEnv): string {
  const labelWidth = Math.round(env.width * 0.35);
  const widths = [labelWidth, env.width - labelWidth];
  const rows = terms
    .map((term) =>
      rowXml(
        cellXml(widths[0]!, paragraphXml({ style: STYLE.tableText }, textRun(term.label, env.col, { bold: true }, env.ctx), env.ctx)) +
          cellXml(widths[1]!, paragraphXml({ style: STYLE.tableText }, textRun(term.value, env.col, {}, env.ctx), env.ctx)),
        { cantSplit: true },
      ),
    )
    .join('');
  return tableXml({ style: STYLE.tableGrid, widths }, rows);
}

/** One key term as a single cell paragraph "label: value" (bilingual cover). */
export function keyTermXml(term: KeyTerm, env: BlockEnv): string {
  const { ctx, col } = env;
  return paragraphXml(
    { style: STYLE.tableText },
    textRun(term.label + col.captions.colon, col, { bold: true }, ctx) + textRun(term.value, col, {}, ctx),
    ctx,
  );
}
