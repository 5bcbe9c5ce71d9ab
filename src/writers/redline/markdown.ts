/**
 * Redline → Markdown with CriticMarkup (criticmarkup.com): `{++inserted++}`,
 * `{--deleted--}`, `{>>comment<<}`, and `{==highlight==}` with a comment for
 * text whose formatting (bold, italic, underline, strikethrough, highlight, colour, size) or link changed. Linked text stays a Markdown link. CriticMarkup has no move syntax, so a move
 * is a deletion and an insertion each followed by a `{>>moved …<<}` comment.
 * Numbers show as each side printed them ("3→4" when renumbered), as labels.
 * Reviewers' comments follow the words they are on as `{>>…<<}`, naming who
 * wrote them, on which side, and those words.
 */
import { moveSide } from '../../redline/apply.js';
import { headerFooterName } from '../../redline/headers-footers.js';
import type { ClauseRedline, Format, Labels, ParagraphRedline, Redline } from '../../redline/types.js';
import { markdownHref } from '../markdown/inline.js';
import { cellComments, cellLooks, cellParagraphs, movedLabel, splitCells } from './cells.js';
import { commentByline, quotedAnchor } from './comments.js';
import { noteText, type NotesOption } from './notes-on-drafts.js';
import { describeRestyle } from '../../redline/describe-restyle.js';
import { linkTarget, markSpans, type CommentMarkup, type SpanMarkup } from './restyled.js';

function label(l: Labels | undefined): string {
  if (!l) return '';
  const { ours, theirs } = l;
  if (ours !== undefined && theirs !== undefined && ours !== theirs) return `${ours}→${theirs} `;
  return `${ours ?? theirs} `;
}

/** Keep CriticMarkup delimiters inside text from closing our markup early. */
function guard(text: string): string {
  return text.replace(/([+\-~><=])\}/g, '$1\u200B}').replace(/\n/g, '  \n');
}

/** Text as a Markdown link when it sits in one (a jump inside the document too: "#name"; brackets in it escaped), else as it is. */
function linked(text: string, look: Format): string {
  const target = linkTarget(look);
  if (target === undefined || !text.trim()) return guard(text);
  return `[${guard(text).replace(/[[\]]/g, '\\$&')}](${markdownHref(target)})`;
}

const CRITIC_MARKUP: SpanMarkup = {
  kept: linked,
  // A formatting change is a highlight with a comment naming it.
  restyled: (text, restyle) => `{==${linked(text, restyle.theirs)}==}{>>${guard(describeRestyle(restyle))}<<}`,
  inserted: (text, look) => `{++${linked(text, look)}++}`,
  deleted: (text, look) => `{--${linked(text, look)}--}`,
};

function paragraphBody(clause: ClauseRedline, p: ParagraphRedline): string {
  const side = moveSide(clause, p);
  if (side === 'from') {
    const note = p.move && !clause.move ? `{>>moved to ${p.move.id}<<}` : '';
    const comments = commentMarkup(p);
    return `{--${guard(p.spans.map((s) => s.text).join(''))}--}${note}${(p.comments ?? []).map((c) => comments.markup.end(c)).join('')}`;
  }
  const body = markSpans(p.spans, p.restyled, CRITIC_MARKUP, p.styles, commentMarkup(p));
  return side === 'to' && p.move && !clause.move ? `${body}{>>moved from ${p.move.id}<<}` : body;
}

/**
 * `{>>Jane Roe, 2026-11-20 (theirs) on “Fees”: Why monthly?<<}`, right after the words it is on;
 * a thread goes on ` — Our Counsel replied: Finance needs monthly.`, and a resolved one says so.
 */
