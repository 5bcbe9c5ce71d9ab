/**
 * Defined terms across the assembled document: every use needs a definition
 * (in a clause or as a party term); a definition never used is a warning.
 */
import { error, warning, dedupeDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Clause, Document, TermDefinition } from '../model/nodes.js';
import { normaliseTerm } from '../model/build.js';
import { visit } from '../model/walk.js';

export function checkTerms(document: Document): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const defined = new Map<string, { node?: TermDefinition; within?: Clause }>();
  for (const party of document.meta.parties) defined.set(normaliseTerm(party.term), {});
  const used = new Set<string>();
  const where = (within: Clause | undefined) => (within?.position ? { file: within.position.file, line: within.position.line } : {});
  visit(document, (node, ancestors) => {
    const within = [...ancestors].reverse().find((a): a is Clause => a.type === 'clause' && a.position !== undefined);
    if (node.type === 'termDefinition') {
      const previous = defined.get(node.term);
      if (previous) {
        diagnostics.push(warning('term-redefined', `term "${node.label}" is defined more than once (also in ${previous.within?.id ?? 'the parties block'})`, where(within)));
      } else defined.set(node.term, { node, within });
    }
  });
  visit(document, (node, ancestors) => {
    if (node.type !== 'termUse') return;
    used.add(node.term);
    if (!defined.has(node.term)) {
      const within = [...ancestors].reverse().find((a): a is Clause => a.type === 'clause' && a.position !== undefined);
      diagnostics.push(error('term-undefined', `term "${node.label}" is used but never defined in this ${document.lang} document${within ? ` (clause ${within.id.split('#')[0]})` : ''}`, where(within)));
    }
  });
  for (const [term, { node, within }] of defined) {
    if (node && !used.has(term)) {
      diagnostics.push(warning('term-unused', `term "${node.label}" is defined but never used`, where(within)));
    }
  }
  return dedupeDiagnostics(diagnostics);
}

