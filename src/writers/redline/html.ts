/**
 * Redline → a standalone HTML page for negotiators: a summary table (clauses
 * changed/added/deleted/moved, words inserted/deleted), a legend, then the
 * text in its bold, italic, underline and links, with `<ins>`/`<del>` and formatting
 * changes flagged, each clause flagged by status, moves linked both ways,
 * renumbered clauses showing their new number with the old one beside, and
 * reviewers' comments from either DOCX: the words highlighted and numbered,
 * each note under its paragraph.
 */
import { moveSide } from '../../redline/apply.js';
import { headerFooterName } from '../../redline/headers-footers.js';
import type { ClauseRedline, Format, HeaderFooterRedline, Labels, ParagraphRedline, Redline, RedlineComment, Span } from '../../redline/types.js';
import { escapeHtml } from '../html/escape.js';
import { cellAttributes } from '../html/cells.js';
import { liveHref } from '../../links.js';
import { colorTag, markTag, sizeTag } from '../look-tags.js';
import { cellComments, cellLooks, cellParagraphs, movedLabel, originalComment, paragraphLabels, shownCellShapes, shownLabel, splitCells, splitParagraphs } from './cells.js';
import { commentByline, quotedAnchor } from './comments.js';
import { FirstUse } from './first-use.js';
import { REDLINE_CSS } from './html-style.js';
import { noteText, type NotesOption } from './notes-on-drafts.js';
import { describeRestyle } from '../../redline/describe-restyle.js';
import { linkTarget, markSpans, type CommentMarkup, type SpanMarkup } from './restyled.js';

const STATUS_TEXT: Record<string, string> = { changed: 'changed', added: 'added', deleted: 'deleted', moved: 'moved' };

function labelHtml(l: Labels | undefined, cls: string): string {
  if (!l) return '';
  const now = l.theirs ?? l.ours;
  const was = l.ours !== undefined && l.theirs !== undefined && l.ours !== l.theirs ? `<span class="was">(was ${escapeHtml(l.ours)})</span>` : '';
  return `<span class="${cls}">${escapeHtml(now ?? '')}${was}</span> `;
}

function text(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>');
}

/** Text in its look: bold, italic, underline, strikethrough, colour, size, highlight, and a link when its target is safe to open (else the target as a title). */
function styled(piece: string, look: Format): string {
  let out = text(piece);
  // Spaces show no bold, italic, underline, colour or size; a highlighter's background they do.
  if (piece.trim()) {
    if (look.underline) out = `<u>${out}</u>`;
    if (look.strike) out = `<s>${out}</s>`;
    if (look.italic) out = `<em>${out}</em>`;
    if (look.bold) out = `<strong>${out}</strong>`;
    if (look.color) out = colorTag(look.color, out);
    if (look.size !== undefined) out = sizeTag(look.size, out);
    // A note's reference as Word shows it: its label raised.
    if (look.note !== undefined) out = `<sup class="note-ref" title="${look.note}">${out}</sup>`;
  }
  if (look.highlight) out = markTag(look.highlight, out);
  // A jump inside the document has no place to go on this page: its target is the title.
  const target = linkTarget(look);
  if (target === undefined) return out;
  const href = liveHref(target);
  return href ? `<a href="${escapeHtml(href)}" rel="noreferrer">${out}</a>` : `<span class="link" title="${escapeHtml(target)}">${out}</span>`;
}

/** A stretch whose bold, italic, underline, strikethrough, highlight, colour, size or link changed shows as theirs, flagged, with the change as its title. */
const HTML_MARKUP: SpanMarkup = {
  kept: styled,
  restyled: (piece, restyle) => `<span class="restyled" title="${escapeHtml(describeRestyle(restyle))}">${styled(piece, restyle.theirs)}</span>`,
  inserted: (piece, look) => `<ins>${styled(piece, look)}</ins>`,
  deleted: (piece, look) => `<del>${styled(piece, look)}</del>`,
};

/**
 * Reviewers' comments numbered in reading order: the commented words are
 * highlighted, a number after them leads to the note under the paragraph,
 * and the note's number leads back.
 */
class CommentNumbers {
  private readonly numbers = new FirstUse<RedlineComment>();

  of(comment: RedlineComment): number {
    return this.numbers.of(originalComment(comment));
  }

