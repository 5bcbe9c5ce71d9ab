/**
 * What a Word field code (ECMA-376 §17.16.5) needs besides itself. REF,
 * NOTEREF and PAGEREF name a bookmark, and a field may be a bookmark's name
 * alone (`{ _Ref12 }`). Written into a document without that bookmark, such a
 * field shows "Error! Reference source not found." the next time Word updates
 * fields, which is worse than its last result written as text.
 */
import { liveHref } from './links.js';

/**
 * Fields whose result is a page number (§17.16.5: PAGEREF in a table of contents, PAGE,
 * NUMPAGES…). Pages are where the text fell when it was last laid out, not what the
 * parties agreed, and nearly any edit moves them: read, every entry of a table of
 * contents after the first edit would show as changed.
 */
const PAGE_NUMBER = /^\s*(?:PAGEREF|PAGE|NUMPAGES|SECTIONPAGES)\b/i;

/**
 * Whether a field shows a page number.
 * @example pageNumberField(' PAGE ') // true
 */
export function pageNumberField(code: string): boolean {
  return PAGE_NUMBER.test(code);
}

/**
 * Fields that fetch content from outside the document or run a command or macro
 * when Word updates or clicks them (DDE, INCLUDETEXT "http://…", MACROBUTTON).
 * A redline carries a counterparty's such field as the text it shows, never as
 * a field: opening our own redline must not reach out or run anything.
 */
const ACTIVE_NAMES = 'DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|INCLUDE|IMPORT|LINK|DATABASE|MACROBUTTON';
const ACTIVE_FIELD = new RegExp(`^\\s*(${ACTIVE_NAMES})\\b`, 'i');

/**
 * The name of an active field (`activeField('DDEAUTO excel "x"')` is 'DDEAUTO'), else undefined.
 * @example activeField('INCLUDETEXT "http://x.example/t.docx"') // 'INCLUDETEXT'
 * @example activeField('DATE') // undefined
 */
export function activeField(code: string): string | undefined {
  return ACTIVE_FIELD.exec(code)?.[1]?.toUpperCase();
}

/** An active field's name anywhere in a code: a field nested in another's code runs too. */
const ACTIVE_ANYWHERE = new RegExp(`(?:^|[\\s{"])(${ACTIVE_NAMES})\\b`, 'i');
const HYPERLINK_TARGET = /HYPERLINK\s+(?:"([^"]*)"|(\S+))/gi;

/**
 * Whether a field code, copied whole with any fields nested in its code, may be written
 * into our document: no active field anywhere in it, and every HYPERLINK in it to a target
 * safe to open (links.ts liveHref; a `\l` jump inside the document is safe).
 * @example safeFieldCode('QUOTE "{ DDEAUTO cmd "/k calc" }"') // false
 * @example safeFieldCode('HYPERLINK "file:///C:/calc.exe"') // false
 */
export function safeFieldCode(code: string): boolean {
  if (ACTIVE_ANYWHERE.test(code)) return false;
  for (const m of code.matchAll(HYPERLINK_TARGET)) {
    const target = m[1] ?? m[2] ?? '';
    if (/^\\l$/i.test(target)) continue;
    if (liveHref(target) === undefined) return false;
  }
  return true;
}

/**
 * The bookmark a field code names, if it names one.
 * @example bookmarkOf('REF _Ref12 \\h') // '_Ref12'
 * @example bookmarkOf('DATE \\@ "d MMMM yyyy"') // undefined
 */
export function bookmarkOf(code: string): string | undefined {
  const [name = '', target] = code.trim().split(/\s+/, 2);
  if (/^(REF|NOTEREF|PAGEREF)$/i.test(name)) return target?.replace(/^"(.*)"$/, '$1') ?? ''; // '' names nothing a document has
  // A bookmark's name is a letter or '_' then word characters; a field's name is letters
  // only ("= 2 + 2" is a formula). An all-letter bookmark alone cannot be told from a field.
  return /^[A-Za-z_]\w*$/.test(name) && !/^[A-Za-z]+$/.test(name) ? name : undefined;
}

/**
 * Whether a field can be written as a field into a document holding the
 * bookmarks `names`: it names none, or one that is there.
 * @example writable('REF _Ref12 \\h', new Set()) // false
 */
export function writable(code: string, names: ReadonlySet<string>): boolean {
  const bookmark = bookmarkOf(code);
  return bookmark === undefined || names.has(bookmark);
}

/**
 * What a field is, for a reader of the redline, with its code.
 * @example fieldLabel('REF _Ref12 \\h') // 'cross-reference (REF _Ref12 \\h)'
 * @example fieldLabel('DATE \\@ "d MMMM yyyy"') // 'date field (DATE \\@ "d MMMM yyyy")'
 */
export function fieldLabel(code: string): string {
  const name = (code.trim().split(/\s+/, 1)[0] ?? '').toUpperCase();
  const kind =
    bookmarkOf(code) !== undefined
      ? 'cross-reference'
      : /DATE$|^TIME$/.test(name)
        ? 'date field'
        : name === 'DOCPROPERTY'
          ? 'document property'
          : name === 'MERGEFIELD'
            ? 'merge field'
            : 'field';
  return `${kind} (${code})`;
}
