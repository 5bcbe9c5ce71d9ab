/** Inlines → Markdown, with text escaped so values never turn into markup. */
import type { Inline } from '../../model/nodes.js';
import { quoteTerm } from '../labels.js';

/** `<` could open an HTML tag; `>` and `#` only mean something at the start of a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<|])/g, '\\$1').replace(/^([>#])/gm, '\\$1');
}

type Handler<T extends Inline['type']> = (node: Extract<Inline, { type: T }>) => string;

const handlers: { [T in Inline['type']]: Handler<T> } = {
  text: (n) => escapeMarkdown(n.value),
  emphasis: (n) => `*${inlinesToMarkdown(n.children)}*`,
  strong: (n) => `**${inlinesToMarkdown(n.children)}**`,
  termDefinition: (n) => `**${escapeMarkdown(quoteTerm(n.label))}**`,
  termUse: (n) => escapeMarkdown(n.label),
  crossRef: (n) => escapeMarkdown(n.label ?? n.target),
  break: () => '  \n',
};

export function inlinesToMarkdown(nodes: readonly Inline[]): string {
  return nodes.map((n) => (handlers[n.type] as Handler<typeof n.type>)(n as never)).join('');
}
