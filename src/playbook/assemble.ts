/**
 * Assembly: playbook + clause library + deal data + language → Document.
 * Pure: all inputs are passed in (file contents already read). Strict: every
 * problem in the playbook, the modules and the deal data is collected and
 * returned together; the document is only returned when there is no error.
 */
import { createHash } from 'node:crypto';
import { error, hasErrors, dedupeDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Library } from '../library/load.js';
import { pick } from '../library/localized.js';
import { formatValue } from '../library/variables.js';
import { MODEL_VERSION, type Document, type KeyTerm, type Part, type Party } from '../model/nodes.js';
import { GENERATOR } from '../version.js';
import { checkDeal, draftedVariant, PARTY_DETAIL_LABELS, type Deal, type DealSource } from './data.js';
import type { Playbook } from './load.js';
import { resolvePlaybook, type Resolved } from './namespace.js';
import { numberDocument, resolveReferences } from './numbering.js';
import { renderClause } from './render-clause.js';
import { checkTerms } from './terms.js';

export type AssemblyLang = 'zh' | 'en' | 'zh+en';

export interface AssembleInput {
  playbook: Playbook;
  library: Library;
  data: DealSource;
  lang: AssemblyLang;
  /** YYYY-MM-DD recorded in the document (and in output timestamps). */
  date?: string;
}

export interface AssembleResult {
  document?: Document;
  diagnostics: Diagnostic[];
}

export function assemble(input: AssembleInput): AssembleResult {
  const { playbook, library } = input;
  const resolvedRun = resolvePlaybook(playbook, library);
  const diagnostics = [...resolvedRun.diagnostics];
  const langs = input.lang === 'zh+en' ? ['zh', 'en'] : [input.lang];
  for (const lang of langs) {
    if (!(playbook.spec.languages as string[]).includes(lang)) {
      diagnostics.push(error('language-unsupported', `playbook "${playbook.spec.id}" is not available in ${lang} (languages: ${playbook.spec.languages.join(', ')})`, { file: playbook.file, line: playbook.lineOf(['languages']), path: ['languages'] }));
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const dealRun = checkDeal(playbook, resolvedRun.resolved, input.data);
  diagnostics.push(...dealRun.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  const documents = langs.map((lang) => {
    const built = buildDocument(input, resolvedRun.resolved, dealRun.deal, lang);
    diagnostics.push(...built.diagnostics);
    return built.document;
  });
  const unique = dedupeDiagnostics(diagnostics);
  if (hasErrors(unique)) return { diagnostics: unique };
  const [primary, ...translations] = documents;
  if (translations.length > 0) primary!.translations = translations;
  return { document: primary, diagnostics: unique };
}

function buildDocument(input: AssembleInput, resolved: Resolved, deal: Deal, lang: string): { document: Document; diagnostics: Diagnostic[] } {
  const { playbook } = input;
  const spec = playbook.spec;
  const diagnostics: Diagnostic[] = [];
  const specs = (name: string) => resolved.variables.get(name)?.spec;
  const parts: Part[] = spec.parts.map((p) => ({
    type: 'part',
    id: p.id,
    numbered: p.numbered,
    children: [],
    clauses: [],
    ...(p.title ? { title: [{ type: 'text', value: p.title[lang as 'zh' | 'en'] }] } : {}),
  }));
  const provenance: Document['meta']['provenance'] = {
    generator: GENERATOR,
    playbook: { id: spec.id, version: spec.version, hash: playbook.hash },
    clauses: [],
    dataHash: canonicalHash(input.data.value ?? {}),
  };
  /** Included clauses missing from this document: their module failed to load, or their text to render. */
  const missing = new Set(resolved.broken);
  for (const { entry, module, partIndex } of deal.included) {
    const variantId = draftedVariant(deal, { entry, module });
    const variant = module.variants.find((v) => v.id === variantId)!;
    const rendered = renderClause({
      module,
      variant,
      lang,
      ...(entry.title ? { title: entry.title[lang as 'zh' | 'en'] } : {}),
      specs,
      values: deal.values,
      parties: deal.parties,
      partyIds: spec.parties.map((p) => p.id),
      dataFile: input.data.file,
    });
    diagnostics.push(...rendered.diagnostics);
    if (rendered.clause) parts[partIndex]!.clauses.push(rendered.clause);
    else missing.add(module.id);
    provenance.clauses.push({ id: module.id, version: module.version, variant: variant.id, hash: module.hash });
  }

  const document: Document = {
    type: 'document',
    modelVersion: MODEL_VERSION,
    lang,
    meta: {
      title: spec.title[lang as 'zh' | 'en'],
      version: spec.version,
      ...(input.date ? { date: input.date } : {}),
      parties: parties(input, deal, lang),
      keyTerms: keyTerms(input, resolved, deal, lang),
      signatures: spec.signatures,
      provenance,
    },
    parts: parts.filter((p) => p.clauses.length > 0 || p.children.length > 0),
  };
  numberDocument(document);
  for (const { ref, within } of resolveReferences(document)) {
    // A reference to a clause missing for its own reported error is not a second error.
    if (missing.has(ref.target.split('#')[0]!)) continue;
    diagnostics.push(
      error('reference-unknown', `cross-reference [[#${ref.target.replace('#', '.')}]] points at no clause in this document${within ? ` (in clause ${within.id.split('#')[0]})` : ''}`, {
        ...(within?.position ? { file: within.position.file, line: within.position.line } : { file: playbook.file }),
      }),
    );
  }
  // Without a missing clause's definitions and uses, terms would read as undefined or unused.
  if (missing.size === 0) diagnostics.push(...checkTerms(document));
  return { document, diagnostics };
}

function parties(input: AssembleInput, deal: Deal, lang: string): Party[] {
  return input.playbook.spec.parties.map((spec) => {
    const data = deal.parties[spec.id];
    const party: Party = { id: spec.id, term: spec.term[lang as 'zh' | 'en'] };
    const name = pick(data?.name, lang);
    if (name) party.name = name;
    else if (spec.description) party.description = spec.description[lang as 'zh' | 'en'];
    const details = (data?.details ?? [])
      .map(([key, value]) => ({ label: PARTY_DETAIL_LABELS[key]![lang as 'zh' | 'en'], value: pick(value, lang) }))
      .filter((d): d is { label: string; value: string } => d.value !== undefined);
    if (details.length > 0) party.details = details;
    return party;
  });
}

function keyTerms(input: AssembleInput, resolved: Resolved, deal: Deal, lang: string): KeyTerm[] {
  const out: KeyTerm[] = [];
  for (const name of input.playbook.spec.keyTerms) {
    const spec = resolved.variables.get(name)?.spec;
    const value = deal.values[name];
    if (!spec || value === undefined) continue;
    const printed = formatValue(spec, value, lang);
    if (printed === undefined) continue;
    // A yes/no standing alone in the cover's table reads as a sentence of its own: "Yes", not "yes".
    const shown = spec.type === 'boolean' ? printed.charAt(0).toUpperCase() + printed.slice(1) : printed;
    out.push({ name, label: spec.label?.[lang as 'zh' | 'en'] ?? name.replace(/_/g, ' '), value: shown });
  }
  return out;
}

/** sha256 of JSON with sorted keys, so key order in the deal file does not matter. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}


