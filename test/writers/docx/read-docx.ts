/**
 * Test helper: unzip a written DOCX and parse its parts (fast-xml-parser,
 * order preserved), refusing any DTD, then expose the few views tests need:
 * paragraphs with style, numbering, bookmarks, field codes and text; table rows.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

export function parseXml(xml: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('DOCTYPE is not allowed in OOXML parts');
  // The parser is lenient; the validator checks well-formedness first.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`malformed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return parser.parse(xml) as XmlNode[];
}

export function nameOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}
export function kids(node: XmlNode): XmlNode[] {
  const v = node[nameOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}
export function attrs(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string>) ?? {};
}

/** Every element named `name` below `nodes`, in document order (not below a match). */
export function findAll(nodes: XmlNode[], name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const go = (list: XmlNode[]): void => {
    for (const n of list) {
      if (nameOf(n) === name) out.push(n);
      else go(kids(n));
    }
  };
  go(nodes);
  return out;
}

/** Concatenated w:t text below a node. */
export function textOf(node: XmlNode): string {
  let out = '';
  const go = (n: XmlNode): void => {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'w:instrText') return;
    else kids(n).forEach(go);
  };
  go(node);
  return out;
}

export interface ParagraphView {
  style?: string;
  numId?: string;
  ilvl?: string;
  text: string;
  bookmarks: string[];
  instructions: string[];
  runStyles: Array<{ style?: string; text: string; hint?: string }>;
}

export function paragraphView(p: XmlNode): ParagraphView {
  const pPr = kids(p).find((k) => nameOf(k) === 'w:pPr');
  const pick = (name: string, list = pPr ? kids(pPr) : []) => list.find((k) => nameOf(k) === name);
  const numPr = pick('w:numPr');
  const view: ParagraphView = {
    text: textOf(p),
    bookmarks: findAll([p], 'w:bookmarkStart').map((b) => attrs(b)['w:name']!),
    instructions: findAll([p], 'w:instrText').map((i) => textOf({ x: kids(i) }).trim()),
    runStyles: findAll([p], 'w:r').map((r) => {
      const rPr = kids(r).find((k) => nameOf(k) === 'w:rPr');
      const rStyle = rPr && kids(rPr).find((k) => nameOf(k) === 'w:rStyle');
      const fonts = rPr && kids(rPr).find((k) => nameOf(k) === 'w:rFonts');
      return { text: textOf(r), ...(rStyle ? { style: attrs(rStyle)['w:val'] } : {}), ...(fonts ? { hint: attrs(fonts)['w:hint'] } : {}) };
    }),
  };
  const style = pick('w:pStyle');
  if (style) view.style = attrs(style)['w:val'];
  if (numPr) {
    view.numId = attrs(pick('w:numId', kids(numPr))!)['w:val'];
    view.ilvl = attrs(pick('w:ilvl', kids(numPr))!)['w:val'];
  }
  return view;
}

export interface DocxView {
  parts: Record<string, string>;
  body: XmlNode[];
  paragraphs: ParagraphView[];
  /** Each table row as the text of its cells. */
  rows: string[][];
}

export function readDocx(bytes: Uint8Array): DocxView {
  const parts = unzipDocx(bytes);
  for (const [name, xml] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) parseXml(xml);
  const body = parseXml(parts['word/document.xml']!);
  return {
    parts,
    body,
    paragraphs: findAll(body, 'w:p').length ? allParagraphs(body) : [],
    rows: findAll(body, 'w:tr').map((tr) => kids(tr).filter((k) => nameOf(k) === 'w:tc').map(textOf)),
  };
}

/** Paragraphs in document order, including those inside table cells. */
function allParagraphs(nodes: XmlNode[]): ParagraphView[] {
  const out: ParagraphView[] = [];
  const go = (list: XmlNode[]): void => {
    for (const n of list) {
      if (nameOf(n) === 'w:p') out.push(paragraphView(n));
      else go(kids(n));
    }
  };
  go(nodes);
  return out;
}
