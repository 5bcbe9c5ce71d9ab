/**
 * Deal data: check a parsed YAML/JSON deal file against the playbook's
 * variable namespace, apply defaults, decide which clauses are included, and
 * report every problem at once with the deal file's line and field.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { localizedSchema, type Localized } from '../library/localized.js';
import { valueSchema } from '../library/variables.js';
import type { Playbook } from './load.js';
import { evaluate } from './conditions.js';
import { suggest, type Resolved, type ResolvedEntry } from './namespace.js';

/** Keys of a deal file that are not variables. */
export const RESERVED_KEYS = ['parties', 'variants', '$schema'] as const;

/** Details a party may carry, with their printed labels (UI text, not clause text). */
export const PARTY_DETAIL_LABELS: Record<string, { zh: string; en: string }> = {
  address: { zh: '住所', en: 'Address' },
  registration_number: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  representative: { zh: '法定代表人', en: 'Legal representative' },
  contact: { zh: '联系人', en: 'Contact person' },
  email: { zh: '电子邮箱', en: 'Email' },
  phone: { zh: '电话', en: 'Telephone' },
};

export interface PartyData {
  name?: Localized;
  details: [key: string, value: Localized][];
}

export interface Deal {
  values: Record<string, unknown>;
  parties: Record<string, PartyData>;
  variants: Record<string, string>;
  included: ResolvedEntry[];
}

