/**
 * JSON Schema of a playbook's deal data (zod's toJSONSchema), so editors can
 * validate and complete deal files. Variables that only some conditional
 * clauses need are optional here; `check --data` enforces them.
 */
import { z } from 'zod';
import { localizedSchema } from '../library/localized.js';
import { valueSchema } from '../library/variables.js';
import { PARTY_DETAIL_LABELS } from './data.js';
import type { Playbook } from './load.js';
import type { Resolved } from './namespace.js';

export function dealSchema(playbook: Playbook, resolved: Resolved): z.ZodObject {
  const spec = playbook.spec;
  const required = new Set<string>(Object.entries(spec.variables).filter(([, v]) => v.required).map(([k]) => k));
  for (const { entry, module } of resolved.entries) {
    if (entry.when) continue;
    for (const [name, v] of Object.entries(module.variables)) if (v.required && !(entry.set && name in entry.set)) required.add(name);
  }
  const shape: Record<string, z.ZodType> = {};
  const details = z
    .object(Object.fromEntries(Object.keys(PARTY_DETAIL_LABELS).map((k) => [k, localizedSchema.optional()])))
    .strict();
  const parties: Record<string, z.ZodType> = {};
  for (const p of spec.parties) {
    const party = z.object({ name: p.named ? localizedSchema : localizedSchema.optional(), details: details.optional() }).strict();
    parties[p.id] = p.named ? party : party.optional();
  }
  const anyNamed = spec.parties.some((p) => p.named);
  shape.parties = anyNamed ? z.object(parties).strict() : z.object(parties).strict().optional();
  const variants: Record<string, z.ZodType> = {};
  for (const { entry, module } of resolved.entries) {
    const allowed = module.variants.map((v) => v.id).filter((id) => !entry.positions?.unacceptable.includes(id));
    variants[entry.clause] = z.enum(allowed as [string, ...string[]]).optional();
  }
  shape.variants = z.object(variants).strict().describe('Draft a clause with another of its variants').optional();
  shape.$schema = z.string().optional();
  for (const [name, info] of [...resolved.variables].sort(([a], [b]) => a.localeCompare(b))) {
    const schema = valueSchema(info.spec);
    shape[name] = required.has(name) && info.spec.default === undefined ? schema : schema.optional();
  }
  return z.object(shape).strict().describe(`Deal data for playbook ${spec.id} ${spec.version}`);
}

export function dealJsonSchema(playbook: Playbook, resolved: Resolved): unknown {
  return z.toJSONSchema(dealSchema(playbook, resolved), { target: 'draft-2020-12' });
}
