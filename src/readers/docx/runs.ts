/**
 * Paragraph content → text pieces (ECMA-376 Part 1, §17.3.2 runs, §17.16
 * fields, §17.13.5 revisions). Text comes from `w:t`, `w:tab`, `w:br`/`w:cr`,
 * `w:sym`, hyphens and `m:t` (math), skipping hidden (`w:vanish`) runs;
 * each piece has its bold, italic, underline, strikethrough, highlight, colour and size, direct
 * formatting over the character style over a body paragraph's style; text in an external hyperlink carries its target (`link`),
 * text in a jump inside the document `#name`; smart tags, custom XML and content controls are transparent.
 * Fields show their cached result (the instruction is skipped), `w:fldSimple` its child runs, except
 * page numbers (PAGEREF in a table of contents, PAGE…), which are layout and not read. The result of
 * a field kept as a field (see `keptField`) carries the field's code; a HYPERLINK field's result is
 * linked text like a `w:hyperlink`'s. Revisions follow
 * `mode`: 'accept' keeps `w:ins`/`w:moveTo` and drops `w:del`/`w:moveFrom`,
 * 'reject' the reverse (reading `w:delText`). Footnote and endnote references
 * become note pieces labelled "[1]" / "[i]" (their text is read by parse.ts). Comments
 * (§17.13.4) become zero-width marks where their range starts and ends; the
 * end carries the comment, read from the comments part by parse.ts. Bookmarks
 * likewise become marks (bookmarks.ts).
 * Not read (each kind reported once, noteSkipped): drawings and pictures, text boxes, VML, embedded objects.
 */
import { highlightName, textColorOf } from '../../colors.js';
import { activeField, bookmarkOf, pageNumberField } from '../../field-codes.js';
import { bookmarkEdge, type BookmarkContext } from './bookmarks.js';
import type { Comment } from '../../model/nodes.js';
import { pointsOfHalfPoints } from '../../font-size.js';
import { formatNumber } from '../../numbering/format.js';
import { fillLook, isOn as on, type StyleLook, type Styles } from './styles.js';
import { child, childVal, textOf, type XmlElement } from './xml.js';

/**
 * Visible text with its look (`link` is the external target of the hyperlink
 * it sits in), a line break, or one edge of a comment's range.
 */
export type Piece =
  | (RunLook & { text: string; link?: string; field?: FieldRef })
  | { break: true; field?: FieldRef }
  | { note: 'footnote' | 'endnote'; label: string }
  | { bookmark: 'start' | 'end'; name: string }
  | { comment: 'start'; id: string }
  | { comment: 'end'; id: string; content: Comment };

/** The text of pieces, breaks as '\n' (comment marks hold none), trimmed. */
export function plainText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : 'break' in piece ? '\n' : 'note' in piece ? piece.label : '')).join('').trim();
}

/** Bold, italic, underline, strikethrough, highlight, text colour and type size of a run of text. */
export interface RunLook {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Struck through, once (`w:strike`) or twice (`w:dstrike`); absent for not. */
  strike?: true;
  /** Word's highlighter colour name; absent for none. */
  highlight?: string;
  /** Six hex digits; absent for the automatic colour. */
  color?: string;
  /** Type size in points where it differs from the paragraph's (RunContext.baseSize). */
  size?: number;
}

const PLAIN: RunLook = { bold: false, italic: false, underline: false };

/** The document's comments, and which have started and ended (at their range end, or else at their reference). */
export interface CommentContext {
  byId: ReadonlyMap<string, Comment>;
  started: Set<string>;
  ended: Set<string>;
  /** Ranges that start between paragraphs: they open at the start of the next paragraph read. */
  pending: string[];
}

export interface NoteRef {
  kind: 'footnote' | 'endnote';
  id: string;
  label: string;
}

/** The field a piece of text is the result of; one object per field, so neighbouring fields stay apart. */
export interface FieldRef {
  code: string;
  /**
   * Still open where a paragraph ended (a table of contents, an index): the
   * model holds a field within one paragraph, so such a field's result is read as text.
   */
  crossesParagraphs?: boolean;
}