export interface DealSource {
  value: unknown;
  file: string;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export function checkDeal(playbook: Playbook, resolved: Resolved, source: DealSource): { deal: Deal; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { file } = source;
  const at = (path: (string | number)[]) => {
    const line = source.lineOf(path);
    return { file, ...(line ? { line } : {}), path };
  };
  const data = (source.value ?? {}) as Record<string, unknown>;
  const deal: Deal = { values: {}, parties: {}, variants: {}, included: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(error('data-shape', 'deal data must be a mapping of variable names to values', { file, line: 1 }));
    return { deal, diagnostics };
  }

  // Defaults first: module and playbook declarations, then the playbook's `set` values.
  for (const [name, info] of resolved.variables) if (info.spec.default !== undefined) deal.values[name] = info.spec.default;
  for (const { entry } of resolved.entries) Object.assign(deal.values, entry.set ?? {});

  const invalid = new Set<string>();
  for (const [name, value] of Object.entries(data)) {
    if ((RESERVED_KEYS as readonly string[]).includes(name)) continue;
    const info = resolved.variables.get(name);
    if (!info) {
      // It may be a variable of a clause whose module failed to load: that module's errors say why.
      if (resolved.broken.length > 0) continue;
      diagnostics.push(error('variable-unknown', `unknown variable "${name}"${suggest(name, [...resolved.variables.keys()])}: the playbook and its clauses declare no such variable`, at([name])));
      continue;
    }
    const checked = valueSchema(info.spec).safeParse(value);
    if (!checked.success) {
      invalid.add(name);
      const issue = checked.error.issues[0]!;
      diagnostics.push(error('variable-type', `"${name}" must be ${article(info.spec.type)} ${info.spec.type}: ${issue.message}`, at([name, ...(issue.path as (string | number)[])])));
      continue;
    }
    deal.values[name] = value;
  }

  checkParties(playbook, data.parties, deal, diagnostics, at);
  checkVariants(resolved, data.variants, deal, diagnostics, at);

  deal.included = resolved.entries.filter(({ entry }) => !entry.when || evaluate(entry.when, deal.values));
  const required = new Map<string, string>();
  for (const [name, spec] of Object.entries(playbook.spec.variables)) if (spec.required) required.set(name, 'the playbook');
  for (const { module } of deal.included) {
    for (const [name, spec] of Object.entries(module.variables)) if (spec.required && !required.has(name)) required.set(name, `clause "${module.id}"`);
  }
  for (const [name, by] of required) {
    if (deal.values[name] === undefined && !invalid.has(name)) {
      diagnostics.push(error('variable-missing', `missing required variable "${name}" (needed by ${by})`, { file, path: [name] }));
    }
  }
  return { deal, diagnostics };
}

function checkParties(playbook: Playbook, value: unknown, deal: Deal, diagnostics: Diagnostic[], at: (path: (string | number)[]) => object): void {
  const given = (value ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given)) {
    diagnostics.push(error('party-shape', '"parties" must map party ids to {name, details}', at(['parties'])));
    return;
  }
  const ids = playbook.spec.parties.map((p) => p.id);
  for (const [id, raw] of Object.entries(given)) {
    if (!ids.includes(id)) {
      diagnostics.push(error('party-unknown', `unknown party "${id}"${suggest(id, ids)}: the playbook's parties are ${ids.join(', ')}`, at(['parties', id])));
      continue;
    }
    const party = (raw ?? {}) as Record<string, unknown>;
    const data: PartyData = { details: [] };
    for (const [key, v] of Object.entries(party)) {
      if (key === 'name') {
        if (localizedSchema.safeParse(v).success) data.name = v as Localized;
        else diagnostics.push(error('party-field', `party "${id}" name must be text or {zh: …, en: …}${localizedHint(v)}`, at(['parties', id, 'name'])));
      } else if (key === 'details') {
        for (const [dk, dv] of Object.entries((asRecord(v)))) {
          if (!(dk in PARTY_DETAIL_LABELS)) {
            diagnostics.push(error('party-field', `unknown party detail "${dk}" (known: ${Object.keys(PARTY_DETAIL_LABELS).join(', ')})`, at(['parties', id, 'details', dk])));
          } else if (!localizedSchema.safeParse(dv).success) {
            diagnostics.push(error('party-field', `party detail "${dk}" must be text or {zh: …, en: …}${localizedHint(dv)}`, at(['parties', id, 'details', dk])));
          } else data.details.push([dk, dv as Localized]);
        }
      } else {
        diagnostics.push(error('party-field', `unknown field "${key}" for party "${id}" (use name, details)`, at(['parties', id, key])));
      }
    }
    deal.parties[id] = data;
  }
  for (const spec of playbook.spec.parties) {
    const raw = asRecord(given[spec.id]);
    if (spec.named && raw.name === undefined) {
      diagnostics.push(error('party-missing', `missing the name of party "${spec.id}" (parties.${spec.id}.name)`, { ...at(['parties']), path: ['parties', spec.id, 'name'] }));
    }
  }
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function checkVariants(resolved: Resolved, value: unknown, deal: Deal, diagnostics: Diagnostic[], at: (path: (string | number)[]) => object): void {
  for (const [clause, variant] of Object.entries(asRecord(value))) {
    const found = resolved.entries.find((e) => e.entry.clause === clause);
    if (!found) {
      diagnostics.push(error('clause-unknown', `"variants" names clause "${clause}", which the playbook does not include`, at(['variants', clause])));
      continue;
    }
    const ids = found.module.variants.map((v) => v.id);
    if (typeof variant !== 'string' || !ids.includes(variant)) {
      diagnostics.push(error('variant-unknown', `clause "${clause}" has no variant ${JSON.stringify(variant)} (it has: ${ids.join(', ')})`, at(['variants', clause])));
      continue;
    }
    if (found.entry.positions?.unacceptable.includes(variant)) {
      diagnostics.push(error('position-unacceptable', `the playbook marks variant "${variant}" of clause "${clause}" as unacceptable`, at(['variants', clause])));
      continue;
    }
    deal.variants[clause] = variant;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** Explain the usual cause: a comma inside an unquoted YAML flow value ("Co., Ltd."). */
function localizedHint(value: unknown): string {
  const extra = Object.keys(asRecord(value)).filter((k) => k !== 'zh' && k !== 'en');
  return extra.length ? `; it also has ${extra.map((k) => `"${k}"`).join(', ')} — quote values that contain commas` : '';
}
