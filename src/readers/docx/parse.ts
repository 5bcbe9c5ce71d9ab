/**
 * DOCX archive → a small typed model of the WordprocessingML we read (step one
 * of two, as in pandoc's Readers/Docx/Parse.hs): body paragraphs and tables in
 * order, styles, numbering, footnotes/endnotes, and how many tracked changes
 * the file carried. Content controls (`w:sdt`) and custom XML are unwrapped at
 * block, row and cell level. Paragraph marks removed under the chosen revision
 * mode (a deleted mark when accepting, an inserted one when rejecting) merge
 * the paragraph into the next one, as Word does.
 */
import { append } from '../../append.js';
import type { Comment } from '../../model/nodes.js';
import { InputError, error } from '../../diagnostics.js';
import { Numbering } from './numbering.js';
import { commentParaId, threadComments } from './comment-threads.js';
import { bookmarkContext, bookmarkStartBetweenBlocks, keepNamedBookmarks, openPendingBookmarks } from './bookmarks.js';
import { commentStartBetweenBlocks, countPropertyRevisions, endParagraph, openPendingComments, plainText, readInline, readPastUnclosedFields, unclosedFields, type NoteRef, type Piece, type RunContext } from './runs.js';
import { isOn, readNumPr, Styles, type NumRef } from './styles.js';
import type { TableProperties } from './table-look.js';
import { child, childVal, elements, parseXmlPart, RELATIONSHIP_TYPE, type XmlElement } from './xml.js';
import { unzipDocxSafely } from './zip.js';

export interface DocxParagraph {
  kind: 'paragraph';
  /** 0-based index of the `w:p` in document order (tables included). */
  index: number;
  styleId?: string;
  /** The paragraph's own `w:pPr`, for the layout the redline keeps (layout.ts). */
  properties?: XmlElement;
  numPr?: Partial<NumRef>;
  outlineLvl?: number;
  pieces: Piece[];
  /** Paragraph mark gone under the revision mode: merge into the next paragraph. */
  merge: boolean;
  /**
   * A paragraph with no words that breaks the page (a `w:br w:type="page"` in its runs,
   * or `w:pageBreakBefore`): dropped from the model as empty, its break is kept for
   * what follows it in the redline's look (look.ts).
   */
  pageBreak?: true;
}

/** How a cell sits in the table grid: columns spanned and vertical merge. */
export interface DocxCellShape {
  colSpan?: number;
  rowMerge?: 'start' | 'continue';
}

