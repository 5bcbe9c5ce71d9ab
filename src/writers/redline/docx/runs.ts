/**
 * Spans → WordprocessingML runs with tracked-change wrappers (ECMA-376
 * §17.13.5): kept text as plain runs, deleted text in `w:del` (as
 * `w:delText`), inserted text in `w:ins`, moved text in `w:moveFrom` /
 * `w:moveTo`. Every revision gets a unique `w:id`, the author and the date.
 * Bold, italic, underline, strikethrough, highlight, colour, size and links come from each side's style runs at the
 * span's offset. Kept text whose bold, italic, underline, strikethrough, highlight, colour or size changed carries their formatting with
 * ours in `w:rPrChange` (§17.13.5.31), so rejecting restores ours; kept text
 * linked to another target is written as our linked words deleted and theirs
 * inserted, since a hyperlink has no tracked-change form of its own.
 * Hyperlinks (§17.16.22) wrap the revision wrappers, as the schema requires;
 * a jump inside the document is a `w:anchor` hyperlink to its carried bookmark.
 * A field's result is written inside the field (§17.16.18: begin, code,
 * separate, result, end); the field's own runs are tracked when only one side
 * has the field, so accepting or rejecting leaves the field whole or gone. A
 * field naming a bookmark is written as a field when the bookmark is in the
 * redline (bookmarks.ts), else as its result. Bookmarks sit among the runs,
 * outside revisions, as comment ranges do.
 * Reviewers' comments carried from either side are real Word comments, their
 * ranges placed among the runs by comments.ts.
 */
import type { Comment } from '../../../model/nodes.js';
import type { Format, RedlineBookmark, RedlineComment, Restyle, Span, StyleRun } from '../../../redline/types.js';
import { writable } from '../../../field-codes.js';
import { fieldEnd, fieldStart } from '../../docx/fields.js';
import { lookXml } from '../../docx/run-properties.js';
import { stripXmlForbidden } from '../../../xml-chars.js';
import { attr, escapeXml } from '../../docx/xml.js';
import { STYLE } from '../../docx/styles.js';
import { liveHref } from '../../../links.js';
import { anchorRanges, type AnchoredRange } from '../comments.js';
import { FirstUse } from '../first-use.js';
import type { Notes } from './notes.js';
import { lookPieces, splitKept } from '../restyled.js';

export type Mark = 'ins' | 'del' | 'moveFrom' | 'moveTo';

/** External link targets, each with the relationship id package.ts writes for it. */
export class Hyperlinks {
  private readonly numbers = new FirstUse<string>();

  /** Relationship id of a target, or undefined for one not safe to make clickable (liveHref). */
  id(target: string): string | undefined {
    const href = liveHref(target);
    return href === undefined ? undefined : `rIdLink${this.numbers.of(href)}`;
  }

  /** [relationship id, target] in first-use order. */
  entries(): Array<[string, string]> {
    return this.numbers.entries().map(([href, n]) => [`rIdLink${n}`, href]);
  }
}

/** A comment as the comments part writes it: its `w:id`, and the `w:id` of the comment its thread opens with. */
export interface CommentEntry {
  id: number;
  comment: Comment;
  parent?: number;
}

/**
 * Reviewers' comments, each with the `w:id` its range and its entry in the
 * comments part share. A reply has a range of its own over the same words as
 * the comment it answers, as Word writes a thread.
 */
export class Comments {
  private readonly numbers = new FirstUse<Comment>(0);
  private readonly parents = new Map<Comment, Comment>();

  /** The `w:id`s of a comment and of its replies, the comment's first. */
  ids(comment: Comment): number[] {
    const ids = [this.numbers.of(comment)];
    for (const reply of comment.replies ?? []) {
      this.parents.set(reply, comment);
      ids.push(this.numbers.of(reply));
    }
    return ids;
  }

  /** Every comment and reply in first-use order. */
  entries(): CommentEntry[] {
    return this.numbers.entries().map(([comment, id]) => {
      const parent = this.parents.get(comment);
      return parent ? { id, comment, parent: this.numbers.of(parent) } : { id, comment };
    });
  }
}