function commentMarkup(p: ParagraphRedline): { list: ParagraphRedline['comments']; markup: CommentMarkup } {
  return {
    list: p.comments,
    markup: {
      within: (text) => text,
      end: (c) => {
        const on = quotedAnchor(p.spans, c);
        const replies = (c.replies ?? []).map((r) => ` — ${commentByline(r, c.side)} replied: ${r.text}`).join('');
        const note = `${commentByline(c, c.side)} (${c.side}${c.done ? ', resolved' : ''})${on ? ` on ${on}` : ''}: ${c.text}${replies}`;
        return `{>>${guard(note).replace(/ {2}\n/g, ' / ')}<<}`;
      },
    },
  };
}

/**
 * A row with numbered cell paragraphs: each cell's paragraphs with their numbers
 * as labels ("3→4 " when renumbered), cells separated by '\t' as in the row's text.
 */
function labelledCells(clause: ClauseRedline, p: ParagraphRedline): string {
  const cells = splitCells(p.spans);
  const looks = cellLooks(p, cells);
  const comments = cellComments(p.comments, cells);
  const from = moveSide(clause, p) === 'from';
  // Each piece is written as the row with its own share of words, formatting and comments.
  const { cellLabels: _labels, styles: _styles, restyled: _restyled, comments: _comments, ...row } = p;
  return cells
    .map((cell, c) =>
      cellParagraphs(p, c, cell, looks[c]!, comments[c])
        .map(({ label: l, ...rest }) => label(movedLabel(l, from)) + paragraphBody(clause, { ...row, ...rest }))
        .join(guard('\n')),
    )
    .join('\t');
}

function paragraphMd(clause: ClauseRedline, p: ParagraphRedline, first: boolean): string {
  const body = paragraphBody(clause, p);
  const number = first ? label(clause.number) : '';
  switch (p.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, clause.depth + 2))} ${number}${body}`;
    case 'listItem': {
      const indent = '    '.repeat(p.list?.level ?? 0);
      if (p.list?.continued) return `${indent}    ${body}`;
      return `${indent}${p.label ? `${label(p.label)}` : p.list?.ordered ? '1. ' : '- '}${body}`;
    }
    case 'tableRow':
      return `| ${(p.cellLabels ? labelledCells(clause, p) : body).replace(/\t/g, ' | ')} |`;
    default:
      return `${number}${body}`;
  }
}

export function writeRedlineMarkdown(redline: Redline, { notes }: NotesOption = {}): string {
  const title = redline.theirs.title || redline.ours.title;
  const s = redline.summary;
  const out: string[] = [
    `# Redline${title ? `: ${title}` : ''}`,
    `Clauses: ${s.clauses.changed} changed, ${s.clauses.added} added, ${s.clauses.deleted} deleted, ${s.clauses.moved} moved. ` +
      `Words: ${s.words.inserted} inserted, ${s.words.deleted} deleted.` +
      (redline.formatting === false ? ' Formatting not compared.' : s.restyled ? ` Formatting changes: ${s.restyled}.` : '') +
      (s.comments.theirs + s.comments.ours ? ` Comments: ${s.comments.theirs} theirs, ${s.comments.ours} ours.` : ''),
  ];
  // A comment of CriticMarkup's own, so the notes read as notes, not as text of the agreement.
  if (notes && notes.length > 0) out.push(`{>>Notes on the drafts:<<}\n\n${notes.map((n) => `- {>>${guard(noteText(n))}<<}`).join('\n')}`);
  if (redline.headersFooters?.length) {
    out.push(`{>>Headers and footers:<<}\n\n${redline.headersFooters.map((h) => `- {>>${headerFooterName(h)}<<} ${markSpans(h.spans, h.restyled, CRITIC_MARKUP)}`).join('\n')}`);
  }
  for (const clause of redline.clauses) {
    if (clause.move) out.push(`{>>clause ${clause.move.side === 'from' ? 'moved to' : 'moved from'} ${clause.move.id}<<}`);
    clause.paragraphs.forEach((p, k) => {
      const side = moveSide(clause, p);
      if (side === 'to' && p.status === 'deleted') return;
      out.push(paragraphMd(clause, p, k === 0));
    });
  }
  return out.join('\n\n') + '\n';
}
