/**
 * Rules between a clause's number variables (front matter `rules`): read, checked against
 * the module, and enforced on deal data at the line that breaks them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClauseModule } from '../../src/library/module.js';
import { describeBreach, evaluateRule, parseRuleCheck } from '../../src/library/rules.js';
import { MINI, runCli, tempFixture } from '../helpers.js';

const fees = readFileSync(join(MINI, 'clauses', 'fees.md'), 'utf8');

/** fees.md with `rules` before its variants (front matter line 20 on). */
const withRules = (rules: string) => fees.replace('variants:\n  monthly:', `rules:\n${rules}variants:\n  monthly:`);

describe('a rule between number variables', () => {
  it('should read sums of variables and numbers on either side of one comparison', () => {
    expect(parseRuleCheck('advance_percent + retention_percent <= 100')).toEqual({
      check: { left: [{ name: 'advance_percent' }, { name: 'retention_percent' }], op: '<=', right: [{ value: 100 }] },
    });
    expect(parseRuleCheck('a<b')).toEqual({ check: { left: [{ name: 'a' }], op: '<', right: [{ name: 'b' }] } });
    expect(parseRuleCheck('a + 0.5 != b')).toEqual({ check: { left: [{ name: 'a' }, { value: 0.5 }], op: '!=', right: [{ name: 'b' }] } });
  });

  it('should say what to write for what it cannot read', () => {
    const problem = (text: string) => {
      const parsed = parseRuleCheck(text);
      return 'problem' in parsed ? parsed.problem : 'read';
    };
    expect(problem('advance_percent + retention_percent')).toBe(
      '"advance_percent + retention_percent" must compare two sums with one of <= >= == != < >, e.g. advance_percent + retention_percent <= 100',
    );
    expect(problem('a <= b <= c')).toMatch(/must compare two sums/);
    expect(problem('a = b')).toBe('"a = b" must compare two sums with one of <= >= == != < > (write == to compare), e.g. advance_percent + retention_percent <= 100');
    expect(problem('a + b =< 100')).toMatch(/\(write <= for =<\)/);
    expect(problem('a => 1')).toMatch(/\(write >= for =>\)/);
    expect(problem('a * 2 <= 10')).toBe('"a * 2 <= 10": "a * 2" is neither a variable name nor a number; each side is variables and numbers joined by +, e.g. advance_percent + retention_percent <= 100');
    expect(problem('a + <= 10')).toMatch(/a side is empty or has a \+ with nothing beside it/);
  });

  it('should compare the decimals as written, and show each value when broken', () => {
    const check = (text: string) => (parseRuleCheck(text) as { check: Parameters<typeof evaluateRule>[0] }).check;
    expect(evaluateRule(check('a + b <= 0.3'), { a: 0.1, b: 0.2 })?.holds).toBe(true);
    expect(evaluateRule(check('a + b <= 100'), { a: 60 })).toBeUndefined();
    const values = { a: 60, b: 50, cap: 0.5, daily: 10 };
    const sum = check('a + b <= 100');
    expect(describeBreach(sum, values, evaluateRule(sum, values)!)).toBe('a (60) + b (50) is 110, more than 100');
    const pair = check('daily <= cap');
    expect(describeBreach(pair, values, evaluateRule(pair, values)!)).toBe('daily (10) is more than cap (0.5)');
    const floor = check('a >= b + cap');
    expect(evaluateRule(floor, values)?.holds).toBe(true);
    expect(describeBreach(check('a < b + daily'), values, evaluateRule(check('a < b + daily'), values)!)).toBe('a (60) is not less than b (50) + daily (10) (60)');
  });
});

