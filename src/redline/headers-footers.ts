/**
 * Headers and footers are not in the document model, so the redline's clauses
 * never show them; but a negotiator must not miss theirs reading otherwise:
 * "Draft — subject to contract" gone from the header says as much as a
 * clause, and so does a "DRAFT" watermark gone. For each header or footer
 * whose words differ, or which only one draft has, or whose kept words' look changed (bold
 * removed, struck through: `restyled`, as in the body), and each watermark that differs: its words marked word by word (`headerFooterRedlines`, shown in
 * every format), and a warning quoting both (`headerFooterChanges`), saying
 * for a DOCX redline whether it tracks the change in our header
 * (src/writers/redline/docx/header-footer-revisions.ts) or why not.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import { headerFooterKey, PAGES } from '../readers/header-footer-pages.js';
import type { HeaderFooterText } from '../readers/types.js';
import { describeRestyle } from './describe-restyle.js';
import { diffText } from './diff-text.js';
import { restyles } from './restyle.js';
import type { HeaderFooterRedline, Restyle, Span } from './types.js';


/** "header on every page", "footer on the first page", "watermark on even pages"… */
export const headerFooterName = (h: Pick<HeaderFooterRedline, 'kind' | 'type'>): string => `${h.kind} ${PAGES[h.type]}`;

const quoted = (text: string) => (text === '' ? 'nothing' : `“${text.length > 120 ? `${text.slice(0, 118)}…` : text}”`);

interface Differing {
  kind: HeaderFooterRedline['kind'];
  type: HeaderFooterText['type'];
  ours: string;
  theirs: string;
  spans: Span[];
  /** Words both keep whose bold, italic, underline, strikethrough, highlight, colour or size they changed. */
  restyled: Restyle[];
}

/** Whether to compare the look of kept words (false with --no-formatting). */
export interface HeaderFooterOptions {
  formatting?: boolean;
}

/**
 * Each header or footer, by kind and pages, whose words differ (one only one side has
 * reads as nothing on the other); then each watermark ("DRAFT") that differs.
 */
function differing(ours: readonly HeaderFooterText[], theirs: readonly HeaderFooterText[], options: HeaderFooterOptions = {}): Differing[] {
  const oursByKey = new Map(ours.map((h) => [headerFooterKey(h), h]));
  const theirsByKey = new Map(theirs.map((h) => [headerFooterKey(h), h]));
  const keys = [...new Set([...oursByKey.keys(), ...theirsByKey.keys()])];
  const out: Differing[] = [];
  for (const k of keys) {
    const h = (oursByKey.get(k) ?? theirsByKey.get(k))!;
    const mine = oursByKey.get(k)?.text ?? '';
    const yours = theirsByKey.get(k)?.text ?? '';
    if (mine === yours && options.formatting === false) continue;
    const spans = mine === yours ? [{ kind: 'kept' as const, text: mine }] : diffText(mine, yours).spans;
    // As the body compares kept words (restyle.ts): their look, not their links or fields, which the readers leave out here.
    const restyled = options.formatting === false ? [] : restyles(spans, yours, oursByKey.get(k)?.styles, theirsByKey.get(k)?.styles);
    if (mine !== yours || restyled.length > 0) out.push({ kind: h.kind, type: h.type, ours: mine, theirs: yours, spans, restyled });
  }
  // A watermark is drawn from a header; pages show one watermark whichever header holds it.
  for (const type of ['default', 'first', 'even'] as const) {
    const marks = (side: readonly HeaderFooterText[]) => side.filter((h) => h.type === type && h.watermark).map((h) => h.watermark).join(' / ');
    const mine = marks(ours);
    const yours = marks(theirs);
    if (mine !== yours) out.push({ kind: 'watermark', type, ours: mine, theirs: yours, spans: diffText(mine, yours).spans, restyled: [] });
  }
  return out;
}

/**
 * The headers and footers of theirs that read otherwise than ours, word by word.
 * @example headerFooterRedlines([{ kind: 'header', type: 'default', text: 'Draft', part }], [{ kind: 'header', type: 'default', text: 'Final', part }])
 *   // [{ kind: 'header', type: 'default', spans: [deleted 'Draft', inserted 'Final'] }]
 */
export function headerFooterRedlines(ours: readonly HeaderFooterText[], theirs: readonly HeaderFooterText[], options: HeaderFooterOptions = {}): HeaderFooterRedline[] {
  return differing(ours, theirs, options).map((d) => ({ kind: d.kind, type: d.type, spans: d.spans, ...(d.restyled.length > 0 ? { restyled: d.restyled } : {}) }));
}

/** "“CONFIDENTIAL” not bold; “Draft” struck through": what they did to the look of kept words. */
function restyledText(restyled: readonly Restyle[]): string {
  const said = restyled.slice(0, 3).map((r) => `${quoted(r.text)} ${describeRestyle(r)}`);
  return said.join('; ') + (restyled.length > 3 ? ` and ${restyled.length - 3} more` : '');
}

/** For a DOCX redline, per header or footer ('header default'…): 'tracked', or why it is not. */
export type HeaderFooterOutcome = (key: string) => 'tracked' | { reason: string };

/**
 * Warnings, naming their file, for each header or footer of theirs that reads otherwise than ours.
 * @example headerFooterChanges([{ kind: 'header', type: 'default', text: 'Draft', part }], [], 'theirs.docx')
 *   // [warning: the header on every page reads nothing where ours reads “Draft”]
 */
export function headerFooterChanges(
  ours: readonly HeaderFooterText[],
  theirs: readonly HeaderFooterText[],
  theirsFile: string,
  outcome?: HeaderFooterOutcome,
  options: HeaderFooterOptions = {},
): Diagnostic[] {
  return differing(ours, theirs, options).map((d) => {
    // A watermark is a drawing: the DOCX redline does not track it.
    const result = outcome && d.kind === 'watermark' ? { reason: 'a watermark is a drawing, which the redline does not track' } : outcome?.(headerFooterKey(d));
    const said = result === undefined ? '' : result === 'tracked' ? `: tracked in the redline's ${d.kind}` : `: not tracked, as ${result.reason}; the redline keeps ours`;
    const what =
      d.ours === d.theirs
        ? `reads ${quoted(d.theirs)} as ours does, but its formatting changed: ${restyledText(d.restyled)}`
        : `reads ${quoted(d.theirs)} where ours reads ${quoted(d.ours)}${d.restyled.length > 0 ? `, and the formatting of words both keep changed: ${restyledText(d.restyled)}` : ''}`;
    return warning('header-footer-differs', `the ${headerFooterName(d)} ${what}${said}`, { file: theirsFile });
  });
}
