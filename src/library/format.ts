/**
 * How dates and lists read in each language, and ISO date validation. No zod
 * here: the CLI and the writers load this module on every run.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-01-05 → "2026年1月5日" / "5 January 2026". */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** zh: 甲、乙和丙; en: a, b and c. */
export function joinList(items: string[], lang: string): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${head}和${items.at(-1)}` : `${head} and ${items.at(-1)}`;
}
