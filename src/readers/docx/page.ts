/**
 * Page geometry of a section (`w:sectPr`): size and margins, when every
 * number is one Word accepts. Used for the body's last section and for each
 * section break a paragraph carries (look.ts, layout.ts).
 */
import { child, type XmlElement } from './xml.js';

/** Page geometry in twentieths of a point, as `w:pgSz` and `w:pgMar` give it. */
export interface PageLook {
  width: number;
  height: number;
  landscape?: boolean;
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
}

/** Word's largest page side, 22 inches in twentieths of a point. */
const MAX_TWIPS = 31680;

function twips(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Page size and margins of a section, when every number is usable. */
export function pageOf(sectPr: XmlElement | undefined): PageLook | undefined {
  const size = child(sectPr, 'w:pgSz');
  const margin = child(sectPr, 'w:pgMar');
  if (!size || !margin) return undefined;
  const width = twips(size.attrs['w:w'], 1440, MAX_TWIPS);
  const height = twips(size.attrs['w:h'], 1440, MAX_TWIPS);
  const m = (name: string, min: number) => twips(margin.attrs[name] ?? '0', min, MAX_TWIPS);
  const margins = { top: m('w:top', -MAX_TWIPS), right: m('w:right', 0), bottom: m('w:bottom', -MAX_TWIPS), left: m('w:left', 0), header: m('w:header', 0), footer: m('w:footer', 0), gutter: m('w:gutter', 0) };
  if (width === undefined || height === undefined || Object.values(margins).some((v) => v === undefined)) return undefined;
  if (margins.left! + margins.right! >= width) return undefined;
  return { width, height, ...(size.attrs['w:orient'] === 'landscape' ? { landscape: true } : {}), margins: margins as PageLook['margins'] };
}
