/**
 * A clause's rules (library/rules.ts) checked for the variant it is drafted with, worded
 * the same wherever values break them: deal data (data.ts) and a playbook's `set`
 * (namespace.ts).
 */
import type { ClauseModule } from '../library/module.js';
import type { ModuleRule } from '../library/module-rules.js';
import { describeBreach, evaluateRule, ruleNames, type RuleOutcome } from '../library/rules.js';

export interface BrokenRule {
  rule: ModuleRule;
  names: string[];
  outcome: RuleOutcome;
}

/** The module's rules for this variant that these values break (a rule missing a value is not judged). */
export function rulesBroken(module: ClauseModule, variant: string, values: Readonly<Record<string, unknown>>): BrokenRule[] {
  const out: BrokenRule[] = [];
  for (const rule of module.rules) {
    if (rule.variants && !rule.variants.includes(variant)) continue;
    const outcome = evaluateRule(rule.check, values);
    if (outcome && !outcome.holds) out.push({ rule, names: ruleNames(rule.check), outcome });
  }
  return out;
}

/** "advance_percent (60) + retention_percent (50) is 110, more than 100: <because> (rule "…" of clause "fees-payment", variant "model-milestones")" */
export function ruleBreachMessage(module: ClauseModule, variant: string, rule: ModuleRule, values: Readonly<Record<string, unknown>>, outcome: RuleOutcome): string {
  const about = rule.variants ? `clause "${module.id}", variant "${variant}"` : `clause "${module.id}"`;
  return `${describeBreach(rule.check, values, outcome)}: ${rule.because} (rule "${rule.text}" of ${about})`;
}
