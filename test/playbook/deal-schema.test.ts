/**
 * The JSON Schema `clausewright schema` prints is what editors check deal files against;
 * `assemble` / `check --data` is what actually validates. Both must give the same verdict:
 * every example deal and every generated variant of it is checked with a real JSON Schema
 * validator (ajv) and with clausewright, and the verdicts are compared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics.js';
import { ruleNames } from '../../src/library/rules.js';
import { enumValues, type VariableSpec } from '../../src/library/variables.js';
import { assemble } from '../../src/playbook/assemble.js';
import { checkDeal } from '../../src/playbook/data.js';
import { dealJsonSchema } from '../../src/playbook/deal-schema.js';
import { loadForPlaybook } from '../../src/playbook/files.js';
import { resolvePlaybook, type Resolved } from '../../src/playbook/namespace.js';
import type { Playbook } from '../../src/playbook/load.js';
import type { Library } from '../../src/library/load.js';
import { MINI, REPO, tempFixture } from '../helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Deal = Record<string, unknown>;
interface Variant {
  name: string;
  deal: unknown;
}

const clone = <T>(v: T): T => structuredClone(v);
const edit = (base: Deal, f: (d: Deal) => void): Deal => {
  const d = clone(base);
  f(d);
  return d;
};

/** A value of the wrong kind for each variable type, as people write them by hand. */
function wrongValues(spec: VariableSpec): unknown[] {
  switch (spec.type) {
    case 'number':
      return ['12,000', 'RMB 12000', '１５', '15', true, { zh: '15', en: '15' }];
    case 'boolean':
      return ['yes', 'no', 'on', 'true', 1];
    case 'date':
      return ['2026/3/1', '1 March 2026', '2026-3-1', '2026-02-30', '2026-13-01', 20260301, '2026-03-01T00:00:00Z'];
    case 'enum':
      return [`${enumValues(spec)[0]}x`, enumValues(spec)[0]!.toUpperCase(), 1, [enumValues(spec)[0]]];
    case 'string':
    case 'text':
      return [12, true, '', {}, { zh: '仅中文' }, { en: 'English only' }, { zh: '中文', en: '' }, { zh: '中文', en: 'English', fr: 'Français' }, ['a'], null];
    case 'list':
      return ['one item', [], [{ zh: '仅中文' }], [''], [1], [{}]];
  }
}

/** A right value of another shape than the example's. */
function rightValues(spec: VariableSpec): unknown[] {
  switch (spec.type) {
    case 'number':
      return [0, 12000.5, -1];
    case 'boolean':
      return [true, false];
    case 'date':
      return ['2024-02-29', '2026-12-31'];
    case 'enum':
      return enumValues(spec);
    case 'string':
    case 'text':
      return ['同一文本 for both', { zh: '中文', en: 'English' }, '{{not a variable}} **not bold**'];
    case 'list':
      return [['同一文本'], [{ zh: '中文', en: 'English' }, 'both']];
  }
}

/**
 * Numbers at and across a number variable's bounds (min, max, integer), and numbers no bound
 * names: a fraction, 1e30, past the whole numbers JavaScript holds exactly.
 */
function boundValues(spec: VariableSpec): unknown[] {
  if (spec.type !== 'number') return [];
  const near = (n: number | undefined) => (n === undefined ? [] : [n, n - 1, n + 1, n - 0.5, n + 0.5]);
  return [...near(spec.min), ...near(spec.max), 0.5, 1.5, 1e30, -1e30, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53) - 2];
}

