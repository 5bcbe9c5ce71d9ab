/**
 * Body of a bilingual agreement: Chinese left, English right. Every heading
 * and block of a clause sits in one table row with its translation, matched
 * by clause id and block index (the model promises aligned translations;
 * where they are not aligned the writer still writes everything and warns).
 */
import type { Document, Part } from '../../model/nodes.js';
import { partUnits, type Unit } from './clauses.js';
import type { BlockEnv, WriteContext } from './context.js';
import type { Captions } from './labels.js';
import { coverHeadingXml, keyTermXml, partyXml, titleXml, versionXml } from './front-matter.js';
import { TEXT_WIDTH } from './page.js';
import { PAGE_BREAK } from './paragraph.js';
import { signatureXml } from './signatures.js';
import { STYLE } from './styles.js';
import { CELL_PADDING, cellXml, equalWidths, rowXml, tableXml } from './table.js';

type Row = [left: string, right: string];

export function bilingualBody(primary: Document, translation: Document, ctx: WriteContext): string {
  const left = ctx.column(primary.lang, true);
  const right = ctx.column(translation.lang, false);
  const widths = columnWidths(left.zh, right.zh);
  const envL: BlockEnv = { ctx, col: left, width: widths[0]! - CELL_PADDING, style: STYLE.normal, listDepth: 0 };
  const envR: BlockEnv = { ctx, col: right, width: widths[1]! - CELL_PADDING, style: STYLE.normal, listDepth: 0 };
  if (!left.zh) envL.jc = 'left';
  if (!right.zh) envR.jc = 'left';
  const table = (style: string, rows: Row[], unsplittable = 0): string =>
    rows.length === 0
      ? ''
      : tableXml(
          { style, widths },
          rows.map(([l, r], i) => rowXml(cellXml(widths[0]!, l) + cellXml(widths[1]!, r), i < unsplittable ? { cantSplit: true } : {})).join(''),
        );
  const heading = (pick: (c: Captions) => string): string => coverHeadingXml(pick, [envL, envR]);

  let out =
    titleXml(primary, envL) +
    titleXml(translation, envR) +
    versionXml([
      { doc: primary, env: envL },
      { doc: translation, env: envR },
    ]);
  const parties = pairById(primary.meta.parties, translation.meta.parties, (p) => p.id, ctx, 'party');
  if (parties.length > 0) {
    const rows = parties.map(([l, r]): Row => [l ? partyXml(l, envL) : '', r ? partyXml(r, envR) : '']);
    // Cover rows are short: a party or key term split over two pages reads as two.
    out += heading((c) => c.parties) + table(STYLE.plainTable, rows, rows.length);
  }
  const terms = pairById(primary.meta.keyTerms, translation.meta.keyTerms, (t) => t.name, ctx, 'key term');
  if (terms.length > 0) {
    out += heading((c) => c.keyTerms) + table(STYLE.tableGrid, terms.map(([l, r]): Row => [l ? keyTermXml(l, envL) : '', r ? keyTermXml(r, envR) : '']), terms.length);
  }
  if (parties.length > 0 || terms.length > 0) out += PAGE_BREAK;

  for (const [l, r] of pairById(primary.parts, translation.parts, (p: Part) => p.id, ctx, 'part')) {
    const rows = alignUnits(l ? partUnits(l, envL) : [], r ? partUnits(r, envR) : [], ctx);
    out += table(STYLE.bilingualTable, rows);
  }
  if (primary.meta.signatures && parties.length > 0) {
    const rows = parties.map(([l, r]): Row => [l ? signatureXml(l, envL) : '', r ? signatureXml(r, envR) : '']);
    out += heading((c) => c.signatures) + table(STYLE.plainTable, rows, rows.length);
  } else if (primary.meta.signatures) {
    ctx.warn('docx-signatures-without-parties', 'meta.signatures is set but the document names no parties; no signature block was written');
  }
  return out;
}

/**
 * English runs about twice as long as the same Chinese text; a 45/55 split
 * keeps the two sides of a row closer in height than equal columns do.
 */
function columnWidths(leftZh: boolean, rightZh: boolean): number[] {
  if (leftZh === rightZh) return equalWidths(TEXT_WIDTH, 2);
  const zh = Math.round(TEXT_WIDTH * 0.45);
  return leftZh ? [zh, TEXT_WIDTH - zh] : [TEXT_WIDTH - zh, zh];
}

/** Pair items of both languages by id, primary order first; unmatched ones get an empty side and a warning. */
function pairById<T>(left: readonly T[], right: readonly T[], id: (item: T) => string, ctx: WriteContext, what: string): Array<[T | undefined, T | undefined]> {
  const byId = new Map(right.map((item) => [id(item), item]));
  const pairs: Array<[T | undefined, T | undefined]> = [];
  const used = new Set<string>();
  for (const item of left) {
    const match = byId.get(id(item));
    if (match === undefined) ctx.warnOnce('docx-translation-mismatch', `${what}:${id(item)}`, `${what} "${id(item)}" has no translation; its translation column is empty`);
    else used.add(id(item));
    pairs.push([item, match]);
  }
  for (const item of right) {
    if (used.has(id(item))) continue;
    ctx.warnOnce('docx-translation-mismatch', `${what}:${id(item)}`, `${what} "${id(item)}" exists only in the translation; it is written with an empty original column`);
    pairs.push([undefined, item]);
  }
  return pairs;
}

/**
 * Rows of units matched by key, keeping both languages' order. A unit without
 * a partner gets a row of its own with the other side empty.
 */
export function alignUnits(left: readonly Unit[], right: readonly Unit[], ctx: WriteContext): Row[] {
  const rightIndex = new Map(right.map((u, i) => [u.key, i]));
  const rows: Row[] = [];
  let next = 0;
  const unmatched = (unit: Unit, side: string): void =>
    ctx.warnOnce('docx-translation-mismatch', unit.key, `"${unit.key}" has no counterpart in the ${side} column; it is written beside an empty cell`);
  for (const unit of left) {
    const j = rightIndex.get(unit.key);
    if (j === undefined || j < next) {
      unmatched(unit, 'translation');
      rows.push([unit.xml, '']);
      continue;
    }
    for (; next < j; next++) {
      unmatched(right[next]!, 'original');
      rows.push(['', right[next]!.xml]);
    }
    rows.push([unit.xml, right[j]!.xml]);
    next = j + 1;
  }
  for (; next < right.length; next++) {
    unmatched(right[next]!, 'original');
    rows.push(['', right[next]!.xml]);
  }
  return rows;
}
