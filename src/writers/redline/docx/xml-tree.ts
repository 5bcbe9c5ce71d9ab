/**
 * The element tree of xml.ts written back as XML text, for a part we carry
 * with changes (a header whose words they changed). Text and attribute values
 * were decoded on parsing, so they are escaped again here.
 */
import { escapeXml } from '../../docx/xml.js';
import type { XmlElement, XmlNode, XmlText } from '../../../readers/docx/xml.js';

/** Attributes as written in a start tag, each with a leading space. */
export function attributesXml(attrs: Readonly<Record<string, string>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) out += ` ${name}="${escapeXml(value)}"`;
  return out;
}

/** One node as XML; an element without children is written self-closed. */
export function xmlOf(node: XmlNode): string {
  if (node.name === '#text') return escapeXml((node as XmlText).text);
  const el = node as XmlElement;
  if (el.children.length === 0) return `<${el.name}${attributesXml(el.attrs)}/>`;
  return `<${el.name}${attributesXml(el.attrs)}>${el.children.map(xmlOf).join('')}</${el.name}>`;
}
