/**
 * `redline(ours, theirs)`: the hierarchical comparison of issue 4.
 *
 * 1. Clauses (and part preambles) are aligned by their whole text, then by
 *    heading, then by similarity; numbers are ignored, so an inserted clause
 *    leaves the later ones aligned and unchanged. Left-over deleted/added
 *    clauses that match are reported as moves.
 * 2. Paragraphs within each changed clause pair are aligned the same way.
 *    Identical paragraphs are settled by their key and never tokenized.
 * 3. Changed paragraphs get a word-level diff (`diffText`).
 * 4. Deleted and inserted paragraphs anywhere that match become paragraph moves.
 *
 * 5. Kept text whose bold, italic, underline, strikethrough, highlight, colour, size or link changed is recorded as restyled
 *    (restyle.ts), so a formatting-only change is still a change.
 * 6. Reviewers' comments ride along on their paragraphs (comments.ts),
 *    carried for the sides asked for, never compared; so do the bookmarks
 *    fields name (bookmarks.ts), each name once.
 *
 * Not done yet: fonts and paragraph formatting are not compared; tables
 * are compared row by row (a row whose cell count changed is replaced whole).
 */
import { append } from '../append.js';
import type { Document } from '../model/nodes.js';
import { align } from './align.js';
import { pairBookmarks, sideBookmarks, uniqueBookmarks } from './bookmarks.js';
import { carryComments, pairComments, sideComments } from './comments.js';
import { diffText } from './diff-text.js';
import { wholeNoteRefs } from './note-refs.js';
import { findParagraphMoves } from './paragraph-moves.js';
import { restyles } from './restyle.js';
import { sides } from './sides.js';
import { Similarity } from './similarity.js';
import { summarise } from './summary.js';
import { documentUnits, type Para, type Unit } from './units.js';
import {
  REDLINE_VERSION,
  type ClauseRedline,
  type ParagraphRedline,
  type Redline,
  type RedlineOptions,
} from './types.js';



/** Paragraph kinds that may pair with each other. */
function family(p: Para): string {
  return p.kind === 'heading' || p.kind === 'tableRow' ? p.kind : 'text';
}

/** A paragraph present on one side only (or on both, unchanged). */
export function oneSided(p: Para, status: ParagraphRedline['status'], side: 'ours' | 'theirs'): ParagraphRedline {
  const kind = status === 'inserted' ? 'inserted' : status === 'deleted' ? 'deleted' : 'kept';
  const out: ParagraphRedline = { kind: p.kind, status, spans: p.text ? [{ kind, text: p.text }] : [] };
  const label = side === 'ours' ? sides(p.label, undefined) : sides(undefined, p.label);
  if (label) out.label = label;
  const line = side === 'ours' ? sides(p.line, undefined) : sides(undefined, p.line);
  if (line) out.line = line;
  const row = side === 'ours' ? sides(p.row, undefined) : sides(undefined, p.row);
  if (row) out.row = row;
  if (p.list) out.list = p.list;
  if (p.styles) out.styles = side === 'ours' ? { ours: p.styles } : { theirs: p.styles };
  if (p.cells) out.cells = side === 'ours' ? { ours: p.cells } : { theirs: p.cells };
  if (p.cellLabels) out.cellLabels = side === 'ours' ? { ours: p.cellLabels } : { theirs: p.cellLabels };
  if (p.comments) out.comments = sideComments(p.comments, side);
  if (p.bookmarks) out.bookmarks = sideBookmarks(p.bookmarks, side);
  return out;
}

/** Note reference marks whole on each side (note-refs.ts); a mark that changed is a change. */
function withWholeNoteRefs(p: ParagraphRedline, theirsText: string): ParagraphRedline {
  if (!p.styles) return p;
  const spans = wholeNoteRefs(p.spans, p.styles.ours, p.styles.theirs, theirsText);
  if (spans === p.spans) return p;
  p.spans = spans;
  if (p.status === 'unchanged' && spans.some((s) => s.kind !== 'kept')) p.status = 'changed';
  return p;
}

/** Quick similarity at which two paragraphs are plainly one paragraph edited (as in pairing.ts). */
const QUICK_PAIR = 0.6;

/** Record kept text whose formatting (format.ts) or link changed; such a paragraph is changed even if no word is. */
function withRestyles(p: ParagraphRedline, theirsText: string, options: RedlineOptions): ParagraphRedline {
  if (!p.styles) return p;
  const restyled = restyles(p.spans, theirsText, p.styles.ours, p.styles.theirs, { formatting: options.formatting !== false });
  if (restyled.length === 0) return p;
  p.restyled = restyled;
  if (p.status === 'unchanged') p.status = 'changed';
  return p;
}