  readonly markup: CommentMarkup = {
    within: (html) => `<span class="commented">${html}</span>`,
    end: (comment) => {
      const n = this.of(comment);
      return `<sup class="cref"><a href="#note-${n}" id="ref-${n}">${n}</a></sup>`;
    },
  };
}

function spansHtml(p: Pick<ParagraphRedline, 'spans' | 'restyled' | 'styles' | 'comments'>, side: 'from' | 'to' | undefined, numbers: CommentNumbers): string {
  const comments = { list: p.comments, markup: numbers.markup };
  // Moving away, the paragraph is ours as it was.
  if (side === 'from') return `<span class="move-from">${markSpans(p.spans.filter((s) => s.kind !== 'inserted'), undefined, { ...HTML_MARKUP, deleted: styled }, p.styles, comments)}</span>`;
  const body = markSpans(p.spans, p.restyled, HTML_MARKUP, p.styles, comments);
  return side === 'to' ? `<span class="move-to">${body}</span>` : body;
}

function moveNote(clause: ClauseRedline, p: ParagraphRedline): string {
  const move = p.move && !clause.move ? p.move : undefined;
  if (!move) return '';
  const there = move.side === 'from' ? 'to' : 'from';
  return ` <a class="move-note" id="${move.id}-${move.side}" href="#${move.id}-${there}">moved ${there === 'to' ? 'to ↓' : 'from ↑'}</a>`;
}

/** The comments on some paragraphs, as numbered notes: who, when, which side, the words they are on, the comment. */
function commentsHtml(paragraphs: readonly ParagraphRedline[], numbers: CommentNumbers): string {
  const notes = paragraphs.flatMap((p) =>
    (p.comments ?? []).map((c) => {
      const n = numbers.of(c);
      const on = quotedAnchor(p.spans, c);
      return (
        `<p class="comment ${c.side}" id="note-${n}"><a class="num" href="#ref-${n}">${n}</a> <span class="who">${escapeHtml(commentByline(c, c.side))}</span> <span class="side">${c.side}</span>` +
        `${c.done ? ' <span class="done">resolved</span>' : ''}${on ? ` <span class="on">on ${escapeHtml(on)}</span>` : ''}<br>${text(c.text)}` +
        (c.replies ?? []).map((r) => `<span class="reply"><span class="who">${escapeHtml(commentByline(r, c.side))}</span> replied:<br>${text(r.text)}</span>`).join('') +
        '</p>'
      );
    }),
  );
  return notes.length > 0 ? `<aside class="comments">${notes.join('')}</aside>` : '';
}

function rowsHtml(clause: ClauseRedline, rows: ParagraphRedline[], numbers: CommentNumbers): string {
  // A table whose rows open clauses is cut into one table per clause: fixed columns keep them lined up.
  let out = clause.kind === 'clause' && clause.paragraphs[0]?.kind === 'tableRow' ? '<table class="rows" style="table-layout:fixed">' : '<table class="rows">';
  for (const row of rows) {
    const side = moveSide(clause, row);
    const cls = row.status === 'inserted' || side === 'to' ? ' class="row-ins"' : row.status === 'deleted' || side === 'from' ? ' class="row-del"' : '';
    const cells = splitCells(row.spans);
    const shapes = shownCellShapes(row, row.status === 'inserted' || side === 'to', cells.length);
    const comments = cellComments(row.comments, cells);
    const looks = cellLooks(row, cells);
    // A numbered cell paragraph shows its number as a label beside its words: "4 (was 3)" when renumbered.
    const cellHtml = (cell: Span[], c: number) =>
      row.cellLabels
        ? cellParagraphs(row, c, cell, looks[c]!, comments[c])
            .map((p) => labelHtml(movedLabel(p.label, side === 'from'), 'label') + spansHtml(p, side, numbers))
            .join('<br>')
        : spansHtml({ spans: cell, ...looks[c], ...(comments[c] ? { comments: comments[c] } : {}) }, side, numbers);
    out += `<tr${cls}>${cells.map((cell, c) => `<td${shapes ? cellAttributes(shapes[c]!) : ''}>${cellHtml(cell, c)}</td>`).join('')}</tr>`;
  }
  return out + '</table>' + commentsHtml(rows, numbers);
}

