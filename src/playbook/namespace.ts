/**
 * The flat variable namespace of a playbook: its document-level variables plus
 * the variables of every module it includes. Also the static checks that need
 * no deal data: modules, variants, positions, conditions, key terms.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { contractTypesPlural, fitsType, thisContract, type ContractType } from '../library/contract-types.js';
import type { Library } from '../library/load.js';
import type { ClauseModule, Variant } from '../library/module.js';
import { enumValues, isBounded, numberRule, outOfBounds, valueSchema, type VariableSpec } from '../library/variables.js';
import type { Playbook } from './load.js';
import { ruleBreachMessage, rulesBroken } from './rules-check.js';
import type { ClauseEntry, Condition } from './schema.js';

export interface VariableInfo {
  spec: VariableSpec;
  /** Where it is declared: 'playbook' or module ids. */
  declaredBy: string[];
}

export interface ResolvedEntry {
  entry: ClauseEntry;
  module: ClauseModule;
  partIndex: number;
  clauseIndex: number;
}

export interface Resolved {
  variables: Map<string, VariableInfo>;
  entries: ResolvedEntry[];
  /**
   * Clauses the playbook includes whose module failed to load (its errors are reported
   * already). What they declare, define and satisfy is unknown: checks that would read
   * their absence as a problem of their own (an unknown variable, an undefined term,
   * an uncovered requirement) hold back rather than report follow-on errors.
   */
  broken: string[];
}

/** The variant the playbook drafts a clause with: its `variant:`, else the module's first. */
export function playbookVariant({ entry, module }: Pick<ResolvedEntry, 'entry' | 'module'>): Variant {
  return module.variants.find((v) => v.id === entry.variant) ?? module.variants[0]!;
}

