/**
 * Deal data: check a parsed YAML/JSON deal file against the playbook's
 * variable namespace, apply defaults, decide which clauses are included, and
 * report every problem at once with the deal file's line and field.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { isGivenButNotMapping, isMapping } from '../yaml/mapping.js';
import { localizedFor, missingLanguages, type Localized } from '../library/localized.js';
import { fitsType } from '../library/contract-types.js';
import { enumValues, isValidIsoDate, outOfBounds, valueSchema, type VariableSpec } from '../library/variables.js';
import type { Playbook } from './load.js';
import { evaluate } from './conditions.js';
import { ruleBreachMessage, rulesBroken } from './rules-check.js';
import { playbookVariant, suggest, wrongType, type Resolved, type ResolvedEntry } from './namespace.js';

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
  if (!isMapping(data)) {
    diagnostics.push(error('data-shape', 'deal data must be a mapping of variable names to values', { file, line: 1 }));
    return { deal, diagnostics };
  }

  // Defaults first: module and playbook declarations, then the playbook's `set` values.
  for (const [name, info] of resolved.variables) if (info.spec.default !== undefined) deal.values[name] = info.spec.default;
  for (const { entry } of resolved.entries) Object.assign(deal.values, entry.set ?? {});

  const langs = playbook.spec.languages;
  const invalid = new Set<string>();
  for (const [name, value] of Object.entries(data)) {
    if (name === '$schema' && typeof value !== 'string') {
      diagnostics.push(error('data-shape', '"$schema" must be the path or URL of the JSON Schema, as text', at([name])));
      continue;
    }
    if ((RESERVED_KEYS as readonly string[]).includes(name)) continue;
    const info = resolved.variables.get(name);
    if (!info) {
      // It may be a variable of a clause whose module failed to load: that module's errors say why.
      if (resolved.broken.length > 0) continue;
      diagnostics.push(error('variable-unknown', `unknown variable "${name}"${suggest(name, [...resolved.variables.keys(), 'parties', 'variants'])}: the playbook and its clauses declare no such variable`, at([name])));
      continue;
    }
    const checked = valueSchema(info.spec, langs).safeParse(value);
    if (!checked.success) {
      invalid.add(name);
      const problem = valueProblem(info.spec, value, langs);
      if (problem) diagnostics.push(error(problem.code, `"${name}" ${problem.message}`, at([name, ...problem.path])));
      else {
        const issue = checked.error.issues[0]!;
        diagnostics.push(error('variable-type', `"${name}" must be ${article(info.spec.type)} ${info.spec.type}: ${issue.message}`, at([name, ...(issue.path as (string | number)[])])));
      }
      continue;
    }
    deal.values[name] = value;
  }

  checkParties(playbook, data.parties, deal, diagnostics, at);
  checkVariants(playbook, resolved, data.variants, deal, diagnostics, at);

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
  diagnostics.push(...brokenRules(deal, invalid, data, at));
  return { deal, diagnostics };
}

/** The variant a clause is drafted with: the deal's choice, else the playbook's (playbookVariant). */
export function draftedVariant(deal: Pick<Deal, 'variants'>, e: Pick<ResolvedEntry, 'entry' | 'module'>): string {
  return deal.variants[e.entry.clause] ?? playbookVariant(e).id;
}

/**
 * The rules of each included clause, for the variant drafted, over the deal's values.
 * Reported at the deal line of the first of its variables the deal gives (a rule is
 * written with what it limits on the left). A rule the deal gives none of the values of
 * is broken by the playbook's `set` or the module's defaults, which `check` reports at
 * their lines (namespace.ts, module-rules.ts), unless the deal chose another variant.
 */
function brokenRules(deal: Deal, invalid: ReadonlySet<string>, data: Record<string, unknown>, at: (path: (string | number)[]) => object): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { entry, module } of deal.included) {
    const variant = draftedVariant(deal, { entry, module });
    for (const { rule, names, outcome } of rulesBroken(module, variant, deal.values)) {
      if (names.some((n) => invalid.has(n))) continue; // its own error says why
      const given = names.find((n) => n in data);
      if (given === undefined && deal.variants[entry.clause] === undefined) continue;
      out.push(error('variable-rule', ruleBreachMessage(module, variant, rule, deal.values, outcome), given !== undefined ? at([given]) : at(['variants', entry.clause])));
    }
  }
  return out;
}

