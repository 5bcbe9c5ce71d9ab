/**
 * The model's escape hatch (`attrs`) carries data for particular writers; the
 * DOCX writer renders none of it yet, so each attribute name is reported once
 * (the design's rule: unrenderable content warns, never vanishes).
 */
import type { Node } from '../../model/nodes.js';
import type { WriteContext } from './context.js';

export function warnAttrs(node: Node, ctx: WriteContext): void {
  for (const key of Object.keys(node.attrs ?? {})) {
    ctx.warnOnce('docx-attribute-not-rendered', `${node.type}.${key}`, `attribute "${key}" on ${node.type} nodes has no DOCX rendering and is not in the output`);
  }
}
