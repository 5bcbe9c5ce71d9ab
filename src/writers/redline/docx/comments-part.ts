/**
 * The comments part (ECMA-376 §17.13.4.2): each reviewer's comment carried
 * into the redline, under the `w:id` its range in document.xml uses, with
 * its author, initials and date as the source had them. Threads (replies,
 * resolved comments) are Word 2013's extension: commentsExtended.xml names
 * each comment by the `w14:paraId` of its last paragraph and gives the
 * comment it replies to and whether it is done ([MS-DOCX] 2.5.1).
 */
import type { Comment } from '../../../model/nodes.js';
import { attr, W_NS, XML_DECLARATION } from '../../docx/xml.js';
import type { CommentEntry } from './runs.js';
import { textXml } from './runs.js';

const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** xsd:dateTime as w:date requires; a date the source wrote otherwise is left out rather than made invalid. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** A paraId from a comment's id: eight hex digits below 0x80000000, as [MS-DOCX] requires, in a range Word's own ids seldom use. */
const paraId = (id: number) => (0x7c000000 + id).toString(16).toUpperCase();

/** Whether any comment needs commentsExtended.xml: a thread, or one marked done. */
export function threaded(entries: readonly CommentEntry[]): boolean {
  return entries.some((e) => e.parent !== undefined || e.comment.done === true);
}

function commentXml(id: number, comment: Comment, withParaId: boolean): string {
  const head =
    attr('w:id', id) +
    attr('w:author', comment.author ?? '') +
    (comment.date !== undefined && DATE_TIME.test(comment.date) ? attr('w:date', comment.date) : '') +
    (comment.initials ? attr('w:initials', comment.initials) : '');
  // The first paragraph opens with the comment's mark (w:annotationRef), as Word writes it; the last names the comment for its thread.
  const lines = comment.text.split('\n');
  const paragraphs = lines.map((line, k) => {
    const pId = withParaId && k === lines.length - 1 ? attr('w14:paraId', paraId(id)) : '';
    return `<w:p${pId}>${k === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}${line ? `<w:r>${textXml(line, false)}</w:r>` : ''}</w:p>`;
  });
  return `<w:comment${head}>${paragraphs.join('')}</w:comment>`;
}

export function commentsPartXml(entries: readonly CommentEntry[]): string {
  const withParaIds = threaded(entries);
  // w14 is not in ECMA-376's schema: declared ignorable, so a consumer that does not know it reads on.
  const namespaces = withParaIds ? ` xmlns:w14="${W14}" xmlns:mc="${MC}" mc:Ignorable="w14"` : '';
  return XML_DECLARATION + `<w:comments xmlns:w="${W_NS}"${namespaces}>${entries.map((e) => commentXml(e.id, e.comment, withParaIds)).join('')}</w:comments>`;
}

/** commentsExtended.xml: each comment's parent in its thread and whether it is done. */
export function commentsExtendedXml(entries: readonly CommentEntry[]): string {
  const ex = entries.map(
    (e) => `<w15:commentEx${attr('w15:paraId', paraId(e.id))}${e.parent !== undefined ? attr('w15:paraIdParent', paraId(e.parent)) : ''}${attr('w15:done', e.comment.done ? 1 : 0)}/>`,
  );
  return XML_DECLARATION + `<w15:commentsEx xmlns:w15="${W15}" xmlns:mc="${MC}" mc:Ignorable="w15">${ex.join('')}</w15:commentsEx>`;
}