describe("a module's rules", () => {
  it('should be read onto the module, with the variants they are for', () => {
    const { module, diagnostics } = parseClauseModule(withRules('  - check: payment_days <= 60\n    variants: [monthly]\n    because: a longer wait is a loan\n'), 'clauses/fees.md');
    expect(diagnostics).toEqual([]);
    expect(module!.rules).toEqual([{ text: 'payment_days <= 60', check: { left: [{ name: 'payment_days' }], op: '<=', right: [{ value: 60 }] }, variants: ['monthly'], because: 'a longer wait is a loan', index: 0 }]);
  });

  it('should refuse, at their lines, a rule it cannot read, one naming what is no number variable of the module or no variant, and one its defaults break', () => {
    const rules = [
      '  - check: payment_days +\n    because: x\n', // line 21
      '  - check: payment_days <= late_interest + monthly_fees\n    because: x\n', // line 23
      '  - check: payment_days <= 60\n    variants: [weekly]\n    because: x\n', // line 25
      '  - check: payment_days <= 10\n    because: the defaults break it\n', // line 28
      '  - check: payment_days >= 1\n', // line 30: no because
    ].join('');
    const found = parseClauseModule(withRules(rules), 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);
    expect(found).toEqual([
      '30 module-field a rule needs "because": say why it holds, for the person filling in the deal: e.g. "the advance and the retention are both shares of the Fees"',
    ]);
    const valid = parseClauseModule(withRules(rules.replace('  - check: payment_days >= 1\n', '')), 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);
    expect(valid).toEqual([
      '21 rule-invalid "payment_days +" must compare two sums with one of <= >= == != < >, e.g. advance_percent + retention_percent <= 100',
      '23 rule-invalid rule "payment_days <= late_interest + monthly_fees" names "late_interest", a boolean variable: a rule compares number variables',
      '23 rule-invalid rule "payment_days <= late_interest + monthly_fees" names "monthly_fees", which this module does not declare',
      '26 rule-invalid rule "payment_days <= 60" is for variant "weekly", which this module does not have (it has: monthly, upfront)',
      '28 rule-default the defaults break rule "payment_days <= 10": payment_days (30) is more than 10',
    ]);
  });
});

describe("a module's rule with more than one problem", () => {
  it('should report them all at once: an unreadable check and an unknown variant', () => {
    const found = parseClauseModule(withRules('  - check: payment_days =< 60\n    variants: [weekly]\n    because: x\n'), 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);
    expect(found).toEqual([
      '21 rule-invalid "payment_days =< 60" must compare two sums with one of <= >= == != < > (write <= for =<), e.g. advance_percent + retention_percent <= 100',
      '22 rule-invalid rule "payment_days =< 60" is for variant "weekly", which this module does not have (it has: monthly, upfront)',
    ]);
  });
});

describe('deal data that breaks a rule', () => {
  const fixture = (playbookEdit: (t: string) => string = (t) => t) =>
    tempFixture(MINI, {
      'clauses/fees.md': () => withRules('  - check: payment_days <= monthly_fee\n    variants: [monthly]\n    because: a test of rules\n'),
      'playbooks/mini.yaml': playbookEdit,
    });

  it('should be refused at the deal line of the value given, saying why, for the variant the rule is about only', () => {
    const dir = fixture();
    const deal = (extra: string) => {
      const file = join(dir, 'deals', 'deal.yaml');
      const base = readFileSync(join(dir, 'deals', 'good.yaml'), 'utf8').replace('monthly_fee: 12000\n', 'monthly_fee: 20\n');
      writeFileSync(file, base + extra);
      return runCli(['assemble', join(dir, 'playbooks', 'mini.yaml'), '--data', file, '-o', join(dir, 'out.md')], { cwd: dir });
    };
    const broken = deal('payment_days: 45\n');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      'deal.yaml:13: error [variable-rule] payment_days (45) is more than monthly_fee (20): a test of rules (rule "payment_days <= monthly_fee" of clause "fees", variant "monthly") (at payment_days)',
    );
    expect(broken.stderr).toContain('nothing was written');
    // The other variant's text has no such rule.
    expect(deal('payment_days: 45\nvariants: { fees: upfront }\n').code).toBe(0);
    // A default can break it too: the deal's own value is then the one named.
    expect(deal('').stderr).toContain('deal.yaml:10: error [variable-rule] payment_days (30) is more than monthly_fee (20)');
  });

  it("should be refused at the playbook's set when that fixed the value and the deal gives none of the rule's variables", () => {
    const dir = tempFixture(MINI, {
      'clauses/fees.md': () => withRules('  - check: payment_days <= 40\n    because: a test of rules\n'),
      'playbooks/mini.yaml': (t) => t.replace('        variant: monthly\n', '        variant: monthly\n        set: { payment_days: 50 }\n'),
    });
    const r = runCli(['assemble', join(dir, 'playbooks', 'mini.yaml'), '--data', join(dir, 'deals', 'good.yaml'), '-o', join(dir, 'out.md')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('playbooks/mini.yaml:25: error [variable-rule] payment_days (50) is more than 40: a test of rules (rule "payment_days <= 40" of clause "fees")');
  });
});