/** A field being read (complex, or `w:fldSimple`): its instruction until `separate`, then its result until `end`. */
export interface OpenField {
  part: 'instr' | 'result';
  instruction: string;
  /** A page number (PAGEREF, PAGE…): its result is layout, not text, and is not read. */
  layout?: boolean;
  /** Another field inside the instruction (`IF { MERGEFIELD x } = …`): its code is not all text, so it is not kept. */
  nestedInCode?: boolean;
  /** A legacy form field (`w:ffData`): its data lives outside the code, so it is not kept. */
  form?: boolean;
  /** Set at `separate` when the field is kept as a field: its result carries this. */
  kept?: FieldRef;
  /** A HYPERLINK field: the link and link state it replaced, restored at its end. */
  hyperlink?: { link: string | undefined; inHyperlink: boolean | undefined };
  /** The `w:fldChar` that began it (a complex field), for `unclosedFields`. */
  begin?: XmlElement;
}

/** State that spans paragraphs: open fields, revision count, note references. */
export interface RunContext {
  mode: 'accept' | 'reject';
  fields: OpenField[];
  revisions: number;
  notes: NoteRef[];
  /** Content we saw but do not read (text boxes, embedded documents), for one warning. */
  skipped: Set<string>;
  /** Names of the fields that fetch or run outside content (field-codes.ts activeField), read as their text, for one warning. */
  active?: Set<string>;
  /** External hyperlink targets of this part by relationship id (`r:id`). */
  links: ReadonlyMap<string, string>;
  /** Target of the hyperlink being read, if any. */
  link?: string;
  /** Inside a w:hyperlink (to anywhere): its underline shows the link, and is not read. */
  inHyperlink?: boolean;
  /** The document's styles, for the look character styles give runs. */
  styles?: Styles;
  /** The look the paragraph being read has from its style (Styles.paragraphLook). */
  paragraphLook?: StyleLook;
  /** The type size of the paragraph being read (Styles.baseSize); Word's own default is 10 pt. */
  baseSize?: number;
  /** Comments to mark; without them comment ranges are skipped. */
  comments?: CommentContext;
  /** Bookmarks to mark (bookmarks.ts); without, they are skipped. */
  bookmarks?: BookmarkContext;
  /** Field beginnings to pass over: fields a first reading found never end (`unclosedFields`). */
  unclosed?: ReadonlySet<XmlElement>;
}

