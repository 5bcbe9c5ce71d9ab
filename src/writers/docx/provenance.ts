/**
 * Provenance as a custom XML part (ECMA-376 Part 1 §22.5 Custom XML Data
 * Properties): customXml/item1.xml holds the record in our own namespace,
 * customXml/itemProps1.xml declares it, and document.xml.rels links it.
 * Word keeps custom XML parts through edits, so a later redline or review
 * can tell which playbook and clause versions produced the file.
 *
 *   <provenance xmlns="urn:clausewright:provenance:1" generator="…" dataHash="…">
 *     <playbook id="…" version="…" hash="…"/>
 *     <clause id="…" version="…" variant="…" hash="…"/>…
 *   </provenance>
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError, error } from '../../diagnostics.js';
import type { Provenance, ProvenanceClause } from '../../model/nodes.js';
import { attr, XML_DECLARATION } from './xml.js';
import { unzipEntries } from './zip.js';

export const PROVENANCE_NS = 'urn:clausewright:provenance:1';
export const PROVENANCE_ITEM = 'customXml/item1.xml';
export const PROVENANCE_PROPS = 'customXml/itemProps1.xml';
/** A fixed datastore id: one item per document, and fixed bytes. */
const ITEM_ID = '{5F1C3B7E-2D4A-4C1B-9E55-C1A05E000001}';

export function provenanceXml(p: Provenance): string {
  return (
    XML_DECLARATION +
    `<provenance xmlns="${PROVENANCE_NS}"${attr('generator', p.generator)}${attr('dataHash', p.dataHash)}>` +
    `<playbook${attr('id', p.playbook.id)}${attr('version', p.playbook.version)}${attr('hash', p.playbook.hash)}/>` +
    p.clauses.map((c) => `<clause${attr('id', c.id)}${attr('version', c.version)}${attr('variant', c.variant)}${attr('hash', c.hash)}/>`).join('') +
    '</provenance>'
  );
}

export const PROVENANCE_PROPS_XML =
  XML_DECLARATION +
  `<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
  `<ds:schemaRefs><ds:schemaRef ds:uri="${PROVENANCE_NS}"/></ds:schemaRefs></ds:datastoreItem>`;

export const PROVENANCE_ITEM_RELS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>' +
  '</Relationships>';

/**
 * The provenance record of a DOCX written by clausewright, or `undefined`
 * when the file carries none. Throws InputError when the bytes are not a
 * DOCX or a custom XML part declares a DTD (never expanded: entity attacks).
 *
 * @example
 *   const p = readDocxProvenance(readFileSync('agreement.docx'));
 *   p?.playbook.id // 'aigc-user-agreement'
 */
export function readDocxProvenance(bytes: Uint8Array): Provenance | undefined {
  // Word may renumber custom XML items on save, so look at every item.
  const items = unzipEntries(bytes, (name) => /^customXml\/item\d*\.xml$/i.test(name));
  const decoder = new TextDecoder();
  for (const name of Object.keys(items).sort()) {
    const xml = decoder.decode(items[name]);
    if (!xml.includes(PROVENANCE_NS)) continue;
    if (/<!DOCTYPE/i.test(xml)) throw new InputError([error('docx-doctype', `${name} declares a DTD, which is not allowed`)]);
    const found = parseProvenance(xml);
    if (found) return found;
  }
  return undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Values stay strings: a version "1.10" must not become the number 1.1.
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'clause',
});

type Attrs = Record<string, unknown>;
const str = (node: Attrs | undefined, key: string): string | undefined => (typeof node?.[key] === 'string' ? (node[key] as string) : undefined);

/** Parse one record; anything not of our shape yields `undefined`. */
export function parseProvenance(xml: string): Provenance | undefined {
  const root = (parser.parse(xml) as Attrs).provenance as Attrs | undefined;
  if (!root || typeof root !== 'object') return undefined;
  const playbook = root.playbook as Attrs | undefined;
  const generator = str(root, 'generator');
  const dataHash = str(root, 'dataHash');
  const id = str(playbook, 'id');
  const version = str(playbook, 'version');
  const hash = str(playbook, 'hash');
  if (generator === undefined || dataHash === undefined || id === undefined || version === undefined || hash === undefined) return undefined;
  const clauses: ProvenanceClause[] = [];
  for (const c of (root.clause as Attrs[] | undefined) ?? []) {
    const fields = [str(c, 'id'), str(c, 'version'), str(c, 'variant'), str(c, 'hash')];
    if (fields.some((f) => f === undefined)) return undefined;
    const [cid, cversion, variant, chash] = fields as string[];
    clauses.push({ id: cid!, version: cversion!, variant: variant!, hash: chash! });
  }
  return { generator, playbook: { id, version, hash }, clauses, dataHash };
}
