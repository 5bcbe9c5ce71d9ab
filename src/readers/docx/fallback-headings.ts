/**
 * Headings in drafts that use no heading styles at all (common in
 * counterparty DOCX converted from other tools): a short, unpunctuated
 * paragraph that starts with a clause number — typed ("1. DEFINITIONS",
 * "第一条 定义") or automatic at list level 0 — opens a clause, so the
 * redline can still align clause by clause. A candidate directly followed by
 * (or preceded by) a sibling numbered the same way is a list item ("1. Apples", "2. Pears"),
 * not a heading. Levels come from the order in which numbering kinds appear
 * (KindLevels), as in the text reader. Only used when the document has no
 * styled heading, so real structure always wins.
 */
import { KindLevels, looksLikeHeading, splitNumber } from '../numbers.js';
import type { DocxBlock, DocxPackage, DocxParagraph } from './parse.js';
import { plainText } from './runs.js';

export interface FallbackHeading {
  level: number;
  number: string;
  /** Characters of typed number to drop from the start of the text (0 for automatic numbers). */
  drop: number;
}

export class FallbackHeadings {
  private readonly levels = new KindLevels();
  private readonly neighbours = new Map<DocxParagraph, DocxParagraph[]>();
  readonly enabled: boolean;

  constructor(private readonly pkg: DocxPackage) {
    this.enabled = !hasStyledHeading(pkg.body, pkg);
    if (!this.enabled) return;
    const paragraphs = pkg.body.filter((b): b is DocxParagraph => b.kind === 'paragraph' && plainText(b.pieces) !== '');
    paragraphs.forEach((p, i) => this.neighbours.set(p, [paragraphs[i - 1], paragraphs[i + 1]].filter((n) => n !== undefined)));
  }

  /** The heading a body paragraph stands for, or undefined for body text and list items. */
  match(p: DocxParagraph, text: string, label: { text: string; ordered: boolean } | undefined, ilvl: number): FallbackHeading | undefined {
    if (!this.enabled) return undefined;
    const neighbours = this.neighbours.get(p) ?? [];
    if (label) {
      const kind = splitNumber(`${label.text} `);
      if (!label.ordered || ilvl !== 0 || !kind || kind.kind === 'paren' || !looksLikeHeading(text, true)) return undefined;
      const mine = this.numRef(p).numId;
      if (neighbours.some((n) => this.numRef(n).numId === mine && (this.numRef(n).ilvl ?? 0) === 0)) return undefined;
      return { level: this.levels.level(kind.kind, kind.depth), number: kind.number, drop: 0 };
    }
    const typed = splitNumber(text);
    if (!typed || typed.kind === 'paren' || !looksLikeHeading(typed.rest, true)) return undefined;
    const isSibling = (n: DocxParagraph): boolean => {
      const s = splitNumber(plainText(n.pieces));
      return s !== undefined && s.kind === typed.kind && s.depth === typed.depth && looksLikeHeading(s.rest, true);
    };
    if (neighbours.some(isSibling)) return undefined;
    return { level: this.levels.level(typed.kind, typed.depth), number: typed.number, drop: text.length - typed.rest.length };
  }

  private numRef(p: DocxParagraph): { numId?: string; ilvl?: number } {
    return { ...this.pkg.styles.numbering(p.styleId), ...p.numPr };
  }
}

function hasStyledHeading(blocks: DocxBlock[], pkg: DocxPackage): boolean {
  return blocks.some((b) =>
    b.kind === 'paragraph'
      ? (pkg.styles.headingLevel(b.styleId) ?? 0) > 0 || (b.outlineLvl !== undefined && b.outlineLvl < 9)
      : b.rows.some((row) => row.some((cell) => hasStyledHeading(cell, pkg))),
  );
}
