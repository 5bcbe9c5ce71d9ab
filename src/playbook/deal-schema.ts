/**
 * JSON Schema of a playbook's deal data (zod's toJSONSchema), so editors can
 * validate and complete deal files. It must agree with `checkDeal`: what one
 * refuses the other refuses (test/playbook/deal-schema.test.ts checks this with
 * a JSON Schema validator). A variable that only a clause under a `when`
 * condition requires is required under the same condition (`if`/`then`). A
 * clause's rules between variables (advance + retention <= 100) are beyond JSON
 * Schema, which has no arithmetic: they are told in the variables' descriptions.
 */
import { z } from 'zod';
import { fitsType } from '../library/contract-types.js';
import { localizedFor } from '../library/localized.js';
import { ruleNames } from '../library/rules.js';
import { valueSchema } from '../library/variables.js';
import { PARTY_DETAIL_LABELS } from './data.js';
import { evaluate } from './conditions.js';
import type { Playbook } from './load.js';
import type { Resolved } from './namespace.js';
import type { Condition } from './schema.js';

export function dealSchema(playbook: Playbook, resolved: Resolved): z.ZodObject {
  const spec = playbook.spec;
  const langs = spec.languages;
  const text = localizedFor(langs);
  const required = new Set<string>(Object.entries(spec.variables).filter(([, v]) => v.required).map(([k]) => k));
  const set = setValues(resolved);
  for (const { entry, module } of resolved.entries) {
    if (entry.when) continue;
    for (const [name, v] of Object.entries(module.variables)) if (v.required && !(name in set)) required.add(name);
  }
  const shape: Record<string, z.ZodType> = {};
  const details = z
    .object(Object.fromEntries(Object.keys(PARTY_DETAIL_LABELS).map((k) => [k, text.optional()])))
    .strict()
    .nullable();
  const parties: Record<string, z.ZodType> = {};
  for (const p of spec.parties) {
    const party = z.object({ name: p.named ? text : text.optional(), details: details.optional() }).strict();
    parties[p.id] = p.named ? party : party.nullable().optional();
  }
  const anyNamed = spec.parties.some((p) => p.named);
  shape.parties = anyNamed ? z.object(parties).strict() : z.object(parties).strict().nullable().optional();
  const variants: Record<string, z.ZodType> = {};
  for (const { entry, module } of resolved.entries) {
    // Only the variants written for the playbook's contract type, and not marked unacceptable.
    const allowed = module.variants.filter((v) => fitsType(v.types, spec.type) && !entry.positions?.unacceptable.includes(v.id)).map((v) => v.id);
    variants[entry.clause] = (allowed.length > 0 ? z.enum(allowed as [string, ...string[]]) : z.never()).optional();
  }
  shape.variants = z.object(variants).strict().nullable().describe('Draft a clause with another of its variants').optional();
  shape.$schema = z.string().optional();
  const rules = rulesByVariable(resolved);
  for (const [name, info] of [...resolved.variables].sort(([a], [b]) => a.localeCompare(b))) {
    // JSON Schema has no arithmetic: a rule between variables is told, and checkDeal enforces it.
    const told = rules.get(name);
    const schema = told ? valueSchema(info.spec, langs).describe([info.spec.description, ...told].filter(Boolean).join(' ')) : valueSchema(info.spec, langs);
    shape[name] = required.has(name) && info.spec.default === undefined ? schema : schema.optional();
  }
  return z.object(shape).strict().describe(`Deal data for playbook ${spec.id} ${spec.version}`);
}

export function dealJsonSchema(playbook: Playbook, resolved: Resolved): unknown {
  const schema = z.toJSONSchema(dealSchema(playbook, resolved), { target: 'draft-2020-12' }) as Record<string, unknown>;
  const conditional = conditionalRequired(playbook, resolved);
  return conditional.length > 0 ? { ...schema, allOf: conditional } : schema;
}

/** Each variable's rules, worded for an editor's hover: "Rule of clause fees-payment (variant model-milestones): advance_percent + retention_percent <= 100." */
function rulesByVariable(resolved: Resolved): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { module } of resolved.entries) {
    for (const rule of module.rules) {
      const about = rule.variants ? `clause ${module.id} (variant ${rule.variants.join(' or ')})` : `clause ${module.id}`;
      for (const name of ruleNames(rule.check)) out.set(name, [...(out.get(name) ?? []), `Rule of ${about}: ${rule.text}.`]);
    }
  }
  return out;
}

/** Values the playbook's `set` gives, as `checkDeal` applies them: to the whole deal, the last one winning. */
function setValues(resolved: Resolved): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { entry } of resolved.entries) Object.assign(out, entry.set ?? {});
  return out;
}

/** `if` the clause's condition holds `then` the variables only it requires are required. */
function conditionalRequired(playbook: Playbook, resolved: Resolved): object[] {
  const always = new Set(Object.entries(playbook.spec.variables).filter(([, v]) => v.required).map(([k]) => k));
  const set = setValues(resolved);
  const fallback = (name: string) => (name in set ? set[name] : resolved.variables.get(name)?.spec.default);
  const out: object[] = [];
  for (const { entry, module } of resolved.entries) {
    if (!entry.when) continue;
    const names = Object.entries(module.variables)
      .filter(([name, v]) => v.required && !always.has(name) && !(name in set) && resolved.variables.get(name)?.spec.default === undefined)
      .map(([name]) => name);
    if (names.length > 0) out.push({ if: conditionSchema(entry.when, fallback), then: { required: names } });
  }
  return out;
}

/**
 * A condition as JSON Schema over the deal data, as `evaluate` reads it: a variable the deal
 * leaves out has its `set` value or default, which is known here.
 */
function conditionSchema(c: Condition, fallback: (name: string) => unknown): object | boolean {
  if ('not' in c) return { not: conditionSchema(c.not, fallback) };
  if ('all' in c) return { allOf: c.all.map((x) => conditionSchema(x, fallback)) };
  if ('any' in c) return { anyOf: c.any.map((x) => conditionSchema(x, fallback)) };
  const given = (test: object) => ({ required: [c.var], properties: { [c.var]: test } });
  const absent = { not: { required: [c.var] } };
  const test =
    c.equals !== undefined
      ? { const: c.equals }
      : c.in !== undefined
        ? { enum: c.in }
        : { not: { anyOf: [{ const: null }, { const: false }, { const: '' }, { type: 'array', maxItems: 0 }] } };
  // Left out, the variable has its fallback value: the condition holds then as `evaluate` says.
  return evaluate(c, { [c.var]: fallback(c.var) }) ? { anyOf: [absent, given(test)] } : given(test);
}