export function resolvePlaybook(playbook: Playbook, library: Library): { resolved: Resolved; diagnostics: Diagnostic[] } {
  const { spec, file } = playbook;
  const diagnostics: Diagnostic[] = [];
  const at = (path: (string | number)[]) => ({ file, line: playbook.lineOf(path), path });
  const variables = new Map<string, VariableInfo>();
  for (const [name, v] of Object.entries(spec.variables)) variables.set(name, { spec: v, declaredBy: ['playbook'] });

  const entries: ResolvedEntry[] = [];
  const broken: string[] = [];
  const seen = new Set<string>();
  spec.parts.forEach((part, partIndex) =>
    part.clauses.forEach((entry, clauseIndex) => {
      const path = ['parts', partIndex, 'clauses', clauseIndex];
      if (seen.has(entry.clause)) diagnostics.push(error('clause-duplicate', `clause "${entry.clause}" appears twice in the playbook`, at([...path, 'clause'])));
      seen.add(entry.clause);
      const module = library.modules.get(entry.clause);
      if (!module) {
        if (library.broken.has(entry.clause)) {
          broken.push(entry.clause); // its own errors say why
          return;
        }
        diagnostics.push(error('clause-unknown', `unknown clause "${entry.clause}"${suggest(entry.clause, [...library.modules.keys()])}`, at([...path, 'clause'])));
        return;
      }
      const variantIds = module.variants.map((v) => v.id);
      const checkVariant = (id: string | undefined, where: (string | number)[]) => {
        if (id !== undefined && !variantIds.includes(id)) {
          diagnostics.push(error('variant-unknown', `clause "${entry.clause}" has no variant "${id}" (it has: ${variantIds.join(', ')})`, at(where)));
        }
      };
      // A variant the playbook drafts or offers must be written for its contract type; `unacceptable` may list any.
      const checkType = (id: string | undefined, where: (string | number)[], subject: (v: string) => string) => {
        const variant = module.variants.find((v) => v.id === id);
        if (!variant || fitsType(variant.types, spec.type)) return;
        diagnostics.push(error('variant-type', wrongType(module, variant, spec.type, entry.positions?.unacceptable, subject(variant.id)), at(where)));
      };
      const c = entry.clause;
      checkVariant(entry.variant, [...path, 'variant']);
      if (entry.variant !== undefined) checkType(entry.variant, [...path, 'variant'], (v) => `the playbook drafts clause "${c}" with variant "${v}", which is`);
      else checkType(variantIds[0], [...path, 'clause'], (v) => `clause "${c}" has no "variant:", so the playbook drafts it with its first variant, "${v}", which is`);
      if (entry.positions) {
        const p = entry.positions;
        checkVariant(p.preferred, [...path, 'positions', 'preferred']);
        checkType(p.preferred, [...path, 'positions', 'preferred'], (v) => `the playbook prefers variant "${v}" of clause "${c}", which is`);
        p.fallbacks.forEach((v, i) => checkVariant(v, [...path, 'positions', 'fallbacks', i]));
        p.fallbacks.forEach((v, i) => checkType(v, [...path, 'positions', 'fallbacks', i], (id) => `the playbook offers variant "${id}" of clause "${c}" as a fallback, which is`));
        p.unacceptable.forEach((v, i) => checkVariant(v, [...path, 'positions', 'unacceptable', i]));
        const drafted = entry.variant ?? variantIds[0];
        if (drafted && p.unacceptable.includes(drafted)) {
          diagnostics.push(error('position-conflict', `the playbook drafts clause "${entry.clause}" with variant "${drafted}", which its positions mark unacceptable`, at([...path, 'variant'])));
        }
      }
      for (const [name, v] of Object.entries(module.variables)) {
        const known = variables.get(name);
        if (!known) variables.set(name, { spec: v, declaredBy: [module.id] });
        else if (describe(known.spec) !== describe(v)) {
          diagnostics.push(
            error('variable-conflict', `variable "${name}" is declared as ${describe(v)} in clause "${module.id}" but as ${describe(known.spec)} in ${known.declaredBy.join(', ')}${known.spec.type === v.type && v.type === 'number' ? '; one value fills both: give them the same min, max and integer' : ''}`, {
              file: module.file,
              line: module.lineOf(['variables', name]),
              path: ['variables', name],
            }),
          );
        } else {
          if (JSON.stringify(known.spec.default) !== JSON.stringify(v.default)) {
            diagnostics.push(
              warning('variable-shared', `variable "${name}" is declared by ${known.declaredBy.join(', ')} and clause "${module.id}" with different defaults (${JSON.stringify(known.spec.default)} vs ${JSON.stringify(v.default)}); one value fills both — rename one if they mean different things`, {
                file: module.file,
                line: module.lineOf(['variables', name]),
                path: ['variables', name],
              }),
            );
          }
          known.declaredBy.push(module.id);
        }
      }
      for (const [name, value] of Object.entries(entry.set ?? {})) {
        const v = module.variables[name] ?? spec.variables[name];
        if (!v) {
          diagnostics.push(error('variable-unknown', `clause "${entry.clause}" declares no variable "${name}"`, at([...path, 'set', name])));
          continue;
        }
        const checked = valueSchema(v).safeParse(value);
        if (checked.success) continue;
        const range = v.type === 'number' && typeof value === 'number' && Number.isFinite(value) ? outOfBounds(v, value) : undefined;
        if (range) diagnostics.push(error('variable-range', `"${name}" ${range}`, at([...path, 'set', name])));
        else diagnostics.push(error('variable-type', `"${name}" must be of type ${v.type}: ${checked.error.issues[0]?.message}`, at([...path, 'set', name])));
      }
      entries.push({ entry, module, partIndex, clauseIndex });
    }),
  );

  diagnostics.push(...setBreaksRules(entries, variables, at));

  spec.keyTerms.forEach((name, i) => {
    if (!variables.has(name) && broken.length === 0) diagnostics.push(error('variable-unknown', `key term "${name}" is not a declared variable`, at(['keyTerms', i])));
  });
  for (const { entry, partIndex, clauseIndex } of entries) {
    if (entry.when) checkCondition(entry.when, variables, broken.length > 0, (message, sub) => diagnostics.push(error('condition-invalid', message, at(['parts', partIndex, 'clauses', clauseIndex, 'when', ...sub]))));
  }
  return { resolved: { variables, entries, broken }, diagnostics };
}

