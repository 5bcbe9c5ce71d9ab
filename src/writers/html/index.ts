/**
 * Document → one standalone HTML page (inline CSS, no scripts, no external
 * files). A bilingual document (translations) is laid out clause by clause in
 * two columns.
 */
import type { Block, Clause, Document, Part } from '../../model/nodes.js';
import { printedTitle } from '../../model/walk.js';
import { formatDate } from '../../library/format.js';
import { labelsFor, quoteTerm } from '../labels.js';
import type { Writer } from '../types.js';
import { anchorId, escapeHtml } from './escape.js';
import { cellAttributes } from './cells.js';
import { inlinesToHtml } from './inline.js';
import { STYLE } from './style.js';

export const writeHtml: Writer = (document) => {
  const translation = document.translations?.[0];
  const body = translation ? bilingualBody(document, translation) : documentBody(document);
  const title = translation ? `${document.meta.title} / ${translation.meta.title}` : document.meta.title;
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(htmlLang(document.lang))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(document.meta.provenance?.generator ?? 'clausewright')}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main${translation ? ' class="bilingual"' : ''}>
${body}
</main>
</body>
</html>
`;
  return { output: html, warnings: [] };
};

function htmlLang(lang: string): string {
  return lang === 'zh' ? 'zh-CN' : lang;
}

function documentBody(document: Document): string {
  return [front(document), ...document.parts.map((p) => partHtml(p, document.lang)), signatures(document)].join('\n');
}

function front(document: Document): string {
  const labels = labelsFor(document.lang);
  const meta = document.meta;
  const stamp = [meta.version ? `${labels.version} ${meta.version}` : '', meta.date ? formatDate(meta.date, document.lang) : ''].filter(Boolean).join(' · ');
  const parties = meta.parties
    .map((p) => {
      const lines = [`<p><dfn>${escapeHtml(quoteTerm(p.term))}</dfn>${escapeHtml(labels.colon)}${escapeHtml(p.name ?? p.description ?? '')}</p>`];
      for (const d of p.details ?? []) lines.push(`<p>${escapeHtml(d.label)}${escapeHtml(labels.colon)}${escapeHtml(d.value)}</p>`);
      return lines.join('\n');
    })
    .join('\n');
  const keyTerms =
    meta.keyTerms.length === 0
      ? ''
      : `<table class="key-terms"><caption>${escapeHtml(labels.keyTerms)}</caption><thead><tr><th>${escapeHtml(labels.term)}</th><th>${escapeHtml(labels.value)}</th></tr></thead><tbody>${meta.keyTerms
          .map((k) => `<tr><td>${escapeHtml(k.label)}</td><td>${escapeHtml(k.value)}</td></tr>`)
          .join('')}</tbody></table>`;
  const title = printedTitle(document);
  return `<header lang="${htmlLang(document.lang)}">${title === undefined ? '' : `<h1>${escapeHtml(title)}</h1>`}${stamp ? `<div class="stamp">${escapeHtml(stamp)}</div>` : ''}<section class="parties">${parties}</section>${keyTerms}</header>`;
}

function partHtml(part: Part, lang: string): string {
  const title = part.title ? `<h2>${inlinesToHtml(part.title)}</h2>` : '';
  return `<section class="part" id="${anchorId('part-' + part.id)}" lang="${htmlLang(lang)}">${title}${part.children.map(blockHtml).join('')}${part.clauses.map((c) => clauseHtml(c)).join('\n')}</section>`;
}

/** `idSuffix` keeps ids unique when a translation is laid beside the primary text. */
function clauseHtml(clause: Clause, idSuffix = ''): string {
  // A space after the number, so the page's text (copied, read aloud, read back) is "1 Definitions".
  const number = clause.number ? `<span class="num">${escapeHtml(clause.number)}</span> ` : '';
  const id = anchorId(clause.id) + idSuffix;
  const sub = (c: Clause) => clauseHtml(c, idSuffix);
  if (clause.heading) {
    return `<section class="clause" id="${id}"><h3>${number}${inlinesToHtml(clause.heading)}</h3>${clause.children.map(blockHtml).join('')}${clause.clauses.map(sub).join('')}</section>`;
  }
  const [first, ...rest] = clause.children;
  const lead = first?.type === 'paragraph' ? `<p>${number}${inlinesToHtml(first.children)}</p>` : `${number}${first ? blockHtml(first) : ''}`;
  return `<div class="sub" id="${id}">${lead}${rest.map(blockHtml).join('')}${clause.clauses.map(sub).join('')}</div>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlinesToHtml(block.children)}</p>`;
    case 'list': {
      const items = block.children.map((item) => {
        // The space inside the hanging label: it ends the label's own line box, so it takes no room.
        const label = item.label ? `<span class="label">${escapeHtml(item.label)} </span>` : '';
        const [first, ...rest] = item.children;
        const lead = first?.type === 'paragraph' ? `${label}${inlinesToHtml(first.children)}` : `${label}${first ? blockHtml(first) : ''}`;
        return `<li>${lead}${rest.map(blockHtml).join('')}</li>`;
      });
      return block.ordered ? `<ol class="items">${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
    }
    case 'table':
      return `<table>${block.children
        .map((row) => `<tr>${row.children.map((cell) => {
          const tag = row.header ? 'th' : 'td';
          return `<${tag}${cellAttributes(cell)}>${cell.children.map(blockHtml).join('')}</${tag}>`;
        }).join('')}</tr>`)
        .join('')}</table>`;
  }
}

function signatures(document: Document): string {
  if (!document.meta.signatures) return '';
  const labels = labelsFor(document.lang);
  const blocks = document.meta.parties
    .filter((p) => p.name)
    .map(
      (p) =>
        `<div><p><strong>${escapeHtml(p.term)}</strong>${escapeHtml(labels.colon)}${escapeHtml(p.name!)} ${escapeHtml(labels.seal)}</p><p>${escapeHtml(labels.signatory)}</p><div class="line"></div><p>${escapeHtml(labels.date)}</p><div class="line"></div></div>`,
    );
  return `<section class="signatures-part" lang="${htmlLang(document.lang)}"><h2>${escapeHtml(labels.signature)}</h2><div class="signatures">${blocks.join('')}</div></section>`;
}

/** Two columns, clause by clause: the primary language left, the translation right. */
function bilingualBody(primary: Document, translation: Document): string {
  const rows: string[] = [`<div class="parallel"><div lang="${htmlLang(primary.lang)}">${front(primary)}</div><div lang="${htmlLang(translation.lang)}">${front(translation)}</div></div>`];
  primary.parts.forEach((part, p) => {
    const other = translation.parts[p];
    if (part.title || other?.title) {
      rows.push(`<div class="parallel"><div lang="${htmlLang(primary.lang)}">${part.title ? `<h2>${inlinesToHtml(part.title)}</h2>` : ''}</div><div lang="${htmlLang(translation.lang)}">${other?.title ? `<h2>${inlinesToHtml(other.title)}</h2>` : ''}</div></div>`);
    }
    part.clauses.forEach((clause, c) => {
      const twin = other?.clauses[c];
      rows.push(`<div class="parallel"><div lang="${htmlLang(primary.lang)}">${clauseHtml(clause)}</div><div lang="${htmlLang(translation.lang)}">${twin ? clauseHtml(twin, `-${translation.lang}`) : ''}</div></div>`);
    });
  });
  rows.push(`<div class="parallel"><div>${signatures(primary)}</div><div>${signatures(translation)}</div></div>`);
  return rows.join('\n');
}
