/**
 * Provenance as text for `clausewright inspect`: the playbook, the data hash
 * and one aligned row per clause.
 *
 * @example
 *   playbook   aigc-user-agreement 0.1.0  sha256:3f2a…
 *   clause     output-ownership 1.0.0  user-owned-platform-licence  sha256:…
 */
import type { Provenance } from '../../model/nodes.js';

export function formatProvenance(p: Provenance): string {
  const rows = p.clauses.map((c) => [c.id, c.version, c.variant, c.hash]);
  const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => r[i]!.length)));
  const lines = [
    `generator  ${p.generator}`,
    `playbook   ${p.playbook.id} ${p.playbook.version}  ${p.playbook.hash}`,
    `data       ${p.dataHash}`,
    `clauses    ${p.clauses.length}`,
    ...rows.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${r[3]}`),
  ];
  return lines.join('\n') + '\n';
}
