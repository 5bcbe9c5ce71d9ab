/**
 * The clausewright document model: one small, typed, JSON-serialisable tree that
 * every reader builds and every writer reads.
 *
 *   Document > Part > Clause (nested) > Block (paragraph, list, table) > Inline
 *
 * Rules the whole code base relies on:
 * - Nodes are plain data `{type, ...}`; no classes, no functions, no Dates, so
 *   `JSON.parse(JSON.stringify(doc))` is the identity.
 * - Nothing format-specific lives here. Writers that need more than the model
 *   offers use the one escape hatch, `attrs` (string → string), and must warn
 *   when they meet something they cannot render.
 * - Nodes read from a source file carry `position`; generated nodes do not.
 * - This module imports nothing else from the project.
 */

/** Version of the JSON shape. Bump the major part on any breaking change. */
export const MODEL_VERSION = '1.6.0';

/** BCP 47-ish language tag: 'zh', 'en', or 'und' when a reader cannot tell. */
export type Lang = string;

/** Where a node came from, so errors and redlines can point at the source. */
export interface Position {
  file?: string;
  line: number;
  column?: number;
}

/** The escape hatch shared by every node (pandoc's Attr, unist's data). */
export type Attrs = Record<string, string>;

interface NodeBase {
  position?: Position;
  attrs?: Attrs;
}

// ---------------------------------------------------------------- inlines

export interface Text extends NodeBase {
  type: 'text';
  value: string;
}

/** Italic emphasis. */
export interface Emphasis extends NodeBase {
  type: 'emphasis';
  children: Inline[];
}

/** Bold text; counsel use it for conspicuous terms (exclusions of liability). */
export interface Strong extends NodeBase {
  type: 'strong';
  children: Inline[];
}

/**
 * Underlined text. With bold, the usual way a standard term is shown
 * "conspicuously" (以显著方式, PRC Civil Code art. 496, Consumer Rights
 * Protection Law art. 26), so a redline must see it come and go.
 */
export interface Underline extends NodeBase {
  type: 'underline';
  children: Inline[];
}

/**
 * Struck-through text. A draft marked by hand, without tracked changes, strikes
 * the words its author wants deleted: read as plain words they would pass as
 * agreed, so a redline must see the line come and go.
 */
export interface Strike extends NodeBase {
  type: 'strike';
  children: Inline[];
}

/**
 * Text marked with a highlighter. Negotiators highlight what is still open
 * ("[Supplier to confirm]") or what they want the other side to see, so a
 * highlight coming or going is part of the exchange. `color` is one of Word's
 * highlighter colours (ECMA-376 ST_HighlightColor: 'yellow', 'green', 'cyan', …).
 */
export interface Highlight extends NodeBase {
  type: 'highlight';
  color: string;
  children: Inline[];
}

/** Text in a colour other than the automatic one; `color` is six hex digits, upper case ('C00000'). */
export interface TextColor extends NodeBase {
  type: 'textColor';
  color: string;
  children: Inline[];
}

/**
 * Text in a type size other than its paragraph's, in points (10.5 for 五号).
 * Larger type is one of the ways to make a standard term conspicuous (字体加大,
 * PRC Civil Code art. 496), as bold and underline are.
 */
export interface FontSize extends NodeBase {
  type: 'fontSize';
  points: number;
  children: Inline[];
}

/**
 * The place where a defined term is defined, e.g. **"Output"** means …
 * `term` is the normalised identifier, `label` the text as shown.
 */
export interface TermDefinition extends NodeBase {
  type: 'termDefinition';
  term: string;
  label: string;
}

/** A use of a defined term; `label` is the text shown (may be inflected). */
export interface TermUse extends NodeBase {
  type: 'termUse';
  term: string;
  label: string;
}

/**
 * A reference to another clause (or an anchored sub-clause) by id.
 * `target` is a clause id, or `clauseId#anchor`. `label` is the resolved text
 * ("Clause 7.2" / "第7.2条"); absent until numbering has run.
 */
