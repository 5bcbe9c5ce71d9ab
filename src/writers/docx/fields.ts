/**
 * Word fields as complex fields (ECMA-376 §17.16.2: fldChar begin / instrText /
 * separate / cached result / end). The cached result is what a reader sees
 * before Word updates fields, so it must already be right.
 */
import type { Column } from './context.js';
import { runProperties, type RunFormat } from './run-properties.js';
import { escapeXml } from './xml.js';

export function field(instruction: string, cached: string, col: Column, fmt: RunFormat = {}): string {
  const props = runProperties(col, fmt);
  return fieldStart(instruction, props) + `<w:r>${props}<w:t>${escapeXml(cached)}</w:t></w:r>` + fieldEnd(props);
}

/**
 * The runs that open a field whose result follows: begin, the code, separate
 * (§17.16.18). Inside a tracked deletion the code is `w:delInstrText`.
 */
export function fieldStart(code: string, props = '', deleted = false): string {
  const tag = deleted ? 'w:delInstrText' : 'w:instrText';
  return (
    `<w:r>${props}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${props}<${tag} xml:space="preserve"> ${escapeXml(code)} </${tag}></w:r>` +
    `<w:r>${props}<w:fldChar w:fldCharType="separate"/></w:r>`
  );
}

/** The run that closes a field. */
export function fieldEnd(props = ''): string {
  return `<w:r>${props}<w:fldChar w:fldCharType="end"/></w:r>`;
}

/** REF to a bookmark showing its paragraph number in full context (\w), as a link (\h). */
export function refField(bookmark: string, cached: string, col: Column, fmt: RunFormat): string {
  return field(`REF ${bookmark} \\w \\h`, cached, col, fmt);
}