const REVISION_MARKS = new Set(['w:rPrChange', 'w:pPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:numberingChange', 'w:ins', 'w:del', 'w:cellIns', 'w:cellDel', 'w:cellMerge']);
const SKIP = new Set(['w:pPr', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:footnoteRef', 'w:endnoteRef', 'w:annotationRef', 'w:fldData', 'w:separator', 'w:continuationSeparator']);

/** Count tracked changes hidden in a property element (`w:rPr`, `w:pPr`, `w:trPr`…). */
export function countPropertyRevisions(props: XmlElement | undefined, ctx: RunContext): void {
  if (!props) return;
  for (const c of props.children) {
    if (REVISION_MARKS.has(c.name)) ctx.revisions++;
    else if (c.name === 'w:rPr') countPropertyRevisions(c as XmlElement, ctx);
  }
}

/** A comment range that starts outside any paragraph (between blocks) opens with the next paragraph. */
export function commentStartBetweenBlocks(el: XmlElement, ctx: RunContext): void {
  const id = el.attrs['w:id'];
  if (id !== undefined && ctx.comments?.byId.has(id)) ctx.comments.pending.push(id);
}

/** Open the ranges that started before this paragraph. */
export function openPendingComments(ctx: RunContext, out: Piece[]): void {
  const pending = ctx.comments?.pending;
  if (!pending || pending.length === 0) return;
  for (const id of pending.splice(0)) {
    if (ctx.comments!.started.has(id)) continue;
    ctx.comments!.started.add(id);
    out.push({ comment: 'start', id });
  }
}

/** Append the visible pieces of a paragraph's (or a container's) children to `out`. */
export function readInline(parent: XmlElement, ctx: RunContext, out: Piece[]): void {
  for (const node of parent.children) {
    if (node.name === '#text') continue;
    const el = node as XmlElement;
    if (SKIP.has(el.name)) {
      noteSkipped(el, ctx);
      continue;
    }
    switch (el.name) {
      case 'w:r':
        readRun(el, ctx, out);
        break;
      case 'w:ins':
      case 'w:moveTo':
        ctx.revisions++;
        if (ctx.mode === 'accept') readInline(el, ctx, out);
        else commentMarksIn(el, ctx, out);
        break;
      case 'w:del':
      case 'w:moveFrom':
        ctx.revisions++;
        if (ctx.mode === 'reject') readInline(el, ctx, out);
        else commentMarksIn(el, ctx, out);
        break;
      case 'm:t':
        if (shown(ctx)) push(out, textContent(el), PLAIN, ctx);
        break;
      case 'w:commentRangeStart':
        commentMark(el, 'start', ctx, out);
        break;
      case 'w:commentRangeEnd':
        commentMark(el, 'end', ctx, out);
        break;
      case 'w:bookmarkStart':
        bookmarkEdge(el, 'start', ctx.bookmarks, out);
        break;
      case 'w:bookmarkEnd':
        bookmarkEdge(el, 'end', ctx.bookmarks, out);
        break;
      case 'w:hyperlink': {
        // A link out of the document is content. A jump inside it (w:anchor) is navigation: a
        // link to "#name", whose bookmark is kept (the redline carries the jump, never compares it).
        // Inside a field's result (a table of contents) the jump is the field's, and not read.
        const outer = ctx.link;
        const outerHyperlink = ctx.inHyperlink;
        const target = el.attrs['r:id'] !== undefined ? ctx.links.get(el.attrs['r:id']) : undefined;
        const anchor = el.attrs['w:anchor'];
        if (target !== undefined) ctx.link = target;
        else if (anchor && ctx.fields.length === 0 && ctx.bookmarks) {
          ctx.link = `#${anchor}`;
          ctx.bookmarks.named.add(anchor);
        }
        ctx.inHyperlink = true;
        readInline(el, ctx, out);
        ctx.link = outer;
        ctx.inHyperlink = outerHyperlink;
        break;
      }
      case 'w:fldSimple': {
        const instruction = el.attrs['w:instr'] ?? '';
        if (pageNumberField(instruction)) {
          commentMarksIn(el, ctx, out);
          break;
        }
        const open: OpenField = { part: 'instr', instruction };
        ctx.fields.push(open);
        toResult(open, ctx);
        readInline(el, ctx, out);
        endField(ctx);
        break;
      }
      default: // w:smartTag, w:customXml, w:sdt/w:sdtContent, w:bdo, w:dir, m:oMath…
        readInline(el, ctx, out);
    }
  }
}

/** A character style's look over the paragraph style's: each part the character style leaves unset comes from the paragraph's. */
function underParagraph(character: StyleLook | undefined, paragraph: StyleLook | undefined): StyleLook | undefined {
  if (!paragraph) return character;
  const look: StyleLook = { ...character };
  fillLook(look, paragraph);
  return look;
}

function readRun(run: XmlElement, ctx: RunContext, out: Piece[]): void {
  const rPr = child(run, 'w:rPr');
  countPropertyRevisions(rPr, ctx);
  // A tracked formatting change keeps the formatting before it: that is the run's look when rejecting.
  const before = ctx.mode === 'reject' ? child(child(rPr, 'w:rPrChange'), 'w:rPr') : undefined;
  const props = before ?? rPr;
  // Direct formatting wins over the run's character style (§17.7.2).
  const styled = underParagraph(ctx.styles?.characterLook(childVal(props, 'w:rStyle')), ctx.paragraphLook);
  const direct = (name: string, fromStyle: boolean | undefined) => (child(props, name) ? on(child(props, name)) : (fromStyle ?? false));
  // A link's underline is how links look, not emphasis (and Markdown links have none).
  const look: RunLook = { bold: direct('w:b', styled?.bold), italic: direct('w:i', styled?.italic), underline: !ctx.inHyperlink && direct('w:u', styled?.underline) };
  // Single or double, a line through words says the same: strike them.
  const strikeSet = child(props, 'w:strike') !== undefined || child(props, 'w:dstrike') !== undefined;
  if (strikeSet ? on(child(props, 'w:strike')) || on(child(props, 'w:dstrike')) : styled?.strike) look.strike = true;
  const highlight = child(props, 'w:highlight') ? highlightName(childVal(props, 'w:highlight')) : (styled?.highlight ?? undefined);
  if (highlight) look.highlight = highlight;
  // A link's colour, like its underline, is how links look.
  const color = ctx.inHyperlink ? undefined : child(props, 'w:color') ? textColorOf(childVal(props, 'w:color')) : (styled?.color ?? undefined);
  if (color) look.color = color;
  const size = child(props, 'w:sz') ? pointsOfHalfPoints(childVal(props, 'w:sz')) : styled?.size;
  if (size !== undefined && size !== (ctx.baseSize ?? 10)) look.size = size;
  // Hidden text (`w:vanish`) is not part of what the parties read; its fields and notes still count.
  const hidden = on(child(rPr, 'w:vanish'));
  // Said, not dropped silently: hidden words are a way to slip text past a reader of the draft.
  if (hidden && shown(ctx) && run.children.some((n) => (n as XmlElement).name === 'w:t' && textContent(n as XmlElement).trim() !== '')) ctx.skipped.add('words formatted as hidden (w:vanish)');
  for (const node of run.children) {
    if (node.name === '#text') continue;
    const el = node as XmlElement;
    switch (el.name) {
      case 'w:t':
        if (!hidden && shown(ctx)) push(out, textContent(el), look, ctx);
        break;
      case 'w:delText': // deleted text belongs to the original: shown only when rejecting
        if (ctx.mode === 'reject' && !hidden && shown(ctx)) push(out, textContent(el), look, ctx);
        break;
      case 'w:tab':
      case 'w:ptab':
        if (!hidden && shown(ctx)) push(out, '\t', look, ctx);
        break;
      case 'w:br':
      case 'w:cr':
        if (!hidden && shown(ctx)) out.push(lineBreak(ctx));
        break;
      case 'w:noBreakHyphen':
        if (!hidden && shown(ctx)) push(out, '-', look, ctx);
        break;
      case 'w:sym':
        if (!hidden && shown(ctx)) push(out, symbol(el.attrs['w:char'] ?? ''), look, ctx);
        break;
      case 'w:fldChar':
        field(el, ctx);
        break;
      case 'w:instrText':
        instruction(el, ctx);
        break;
      case 'w:delInstrText': // a deleted instruction is the original's: read when rejecting
        if (ctx.mode === 'reject') instruction(el, ctx);
        break;
      case 'w:commentReference': // a comment's end when its range has none
        commentMark(el, 'end', ctx, out);
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const kind = el.name === 'w:footnoteReference' ? 'footnote' : 'endnote';
        const n = ctx.notes.filter((r) => r.kind === kind).length + 1;
        const label = `[${formatNumber(n, kind === 'footnote' ? 'decimal' : 'lowerRoman')}]`;
        ctx.notes.push({ kind, id: el.attrs['w:id'] ?? '', label });
        if (!hidden && shown(ctx)) out.push({ note: kind, label });
        break;
      }
      default:
        if (SKIP.has(el.name)) noteSkipped(el, ctx);
        else if (el.name !== 'w:rPr' && el.children.length > 0) readInline(el, ctx, out);
    }
  }
}

/**
 * The comment marks inside content that is not read (a deletion when
 * accepting, an insertion when rejecting): a range edge there still marks a
 * place, the place where that text would have been.
 */
function commentMarksIn(parent: XmlElement, ctx: RunContext, out: Piece[]): void {
  if (!ctx.comments) return;
  for (const node of parent.children) {
    if (node.name === '#text') continue;
    const el = node as XmlElement;
    if (el.name === 'w:commentRangeStart') commentMark(el, 'start', ctx, out);
    else if (el.name === 'w:commentRangeEnd' || el.name === 'w:commentReference') commentMark(el, 'end', ctx, out);
    else commentMarksIn(el, ctx, out);
  }
}

/** One edge of a comment's range; a comment ends once, and marks of comments the part lacks are dropped. */
function commentMark(el: XmlElement, edge: 'start' | 'end', ctx: RunContext, out: Piece[]): void {
  const id = el.attrs['w:id'];
  const content = id !== undefined ? ctx.comments?.byId.get(id) : undefined;
  if (id === undefined || !content || ctx.comments!.ended.has(id)) return;
  if (edge === 'start') {
    ctx.comments!.started.add(id);
    out.push({ comment: 'start', id });
  } else {
    // A comment with no range (only its reference) is on the point where it ends.
    if (!ctx.comments!.started.has(id)) out.push({ comment: 'start', id });
    ctx.comments!.ended.add(id);
    out.push({ comment: 'end', id, content });
  }
}

/** Remember what we skip (text boxes, pictures, embedded objects), so the reader can warn once. */
function noteSkipped(el: XmlElement, ctx: RunContext): void {
  const drawing = el.name === 'w:drawing' || el.name === 'w:pict' || el.name === 'mc:AlternateContent';
  if (drawing && hasDescendant(el, 'w:txbxContent')) ctx.skipped.add('text boxes');
  else if (drawing) ctx.skipped.add('pictures and drawings');
  else if (el.name === 'w:object') ctx.skipped.add('embedded objects');
}

function hasDescendant(el: XmlElement, name: string): boolean {
  return el.children.some((c) => c.name === name || (c.name !== '#text' && hasDescendant(c as XmlElement, name)));
}

/** `HYPERLINK "target"` (§17.16.5.25) to a target outside the document; with `\l` it jumps inside it. */
const HYPERLINK = /^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))/i;

