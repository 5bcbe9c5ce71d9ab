/**
 * Builds the clause tree of a read document from a flat stream of headings and
 * blocks, the way every reader sees its source: a heading at level n opens a
 * clause nested under the nearest open heading of a lower level; blocks go to
 * the innermost open clause, or to the part's preamble before any heading.
 *
 * Levels are relative (a stack), so `###`/`####` and `##`/`###` give the same
 * tree (site-policy v5 → v6).
 */
import { doc } from '../model/build.js';
import type { Block, Clause, Document, DocumentMeta, Inline, Lang, Part, Position } from '../model/nodes.js';
import { inlineText } from '../model/walk.js';

interface Open {
  level: number;
  clause: Clause;
}

/** A document's title as a reader found it: printed on `line`, or taken from `source`. */
export interface Title {
  text: string;
  source?: DocumentMeta['titleSource'];
  line?: number;
}

export class Outline {
  private readonly part: Part = { type: 'part', id: 'body', numbered: false, children: [], clauses: [] };
  private readonly stack: Open[] = [];
  private readonly ids = new Set<string>();
  /** Per id base, the suffix to try next (see id()). */
  private readonly nextSuffix = new Map<string, number>();
  private count = 0;

  constructor(private readonly file?: string) {}

  position(line: number): Position {
    return this.file === undefined ? { line } : { file: this.file, line };
  }

  /** Open a clause; `heading` may be empty when only a number was printed ("第一条 …"). */
  heading(level: number, number: string | undefined, heading: Inline[], line: number, attrs?: Record<string, string>): Clause {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
    const clause: Clause = { type: 'clause', id: this.id(number, heading), children: [], clauses: [] };
    if (number !== undefined && number !== '') {
      clause.number = number;
      this.part.numbered = true;
    }
    if (heading.length > 0) clause.heading = heading;
    clause.position = this.position(line);
    if (attrs) clause.attrs = attrs;
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.clause.clauses : this.part.clauses).push(clause);
    this.stack.push({ level, clause });
    return clause;
  }

  block(block: Block): void {
    const open = this.stack[this.stack.length - 1];
    (open ? open.clause.children : this.part.children).push(block);
  }

  /** The finished document, with its title and where the title came from (DocumentMeta). */
  finish(lang: Lang, title: Title): Document {
    const { text, source, line } = title;
    return doc(lang, [this.part], { title: text, ...(text && source ? { titleSource: source } : {}), ...(text && !source && line !== undefined ? { titleLine: line } : {}) });
  }

  /**
   * Ids from the heading text, so an unchanged heading keeps its id across
   * versions even when renumbered; a running number when there is no heading.
   */
  private id(number: string | undefined, heading: Inline[]): string {
    this.count += 1;
    const base = slug(inlineText(heading)) || (number ? `clause-${slug(number)}` : '') || `clause-${this.count}`;
    let id = base;
    // Resume from the last suffix tried for this base: many identical headings
    // ("Reserved") would otherwise make numbering quadratic.
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.ids.has(id)) id = `${base}-${n++}`;
    this.nextSuffix.set(base, n);
    this.ids.add(id);
    return id;
  }
}

/** Lower-case, letters/digits (any script) joined by '-', at most 60 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, '-')
    .replace(EDGE_DASHES, '')
    .slice(0, 60)
    .replace(TRAILING_DASHES, '');
}

// Module constants: a regex literal in the function would be a new object per heading.
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const EDGE_DASHES = /^-+|-+$/g;
const TRAILING_DASHES = /-+$/;
