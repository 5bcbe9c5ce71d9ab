/**
 * The body of the redline DOCX: our document in merged order, each paragraph
 * with its runs and revision marks, clause numbers and list labels as Word
 * numbering, table rows grouped back into tables.
 *
 * Whole inserted or deleted paragraphs also mark their paragraph mark, and
 * whole rows their row (w:trPr), so accepting or rejecting leaves no empty
 * paragraph or row behind. Moves carry named move ranges (§17.13.5.22–25).
 */
import { moveSide } from '../../../redline/apply.js';
import type { ClauseRedline, ParagraphRedline, Span } from '../../../redline/types.js';
import { TEXT_WIDTH } from '../../docx/page.js';
import { STYLE } from '../../docx/styles.js';
import { attr, escapeXml } from '../../docx/xml.js';
import { splitCells } from '../cells.js';
import { numPrXml, RedlineNumbering } from './numbering.js';
import { paragraphMarkXml, paragraphRuns, type Mark, type Revisions } from './runs.js';

interface Placed {
  clause: ClauseRedline;
  paragraph: ParagraphRedline;
  side: 'from' | 'to' | undefined;
  mark: Mark | undefined;
  /** Move range to open before / close after this paragraph's runs. */
  rangeStart?: string;
  rangeEnd?: string;
}

function markOf(side: 'from' | 'to' | undefined, p: ParagraphRedline): Mark | undefined {
  if (side === 'from') return 'moveFrom';
  if (side === 'to') return 'moveTo';
  return p.status === 'inserted' ? 'ins' : p.status === 'deleted' ? 'del' : undefined;
}

/** The paragraphs of a clause that exist in the output, with their marks and move ranges. */
function place(clause: ClauseRedline, revisions: Revisions): Placed[] {
  const placed: Placed[] = [];
  for (const paragraph of clause.paragraphs) {
    const side = moveSide(clause, paragraph);
    // Text deleted inside a clause that moved in: it never existed here on either side.
    if (side === 'to' && paragraph.status === 'deleted') continue;
    if (side === 'from' && paragraph.status === 'inserted') continue;
    placed.push({ clause, paragraph, side, mark: markOf(side, paragraph) });
  }
  const range = (first: Placed, last: Placed, side: 'from' | 'to', name: string) => {
    const tag = side === 'from' ? 'w:moveFromRange' : 'w:moveToRange';
    const id = revisions.id();
    first.rangeStart = (first.rangeStart ?? '') + `<${tag}Start${attr('w:id', id)}${attr('w:author', revisions.author)}${attr('w:date', revisions.date)}${attr('w:name', name)}/>`;
    last.rangeEnd = `<${tag}End${attr('w:id', id)}/>` + (last.rangeEnd ?? '');
  };
  if (clause.move && placed.length > 0) range(placed[0]!, placed[placed.length - 1]!, clause.move.side, clause.move.id);
  else for (const p of placed) if (p.paragraph.move) range(p, p, p.paragraph.move.side, p.paragraph.move.id);
  return placed;
}

function paragraphXml(p: Placed, pPrInner: string, revisions: Revisions, spans: readonly Span[] = p.paragraph.spans): string {
  const { styles, restyled } = p.paragraph;
  const runs = paragraphRuns({ spans, ...(styles ? { styles } : {}), ...(restyled ? { restyled } : {}), ...(p.side ? { move: p.side } : {}) }, revisions);
  const pPr = pPrInner + paragraphMarkXml(p.mark, revisions);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${p.rangeStart ?? ''}${runs}${p.rangeEnd ?? ''}</w:p>`;
}

function tableXml(rows: Placed[], revisions: Revisions, textWidth: number): string {
  const split = rows.map((r) => splitCells(r.paragraph.spans));
  const columns = split.reduce((most, cells) => Math.max(most, cells.length), 1);
  const width = Math.floor(textWidth / columns);
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>`;
  let out = `<w:tbl><w:tblPr><w:tblStyle w:val="${STYLE.tableGrid}"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}`;
  rows.forEach((row, r) => {
    const rowMark = row.mark === 'moveFrom' ? 'del' : row.mark === 'moveTo' ? 'ins' : row.mark;
    out += `<w:tr>${rowMark ? `<w:trPr><w:${rowMark}${revisions.attrs()}/></w:trPr>` : ''}`;
    split[r]!.forEach((cell, c, all) => {
      const placed: Placed = { ...row, rangeStart: c === 0 ? row.rangeStart : undefined, rangeEnd: c === all.length - 1 ? row.rangeEnd : undefined };
      out += `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraphXml(placed, `<w:pStyle w:val="${STYLE.tableText}"/>`, revisions, cell)}</w:tc>`;
    });
    out += '</w:tr>';
  });
  return out + '</w:tbl>';
}

