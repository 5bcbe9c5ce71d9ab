/**
 * The `Redline`: a typed, JSON-serialisable tree of what changed between our
 * document and theirs (issue 4).
 *
 *   Redline > ClauseRedline (in merged order) > ParagraphRedline > Span
 *
 * Merged order: reading only the entries and spans that exist on one side
 * gives that side's document, so writers never re-diff. A moved clause or
 * paragraph appears twice, once where it left (`move.side: 'from'`) and once
 * where it arrived (`'to'`), linked by `move.id`.
 *
 * Numbers and list labels are labels, never text: renumbering alone is not a
 * change (`number`/`label` keep both sides' values for display).
 */
import type { CharacterLook } from '../character-look.js';
import type { Comment } from '../model/nodes.js';

/** Text present on both sides, only in ours, or only in theirs. */
export type SpanKind = 'kept' | 'inserted' | 'deleted';

export interface Span {
  kind: SpanKind;
  text: string;
}

export type ParagraphStatus = 'unchanged' | 'changed' | 'inserted' | 'deleted' | 'moved';
export type ClauseStatus = 'unchanged' | 'changed' | 'added' | 'deleted' | 'moved';

/**
 * One end of a move. On the 'from' end the spans are our text as it stood; on
 * the 'to' end they are the difference between that text and theirs.
 */
export interface Move {
  id: string;
  side: 'from' | 'to';
}

/** A label (clause number, list label) as each side printed it. */
export interface Labels {
  ours?: string;
  theirs?: string;
}

/** heading: a clause or part heading; tableRow: the cells of one row, separated by '\t'. */
export type ParagraphKind = 'heading' | 'paragraph' | 'listItem' | 'tableRow';

/**
 * Bold, italic, underline, strikethrough, highlight, colour, type size (where it differs from its
 * paragraph's) and link target of a stretch of text; absent means off (no link).
 */
export interface Format extends CharacterLook {
  /** Target of the hyperlink the text sits in. */
  link?: string;
  /** The code of the Word field whose result the text is (`DATE \@ "d MMMM yyyy"`): the DOCX writer writes the field. */
  field?: string;
  /**
   * The bookmark a link to a place inside the document jumps to (`[see](#name)`, Word's
   * `w:hyperlink w:anchor`). Navigation, not content: carried, never compared.
   */
  anchor?: string;
  /** The text is a footnote's or endnote's reference mark ("[1]"): the DOCX writes a real reference. */
  note?: 'footnote' | 'endnote';
}

/** Character formatting of a stretch of a paragraph's text, up to offset `end` (UTF-16). */
export interface StyleRun extends Format {
  end: number;
}

/** A reviewer's comment on a stretch of a paragraph's text, offsets in UTF-16. */
export interface AnchoredComment extends Comment {
  /** Where the commented text starts in the paragraph's text. */
  at: number;
  /** How much text it covers; 0 for a comment on a point. */
  length: number;
}

/** A Word bookmark on a stretch of a paragraph's text (UTF-16 offsets): the place a REF field names. */
export interface AnchoredBookmark {
  name: string;
  at: number;
  /** 0 for a bookmark on a point. */
  length: number;
}

/** A bookmark carried into the redline from one side, anchored in that side's text as comments are. */
export interface RedlineBookmark extends AnchoredBookmark {
  side: 'ours' | 'theirs';
}

/**
 * A comment carried into the redline from one side's DOCX, anchored in that
 * side's text of the paragraph: ours is what the kept and deleted spans join
 * to, theirs what the kept and inserted spans join to.
 */
export interface RedlineComment extends AnchoredComment {
  side: 'ours' | 'theirs';
}

export interface ListInfo {
  ordered: boolean;
  /** Nesting depth, 0 for a top-level list. */
  level: number;
  /** A second or later paragraph of one list item: indented, not numbered. */
  continued?: boolean;
}

/**
 * Text kept word for word whose bold, italic, underline, strikethrough, highlight, colour, size or link target changed, e.g. a
 * limitation of liability that is no longer bold (PRC Civil Code art. 496 asks
 * that such standard terms be brought to the other party's attention), or
 * "our privacy policy" linked to another page. `start`/`end` are offsets in
 * our text of the paragraph (UTF-16).
 */
export interface Restyle {
  start: number;
  end: number;
  text: string;
  ours: Format;
  theirs: Format;
}