function variants(playbook: Playbook, resolved: Resolved, base: Deal): Variant[] {
  const out: Variant[] = [{ name: 'the example deal', deal: base }];
  for (const [name, info] of resolved.variables) {
    for (const value of wrongValues(info.spec)) out.push({ name: `${name} = ${JSON.stringify(value)}`, deal: edit(base, (d) => (d[name] = value)) });
    for (const value of rightValues(info.spec)) out.push({ name: `${name} = ${JSON.stringify(value)}`, deal: edit(base, (d) => (d[name] = value)) });
    for (const value of boundValues(info.spec)) out.push({ name: `${name} = ${JSON.stringify(value)} (bounds)`, deal: edit(base, (d) => (d[name] = value)) });
    if (name in base) out.push({ name: `without ${name}`, deal: edit(base, (d) => delete d[name]) });
  }
  out.push({ name: 'an unknown key', deal: edit(base, (d) => (d.servcie_name = 'x')) });
  out.push({ name: 'a $schema line', deal: edit(base, (d) => (d.$schema = './deal.schema.json')) });
  out.push({ name: 'a $schema that is no text', deal: edit(base, (d) => (d.$schema = 5)) });
  out.push({ name: 'an empty file', deal: null });
  out.push({ name: 'a list at the top', deal: [base] });
  out.push({ name: 'a string at the top', deal: 'service_name: x' });
  out.push({ name: 'no parties', deal: edit(base, (d) => delete d.parties) });
  out.push({ name: 'parties as a list', deal: edit(base, (d) => (d.parties = [])) });
  out.push({ name: 'an unknown party', deal: edit(base, (d) => ((d.parties as Deal).someone = { name: 'x' })) });
  for (const party of playbook.spec.parties) {
    const p = (d: Deal) => (d.parties as Deal)[party.id] as Deal | undefined;
    const setParty = (d: Deal, v: unknown) => {
      d.parties ??= {};
      (d.parties as Deal)[party.id] = v;
    };
    out.push({ name: `without party ${party.id}`, deal: edit(base, (d) => d.parties && delete (d.parties as Deal)[party.id]) });
    out.push({ name: `party ${party.id} as its name only`, deal: edit(base, (d) => setParty(d, '北京某某有限公司')) });
    out.push({ name: `party ${party.id} empty`, deal: edit(base, (d) => setParty(d, null)) });
    out.push({ name: `party ${party.id} named in one string`, deal: edit(base, (d) => setParty(d, { ...p(d), name: 'Acme 公司' })) });
    out.push({ name: `party ${party.id} named in zh only`, deal: edit(base, (d) => setParty(d, { ...p(d), name: { zh: '某某公司' } })) });
    out.push({ name: `party ${party.id} named in en only`, deal: edit(base, (d) => setParty(d, { ...p(d), name: { en: 'Acme Ltd.' } })) });
    out.push({ name: `party ${party.id} name "Co., Ltd." split by an unquoted comma`, deal: edit(base, (d) => setParty(d, { ...p(d), name: { zh: '某某公司', en: 'Acme Co.', ' Ltd.': null } })) });
    out.push({ name: `party ${party.id} with an unknown field`, deal: edit(base, (d) => setParty(d, { ...p(d), adress: 'x' })) });
    out.push({ name: `party ${party.id} details`, deal: edit(base, (d) => setParty(d, { ...p(d), details: { address: { zh: '北京', en: 'Beijing' }, email: 'a@b.cn' } })) });
    out.push({ name: `party ${party.id} details with an unknown key`, deal: edit(base, (d) => setParty(d, { ...p(d), details: { adress: 'x' } })) });
    out.push({ name: `party ${party.id} details in zh only`, deal: edit(base, (d) => setParty(d, { ...p(d), details: { address: { zh: '北京' } } })) });
    out.push({ name: `party ${party.id} details as text`, deal: edit(base, (d) => setParty(d, { ...p(d), details: '北京市海淀区' })) });
    out.push({ name: `party ${party.id} details empty`, deal: edit(base, (d) => setParty(d, { ...p(d), details: null })) });
  }
  out.push({ name: 'variants as text', deal: edit(base, (d) => (d.variants = 'content-labelling')) });
  out.push({ name: 'variants as a list', deal: edit(base, (d) => (d.variants = [])) });
  out.push({ name: 'variants for a clause not in the playbook', deal: edit(base, (d) => (d.variants = { 'no-such-clause': 'standard' })) });
  for (const { entry, module } of resolved.entries) {
    for (const v of module.variants) out.push({ name: `variant ${entry.clause}: ${v.id}`, deal: edit(base, (d) => (d.variants = { [entry.clause]: v.id })) });
    out.push({ name: `variant ${entry.clause}: misspelt`, deal: edit(base, (d) => (d.variants = { [entry.clause]: `${module.variants[0]!.id}s` })) });
  }
  return out;
}

/**
 * Refusals that come from drafting the clause texts, not from the deal data's shape: a condition
 * that leaves out a clause another one cross-references (the mini fixture's design). No JSON
 * Schema can foresee them; they are listed apart. A variant written for another contract type
 * is no longer one of them: the schema offers only the variants written for the playbook's type.
 */
const DRAFTING = new Set(['term-undefined', 'reference-unknown', 'template-variable']);

/** A clause's rule between variables (advance + retention <= 100): JSON Schema has no arithmetic, so the schema only tells it. */
const RULED = 'variable-rule';

function validatorVerdict(playbook: Playbook, library: Library, resolved: Resolved, deal: unknown): { ok: boolean; drafting: boolean; ruled: boolean; messages: string[] } {
  const data = { value: deal, file: 'deal.yaml', lineOf: () => undefined };
  const checked = checkDeal(playbook, resolved, data);
  let diagnostics = checked.diagnostics;
  // Clean deal data is then drafted in both languages, as `check --data` does.
  if (!hasErrors(diagnostics)) diagnostics = assemble({ playbook, library, data, lang: 'zh+en', date: '2026-01-01' }).diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    ok: errors.length === 0,
    drafting: errors.length > 0 && errors.every((d) => DRAFTING.has(d.code)),
    ruled: errors.length > 0 && errors.every((d) => d.code === RULED),
    messages: [...new Set(errors.map((d) => `[${d.code}] ${d.message}`))],
  };
}

