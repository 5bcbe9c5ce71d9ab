/**
 * Spans → WordprocessingML runs with tracked-change wrappers (ECMA-376
 * §17.13.5): kept text as plain runs, deleted text in `w:del` (as
 * `w:delText`), inserted text in `w:ins`, moved text in `w:moveFrom` /
 * `w:moveTo`. Every revision gets a unique `w:id`, the author and the date.
 * Bold and italic come from each side's style runs at the span's offset;
 * kept text whose formatting changed carries their formatting with ours in
 * `w:rPrChange` (§17.13.5.31), so rejecting restores our bold and italic.
 */
import type { Format, Restyle, Span, StyleRun } from '../../../redline/types.js';
import { attr, escapeXml, stripForbiddenChars } from '../../docx/xml.js';
import { splitKept } from '../restyled.js';

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

function formatXml(bold?: boolean, italic?: boolean): string {
  return `${bold ? '<w:b/><w:bCs/>' : ''}${italic ? '<w:i/><w:iCs/>' : ''}`;
}

function rPr(bold?: boolean, italic?: boolean): string {
  if (!bold && !italic) return '';
  return `<w:rPr>${formatXml(bold, italic)}</w:rPr>`;
}

/** A run formatted as theirs, recording our formatting as the tracked formatting change. */
function restyledRun(text: string, ours: Format, theirs: Format, revisions: Revisions): string {
  const change = `<w:rPrChange${revisions.attrs()}><w:rPr>${formatXml(ours.bold, ours.italic)}</w:rPr></w:rPrChange>`;
  return `<w:r><w:rPr>${formatXml(theirs.bold, theirs.italic)}${change}</w:rPr>${textXml(text, false)}</w:r>`;
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

/** Runs of kept text at `offset` of our text: restyled stretches as formatting changes, the rest as ours. */
function keptRuns(text: string, offset: number, styles: readonly StyleRun[] | undefined, restyled: readonly Restyle[], revisions: Revisions): string {
  let out = '';
  let at = offset;
  for (const piece of splitKept(text, offset, restyled)) {
    out += piece.restyle
      ? restyledRun(piece.text, piece.restyle.ours, piece.restyle.theirs, revisions)
      : styledRuns(piece.text, at, styles, false);
    at += piece.text.length;
  }
  return out;
}

export interface ParagraphRunsInput {
  spans: readonly Span[];
  styles?: { ours?: StyleRun[]; theirs?: StyleRun[] };
  restyled?: Restyle[];
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
  const restyled = input.restyled ?? [];
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
      if (span.kind === 'deleted') {
        ours += span.text.length;
        continue;
      }
      mark = span.kind === 'inserted' ? 'ins' : 'moveTo';
      xml =
        span.kind === 'kept' && restyled.length > 0
          ? keptRuns(span.text, ours, input.styles?.ours, restyled, revisions)
          : styledRuns(span.text, theirs, input.styles?.theirs, false);
    } else if (span.kind === 'kept') xml = keptRuns(span.text, ours, input.styles?.ours, restyled, revisions);
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
