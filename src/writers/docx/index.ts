/**
 * DOCX writer: Document model → a Word-native .docx (issue 3).
 *
 * Does: cover (title, parties, key terms), Heading 1/2 clause headings, Word
 * automatic multi-level numbering (1 / 1.1 / (a) / (i)) through numbering.xml
 * and w:numPr, bookmarks + REF fields for cross-references, defined terms
 * bold and quoted, header (title, version) and footer (page X of Y), signature
 * block, Chinese runs in an East Asian font, bilingual zh+en side by side,
 * provenance as a custom XML part, byte-identical output for equal input.
 *
 * How: the static house style sheet (word/styles.xml) is built with the
 * `docx` package (Document({ styles }) + Packer), once per process, in
 * styles.ts. The per-document parts (document.xml, numbering.xml, header and
 * footer) are serialised here as strings and zipped with fflate: building each
 * paragraph as a `docx` object tree and packing it runs at about a third of
 * our speed and cannot meet issue 3's ≥ 50 docs/s (see bench/assemble.mjs).
 * settings.xml, fontTable.xml and the OPC parts stay static strings too, as
 * the `docx` package cannot express what they say (see package-parts.ts).
 *
 * Not done yet: images, footnotes, comments, tracked changes (see
 * redline-docx), clause levels deeper than 1.1 (written at the (a) level, with
 * a warning).
 */
import { InputError, error, type Diagnostic } from '../../diagnostics.js';
import type { Document } from '../../model/nodes.js';
import { collect } from '../../model/walk.js';
import { bilingualBody } from './bilingual.js';
import { WriteContext } from './context.js';
import { CrossRefIndex } from './cross-refs.js';
import { FONT_TABLE_XML } from './fonts.js';
import { footerXml, headerXml, type Edition } from './header-footer.js';
import {
  APP_XML,
  REL_ID,
  SETTINGS_XML,
  contentTypesXml,
  coreXml,
  customPropertiesXml,
  documentRelsXml,
  packageRelsXml,
} from './package-parts.js';
import { sectionXml } from './page.js';
import { PROVENANCE_ITEM, PROVENANCE_ITEM_RELS, PROVENANCE_PROPS, PROVENANCE_PROPS_XML, provenanceXml } from './provenance.js';
import { singleBody } from './single.js';
import { separateTables } from './table.js';
import { STYLES_XML } from './styles.js';
import { warnAttrs } from './unrendered.js';
import { R_NS, W_NS, XML_DECLARATION } from './xml.js';
import { zipPackage, type PartContent } from './zip.js';

export { readDocxProvenance } from './provenance.js';
export { formatProvenance } from './inspect.js';

export interface DocxOptions {
  /** YYYY-MM-DD; drives docProps/core.xml and ZIP entry times. Default: `document.meta.date`, else 2000-01-01. */
  date?: string;
}

export interface DocxResult {
  bytes: Uint8Array;
  /** Content the writer could not render, and translation mismatches. */
  warnings: Diagnostic[];
}

const DEFAULT_DATE = '2000-01-01';

/**
 * Write a Document as DOCX. A document with `translations` becomes a
 * bilingual agreement: original left, first translation right.
 *
 * @example
 *   const { bytes, warnings } = writeDocx(document, { date: '2026-01-01' });
 *   writeFileSync('agreement.docx', bytes);
 */
export function writeDocx(document: Document, options: DocxOptions = {}): DocxResult {
  const date = checkDate(options.date ?? document.meta.date ?? DEFAULT_DATE);
  const translation = document.translations?.[0];
  const refs = CrossRefIndex.build(document, translation ? [document, translation] : [document]);
  const ctx = new WriteContext(refs, new Set(collect(document, 'bookmark').map((b) => b.name)));
  if (document.attrs) warnAttrs(document, ctx);
  if ((document.translations?.length ?? 0) > 1) {
    ctx.warn('docx-translations-ignored', `only the first of ${document.translations!.length} translations is written side by side`);
  }
  const body = separateTables(translation ? bilingualBody(document, translation, ctx) : singleBody(document, ctx));
  const documentXml =
    XML_DECLARATION + `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sectionXml(REL_ID.header, REL_ID.footer)}</w:body></w:document>`;
  const editions: Edition[] = [document, ...(translation ? [translation] : [])].map((doc) => ({ doc, col: ctx.column(doc.lang, false) }));
  const provenance = document.meta.provenance;

  const parts: Array<[string, PartContent]> = [
    ['[Content_Types].xml', contentTypesXml(provenance !== undefined)],
    ['_rels/.rels', packageRelsXml(provenance !== undefined)],
    ['word/document.xml', documentXml],
    ['word/_rels/document.xml.rels', documentRelsXml(provenance !== undefined)],
    ['word/styles.xml', STYLES_XML],
    ['word/numbering.xml', ctx.numbering.toXml()],
    ['word/settings.xml', SETTINGS_XML],
    ['word/fontTable.xml', FONT_TABLE_XML],
    ['word/header1.xml', headerXml(editions, ctx)],
    ['word/footer1.xml', footerXml(editions, ctx)],
    [
      'docProps/core.xml',
      coreXml({
        title: editions.map((e) => e.doc.meta.title).join(' / '),
        language: editions.map((e) => e.doc.lang).join(', '),
        date,
        generator: provenance?.generator ?? 'clausewright',
        ...(document.meta.version ? { version: document.meta.version } : {}),
      }),
    ],
    ['docProps/app.xml', APP_XML],
  ];
  if (provenance) {
    parts.push(
      [
        'docProps/custom.xml',
        customPropertiesXml([
          ['clausewright.playbook', `${provenance.playbook.id} ${provenance.playbook.version}`],
          ['clausewright.dataHash', provenance.dataHash],
          ['clausewright.generator', provenance.generator],
        ]),
      ],
      [PROVENANCE_ITEM, provenanceXml(provenance)],
      [PROVENANCE_PROPS, PROVENANCE_PROPS_XML],
      ['customXml/_rels/item1.xml.rels', PROVENANCE_ITEM_RELS],
    );
  }
  return { bytes: zipPackage(parts, date), warnings: ctx.warnings };
}

function checkDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const valid = m !== null && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().startsWith(date);
  if (!valid) throw new InputError([error('date-invalid', `date "${date}" is not a calendar date in the form YYYY-MM-DD`, { path: ['date'] })]);
  return date;
}