function paragraphHtml(clause: ClauseRedline, p: ParagraphRedline, first: boolean, numbers: CommentNumbers): string {
  const side = moveSide(clause, p);
  const body = spansHtml(p, side, numbers) + moveNote(clause, p);
  if (p.kind === 'heading') {
    const level = Math.min(4, clause.depth + 2);
    return `<h${level}>${first ? labelHtml(clause.number, 'num') : ''}${body}</h${level}>`;
  }
  const indent = p.list ? ` style="margin-left:${(p.list.level + 1) * 1.6}em"` : '';
  const label = p.kind === 'listItem' && !p.list?.continued ? labelHtml(p.label, 'label') || (p.list?.ordered ? '' : '<span class="label">•</span> ') : '';
  return `<p${indent}>${first ? labelHtml(clause.number, 'num') : ''}${label}${body}</p>`;
}

/** The anchor of a clause's section: a move's end by its name, any other clause by its place. */
function sectionId(clause: ClauseRedline, index: number): string {
  return clause.move ? `${clause.move.id}-${clause.move.side}` : `c${index + 1}`;
}

/** Words of some spans as the side shown has them, cut to about `most` characters. */
function shownWords(spans: readonly Span[], ours: boolean, most: number): string {
  const words = spans.filter((s) => s.kind === 'kept' || s.kind === (ours ? 'deleted' : 'inserted')).map((s) => s.text).join('').replace(/\s+/g, ' ').trim();
  return words.length > most ? `${words.slice(0, most - 2).trimEnd()}…` : words;
}

/**
 * A clause's heading (or first words) as the side it shows has them: ours when deleted or moving away.
 * A clause that opens with a table row (a bilingual agreement's: Chinese beside English) shows each
 * cell's words, cut to fit, separated by " | ".
 */
function clauseTitle(clause: ClauseRedline): string {
  const first = clause.paragraphs[0];
  if (!first) return '';
  const ours = clause.status === 'deleted' || clause.move?.side === 'from';
  if (clause.kind === 'clause' && first.kind === 'tableRow') {
    const cells = splitCells(first.spans);
    const most = Math.max(24, Math.floor(90 / cells.length));
    return cells
      .map((cell, c) => {
        const label = first.cellLabels ? shownLabel(paragraphLabels(first, c, splitParagraphs(cell))[0], ours) : undefined;
        const words = shownWords(cell, ours, most);
        return label !== undefined && words !== '' ? `${label} ${words}` : words;
      })
      .filter((words) => words !== '')
      .join(' | ');
  }
  return shownWords(first.spans, ours, 90);
}

/** Most lists of changes are read whole; a very long one starts folded. */
const OPEN_INDEX_UP_TO = 60;

/** The title and every clause that changed, linked to its place in the text, so a negotiator can go from change to change. */
function indexHtml(clauses: readonly ClauseRedline[]): string {
  const entries: string[] = [];
  clauses.forEach((clause, k) => {
    // A move is listed once, where the clause now is.
    if (clause.status === 'unchanged' || clause.move?.side === 'from') return;
    const number = clause.number?.theirs ?? clause.number?.ours;
    const label = clause.move ? 'moved' : (STATUS_TEXT[clause.status] ?? clause.status);
    entries.push(
      `<li><a href="#${sectionId(clause, k)}">${clause.kind === 'title' ? 'Title: ' : ''}${number ? `<span class="num">${escapeHtml(number)}</span> ` : ''}${escapeHtml(clauseTitle(clause)) || '(untitled)'}</a> <span class="badge ${clause.move ? 'moved' : clause.status}">${label}</span></li>`,
    );
  });
  if (entries.length === 0) return '';
  return `<details class="changes"${entries.length <= OPEN_INDEX_UP_TO ? ' open' : ''}><summary>Changes (${entries.length})</summary><ol>${entries.join('')}</ol></details>\n`;
}

function clauseHtml(clause: ClauseRedline, index: number, numbers: CommentNumbers): string {
  const paragraphs = clause.paragraphs.filter((p) => !(moveSide(clause, p) === 'to' && p.status === 'deleted'));
  const move = clause.move;
  const badge = STATUS_TEXT[clause.status]
    ? `<span class="badge ${clause.status}">${move ? `moved ${move.side === 'from' ? 'away' : 'here'}` : clause.status}</span>`
    : '';
  const note = move ? ` <a class="move-note" href="#${move.id}-${move.side === 'from' ? 'to' : 'from'}">${move.side === 'from' ? 'moved to ↓' : 'moved from ↑'}</a>` : '';
  let out = `<section class="clause ${clause.status}" id="${sectionId(clause, index)}">${badge}`;
  for (let k = 0; k < paragraphs.length; ) {
    const p = paragraphs[k]!;
    if (p.kind === 'tableRow') {
      let end = k;
      while (end < paragraphs.length && paragraphs[end]!.kind === 'tableRow') end++;
      out += rowsHtml(clause, paragraphs.slice(k, end), numbers);
      k = end;
      continue;
    }
    out += paragraphHtml(clause, p, k === 0, numbers);
    if (k === 0) out += note;
    out += commentsHtml([p], numbers);
    k++;
  }
  return out + '</section>\n';
}