export interface ParagraphRedline {
  kind: ParagraphKind;
  status: ParagraphStatus;
  spans: Span[];
  /** Kept text whose formatting changed, in order; the paragraph is then 'changed'. */
  restyled?: Restyle[];
  label?: Labels;
  /** Where the paragraph is in each file: the reader's line (a DOCX paragraph's 1-based number; for a table row, its table's). */
  line?: { ours?: number; theirs?: number };
  /** A table row's place in its table on each side (0-based), beside its table's `line`: where the DOCX redline finds the row's look. */
  row?: { ours?: number; theirs?: number };
  list?: ListInfo;
  move?: Move;
  /** Formatting of each side's text, present only when a side has any. */
  styles?: { ours?: StyleRun[]; theirs?: StyleRun[] };
  /** A table row's merged cells on each side, present only when a side has any (kept, not compared). */
  cells?: { ours?: CellShape[]; theirs?: CellShape[] };
  /**
   * A table row's numbering labels on each side ("1.1", "第三条"), kept out of
   * `spans` as `label` is: per cell, per line of that side's text of the cell
   * ('' where a line has none). Present only when a side has any.
   */
  cellLabels?: { ours?: string[][]; theirs?: string[][] };
  /** Reviewers' comments from either side's DOCX (not compared: carried so nothing is lost). */
  comments?: RedlineComment[];
  /**
   * Bookmarks that fields name, each name once in the redline (not compared: carried so
   * the DOCX can write those fields as fields). Ours where both drafts have one.
   */
  bookmarks?: RedlineBookmark[];
}

/** How a table cell sits in the grid: columns spanned, and merged down from the row above. */
export interface CellShape {
  colSpan?: number;
  rowMerge?: 'start' | 'continue';
}

export interface ClauseRedline {
  /**
   * 'title' holds the document's printed title (one heading paragraph), first;
   * 'part' holds a part's title and the blocks before its first clause.
   */
  kind: 'title' | 'part' | 'clause';
  status: ClauseStatus;
  /** Clause ids on each side (they may differ when a heading was reworded). */
  id: Labels;
  number?: Labels;
  /** Nesting depth: 0 for a top-level clause or a part. */
  depth: number;
  move?: Move;
  paragraphs: ParagraphRedline[];
}

export interface RedlineCounts {
  unchanged: number;
  changed: number;
  added: number;
  deleted: number;
  moved: number;
}

export interface RedlineSummary {
  clauses: RedlineCounts;
  paragraphs: RedlineCounts;
  /** Words (each CJK character counts as one) and UTF-16 characters marked. */
  words: { inserted: number; deleted: number };
  chars: { inserted: number; deleted: number; moved: number };
  /** Stretches of kept text whose bold, italic, underline or link target changed. */
  restyled: number;
  /** Reviewers' comments carried from each side's DOCX. */
  comments: { ours: number; theirs: number };
}

export interface RedlineSide {
  title: string;
  lang: string;
}

export const REDLINE_VERSION = '1.10.0';

export interface Redline {
  type: 'redline';
  redlineVersion: string;
  ours: RedlineSide;
  theirs: RedlineSide;
  clauses: ClauseRedline[];
  summary: RedlineSummary;
  /**
   * True when a size budget was exceeded somewhere and those paragraphs were
   * compared as whole-paragraph replacements instead of word by word.
   */
  coarse: boolean;
  /** Present, false, when formatting changes were not compared (RedlineOptions.formatting). */
  formatting?: false;
  /**
   * Headers and footers whose words differ, when both drafts were DOCX (they are outside
   * the document model, so the clauses never show them); a DOCX redline also tracks them in ours.
   */
  headersFooters?: HeaderFooterRedline[];
}

/** A header, footer or watermark of theirs that reads otherwise than ours. */
export interface HeaderFooterRedline {
  /** A watermark ("DRAFT") is the words of the drawing a header shows behind the page. */
  kind: 'header' | 'footer' | 'watermark';
  /** Which pages: every page (odd pages when even ones have their own), the first page, even pages. */
  type: 'default' | 'first' | 'even';
  /** Their words against ours, each side's paragraphs joined by " / ", page numbers left out. */
  spans: Span[];
  /**
   * Words both keep whose bold, italic, underline, strikethrough, highlight, colour or size
   * they changed, offsets in our text (as a paragraph's `restyled`); absent when none.
   */
  restyled?: Restyle[];
}

export interface RedlineOptions {
  /** Largest token edit distance tried inside one paragraph before replacing it whole. */
  maxTokenEdits?: number;
  /** Largest similarity matrix (rows × columns) used to pair changed clauses or paragraphs. */
  maxPairingCells?: number;
  /** Detect moved clauses and paragraphs (default true). */
  moves?: boolean;
  /** Whose reviewers' comments to carry into the redline (default 'both'). */
  comments?: CommentSides;
  /**
   * Report formatting changes of kept text: bold, italic, underline, strikethrough, highlight, colour and
   * size (default true). When false only text and link changes are reported, and kept text
   * keeps our formatting in the DOCX.
   */
  formatting?: boolean;
}

export type CommentSides = 'both' | 'ours' | 'theirs' | 'none';
