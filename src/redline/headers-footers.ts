/**
 * Headers and footers are not compared (they are not in the document model,
 * and the DOCX redline keeps ours), but a negotiator must not miss theirs
 * reading otherwise: "Draft — subject to contract" gone from the header says
 * as much as a clause. One warning per header or footer whose words differ,
 * or which only one draft has.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import type { HeaderFooterText } from '../readers/types.js';

const PAGES: Record<HeaderFooterText['type'], string> = { default: 'on every page', first: 'on the first page', even: 'on even pages' };

const quoted = (text: string) => (text === '' ? 'nothing' : `“${text.length > 120 ? `${text.slice(0, 118)}…` : text}”`);

/**
 * Warnings, naming their file, for each header or footer of theirs that reads otherwise than ours.
 * @example headerFooterChanges([{ kind: 'header', type: 'default', text: 'Draft' }], [], 'theirs.docx')
 *   // [warning: theirs.docx has no header on every page where ours reads “Draft”…]
 */
export function headerFooterChanges(ours: readonly HeaderFooterText[], theirs: readonly HeaderFooterText[], theirsFile: string): Diagnostic[] {
  const key = (h: HeaderFooterText) => `${h.kind} ${h.type}`;
  const oursByKey = new Map(ours.map((h) => [key(h), h.text]));
  const theirsByKey = new Map(theirs.map((h) => [key(h), h.text]));
  const out: Diagnostic[] = [];
  for (const k of new Set([...oursByKey.keys(), ...theirsByKey.keys()])) {
    const mine = oursByKey.get(k) ?? '';
    const yours = theirsByKey.get(k) ?? '';
    if (mine === yours) continue;
    const [kind, type] = k.split(' ') as [HeaderFooterText['kind'], HeaderFooterText['type']];
    out.push(
      warning(
        'header-footer-differs',
        `the ${kind} ${PAGES[type]} reads ${quoted(yours)} where ours reads ${quoted(mine)}: headers and footers are not compared, and the redline keeps ours`,
        { file: theirsFile },
      ),
    );
  }
  return out;
}