/** What every paragraph's runs share in one document: author, date, revision ids, hyperlinks, comments. */
export class Revisions {
  private next = 1;
  readonly hyperlinks = new Hyperlinks();
  readonly comments = new Comments();
  /** Footnotes and endnotes written as Word notes; without, a reference is written as its label. */
  notes: Notes | undefined;
  /** Names of the bookmarks the body carries: a field naming another is written as its result. */
  bookmarkNames: ReadonlySet<string> = new Set();
  private readonly bookmarkIds = new Map<string, number>();
  constructor(
    readonly author: string,
    /** ISO date-time, e.g. 2026-01-31T00:00:00Z. */
    readonly date: string,
  ) {}
  id(): number {
    return this.next++;
  }
  /** The `w:id` a bookmark's start and end share. */
  bookmarkId(name: string): number {
    let id = this.bookmarkIds.get(name);
    if (id === undefined) this.bookmarkIds.set(name, (id = this.id()));
    return id;
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
  for (const piece of stripXmlForbidden(text).split(/([\t\n])/)) {
    if (piece === '\t') out += '<w:tab/>';
    else if (piece === '\n') out += '<w:br/>';
    else if (piece) out += `<${tag} xml:space="preserve">${escapeXml(piece)}</${tag}>`;
  }
  return out;
}

/** The Hyperlink character style on text that will sit in a clickable link (rStyle comes first in w:rPr). */
function linkStyle(look: Format): string {
  return look.link !== undefined && liveHref(look.link) !== undefined ? `<w:rStyle w:val="${STYLE.hyperlink}"/>` : '';
}

/** A run's properties (`w:rPr` children) for a look: the Hyperlink style where clickable, then the look. */
function propsXml(look: Format): string {
  return linkStyle(look) + lookXml(look);
}

function runXml(text: string, look: Format, deleted: boolean): string {
  const props = propsXml(look);
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${textXml(text, deleted)}</w:r>`;
}

/** Runs that share a revision mark, a link target and a field. */
interface Segment {
  mark?: Mark;
  link?: string;
  /** The code of the field the runs are the result of. */
  field?: string;
  /** A comment's or bookmark's range edge: no text, so it may sit inside a field's result. */
  zeroWidth?: boolean;
  /** Kept text, in each side's look: a field whose result changed writes it again as each side's. */
  kept?: { text: string; ours: Format; theirs: Format };
  xml: string;
  /** A note reference, numbered when written: ids must rise in document order, and deletionsFirst reorders. */
  note?: { kind: 'footnote' | 'endnote'; shown: Shown };
}

/** A run formatted as theirs, recording our formatting as the tracked formatting change. */
function restyledRun(text: string, ours: Format, theirs: Format, revisions: Revisions): string {
  const change = `<w:rPrChange${revisions.attrs()}><w:rPr>${propsXml(ours)}</w:rPr></w:rPrChange>`;
  return `<w:r><w:rPr>${propsXml(theirs)}${change}</w:rPr>${textXml(text, false)}</w:r>`;
}

/** The field code the writer writes as a field: one naming a bookmark the body lacks is written as its result. */
function writtenField(look: Format, revisions: Revisions): string | undefined {
  return look.field !== undefined && writable(look.field, revisions.bookmarkNames) ? look.field : undefined;
}

function segment(mark: Mark | undefined, look: Format, xml: string, revisions: Revisions): Segment {
  const field = writtenField(look, revisions);
  // A jump inside the document ("#name") is written where the bookmark it names is carried.
  const link = look.link ?? (look.anchor !== undefined && revisions.bookmarkNames.has(look.anchor) ? `#${look.anchor}` : undefined);
  return { ...(mark ? { mark } : {}), ...(link !== undefined ? { link } : {}), ...(field !== undefined ? { field } : {}), xml };
}

/** Which sides show a stretch of text: kept text both, deleted or moved-away text ours, inserted or moved-in text theirs. */
type Shown = 'both' | 'ours' | 'theirs';

/** Where the style run holding `at` starts. */
function runStart(styles: readonly StyleRun[], at: number): number {
  let start = 0;
  for (const run of styles) {
    if (at < run.end) return start;
    start = run.end;
  }
  return start;
}

/**
 * Segments for `text` starting at `offset` of a side whose formatting is `styles`.
 * A note reference's mark is written once, where it starts, as a real reference.
 */
function styledSegments(
  text: string,
  offset: number,
  styles: readonly StyleRun[] | undefined,
  deleted: boolean,
  mark: Mark | undefined,
  shown: Shown,
  revisions: Revisions,
): Segment[] {
  const out: Segment[] = [];
  let at = offset;
  for (const { text: piece, look } of lookPieces(text, offset, styles)) {
    const notes = revisions.notes;
    if (look.note !== undefined && notes && styles) {
      if (runStart(styles, at) === at) out.push({ ...segment(mark, look, '', revisions), note: { kind: look.note, shown } });
    } else if (shown === 'both') out.push({ ...segment(mark, look, runXml(piece, look, deleted), revisions), kept: { text: piece, ours: look, theirs: look } });
    else out.push(segment(mark, look, runXml(piece, look, deleted), revisions));
    at += piece.length;
  }
  return out;
}

/** §17.11.14 footnoteReference (or endnoteReference), in superscript as Word shows it. */
function noteReferenceXml(kind: 'footnote' | 'endnote', id: number): string {
  return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
}

/**
 * Segments of kept text at `offset` of our text: restyled stretches as
 * formatting changes, or as a deletion and insertion when the link changed;
 * the rest as ours.
 */
function keptSegments(
  text: string,
  offset: number,
  input: ParagraphRunsInput,
  mark: Mark | undefined,
  revisions: Revisions,
): Segment[] {
  const out: Segment[] = [];
  let at = offset;
  for (const piece of splitKept(text, offset, input.restyled)) {
    const r = piece.restyle;
    if (!r) out.push(...styledSegments(piece.text, at, input.styles?.ours, false, mark, mark === 'moveTo' ? 'theirs' : 'both', revisions));
    // A link or a field has no tracked-change form of its own: changed, the words are replaced.
    else if (r.ours.link === r.theirs.link && writtenField(r.ours, revisions) === writtenField(r.theirs, revisions)) {
      // Only a field written as its result changed (REF → text): nothing to track.
      const same = propsXml(r.ours) === propsXml(r.theirs);
      const xml = same ? runXml(piece.text, r.theirs, false) : restyledRun(piece.text, r.ours, r.theirs, revisions);
      out.push({ ...segment(mark, r.theirs, xml, revisions), kept: { text: piece.text, ours: r.ours, theirs: r.theirs } });
    }
    // Moved here, our words with our link show at the old place; here they arrive as theirs.
    else if (mark === 'moveTo') out.push(segment(mark, r.theirs, runXml(piece.text, r.theirs, false), revisions));
    else out.push(segment('del', r.ours, runXml(piece.text, r.ours, true), revisions), segment('ins', r.theirs, runXml(piece.text, r.theirs, false), revisions));
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
  comments?: readonly RedlineComment[];
  bookmarks?: readonly RedlineBookmark[];
}

/**
 * A comment's range edge (§17.13.4.3–4); the end is followed by the
 * reference run that shows the comment's mark. Neither holds text, so they
 * sit outside revisions and links.
 */
function commentEdgeXml(edge: 'start' | 'end', id: number): string {
  return edge === 'start' ? `<w:commentRangeStart w:id="${id}"/>` : `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
}

/** The segments of one paragraph, in order. */
/** The note reference mark that is exactly `length` characters from `at` of a side, if one is. */
function wholeMarkAt(styles: readonly StyleRun[] | undefined, at: number, length: number): StyleRun | undefined {
  if (!styles || runStart(styles, at) !== at) return undefined;
  const run = styles.find((r) => r.end > at);
  return run?.note !== undefined && run.end === at + length ? run : undefined;
}

function segments(input: ParagraphRunsInput, revisions: Revisions): Segment[] {
  let ours = 0;
  let theirs = 0;
  const out: Segment[] = [];
  const ranges: Array<RedlineComment | RedlineBookmark> = [...(input.comments ?? []), ...(input.bookmarks ?? [])];
  const items = anchorRanges(input.spans, ranges);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (!('span' in item)) {
      const { range, edge } = item;
      const xml = 'name' in range ? bookmarkEdgeXml(edge, range.name, revisions) : revisions.comments.ids(range).map((id) => commentEdgeXml(edge, id)).join('');
      out.push({ xml, zeroWidth: true });
      continue;
    }
    const { span } = item;
    if (input.move === 'from') {
      if (span.kind === 'inserted') continue;
      out.push(...styledSegments(span.text, ours, input.styles?.ours, false, 'moveFrom', 'ours', revisions));
    } else if (input.move === 'to') {
      // Text deleted inside moved text cannot show here (rejecting would bring
      // it back at the new place); it shows at the old place. Text added
      // inside is an insertion, not moved text.
      if (span.kind === 'deleted') {
        ours += span.text.length;
        continue;
      }
      // Kept words are ours in our look, with their changes of look: kept text is our text, and
      // their offsets can drift from it where only spacing differs.
      if (span.kind === 'inserted') out.push(...styledSegments(span.text, theirs, input.styles?.theirs, false, 'ins', 'theirs', revisions));
      else out.push(...keptSegments(span.text, ours, input, 'moveTo', revisions));
    } else if (span.kind === 'kept') out.push(...keptSegments(span.text, ours, input, undefined, revisions));
    else if (span.kind === 'deleted' && renumbered(span.text, items[k + 1], ours, theirs, input, revisions)) {
      // One note renumbered by another added or removed before it ("[1]" → "[2]"): Word numbers
      // notes itself, so it is one reference kept, its note compared with its counterpart.
      const kind = wholeMarkAt(input.styles?.ours, ours, span.text.length)!.note!;
      const next = items[++k] as { span: Span };
      ours += span.text.length;
      theirs += next.span.text.length;
      out.push({ xml: '', note: { kind, shown: 'both' } });
      continue;
    } else if (span.kind === 'deleted') out.push(...styledSegments(span.text, ours, input.styles?.ours, true, 'del', 'ours', revisions));
    else out.push(...styledSegments(span.text, theirs, input.styles?.theirs, false, 'ins', 'theirs', revisions));
    if (span.kind !== 'inserted') ours += span.text.length;
    if (span.kind !== 'deleted') theirs += span.text.length;
  }
  return out;
}

/** A bookmark's edge (§17.13.6.1–2): no text, so outside revisions like a comment's. */
function bookmarkEdgeXml(edge: 'start' | 'end', name: string, revisions: Revisions): string {
  const id = revisions.bookmarkId(name);
  return edge === 'start' ? `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(name)}"/>` : `<w:bookmarkEnd w:id="${id}"/>`;
}

/** Whether a deleted mark and the insertion after it are one note reference of each side, of one kind. */
function renumbered(text: string, next: AnchoredRange<RedlineComment | RedlineBookmark> | undefined, ours: number, theirs: number, input: ParagraphRunsInput, revisions: Revisions): boolean {
  if (!revisions.notes || !next || !('span' in next) || next.span.kind !== 'inserted') return false;
  const a = wholeMarkAt(input.styles?.ours, ours, text.length);
  const b = wholeMarkAt(input.styles?.theirs, theirs, next.span.text.length);
  return a !== undefined && b !== undefined && a.note === b.note;
}

/**
 * Within each stretch of deletions and insertions with nothing kept between,
 * deletions first: accepting or rejecting gives the same text in any order,
 * and a link changed with its words reads as one replacement ("old link" then
 * "new link") rather than alternating pieces.
 */
function deletionsFirst(all: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < all.length; ) {
    const mark = all[k]!.mark;
    if (mark !== 'del' && mark !== 'ins') {
      out.push(all[k++]!);
      continue;
    }
    const stretch: Segment[] = [];
    while (k < all.length && (all[k]!.mark === 'del' || all[k]!.mark === 'ins')) stretch.push(all[k++]!);
    for (const s of stretch) if (s.mark === 'del') out.push(s);
    for (const s of stretch) if (s.mark === 'ins') out.push(s);
  }
  return out;
}