/** Fields whose result is a list Word builds from the whole document, many paragraphs long. */
const GENERATED_LIST = /^\s*(?:TOC|INDEX|TOA|BIBLIOGRAPHY)\b/i;

/**
 * Whether a field is kept as a field: its code is plain text (no field nested
 * in it), it is no form field, and its result is neither a page number, a
 * link (read as a link), nor a generated list (a table of contents).
 */
function keptField(open: OpenField): boolean {
  const code = open.instruction;
  return !open.layout && !open.nestedInCode && !open.form && code.trim() !== '' && !HYPERLINK.test(code) && !GENERATED_LIST.test(code);
}

/** At `separate`: the instruction is complete, and the result that follows is read. */
function toResult(open: OpenField, ctx: RunContext): void {
  open.part = 'result';
  if (pageNumberField(open.instruction)) open.layout = true;
  const hyperlink = HYPERLINK.exec(open.instruction);
  const active = activeField(open.instruction);
  if (hyperlink && !/\\l\b/.test(open.instruction)) {
    open.hyperlink = { link: ctx.link, inHyperlink: ctx.inHyperlink };
    ctx.link = hyperlink[1] ?? hyperlink[2];
    ctx.inHyperlink = true;
  } else if (hyperlink) {
    open.hyperlink = { link: ctx.link, inHyperlink: ctx.inHyperlink };
    ctx.inHyperlink = true;
  } else if (active) {
    ctx.active?.add(active);
  } else if (keptField(open)) {
    open.kept = { code: open.instruction.trim() };
    const bookmark = bookmarkOf(open.kept.code);
    if (bookmark) ctx.bookmarks?.named.add(bookmark);
  }
}

