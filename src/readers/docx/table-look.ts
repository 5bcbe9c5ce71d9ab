/**
 * The look of one of our tables, for the redline DOCX to keep it (look.ts):
 * the table's own properties (its table style, width, layout, borders, cell
 * margins), each row's header-row and keep-together settings, each cell's
 * borders, shading and alignment, and which of our paragraphs each cell holds
 * (their styles and layouts are the paragraphs' own, by line, as in the body).
 *
 * As for paragraphs (layout.ts), only elements and values the schema allows
 * are copied (ECMA-376 Part 1 §17.4): Word refuses a file with an unknown
 * enumeration value. Each list below is in its schema sequence (CT_TblPr,
 * CT_TrPrBase, CT_TcPr), so the writer can write the kept elements as they come.
 */
import { kept, ON_OFF, oneOf, present, SIGNED, UNSIGNED, type Attributes } from './layout.js';
import { child, type XmlElement } from './xml.js';

/** One of our paragraphs in a cell, whose text the reader keeps (one line of the cell's text). */
export interface CellParagraphLook {
  /** The reader's line (index + 1): the key to its style and layout in the look. */
  line: number;
  /** The numbering label Word prints before it ("1.2", "(a)", "第一条"), which the redline keeps beside the cell's text (`cellLabels`). */
  label?: string;
  /** The numbering level (`w:ilvl`, 0-based) that printed the label: the redline counts cell numbers by it. */
  level?: number;
  /** Where that label hangs: the numbering level's `w:ind` (the redline has no numbering of its own in cells). */
  indent?: XmlElement;
}

export interface CellLookOfOurs {
  /** Kept `w:tcPr` children after tcW, gridSpan and vMerge (which the writer sets): tcBorders … hideMark. */
  properties?: XmlElement[];
  /** The cell's paragraphs the reader reads as lines; undefined when a nested table makes lines and paragraphs differ. */
  paragraphs?: CellParagraphLook[];
}

export interface RowLook {
  /** Kept `w:trPr` children: cantSplit, trHeight, tblHeader (a header row repeats on each page). */
  properties?: XmlElement[];
  cells: CellLookOfOurs[];
}

export interface TableLook {
  /** Kept `w:tblPr` children in CT_TblPr order: tblStyle, tblW, jc, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook… */
  properties: XmlElement[];
  rows: RowLook[];
  /** An empty paragraph before it broke the page (the cover's break before the clauses): the redline breaks there too. */
  pageBreakBefore?: true;
}

const COLOR = /^(?:auto|[0-9A-Fa-f]{6})$/;
const WIDTH_TYPE = oneOf('nil', 'pct', 'dxa', 'auto');
/** A measure: twips, or a percentage where the type is pct ("50%" or fiftieths). */
const MEASURE = /^(?:-?\d{1,6}|\d{1,3}(?:\.\d{1,2})?%)$/;
const WIDTH: Attributes = { 'w:w': MEASURE, 'w:type': WIDTH_TYPE };
/** ST_Border's line styles (the art borders, rarely used, are left out: a border with another value is dropped). */
const BORDER_STYLE = oneOf(
  'nil', 'none', 'single', 'thick', 'double', 'dotted', 'dashed', 'dotDash', 'dotDotDash', 'triple',
  'thinThickSmallGap', 'thickThinSmallGap', 'thinThickThinSmallGap', 'thinThickMediumGap', 'thickThinMediumGap',
  'thinThickThinMediumGap', 'thinThickLargeGap', 'thickThinLargeGap', 'thinThickThinLargeGap', 'wave', 'doubleWave',
  'dashSmallGap', 'dashDotStroked', 'threeDEmboss', 'threeDEngrave', 'outset', 'inset',
);
const BORDER: Attributes = { 'w:val': BORDER_STYLE, 'w:color': COLOR, 'w:sz': UNSIGNED, 'w:space': UNSIGNED, 'w:shadow': ON_OFF, 'w:frame': ON_OFF };
const SHADING: Attributes = {
  'w:val': /^(?:nil|clear|solid|pct(?:5|10|12|15|20|25|30|35|37|40|45|50|55|60|62|65|70|75|80|85|87|90|95)|(?:thin)?(?:horzStripe|vertStripe|reverseDiagStripe|diagStripe|horzCross|diagCross))$/,
  'w:color': COLOR,
  'w:fill': COLOR,
};
const TABLE_JC = oneOf('start', 'end', 'center', 'left', 'right');

/** A container (borders, margins) whose children are kept in `order`, each with `attrs` and the required `w:val`/`w:w`. */
function keptGroup(el: XmlElement | undefined, order: readonly string[], attrs: Attributes, required: readonly string[]): XmlElement | undefined {
  if (!el) return undefined;
  const children = present(order.map((name) => kept(child(el, name), attrs, required)));
  return children.length > 0 ? { name: el.name, attrs: {}, children } : undefined;
}