/** Runs of one paragraph (or table cell): fields outside, then hyperlinks, then revision wrappers. */
export function paragraphRuns(input: ParagraphRunsInput, revisions: Revisions): string {
  const all = inFields(deletionsFirst(segments(input, revisions)));
  let out = '';
  for (let k = 0; k < all.length; ) {
    const field = all[k]!.field;
    let end = k + 1;
    while (end < all.length && all[end]!.field === field) end++;
    out += field === undefined ? linkedRuns(all.slice(k, end), revisions) : fieldXml(field, all.slice(k, end), revisions);
    k = end;
  }
  return out;
}

/** A range edge (comment, bookmark) between two segments of one field's result belongs to that field (else it would split it in two). */
function inFields(all: Segment[]): Segment[] {
  for (let k = 0; k < all.length; k++) {
    if (!all[k]!.zeroWidth || k === 0) continue;
    const field = all[k - 1]!.field;
    let next = k + 1;
    while (next < all.length && all[next]!.zeroWidth) next++;
    if (field !== undefined && all[next]?.field === field) all[k] = { ...all[k]!, field };
  }
  return all;
}

/**
 * One field's runs: its result's segments between its own begin/code/separate
 * and end runs. Those are tracked as the side that lacks the field would
 * have it: inserted (or moved in) when only their text shows the field,
 * deleted (or moved away) when only ours does, untracked when both do and
 * its result is unchanged. A field both have whose result changed is written
 * twice, ours deleted and theirs inserted: a field's result is one value, and
 * LibreOffice reads a field's result whole, tracked changes inside it included.
 */
