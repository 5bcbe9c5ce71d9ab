/**
 * Document → Markdown (CommonMark + GFM tables). Numbers come from the model;
 * list items are written as bullets carrying their label "(a)" so Markdown
 * renderers do not renumber them. Translations follow the primary text.
 */
import type { Block, Clause, Document, Part } from '../../model/nodes.js';
import { printedTitle } from '../../model/walk.js';
import { formatDate } from '../../library/format.js';
import { labelsFor, quoteTerm } from '../labels.js';
import type { Writer } from '../types.js';
import { escapeMarkdown, inlinesToMarkdown } from './inline.js';

export const writeMarkdown: Writer = (document) => {
  const sections = [documentToMarkdown(document), ...(document.translations ?? []).map(documentToMarkdown)];
  return { output: sections.join('\n---\n\n'), warnings: [] };
};

/** List labels that are bullets, not numbers. */
const BULLET = /^[•◦▪‣·●○■□–-]$/;

function documentToMarkdown(document: Document): string {
  const labels = labelsFor(document.lang);
  const out: string[] = [];
  const title = printedTitle(document);
  if (title !== undefined) out.push(`# ${escapeMarkdown(title)}`);
  // A title that was front matter goes back there, so it names the document without becoming a line of it.
  else if (document.meta.titleSource === 'front-matter') out.push(`---\ntitle: ${JSON.stringify(document.meta.title)}\n---`);
  const stamp = [document.meta.version ? `${labels.version} ${document.meta.version}` : '', document.meta.date ? formatDate(document.meta.date, document.lang) : ''].filter(Boolean).join(' · ');
  if (stamp) out.push(escapeMarkdown(stamp));
  for (const party of document.meta.parties) {
    const lines = [`**${escapeMarkdown(quoteTerm(party.term))}**${labels.colon}${escapeMarkdown(party.name ?? party.description ?? '')}`];
    for (const d of party.details ?? []) lines.push(`${escapeMarkdown(d.label)}${labels.colon}${escapeMarkdown(d.value)}`);
    out.push(lines.join('  \n'));
  }
  if (document.meta.keyTerms.length > 0) {
    out.push(
      [`| ${labels.term} | ${labels.value} |`, '|---|---|', ...document.meta.keyTerms.map((k) => `| ${escapeMarkdown(k.label)} | ${escapeMarkdown(k.value)} |`)].join('\n'),
    );
  }
  const titled = document.parts.some((p) => p.title);
  for (const part of document.parts) partToMarkdown(part, titled ? '###' : '##', out);
  if (document.meta.signatures) {
    out.push(`## ${labels.signature}`);
    for (const party of document.meta.parties.filter((p) => p.name)) {
      out.push([`**${escapeMarkdown(party.term)}**${labels.colon}${escapeMarkdown(party.name!)} ${labels.seal}`, `${labels.signatory}${labels.colon}________________`, `${labels.date}${labels.colon}________________`].join('  \n'));
    }
  }
  return out.join('\n\n') + '\n';
}

// Both append to `out` rather than return arrays to spread: a read document may
// hold more paragraphs in one clause than a call can take arguments.
function partToMarkdown(part: Part, clauseHeading: string, out: string[]): void {
  if (part.title) out.push(`## ${inlinesToMarkdown(part.title)}`);
  for (const block of part.children) out.push(blockToMarkdown(block, ''));
  for (const clause of part.clauses) clauseToMarkdown(clause, clauseHeading, out);
}

function clauseToMarkdown(clause: Clause, heading: string, out: string[]): void {
  const number = clause.number ? `${clause.number} ` : '';
  if (clause.heading) out.push(`${heading} ${escapeMarkdown(number)}${inlinesToMarkdown(clause.heading)}`);
  clause.children.forEach((block, i) => {
    const prefix = !clause.heading && i === 0 && clause.number ? `${escapeMarkdown(clause.number)} ` : '';
    out.push(prefix + blockToMarkdown(block, ''));
  });
  for (const sub of clause.clauses) clauseToMarkdown(sub, heading + '#', out);
}

function blockToMarkdown(block: Block, indent: string): string {
  switch (block.type) {
    case 'paragraph':
      return indent + inlinesToMarkdown(block.children);
    case 'list':
      return block.children
        .map((item) => {
          const [first, ...rest] = item.children;
          // A bullet is what "- " already says; a printed label ("(a)", "1.") follows it.
          const label = item.label && !BULLET.test(item.label) ? `${item.label} ` : '';
          const head = `${indent}- ${label}${first ? blockToMarkdown(first, '').trimStart() : ''}`;
          return [head, ...rest.map((b) => blockToMarkdown(b, indent + '  '))].join('\n');
        })
        .join('\n');
    case 'table':
      return block.children
        .flatMap((row, i) => {
          const line = `| ${row.children.map((cell) => cell.children.map((b) => blockToMarkdown(b, '').replace(/\n/g, ' ')).join(' ')).join(' | ')} |`;
          return i === 0 ? [line, `|${row.children.map(() => '---|').join('')}`] : [line];
        })
        .join('\n');
  }
}
