/**
 * Footnotes and endnotes as Word notes (ECMA-376 §17.11). The DOCX reader
 * gives a note's reference as its label in the text ("[1]", a `noteRef`) and
 * the notes as the paragraphs of a final part 'notes', in order of reference,
 * each opening with its label. Here each reference the body writes becomes a
 * `w:footnoteReference` (inside the revision mark of its text), and its note
 * goes to footnotes.xml or endnotes.xml:
 *
 * - a reference both sides keep: the note paragraph's own redline, when our
 *   note and theirs were compared as one paragraph; else our note deleted
 *   and theirs inserted;
 * - a reference only one side has (deleted, inserted, moved): that side's
 *   note as it stands, which goes and comes with its reference.
 *
 * The k-th reference a side shows is its k-th note (a note that moved within
 * the part is ours where it left and theirs where it arrived). When the
 * references and notes do not pair up so (a reference whose note is missing),
 * `complete()` says so and the writer falls back to
 * writing the notes as paragraphs and the references as their labels.
 */
import { sideText } from '../../../redline/apply.js';
import { appendSpan } from '../../../redline/note-refs.js';
import { sides } from '../../../redline/sides.js';
import type { ClauseRedline, ParagraphRedline, Span, StyleRun } from '../../../redline/types.js';
import { W_NS, XML_DECLARATION } from '../../docx/xml.js';
import { runsWithin } from '../restyled.js';
import { paragraphRuns, type Revisions } from './runs.js';

export type NoteKind = 'footnote' | 'endnote';

/** The id of the reader's notes part. */
export const NOTES_PART = 'notes';

/** Whether a clause entry of the redline is the reader's notes part. */
export const isNotesPart = (c: ClauseRedline) => c.kind === 'part' && (c.id.ours ?? c.id.theirs) === NOTES_PART;

interface Written {
  kind: NoteKind;
  id: number;
  /** Our note and their note (the same paragraph when compared as one), or one side's alone. */
  ours?: ParagraphRedline;
  theirs?: ParagraphRedline;
}

const oursText = (p: ParagraphRedline) => sideText(p.spans, 'ours');
const theirsText = (p: ParagraphRedline) => sideText(p.spans, 'theirs');

/** Length of a note paragraph's label and the space after it ("[12] "). */
function labelLength(text: string): number {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space + 1;
}

/** A note paragraph's spans without either side's label: label characters of one side only become a change of the other. */
function withoutLabels(spans: readonly Span[], oursLabel: number, theirsLabel: number): Span[] {
  const out: Span[] = [];
  const add = (kind: Span['kind'], c: string) => appendSpan(out, kind, c);
  let o = 0;
  let t = 0;
  for (const span of spans) {
    for (const c of span.text.split('')) {
      const inOurs = span.kind !== 'inserted' && o < oursLabel;
      const inTheirs = span.kind !== 'deleted' && t < theirsLabel;
      if (span.kind === 'kept') {
        if (!inOurs && !inTheirs) add('kept', c);
        else if (!inOurs) add('deleted', c);
        else if (!inTheirs) add('inserted', c);
      } else if (span.kind === 'deleted' ? !inOurs : !inTheirs) add(span.kind, c);
      if (span.kind !== 'inserted') o++;
      if (span.kind !== 'deleted') t++;
    }
  }
  return out;
}

export class Notes {
  private readonly ours: ParagraphRedline[];
  private readonly theirs: ParagraphRedline[];
  private nextOurs = 0;
  private nextTheirs = 0;
  private readonly written: Written[] = [];
  private readonly ids: Record<NoteKind, number> = { footnote: 0, endnote: 0 };
  private broken = false;

  private constructor(part: ClauseRedline) {
    // A note that moved (notes reordered) is ours where it left and theirs where it arrived.
    this.ours = part.paragraphs.filter((p) => (p.move ? p.move.side === 'from' : p.status !== 'inserted'));
    this.theirs = part.paragraphs.filter((p) => (p.move ? p.move.side === 'to' : p.status !== 'deleted'));
  }

  /** The notes of a redline, or undefined when it has none the writer can carry as notes. */
  static of(clauses: readonly ClauseRedline[]): Notes | undefined {
    const part = clauses.find(isNotesPart);
    if (!part || part.move || part.paragraphs.some((p) => p.kind !== 'paragraph')) return undefined;
    return new Notes(part);
  }

  /**
   * The `w:id` of the note a reference points at, the reference being kept by
   * both sides, or shown by one side only.
   */
  reference(kind: NoteKind, side: 'both' | 'ours' | 'theirs'): number {
    const ours = side !== 'theirs' ? this.ours[this.nextOurs++] : undefined;
    const theirs = side !== 'ours' ? this.theirs[this.nextTheirs++] : undefined;
    if ((side !== 'theirs' && !ours) || (side !== 'ours' && !theirs)) this.broken = true;
    const id = ++this.ids[kind];
    this.written.push({ kind, id, ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) });
    return id;
  }

  /** Every reference found its note and every note its reference. */
  complete(): boolean {
    return !this.broken && this.nextOurs === this.ours.length && this.nextTheirs === this.theirs.length;
  }

  has(kind: NoteKind): boolean {
    return this.ids[kind] > 0;
  }

  /** footnotes.xml or endnotes.xml: Word's two separators, then each note with its tracked changes. */
  partXml(kind: NoteKind, revisions: Revisions): string {
    const tag = `w:${kind}`;
    const separators =
      `<${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></${tag}>` +
      `<${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></${tag}>`;
    const notes = this.written
      .filter((w) => w.kind === kind)
      .map((w) => `<${tag} w:id="${w.id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>${this.contentXml(w, revisions)}</w:p></${tag}>`);
    return XML_DECLARATION + `<w:${kind}s xmlns:w="${W_NS}">${separators}${notes.join('')}</w:${kind}s>`;
  }

  private contentXml({ ours, theirs }: Written, revisions: Revisions): string {
    // One note compared with itself: in place, or moved (where it arrived, its spans compare it with where it left).
    const compared = ours && theirs && (ours === theirs || (ours.move && ours.move.id === theirs.move?.id)) ? theirs : undefined;
    if (compared) {
      const a = labelLength(oursText(compared));
      const b = labelLength(theirsText(compared));
      const styles = sides(runsWithin(compared.styles?.ours, a), runsWithin(compared.styles?.theirs, b));
      return paragraphRuns({ spans: withoutLabels(compared.spans, a, b), ...(styles ? { styles } : {}) }, revisions);
    }
    const side = (p: ParagraphRedline, text: string, runs: StyleRun[] | undefined) => {
      const label = labelLength(text);
      return { text: text.slice(label), runs: runsWithin(runs, label) };
    };
    const o = ours ? side(ours, oursText(ours), ours.styles?.ours) : undefined;
    const t = theirs ? side(theirs, theirsText(theirs), theirs.styles?.theirs) : undefined;
    if (o && t) {
      const spans: Span[] = [...(o.text ? [{ kind: 'deleted' as const, text: o.text }] : []), ...(t.text ? [{ kind: 'inserted' as const, text: t.text }] : [])];
      const styles = sides(o.runs, t.runs);
      return paragraphRuns({ spans, ...(styles ? { styles } : {}) }, revisions);
    }
    // One side's note comes and goes with its reference: written as it stands.
    const only = (o ?? t)!;
    return only.text ? paragraphRuns({ spans: [{ kind: 'kept', text: only.text }], ...(only.runs ? { styles: { ours: only.runs } } : {}) }, revisions) : '';
  }
}
