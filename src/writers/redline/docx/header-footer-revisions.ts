/**
 * Their changes to a header or footer, tracked in ours (ECMA-376 §17.13.5):
 * "Draft — subject to contract" gone from their header is a deletion a
 * negotiator sees in Word and can accept or reject like any other.
 *
 * Our part is kept as found except for the paragraphs that differ:
 * - paragraphs are aligned container by container (a stretch of the part
 *   between tables, or one table cell), by their words as the DOCX reader
 *   reads them, so none is paired or placed across a table;
 * - a changed paragraph is marked word by word (`diffText`), kept and deleted
 *   words in our runs' formatting, inserted ones in theirs, where both have the
 *   same fields and other non-text runs in the same order (a page number, a
 *   logo): those stay ours, and only the text between them is compared;
 * - kept words whose look (bold… size, as the reader reads it) differs are written in
 *   their run properties with ours in `w:rPrChange`, in a changed paragraph and in one
 *   whose words are the same;
 * - any other changed paragraph is replaced whole: our runs deleted, theirs
 *   inserted;
 * - a paragraph only we have is deleted, one only they have inserted after its
 *   neighbour, in its own paragraph and run formatting;
 * - their own tracked changes (a draft edited with Track Changes on) count as
 *   accepted, as the reader reads their words.
 *
 * Where that cannot be done faithfully the part is left as ours and the reason
 * returned (the CLI's warning quotes both texts): their tables differ from ours,
 * a paragraph holds content runs cannot carry (fields as `w:fldSimple`,
 * hyperlinks, content controls, earlier revisions), or their inserted runs
 * point to pictures or links of their own package.
 */
import { pageNumberField, safeFieldCode } from '../../../field-codes.js';
import { POINTS_INTO_BODY_PARTS, type HeaderFooterLook } from '../../../readers/docx/header-footer.js';
import { headerFooterKey } from '../../../readers/header-footer-pages.js';
import { headerParagraphText, headerRunLook } from '../../../readers/docx/header-footer-text.js';
import { Styles } from '../../../readers/docx/styles.js';
import { unwrap } from '../../../readers/docx/parse.js';
import type { HeaderFooterText } from '../../../readers/types.js';
import { parseXmlPart, textOf, type XmlElement, type XmlNode } from '../../../readers/docx/xml.js';
import { align } from '../../../redline/align.js';
import { diffText } from '../../../redline/diff-text.js';
import { sameLook } from '../../../redline/format.js';
import type { Format } from '../../../redline/types.js';
import { isSpace } from '../../../redline/units.js';
import { Similarity } from '../../../redline/similarity.js';
import { XML_DECLARATION } from '../../docx/xml.js';
import { Revisions, textXml } from './runs.js';
import { attributesXml, xmlOf } from './xml-tree.js';

/** The part with their changes tracked; nothing to track (their words are ours); or why it cannot be tracked. */
export type HeaderFooterRevision = { xml: string } | { unchanged: true } | { reason: string };

/** One paragraph of a header part, with the container it sits in. */
interface Located {
  p: XmlElement;
  /** Which stretch of the part or of a table cell, e.g. 's1' or 's0/t0/r1/c0/s0'. */
  container: string;
  text: string;
}

/**
 * Paragraphs in reading order, each in its container: the run of paragraphs
 * between two tables ('s0', 's1'…), or a table cell ('s0/t0/r1/c0/s0'), so
 * no paragraph is paired or placed across a table. Content controls and custom
 * XML are transparent.
 */
