/**
 * A printed label ("3", "1.2", "(a)", "(iv)", "第三条", "Article 7", "一、") →
 * a Word numbering level (ECMA-376 §17.9.6 w:lvl): number format, level text
 * with its %n placeholder, and the counter value. The redline DOCX numbers
 * clauses and list items automatically, so renumbering is never text.
 */

export type NumFmt = 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman' | 'chineseCounting' | 'bullet' | 'none';

export interface LabelFormat {
  fmt: NumFmt;
  /** w:lvlText, e.g. "(%3)" at ilvl 2; literal text when fmt is 'none' or 'bullet'. */
  text: string;
  value: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105. */
export function chineseValue(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '千') {
      total += (digit || 1) * 1000;
      digit = 0;
    }
  }
  return total + digit;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** Value of a valid lower- or upper-case roman numeral up to 399, else 0. */
export function romanValue(s: string): number {
  const t = s.toLowerCase();
  if (!/^c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(t) || t === '') return 0;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!;
    const next = ROMAN[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** '%' stays literal in lvlText only when not followed by a digit; be safe and drop it. */
const literal = (s: string): string => s.replace(/%/g, '％');

/**
 * Numbering level for `label` at level `ilvl` (0-based). Multi-part decimals
 * ("1.2") refer to the parent levels' counters so Word renumbers them together.
 */
export function labelFormat(label: string, ilvl: number): LabelFormat {
  const t = label.trim();
  const multi = t.match(/^(\d+(?:\.\d+)+)\.?$/);
  if (multi) {
    const parts = multi[1]!.split('.');
    const value = Number(parts[parts.length - 1]);
    if (parts.length === ilvl + 1) return { fmt: 'decimal', text: parts.map((_, i) => `%${i + 1}`).join('.'), value };
    return { fmt: 'decimal', text: `${parts.slice(0, -1).join('.')}.%${ilvl + 1}`, value };
  }
  const at = `%${ilvl + 1}`;
  let m = t.match(/^(\D*?)(\d+)(\D*)$/u);
  if (m) return { fmt: 'decimal', text: literal(m[1]!) + at + literal(m[3]!), value: Number(m[2]) };
  m = t.match(/^(.*?)([一二三四五六七八九十百零〇两]+)([^一二三四五六七八九十百零〇两]*)$/u);
  if (m) return { fmt: 'chineseCounting', text: literal(m[1]!) + at + literal(m[3]!), value: chineseValue(m[2]!) };
  m = t.match(/^((?:.*[^\p{L}])?)(\p{L}+)([^\p{L}]*)$/u);
  if (m) {
    const word = m[2]!;
    const roman = romanValue(word);
    const single = word.length === 1;
    if (roman > 0 && (!single || /^[iI]$/.test(word))) {
      return { fmt: word === word.toLowerCase() ? 'lowerRoman' : 'upperRoman', text: literal(m[1]!) + at + literal(m[3]!), value: roman };
    }
    if (single && /[a-zA-Z]/.test(word)) {
      const lower = word === word.toLowerCase();
      return { fmt: lower ? 'lowerLetter' : 'upperLetter', text: literal(m[1]!) + at + literal(m[3]!), value: word.toLowerCase().charCodeAt(0) - 96 };
    }
  }
  if (/^[•·▪◦\-*–—●○■□]$/u.test(t)) return { fmt: 'bullet', text: t, value: 1 };
  return { fmt: 'none', text: literal(t), value: 1 };
}