export interface DocxTable {
  kind: 'table';
  index: number;
  rows: DocxBlock[][][];
  /** Shape of each cell of `rows`, row by row. */
  shapes: DocxCellShape[][];
  /** Column widths of the table grid (`w:gridCol`, twentieths of a point), when every one is usable. */
  grid?: number[];
  /** The table's, rows' and cells' own properties, for the look the redline keeps (table-look.ts). */
  properties: TableProperties;
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxNote {
  label: string;
  paragraphs: DocxParagraph[];
}

export interface DocxPackage {
  body: DocxBlock[];
  styles: Styles;
  numbering: Numbering;
  notes: DocxNote[];
  revisions: number;
  skipped: string[];
  /** Fields that fetch or run outside content, by name, read as the text they show. */
  active: string[];
  /** Fields begun and never ended (a damaged file), passed over so the words after them are read (runs.ts unclosedFields). */
  unclosedFields: number;
  /** The body's own `w:sectPr` (page size and margins of the last section). */
  section?: XmlElement;
  /** The parts read, as unzipped (each parsed without error). */
  parts: Readonly<Record<string, Uint8Array>>;
}

const WANTED = /^word\/(document|styles|numbering|footnotes|endnotes|comments|commentsExtended)\.xml$|^word\/_rels\/(document|footnotes|endnotes)\.xml\.rels$/;

export function parseDocx(bytes: Uint8Array, file: string, mode: 'accept' | 'reject'): DocxPackage {
  const parts = unzipDocxSafely(bytes, file, (name) => WANTED.test(name));
  const xml = (name: string): XmlElement | undefined => (parts[name] ? parseXmlPart(parts[name], name, file) : undefined);
  const document = xml('word/document.xml')!;
  const body = child(document, 'w:body');
  if (!body) throw new InputError([error('docx-bad-xml', `${file}: word/document.xml has no w:body`, { file })]);
  const styles = new Styles(xml('word/styles.xml'));
  const numbering = new Numbering(xml('word/numbering.xml'), styles);
  const stories: Stories = {
    body,
    comments: xml('word/comments.xml'),
    commentsExtended: xml('word/commentsExtended.xml'),
    links: externalLinks(xml('word/_rels/document.xml.rels')),
    // Notes indexed by id once: a search of the whole part per reference was
    // quadratic (20,000 footnotes took 12 s). The first note with an id wins.
    notes: { footnote: notesById(xml('word/footnotes.xml'), 'w:footnote'), endnote: notesById(xml('word/endnotes.xml'), 'w:endnote') },
    noteLinks: { footnote: externalLinks(xml('word/_rels/footnotes.xml.rels')), endnote: externalLinks(xml('word/_rels/endnotes.xml.rels')) },
  };
  // A field that never ends hid the rest of its story: everything is read again, passing over it.
  const read = readPastUnclosedFields((passOver) => readStories(stories, mode, styles, passOver));
  const { blocks, notes, ctx } = read;
  const section = child(body, 'w:sectPr');
  return { body: blocks, styles, numbering, notes, revisions: ctx.revisions, skipped: [...ctx.skipped], active: [...ctx.active!].sort(), unclosedFields: read.unclosed.length, ...(section ? { section } : {}), parts };
}

/** The parsed parts whose text is read: the body, comments and notes, with the links of each. */
interface Stories {
  body: XmlElement;
  comments: XmlElement | undefined;
  commentsExtended: XmlElement | undefined;
  links: Map<string, string>;
  notes: Record<NoteRef['kind'], Map<string, XmlElement>>;
  noteLinks: Record<NoteRef['kind'], Map<string, string>>;
}

/** Read the body, its comments and the notes it refers to, passing over the field beginnings in `unclosed`; says which fields never ended. */
function readStories(stories: Stories, mode: 'accept' | 'reject', styles: Styles, unclosed: ReadonlySet<XmlElement>): { blocks: DocxBlock[]; notes: DocxNote[]; ctx: RunContext; unclosed: XmlElement[] } {
  const open: XmlElement[] = [];
  // Comments first: the body's comment marks carry them. Notes share them (a comment may sit in a footnote).
  const comments = { byId: readComments(stories.comments, stories.commentsExtended, mode, styles, unclosed, open), started: new Set<string>(), ended: new Set<string>(), pending: [] };
  const bookmarks = bookmarkContext();
  const ctx: RunContext = { mode, fields: [], revisions: 0, notes: [], skipped: new Set(), active: new Set(), links: stories.links, styles, comments, bookmarks, unclosed };
  const blocks = readBlocks(stories.body, ctx, { next: 0 });
  append(open, unclosedFields(ctx));

  const notes: DocxNote[] = [];
  const refs: NoteRef[] = [...ctx.notes];
  for (const ref of refs) {
    const note = stories.notes[ref.kind].get(ref.id);
    if (!note) continue;
    // Notes have relationships of their own: a note's links are looked up in its part's.
    const noteCtx: RunContext = { mode, fields: [], revisions: 0, notes: [], skipped: ctx.skipped, active: ctx.active!, links: stories.noteLinks[ref.kind], styles, comments, bookmarks, unclosed };
    const paragraphs = readBlocks(note, noteCtx, { next: -1 }).filter((b): b is DocxParagraph => b.kind === 'paragraph');
    append(open, unclosedFields(noteCtx));
    ctx.revisions += noteCtx.revisions;
    notes.push({ label: ref.label, paragraphs });
  }
  keepNamedBookmarks(blocks, bookmarks.named);
  for (const note of notes) keepNamedBookmarks(note.paragraphs, bookmarks.named);
  return { blocks, notes, ctx, unclosed: open };
}

/** External hyperlink targets by relationship id, from the document part's relationships. */
function externalLinks(rels: XmlElement | undefined): Map<string, string> {
  const links = new Map<string, string>();
  for (const rel of rels ? elements(rels, 'Relationship') : []) {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = rel.attrs;
    if (id !== undefined && target && type === `${RELATIONSHIP_TYPE}/hyperlink` && mode === 'External') links.set(id, target);
  }
  return links;
}

function notesById(root: XmlElement | undefined, name: string): Map<string, XmlElement> {
  const byId = new Map<string, XmlElement>();
  for (const note of root ? elements(root, name) : []) {
    const id = note.attrs['w:id'];
    if (id !== undefined && !byId.has(id)) byId.set(id, note);
  }
  return byId;
}

/**
 * The comments part (§17.13.4.2) by comment id: author, initials, date and
 * the text of its paragraphs, one per line, replies in their thread
 * (comment-threads.ts). A comment's own tracked changes follow `mode` like
 * the body's.
 */
function readComments(root: XmlElement | undefined, extended: XmlElement | undefined, mode: 'accept' | 'reject', styles: Styles, unclosed: ReadonlySet<XmlElement>, open: XmlElement[]): Map<string, Comment> {
  const byId = new Map<string, Comment>();
  const idByParaId = new Map<string, string>();
  for (const el of root ? elements(root, 'w:comment') : []) {
    const id = el.attrs['w:id'];
    if (id === undefined || byId.has(id)) continue;
    const paraId = commentParaId(el);
    if (paraId !== undefined && !idByParaId.has(paraId)) idByParaId.set(paraId, id);
    const ctx: RunContext = { mode, fields: [], revisions: 0, notes: [], skipped: new Set(), links: new Map(), styles, unclosed };
    const lines = readBlocks(el, ctx, { next: -1 })
      .filter((b): b is DocxParagraph => b.kind === 'paragraph')
      .map((p) => plainText(p.pieces));
    append(open, unclosedFields(ctx));
    const { 'w:author': author, 'w:initials': initials, 'w:date': date } = el.attrs;
    byId.set(id, {
      ...(author ? { author } : {}),
      ...(initials ? { initials } : {}),
      ...(date ? { date } : {}),
      text: lines.join('\n').trim(),
    });
  }
  threadComments(byId, idByParaId, extended);
  return byId;
}

/** Block-level children of the body, a cell, a note or a content control. */
export function readBlocks(parent: XmlElement, ctx: RunContext, counter: { next: number }): DocxBlock[] {
  const out: DocxBlock[] = [];
  for (const el of elements(parent)) {
    if (el.name === 'w:p') out.push(readParagraph(el, ctx, counter));
    else if (el.name === 'w:tbl') out.push(readTable(el, ctx, counter));
    else if (el.name === 'w:sdt') append(out, readBlocks(child(el, 'w:sdtContent') ?? el, ctx, counter));
    else if (el.name === 'w:customXml') append(out, readBlocks(el, ctx, counter));
    else if (el.name === 'w:altChunk') ctx.skipped.add('embedded documents (w:altChunk)');
    else if (el.name === 'w:commentRangeStart') commentStartBetweenBlocks(el, ctx);
    else if (el.name === 'w:bookmarkStart') bookmarkStartBetweenBlocks(el, ctx.bookmarks);
  }
  return mergeRemovedMarks(out);
}

/** Whether a page break is among the paragraph's runs as shown under the revision mode. */
function breaksPage(node: XmlElement, mode: 'accept' | 'reject'): boolean {
  const gone = mode === 'accept' ? /^w:(del|moveFrom)$/ : /^w:(ins|moveTo)$/;
  return elements(node).some((el) => (el.name === 'w:br' ? el.attrs['w:type'] === 'page' : !gone.test(el.name) && el.name !== 'w:pPr' && breaksPage(el, mode)));
}

function readParagraph(p: XmlElement, ctx: RunContext, counter: { next: number }): DocxParagraph {
  const pPr = child(p, 'w:pPr');
  const markProps = child(pPr, 'w:rPr');
  countPropertyRevisions(pPr, ctx);
  const markDeleted = child(markProps, 'w:del') !== undefined || child(markProps, 'w:moveFrom') !== undefined;
  const markInserted = child(markProps, 'w:ins') !== undefined || child(markProps, 'w:moveTo') !== undefined;
  const paragraph: DocxParagraph = {
    kind: 'paragraph',
    index: counter.next >= 0 ? counter.next++ : -1,
    pieces: [],
    merge: ctx.mode === 'accept' ? markDeleted : markInserted,
  };
  if (pPr) paragraph.properties = pPr;
  const styleId = childVal(pPr, 'w:pStyle');
  if (styleId) paragraph.styleId = styleId;
  const numPr = child(pPr, 'w:numPr');
  if (numPr) paragraph.numPr = readNumPr(numPr);
  const outline = childVal(pPr, 'w:outlineLvl');
  if (outline !== undefined) paragraph.outlineLvl = Number(outline);
  openPendingComments(ctx, paragraph.pieces);
  openPendingBookmarks(ctx.bookmarks, paragraph.pieces);
  // Headings' looks are their levels; outline levels set directly make headings too.
  ctx.paragraphLook = outline === undefined ? ctx.styles?.paragraphLook(styleId) : undefined;
  ctx.baseSize = ctx.styles?.baseSize(styleId);
  readInline(p, ctx, paragraph.pieces);
  if (plainText(paragraph.pieces).trim() === '' && (isOn(child(pPr, 'w:pageBreakBefore')) || breaksPage(p, ctx.mode))) {
    paragraph.pageBreak = true;
  }
  endParagraph(ctx);
  ctx.paragraphLook = undefined;
  ctx.baseSize = undefined;
  return paragraph;
}

function readTable(tbl: XmlElement, ctx: RunContext, counter: { next: number }): DocxTable {
  const tblPr = child(tbl, 'w:tblPr');
  const properties: TableProperties = { ...(tblPr ? { tblPr } : {}), trPr: [], tcPr: [] };
  const table: DocxTable = { kind: 'table', index: Math.max(counter.next, 0), rows: [], shapes: [], properties };
  const tblGrid = child(tbl, 'w:tblGrid');
  const grid = tblGrid ? elements(tblGrid, 'w:gridCol').map((col) => col.attrs['w:w'] ?? '') : [];
  // Word's widest page is 31,680 twips; anything else (or a measure with units) is not a width we can vouch for.
  if (grid.length > 0 && grid.every((w) => /^\d{1,5}$/.test(w) && Number(w) <= 31680)) table.grid = grid.map(Number);
  for (const tr of unwrap(tbl, 'w:tr')) {
    const trPr = child(tr, 'w:trPr');
    countPropertyRevisions(trPr, ctx);
    const gone = ctx.mode === 'accept' ? child(trPr, 'w:del') : child(trPr, 'w:ins');
    const tcs = unwrap(tr, 'w:tc');
    const cells = tcs.map((tc) => readBlocks(tc, ctx, counter));
    if (gone) continue;
    table.rows.push(cells);
    table.shapes.push(tcs.map((tc) => cellShape(child(tc, 'w:tcPr'))));
    properties.trPr.push(trPr);
    properties.tcPr.push(tcs.map((tc) => child(tc, 'w:tcPr')));
  }
  return table;
}

/** Largest gridSpan Word writes (63 columns). */
const MAX_SPAN = 63;

/** gridSpan (1–63, else ignored) and vMerge (§17.4.85: no value means continue). */
function cellShape(tcPr: XmlElement | undefined): DocxCellShape {
  const shape: DocxCellShape = {};
  const span = childVal(tcPr, 'w:gridSpan');
  if (span !== undefined && /^\d{1,2}$/.test(span) && Number(span) > 1 && Number(span) <= MAX_SPAN) shape.colSpan = Number(span);
  const merge = child(tcPr, 'w:vMerge');
  if (merge) shape.rowMerge = merge.attrs['w:val'] === 'restart' ? 'start' : 'continue';
  return shape;
}

/** Children named `name`, looking through content controls and custom XML. */
export function unwrap(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of elements(parent)) {
    if (el.name === name) out.push(el);
    else if (el.name === 'w:sdt') append(out, unwrap(child(el, 'w:sdtContent') ?? el, name));
    else if (el.name === 'w:customXml') append(out, unwrap(el, name));
  }
  return out;
}


/** A paragraph whose mark is removed joins the following paragraph (which keeps its properties). */
function mergeRemovedMarks(blocks: DocxBlock[]): DocxBlock[] {
  const out: DocxBlock[] = [];
  let carry: DocxParagraph | undefined;
  for (const block of blocks) {
    if (block.kind === 'paragraph' && carry) {
      // Append to the carried array rather than copy it: a run of N removed marks
      // (a long tracked deletion) made N ever longer copies, each kept alive by
      // `blocks` — quadratic memory, out of memory at ~20,000 paragraphs.
      append(carry.pieces, block.pieces);
      block.pieces = carry.pieces;
      block.index = carry.index;
      carry = undefined;
    } else if (carry) {
      out.push({ ...carry, merge: false });
      carry = undefined;
    }
    if (block.kind === 'paragraph' && block.merge) carry = block;
    else out.push(block);
  }
  if (carry) out.push({ ...carry, merge: false });
  return out;
}