function checkParties(playbook: Playbook, value: unknown, deal: Deal, diagnostics: Diagnostic[], at: (path: (string | number)[]) => object): void {
  const given = (value ?? {}) as Record<string, unknown>;
  if (!isMapping(given)) {
    diagnostics.push(error('party-shape', '"parties" must map party ids to {name, details}', at(['parties'])));
    return;
  }
  const langs = playbook.spec.languages;
  const text = localizedFor(langs);
  const ids = playbook.spec.parties.map((p) => p.id);
  // A Localized value, or why not: a language missing, else the usual unquoted comma.
  const textProblem = (v: unknown): string | undefined => {
    if (text.safeParse(v).success) return undefined;
    const missing = missingLanguages(v, langs);
    if (missing.length > 0 && localizedHint(v) === '') {
      return ` ${languagesMissing(missing, langs)}`;
    }
    return ` must be text or {${langs.map((l) => `${l}: …`).join(', ')}}${localizedHint(v)}`;
  };
  for (const [id, raw] of Object.entries(given)) {
    if (!ids.includes(id)) {
      diagnostics.push(error('party-unknown', `unknown party "${id}"${suggest(id, ids)}: the playbook's parties are ${ids.join(', ')}`, at(['parties', id])));
      continue;
    }
    if (isGivenButNotMapping(raw)) {
      diagnostics.push(error('party-shape', `party "${id}" must be a mapping with its name (and details): write "name: …" on the next line, indented under "${id}:"`, at(['parties', id])));
      continue;
    }
    const party = (raw ?? {}) as Record<string, unknown>;
    const data: PartyData = { details: [] };
    for (const [key, v] of Object.entries(party)) {
      if (key === 'name') {
        const problem = textProblem(v);
        if (!problem) data.name = v as Localized;
        else diagnostics.push(error('party-field', `party "${id}" name${problem}`, at(['parties', id, 'name'])));
      } else if (key === 'details') {
        if (isGivenButNotMapping(v)) {
          diagnostics.push(error('party-field', `"details" of party "${id}" must map details (${Object.keys(PARTY_DETAIL_LABELS).join(', ')}) to their text`, at(['parties', id, 'details'])));
          continue;
        }
        for (const [dk, dv] of Object.entries(asRecord(v))) {
          const problem = textProblem(dv);
          if (!(dk in PARTY_DETAIL_LABELS)) {
            diagnostics.push(error('party-field', `unknown party detail "${dk}"${suggest(dk, Object.keys(PARTY_DETAIL_LABELS))} (known: ${Object.keys(PARTY_DETAIL_LABELS).join(', ')})`, at(['parties', id, 'details', dk])));
          } else if (problem) {
            diagnostics.push(error('party-field', `party detail "${dk}"${problem}`, at(['parties', id, 'details', dk])));
          } else data.details.push([dk, dv as Localized]);
        }
      } else {
        diagnostics.push(error('party-field', `unknown field "${key}" for party "${id}" (use name, details)`, at(['parties', id, key])));
      }
    }
    deal.parties[id] = data;
  }
  for (const spec of playbook.spec.parties) {
    const entry = given[spec.id];
    // A party that is not a mapping has been reported above.
    if (spec.named && (entry === undefined || entry === null || (isMapping(entry) && entry.name === undefined))) {
      diagnostics.push(error('party-missing', `missing the name of party "${spec.id}" (parties.${spec.id}.name)`, { ...at(['parties']), path: ['parties', spec.id, 'name'] }));
    }
  }
}

function asRecord(v: unknown): Record<string, unknown> {
  return isMapping(v) ? v : {};
}