export interface CrossRef extends NodeBase {
  type: 'crossRef';
  target: string;
  label?: string;
}

/** A hard line break inside a paragraph. */
export interface Break extends NodeBase {
  type: 'break';
}

/**
 * Where a footnote or endnote is referenced, shown as its label ("[1]" for a
 * footnote, "[i]" for an endnote). Only the DOCX reader makes these; the
 * notes themselves are the paragraphs of the final part 'notes', in order of
 * reference, each opening with its label.
 */
export interface NoteRef extends NodeBase {
  type: 'noteRef';
  note: 'footnote' | 'endnote';
  label: string;
}

/**
 * A hyperlink to an outside resource (a policy incorporated by reference, a
 * contact address). `href` is the target as the source gave it; the text is
 * the children. A link is content: pointing the same words at another policy
 * changes the agreement.
 */
export interface Link extends NodeBase {
  type: 'link';
  href: string;
  children: Inline[];
}

/**
 * A Word field (ECMA-376 §17.16) kept as a field: `code` is its instruction as
 * the source wrote it, trimmed (`DATE \@ "d MMMM yyyy"`, `REF _Ref12 \h`); the
 * children are its last computed result, which is what the parties read and
 * what is compared. Only the DOCX reader makes these; writers that cannot
 * write a field write its result.
 */
export interface Field extends NodeBase {
  type: 'field';
  code: string;
  children: Inline[];
}

/** A reviewer's comment, as Word keeps it beside the text. */
export interface Comment {
  author?: string;
  initials?: string;
  /** As the source wrote it (Word: ISO 8601, often without a zone). */
  date?: string;
  /** Its paragraphs joined with '\n'. */
  text: string;
  /** Replies in its thread, oldest first (Word keeps a thread flat: replies to a reply come here too). */
  replies?: Comment[];
  /** Marked resolved ("done") in Word. */
  done?: boolean;
}

/**
 * One end of a comment's anchor. The range opens at the 'start' mark and
 * closes at the 'end' mark, which carries the comment; a comment on a point
 * has both marks together. Marks are zero-width and carry no text, so ranges
 * may cross paragraphs and overlap. Only the DOCX reader makes them; the
 * agreement writers skip them (clause modules hold no comments).
 */
export interface CommentMark extends NodeBase {
  type: 'comment';
  edge: 'start' | 'end';
  /** Pairs a start with its end within one document. */
  id: string;
  /** On the 'end' mark. */
  comment?: Comment;
}

/**
 * One end of a Word bookmark's range (§17.13.6.2): the place a REF field names.
 * Zero-width like comment marks, paired by `name`. Only the DOCX reader makes
 * these, and only for bookmarks a field of the document names.
 */
export interface BookmarkMark extends NodeBase {
  type: 'bookmark';
  edge: 'start' | 'end';
  name: string;
}

export type Inline = Text | Emphasis | Strong | Underline | Strike | Highlight | TextColor | FontSize | TermDefinition | TermUse | CrossRef | Break | Link | Field | CommentMark | BookmarkMark | NoteRef;

// ----------------------------------------------------------------- blocks

export interface Paragraph extends NodeBase {
  type: 'paragraph';
  children: Inline[];
}

export interface ListItem extends NodeBase {
  type: 'listItem';
  /** Computed label such as "(a)" or "(ii)"; absent until numbering has run. */
  label?: string;
  /** Optional anchor so a cross-reference can point at this item. */
  anchor?: string;
  children: Block[];
}

export interface List extends NodeBase {
  type: 'list';
  /** `true` for (a)/(i) numbering, `false` for bullets. */
  ordered: boolean;
  children: ListItem[];
}

export interface TableCell extends NodeBase {
  type: 'tableCell';
  children: Block[];
  /** Grid columns the cell spans (DOCX gridSpan, HTML colspan); 1 when absent. */
  colSpan?: number;
  /**
   * A cell merged down the rows (DOCX vMerge): 'start' on the top cell,
   * 'continue' on each cell it covers below, which holds no content.
   */
  rowMerge?: 'start' | 'continue';
}

