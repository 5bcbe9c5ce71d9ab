/**
 * One w:p (ECMA-376 §17.3.1.22) with its properties in CT_PPrBase order:
 * pStyle, keepNext, numPr, spacing, ind, jc. A bookmark, when given,
 * wraps the whole paragraph so a REF field can show its number.
 */
import type { WriteContext } from './context.js';
import { escapeXml } from './xml.js';

export interface ParagraphSpec {
  style: string;
  keepNext?: boolean;
  /** A ready `w:numPr` (see numbering.ts). */
  numPr?: string;
  /** Space above, in twips (w:spacing w:before). */
  spaceBefore?: number;
  /** Left indent in twips. */
  indent?: number;
  jc?: 'left' | 'center' | 'right' | 'both';
  bookmark?: string;
}

export function paragraphXml(spec: ParagraphSpec, runs: string, ctx: WriteContext): string {
  let pPr = `<w:pStyle w:val="${spec.style}"/>`;
  if (spec.keepNext) pPr += '<w:keepNext/>';
  if (spec.numPr) pPr += spec.numPr;
  if (spec.spaceBefore !== undefined) pPr += `<w:spacing w:before="${spec.spaceBefore}"/>`;
  if (spec.indent !== undefined) pPr += `<w:ind w:left="${spec.indent}"/>`;
  if (spec.jc) pPr += `<w:jc w:val="${spec.jc}"/>`;
  if (spec.bookmark === undefined) return `<w:p><w:pPr>${pPr}</w:pPr>${runs}</w:p>`;
  const id = ctx.nextBookmarkId();
  return (
    `<w:p><w:pPr>${pPr}</w:pPr><w:bookmarkStart w:id="${id}" w:name="${escapeXml(spec.bookmark)}"/>` +
    `${runs}<w:bookmarkEnd w:id="${id}"/></w:p>`
  );
}

/** A paragraph holding only a page break (§17.3.3.1 w:br w:type="page"). */
export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