function fieldXml(code: string, group: readonly Segment[], revisions: Revisions): string {
  const text = group.filter((s) => !s.zeroWidth);
  const ours = text.some((s) => s.mark === undefined || s.mark === 'del' || s.mark === 'moveFrom');
  const theirs = text.some((s) => s.mark === undefined || s.mark === 'ins' || s.mark === 'moveTo');
  if (ours && theirs && text.some((s) => s.mark === 'del' || s.mark === 'ins')) {
    const side = (mark: 'del' | 'ins'): Segment[] =>
      group.flatMap((s): Segment[] => {
        if (s.kept) {
          const look = mark === 'del' ? s.kept.ours : s.kept.theirs;
          return [segment(mark, look, runXml(s.kept.text, look, mark === 'del'), revisions)];
        }
        if (s.zeroWidth) return mark === 'del' ? [s] : [];
        return s.mark === mark ? [s] : [];
      });
    return trackedField(code, 'del', side('del'), revisions) + trackedField(code, 'ins', side('ins'), revisions);
  }
  const mark: Mark | undefined =
    ours && theirs ? undefined : ours ? (text.some((s) => s.mark === 'moveFrom') ? 'moveFrom' : 'del') : text.some((s) => s.mark === 'moveTo') ? 'moveTo' : 'ins';
  return trackedField(code, mark, group, revisions);
}

