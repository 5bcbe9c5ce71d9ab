/**
 * What a Word field code (ECMA-376 §17.16.5) needs besides itself. REF,
 * NOTEREF and PAGEREF name a bookmark, and a field may be a bookmark's name
 * alone (`{ _Ref12 }`). Written into a document without that bookmark, such a
 * field shows "Error! Reference source not found." the next time Word updates
 * fields, which is worse than its last result written as text.
 * @example needsBookmark('REF _Ref12 \\h') // true
 * @example needsBookmark('DATE \\@ "d MMMM yyyy"') // false
 */
export function needsBookmark(code: string): boolean {
  const name = code.trim().split(/\s+/, 1)[0] ?? '';
  // Field names are letters only; anything else in first place is a bookmark's name.
  return /^(REF|NOTEREF|PAGEREF)$/i.test(name) || !/^[A-Za-z]+$/.test(name);
}
