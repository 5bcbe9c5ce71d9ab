/** Inlines → Markdown, with text escaped so values never turn into markup. */
import type { Inline } from '../../model/nodes.js';
import { colorTag, markTag, sizeTag } from '../look-tags.js';
import { quoteTerm } from '../labels.js';

/** `<` could open an HTML tag, `~~` strike words through; `>` and `#` only mean something at the start of a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<|~])/g, '\\$1').replace(/^([>#])/gm, '\\$1');
}

type Handler<T extends Inline['type']> = (node: Extract<Inline, { type: T }>) => string;

const handlers: { [T in Inline['type']]: Handler<T> } = {
  text: (n) => escapeMarkdown(n.value),
  emphasis: (n) => `*${inlinesToMarkdown(n.children)}*`,
  strong: (n) => `**${inlinesToMarkdown(n.children)}**`,
  // Markdown has no underline of its own; CommonMark passes inline HTML through.
  underline: (n) => `<u>${inlinesToMarkdown(n.children)}</u>`,
  // GFM's ~~ cannot open or close next to a space; <s> can, as <u> does.
  strike: (n) => `<s>${inlinesToMarkdown(n.children)}</s>`,
  highlight: (n) => markTag(n.color, inlinesToMarkdown(n.children)),
  textColor: (n) => colorTag(n.color, inlinesToMarkdown(n.children)),
  fontSize: (n) => sizeTag(n.points, inlinesToMarkdown(n.children)),
  termDefinition: (n) => `**${escapeMarkdown(quoteTerm(n.label))}**`,
  termUse: (n) => escapeMarkdown(n.label),
  crossRef: (n) => escapeMarkdown(n.label ?? n.target),
  break: () => '  \n',
  noteRef: (n) => escapeMarkdown(n.label),
  link: (n) => `[${inlinesToMarkdown(n.children)}](${markdownHref(n.href)})`,
  // Markdown has no fields: the result the parties read.
  field: (n) => inlinesToMarkdown(n.children),
  // Reviewers' comments belong to redlines (writers/redline), not to agreements.
  comment: () => '',
  // A bookmark (from a DOCX) is where a Word field points; Markdown has no fields.
  bookmark: () => '',
};

/**
 * A link destination that Markdown reads back as written: in angle brackets
 * (with `<`, `>` and `\` escaped) when it holds spaces or parentheses.
 * A line break cannot stand in a destination and is percent-encoded.
 */
export function markdownHref(href: string): string {
  const oneLine = href.replace(/[\r\n]/g, (c) => (c === '\n' ? '%0A' : '%0D'));
  return /[\s()<>\\]/.test(oneLine) ? `<${oneLine.replace(/[<>\\]/g, '\\$&')}>` : oneLine;
}

export function inlinesToMarkdown(nodes: readonly Inline[]): string {
  return nodes.map((n) => (handlers[n.type] as Handler<typeof n.type>)(n as never)).join('');
}
