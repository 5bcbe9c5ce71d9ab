/**
 * Run properties (w:rPr, ECMA-376 §17.3.2) for a piece of text, in the
 * schema's element order: rStyle, rFonts, b, bCs, i, iCs, color, sz, szCs, highlight, u.
 */
import type { CharacterLook } from '../../character-look.js';
import type { Column, WriteContext } from './context.js';
import { halfPoints } from '../../font-size.js';
import { escapeXml, hasForbiddenChars, stripForbiddenChars } from './xml.js';

export interface RunFormat extends CharacterLook {
  /** Character style id, e.g. DefinedTerm. */
  style?: string;
}

const cache = new Map<string, string>();

export function runProperties(col: Column, fmt: RunFormat): string {
  const key = `${col.zh ? 1 : 0}${fmt.bold ? 1 : 0}${fmt.italic ? 1 : 0}${fmt.underline ? 1 : 0}|${fmt.highlight ?? ''}|${fmt.color ?? ''}|${fmt.size ?? ''}|${fmt.style ?? ''}`;
  let props = cache.get(key);
  if (props === undefined) {
    props = '';
    if (fmt.style) props += `<w:rStyle w:val="${escapeXml(fmt.style)}"/>`;
    // Chinese runs: draw shared punctuation (“ ” ： …) from the East Asian font.
    if (col.zh) props += '<w:rFonts w:hint="eastAsia"/>';
    if (fmt.bold) props += '<w:b/><w:bCs/>';
    if (fmt.italic) props += '<w:i/><w:iCs/>';
    // After b and i, as CT_RPr orders its elements: color, sz, szCs, highlight, u.
    if (fmt.color) props += `<w:color w:val="${escapeXml(fmt.color)}"/>`;
    if (fmt.size !== undefined) props += `<w:sz w:val="${halfPoints(fmt.size)}"/><w:szCs w:val="${halfPoints(fmt.size)}"/>`;
    if (fmt.highlight) props += `<w:highlight w:val="${escapeXml(fmt.highlight)}"/>`;
    if (fmt.underline) props += '<w:u w:val="single"/>';
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
  if (hasForbiddenChars(value)) {
    ctx.warnOnce('docx-invalid-character', 'text', 'text holds control characters that DOCX cannot store; they were left out');
    value = stripForbiddenChars(value);
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