class Redliner {
  readonly similarity = new Similarity();
  coarse = false;

  constructor(private readonly options: RedlineOptions) {}

  /** Both sides of a paragraph pair; a table row whose cells changed in number is replaced whole. */
  pairParagraph(a: Para, b: Para): ParagraphRedline[] {
    if (a.key === b.key) {
      const same = oneSided(a, 'unchanged', 'ours');
      const label = sides(a.label, b.label);
      if (label) same.label = label;
      if (b.styles) same.styles = { ...same.styles, theirs: b.styles };
      const cells = sides(a.cells, b.cells);
      if (cells) same.cells = cells;
      const cellLabels = sides(a.cellLabels, b.cellLabels);
      if (cellLabels) same.cellLabels = cellLabels;
      const line = sides(a.line, b.line);
      if (line) same.line = line;
      const row = sides(a.row, b.row);
      if (row) same.row = row;
      pairComments(same, a, b, a.text);
      pairBookmarks(same, a, b, a.text);
      return [withRestyles(withWholeNoteRefs(same, b.text), b.text, this.options)];
    }
    const hardTabs = a.kind === 'tableRow';
    const diff = diffText(a.text, b.text, { maxTokenEdits: this.options.maxTokenEdits ?? 2000, hardTabs });
    this.coarse ||= diff.coarse;
    if (hardTabs && diff.spans.some((s) => s.kind !== 'kept' && s.text.includes('\t'))) {
      return [oneSided(a, 'deleted', 'ours'), oneSided(b, 'inserted', 'theirs')];
    }
    const changed = diff.spans.some((s) => s.kind !== 'kept');
    const out: ParagraphRedline = { kind: a.kind, status: changed ? 'changed' : 'unchanged', spans: diff.spans };
    const label = sides(a.label, b.label);
    if (label) out.label = label;
    const line = sides(a.line, b.line);
    if (line) out.line = line;
    const row = sides(a.row, b.row);
    if (row) out.row = row;
    if (a.list ?? b.list) out.list = (a.list ?? b.list)!;
    const styles = sides(a.styles, b.styles);
    if (styles) out.styles = styles;
    const cells = sides(a.cells, b.cells);
    if (cells) out.cells = cells;
    const cellLabels = sides(a.cellLabels, b.cellLabels);
    if (cellLabels) out.cellLabels = cellLabels;
    pairComments(out, a, b);
    pairBookmarks(out, a, b);
    return [withRestyles(withWholeNoteRefs(out, b.text), b.text, this.options)];
  }

  /** A clause has one heading: two headings always pair (a reworded heading is a change, not a swap). */
  paragraphSimilarity(x: Para, y: Para): number {
    if (family(x) !== family(y)) return 0;
    const s = this.similarity.of(x.key, y.key);
    return x.kind === 'heading' ? Math.max(0.5, s) : s;
  }

