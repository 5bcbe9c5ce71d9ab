/**
 * XML text helpers for hand-serialised WordprocessingML parts.
 *
 * We build document.xml as strings (not through the `docx` object tree) for
 * speed (issue 3 asks ≥ 50 docs/s; only the static styles.xml comes from the
 * `docx` package, once per process); everything that came from the model goes
 * through `escapeText` / `escapeAttr` so variable values stay literal text.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Namespace of the WordprocessingML main part (ECMA-376 Part 1, §17). */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const SPECIAL = /[&<>"]/;
const SPECIAL_G = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };


/** Escape for element content and attribute values alike (`"` escaped too). */
export function escapeXml(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_G, (c) => ENTITY[c]!) : value;
}

/** `w:val`-style attribute: ` name="value"` with the value escaped. */
export function attr(name: string, value: string | number): string {
  return ` ${name}="${typeof value === 'number' ? value : escapeXml(value)}"`;
}
