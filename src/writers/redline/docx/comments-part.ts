/**
 * The comments part (ECMA-376 §17.13.4.2): each reviewer's comment carried
 * into the redline, under the `w:id` its range in document.xml uses, with
 * its author, initials and date as the source had them.
 */
import type { RedlineComment } from '../../../redline/types.js';
import { attr, W_NS, XML_DECLARATION } from '../../docx/xml.js';
import { textXml } from './runs.js';

/** xsd:dateTime as w:date requires; a date the source wrote otherwise is left out rather than made invalid. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

function commentXml(id: number, comment: RedlineComment): string {
  const head =
    attr('w:id', id) +
    attr('w:author', comment.author ?? '') +
    (comment.date !== undefined && DATE_TIME.test(comment.date) ? attr('w:date', comment.date) : '') +
    (comment.initials ? attr('w:initials', comment.initials) : '');
  // The first paragraph opens with the comment's mark (w:annotationRef), as Word writes it.
  const paragraphs = comment.text.split('\n').map((line, k) => `<w:p>${k === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}${line ? `<w:r>${textXml(line, false)}</w:r>` : ''}</w:p>`);
  return `<w:comment${head}>${paragraphs.join('')}</w:comment>`;
}

export function commentsPartXml(entries: ReadonlyArray<[number, RedlineComment]>): string {
  return XML_DECLARATION + `<w:comments xmlns:w="${W_NS}">${entries.map(([id, c]) => commentXml(id, c)).join('')}</w:comments>`;
}
