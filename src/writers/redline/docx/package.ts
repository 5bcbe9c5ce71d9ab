/**
 * The OPC parts around the redline's document.xml. Styles, fonts and the ZIP
 * step are shared with the agreement DOCX writer (src/writers/docx), unless our
 * DOCX's own look is given (look.ts); settings turn on change tracking so
 * counsel's further edits are tracked too.
 */
import { FONT_TABLE_XML } from '../../docx/fonts.js';
import { HEADER_DISTANCE, MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH } from '../../docx/page.js';
import { CONTENT_TYPES_START, CORE_PROPERTIES_REL, CORE_PROPERTIES_TYPE, coreXml, DOCUMENT_PART_RELS, override, PKG_REL, REL, relationship, WML } from '../../docx/package-parts.js';
import { STYLES_XML } from '../../docx/styles.js';
import { escapeXml, W_NS, XML_DECLARATION } from '../../docx/xml.js';
import { zipPackage, type PartContent } from '../../docx/zip.js';
import { MEDIA_TYPES, type HeaderFooterLook } from '../../../readers/docx/header-footer.js';
import { headerFooterKey } from '../../../readers/header-footer-pages.js';
import { mergeStyles, pageXml, type DocxLook, type PageLook } from './look.js';

const THEME_TYPE = 'application/vnd.openxmlformats-officedocument.theme+xml';

/** Our headers and footers as parts of the redline: name, relationship id, relationships and pictures. */
interface CarriedPart extends HeaderFooterLook {
  name: string;
  id: string;
}

function carriedParts(look: DocxLook | undefined): CarriedPart[] {
  return (look?.headersFooters ?? []).map((h, k) => ({ ...h, name: `${h.kind}${k + 1}.xml`, id: `rIdHdrFtr${k + 1}` }));
}

/** Every picture the headers and footers show, once each (two may share a logo). */
function mediaParts(carried: readonly CarriedPart[]): Map<string, Uint8Array> {
  const media = new Map<string, Uint8Array>();
  for (const c of carried) for (const m of c.media) media.set(m.name, m.bytes);
  return media;
}

const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** [MS-DOCX] 2.3.3: the part Word 2013 keeps comment threads in. */
const COMMENTS_EXTENDED_REL = 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended';

/** Footnotes and endnotes parts, by name without extension, that the body references. */
type NoteParts = Partial<Record<'footnotes' | 'endnotes', string>>;
const NOTE_PARTS = ['footnotes', 'endnotes'] as const;

const contentTypes = (theme: boolean, comments: CommentParts | undefined, notes: NoteParts, carried: readonly CarriedPart[], media: ReadonlyMap<string, Uint8Array>) =>
  CONTENT_TYPES_START +
  [...new Set([...media.keys()].map(extension))].map((ext) => `<Default Extension="${ext}" ContentType="${MEDIA_TYPES[ext]}"/>`).join('') +
  override('/docProps/core.xml', CORE_PROPERTIES_TYPE) +
  (theme ? override('/word/theme/theme1.xml', THEME_TYPE) : '') +
  (comments ? override('/word/comments.xml', `${WML}.comments+xml`) : '') +
  (comments?.extended !== undefined ? override('/word/commentsExtended.xml', `${WML}.commentsExtended+xml`) : '') +
  NOTE_PARTS.map((n) => (notes[n] !== undefined ? override(`/word/${n}.xml`, `${WML}.${n}+xml`) : '')).join('') +
  carried.map((c) => override(`/word/${c.name}`, `${WML}.${c.kind}+xml`)).join('') +
  '</Types>';

const PACKAGE_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${PKG_REL}">` +
  relationship('rId1', `${REL}/officeDocument`, 'word/document.xml') +
  relationship('rId2', CORE_PROPERTIES_REL, 'docProps/core.xml') +
  '</Relationships>';