const TABLE_BORDERS = ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end', 'w:insideH', 'w:insideV'];
const CELL_BORDERS = ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end', 'w:insideH', 'w:insideV', 'w:tl2br', 'w:tr2bl'];
const MARGINS = ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end'];

/** `w:tblPr` → kept children in CT_TblPr order (no floating position, caption or description). */
function tableProperties(tblPr: XmlElement | undefined): XmlElement[] {
  const at = (name: string) => child(tblPr, name);
  return present([
    kept(at('w:tblStyle'), { 'w:val': /^[^<>&"]{1,253}$/ }, ['w:val']),
    kept(at('w:bidiVisual'), { 'w:val': ON_OFF }),
    kept(at('w:tblStyleRowBandSize'), { 'w:val': UNSIGNED }, ['w:val']),
    kept(at('w:tblStyleColBandSize'), { 'w:val': UNSIGNED }, ['w:val']),
    kept(at('w:tblW'), WIDTH),
    kept(at('w:jc'), { 'w:val': TABLE_JC }, ['w:val']),
    kept(at('w:tblCellSpacing'), WIDTH),
    kept(at('w:tblInd'), WIDTH),
    keptGroup(at('w:tblBorders'), TABLE_BORDERS, BORDER, ['w:val']),
    kept(at('w:shd'), SHADING, ['w:val']),
    kept(at('w:tblLayout'), { 'w:type': oneOf('fixed', 'autofit') }),
    keptGroup(at('w:tblCellMar'), MARGINS, WIDTH, []),
    kept(at('w:tblLook'), {
      'w:val': /^[0-9A-Fa-f]{4}$/,
      'w:firstRow': ON_OFF,
      'w:lastRow': ON_OFF,
      'w:firstColumn': ON_OFF,
      'w:lastColumn': ON_OFF,
      'w:noHBand': ON_OFF,
      'w:noVBand': ON_OFF,
    }),
  ]);
}

/** `w:trPr` → cantSplit, trHeight, tblHeader (CT_TrPrBase is a choice; this order is Word's). */
function rowProperties(trPr: XmlElement | undefined): XmlElement[] | undefined {
  const out = present([
    kept(child(trPr, 'w:cantSplit'), { 'w:val': ON_OFF }),
    kept(child(trPr, 'w:trHeight'), { 'w:val': UNSIGNED, 'w:hRule': oneOf('auto', 'exact', 'atLeast') }),
    kept(child(trPr, 'w:tblHeader'), { 'w:val': ON_OFF }),
  ]);
  return out.length > 0 ? out : undefined;
}

/** `w:tcPr` → the children after vMerge, in CT_TcPr order: tcBorders, shd, noWrap, tcMar, textDirection, tcFitText, vAlign, hideMark. */
function cellProperties(tcPr: XmlElement | undefined): XmlElement[] | undefined {
  const at = (name: string) => child(tcPr, name);
  const out = present([
    keptGroup(at('w:tcBorders'), CELL_BORDERS, BORDER, ['w:val']),
    kept(at('w:shd'), SHADING, ['w:val']),
    kept(at('w:noWrap'), { 'w:val': ON_OFF }),
    keptGroup(at('w:tcMar'), MARGINS, WIDTH, []),
    kept(at('w:textDirection'), { 'w:val': oneOf('lrTb', 'tbRl', 'btLr', 'lrTbV', 'tbRlV', 'tbLrV') }, ['w:val']),
    kept(at('w:tcFitText'), { 'w:val': ON_OFF }),
    kept(at('w:vAlign'), { 'w:val': oneOf('top', 'center', 'both', 'bottom') }, ['w:val']),
    kept(at('w:hideMark'), { 'w:val': ON_OFF }),
  ]);
  return out.length > 0 ? out : undefined;
}

/** A table's own `w:tblPr`, and each kept row's `w:trPr` and cells' `w:tcPr`, as the parser found them (parse.ts). */
export interface TableProperties {
  tblPr?: XmlElement;
  trPr: Array<XmlElement | undefined>;
  tcPr: Array<Array<XmlElement | undefined>>;
}

/**
 * The look of a table: its properties, and per row and cell what is kept;
 * `paragraphs(r, c)` gives the cell's paragraphs the reader reads as lines.
 * @example tableLook(props, (r, c) => [{ line: 12 }]).properties[0] // <w:tblStyle w:val="BilingualTable"/>
 */
export function tableLook(props: TableProperties, paragraphs: (row: number, cell: number) => CellParagraphLook[] | undefined): TableLook {
  return {
    properties: tableProperties(props.tblPr),
    rows: props.tcPr.map((cells, r) => {
      const row = rowProperties(props.trPr[r]);
      return {
        ...(row ? { properties: row } : {}),
        cells: cells.map((tcPr, c) => {
          const cell = cellProperties(tcPr);
          const paras = paragraphs(r, c);
          return { ...(cell ? { properties: cell } : {}), ...(paras ? { paragraphs: paras } : {}) };
        }),
      };
    }),
  };
}

