/**
 * The OPC plumbing around document.xml (ECMA-376 Part 2): content types,
 * relationships, settings and document properties. Static where possible;
 * core.xml takes its dates from the document date, never from the clock.
 */
import { escapeXml, W_NS, XML_DECLARATION } from './xml.js';

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
export const CORE_PROPERTIES_TYPE = 'application/vnd.openxmlformats-package.core-properties+xml';
export const CORE_PROPERTIES_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

export const override = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
export const relationship = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

/**
 * The start of [Content_Types].xml in every DOCX we write (agreement and
 * redline): the root, the defaults for .rels and .xml, and the parts both have.
 */
export const CONTENT_TYPES_START =
  XML_DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  override('/word/document.xml', `${WML}.document.main+xml`) +
  override('/word/styles.xml', `${WML}.styles+xml`) +
  override('/word/numbering.xml', `${WML}.numbering+xml`) +
  override('/word/settings.xml', `${WML}.settings+xml`) +
  override('/word/fontTable.xml', `${WML}.fontTable+xml`);

/** Relationship ids of document.xml.rels, referred to from document.xml. */
export const REL_ID = { header: 'rIdHeader1', footer: 'rIdFooter1' } as const;

export function contentTypesXml(withProvenance: boolean): string {
  return (
    CONTENT_TYPES_START +
    override('/word/header1.xml', `${WML}.header+xml`) +
    override('/word/footer1.xml', `${WML}.footer+xml`) +
    override('/docProps/core.xml', CORE_PROPERTIES_TYPE) +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    (withProvenance
      ? override('/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml') +
        override('/customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml')
      : '') +
    '</Types>'
  );
}

export function packageRelsXml(withProvenance: boolean): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PKG_REL}">` +
    relationship('rId1', `${REL}/officeDocument`, 'word/document.xml') +
    relationship('rId2', CORE_PROPERTIES_REL, 'docProps/core.xml') +
    relationship('rId3', `${REL}/extended-properties`, 'docProps/app.xml') +
    (withProvenance ? relationship('rId4', `${REL}/custom-properties`, 'docProps/custom.xml') : '') +
    '</Relationships>'
  );
}

/** The relationships of document.xml that every DOCX we write (agreement and redline) has. */
export const DOCUMENT_PART_RELS =
  relationship('rIdStyles', `${REL}/styles`, 'styles.xml') +
  relationship('rIdNumbering', `${REL}/numbering`, 'numbering.xml') +
  relationship('rIdSettings', `${REL}/settings`, 'settings.xml') +
  relationship('rIdFontTable', `${REL}/fontTable`, 'fontTable.xml');

export function documentRelsXml(withProvenance: boolean): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PKG_REL}">` +
    DOCUMENT_PART_RELS +
    relationship(REL_ID.header, `${REL}/header`, 'header1.xml') +
    relationship(REL_ID.footer, `${REL}/footer`, 'footer1.xml') +
    (withProvenance ? relationship('rIdProvenance', `${REL}/customXml`, '../customXml/item1.xml') : '') +
    '</Relationships>'
  );
}

/**
 * settings.xml (§17.15): no rsids and no "update fields on open" prompt (the
 * cached field values are already right); CJK punctuation compression as in
 * Chinese Word templates; compatibility mode 15 (Word 2013+ layout).
 * Not taken from the `docx` package (unlike styles.xml): its settings options
 * have no w:characterSpacingControl or w:themeFontLang.
 */
export const SETTINGS_XML =
  XML_DECLARATION +
  `<w:settings xmlns:w="${W_NS}">` +
  '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="compressPunctuation"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="en-GB" w:eastAsia="zh-CN"/>' +
  '</w:settings>';

export const APP_XML =
  XML_DECLARATION +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<Application>clausewright</Application><DocSecurity>0</DocSecurity></Properties>';

export interface CoreProperties {
  title: string;
  language?: string;
  /** YYYY-MM-DD */
  date: string;
  generator: string;
  /** Who last changed it (the redline's author); default: the generator. */
  lastModifiedBy?: string;
  version?: string;
}

export function coreXml(p: CoreProperties): string {
  const stamp = `${p.date}T00:00:00Z`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title><dc:creator>${escapeXml(p.generator)}</dc:creator><cp:lastModifiedBy>${escapeXml(p.lastModifiedBy ?? p.generator)}</cp:lastModifiedBy>` +
    (p.language ? `<dc:language>${escapeXml(p.language)}</dc:language>` : '') +
    (p.version ? `<cp:version>${escapeXml(p.version)}</cp:version>` : '') +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/custom.xml (§22.3): a human-visible summary in Word's File › Properties › Custom. */
export function customPropertiesXml(props: ReadonlyArray<readonly [string, string]>): string {
  const fmtid = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    props.map(([name, value], i) => `<property fmtid="${fmtid}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`).join('') +
    '</Properties>'
  );
}