export interface TableRow extends NodeBase {
  type: 'tableRow';
  /** A header row repeats on each page where the writer supports it. */
  header?: boolean;
  children: TableCell[];
}

export interface Table extends NodeBase {
  type: 'table';
  children: TableRow[];
}

export type Block = Paragraph | List | Table;

// ---------------------------------------------------------------- clauses

/** Where an assembled clause came from: module, version, variant, content hash. */
export interface ClauseSource {
  module: string;
  version: string;
  variant: string;
  /** sha256 (hex) of the module file as read. */
  hash: string;
}

/**
 * A numbered unit of the agreement. Top-level clauses of a numbered part are
 * 1, 2, 3; their sub-clauses 1.1, 1.2; deeper levels 1.1.1.
 */
export interface Clause extends NodeBase {
  type: 'clause';
  /** Stable id: the module id for assembled clauses, `id#anchor` for sub-clauses. */
  id: string;
  /** Computed number such as "7" or "7.2"; absent in unnumbered parts. */
  number?: string;
  heading?: Inline[];
  children: Block[];
  clauses: Clause[];
  source?: ClauseSource;
}

/** A major division: e.g. recitals, standard terms, schedules. */
export interface Part extends NodeBase {
  type: 'part';
  id: string;
  title?: Inline[];
  /** Whether its clauses take part in the document's clause numbering. */
  numbered: boolean;
  /** Blocks before the first clause (recitals, introductory text). */
  children: Block[];
  clauses: Clause[];
}

// ------------------------------------------------------------ document

export interface Party {
  /** Role id from the playbook, e.g. 'platform', 'user', 'supplier'. */
  id: string;
  /** The defined term that names the party in the text ("Platform"). */
  term: string;
  /** The legal name, when the document names the party. */
  name?: string;
  /** Who the party is, for a party the document does not name (e.g. "User"). */
  description?: string;
  /** Further lines for the parties block and the signature block. */
  details?: { label: string; value: string }[];
}

/** One row of the cover page / key-terms table. */
export interface KeyTerm {
  name: string;
  label: string;
  value: string;
}

export interface ProvenanceClause {
  id: string;
  version: string;
  variant: string;
  hash: string;
}

/** Machine-readable record of what produced a document. */
export interface Provenance {
  generator: string;
  playbook: { id: string; version: string; hash: string };
  clauses: ProvenanceClause[];
  /** sha256 (hex) of the canonical JSON of the deal data. */
  dataHash: string;
}

export interface DocumentMeta {
  title: string;
  /**
   * Where a reader found a title that is no line of its own: the document's
   * first heading (still in the body) or Markdown front matter. Absent when
   * the title is printed as a line (a Markdown `# Title`, a DOCX Title
   * paragraph, an assembled agreement's title): the redline compares that
   * line like any other.
   */
  titleSource?: 'heading' | 'front-matter';
  /** The reader's line of a printed title (in a DOCX, its paragraph number), as blocks' positions give theirs. */
  titleLine?: number;
  /** Document or playbook version shown in the header. */
  version?: string;
  /** ISO date (YYYY-MM-DD) the document was produced for; drives output timestamps. */
  date?: string;
  parties: Party[];
  keyTerms: KeyTerm[];
  /** Render a signature block for the named parties at the end. */
  signatures?: boolean;
  provenance?: Provenance;
}

export interface Document extends NodeBase {
  type: 'document';
  modelVersion: string;
  lang: Lang;
  meta: DocumentMeta;
  parts: Part[];
  /**
   * Aligned translations of this same document (same parts and clause ids in
   * the same order), e.g. the English text of a zh+en bilingual agreement.
   * Single-language writers ignore it.
   */
  translations?: Document[];
}

export type Node =
  | Document
  | Part
  | Clause
  | Block
  | ListItem
  | TableRow
  | TableCell
  | Inline;

export type NodeType = Node['type'];