function endField(ctx: RunContext): void {
  const open = ctx.fields.pop();
  if (open?.hyperlink) {
    ctx.link = open.hyperlink.link;
    ctx.inHyperlink = open.hyperlink.inHyperlink;
  }
}

/** Complex fields: text between `begin` and `separate` is the instruction, then the result until `end`. */
function field(el: XmlElement, ctx: RunContext): void {
  const type = el.attrs['w:fldCharType'];
  const open = ctx.fields[ctx.fields.length - 1];
  if (type === 'begin') {
    if (ctx.unclosed?.has(el)) return;
    if (open?.part === 'instr') open.nestedInCode = true;
    ctx.fields.push({ part: 'instr', instruction: '', begin: el, ...(child(el, 'w:ffData') ? { form: true } : {}) });
  } else if (type === 'separate' && open?.part === 'instr') toResult(open, ctx);
  else if (type === 'end' && open) endField(ctx);
}

/**
 * The beginnings of the fields still open when a story (the body, a note, a comment, a
 * header) has been read: fields that never end. Read as Word nests them, such a field
 * hides every word after it as its code or page number, so a damaged file would lose
 * the rest of its text without a word said; the reader reads the story again with these
 * passed over (`RunContext.unclosed`), their results then read as text, and warns.
 * Passing over a field that never ends changes no other field's end: every end after it
 * closed a field begun later.
 */
