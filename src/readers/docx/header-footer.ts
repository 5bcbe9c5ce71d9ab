/**
 * Headers and footers of our DOCX for the redline (look.ts): those of the
 * body's last section, for every page, the first page and even pages, copied
 * whole with their relationships and pictures (a company logo). One that
 * refers to any other kind of part, links somewhere not safe to open, or is
 * numbered or holds comments or note references (it would point into the
 * redline's own numbering, comments or notes) is left out with a warning. Even-page ones count only when the document's settings turn them
 * on (`w:evenAndOddHeaders`), as Word shows them.
 */
import { liveHref } from '../../links.js';
import type { HeaderFooterType } from '../header-footer-pages.js';
import type { DocxPackage } from './parse.js';
import type { PartChecker } from './part-checker.js';
import { isOn } from './styles.js';
import { asUtf8Part, child, decodePart, elements, parseXmlPart, RELATIONSHIP_TYPE, type XmlElement } from './xml.js';
import { unzipDocxSafely } from './zip.js';

/** A picture a header shows, as a part of the package. */
export interface MediaPart {
  /** e.g. word/media/image1.png */
  name: string;
  bytes: Uint8Array;
}

/** A header or footer of our last section, carried whole. */
export interface HeaderFooterLook {
  kind: 'header' | 'footer';
  /** Which pages: every page (odd pages when even ones have their own), the first page, even pages. */
  type: HeaderFooterType;
  /** The part as found (checked: strictly well-formed, one root), in UTF-8. */
  part: Uint8Array;
  /** Its relationships part, when it has one (pictures and safe links only). */
  rels?: Uint8Array;
  /** The pictures those relationships name. */
  media: MediaPart[];
}

export type { HeaderFooterType } from '../header-footer-pages.js';

export interface HeaderFooterReference {
  kind: 'header' | 'footer';
  type: HeaderFooterType;
  /** Part name in the package, e.g. word/header1.xml. */
  part: string;
}


/**
 * Markup that points into parts of ours the redline writes afresh (numbering,
 * comments, notes): carried over, it would name numbers, comments or notes
 * that are not there, or are others.
 */
export const POINTS_INTO_BODY_PARTS = /<w:(numPr|commentRangeStart|commentRangeEnd|commentReference|footnoteReference|endnoteReference)\b/;
const POINTER_REASON: Record<string, string> = {
  numPr: 'it is numbered',
  commentRangeStart: 'it holds a comment',
  commentRangeEnd: 'it holds a comment',
  commentReference: 'it holds a comment',
  footnoteReference: 'it refers to a footnote',
  endnoteReference: 'it refers to an endnote',
};

/** Any namespace's header or footer relationship (Transitional or Strict). */
const HEADER_FOOTER_TYPE = /\/relationships\/(header|footer)$/;
const LEFT_OUT = 'the redline has none in its place';

