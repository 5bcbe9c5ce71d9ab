/**
 * State of one writeDocx call: warnings, numbering instances, bookmarks and
 * the per-column settings (language, numbering counters) that handlers read.
 * Nothing here is global, so concurrent writes never share ids.
 */
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { Clause } from '../../model/nodes.js';
import type { CrossRefIndex } from './cross-refs.js';
import { captionsFor, isChinese, type Captions } from './labels.js';
import { ABSTRACT, NUM, NumberingPlan } from './numbering.js';
import { WordCounter } from './word-counter.js';

/** A language column: the whole page for one language, or one side of a bilingual table. */
export interface Column {
  lang: string;
  zh: boolean;
  captions: Captions;
  /** w:num numbering this column's clauses; replaced when numbering restarts. */
  numId: number;
  abstractId: number;
  /** Bookmarks for cross-references sit in the primary column only. */
  primary: boolean;
  counter: WordCounter;
}

export class WriteContext {
  readonly warnings: Diagnostic[] = [];
  readonly numbering = new NumberingPlan();
  private readonly warned = new Set<string>();
  private bookmarks = 0;
  /** w:id of each bookmark from the source (a DOCX read), by name, given at its start. */
  private readonly sourceIds = new Map<string, number>();

  constructor(
    readonly refs: CrossRefIndex,
    /** Names of the bookmarks the document brings from its source: fields naming them are written as fields. */
    readonly sourceBookmarks: ReadonlySet<string> = new Set(),
  ) {}

  /** w:id of a source bookmark's start, or (for its end) the one its start was given; undefined for an end without a start. */
  sourceBookmarkId(name: string, edge: 'start' | 'end'): number | undefined {
    if (edge === 'start' && !this.sourceIds.has(name)) this.sourceIds.set(name, this.nextBookmarkId());
    return this.sourceIds.get(name);
  }

  warn(code: string, message: string, path?: (string | number)[]): void {
    this.warnings.push(warning(code, message, path ? { path } : {}));
  }

  /** Warn once per distinct (code, key): repeated problems would drown the rest. */
  warnOnce(code: string, key: string, message: string): void {
    const id = `${code}\u0000${key}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    this.warn(code, message);
  }

  /** w:id of the next bookmark (§17.13.6.2); sequential, hence byte-stable. */
  nextBookmarkId(): number {
    return this.bookmarks++;
  }

  column(lang: string, primary: boolean): Column {
    return {
      lang,
      zh: isChinese(lang),
      captions: captionsFor(lang),
      numId: primary ? NUM.clausesPrimary : NUM.clausesSecondary,
      abstractId: primary ? ABSTRACT.clausesPrimary : ABSTRACT.clausesSecondary,
      primary,
      counter: new WordCounter(),
    };
  }
}

/** Where a block is being written: its column, the space it has, its paragraph style. */
export interface BlockEnv {
  ctx: WriteContext;
  col: Column;
  /** Usable width in twips (tables size their grid from it). */
  width: number;
  /** Style of plain paragraphs here (ClauseBody in a clause, TableText in a cell…). */
  style: string;
  /** Left indent override for plain paragraphs (list item continuation lines). */
  indent?: number;
  /** Depth of the list we are in (0 outside lists). */
  listDepth: number;
  /** The clause being written, for list-item anchors. */
  clause?: Clause;
  /**
   * Alignment override: English in a narrow bilingual column reads better
   * ragged-right than justified (justified Chinese stays even).
   */
  jc?: 'left';
}

/** Paragraph alignment of `env`, as a ParagraphSpec fragment. */
export function alignment(env: BlockEnv): { jc?: 'left' } {
  return env.jc ? { jc: env.jc } : {};
}
