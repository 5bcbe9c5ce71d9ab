/**
 * The OPC parts around the redline's document.xml. Styles, fonts and the ZIP
 * step are shared with the agreement DOCX writer (src/writers/docx), unless our
 * DOCX's own look is given (look.ts); settings turn on change tracking so
 * counsel's further edits are tracked too.
 */
import { FONT_TABLE_XML } from '../../docx/fonts.js';
import { MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH } from '../../docx/page.js';
import { coreXml } from '../../docx/package-parts.js';
import { STYLES_XML } from '../../docx/styles.js';
import { escapeXml, W_NS, XML_DECLARATION } from '../../docx/xml.js';
import { zipPackage, type PartContent } from '../../docx/zip.js';
import { mergeStyles, pageXml, type DocxLook } from './look.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

const THEME_TYPE = 'application/vnd.openxmlformats-officedocument.theme+xml';

const contentTypes = (theme: boolean) =>
  XML_DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${WML}.styles+xml"/>` +
  `<Override PartName="/word/numbering.xml" ContentType="${WML}.numbering+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${WML}.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${WML}.fontTable+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  (theme ? `<Override PartName="/word/theme/theme1.xml" ContentType="${THEME_TYPE}"/>` : '') +
  '</Types>';

const PACKAGE_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const documentRels = (theme: boolean) =>
  XML_DECLARATION +
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdFontTable" Type="${REL}/fontTable" Target="fontTable.xml"/>` +
  (theme ? `<Relationship Id="rIdTheme" Type="${REL}/theme" Target="theme/theme1.xml"/>` : '') +
  '</Relationships>';

/** §17.15.1.87 w:trackRevisions: edits made while reviewing are tracked as well. */
const SETTINGS =
  XML_DECLARATION +
  `<w:settings xmlns:w="${W_NS}"><w:trackRevisions/><w:defaultTabStop w:val="720"/>` +
  '<w:characterSpacingControl w:val="compressPunctuation"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

const SECTION =
  `<w:sectPr><w:pgSz w:w="${PAGE_WIDTH}" w:h="${PAGE_HEIGHT}"/>` +
  `<w:pgMar w:top="${MARGIN_TOP}" w:right="${MARGIN_SIDE}" w:bottom="${MARGIN_BOTTOM}" w:left="${MARGIN_SIDE}" w:header="567" w:footer="567" w:gutter="0"/>` +
  '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>';

export interface PackageInput {
  body: string;
  numbering: string;
  title: string;
  author: string;
  /** YYYY-MM-DD */
  date: string;
  /** Our DOCX's styles, theme, fonts and page, when <ours> was a DOCX. */
  look?: DocxLook;
}

export function redlinePackage(input: PackageInput): Uint8Array {
  const { look } = input;
  const document =
    XML_DECLARATION +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${REL}"><w:body>${input.body}${look?.page ? pageXml(look.page) : SECTION}</w:body></w:document>`;
  const theme = look?.theme !== undefined;
  const parts: Array<[string, PartContent]> = [
    ['[Content_Types].xml', contentTypes(theme)],
    ['_rels/.rels', PACKAGE_RELS],
    ['word/_rels/document.xml.rels', documentRels(theme)],
    ['word/document.xml', document],
    ['word/styles.xml', look?.styles !== undefined ? mergeStyles(look.styles, STYLES_XML) : STYLES_XML],
    ['word/numbering.xml', input.numbering],
    ['word/settings.xml', SETTINGS],
    ['word/fontTable.xml', look?.fontTable ?? FONT_TABLE_XML],
    ['docProps/core.xml', coreXml({ title: input.title, date: input.date, generator: 'clausewright', lastModifiedBy: input.author })],
  ];
  if (look?.theme !== undefined) parts.push(['word/theme/theme1.xml', look.theme]);
  return zipPackage(parts, input.date);
}
