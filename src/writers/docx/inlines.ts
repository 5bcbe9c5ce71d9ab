/**
 * Inline nodes → runs: one handler per inline type. Typed as a Record over
 * `Inline['type']`, so a new inline kind fails to compile until it is handled;
 * a node of an unknown type at run time is reported, never silently dropped.
 */
import { highlightName, textColorOf } from '../../colors.js';
import { validPoints } from '../../font-size.js';
import type { Inline } from '../../model/nodes.js';
import type { BlockEnv } from './context.js';
import { splitLabel } from './cross-refs.js';
import { writable } from '../../field-codes.js';
import { fieldEnd, fieldStart, refField } from './fields.js';
import { textRun, type RunFormat } from './run-properties.js';
import { STYLE } from './styles.js';
import { escapeXml } from './xml.js';
import { warnAttrs } from './unrendered.js';

type Handler<K extends Inline['type']> = (node: Extract<Inline, { type: K }>, env: BlockEnv, fmt: RunFormat) => string;

const handlers: { [K in Inline['type']]: Handler<K> } = {
  text: (node, env, fmt) => textRun(node.value, env.col, fmt, env.ctx),
  emphasis: (node, env, fmt) => inlinesXml(node.children, env, { ...fmt, italic: true }),
  strong: (node, env, fmt) => inlinesXml(node.children, env, { ...fmt, bold: true }),
  underline: (node, env, fmt) => inlinesXml(node.children, env, { ...fmt, underline: true }),
  strike: (node, env, fmt) => inlinesXml(node.children, env, { ...fmt, strike: true }),
  highlight: (node, env, fmt) => {
    const highlight = highlightName(node.color);
    if (!highlight) env.ctx.warnOnce('docx-highlight-unknown', node.color, `highlight colour "${node.color}" is not one of Word's highlighter colours; the text is written without it`);
    return inlinesXml(node.children, env, highlight ? { ...fmt, highlight } : fmt);
  },
  textColor: (node, env, fmt) => {
    const color = textColorOf(node.color);
    if (!color && !/^#?000000$/.test(node.color)) env.ctx.warnOnce('docx-color-invalid', node.color, `text colour "${node.color}" is not six hex digits; the text is written in the automatic colour`);
    return inlinesXml(node.children, env, color ? { ...fmt, color } : fmt);
  },
  fontSize: (node, env, fmt) => {
    const size = validPoints(node.points);
    if (size === undefined) env.ctx.warnOnce('docx-size-invalid', String(node.points), `type size ${node.points} pt is not one Word can set; the text is written in its paragraph's size`);
    return inlinesXml(node.children, env, size === undefined ? fmt : { ...fmt, size });
  },
  // Where a term is defined: bold and quoted, through a character style so
  // counsel (and our DOCX reader) can find every definition.
  termDefinition: (node, env, fmt) => {
    const { openQuote, closeQuote } = env.col.captions;
    return textRun(openQuote + node.label + closeQuote, env.col, { ...fmt, style: STYLE.definedTerm }, env.ctx);
  },
  termUse: (node, env, fmt) => textRun(node.label, env.col, fmt, env.ctx),
  crossRef: (node, env, fmt) => {
    const { ctx, col } = env;
    let label = node.label;
    if (label === undefined) {
      ctx.warnOnce('docx-crossref-unresolved', node.target, `cross-reference to "${node.target}" has no resolved label; the target id is written instead`);
      label = node.target;
    }
    const target = ctx.refs.lookup(node.target);
    if (!target) {
      ctx.warnOnce('docx-crossref-target-missing', node.target, `cross-reference target "${node.target}" is not in the document; "${label}" is written as plain text`);
      return textRun(label, col, fmt, ctx);
    }
    const parts = target.number !== undefined ? splitLabel(label, target.number) : undefined;
    if (!parts) {
      // No number to put in a field: keep the label, linked to the bookmark (§17.16.22 hyperlink w:anchor).
      return `<w:hyperlink w:anchor="${escapeXml(target.bookmark)}" w:history="1">${textRun(label, col, fmt, ctx)}</w:hyperlink>`;
    }
    return textRun(parts[0], col, fmt, ctx) + refField(target.bookmark, target.number!, col, fmt) + textRun(parts[1], col, fmt, ctx);
  },
  break: () => '<w:r><w:br/></w:r>',
  // A note reference read from a DOCX keeps its label; clause modules hold no notes.
  noteRef: (node, env, fmt) => textRun(node.label, env.col, fmt, env.ctx),
  // Agreements are assembled from clause modules, which hold no links; a link
  // from elsewhere keeps its words, and the writer says the target was left out.
  link: (node, env, fmt) => {
    // A jump to a bookmark the document brings from its source (a DOCX read) stays a jump.
    const anchor = node.href.startsWith('#') ? node.href.slice(1) : undefined;
    if (anchor !== undefined && env.ctx.sourceBookmarks.has(anchor)) {
      return `<w:hyperlink w:anchor="${escapeXml(anchor)}" w:history="1">${inlinesXml(node.children, env, fmt)}</w:hyperlink>`;
    }
    env.ctx.warnOnce('docx-link-as-text', node.href, `hyperlink to "${node.href}" is written as its text; agreement DOCX output does not carry links`);
    return inlinesXml(node.children, env, fmt);
  },
  // Fields and bookmarks come only from reading a DOCX. A field naming a bookmark the
  // document lacks would show an error when Word updates it: its result is written as text.
  field: (node, env, fmt) => {
    if (!writable(node.code, env.ctx.sourceBookmarks)) {
      env.ctx.warnOnce('docx-field-as-text', node.code, `field "${node.code}" refers to a bookmark this document does not have; its result is written as text`);
      return inlinesXml(node.children, env, fmt);
    }
    return fieldStart(node.code) + inlinesXml(node.children, env, fmt) + fieldEnd();
  },
  // Bookmark names are unique in a document: a bilingual table carries them in its first column.
  bookmark: (node, env) => {
    if (!env.col.primary) return '';
    const id = env.ctx.sourceBookmarkId(node.name, node.edge);
    if (id === undefined) return '';
    return node.edge === 'start' ? `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(node.name)}"/>` : `<w:bookmarkEnd w:id="${id}"/>`;
  },
  // Comments come only from reading a DOCX (the redline writes those); clause modules hold none.
  comment: (node, env) => {
    if (node.edge === 'end') env.ctx.warnOnce('docx-comment-dropped', node.id, `comment ${node.id} is left out; agreement DOCX output does not carry comments`);
    return '';
  },
};

export function inlinesXml(nodes: readonly Inline[], env: BlockEnv, fmt: RunFormat = {}): string {
  let out = '';
  for (const node of nodes) {
    const handler = handlers[node.type] as Handler<Inline['type']> | undefined;
    if (node.attrs) warnAttrs(node, env.ctx);
    if (handler) out += handler(node as never, env, fmt);
    else out += unknownInline(node, env, fmt);
  }
  return out;
}

/** Best effort for a node type this writer does not know: keep its text, and say so. */
function unknownInline(node: Inline, env: BlockEnv, fmt: RunFormat): string {
  const loose = node as unknown as { type: string; value?: unknown; children?: unknown };
  env.ctx.warnOnce('docx-unrenderable', loose.type, `inline node of type "${loose.type}" has no DOCX rendering; only its text is kept`);
  if (typeof loose.value === 'string') return textRun(loose.value, env.col, fmt, env.ctx);
  if (Array.isArray(loose.children)) return inlinesXml(loose.children as Inline[], env, fmt);
  return '';
}
