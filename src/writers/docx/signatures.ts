/**
 * The signature block: per party its defined term and name, then lines to
 * sign, print the signatory's name and date (in Chinese practice, with seal).
 */
import type { Party } from '../../model/nodes.js';
import type { BlockEnv } from './context.js';
import { paragraphXml } from './paragraph.js';
import { textRun } from './run-properties.js';
import { STYLE } from './styles.js';

const LINE = '__________________';

/** Cell content for one party's signature. */
export function signatureXml(party: Party, env: BlockEnv): string {
  const { ctx, col } = env;
  const c = col.captions;
  const line = (value: string, bold = false): string =>
    paragraphXml({ style: STYLE.tableText, keepNext: true }, textRun(value, col, { bold }, ctx), ctx);
  let out = line(c.openQuote + party.term + c.closeQuote, true);
  if (party.name) out += line(party.name);
  out += line(c.signature + c.colon + LINE) + line(c.signatoryName + c.colon + LINE) + line(c.signatoryTitle + c.colon + LINE);
  out += paragraphXml({ style: STYLE.tableText }, textRun(c.date + c.colon + LINE, col, {}, ctx), ctx);
  return out;
}