/** `word/header1.xml` → `word/_rels/header1.xml.rels`. */
export const relsOf = (part: string): string => part.replace(/^word\//, 'word/_rels/') + '.rels';

/** The parts the body's last section names for its headers and footers on every page, the first page and even pages. */
export function headerFooterReferences(pkg: DocxPackage, file: string): HeaderFooterReference[] {
  const relsPart = pkg.parts['word/_rels/document.xml.rels'];
  if (!pkg.section || !relsPart) return [];
  let rels: XmlElement;
  try {
    rels = parseXmlPart(relsPart, 'word/_rels/document.xml.rels', file);
  } catch {
    return []; // no relationships we can read: no headers to carry
  }
  const targets = new Map<string, { kind: 'header' | 'footer'; part: string }>();
  for (const rel of elements(rels, 'Relationship')) {
    const kind = HEADER_FOOTER_TYPE.exec(rel.attrs.Type ?? '')?.[1] as 'header' | 'footer' | undefined;
    const target = rel.attrs.Target;
    if (!kind || !target || rel.attrs.TargetMode === 'External') continue;
    const part = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    // Only plain part names inside word/: nothing that climbs out of the package folder.
    if (/^word\/[\w.-]+\.xml$/.test(part)) targets.set(rel.attrs.Id ?? '', { kind, part });
  }
  const out: HeaderFooterReference[] = [];
  for (const ref of pkg.section.children) {
    if (ref.name !== 'w:headerReference' && ref.name !== 'w:footerReference') continue;
    const el = ref as XmlElement;
    const type = el.attrs['w:type'] ?? 'default';
    const found = targets.get(el.attrs['r:id'] ?? '');
    const known = type === 'default' || type === 'first' || type === 'even';
    if (!found || !known || found.kind !== (ref.name === 'w:headerReference' ? 'header' : 'footer')) continue;
    if (!out.some((o) => o.kind === found.kind && o.type === type)) out.push({ ...found, type });
  }
  return out;
}

const SETTINGS = 'word/settings.xml';

/** Whether the document's settings give even pages headers and footers of their own. */
function evenAndOddHeaders(settings: Uint8Array | undefined, file: string): boolean {
  if (!settings) return false;
  try {
    return isOn(child(parseXmlPart(settings, SETTINGS, file), 'w:evenAndOddHeaders'));
  } catch {
    return false; // settings we cannot read: as Word without them, one header for all pages
  }
}

/** The headers and footers the last section shows, and the parts unzipped for them. */
export interface ShownHeadersFooters {
  references: HeaderFooterReference[];
  /** Their parts, the settings, and whatever `also` asked for. */
  parts: Record<string, Uint8Array>;
}

/**
 * The headers and footers the body's last section shows (even-page ones only
 * when the settings turn them on, first-page ones only when the section has a
 * different first page, as Word shows them), their parts unzipped in
 * one pass with the parts `also` names for those references (the look's theme,
 * the headers' relationships).
 */
export function shownHeadersFooters(bytes: Uint8Array, file: string, pkg: DocxPackage, also: (references: readonly HeaderFooterReference[]) => readonly string[] = () => []): ShownHeadersFooters {
  const candidates = headerFooterReferences(pkg, file);
  const extra = also(candidates);
  if (candidates.length === 0 && extra.length === 0) return { references: [], parts: {} };
  const wanted = new Set([SETTINGS, ...extra, ...candidates.map((r) => r.part)]);
  const parts = unzipDocxSafely(bytes, file, (name) => wanted.has(name));
  const evenPages = evenAndOddHeaders(parts[SETTINGS], file);
  // A first-page header shows only when the section asks for a different first page.
  const firstPage = isOn(child(pkg.section, 'w:titlePg'));
  return { references: candidates.filter((r) => (r.type !== 'even' || evenPages) && (r.type !== 'first' || firstPage)), parts };
}

/** Picture formats Word shows, by the extension of their part. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  svg: 'image/svg+xml',
};
const MEDIA_TARGET = new RegExp(`^media/[\\w.-]+\\.(?:${Object.keys(MEDIA_TYPES).join('|')})$`, 'i');

/** Media part names a header's relationships need, or the reason it cannot be carried. */
function mediaOf(rels: XmlElement): { media: string[] } | { reason: string } {
  const media: string[] = [];
  for (const rel of elements(rels, 'Relationship')) {
    const { Type: type = '', Target: target = '', TargetMode: mode } = rel.attrs;
    if (type === `${RELATIONSHIP_TYPE}/image` && mode !== 'External' && MEDIA_TARGET.test(target)) media.push(`word/${target}`);
    else if (type === `${RELATIONSHIP_TYPE}/hyperlink` && mode === 'External' && liveHref(target) !== undefined) continue;
    else return { reason: `it refers to a part the redline cannot carry (${type.split('/').pop() || 'unknown'} ${target})` };
  }
  return { media };
}

/**
 * The referenced parts that may be copied (unzipped in `parts`), with their
 * relationships and pictures (`loadMedia` unzips those), each refusal a warning.
 */
export function carriedHeadersFooters(
  references: readonly HeaderFooterReference[],
  parts: Readonly<Record<string, Uint8Array>>,
  checker: PartChecker,
  loadMedia: (names: readonly string[]) => Readonly<Record<string, Uint8Array>>,
): HeaderFooterLook[] {
  const out: HeaderFooterLook[] = [];
  for (const ref of references) {
    const pointsElsewhere = parts[ref.part] ? POINTS_INTO_BODY_PARTS.exec(decodePart(parts[ref.part]!)) : null;
    if (pointsElsewhere) {
      checker.refuse(ref.part, POINTER_REASON[pointsElsewhere[1]!]!, LEFT_OUT);
      continue;
    }
    const part = checker.checked(ref.part, parts[ref.part], LEFT_OUT);
    if (!part) continue;
    const relsName = relsOf(ref.part);
    const rels = parts[relsName] ? checker.checked(relsName, parts[relsName], LEFT_OUT) : undefined;
    if (parts[relsName] && !rels) continue;
    const needs = rels ? mediaOf(parseXmlPart(rels, relsName, checker.file)) : { media: [] };
    if ('reason' in needs) {
      checker.refuse(ref.part, needs.reason, LEFT_OUT);
      continue;
    }
    const found = loadMedia(needs.media);
    const missing = needs.media.find((name) => !found[name]);
    if (missing) {
      checker.refuse(ref.part, `its picture ${missing} is missing`, LEFT_OUT);
      continue;
    }
    out.push({
      kind: ref.kind,
      type: ref.type,
      part: asUtf8Part(part),
      ...(rels ? { rels: asUtf8Part(rels) } : {}),
      media: needs.media.map((name) => ({ name, bytes: found[name]! })),
    });
  }
  return out;
}
