/**
 * A module's `rules`, read and checked against the module itself: each rule parses,
 * names only number variables the module declares and variants it has, and the
 * module's own defaults keep it (a default deal must not be refused for what no one
 * typed).
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { FrontMatter } from './module-schema.js';
import { describeBreach, evaluateRule, parseRuleCheck, ruleNames, type RuleCheck } from './rules.js';
import type { Variables } from './variables.js';

export interface ModuleRule {
  /** As written in the front matter, for messages. */
  text: string;
  check: RuleCheck;
  /** The variants it is about; undefined: every variant. */
  variants?: string[];
  because: string;
  /** Its index in the front matter's `rules`, for line numbers. */
  index: number;
}

interface Where {
  file: string;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export function moduleRules(rules: FrontMatter['rules'], variables: Variables, variants: readonly { id: string }[], where: Where, diagnostics: Diagnostic[]): ModuleRule[] {
  const out: ModuleRule[] = [];
  const defaults = Object.fromEntries(Object.entries(variables).map(([name, spec]) => [name, spec.default]));
  rules.forEach((rule, index) => {
    const at = (...path: (string | number)[]) => ({ file: where.file, line: where.lineOf(['rules', index, ...path]), path: ['rules', index, ...path] });
    const parsed = parseRuleCheck(rule.check);
    // Every problem of the rule at once: its variants are checked even when its check cannot be read.
    let sound = !('problem' in parsed);
    if ('problem' in parsed) diagnostics.push(error('rule-invalid', parsed.problem, at('check')));
    else {
      for (const name of ruleNames(parsed.check)) {
        const spec = variables[name];
        if (spec?.type === 'number') continue;
        sound = false;
        diagnostics.push(error('rule-invalid', spec ? `rule "${rule.check}" names "${name}", a ${spec.type} variable: a rule compares number variables` : `rule "${rule.check}" names "${name}", which this module does not declare`, at('check')));
      }
    }
    for (const id of rule.variants ?? []) {
      if (variants.some((v) => v.id === id)) continue;
      sound = false;
      diagnostics.push(error('rule-invalid', `rule "${rule.check}" is for variant "${id}", which this module does not have (it has: ${variants.map((v) => v.id).join(', ')})`, at('variants')));
    }
    if (!sound || 'problem' in parsed) return;
    const outcome = evaluateRule(parsed.check, defaults);
    if (outcome && !outcome.holds) {
      diagnostics.push(error('rule-default', `the defaults break rule "${rule.check}": ${describeBreach(parsed.check, defaults, outcome)}`, at('check')));
    }
    out.push({ text: rule.check, check: parsed.check, ...(rule.variants ? { variants: rule.variants } : {}), because: rule.because, index });
  });
  return out;
}
