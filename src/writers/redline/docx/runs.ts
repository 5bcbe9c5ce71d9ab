/**
 * Spans → WordprocessingML runs with tracked-change wrappers (ECMA-376
 * §17.13.5): kept text as plain runs, deleted text in `w:del` (as
 * `w:delText`), inserted text in `w:ins`, moved text in `w:moveFrom` /
 * `w:moveTo`. Every revision gets a unique `w:id`, the author and the date.
 * Bold and italic come from each side's style runs at the span's offset.
 */
import type { Span, StyleRun } from '../../../redline/types.js';
import { attr, escapeXml, stripForbiddenChars } from '../../docx/xml.js';

export type Mark = 'ins' | 'del' | 'moveFrom' | 'moveTo';

/** Author, date and the running revision id of one document. */
export class Revisions {
  private next = 1;
  constructor(
    readonly author: string,
    /** ISO date-time, e.g. 2026-01-31T00:00:00Z. */
    readonly date: string,
  ) {}
  id(): number {
    return this.next++;
  }
  /** Attributes of a revision element: id, author, date. */
  attrs(): string {
    return `${attr('w:id', this.id())}${attr('w:author', this.author)}${attr('w:date', this.date)}`;
  }
}

/** Text as run content: '\t' → w:tab, '\n' → w:br; deleted text uses w:delText. */
export function textXml(text: string, deleted: boolean): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  let out = '';
  for (const piece of stripForbiddenChars(text).split(/([\t\n])/)) {
    if (piece === '\t') out += '<w:tab/>';
    else if (piece === '\n') out += '<w:br/>';
    else if (piece) out += `<${tag} xml:space="preserve">${escapeXml(piece)}</${tag}>`;
  }
  return out;
}

function rPr(bold?: boolean, italic?: boolean): string {
  if (!bold && !italic) return '';
  return `<w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}${italic ? '<w:i/><w:iCs/>' : ''}</w:rPr>`;
}

/** Runs for `text` starting at `offset` of a side whose formatting is `styles`. */
function styledRuns(text: string, offset: number, styles: readonly StyleRun[] | undefined, deleted: boolean): string {
  if (!styles || styles.length === 0) return `<w:r>${textXml(text, deleted)}</w:r>`;
  let out = '';
  let at = 0;
  for (const run of styles) {
    const end = run.end - offset;
    if (end <= at) continue;
    const piece = text.slice(at, end);
    if (piece) out += `<w:r>${rPr(run.bold, run.italic)}${textXml(piece, deleted)}</w:r>`;
    at = end;
    if (at >= text.length) break;
  }
  if (at < text.length) out += `<w:r>${textXml(text.slice(at), deleted)}</w:r>`;
  return out;
}

export interface ParagraphRunsInput {
  spans: readonly Span[];
  styles?: { ours?: StyleRun[]; theirs?: StyleRun[] };
  /** 'from': everything is moving away; 'to': everything arrived by a move. */
  move?: 'from' | 'to';
}

/** Runs of one paragraph (or table cell) with its revision wrappers. */
export function paragraphRuns(input: ParagraphRunsInput, revisions: Revisions): string {
  let ours = 0;
  let theirs = 0;
  let out = '';
  let open: Mark | undefined;
  let body = '';
  const flush = () => {
    if (body) out += open ? `<w:${open}${revisions.attrs()}>${body}</w:${open}>` : body;
    body = '';
  };
  for (const span of input.spans) {
    let mark: Mark | undefined;
    let xml = '';
    if (input.move === 'from') {
      if (span.kind === 'inserted') continue;
      mark = 'moveFrom';
      xml = styledRuns(span.text, ours, input.styles?.ours, false);
    } else if (input.move === 'to') {
      // Text deleted inside moved text cannot show here (rejecting would bring
      // it back at the new place); it shows at the old place. Text added
      // inside is an insertion, not moved text.
      if (span.kind === 'deleted') continue;
      mark = span.kind === 'inserted' ? 'ins' : 'moveTo';
      xml = styledRuns(span.text, theirs, input.styles?.theirs, false);
    } else if (span.kind === 'kept') xml = styledRuns(span.text, ours, input.styles?.ours, false);
    else if (span.kind === 'deleted') {
      mark = 'del';
      xml = styledRuns(span.text, ours, input.styles?.ours, true);
    } else {
      mark = 'ins';
      xml = styledRuns(span.text, theirs, input.styles?.theirs, false);
    }
    if (span.kind !== 'inserted') ours += span.text.length;
    if (span.kind !== 'deleted') theirs += span.text.length;
    if (mark !== open) {
      flush();
      open = mark;
    }
    body += xml;
  }
  flush();
  return out;
}

/** `w:rPr` inside `w:pPr` marking the paragraph mark itself as a revision. */
export function paragraphMarkXml(mark: Mark | undefined, revisions: Revisions): string {
  return mark ? `<w:rPr><w:${mark}${revisions.attrs()}/></w:rPr>` : '';
}
