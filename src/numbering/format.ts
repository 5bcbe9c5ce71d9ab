/**
 * Number formats of `w:numFmt` (ECMA-376 Part 1, §17.18.59 ST_NumberFormat):
 * the ones contracts use; anything else falls back to decimal.
 */
const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'ordinal':
      return `${n}${ordinalSuffix(n)}`;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
      return chinese(n, CN_DIGITS, '十百千');
    case 'chineseLegalSimplified':
      return chinese(n, CN_LEGAL, '拾佰仟');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1 + 1000) % 10];
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1 + 1200) % 12];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

/** A, B, … Z, AA, BB, … (Word repeats the letter). */
function letters(n: number): string {
  if (n < 1) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) for (; n >= value; n -= value) out += symbol;
  return out;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 101 → 一百零一 (up to 9999). */
export function chinese(n: number, digits: string, units: string): string {
  if (n < 0 || n > 9999) return String(n);
  if (n === 0) return digits[0];
  const zero = digits === CN_DIGITS ? '零' : digits[0];
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unit = [units[2], units[1], units[0], ''];
  let out = '';
  let pendingZero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') pendingZero = true;
      return;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    out += digits[d] + unit[i];
  });
  // 十一 rather than 一十一 when the number starts at the tens.
  return n >= 10 && n < 20 ? out.slice(1) : out;
}