function compare(playbookFile: string, dealFile: string, extra: (base: Deal) => Variant[] = () => []) {
  const { playbook, library } = loadForPlaybook({ playbook: playbookFile });
  const { resolved } = resolvePlaybook(playbook, library);
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true, strictRequired: false }));
  const validate = ajv.compile(dealJsonSchema(playbook, resolved) as object);
  const base = parse(readFileSync(dealFile, 'utf8')) as Deal;
  const disagreements: string[] = [];
  const drafting: string[] = [];
  const ruled: string[] = [];
  const all = [...variants(playbook, resolved, base), ...extra(base)];
  for (const { name, deal } of all) {
    const schemaOk = validate(deal);
    const validator = validatorVerdict(playbook, library, resolved, deal);
    if (schemaOk && validator.drafting) drafting.push(name);
    else if (schemaOk && validator.ruled) ruled.push(name);
    else if (schemaOk !== validator.ok) {
      const schemaSays = schemaOk ? 'valid' : ajv.errorsText(validate.errors);
      disagreements.push(`${name}: schema ${schemaSays}; validator ${validator.ok ? 'valid' : validator.messages.join('; ')}`);
    }
  }
  return { disagreements, drafting, ruled, count: all.length, exampleValid: validate(base) };
}

describe('the deal JSON Schema and the deal validator agree', () => {
  for (const id of ['aigc-user-agreement', 'data-trade-agreement', 'model-licence-agreement']) {
    it(`on ${id}: its example deal and variants of it`, () => {
      const { disagreements, drafting, ruled, count, exampleValid } = compare(join(REPO, 'playbooks', `${id}.yaml`), join(REPO, 'examples', `${id}.yaml`));
      expect(exampleValid).toBe(true);
      expect(count).toBeGreaterThan(200);
      expect(disagreements).toEqual([]);
      // Every deal the schema accepts drafts: no variant it offers is written for another contract type.
      expect(drafting).toEqual([]);
      // Only a value of a variable a rule names breaks a rule, and the schema tells that rule.
      const { playbook, library } = loadForPlaybook({ playbook: join(REPO, 'playbooks', `${id}.yaml`) });
      const { resolved } = resolvePlaybook(playbook, library);
      const ruledNames = new Set(resolved.entries.flatMap((e) => e.module.rules.flatMap((r) => ruleNames(r.check))));
      for (const name of ruled) expect(ruledNames, name).toContain(name.split(' ')[0]);
      const schema = dealJsonSchema(playbook, resolved) as { properties: Record<string, { description?: string }> };
      for (const name of ruledNames) expect(schema.properties[name]?.description, name).toMatch(/Rule of clause [a-z-]+.*: .*<=/);
      if (id !== 'aigc-user-agreement') expect(ruled.length, id).toBeGreaterThan(0);
    });
  }

  it('on number variables with bounds: at them, across them and past the whole numbers held exactly', () => {
    const dir = tempFixture(MINI, {
      'clauses/fees.md': (t) =>
        t.replace('    type: number\n    required: true\n', '    type: number\n    required: true\n    min: 0\n').replace('    type: number\n    default: 30\n', '    type: number\n    min: 1\n    max: 90\n    integer: true\n    default: 30\n'),
      'playbooks/mini.yaml': (t) => t.replace('  include_disputes:', '  discount_percent: { type: number, min: 0, max: 100 }\n  term_months: { type: number, integer: true, max: 36 }\n  include_disputes:'),
    });
    const { disagreements, drafting, count } = compare(join(dir, 'playbooks/mini.yaml'), join(dir, 'deals/good.yaml'));
    expect(count).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
    // Leaving disputes out leaves fees' cross-reference to it without a target (fixture design).
    expect(drafting).toEqual(['include_disputes = false']);
  });

  it('covers bounds in the shipped playbooks: some number variables there have them', () => {
    for (const id of ['aigc-user-agreement', 'data-trade-agreement', 'model-licence-agreement']) {
      const { playbook, library } = loadForPlaybook({ playbook: join(REPO, 'playbooks', `${id}.yaml`) });
      const numbers = [...resolvePlaybook(playbook, library).resolved.variables.values()].filter((v) => v.spec.type === 'number');
      expect(numbers.filter((v) => v.spec.min !== undefined && v.spec.integer).length, id).toBeGreaterThan(0);
    }
  });

  it('on a variable only a clause under a condition requires', () => {
    // forum becomes required in the disputes clause, which include_disputes (default true) turns on.
    const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('    default: court\n', '    required: true\n') });
    const { disagreements, drafting } = compare(join(dir, 'playbooks/mini.yaml'), join(dir, 'deals/good.yaml'), (base) => [
      { name: 'no forum, disputes included by default', deal: edit(base, (d) => delete d.forum) },
      { name: 'no forum, disputes left out', deal: edit(base, (d) => ((d.include_disputes = false), delete d.forum)) },
      { name: 'no forum, disputes included', deal: edit(base, (d) => ((d.include_disputes = true), delete d.forum)) },
      { name: 'forum, disputes left out', deal: edit(base, (d) => (d.include_disputes = false)) },
    ]);
    expect(disagreements).toEqual([]);
    // Leaving disputes out leaves fees' cross-reference to it without a target (fixture design).
    expect(drafting.every((name) => name.includes('disputes left out') || name === 'include_disputes = false')).toBe(true);
  });
});
