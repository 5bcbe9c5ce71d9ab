/**
 * Checks of a playbook against its clause modules that need no deal data:
 * every template variable declared, cross-references that point at included
 * clauses and existing anchors, and defined terms used only where some
 * included clause (or a party) defines them — in every language and for every
 * variant the playbook drafts or offers as a position.
 */
import { error, warning, dedupeDiagnostics, type Diagnostic } from '../diagnostics.js';
import { normaliseTerm } from '../model/build.js';
import type { Variant } from '../library/module.js';
import { compileTemplate, countNewlines } from '../library/template.js';
import type { Playbook } from './load.js';
import { playbookVariant, type Resolved, type ResolvedEntry } from './namespace.js';
import { checkUse } from './render-clause.js';

const TERM = /\[\[(=?)([^\]#][^\]]*)\]\]/g;
const REF = /\[\[#([a-z0-9-]+)(?:\.([a-z0-9-]+))?\]\]/g;
const ANCHOR = /^\s*\{#([a-z0-9][a-z0-9-]*)\}/gm;

export function staticCheck(playbook: Playbook, resolved: Resolved): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const specs = (name: string) => resolved.variables.get(name)?.spec;
  const partyIds = playbook.spec.parties.map((p) => p.id);
  const byId = new Map(resolved.entries.map((e) => [e.entry.clause, e]));

  for (const lang of playbook.spec.languages) {
    // Where each term is defined when every clause is drafted as the playbook says.
    const defined = new Map<string, string>();
    for (const party of playbook.spec.parties) defined.set(normaliseTerm(party.term[lang]), 'parties');
    for (const e of resolved.entries) for (const term of definitionsIn(playbookVariant(e), lang)) defined.set(term, e.module.id);
    const used = new Set<string>();
    for (const e of resolved.entries) {
      for (const variant of negotiableVariants(e)) {
        const text = variant.text[lang];
        if (!text) continue;
        // Drafting a fallback swaps this clause's own definitions for the fallback's.
        const own = definitionsIn(variant, lang);
        const isDefined = (term: string) => own.has(term) || (defined.has(term) && defined.get(term) !== e.module.id);
        const lineAt = (offset: number) => text.line + countNewlines(text.source, offset);
        const where = (offset: number) => ({ file: e.module.file, line: lineAt(offset) });
        const compiled = compileTemplate(text.source);
        for (const p of compiled.problems) diagnostics.push(error('template-syntax', p.message, where(p.offset)));
        for (const use of compiled.uses) {
          const problem = checkUse(use.name, use.equals, use.inSection, { specs, partyIds });
          if (problem) diagnostics.push(error(problem.code, problem.message, where(use.offset)));
        }
        for (const m of scan(text.source, TERM)) {
          if (m[1] === '=') continue;
          const term = normaliseTerm(m[2]!.split('|')[0]!);
          used.add(term);
          if (!isDefined(term) && resolved.broken.length === 0) {
            diagnostics.push(error('term-undefined', `term "${m[2]!.split('|')[0]}" (${lang}, variant "${variant.id}") is defined by no clause of playbook ${playbook.spec.id}; define it in the definitions module`, where(m.index!)));
          }
        }
        for (const m of scan(text.source, REF)) {
          const target = byId.get(m[1]!);
          if (!target) {
            if (resolved.broken.includes(m[1]!)) continue;
            diagnostics.push(error('reference-unknown', `cross-reference [[#${m[1]}${m[2] ? '.' + m[2] : ''}]] points at clause "${m[1]}", which playbook ${playbook.spec.id} does not include`, where(m.index!)));
          } else if (m[2] && !anchors(target === e ? variant : playbookVariant(target), lang).has(m[2])) {
            diagnostics.push(error('reference-unknown', `cross-reference [[#${m[1]}.${m[2]}]]: clause "${m[1]}" has no {#${m[2]}} anchor in its ${lang} text`, where(m.index!)));
          }
        }
      }
    }
    for (const [term, by] of defined) {
      if (by !== 'parties' && !used.has(term) && resolved.broken.length === 0) {
        const module = byId.get(by)?.module;
        diagnostics.push(warning('term-unused', `term "${term}" (${lang}) is defined in clause "${by}" but no clause of playbook ${playbook.spec.id} uses it`, module ? { file: module.file } : {}));
      }
    }
  }
  return dedupeDiagnostics(diagnostics);
}

/**
 * The variants a deal may draft this clause with: the playbook's choice and
 * its stated positions (preferred, fallbacks). Other variants are checked at
 * assembly if a deal chooses them; one written for another contract type
 * (its `types`) it cannot choose.
 */
function negotiableVariants(e: ResolvedEntry): Variant[] {
  const ids = new Set([playbookVariant(e).id, ...(e.entry.positions ? [e.entry.positions.preferred, ...e.entry.positions.fallbacks] : [])]);
  return e.module.variants.filter((v) => ids.has(v.id));
}

function definitionsIn(variant: Variant, lang: string): Set<string> {
  return new Set(scan(variant.text[lang]?.source ?? '', TERM).filter((m) => m[1] === '=').map((m) => normaliseTerm(m[2]!)));
}

function anchors(variant: Variant, lang: string): Set<string> {
  return new Set(scan(variant.text[lang]?.source ?? '', ANCHOR).map((m) => m[1]!));
}

function scan(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))];
}


