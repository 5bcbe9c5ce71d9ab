/**
 * Run properties (w:rPr, ECMA-376 §17.3.2) for a piece of text, in the
 * schema's element order: rStyle, rFonts, b, bCs, i, iCs, color, sz, szCs, highlight, u.
 */
import type { CharacterLook } from '../../character-look.js';
import type { Column, WriteContext } from './context.js';
import { halfPoints } from '../../font-size.js';
import { hasXmlForbiddenChars, stripXmlForbidden } from '../../xml-chars.js';
import { escapeXml } from './xml.js';

export interface RunFormat extends CharacterLook {
  /** Character style id, e.g. DefinedTerm. */
  style?: string;
}

const cache = new Map<string, string>();

/**
 * Bold, italic, strikethrough, colour, size, highlight and underline as `w:rPr` children, in CT_RPr's order
 * (b, bCs, i, iCs, strike, color, sz, szCs, highlight, u): what the agreement and the redline DOCX
 * both write for a look.
 */
export function lookXml(look: CharacterLook): string {
  return (
    (look.bold ? '<w:b/><w:bCs/>' : '') +
    (look.italic ? '<w:i/><w:iCs/>' : '') +
    (look.strike ? '<w:strike/>' : '') +
    (look.color ? `<w:color w:val="${escapeXml(look.color)}"/>` : '') +
    (look.size !== undefined ? `<w:sz w:val="${halfPoints(look.size)}"/><w:szCs w:val="${halfPoints(look.size)}"/>` : '') +
    (look.highlight ? `<w:highlight w:val="${escapeXml(look.highlight)}"/>` : '') +
    (look.underline ? '<w:u w:val="single"/>' : '')
  );
}

export function runProperties(col: Column, fmt: RunFormat): string {
  const key = `${col.zh ? 1 : 0}${fmt.bold ? 1 : 0}${fmt.italic ? 1 : 0}${fmt.underline ? 1 : 0}${fmt.strike ? 1 : 0}|${fmt.highlight ?? ''}|${fmt.color ?? ''}|${fmt.size ?? ''}|${fmt.style ?? ''}`;
  let props = cache.get(key);
  if (props === undefined) {
    props = '';
    if (fmt.style) props += `<w:rStyle w:val="${escapeXml(fmt.style)}"/>`;
    // Chinese runs: draw shared punctuation (“ ” ： …) from the East Asian font.
    if (col.zh) props += '<w:rFonts w:hint="eastAsia"/>';
    props += lookXml(fmt);
    if (props) props = `<w:rPr>${props}</w:rPr>`;
    cache.set(key, props);
  }
  return props;
}

const NEEDS_PRESERVE = /^\s|\s$|\s\s/;
const CONTROL = /\r\n|[\n\r\t]/;

/** `w:t` with xml:space="preserve" only where spaces would otherwise be lost. */
function textElement(value: string): string {
  const space = NEEDS_PRESERVE.test(value) ? ' xml:space="preserve"' : '';
  return `<w:t${space}>${escapeXml(value)}</w:t>`;
}

/**
 * One run of literal text. Newlines become w:br and tabs w:tab; characters
 * XML cannot carry are dropped with a warning.
 */
export function textRun(value: string, col: Column, fmt: RunFormat, ctx: WriteContext): string {
  if (value === '') return '';
  if (hasXmlForbiddenChars(value)) {
    ctx.warnOnce('docx-invalid-character', 'text', 'text holds control characters that DOCX cannot store; they were left out');
    value = stripXmlForbidden(value);
  }
  const props = runProperties(col, fmt);
  if (!CONTROL.test(value)) return `<w:r>${props}${textElement(value)}</w:r>`;
  let inner = '';
  for (const piece of value.split(/(\r\n|[\n\r\t])/)) {
    if (piece === '') continue;
    if (piece === '\t') inner += '<w:tab/>';
    else if (piece === '\n' || piece === '\r' || piece === '\r\n') inner += '<w:br/>';
    else inner += textElement(piece);
  }
  return `<w:r>${props}${inner}</w:r>`;
}