/**
 * 'variant "model-licence" of clause "definitions" is written for model development and licence
 * agreements (MD), not for this data-trade agreement (DT); choose "data-trade"'. The variants
 * suggested are those written for the type and not marked unacceptable.
 */
export function wrongType(module: ClauseModule, variant: Variant, type: ContractType, unacceptable: readonly string[] = [], subject = `variant "${variant.id}" of clause "${module.id}" is`): string {
  const fit = module.variants.filter((v) => fitsType(v.types, type) && !unacceptable.includes(v.id)).map((v) => `"${v.id}"`);
  const hint = fit.length === 0 ? '' : fit.length === 1 ? `; choose ${fit[0]}` : `; choose one of ${fit.join(', ')}`;
  return `${subject} written for ${contractTypesPlural(variant.types ?? [])}, not for ${thisContract(type)}${hint}`;
}

/** `broken`: a module failed to load, so an undeclared variable may be one it declares. */
function checkCondition(c: Condition, variables: Map<string, VariableInfo>, broken: boolean, report: (message: string, path: (string | number)[]) => void, path: (string | number)[] = []): void {
  if ('not' in c) return checkCondition(c.not, variables, broken, report, [...path, 'not']);
  if ('all' in c) return c.all.forEach((x, i) => checkCondition(x, variables, broken, report, [...path, 'all', i]));
  if ('any' in c) return c.any.forEach((x, i) => checkCondition(x, variables, broken, report, [...path, 'any', i]));
  const info = variables.get(c.var);
  if (!info && broken) return;
  if (!info) return report(`condition uses undeclared variable "${c.var}"`, [...path, 'var']);
  const candidates = [...(c.equals !== undefined ? [c.equals] : []), ...(c.in ?? [])];
  for (const value of candidates) {
    if (!valueSchema(info.spec).safeParse(value).success) report(`condition compares "${c.var}" (${describe(info.spec)}) with ${JSON.stringify(value)}`, [...path, c.equals !== undefined ? 'equals' : 'in']);
  }
}

/**
 * The type of a variable, with what bounds it: two declarations of one name must agree, as one
 * value fills both ("enum [court, cietac]", "number", "number (a whole number of 1 or more)").
 */
function describe(spec: VariableSpec): string {
  if (spec.type === 'enum') return `enum [${enumValues(spec).join(', ')}]`;
  if (spec.type === 'number' && isBounded(spec)) return `number (${numberRule(spec)})`;
  return spec.type;
}

/** ' (did you mean "x"?)' when a candidate is the same but for case or white space, or close to it. */
export function suggest(name: string, candidates: string[]): string {
  const same = candidates.find((c) => c.toLowerCase() === name.trim().toLowerCase());
  if (same !== undefined) return ` (did you mean "${same}"?)`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, name.length / 4) ? ` (did you mean "${best}"?)` : '';
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * A playbook's `set` values, with the defaults, must keep the rules of the clauses as the
 * playbook drafts them: else every deal that leaves them be is refused for what no one typed.
 * `set` applies to the whole deal (the last one winning), as checkDeal applies it.
 */
function setBreaksRules(entries: ResolvedEntry[], variables: Map<string, VariableInfo>, at: (path: (string | number)[]) => object): Diagnostic[] {
  const values: Record<string, unknown> = Object.fromEntries([...variables].map(([name, info]) => [name, info.spec.default]));
  const setBy = new Map<string, (string | number)[]>();
  for (const { entry, partIndex, clauseIndex } of entries) {
    for (const [name, value] of Object.entries(entry.set ?? {})) {
      values[name] = value;
      setBy.set(name, ['parts', partIndex, 'clauses', clauseIndex, 'set', name]);
    }
  }
  const out: Diagnostic[] = [];
  for (const { entry, module } of entries) {
    const variant = playbookVariant({ entry, module }).id;
    for (const { rule, names, outcome } of rulesBroken(module, variant, values)) {
      const set = names.find((n) => setBy.has(n));
      if (set === undefined) continue; // the module's defaults alone: its own lint says so
      out.push(error('variable-rule', ruleBreachMessage(module, variant, rule, values, outcome), at(setBy.get(set)!)));
    }
  }
  return out;
}
