/**
 * numbering.xml (ECMA-376 §17.9): Word automatic multi-level numbering.
 *
 * One multi-level list numbers the whole agreement: level 0 "1" and level 1
 * "1.1" for clauses, levels 2–3 "(a)"/"(i)" for ordered list items, so Word
 * restarts (a) after every clause by itself (w:lvlRestart defaults to "after
 * any higher level", §17.9.10). Paragraphs point at it with w:numPr; numbers
 * are never typed into the text.
 *
 * In a bilingual agreement the English column needs its own counters, so it
 * uses a second, identical abstract definition: Word continues numbering
 * across every w:num that shares one w:abstractNum.
 */
import { TEXT_INDENT } from './styles.js';
import { LATIN_FONT } from './fonts.js';
import { XML_DECLARATION, W_NS } from './xml.js';

type NumFmt = 'decimal' | 'lowerLetter' | 'lowerRoman' | 'upperLetter' | 'upperRoman';

interface Level {
  fmt: NumFmt;
  /** w:lvlText: %n is the counter of level n-1. */
  text: string;
  left: number;
}

/** The clause list, level by level (ilvl 0–8; Word expects nine). */
export const CLAUSE_LEVELS: readonly Level[] = [
  { fmt: 'decimal', text: '%1', left: TEXT_INDENT },
  { fmt: 'decimal', text: '%1.%2', left: TEXT_INDENT },
  { fmt: 'lowerLetter', text: '(%3)', left: 2 * TEXT_INDENT },
  { fmt: 'lowerRoman', text: '(%4)', left: 3 * TEXT_INDENT },
  { fmt: 'upperLetter', text: '(%5)', left: 4 * TEXT_INDENT },
  { fmt: 'upperRoman', text: '(%6)', left: 5 * TEXT_INDENT },
  { fmt: 'decimal', text: '%7.', left: 6 * TEXT_INDENT },
  { fmt: 'lowerLetter', text: '%8.', left: 7 * TEXT_INDENT },
  { fmt: 'lowerRoman', text: '%9.', left: 8 * TEXT_INDENT },
];

/** ilvl of clause levels and of the first ordered-list level. */
export const CLAUSE_ILVL_MAX = 1;
export const LIST_ILVL = 2;
export const MAX_ILVL = 8;

const BULLETS = ['•', '◦', '▪'];

export const ABSTRACT = { clausesPrimary: 0, clausesSecondary: 1, bullets: 2 } as const;
export const NUM = { clausesPrimary: 1, clausesSecondary: 2, bullets: 3 } as const;

/** Left indent of a list level, for continuation paragraphs of a list item. */
export function levelIndent(ilvl: number): number {
  return CLAUSE_LEVELS[Math.min(ilvl, MAX_ILVL)]!.left;
}

const lvl = (ilvl: number, fmt: string, text: string, left: number, rPr = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
  `<w:pPr><w:ind w:left="${left}" w:hanging="${TEXT_INDENT}"/></w:pPr>${rPr}</w:lvl>`;

const clauseAbstract = (id: number, nsid: string): string =>
  `<w:abstractNum w:abstractNumId="${id}"><w:nsid w:val="${nsid}"/><w:multiLevelType w:val="multilevel"/>` +
  CLAUSE_LEVELS.map((l, i) => lvl(i, l.fmt, l.text, l.left)).join('') +
  '</w:abstractNum>';

const bulletAbstract = (id: number, nsid: string): string =>
  `<w:abstractNum w:abstractNumId="${id}"><w:nsid w:val="${nsid}"/><w:multiLevelType w:val="hybridMultilevel"/>` +
  CLAUSE_LEVELS.map((l, i) =>
    lvl(i, 'bullet', BULLETS[i % BULLETS.length]!, Math.max(l.left, 2 * TEXT_INDENT), `<w:rPr><w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:hint="default"/></w:rPr>`),
  ).join('') +
  '</w:abstractNum>';

// Fixed nsids keep the output byte-stable (Word would pick random ones).
const ABSTRACT_XML =
  clauseAbstract(ABSTRACT.clausesPrimary, 'C1A05E01') +
  clauseAbstract(ABSTRACT.clausesSecondary, 'C1A05E02') +
  bulletAbstract(ABSTRACT.bullets, 'C1A05E03');

interface Restart {
  numId: number;
  abstractId: number;
  ilvl: number;
  start: number;
}

/** The w:num instances of one document: three fixed ones plus restarts. */
export class NumberingPlan {
  private readonly restarts: Restart[] = [];

  /** A new w:num on `abstractId` whose level `ilvl` starts again at `start` (§17.9.27 startOverride). */
  restart(abstractId: number, ilvl: number, start: number): number {
    const numId = NUM.bullets + 1 + this.restarts.length;
    this.restarts.push({ numId, abstractId, ilvl, start });
    return numId;
  }

  toXml(): string {
    const num = (numId: number, abstractId: number, body = ''): string =>
      `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${body}</w:num>`;
    return (
      XML_DECLARATION +
      `<w:numbering xmlns:w="${W_NS}">` +
      ABSTRACT_XML +
      num(NUM.clausesPrimary, ABSTRACT.clausesPrimary) +
      num(NUM.clausesSecondary, ABSTRACT.clausesSecondary) +
      num(NUM.bullets, ABSTRACT.bullets) +
      this.restarts
        .map((r) => num(r.numId, r.abstractId, `<w:lvlOverride w:ilvl="${r.ilvl}"><w:startOverride w:val="${r.start}"/></w:lvlOverride>`))
        .join('') +
      '</w:numbering>'
    );
  }
}

/** `w:numPr` for a paragraph (§17.3.1.19). */
export function numPr(numId: number, ilvl: number): string {
  return `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
}