function summaryHtml(r: Redline): string {
  const c = r.summary.clauses;
  const w = r.summary.words;
  const { comments } = r.summary;
  const row = (label: string, value: number | string) => `<tr><th>${label}</th><td>${value}</td></tr>`;
  return (
    '<table class="summary">' +
    row('Clauses changed', c.changed) +
    row('Clauses added', c.added) +
    row('Clauses deleted', c.deleted) +
    row('Clauses moved', c.moved) +
    row('Clauses unchanged', c.unchanged) +
    row('Words inserted', w.inserted) +
    row('Words deleted', w.deleted) +
    row('Formatting changes', r.formatting === false ? 'not compared' : r.summary.restyled) +
    (comments.theirs + comments.ours > 0 ? `<tr><th>Comments (theirs / ours)</th><td>${comments.theirs} / ${comments.ours}</td></tr>` : '') +
    '</table>'
  );
}

/** Headers and footers that read otherwise (both drafts DOCX), word by word, above the text. */
function headersFootersHtml(r: Redline): string {
  if (!r.headersFooters?.length) return '';
  const name = (h: HeaderFooterRedline) => headerFooterName(h).replace(/^./, (c) => c.toUpperCase());
  // Words whose look they changed are marked as in the body; the header's own look is not shown.
  const items = r.headersFooters.map((h) => `<dt>${escapeHtml(name(h))}</dt><dd>${markSpans(h.spans, h.restyled, HTML_MARKUP)}</dd>`);
  return `<section class="headers-footers"><h2>Headers and footers</h2><dl>${items.join('')}</dl></section>\n`;
}

/** Notes on the drafts, above the text (notes-on-drafts.ts); none, nothing. */
function notesHtml(notes: NotesOption['notes']): string {
  if (!notes || notes.length === 0) return '';
  return `<section class="notes"><h2>Notes on the drafts</h2><ul>${notes.map((n) => `<li>${escapeHtml(noteText(n))}</li>`).join('')}</ul></section>\n`;
}

/** The redline as one self-contained HTML page (no scripts, no external resources). */
export function writeRedlineHtml(redline: Redline, { notes }: NotesOption = {}): string {
  const numbers = new CommentNumbers();
  const title = redline.theirs.title || redline.ours.title;
  const lang = redline.theirs.lang || redline.ours.lang || 'en';
  const coarse = redline.coarse
    ? '<p class="coarse">Some paragraphs were too different or too long to compare word by word; they are shown as replaced whole.</p>'
    : '';
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(`Redline${title ? `: ${title}` : ''}`)}</title>\n` +
    `<style>${REDLINE_CSS}</style>\n</head>\n<body>\n<main>\n` +
    `<h1>Redline${title ? `: ${escapeHtml(title)}` : ''}</h1>\n` +
    `<p class="sides">Ours: ${escapeHtml(redline.ours.title || '(untitled)')} · Theirs: ${escapeHtml(redline.theirs.title || '(untitled)')}</p>\n` +
    summaryHtml(redline) +
    '\n' +
    notesHtml(notes) +
    headersFootersHtml(redline) +
    '<p class="legend"><span><ins>inserted</ins></span><span><del>deleted</del></span><span><span class="move-from">moved away</span></span><span><span class="move-to">moved here</span></span><span><span class="restyled">formatting changed</span></span>' +
    (redline.summary.comments.ours + redline.summary.comments.theirs > 0 ? '<span><span class="commented">commented</span><sup class="cref"><a>1</a></sup></span>' : '') +
    '</p>\n' +
    coarse +
    indexHtml(redline.clauses) +
    redline.clauses.map((clause, k) => clauseHtml(clause, k, numbers)).join('') +
    '</main>\n</body>\n</html>\n'
  );
}
