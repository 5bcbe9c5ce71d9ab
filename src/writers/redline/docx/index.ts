/**
 * Redline → DOCX with real tracked changes: our document with their changes as
 * `w:ins`/`w:del` (author, date, unique ids), moves as `w:moveFrom`/`w:moveTo`,
 * our numbering as Word numbering, and — when <ours> was a DOCX — our own
 * styles, fonts and page (look.ts); reviewers' comments from either side as
 * Word comments. Accepting every change in Word gives their
 * text; rejecting every change gives ours (tested on the written bytes by
 * `acceptAllDocx`/`rejectAllDocx`).
 *
 * Deterministic: no clock, no randomness; the same redline and date give the
 * same bytes.
 */
import type { Redline } from '../../../redline/types.js';
import type { HeaderFooterText } from '../../../readers/types.js';
import { bodyXml, type TheirStyles } from './body.js';
import { commentsExtendedXml, commentsPartXml, threaded } from './comments-part.js';
import { headerFooterRevisions } from './header-footer-revisions.js';
import { styleIds, theirStyles, type DocxLook } from './look.js';
import { isNotesPart, Notes } from './notes.js';
import { RedlineNumbering } from './numbering.js';
import { redlinePackage } from './package.js';
import { Revisions } from './runs.js';

export interface RedlineDocxOptions {
  /** Author of every revision, e.g. the counterparty's name (default "Counterparty"). */
  author?: string;
  /** YYYY-MM-DD stamped on every revision and the package (default 2000-01-01). */
  date?: string;
  /** Our DOCX's look (styles, theme, fonts, page, paragraph styles) when <ours> was a DOCX; see look.ts. */
  look?: DocxLook;
  /**
   * Their DOCX's style sheet and paragraph styles, when <theirs> was a DOCX too: with our
   * look, a paragraph only they have keeps its own style, brought over if ours lacks it.
   * Their tables' look gives the numbering level of each numbered paragraph in their cells.
   */
  theirLook?: Pick<DocxLook, 'styles' | 'paragraphStyles' | 'defaultParagraphStyle' | 'tables'>;
  /**
   * Their DOCX's headers and footers, when <theirs> was a DOCX: with our look, where their
   * words differ from those of our header or footer for the same pages, the difference is
   * tracked in ours (header-footer-revisions.ts).
   */
  theirHeadersFooters?: readonly HeaderFooterText[];
}

/**
 * Write a redline as DOCX bytes.
 * @example writeFileSync('r.docx', writeRedlineDocx(redline(ours, theirs), { author: 'Acme', date: '2026-02-01' }))
 */
export function writeRedlineDocx(redline: Redline, options: RedlineDocxOptions = {}): Uint8Array {
  const author = options.author ?? 'Counterparty';
  const date = options.date ?? '2000-01-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`writeRedlineDocx: date must be YYYY-MM-DD, got ${date}`);
  const { look, theirLook } = options;
  const page = look?.page;
  const ourIds = styleIds(look?.styles);
  /** The body, with footnotes and endnotes as Word notes when they pair up with their references (notes.ts). */
  const render = (asNotes: boolean) => {
    const revisions = new Revisions(author, `${date}T00:00:00Z`);
    revisions.notes = asNotes ? Notes.of(redline.clauses) : undefined;
    const clauses = revisions.notes ? redline.clauses.filter((c) => !isNotesPart(c)) : redline.clauses;
    // The bookmarks the body will hold (notes written as Word notes carry none).
    revisions.bookmarkNames = new Set(clauses.flatMap((c) => c.paragraphs.flatMap((p) => (p.bookmarks ?? []).map((b) => b.name))));
    const numbering = new RedlineNumbering(clauses);
    const theirs: TheirStyles | undefined =
      look?.styles !== undefined && theirLook?.styles !== undefined
        ? { paragraphStyles: theirLook.paragraphStyles, defaultStyle: theirLook.defaultParagraphStyle, ours: ourIds, defined: styleIds(theirLook.styles), imported: new Set() }
        : undefined;
    const body = bodyXml(clauses, numbering, revisions, {
      ...(look ? { paragraphStyles: look.paragraphStyles, paragraphLayouts: look.paragraphLayouts, tableGrids: look.tableGrids, tables: look.tables ?? {} } : {}),
      ...(page ? { textWidth: page.width - page.margins.left - page.margins.right } : {}),
      ...(theirs ? { theirs } : {}),
      ...(theirLook?.tables ? { theirTables: theirLook.tables } : {}),
    });
    return { revisions, numbering, body, imported: theirs?.imported };
  };
  let { revisions, numbering, body, imported } = render(true);
  if (revisions.notes && !revisions.notes.complete()) ({ revisions, numbering, body, imported } = render(false));
  const theirStyleXml = imported && imported.size > 0 && theirLook?.styles ? theirStyles(theirLook.styles, imported, ourIds) : '';
  const notes = revisions.notes;
  const noteParts = notes ? { ...(notes.has('footnote') ? { footnotes: notes.partXml('footnote', revisions) } : {}), ...(notes.has('endnote') ? { endnotes: notes.partXml('endnote', revisions) } : {}) } : {};
  const title = redline.theirs.title || redline.ours.title;
  const hyperlinks = revisions.hyperlinks.entries();
  const comments = revisions.comments.entries();
  // After the body and notes, so the headers' revision ids follow theirs.
  const tracked = look && options.theirHeadersFooters ? headerFooterRevisions(look.headersFooters, options.theirHeadersFooters, revisions, {
          ...(look.styles !== undefined ? { ours: look.styles } : {}),
          ...(theirLook?.styles !== undefined ? { theirs: theirLook.styles } : {}),
        }) : undefined;
  const headerFooterXml = new Map([...(tracked ?? [])].flatMap(([key, r]) => ('xml' in r ? [[key, r.xml] as const] : [])));
  return redlinePackage({
    body,
    numbering: numbering.toXml(),
    title: title ? `Redline: ${title}` : 'Redline',
    author,
    date,
    hyperlinks,
    ...noteParts,
    ...(comments.length > 0 ? { comments: { part: commentsPartXml(comments), ...(threaded(comments) ? { extended: commentsExtendedXml(comments) } : {}) } } : {}),
    ...(look ? { look } : {}),
    ...(headerFooterXml.size > 0 ? { headerFooterXml } : {}),
    ...(theirStyleXml ? { theirStyles: theirStyleXml } : {}),
  });
}