function checkVariants(playbook: Playbook, resolved: Resolved, value: unknown, deal: Deal, diagnostics: Diagnostic[], at: (path: (string | number)[]) => object): void {
  if (isGivenButNotMapping(value)) {
    diagnostics.push(error('data-shape', '"variants" must map clause ids to variant ids, one "clause: variant" a line', at(['variants'])));
    return;
  }
  for (const [clause, variant] of Object.entries(asRecord(value))) {
    const found = resolved.entries.find((e) => e.entry.clause === clause);
    if (!found && resolved.broken.includes(clause)) continue; // its module failed to load: its own errors say why
    if (!found) {
      diagnostics.push(error('clause-unknown', `"variants" names clause "${clause}", which the playbook does not include`, at(['variants', clause])));
      continue;
    }
    const ids = found.module.variants.map((v) => v.id);
    if (typeof variant !== 'string' || !ids.includes(variant)) {
      diagnostics.push(error('variant-unknown', `clause "${clause}" has no variant ${JSON.stringify(variant)} (it has: ${ids.join(', ')})`, at(['variants', clause])));
      continue;
    }
    const chosen = found.module.variants.find((v) => v.id === variant)!;
    if (!fitsType(chosen.types, playbook.spec.type)) {
      diagnostics.push(error('variant-type', wrongType(found.module, chosen, playbook.spec.type, found.entry.positions?.unacceptable), at(['variants', clause])));
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

/** Text given per language without some of the playbook's: "has no en text, …: add en: …, or …". */
function languagesMissing(missing: readonly string[], langs: readonly string[]): string {
  return `has no ${missing.join(' or ')} text, and the playbook is in ${langs.join(' and ')}: add ${missing.map((l) => `${l}: …`).join(' and ')}, or give one string for every language`;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Full-width digits and punctuation (１２，０００．５) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** 2026/3/1, 2026.3.1, 2026年3月1日, 1 March 2026, March 1, 2026 → 2026-03-01 (undefined when not one of these). */
function looseDate(text: string): string | undefined {
  const t = halfWidth(text).trim();
  let y: string | undefined, m: string | number | undefined, d: string | undefined;
  let match = /^(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t))) [, d, m, y] = match;
  else if ((match = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(t))) [, m, d, y] = match;
  if (!y || m === undefined || !d) return undefined;
  const month = /^\d+$/.test(String(m)) ? Number(m) : MONTH_NAMES.findIndex((n) => String(m).length >= 3 && n.startsWith(String(m).toLowerCase())) + 1;
  if (month < 1) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * What is wrong with a deal value and what to write instead, for the mistakes people make
 * by hand: "12,000" or "RMB 12000" for a number, yes/no for a boolean, 2026/3/1 for a date,
 * a misspelt enum value, text in one language where the agreement needs both. Undefined
 * when there is no better word than zod's.
 */
function valueProblem(spec: VariableSpec, value: unknown, langs: readonly string[]): { code: string; message: string; path: (string | number)[] } | undefined {
  const type = (message: string, path: (string | number)[] = []) => ({ code: 'variable-type', message, path });
  const language = (given: unknown, path: (string | number)[]) => {
    const missing = missingLanguages(given, langs);
    // A key beside the playbook's languages (often an unquoted comma's): zod's message says more.
    const stray = Object.keys(given as object).filter((k) => !(langs as string[]).includes(k));
    if (missing.length === 0 || stray.length > 0) return undefined;
    return {
      code: 'variable-language',
      message: languagesMissing(missing, langs),
      path,
    };
  };
  switch (spec.type) {
    case 'string':
    case 'text':
      if (typeof value === 'number' || typeof value === 'boolean') return type(`must be text: write it in quotes, "${String(value)}"`);
      if (isMapping(value)) return language(value, []);
      return undefined;
    case 'list':
      if (!Array.isArray(value)) return type(`must be a list: write each item on a line of its own starting with "- "`);
      for (const [i, item] of value.entries()) {
        if (isMapping(item)) {
          const problem = language(item, [i]);
          if (problem) return problem;
        }
      }
      return undefined;
    case 'number': {
      const digits = type('must be a number, written in plain digits 0-9 without quotes (e.g. 12000)');
      // YAML's .nan and .inf are numbers too, but no amount: bounds (and "write e.g. NaN") do not apply.
      if (typeof value === 'number') return Number.isFinite(value) ? rangeProblem(spec, value) : digits;
      if (typeof value !== 'string') return undefined;
      const plain = halfWidth(value)
        .replace(/人民币|RMB|CNY|USD|US\$|[¥$元]/gi, '')
        .replace(/[,\s]/g, '');
      return /^-?\d+(\.\d+)?$/.test(plain)
        ? type(`must be a number: write ${Number(plain)} (plain digits 0-9, no grouping commas, currency or quotes; it is printed as ${Number(plain).toLocaleString('en-US', { maximumFractionDigits: 6 })})`)
        : digits;
    }
    case 'boolean': {
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      const word = String(value).trim().toLowerCase();
      const yes = ['yes', 'y', 'on', 'true', '1', '是'].includes(word);
      const no = ['no', 'n', 'off', 'false', '0', '否'].includes(word);
      return yes || no ? type(`must be true or false: write ${yes}, without quotes ("${String(value)}" is not read as ${yes})`) : type('must be true or false, without quotes');
    }
    case 'date': {
      const iso = typeof value === 'string' ? looseDate(value) : undefined;
      if (iso && isValidIsoDate(iso)) return type(`must be a date written YYYY-MM-DD: write ${iso}`);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return type(`is not a day of the calendar: ${value} (written YYYY-MM-DD)`);
      return type('must be a date written YYYY-MM-DD, e.g. 2026-03-01');
    }
    case 'enum': {
      const values = enumValues(spec);
      const hint = typeof value === 'string' ? suggest(value, values) : '';
      return type(`must be one of ${values.join(', ')}; ${JSON.stringify(value)} is none of them${hint}`);
    }
  }
}

/**
 * A number the variable's bounds refuse: "must be a whole number of 1 or more, not 0.5; write
 * e.g. 30" — the example is the default when there is one, else the nearest value allowed.
 */
function rangeProblem(spec: VariableSpec, value: number): { code: string; message: string; path: (string | number)[] } | undefined {
  const broken = outOfBounds(spec, value);
  return broken === undefined ? undefined : { code: 'variable-range', message: `${broken}; write e.g. ${nearestAllowed(spec, value)}`, path: [] };
}

function nearestAllowed(spec: VariableSpec, value: number): number {
  if (typeof spec.default === 'number' && valueSchema(spec).safeParse(spec.default).success) return spec.default;
  const low = spec.min ?? -Infinity;
  const high = spec.max ?? Infinity;
  let n = Math.min(Math.max(value, low), high);
  if (spec.integer) {
    n = Math.round(n);
    if (n < low) n = Math.ceil(low);
    if (n > high) n = Math.floor(high);
    n = Math.min(Math.max(n, -Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
  }
  return n;
}
