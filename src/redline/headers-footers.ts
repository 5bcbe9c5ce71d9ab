/**
 * Headers and footers are not in the document model, so the redline's clauses
 * never show them; but a negotiator must not miss theirs reading otherwise:
 * "Draft — subject to contract" gone from the header says as much as a
 * clause. One warning per header or footer whose words differ, or which only
 * one draft has, quoting both, and saying whether the DOCX redline tracks the
 * change in our header (src/writers/redline/docx/header-footer-revisions.ts)
 * or why not.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import type { HeaderFooterText } from '../readers/types.js';

const PAGES: Record<HeaderFooterText['type'], string> = { default: 'on every page', first: 'on the first page', even: 'on even pages' };

const quoted = (text: string) => (text === '' ? 'nothing' : `“${text.length > 120 ? `${text.slice(0, 118)}…` : text}”`);

/** For a DOCX redline, per header or footer ('header default'…): 'tracked', or why it is not. */
export type HeaderFooterOutcome = (key: string) => 'tracked' | { reason: string };

/**
 * Warnings, naming their file, for each header or footer of theirs that reads otherwise than ours.
 * @example headerFooterChanges([{ kind: 'header', type: 'default', text: 'Draft', part }], [], 'theirs.docx')
 *   // [warning: the header on every page reads nothing where ours reads “Draft”: headers and footers are marked only in a DOCX redline]
 */
export function headerFooterChanges(ours: readonly HeaderFooterText[], theirs: readonly HeaderFooterText[], theirsFile: string, outcome?: HeaderFooterOutcome): Diagnostic[] {
  const key = (h: HeaderFooterText) => `${h.kind} ${h.type}`;
  const oursByKey = new Map(ours.map((h) => [key(h), h.text]));
  const theirsByKey = new Map(theirs.map((h) => [key(h), h.text]));
  const out: Diagnostic[] = [];
  for (const k of new Set([...oursByKey.keys(), ...theirsByKey.keys()])) {
    const mine = oursByKey.get(k) ?? '';
    const yours = theirsByKey.get(k) ?? '';
    if (mine === yours) continue;
    const [kind, type] = k.split(' ') as [HeaderFooterText['kind'], HeaderFooterText['type']];
    const result = outcome?.(k);
    const said =
      result === undefined ? 'headers and footers are marked only in a DOCX redline' : result === 'tracked' ? `tracked in the redline's ${kind}` : `not tracked, as ${result.reason}; the redline keeps ours`;
    out.push(warning('header-footer-differs', `the ${kind} ${PAGES[type]} reads ${quoted(yours)} where ours reads ${quoted(mine)}: ${said}`, { file: theirsFile }));
  }
  return out;
}
