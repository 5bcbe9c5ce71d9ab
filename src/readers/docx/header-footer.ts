/**
 * Headers and footers of our DOCX for the redline (look.ts): those of the
 * body's last section, on every page and on its first page, copied whole when
 * they refer to no other part and carry no numbering. A picture would need its
 * media part and relationships; a numbered header would point into the
 * redline's own numbering. Even-page ones are left out: they show only with a
 * setting (evenAndOddHeaders) the redline's settings part does not have.
 */
import type { DocxPackage } from './parse.js';
import type { PartChecker } from './part-checker.js';
import { decodePart, elements, parseXmlPart, type XmlElement } from './xml.js';

/** A header or footer of our last section, carried whole. */
export interface HeaderFooterLook {
  kind: 'header' | 'footer';
  /** Which pages: every page, or the first page when the section has a distinct one. */
  type: 'default' | 'first';
  /** The part as found (checked: strictly well-formed, one root). */
  part: Uint8Array;
}

export interface HeaderFooterReference {
  kind: 'header' | 'footer';
  type: 'default' | 'first';
  /** Part name in the package, e.g. word/header1.xml. */
  part: string;
}

const HEADER_FOOTER_TYPE = /\/relationships\/(header|footer)$/;
const LEFT_OUT = 'the redline has none in its place';

/** `word/header1.xml` → `word/_rels/header1.xml.rels`. */
export const relsOf = (part: string): string => part.replace(/^word\//, 'word/_rels/') + '.rels';

/** The parts the body's last section names for its headers and footers on every page and the first. */
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
    if (!found || (type !== 'default' && type !== 'first') || found.kind !== (ref.name === 'w:headerReference' ? 'header' : 'footer')) continue;
    if (!out.some((o) => o.kind === found.kind && o.type === type)) out.push({ ...found, type });
  }
  return out;
}

/** The referenced parts that may be copied (unzipped in `parts`), each refusal a warning. */
export function carriedHeadersFooters(references: readonly HeaderFooterReference[], parts: Readonly<Record<string, Uint8Array>>, checker: PartChecker): HeaderFooterLook[] {
  const out: HeaderFooterLook[] = [];
  for (const ref of references) {
    const rels = parts[relsOf(ref.part)];
    if (rels && /<Relationship\b/.test(decodePart(rels))) {
      checker.refuse(ref.part, 'it refers to other parts, such as pictures', LEFT_OUT);
      continue;
    }
    if (parts[ref.part] && /<w:numPr\b/.test(decodePart(parts[ref.part]!))) {
      checker.refuse(ref.part, 'it is numbered', LEFT_OUT);
      continue;
    }
    const part = checker.checked(ref.part, parts[ref.part], LEFT_OUT);
    if (part) out.push({ kind: ref.kind, type: ref.type, part });
  }
  return out;
}
