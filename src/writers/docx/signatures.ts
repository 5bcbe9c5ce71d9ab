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
  const line = (value: string, options: { bold?: boolean; space?: number; last?: boolean } = {}): string =>
    paragraphXml(
      { style: STYLE.tableText, keepNext: !options.last, ...(options.space ? { spaceBefore: options.space } : {}) },
      textRun(value, col, { bold: options.bold ?? false }, ctx),
      ctx,
    );
  let out = line(c.openQuote + party.term + c.closeQuote, { bold: true, space: 360 });
  if (party.name) out += line(party.name);
  // Room above the signature line to sign (and seal) by hand.
  out += line(c.signature + c.colon + LINE, { space: 480 }) + line(c.signatoryName + c.colon + LINE) + line(c.signatoryTitle + c.colon + LINE);
  out += line(c.date + c.colon + LINE, { last: true });
  return out;
}
