/** Inlines → HTML. */
import type { Inline } from '../../model/nodes.js';
import { quoteTerm } from '../labels.js';
import { liveHref } from '../../links.js';
import { colorTag, markTag, sizeTag } from '../look-tags.js';
import { anchorId, escapeHtml } from './escape.js';

type Handler<T extends Inline['type']> = (node: Extract<Inline, { type: T }>) => string;

const handlers: { [T in Inline['type']]: Handler<T> } = {
  text: (n) => escapeHtml(n.value),
  emphasis: (n) => `<em>${inlinesToHtml(n.children)}</em>`,
  strong: (n) => `<strong>${inlinesToHtml(n.children)}</strong>`,
  underline: (n) => `<u>${inlinesToHtml(n.children)}</u>`,
  strike: (n) => `<s>${inlinesToHtml(n.children)}</s>`,
  highlight: (n) => markTag(n.color, inlinesToHtml(n.children)),
  textColor: (n) => colorTag(n.color, inlinesToHtml(n.children)),
  fontSize: (n) => sizeTag(n.points, inlinesToHtml(n.children)),
  termDefinition: (n) => `<dfn>${escapeHtml(quoteTerm(n.label))}</dfn>`,
  termUse: (n) => `<span class="term">${escapeHtml(n.label)}</span>`,
  crossRef: (n) => `<a class="xref" href="#${anchorId(n.target)}">${escapeHtml(n.label ?? n.target)}</a>`,
  break: () => '<br>',
  noteRef: (n) => escapeHtml(n.label),
  link: (n) => {
    const href = liveHref(n.href);
    const text = inlinesToHtml(n.children);
    // A target we will not make clickable is still shown, as the link's title.
    return href ? `<a href="${escapeHtml(href)}">${text}</a>` : `<span class="link" title="${escapeHtml(n.href)}">${text}</span>`;
  },
  // A page has no fields: the result the parties read.
  field: (n) => inlinesToHtml(n.children),
  // Reviewers' comments belong to redlines (writers/redline), not to agreements.
  comment: () => '',
  // A bookmark (from a DOCX) is where a Word field points; a page has no fields.
  bookmark: () => '',
};

export function inlinesToHtml(nodes: readonly Inline[]): string {
  return nodes.map((n) => (handlers[n.type] as Handler<typeof n.type>)(n as never)).join('');
}