export function unclosedFields(ctx: RunContext): XmlElement[] {
  return ctx.fields.flatMap((f) => (f.begin ? [f.begin] : []));
}

/**
 * Read a story (`read`, passing over the field beginnings it is given), and
 * when some field in it never ended, read it once more passing over those;
 * `unclosed` says which were passed over (empty for a sound file).
 */
export function readPastUnclosedFields<T extends { unclosed: readonly XmlElement[] }>(read: (passOver: ReadonlySet<XmlElement>) => T): T {
  const first = read(new Set());
  if (first.unclosed.length === 0) return first;
  return { ...read(new Set(first.unclosed)), unclosed: first.unclosed };
}

/** At a paragraph's end: a field still open spans paragraphs (see FieldRef.crossesParagraphs). */
export function endParagraph(ctx: RunContext): void {
  for (const open of ctx.fields) if (open.kept) open.kept.crossesParagraphs = true;
}

/** The outermost field kept as a field that text here is the result of. */
function fieldHere(ctx: RunContext): FieldRef | undefined {
  for (const open of ctx.fields) if (open.kept) return open.kept;
  return undefined;
}

/** A line break, inside the field whose result it is part of. */
function lineBreak(ctx: RunContext): Piece {
  const field = fieldHere(ctx);
  return field ? { break: true, field } : { break: true };
}

/** Instruction text of the innermost field being read. */
function instruction(el: XmlElement, ctx: RunContext): void {
  const open = ctx.fields[ctx.fields.length - 1];
  if (open?.part === 'instr') open.instruction += textContent(el);
}

/** Whether text here is read: outside any field's instruction and any page number. */
const shown = (ctx: RunContext): boolean => ctx.fields.every((f) => f.part === 'result' && !f.layout);

const sameLook = (x: RunLook, y: RunLook): boolean =>
  x.bold === y.bold && x.italic === y.italic && x.underline === y.underline && x.strike === y.strike && x.highlight === y.highlight && x.color === y.color && x.size === y.size;

function push(out: Piece[], text: string, look: RunLook, ctx: RunContext): void {
  const { link } = ctx;
  const field = fieldHere(ctx);
  const last = out[out.length - 1];
  if (last && 'text' in last && sameLook(last, look) && last.link === link && last.field === field) last.text += text;
  else out.push({ text, ...look, ...(link !== undefined ? { link } : {}), ...(field ? { field } : {}) });
}


const textContent = (el: XmlElement): string => textOf(el);

/** `w:sym` chars in the Symbol-font private area (F0xx) map roughly to their low byte. */
function symbol(hex: string): string {
  const code = parseInt(hex, 16);
  if (!Number.isFinite(code)) return '';
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (low === 0xb7 || low === 0xa7) return '•';
  // Beyond U+10FFFF there is no character (String.fromCodePoint would throw RangeError on such a file).
  return low >= 0x20 && low <= 0x10ffff ? String.fromCodePoint(low) : '';
}
