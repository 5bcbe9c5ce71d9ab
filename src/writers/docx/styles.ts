/**
 * styles.xml (ECMA-376 §17.7): the house style every clausewright DOCX shares.
 *
 * Built-in styles keep Word's names ("heading 1", "List Paragraph", "header")
 * so Word treats them as its own: Heading 1/2/3 carry outline levels for the
 * navigation pane; readers (src/readers/docx) recognise them as headings.
 * Styles never carry numbering: each numbered paragraph has its own w:numPr
 * (see numbering.ts), so an unnumbered part can still use Heading 1.
 */
import { EAST_ASIAN_FONT, LATIN_FONT } from './fonts.js';
import { XML_DECLARATION, W_NS } from './xml.js';

/** Paragraph and character style ids used by the writer. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  heading: ['Heading1', 'Heading2', 'Heading3'] as const,
  /** A numbered clause paragraph without a heading (1.1 The User shall…). */
  clauseText: 'ClauseText',
  /** Unnumbered continuation paragraph inside a numbered clause, indented to its text. */
  clauseBody: 'ClauseBody',
  listParagraph: 'ListParagraph',
  partTitle: 'PartTitle',
  coverHeading: 'CoverHeading',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
  definedTerm: 'DefinedTerm',
  tableGrid: 'TableGrid',
  bilingualTable: 'BilingualTable',
  plainTable: 'PlainTable',
} as const;

/** Where clause text starts: numbers hang in the first 720 twips (0.5 in). */
export const TEXT_INDENT = 720;

const paragraph = (id: string, name: string, body: string, extra = ''): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}${body}</w:style>`;

const heading = (level: number, size: number, before: number): string =>
  paragraph(
    `Heading${level}`,
    `heading ${level}`,
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
      `<w:rPr><w:b/><w:bCs/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`,
    `<w:next w:val="${STYLE.clauseBody}"/><w:uiPriority w:val="9"/><w:qFormat/>`,
  );

const noBorders =
  '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
const single = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
const gridBorders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(single).join('')}</w:tblBorders>`;
const cellMargins =
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>';
const tableStyle = (id: string, name: string, borders: string): string =>
  `<w:style w:type="table" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="TableNormal"/><w:tblPr>${borders}${cellMargins}</w:tblPr></w:style>`;

export const STYLES_XML =
  XML_DECLARATION +
  `<w:styles xmlns:w="${W_NS}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr>' +
  `<w:rFonts w:ascii="${LATIN_FONT}" w:eastAsia="${EAST_ASIAN_FONT}" w:hAnsi="${LATIN_FONT}" w:cs="${LATIN_FONT}"/>` +
  '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' +
  '</w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>${cellMargins}</w:tblPr></w:style>` +
  '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  paragraph(
    STYLE.title,
    'Title',
    '<w:pPr><w:keepNext/><w:spacing w:before="480" w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>',
    '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>',
  ) +
  paragraph(STYLE.subtitle, 'Subtitle', '<w:pPr><w:spacing w:after="360"/><w:jc w:val="center"/></w:pPr>', '<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>') +
  heading(1, 24, 240) +
  heading(2, 22, 180) +
  heading(3, 22, 120) +
  paragraph(STYLE.clauseText, 'Clause Text', '', '<w:qFormat/>') +
  paragraph(STYLE.clauseBody, 'Clause Body', `<w:pPr><w:ind w:left="${TEXT_INDENT}"/></w:pPr>`, '<w:qFormat/>') +
  paragraph(STYLE.listParagraph, 'List Paragraph', '<w:pPr><w:spacing w:after="60"/></w:pPr>', '<w:uiPriority w:val="34"/><w:qFormat/>') +
  paragraph(
    STYLE.partTitle,
    'Part Title',
    '<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>',
    '<w:next w:val="Normal"/><w:qFormat/>',
  ) +
  paragraph(
    STYLE.coverHeading,
    'Cover Heading',
    '<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
    '<w:next w:val="Normal"/>',
  ) +
  paragraph(STYLE.tableText, 'Table Text', '<w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/></w:pPr>') +
  paragraph(STYLE.header, 'header', '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>', '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>') +
  paragraph(STYLE.footer, 'footer', '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>', '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>') +
  `<w:style w:type="character" w:styleId="${STYLE.definedTerm}"><w:name w:val="Defined Term"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +
  tableStyle(STYLE.tableGrid, 'Table Grid', gridBorders) +
  tableStyle(STYLE.bilingualTable, 'Bilingual Table', noBorders) +
  tableStyle(STYLE.plainTable, 'Plain Table', noBorders) +
  '</w:styles>';