function paragraphsOf(node: XmlElement, container: string): Located[] {
  const out: Located[] = [];
  let stretch = 0;
  let tables = 0;
  const visit = (parent: XmlElement) => {
    for (const el of parent.children) {
      if (el.name === '#text') continue;
      const e = el as XmlElement;
      if (e.name === 'w:p') out.push({ p: e, container: `${container}s${stretch}`, text: headerParagraphText(e) });
      else if (e.name === 'w:sdt') {
        // Without its w:sdtContent, the control's own children, as the reader reads them (found by fuzzing:
        // their paragraph in such a control went unseen, and ours, the same words, was tracked as deleted).
        visit(elementsOf(e, 'w:sdtContent')[0] ?? e);
      } else if (e.name === 'w:customXml') visit(e);
      else if (e.name === 'w:tbl') {
        const t = `${container}s${stretch}/t${tables++}`;
        unwrap(e, 'w:tr').forEach((row, r) => unwrap(row, 'w:tc').forEach((cell, c) => out.push(...paragraphsOf(cell, `${t}/r${r}/c${c}/`))));
        stretch++;
      }
    }
  };
  visit(node);
  return out;
}

const elementsOf = (node: XmlElement, name: string): XmlElement[] => node.children.filter((c): c is XmlElement => c.name === name);