  /** Paragraph redlines of a clause pair, in merged order. */
  pairParagraphs(a: readonly Para[], b: readonly Para[]): ParagraphRedline[] {
    // Most paragraphs of a clause pair are identical: settle equal ends before aligning the rest.
    const same = (x: Para, y: Para) => x.key === y.key && family(x) === family(y);
    let head = 0;
    while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
    const out: ParagraphRedline[] = [];
    for (let k = 0; k < head; k++) append(out, this.pairParagraph(a[k]!, b[k]!));
    append(out, this.alignParagraphs(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
    for (let k = tail; k > 0; k--) append(out, this.pairParagraph(a[a.length - k]!, b[b.length - k]!));
    return out;
  }

  /**
   * The common case of a negotiated clause: as many paragraphs on each side,
   * each edited in place. Pair them along the diagonal when every pair is
   * plainly alike, without building keys and an LCS for a handful of items.
   */
  private editedInPlace(a: readonly Para[], b: readonly Para[]): boolean {
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) {
      const x = a[k]!;
      const y = b[k]!;
      if (family(x) !== family(y) || this.similarity.quick(x.key, y.key) < QUICK_PAIR) return false;
    }
    return true;
  }

  private alignParagraphs(a: readonly Para[], b: readonly Para[]): ParagraphRedline[] {
    if (a.length === 0 || b.length === 0) {
      return [...a.map((p) => oneSided(p, 'deleted', 'ours')), ...b.map((p) => oneSided(p, 'inserted', 'theirs'))];
    }
    if (this.editedInPlace(a, b)) return a.flatMap((p, k) => this.pairParagraph(p, b[k]!));
    const result = align(a, b, {
      keys: [(p) => family(p) + p.key],
      similarity: (x, y) => this.paragraphSimilarity(x, y),
      quick: (x, y) => (family(x) === family(y) ? this.similarity.quick(x.key, y.key) : 0),
      threshold: 0.5,
      evenThreshold: 0.25,
      ...(this.options.maxPairingCells !== undefined ? { maxCells: this.options.maxPairingCells } : {}),
    });
    this.coarse ||= result.coarse;
    const out: ParagraphRedline[] = [];
    for (const step of result.steps) {
      if (step.op === 'equal' || step.op === 'change') append(out, this.pairParagraph(a[step.a!], b[step.b!]));
      else if (step.op === 'delete') out.push(oneSided(a[step.a!], 'deleted', 'ours'));
      else out.push(oneSided(b[step.b!], 'inserted', 'theirs'));
    }
    return out;
  }

  clause(a: Unit | undefined, b: Unit | undefined, status: ClauseRedline['status'], paragraphs: ParagraphRedline[]): ClauseRedline {
    const unit = (a ?? b)!;
    const out: ClauseRedline = { kind: unit.kind, status, id: sides(a?.id, b?.id)!, depth: unit.depth, paragraphs };
    const number = sides(a?.number, b?.number);
    if (number) out.number = number;
    return out;
  }

  clauses(A: Unit[], B: Unit[]): ClauseRedline[] {
    const sim = (x: Unit, y: Unit) => (x.kind === y.kind ? this.similarity.of(x.key, y.key) : 0);
    const result = align(A, B, {
      keys: [(u) => u.kind + u.key, (u) => (u.heading ? u.kind + u.heading : undefined)],
      similarity: sim,
      quick: (x, y) => (x.kind === y.kind ? this.similarity.quick(x.key, y.key) : 0),
      threshold: 0.5,
      evenThreshold: 0.25,
      ...(this.options.maxPairingCells !== undefined ? { maxCells: this.options.maxPairingCells } : {}),
      ...(this.options.moves === false ? {} : { moves: { similarity: 0.7, eligible: (u: Unit) => u.key.length > 0 } }),
    });
    const out: ClauseRedline[] = [];
    for (const step of result.steps) {
      const a = step.a === undefined ? undefined : A[step.a];
      const b = step.b === undefined ? undefined : B[step.b];
      if (step.op === 'equal' || step.op === 'change') {
        const paragraphs = this.pairParagraphs(a!.paras, b!.paras);
        const changed = paragraphs.some((p) => p.status !== 'unchanged');
        out.push(this.clause(a, b, changed ? 'changed' : 'unchanged', paragraphs));
      } else if (step.move !== undefined) {
        const id = `m${step.move + 1}`;
        const pair = result.moves[step.move];
        const entry =
          step.op === 'delete'
            ? this.clause(a, undefined, 'moved', a!.paras.map((p) => oneSided(p, 'unchanged', 'ours')))
            : this.clause(A[pair.a], b, 'moved', this.pairParagraphs(A[pair.a].paras, b!.paras));
        entry.move = { id, side: step.op === 'delete' ? 'from' : 'to' };
        out.push(entry);
      } else if (step.op === 'delete') {
        out.push(this.clause(a, undefined, 'deleted', a!.paras.map((p) => oneSided(p, 'deleted', 'ours'))));
      } else {
        out.push(this.clause(undefined, b, 'added', b!.paras.map((p) => oneSided(p, 'inserted', 'theirs'))));
      }
    }
    return out;
  }
}

/**
 * Compare our document with theirs.
 * @example
 *   const r = redline(ours, theirs);
 *   redlineString(r) // 'The <del>old</del><ins>new</ins> text'
 */
export function redline(ours: Document, theirs: Document, options: RedlineOptions = {}): Redline {
  const redliner = new Redliner(options);
  const A = documentUnits(ours);
  const B = documentUnits(theirs);
  const clauses = redliner.clauses(A, B);
  const moveCount = clauses.filter((c) => c.move?.side === 'from').length;
  if (options.moves !== false) findParagraphMoves(clauses, redliner.similarity, moveCount, options);
  carryComments(clauses, options.comments ?? 'both');
  uniqueBookmarks(clauses);
  return {
    type: 'redline',
    redlineVersion: REDLINE_VERSION,
    ours: { title: ours.meta.title, lang: ours.lang },
    theirs: { title: theirs.meta.title, lang: theirs.lang },
    clauses,
    summary: summarise(clauses),
    coarse: redliner.coarse,
    ...(options.formatting === false ? { formatting: false as const } : {}),
  };
}
