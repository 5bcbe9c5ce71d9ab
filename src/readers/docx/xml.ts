/**
 * Safe XML parsing of one DOCX part with fast-xml-parser into a small typed
 * element tree (name, attributes, children in document order, text).
 *
 * A part containing `<!DOCTYPE` (or `<!ENTITY`) is refused: entity expansion
 * is the classic "billion laughs" bomb and WordprocessingML never needs a DTD.
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError, error } from '../../diagnostics.js';
import { readableText } from '../../xml-chars.js';

/** Relationship types of WordprocessingML parts (ECMA-376 Part 1 §15): `${RELATIONSHIP_TYPE}/hyperlink` and so on. */
export const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export interface XmlText {
  name: '#text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false, // `<w:t xml:space="preserve"> </w:t>` spaces are text
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 400,
  jPath: false, // no path strings per tag: we never use callbacks
});

/**
 * Parse a DOCX XML part (UTF-8 or UTF-16 with BOM) into its root element.
 * @throws InputError 'docx-doctype' | 'docx-bad-xml', naming the file and part
 */
export function parseXmlPart(bytes: Uint8Array, partName: string, file: string): XmlElement {
  const root = parseXmlRoots(bytes, partName, file)[0];
  if (!root) throw new InputError([error('docx-bad-xml', `${file}: part ${partName} has no root element`, { file })]);
  return root;
}

/**
 * Every top-level element of a part. Well-formed XML has one; the parser is
 * lenient and reads more, which a part copied into a new file must not have.
 * @throws InputError as parseXmlPart
 */
export function parseXmlRoots(bytes: Uint8Array, partName: string, file: string): XmlElement[] {
  const text = decodePart(bytes);
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) {
    throw new InputError([
      error('docx-doctype', `${file}: part ${partName} contains a <!DOCTYPE> declaration; refusing to read it (possible entity-expansion attack)`, { file }),
    ]);
  }
  let raw: unknown;
  try {
    raw = parser.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InputError([error('docx-bad-xml', `${file}: part ${partName} is not well-formed XML (${reason})`, { file })]);
  }
  return convert(raw as RawNode[]).filter((n): n is XmlElement => n.name !== '#text');
}

type RawNode = Record<string, unknown>;

function convert(raw: RawNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of raw) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      // The parser drops a reference to a control character (&#1;) but keeps a raw one or &#xFFFE;: no text either.
      if (key === '#text') out.push({ name: '#text', text: readableText(String(node[key])) });
      else {
        const attrs = (node[':@'] as Record<string, string> | undefined) ?? {};
        out.push({ name: key, attrs, children: convert((node[key] as RawNode[]) ?? []) });
      }
    }
  }
  return out;
}

/** A part's text: UTF-16 when it starts with a byte-order mark, else UTF-8. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** A part as text without its declaration, which may name an encoding the text no longer has. */
export function withoutDeclaration(bytes: Uint8Array): string {
  return decodePart(bytes).replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
}

/**
 * A part to carry into a package we write, re-encoded as UTF-8 with a UTF-8
 * declaration: a part found in UTF-16 would otherwise keep a declaration
 * that no longer says what its bytes are.
 */
export function asUtf8Part(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + withoutDeclaration(bytes));
}

/** Child elements, optionally only those named `name`. */
export function elements(node: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of node.children) if (child.name !== '#text' && (name === undefined || child.name === name)) out.push(child as XmlElement);
  return out;
}

/** First child element named `name`. */
export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.name === name) return c as XmlElement;
  return undefined;
}

/** Attribute `w:val` (or another) of the child `name`: `<w:pStyle w:val="Heading1"/>`. */
export function childVal(node: XmlElement | undefined, name: string, attr = 'w:val'): string | undefined {
  return child(node, name)?.attrs[attr];
}

/** All text inside an element (for simple parts such as style names). */
export function textOf(node: XmlNode): string {
  return node.name === '#text' ? (node as XmlText).text : (node as XmlElement).children.map(textOf).join('');
}
