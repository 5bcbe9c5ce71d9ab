/**
 * header1.xml / footer1.xml (ECMA-376 §17.10): the title and version at the
 * top of every page, "Page X of Y" (PAGE / NUMPAGES fields) at the bottom.
 * A bilingual agreement gets both languages.
 */
import type { Document } from '../../model/nodes.js';
import type { Column, WriteContext } from './context.js';
import { field } from './fields.js';
import { paragraphXml } from './paragraph.js';
import { textRun } from './run-properties.js';
import { STYLE } from './styles.js';
import { R_NS, W_NS, XML_DECLARATION } from './xml.js';

export interface Edition {
  doc: Document;
  col: Column;
}

export function headerXml(editions: readonly Edition[], ctx: WriteContext): string {
  const lines = editions.map(({ doc, col }) => {
    const version = doc.meta.version ? ` · ${col.captions.version} ${doc.meta.version}` : '';
    return paragraphXml({ style: STYLE.header }, textRun(doc.meta.title + version, col, {}, ctx), ctx);
  });
  return XML_DECLARATION + `<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${lines.join('')}</w:hdr>`;
}

export function footerXml(editions: readonly Edition[], ctx: WriteContext): string {
  let runs = '';
  editions.forEach(({ col }, i) => {
    if (i > 0) runs += textRun('  /  ', col, {}, ctx);
    for (const piece of col.captions.pageOfPages) {
      // Cached "1": Word and LibreOffice recompute page fields whenever they lay out.
      runs += typeof piece === 'string' ? textRun(piece, col, {}, ctx) : field(piece.field, '1', col);
    }
  });
  return XML_DECLARATION + `<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${paragraphXml({ style: STYLE.footer }, runs, ctx)}</w:ftr>`;
}