function styleOf(p: Placed, first: boolean): { style: string; numbered: boolean } {
  const { clause, paragraph } = p;
  if (paragraph.kind === 'heading') {
    if (clause.kind === 'part') return { style: STYLE.partTitle, numbered: false };
    return { style: STYLE.heading[Math.min(clause.depth, 2)]!, numbered: first };
  }
  if (first) return { style: STYLE.clauseText, numbered: true };
  return { style: clause.number ? STYLE.clauseBody : STYLE.normal, numbered: false };
}

/**
 * Paragraph styles from our DOCX (look.ts): each of our paragraphs keeps its
 * own; a paragraph only they have takes the style of the last paragraph of its
 * kind; without either, the house style applies.
 */
class OwnStyles {
  private readonly lastOfKind = new Map<string, string>();
  constructor(private readonly byLine: Readonly<Record<number, string>> | undefined) {}

  pick(p: ParagraphRedline, house: string): string {
    if (!this.byLine) return house;
    const line = p.line?.ours;
    const own = line !== undefined ? this.byLine[line] : undefined;
    const kind = p.kind === 'listItem' && p.list?.continued ? 'continued' : p.kind;
    if (own !== undefined) {
      this.lastOfKind.set(kind, own);
      return own;
    }
    return this.lastOfKind.get(kind) ?? house;
  }
}

export interface BodyOptions {
  /** Paragraph style of each of our paragraphs, by line (when <ours> was a DOCX). */
  paragraphStyles?: Readonly<Record<number, string>>;
  /** Width available for tables, in twentieths of a point. */
  textWidth?: number;
}

/** document.xml body content for a redline (everything inside w:body except w:sectPr). */
export function bodyXml(clauses: readonly ClauseRedline[], numbering: RedlineNumbering, revisions: Revisions, options: BodyOptions = {}): string {
  const own = new OwnStyles(options.paragraphStyles);
  const textWidth = options.textWidth ?? TEXT_WIDTH;
  let out = '';
  let lastWasTable = false;
  for (const clause of clauses) {
    const placed = place(clause, revisions);
    for (let k = 0; k < placed.length; ) {
      const p = placed[k]!;
      if (p.paragraph.kind === 'tableRow') {
        let end = k;
        while (end < placed.length && placed[end]!.paragraph.kind === 'tableRow') end++;
        // Two tables in a row would merge into one in Word: keep an empty paragraph between.
        if (lastWasTable) out += '<w:p/>';
        out += tableXml(placed.slice(k, end), revisions, textWidth);
        lastWasTable = true;
        k = end;
        continue;
      }
      if (p.paragraph.kind === 'listItem') {
        let end = k;
        while (end < placed.length && placed[end]!.paragraph.kind === 'listItem') end++;
        const run = placed.slice(k, end);
        const numId = numbering.list(run.map((r) => r.paragraph));
        for (const item of run) {
          const list = item.paragraph.list;
          const level = Math.min(list?.level ?? 0, 8);
          const style = escapeXml(own.pick(item.paragraph, STYLE.listParagraph));
          const pPr = list?.continued
            ? `<w:pStyle w:val="${style}"/><w:ind w:left="${720 * (level + 2)}"/>`
            : `<w:pStyle w:val="${style}"/>${numPrXml(numId, level)}`;
          out += paragraphXml(item, pPr, revisions);
        }
        lastWasTable = false;
        k = end;
        continue;
      }
      const { style, numbered } = styleOf(p, k === 0);
      const numPr = numbered ? numbering.clauseNumPr(clause) : '';
      const house = numPr || p.paragraph.kind === 'heading' || !numbered ? style : STYLE.normal;
      out += paragraphXml(p, `<w:pStyle w:val="${escapeXml(own.pick(p.paragraph, house))}"/>${numPr}`, revisions);
      lastWasTable = false;
      k++;
    }
  }
  // Word wants a paragraph after a final table.
  return lastWasTable ? out + '<w:p/>' : out;
}