/** A field's own runs tracked with `mark` (untracked without), its result's segments between them. */
function trackedField(code: string, mark: Mark | undefined, result: readonly Segment[], revisions: Revisions): string {
  const wrap = (xml: string) => (mark ? `<w:${mark}${revisions.attrs()}>${xml}</w:${mark}>` : xml);
  const start = wrap(fieldStart(code, '', mark === 'del' || mark === 'moveFrom'));
  return start + linkedRuns(result, revisions) + wrap(fieldEnd());
}

/** Segments as runs: hyperlinks outside, revision wrappers inside. */
function linkedRuns(all: readonly Segment[], revisions: Revisions): string {
  let out = '';
  for (let k = 0; k < all.length; ) {
    const link = all[k]!.link;
    let inner = '';
    for (; k < all.length && all[k]!.link === link; ) {
      const mark = all[k]!.mark;
      let body = '';
      for (; k < all.length && all[k]!.link === link && all[k]!.mark === mark; k++) {
        const { note, xml } = all[k]!;
        body += note ? noteReferenceXml(note.kind, revisions.notes!.reference(note.kind, note.shown)) : xml;
      }
      inner += mark ? `<w:${mark}${revisions.attrs()}>${body}</w:${mark}>` : body;
    }
    if (link?.startsWith('#')) {
      out += `<w:hyperlink w:anchor="${escapeXml(link.slice(1))}" w:history="1">${inner}</w:hyperlink>`;
      continue;
    }
    const id = link !== undefined ? revisions.hyperlinks.id(link) : undefined;
    out += id ? `<w:hyperlink r:id="${id}" w:history="1">${inner}</w:hyperlink>` : inner;
  }
  return out;
}

/** `w:rPr` inside `w:pPr` marking the paragraph mark itself as a revision. */
export function paragraphMarkXml(mark: Mark | undefined, revisions: Revisions): string {
  return mark ? `<w:rPr><w:${mark}${revisions.attrs()}/></w:rPr>` : '';
}