/** Paragraph content runs can be wrapped in a revision: runs, and marks that may sit beside them. */
const BESIDE_RUNS = new Set(['w:pPr', 'w:r', 'w:proofErr', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:permStart', 'w:permEnd']);
/** Run content that is plain text. */
const TEXT_RUN = new Set(['w:rPr', 'w:t', 'w:tab', 'w:br', 'w:cr', 'w:lastRenderedPageBreak']);

const wrappable = (p: XmlElement) => p.children.every((c) => c.name === '#text' || BESIDE_RUNS.has(c.name));
/** A run of text only (no field mark, picture, symbol or hidden text): its words can be marked. */
const textRun = (r: XmlElement) =>
  r.children.every((c) => c.name === '#text' || TEXT_RUN.has(c.name)) &&
  !elementsOf(r, 'w:rPr').some((rPr) => rPr.children.some((c) => c.name === 'w:vanish' || c.name === 'w:specVanish')) &&
  elementsOf(r, 'w:br').every((br) => (br.attrs['w:type'] ?? 'textWrapping') === 'textWrapping');
/**
 * Whether their paragraph cannot be copied into ours: it points into their package
 * (pictures, links, embedded objects) or into the parts the redline writes afresh
 * (numbering, comments, notes), meaningless in ours; or holds a field that fetches or
 * runs outside content (field-codes.ts activeField).
 */
function uncopyable(p: XmlElement): boolean {
  const xml = xmlOf(p);
  return /\br:(id|embed|link|pict)="/.test(xml) || POINTS_INTO_BODY_PARTS.test(xml) || segmented(p).atoms.some((atom) => atom.code !== undefined && !safeFieldCode(atom.code));
}


/**
 * A paragraph's runs as stretches of text runs between atoms: a field (its runs from
 * `begin` to `end`) or any other run that is not plain text. An atom's key says what it
 * shows: a page number field by its code alone, any other field with its result too.
 */
interface Segmented {
  stretches: Piece[][];
  /** `code`: a field's instruction, its runs' `w:instrText` joined. */
  atoms: Array<{ key: string; runs: XmlElement[]; code?: string }>;
}

/** Each side's styles, for the look of runs that take some from a style (a character style, the paragraph's size). */
interface Sheets {
  ours?: Styles;
  theirs?: Styles;
}

function segmented(p: XmlElement, styles?: Styles): Segmented {
  const out: Segmented = { stretches: [[]], atoms: [] };
  let field: XmlElement[] | undefined;
  let depth = 0;
  const close = (runs: XmlElement[], key: string, code?: string) => {
    out.atoms.push({ key, runs, ...(code !== undefined ? { code } : {}) });
    out.stretches.push([]);
  };
  for (const r of elementsOf(p, 'w:r')) {
    const marks = elementsOf(r, 'w:fldChar').map((f) => f.attrs['w:fldCharType']);
    if (field || marks.includes('begin')) {
      (field ??= []).push(r);
      for (const mark of marks) depth += mark === 'begin' ? 1 : mark === 'end' ? -1 : 0;
      if (depth <= 0) {
        const code = fieldCode(field);
        // A page number is the same field whatever page it last showed (the reader leaves its result out).
        const result = pageNumberField(code) ? '' : field.map(runText).join('');
        close(field, `field ${code} ${result}`, code);
        field = undefined;
        depth = 0;
      }
    } else if (textRun(r)) out.stretches[out.stretches.length - 1]!.push(pieceOf(p, r, styles));
    else close([r], xmlOf(withoutRsids(r)));
  }
  // A field never closed: the runs stay one atom.
  if (field) {
    close(field, `field ${xmlOf({ name: 'x', attrs: {}, children: field.map(withoutRsids) })}`, fieldCode(field));
  }
  return out;
}

/** A field's instruction: its runs' `w:instrText` joined. */
const fieldCode = (runs: readonly XmlElement[]) => runs.flatMap((r) => elementsOf(r, 'w:instrText')).map((t) => textOf(t)).join('').trim();

/**
 * Their paragraphs with their tracked changes accepted: a paragraph whose mark they
 * deleted joins the next one in its container (taking that one's properties, as Word
 * does), as the reader joins them.
 */
function acceptedParagraphs(paragraphs: readonly Located[]): Located[] {
  const out: Located[] = [];
  let carried: XmlNode[] = [];
  paragraphs.forEach((y, k) => {
    const own = accepted(y.p);
    const content = own.children.filter((c) => c.name !== 'w:pPr');
    if (markRemoved(y.p) && paragraphs[k + 1]?.container === y.container) {
      carried.push(...content);
      return;
    }
    const p: XmlElement = carried.length === 0 ? own : { ...own, children: [...own.children.filter((c) => c.name === 'w:pPr'), ...carried, ...content] };
    carried = [];
    out.push({ ...y, p, text: headerParagraphText(p) });
  });
  return out;
}

/** Whether a paragraph's mark is a tracked deletion (or moved away): accepted, it joins the next paragraph. */
const markRemoved = (p: XmlElement) =>
  elementsOf(p, 'w:pPr').some((pPr) => elementsOf(pPr, 'w:rPr').some((rPr) => rPr.children.some((c) => c.name === 'w:del' || c.name === 'w:moveFrom')));

/** Revision marks inside properties (a formatting change, a paragraph mark inserted or deleted). */
const PROPERTY_REVISIONS = new Set(['w:rPrChange', 'w:pPrChange', 'w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

/**
 * A paragraph of theirs with its tracked changes accepted, as their words read:
 * deleted and moved-away runs gone, inserted and moved-here runs unwrapped,
 * formatting changes and marks on properties dropped.
 */
function accepted(el: XmlElement, inProperties = false): XmlElement {
  const children: XmlNode[] = [];
  for (const c of el.children) {
    if (c.name === '#text') {
      children.push(c);
      continue;
    }
    const e = c as XmlElement;
    const properties = inProperties || e.name === 'w:pPr' || e.name === 'w:rPr';
    if (properties && PROPERTY_REVISIONS.has(e.name)) continue;
    if (e.name === 'w:del' || e.name === 'w:moveFrom') continue;
    if (e.name === 'w:ins' || e.name === 'w:moveTo') children.push(...accepted(e, properties).children);
    else if (/^w:(moveFrom|moveTo)Range(Start|End)$/.test(e.name)) continue;
    else children.push(accepted(e, properties));
  }
  return { name: el.name, attrs: el.attrs, children };
}

/** Revision-session ids Word stamps on runs: no part of what a run shows. */
function withoutRsids(el: XmlElement): XmlElement {
  const attrs = Object.fromEntries(Object.entries(el.attrs).filter(([name]) => !/^w:rsid/.test(name)));
  return { name: el.name, attrs, children: el.children.map((c) => (c.name === '#text' ? c : withoutRsids(c as XmlElement))) };
}

/** A run's text the way textXml writes it back: tabs '\t', breaks '\n'. */
function runText(r: XmlElement): string {
  let text = '';
  for (const c of r.children) {
    if (c.name === 'w:t') text += textOf(c);
    else if (c.name === 'w:tab') text += '\t';
    else if (c.name === 'w:br' || c.name === 'w:cr') text += '\n';
  }
  return text;
}

interface Piece {
  rPr: string;
  text: string;
  /** Bold, italic, underline, strikethrough, highlight, colour and size, as the reader reads them. */
  look: Format;
  /** The run's properties' children, for a formatting change: ours recorded in it, theirs set. */
  props: XmlNode[];
}

const pieceOf = (p: XmlElement, r: XmlElement, styles?: Styles): Piece => ({
  rPr: elementsOf(r, 'w:rPr').map(xmlOf).join(''),
  text: runText(r),
  look: headerRunLook(p, r, styles),
  props: elementsOf(r, 'w:rPr').flatMap((rPr) => rPr.children),
});

/** Why a header cannot be tracked, found deep in writing it. */
class Refusal extends Error {}

/** Revision marks a run's properties may hold (CT_RPr's w:ins, w:del, w:moveFrom, w:moveTo, w:rPrChange). */
const RUN_PROPERTY_REVISIONS = /^w:(ins|del|moveFrom|moveTo|rPrChange)$/;

/**
 * A run of kept text in their formatting, ours recorded in `w:rPrChange` (§17.13.5.31; last in
 * CT_RPr, its `w:rPr` holding no revision marks), so accepting gives their look, rejecting ours.
 */
function restyledRunXml(text: string, ours: Piece, theirs: Piece, revisions: Revisions): string {
  // Our own earlier formatting change would be lost inside theirs: not tracked at all.
  if (ours.props.some((c) => RUN_PROPERTY_REVISIONS.test(c.name))) throw new Refusal('a run of ours whose formatting changed holds earlier revisions');
  const props = (nodes: readonly XmlNode[]) => nodes.filter((c) => c.name !== '#text' && !RUN_PROPERTY_REVISIONS.test(c.name)).map(xmlOf).join('');
  return `<w:r><w:rPr>${props(theirs.props)}<w:rPrChange${revisions.attrs()}><w:rPr>${props(ours.props)}</w:rPr></w:rPrChange></w:rPr>${textXml(text, false)}</w:r>`;
}

/** Whether some visible character both keep (`n` from `atA` of ours, `atB` of theirs) looks otherwise in theirs. */
function restyledWithin(ours: readonly Piece[], theirs: readonly Piece[], atA: number, atB: number, n: number): boolean {
  let found = false;
  keptChunks(ours, theirs, atA, atB, n, (text, x, y) => {
    if (!found && [...text].some((c) => !isSpace(c)) && !sameLook(x.look, y.look)) found = true;
  });
  return found;
}

/** The kept text, `n` from `atA` of ours and `atB` of theirs, cut where either side's run changes. */
function keptChunks(ours: readonly Piece[], theirs: readonly Piece[], atA: number, atB: number, n: number, each: (text: string, x: Piece, y: Piece) => void): void {
  const locate = (pieces: readonly Piece[], at: number) => {
    let start = 0;
    for (const piece of pieces) {
      if (at < start + piece.text.length) return { piece, left: start + piece.text.length - at, offset: at - start };
      start += piece.text.length;
    }
    return undefined;
  };
  let done = 0;
  while (done < n) {
    const x = locate(ours, atA + done);
    const y = locate(theirs, atB + done);
    if (!x || !y) return;
    const length = Math.min(x.left, y.left, n - done);
    each(x.piece.text.slice(x.offset, x.offset + length), x.piece, y.piece);
    done += length;
  }
}

/** Kept text in our runs, or, where their look differs, in theirs with ours as a tracked formatting change. */
function keptRuns(ours: readonly Piece[], theirs: readonly Piece[], atA: number, atB: number, n: number, revisions: Revisions): string {
  if (!restyledWithin(ours, theirs, atA, atB, n)) return runsBetween(ours, atA, atA + n, false);
  let out = '';
  keptChunks(ours, theirs, atA, atB, n, (text, x, y) => {
    out += sameLook(x.look, y.look) ? `<w:r>${x.rPr}${textXml(text, false)}</w:r>` : restyledRunXml(text, x, y, revisions);
  });
  return out;
}

/** Runs for the text between offsets `from` and `to` of `pieces`, each in its piece's formatting. */
function runsBetween(pieces: readonly Piece[], from: number, to: number, deleted: boolean): string {
  let out = '';
  let at = 0;
  for (const piece of pieces) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + piece.text.length);
    if (start < end) out += `<w:r>${piece.rPr}${textXml(piece.text.slice(start - at, end - at), deleted)}</w:r>`;
    at += piece.text.length;
  }
  return out;
}

/** A run as deleted: its text becomes w:delText, a field's instruction w:delInstrText. */
function deletedRun(node: XmlNode): XmlNode {
  if (node.name === '#text') return node;
  const el = node as XmlElement;
  const name = el.name === 'w:t' ? 'w:delText' : el.name === 'w:instrText' ? 'w:delInstrText' : el.name;
  return { name, attrs: el.attrs, children: el.children.map(deletedRun) };
}

/** The paragraph's properties with its mark inserted or deleted (§17.13.5.16: `w:rPr` under `w:pPr`). */
function markedProps(p: XmlElement, mark: 'w:ins' | 'w:del' | undefined, revisions: Revisions): string {
  const pPr = elementsOf(p, 'w:pPr')[0];
  if (!mark) return pPr ? xmlOf(pPr) : '';
  const revision = `<${mark}${revisions.attrs()}/>`;
  if (!pPr) return `<w:pPr><w:rPr>${revision}</w:rPr></w:pPr>`;
  const children = pPr.children.map(xmlOf);
  const rPrAt = pPr.children.findIndex((c) => c.name === 'w:rPr');
  if (rPrAt >= 0) {
    const rPr = pPr.children[rPrAt] as XmlElement;
    // CT_ParaRPr: the revision marks come first.
    children[rPrAt] = `<w:rPr>${revision}${rPr.children.filter((c) => !/^w:(ins|del|moveFrom|moveTo)$/.test(c.name)).map(xmlOf).join('')}</w:rPr>`;
  } else {
    // Before w:sectPr and w:pPrChange, which close CT_PPr.
    const before = pPr.children.findIndex((c) => c.name === 'w:sectPr' || c.name === 'w:pPrChange');
    children.splice(before < 0 ? children.length : before, 0, `<w:rPr>${revision}</w:rPr>`);
  }
  return `<w:pPr>${children.join('')}</w:pPr>`;
}

/** Bookmarks and permission ranges stay, at the start of the paragraph; proofing marks go. */
const marksOf = (p: XmlElement) => p.children.filter((c) => /^w:(bookmark|perm)(Start|End)$/.test(c.name)).map(xmlOf).join('');
const runsOf = (p: XmlElement, deleted: boolean) =>
  elementsOf(p, 'w:r')
    .map((r) => xmlOf(deleted ? deletedRun(r) : r))
    .join('');

const revision = (tag: 'w:ins' | 'w:del', content: string, revisions: Revisions) => (content ? `<${tag}${revisions.attrs()}>${content}</${tag}>` : '');

/** Kept, deleted and inserted runs turning our text runs `ours` into their `theirs`, word by word. */
function stretchXml(ours: readonly Piece[], theirs: readonly Piece[], revisions: Revisions): string {
  // Exact: the runs written for their words are cut from their text at the spans' offsets.
  const { spans } = diffText(ours.map((x) => x.text).join(''), theirs.map((x) => x.text).join(''), { exact: true });
  let content = '';
  let atA = 0;
  let atB = 0;
  for (const span of spans) {
    const n = span.text.length;
    if (span.kind === 'kept') content += keptRuns(ours, theirs, atA, atB, n, revisions);
    else if (span.kind === 'deleted') content += revision('w:del', runsBetween(ours, atA, atA + n, true), revisions);
    else content += revision('w:ins', runsBetween(theirs, atB, atB + n, false), revisions);
    if (span.kind !== 'inserted') atA += n;
    if (span.kind !== 'deleted') atB += n;
  }
  return content;
}

/**
 * Our paragraph `a` as their `b`. Where both have the same fields and other non-text
 * runs in the same order (a page number, a logo), those stay ours and the text between
 * them is marked word by word; otherwise the paragraph is replaced whole.
 */
function changedParagraph(a: XmlElement, b: XmlElement, revisions: Revisions, sheets: Sheets): string | undefined {
  const ours = segmented(a, sheets.ours);
  const theirs = segmented(b, sheets.theirs);
  let content = '';
  if (ours.atoms.length === theirs.atoms.length && ours.atoms.every((atom, k) => atom.key === theirs.atoms[k]!.key)) {
    ours.stretches.forEach((stretch, k) => {
      content += stretchXml(stretch, theirs.stretches[k]!, revisions);
      const atom = ours.atoms[k];
      if (atom) content += atom.runs.map(xmlOf).join('');
    });
  } else if (uncopyable(b)) {
    return undefined; // their runs, copied whole, would name their package's parts or bring an active field
  } else {
    content = revision('w:del', runsOf(a, true), revisions) + revision('w:ins', runsOf(b, false), revisions);
  }
  // The paragraph mark stays ours: only the words change.
  return `<w:p${attributesXml(a.attrs)}>${markedProps(a, undefined, revisions)}${marksOf(a)}${content}</w:p>`;
}

function deletedParagraph(a: XmlElement, last: boolean, revisions: Revisions): string {
  return `<w:p${attributesXml(a.attrs)}>${markedProps(a, last ? undefined : 'w:del', revisions)}${marksOf(a)}${revision('w:del', runsOf(a, true), revisions)}</w:p>`;
}

function insertedParagraph(b: XmlElement, last: boolean, revisions: Revisions): string {
  return `<w:p>${markedProps(b, last ? undefined : 'w:ins', revisions)}${revision('w:ins', runsOf(b, false), revisions)}</w:p>`;
}

const CANNOT_CARRY = 'a paragraph of theirs holds a picture, link or field that cannot be carried';

/** What becomes of each of our paragraphs: the XML written in its place (it included, or not). */
type Plan = Map<XmlElement, string[]>;

/**
 * Our paragraph `a` as their `b`, the same words, where some of those words look otherwise
 * in theirs (bold, colour…): with the same fields and other non-text runs in the same order,
 * the text between them in their look with ours tracked (`w:rPrChange`); undefined where
 * nothing looks otherwise, or where the runs differ (the paragraph then stays ours).
 */
function restyledParagraph(a: XmlElement, b: XmlElement, revisions: Revisions, sheets: Sheets): string | undefined {
  const ours = segmented(a, sheets.ours);
  const theirs = segmented(b, sheets.theirs);
  if (ours.atoms.length !== theirs.atoms.length || ours.atoms.some((atom, k) => atom.key !== theirs.atoms[k]!.key)) return undefined;
  const restyled = ours.stretches.some((stretch, k) => {
    const { spans } = diffText(stretch.map((x) => x.text).join(''), theirs.stretches[k]!.map((x) => x.text).join(''), { exact: true });
    let atA = 0;
    let atB = 0;
    return spans.some((span) => {
      const found = span.kind === 'kept' && restyledWithin(stretch, theirs.stretches[k]!, atA, atB, span.text.length);
      if (span.kind !== 'inserted') atA += span.text.length;
      if (span.kind !== 'deleted') atB += span.text.length;
      return found;
    });
  });
  return restyled ? changedParagraph(a, b, revisions, sheets) : undefined;
}

/** Each side's style sheet (word/styles.xml, as the look carries it) read as the reader reads it. */
function sheetsOf(styles: { ours?: string; theirs?: string }): Sheets {
  const sheet = (xml: string | undefined, side: string) => {
    if (xml === undefined) return undefined;
    try {
      return new Styles(parseXmlPart(new TextEncoder().encode(xml), 'word/styles.xml', side));
    } catch {
      return undefined;
    }
  };
  const ours = sheet(styles.ours, 'ours');
  const theirs = sheet(styles.theirs, 'theirs');
  return { ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) };
}

/**
 * Our header or footer part with their changes tracked, or why it cannot be.
 * `theirs` undefined: they have none where we have this one (every paragraph deleted).
 * `styles`: each side's word/styles.xml, for the look runs take from styles.
 */
export function trackHeaderFooter(ours: Uint8Array, theirs: Uint8Array | undefined, revisions: Revisions, styles: { ours?: string; theirs?: string } = {}): HeaderFooterRevision {
  try {
    return tracked(ours, theirs, revisions, sheetsOf(styles));
  } catch (e) {
    if (e instanceof Refusal) return { reason: e.message };
    throw e;
  }
}

function tracked(ours: Uint8Array, theirs: Uint8Array | undefined, revisions: Revisions, sheets: Sheets): HeaderFooterRevision {
  let ourRoot: XmlElement;
  let theirRoot: XmlElement | undefined;
  try {
    ourRoot = parseXmlPart(ours, 'header', 'ours');
    theirRoot = theirs ? parseXmlPart(theirs, 'header', 'theirs') : undefined;
  } catch {
    return { reason: 'one of them could not be read' };
  }
  const A = paragraphsOf(ourRoot, '');
  // Their tracked changes count as accepted, as the reader reads their words.
  const B = theirRoot ? acceptedParagraphs(paragraphsOf(theirRoot, '')) : [];
  // Compared as the reader compares them: paragraphs with no words do not count.
  const words = (xs: readonly Located[]) => xs.map((x) => x.text).filter(Boolean).join(' / ');
  const sameWords = words(A) === words(B);
  const containers = [...new Set(A.map((x) => x.container))];
  // Their words in other tables or cells than ours cannot be placed in ours (none at all: all deleted).
  const theirContainers = new Set(B.map((y) => y.container));
  if (B.length > 0 && (theirContainers.size !== containers.length || containers.some((c) => !theirContainers.has(c)))) {
    return sameWords ? { unchanged: true } : { reason: 'their tables differ from ours' };
  }
  const similarity = new Similarity();
  const plan: Plan = new Map();
  /** Paragraphs rewritten though their words are the same (a formatting change). */
  let changes = 0;
  for (const container of containers) {
    const a = A.filter((x) => x.container === container);
    const b = B.filter((y) => y.container === container);
    const steps = align(a, b, { keys: [(x) => x.text], similarity: (x, y) => similarity.of(x.text, y.text), threshold: 0.5, evenThreshold: 0.25 }).steps;
    // Paragraphs only they have go after the last of ours written before them (before our first, if none).
    let anchor: XmlElement | undefined;
    const leading: string[] = [];
    const written = steps.length;
    for (let k = 0; k < written; k++) {
      const step = steps[k]!;
      const last = k === written - 1;
      const x = step.a === undefined ? undefined : a[step.a];
      const y = step.b === undefined ? undefined : b[step.b];
      // A paragraph with no words, only on one side, is layout (or holds a watermark, a logo): kept as it is, or left out.
      if (step.op === 'equal' || (step.op === 'delete' && x!.text === '')) {
        // The same words, some perhaps in another look: those tracked as a formatting change.
        const restyled = step.op === 'equal' && wrappable(x!.p) && wrappable(y!.p) ? restyledParagraph(x!.p, y!.p, revisions, sheets) : undefined;
        if (restyled !== undefined) changes++;
        plan.set(x!.p, [restyled ?? xmlOf(x!.p)]);
        anchor = x!.p;
        continue;
      }
      if (step.op === 'insert' && y!.text === '') continue;
      // The same words, paragraphed otherwise: no word to track, and only a formatting change would be.
      if (sameWords) return { unchanged: true };
      if ((step.op === 'change' || step.op === 'delete') && !wrappable(x!.p)) return { reason: 'a paragraph of ours holds content that cannot be marked as changed' };
      if ((step.op === 'change' || step.op === 'insert') && !wrappable(y!.p)) return { reason: CANNOT_CARRY };
      if (step.op === 'insert' && uncopyable(y!.p)) return { reason: CANNOT_CARRY };
      if (step.op === 'change') {
        const changed = changedParagraph(x!.p, y!.p, revisions, sheets);
        if (changed === undefined) return { reason: CANNOT_CARRY };
        plan.set(x!.p, [changed]);
        anchor = x!.p;
      } else if (step.op === 'delete') {
        plan.set(x!.p, [deletedParagraph(x!.p, last, revisions)]);
        anchor = x!.p;
      } else if (anchor) plan.get(anchor)!.push(insertedParagraph(y!.p, last, revisions));
      else leading.push(insertedParagraph(y!.p, last, revisions));
    }
    if (leading.length > 0) plan.get(a[0]!.p)!.unshift(...leading);
  }
  // The same words in the same look: nothing to track (a difference in spacing alone is not one).
  if (sameWords && changes === 0) return { unchanged: true };
  return { xml: XML_DECLARATION + rewrite(ourRoot, plan) };
}

/** The part with each planned paragraph replaced by its XML. */
function rewrite(node: XmlElement, plan: Plan): string {
  let inner = '';
  for (const c of node.children) {
    const planned = c.name === 'w:p' ? plan.get(c as XmlElement) : undefined;
    if (planned) inner += planned.join('');
    else if (c.name === '#text' || !containsParagraph(c as XmlElement)) inner += xmlOf(c);
    else inner += rewrite(c as XmlElement, plan);
  }
  return `<${node.name}${attributesXml(node.attrs)}>${inner}</${node.name}>`;
}

const containsParagraph = (el: XmlElement): boolean => el.children.some((c) => c.name === 'w:p' || (c.name !== '#text' && containsParagraph(c as XmlElement)));

/**
 * Each header and footer of ours the redline carries, by key: its revision
 * against theirs for the same pages (none of theirs: every paragraph deleted).
 */
export function headerFooterRevisions(
  ours: readonly HeaderFooterLook[],
  theirs: readonly HeaderFooterText[],
  revisions: Revisions,
  styles: { ours?: string; theirs?: string } = {},
): Map<string, HeaderFooterRevision> {
  const theirParts = new Map(theirs.map((h) => [headerFooterKey(h), h.part]));
  return new Map(
    ours.map((h) => {
      const part = theirParts.get(headerFooterKey(h));
      // Without one of their own, their first (or even) pages show their header for every page:
      // emptying ours would leave those pages blank, and the setting is no tracked change.
      if (!part && h.type !== 'default') return [headerFooterKey(h), { reason: `their ${h.type === 'first' ? 'first page shows' : 'even pages show'} the ${h.kind} of every page, a setting a tracked change cannot make` }];
      return [headerFooterKey(h), trackHeaderFooter(h.part, part, revisions, styles)];
    }),
  );
}

/**
 * Whether the DOCX redline tracks each header and footer of theirs that reads
 * otherwise (for the CLI's warning): as headerFooterRevisions decides it.
 */
export function headerFooterTracking(
  ours: readonly HeaderFooterLook[],
  oursRead: readonly HeaderFooterText[],
  theirs: readonly HeaderFooterText[],
  styles: { ours?: string; theirs?: string } = {},
): (key: string) => 'tracked' | { reason: string } {
  const revisions = headerFooterRevisions(ours, theirs, new Revisions('', ''), styles);
  return (key) => {
    const r = revisions.get(key);
    if (!r) return { reason: oursRead.some((h) => headerFooterKey(h) === key) ? 'ours could not be carried into the redline' : 'ours has none to mark it in' };
    if ('xml' in r) return 'tracked';
    if ('reason' in r) return r;
    // The same words: what differs is their look, in runs a formatting change here cannot mark.
    const same = oursRead.find((h) => headerFooterKey(h) === key)?.text === theirs.find((h) => headerFooterKey(h) === key)?.text;
    return { reason: same ? 'their formatting sits in runs the redline cannot mark in ours (a link, a field, other runs)' : 'they differ in spacing alone' };
  };
}
