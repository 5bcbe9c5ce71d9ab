/** Traversal helpers over the document model: visit, collect, plain text. */
import type { Block, Clause, Document, Inline, Node, Part } from './nodes.js';

/** Node types whose children are inlines: where text, marks and references sit. A new inline container is added here. */
const INLINE_PARENTS: ReadonlySet<Node['type']> = new Set<Node['type']>(['paragraph', 'emphasis', 'strong', 'underline', 'strike', 'highlight', 'textColor', 'fontSize', 'link', 'field']);

/** Whether a node's children are inlines (a paragraph, a formatting span, a link, a field's result). */
export function holdsInlines(node: Node): node is Node & { children: Inline[] } {
  return INLINE_PARENTS.has(node.type);
}

/** Direct children of any node, in document order. */
export function childrenOf(node: Node): Node[] {
  if (holdsInlines(node)) return node.children;
  switch (node.type) {
    case 'document':
      return node.parts;
    case 'part':
      return [...node.children, ...node.clauses];
    case 'clause':
      return [...(node.heading ?? []), ...node.children, ...node.clauses];
    case 'list':
    case 'listItem':
    case 'table':
    case 'tableRow':
    case 'tableCell':
      return node.children;
    default:
      return [];
  }
}

/** Depth-first, pre-order visit; return `false` from `visitor` to skip a subtree. */
export function visit(node: Node, visitor: (node: Node, ancestors: readonly Node[]) => void | false): void {
  const ancestors: Node[] = [];
  const go = (current: Node): void => {
    if (visitor(current, ancestors) === false) return;
    ancestors.push(current);
    for (const child of childrenOf(current)) go(child);
    ancestors.pop();
  };
  go(node);
}

/** Every node of one type, in document order. */
export function collect<T extends Node['type']>(node: Node, type: T): Extract<Node, { type: T }>[] {
  const found: Extract<Node, { type: T }>[] = [];
  visit(node, (n) => {
    if (n.type === type) found.push(n as Extract<Node, { type: T }>);
  });
  return found;
}

/**
 * The title as a line of the document, or undefined when it has none or a
 * reader only named it after its first heading or front matter
 * (DocumentMeta.titleSource): writers print this one, the redline compares it.
 */
export function printedTitle({ meta }: Document): string | undefined {
  return meta.title && !meta.titleSource ? meta.title : undefined;
}

/** All clauses of a document or part, nested ones included, in document order. */
export function allClauses(node: Document | Part | Clause): Clause[] {
  return collect(node, 'clause');
}

/** Plain text of inlines as a reader would see it (quoted definitions, term labels, resolved references). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'emphasis':
      case 'strong':
      case 'underline':
      case 'strike':
      case 'highlight':
      case 'textColor':
      case 'fontSize':
      case 'link':
      case 'field':
        out += inlineText(node.children);
        break;
      case 'termDefinition':
        // Every writer shows a definition in quotation marks: “Output”.
        out += `\u201C${node.label}\u201D`;
        break;
      case 'termUse':
        out += node.label;
        break;
      case 'crossRef':
        out += node.label ?? node.target;
        break;
      case 'break':
        out += '\n';
        break;
      case 'noteRef':
        out += node.label;
        break;
    }
  }
  return out;
}

/** Plain text of a block; list items and table cells are separated by newlines. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children);
    case 'list':
      return block.children
        .map((item) => [item.label, item.children.map(blockText).join('\n')].filter(Boolean).join(' '))
        .join('\n');
    case 'table':
      return block.children
        .map((row) => row.children.map((cell) => cell.children.map(blockText).join(' ')).join('\t'))
        .join('\n');
  }
}