const documentRels = (theme: boolean, comments: CommentParts | undefined, notes: NoteParts, hyperlinks: ReadonlyArray<[string, string]>, carried: readonly CarriedPart[]) =>
  XML_DECLARATION +
  `<Relationships xmlns="${PKG_REL}">` +
  DOCUMENT_PART_RELS +
  (theme ? relationship('rIdTheme', `${REL}/theme`, 'theme/theme1.xml') : '') +
  (comments ? relationship('rIdComments', `${REL}/comments`, 'comments.xml') : '') +
  (comments?.extended !== undefined ? relationship('rIdCommentsExtended', COMMENTS_EXTENDED_REL, 'commentsExtended.xml') : '') +
  NOTE_PARTS.map((n) => (notes[n] !== undefined ? relationship(`rId${n}`, `${REL}/${n}`, `${n}.xml`) : '')).join('') +
  carried.map((c) => relationship(c.id, `${REL}/${c.kind}`, c.name)).join('') +
  hyperlinks.map(([id, target]) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${escapeXml(target)}" TargetMode="External"/>`).join('') +
  '</Relationships>';

/** §17.15.1.87 w:trackRevisions: edits made while reviewing are tracked as well. */
const settings = (evenAndOddHeaders: boolean) =>
  XML_DECLARATION +
  `<w:settings xmlns:w="${W_NS}"><w:trackRevisions/><w:defaultTabStop w:val="720"/>` +
  // After defaultTabStop and before characterSpacingControl, as CT_Settings orders them.
  (evenAndOddHeaders ? '<w:evenAndOddHeaders/>' : '') +
  '<w:characterSpacingControl w:val="compressPunctuation"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

/** The house page (A4), written as our page would be. */
const HOUSE_PAGE: PageLook = {
  width: PAGE_WIDTH,
  height: PAGE_HEIGHT,
  margins: { top: MARGIN_TOP, right: MARGIN_SIDE, bottom: MARGIN_BOTTOM, left: MARGIN_SIDE, header: HEADER_DISTANCE, footer: HEADER_DISTANCE, gutter: 0 },
};

export interface PackageInput {
  body: string;
  numbering: string;
  title: string;
  author: string;
  /** YYYY-MM-DD */
  date: string;
  /** Our DOCX's styles, theme, fonts and page, when <ours> was a DOCX. */
  look?: DocxLook;
  /** Their style definitions ours lacks, for paragraphs only they have (look.ts theirStyles). */
  theirStyles?: string;
  /** [relationship id, target] of each external hyperlink in the body. */
  hyperlinks?: ReadonlyArray<[string, string]>;
  /** The comments parts, when the body anchors any comment. */
  comments?: CommentParts;
  /** footnotes.xml and endnotes.xml, when the body references notes. */
  footnotes?: string;
  endnotes?: string;
  /** Our headers and footers with their changes tracked, by kind and pages ('header default'), in place of the part as found. */
  headerFooterXml?: ReadonlyMap<string, string>;
}

/** comments.xml, and commentsExtended.xml when a comment is in a thread or done. */
export interface CommentParts {
  part: string;
  extended?: string;
}

export function redlinePackage(input: PackageInput): Uint8Array {
  const { look } = input;
  const carried = carriedParts(look);
  const media = mediaParts(carried);
  const references = carried.map((c) => `<w:${c.kind}Reference w:type="${c.type}" r:id="${c.id}"/>`).join('');
  const section = pageXml(look?.page ?? HOUSE_PAGE, { references, ...(look?.titlePage ? { titlePage: true } : {}) });
  const document = XML_DECLARATION + `<w:document xmlns:w="${W_NS}" xmlns:r="${REL}"><w:body>${input.body}${section}</w:body></w:document>`;
  const theme = look?.theme !== undefined;
  const parts: Array<[string, PartContent]> = [
    ['[Content_Types].xml', contentTypes(theme, input.comments, input, carried, media)],
    ['_rels/.rels', PACKAGE_RELS],
    ['word/_rels/document.xml.rels', documentRels(theme, input.comments, input, input.hyperlinks ?? [], carried)],
    ['word/document.xml', document],
    ['word/styles.xml', look?.styles !== undefined ? mergeStyles(look.styles, STYLES_XML, input.theirStyles) : STYLES_XML],
    ['word/numbering.xml', input.numbering],
    ['word/settings.xml', settings(look?.evenAndOddHeaders === true)],
    ['word/fontTable.xml', look?.fontTable ?? FONT_TABLE_XML],
    ['docProps/core.xml', coreXml({ title: input.title, date: input.date, generator: 'clausewright', lastModifiedBy: input.author })],
  ];
  if (look?.theme !== undefined) parts.push(['word/theme/theme1.xml', look.theme]);
  if (input.comments !== undefined) parts.push(['word/comments.xml', input.comments.part]);
  if (input.comments?.extended !== undefined) parts.push(['word/commentsExtended.xml', input.comments.extended]);
  for (const n of NOTE_PARTS) if (input[n] !== undefined) parts.push([`word/${n}.xml`, input[n]]);
  for (const c of carried) {
    parts.push([`word/${c.name}`, input.headerFooterXml?.get(headerFooterKey(c)) ?? c.part]);
    // Copied as found: its ids are the ones the header's pictures and links use.
    if (c.rels) parts.push([`word/_rels/${c.name}.rels`, c.rels]);
  }
  for (const [name, bytes] of media) parts.push([name, bytes]);
  return zipPackage(parts, input.date);
}
