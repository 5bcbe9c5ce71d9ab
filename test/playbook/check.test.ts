/** `check`: library lint, static playbook checks and requirement coverage (issue 5). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { dealJsonSchema } from '../../src/playbook/deal-schema.js';
import { loadForPlaybook } from '../../src/playbook/files.js';
import { resolvePlaybook } from '../../src/playbook/namespace.js';
import { MATRIX, MINI, tempFixture } from '../helpers.js';

const run = (dir: string, data = true) =>
  check({ playbook: join(dir, 'playbooks/mini.yaml'), ...(data ? { data: join(dir, 'deals/good.yaml') } : {}), matrix: MATRIX, displayRoot: dir });
const codes = (dir: string, data = true) => run(dir, data).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('check', () => {
  it('should report only coverage gaps for the mini fixture', () => {
    expect(new Set(codes(MINI))).toEqual(new Set(['requirement-uncovered']));
  });

  it('should compute coverage per row of the playbook type, with exclusions and the satisfying clause', () => {
    const { coverage } = run(MINI);
    expect(coverage!.type).toBe('DT');
    expect(coverage!.total).toBe(coverage!.rows.length);
    expect(coverage!.rows.find((r) => r.id === 'DT-LIAB-01')).toMatchObject({ status: 'covered', satisfiedBy: ['fees'] });
    expect(coverage!.rows.find((r) => r.id === 'DT-SRC-01')).toMatchObject({ status: 'excluded', reason: 'Test fixture.' });
    expect(coverage!.rows.find((r) => r.id === 'DT-CONF-01')!.status).toBe('uncovered');
    expect(coverage!.rows.every((r) => !r.id.startsWith('UA-') || r.id === 'UA-TERM-01')).toBe(true);
  });

  it('should report an exclusion of a requirement that is not in the matrix', () => {
    const dir = tempFixture(MINI, { 'playbooks/mini.yaml': (t) => t.replace('requirement: DT-SRC-01', 'requirement: DT-SRC-99') });
    const d = run(dir).diagnostics.find((x) => x.code === 'exclusion-unknown')!;
    expect(d.file).toBe('playbooks/mini.yaml');
    expect(d.line).toBe(33);
  });

  it('should show a clause under a condition as conditional coverage without data', () => {
    const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('requirements: [UA-COMPL-02]', 'requirements: [DT-CONF-01]') });
    expect(run(dir, false).coverage!.rows.find((r) => r.id === 'DT-CONF-01')).toMatchObject({ status: 'conditional', conditionalOn: ['disputes'] });
  });

  describe('lint rules, each with a failing fixture', () => {
    it('should fail when a clause uses a term that no clause of the playbook defines', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': (t) => t.replace('to the account stated on the invoice.', 'to the [[Designated Account]] stated on the invoice.') });
      const d = run(dir, false).diagnostics.find((x) => x.code === 'term-undefined')!;
      expect(d.message).toMatch(/"Designated Account" \(en, variant "monthly"\).*define it in the definitions module/);
      expect(d.file).toBe('clauses/fees.md');
      expect(d.line).toBe(52);
    });

    it('should check fallback variants too, not only the drafted one', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': (t) => t.replace('The [[Customer]] shall pay twelve months', 'The [[Subscriber]] shall pay twelve months') });
      expect(run(dir, false).diagnostics.some((x) => x.code === 'term-undefined' && /Subscriber.*upfront/.test(x.message))).toBe(true);
    });

    it('should accept a term that a fallback variant defines for itself', () => {
      const dir = tempFixture(MINI, {
        'clauses/fees.md': (t) =>
          t
            .replace('The [[Customer]] shall pay twelve months of [[Fees]]', 'The [[Customer]] shall pay the [[=Annual Fee]], twelve months of [[Fees]],')
            .replace('(twelve times CNY {{monthly_fee}}) in advance', '(twelve times CNY {{monthly_fee}}) in advance; the [[Annual Fee]] is not refundable'),
      });
      expect(run(dir, false).diagnostics.filter((d) => d.code === 'term-undefined')).toEqual([]);
    });

    it('should warn when two modules share a variable name with different defaults', () => {
      const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('variables:\n', 'variables:\n  payment_days: { type: number, default: 10 }\n').replace('go to the {{forum}}', 'go to the {{forum}} after {{payment_days}} days') });
      const d = run(dir, false).diagnostics.find((x) => x.code === 'variable-shared');
      expect(d?.severity).toBe('warning');
      expect(d?.message).toMatch(/different defaults \(30 vs 10\)/);
    });

    it('should fail when zh and en of a variant use different variables', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': (t) => t.replace('within {{payment_days}} days of receiving', 'within 30 days of receiving') });
      expect(codes(dir, false)).toContain('language-variables');
    });

    it('should fail on untranslated or empty text', () => {
      const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('Disputes arising from this agreement go to the', '因本协议产生的争议提交') });
      expect(codes(dir, false)).toContain('text-untranslated');
    });

    it('should fail on a requirement id that is not in the matrix', () => {
      const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('[UA-COMPL-02]', '[UA-COMPL-09]') });
      expect(codes(dir, false)).toContain('requirement-unknown');
    });

    it('should fail on a cross-reference to a missing anchor', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': (t) => t.replace('[[#fees.amount]]所述', '[[#fees.total]]所述') });
      expect(run(dir, false).diagnostics.find((x) => x.code === 'reference-unknown')?.message).toMatch(/no \{#total\} anchor in its zh text/);
    });

    it('should fail on a template variable that neither the module nor the playbook declares', () => {
      const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('go to the {{forum}}', 'go to the {{venue}}') });
      expect(codes(dir, false)).toContain('template-variable');
    });

    it('should lint the whole library when no playbook is given', () => {
      const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace('[UA-COMPL-02]', '[UA-COMPL-09]') });
      const report = check({ clauses: join(dir, 'clauses'), matrix: MATRIX, displayRoot: dir });
      expect(report.modules).toBe(3);
      expect(report.diagnostics.map((d) => `${d.file}:${d.code}`)).toContain('clauses/disputes.md:requirement-unknown');
    });
  });

  describe('a module that fails to load', () => {
    it('should report its own errors, not its variables as unknown, its terms as unused or its requirements as uncovered', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': (t) => t.replace('type: number\n    default: 30', 'type: numbr\n    default: 30') });
      const report = run(dir);
      expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual(['clauses/fees.md:13:module-field']);
    });

    it('should report its other problems in the same run: a bad version hid an unknown requirement, a renamed variant, broken mustache and untranslated text', () => {
      const dir = tempFixture(MINI, {
        'clauses/fees.md': (t) =>
          t
            .replace('version: 1.2.0', 'version: 1.2')
            .replace('requirements: [DT-LIAB-01]', 'requirements: [DT-LIAB-99]')
            .replace('# Variant: upfront', '# Variant: up-front')
            .replace('所述金额计收利息。{{/late_interest}}', '所述金额计收利息。')
            .replace('by bank transfer;', '以银行转账方式;'),
      });
      const expected = ['clauses/fees.md:3:module-field', 'clauses/fees.md:24:variant-missing', 'clauses/fees.md:43:template-syntax', 'clauses/fees.md:51:text-untranslated', 'clauses/fees.md:5:requirement-unknown'];
      // With the playbook and its deal: still nothing said of its variables, terms or coverage.
      expect(run(dir).diagnostics.map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual(expected);
      // The whole library, as `check` without a playbook lints it.
      const library = check({ clauses: join(dir, 'clauses'), matrix: MATRIX, displayRoot: dir });
      expect(library.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual(expected);
      expect(library.modules).toBe(2);
    });

    it('should still report what is wrong elsewhere in the playbook', () => {
      const dir = tempFixture(MINI, {
        'clauses/fees.md': (t) => t.replace('version: 1.2.0', 'version: 1.2'),
        'playbooks/mini.yaml': (t) => t.replace('      - clause: disputes\n', '      - clause: definitions\n      - clause: disputes\n'),
      });
      expect(codes(dir)).toEqual(['module-field', 'clause-duplicate']);
    });
  });

  describe('a variant written for another contract type (the mini playbook is DT)', () => {
    const upfrontFor = (types: string) => (t: string) => t.replace('    summary: Fees paid yearly in advance.\n', `    summary: Fees paid yearly in advance.\n    types: ${types}\n`);
    const typeErrors = (dir: string) => run(dir, false).diagnostics.filter((d) => d.code === 'variant-type').map((d) => `${d.file}:${d.line} ${d.path!.join('.')} ${d.message}`);
    const NOT_DT = 'written for model development and licence agreements (MD) and user agreements (UA), not for this data-trade agreement (DT)';

    it('should refuse it among the fallbacks, naming the playbook line and field and the variants that fit', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': upfrontFor('[MD, UA]') });
      expect(typeErrors(dir)).toEqual([`playbooks/mini.yaml:27 parts.0.clauses.1.positions.fallbacks.0 the playbook offers variant "upfront" of clause "fees" as a fallback, which is ${NOT_DT}; choose "monthly"`]);
    });

    it('should refuse it drafted and preferred, and as the first variant drafted when the playbook names none', () => {
      const drafted = tempFixture(MINI, {
        'clauses/fees.md': upfrontFor('[MD, UA]'),
        'playbooks/mini.yaml': (t) => t.replace('variant: monthly', 'variant: upfront').replace('preferred: monthly', 'preferred: upfront').replace('fallbacks: [upfront]', 'fallbacks: [monthly]'),
      });
      expect(typeErrors(drafted)).toEqual([
        `playbooks/mini.yaml:24 parts.0.clauses.1.variant the playbook drafts clause "fees" with variant "upfront", which is ${NOT_DT}; choose "monthly"`,
        `playbooks/mini.yaml:26 parts.0.clauses.1.positions.preferred the playbook prefers variant "upfront" of clause "fees", which is ${NOT_DT}; choose "monthly"`,
      ]);
      const first = tempFixture(MINI, { 'clauses/definitions.md': (t) => t.replace('requirements: []', 'requirements: []\nvariants:\n  standard:\n    types: [UA]') });
      expect(typeErrors(first)).toEqual([
        'playbooks/mini.yaml:22 parts.0.clauses.0.clause clause "definitions" has no "variant:", so the playbook drafts it with its first variant, "standard", which is written for user agreements (UA), not for this data-trade agreement (DT)',
      ]);
    });

    it('should let the positions mark it unacceptable, and accept a variant written for the type or for any', () => {
      const unacceptable = tempFixture(MINI, { 'clauses/fees.md': upfrontFor('[MD]'), 'playbooks/mini.yaml': (t) => t.replace('fallbacks: [upfront]', 'fallbacks: []').replace('unacceptable: []', 'unacceptable: [upfront]') });
      expect(typeErrors(unacceptable)).toEqual([]);
      expect(typeErrors(tempFixture(MINI, { 'clauses/fees.md': upfrontFor('[DT, MD]') }))).toEqual([]);
    });

    it('should refuse it chosen by the deal data, at the deal line, and leave it out of the JSON Schema', () => {
      const dir = tempFixture(MINI, {
        'clauses/fees.md': upfrontFor('[MD]'),
        'playbooks/mini.yaml': (t) => t.replace('fallbacks: [upfront]', 'fallbacks: []'),
        'deals/good.yaml': (t) => t + 'variants: { fees: upfront }\n',
      });
      const found = run(dir).diagnostics.filter((d) => d.severity === 'error' && d.code !== 'requirement-uncovered').map((d) => `${d.file}:${d.line} ${d.code} ${d.path!.join('.')} ${d.message}`);
      expect(found).toEqual(['deals/good.yaml:13 variant-type variants.fees variant "upfront" of clause "fees" is written for model development and licence agreements (MD), not for this data-trade agreement (DT); choose "monthly"']);
      const { playbook, library } = loadForPlaybook({ playbook: join(dir, 'playbooks/mini.yaml') });
      const schema = dealJsonSchema(playbook, resolvePlaybook(playbook, library).resolved) as { properties: { variants: { anyOf: { properties?: Record<string, { enum: string[] }> }[] } } };
      expect(schema.properties.variants.anyOf[0]!.properties!.fees!.enum).toEqual(['monthly']);
    });
  });

  describe('bounds on number variables', () => {
    /** fees: a monthly fee of 0 or more, a payment period of whole days from 1 to 90. */
    const boundedFees = (t: string) =>
      t.replace('    type: number\n    required: true\n', '    type: number\n    required: true\n    min: 0\n').replace('    type: number\n    default: 30\n', '    type: number\n    min: 1\n    max: 90\n    integer: true\n    default: 30\n');
    const errors = (dir: string, data = true) => run(dir, data).diagnostics.filter((d) => d.severity === 'error' && d.code !== 'requirement-uncovered').map((d) => `${d.file}:${d.line} ${d.code} ${d.path?.join('.')} ${d.message}`);

    it('should accept values within them', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': boundedFees, 'deals/good.yaml': (t) => t.replace('monthly_fee: 12000', 'monthly_fee: 0\npayment_days: 90') });
      expect(errors(dir)).toEqual([]);
    });

    it('should refuse a negative fee, a fraction of a day, too many days and 1e30, at the deal line and field, with what to write', () => {
      const deal = (values: string) => tempFixture(MINI, { 'clauses/fees.md': boundedFees, 'deals/good.yaml': (t) => t.replace('monthly_fee: 12000', values) });
      expect(errors(deal('monthly_fee: -5'))).toEqual(['deals/good.yaml:10 variable-range monthly_fee "monthly_fee" must be a number of 0 or more, not -5; write e.g. 0']);
      expect(errors(deal('monthly_fee: 12000\npayment_days: 0.5'))).toEqual(['deals/good.yaml:11 variable-range payment_days "payment_days" must be a whole number from 1 to 90, not 0.5; write e.g. 30']);
      expect(errors(deal('monthly_fee: 12000\npayment_days: 1e30'))).toEqual(['deals/good.yaml:11 variable-range payment_days "payment_days" must be a whole number from 1 to 90, not 1e+30; write e.g. 30']);
    });

    it('should say what is nearest when there is no default, and that a whole number must be held exactly', () => {
      const dir = (values: string) =>
        tempFixture(MINI, {
          'clauses/fees.md': (t) => t.replace('    type: number\n    default: 30\n', '    type: number\n    integer: true\n    min: 1\n'),
          'deals/good.yaml': (t) => t.replace('monthly_fee: 12000', `monthly_fee: 12000\n${values}`),
        });
      expect(errors(dir('payment_days: 0'))).toEqual(['deals/good.yaml:11 variable-range payment_days "payment_days" must be a whole number of 1 or more, not 0; write e.g. 1']);
      expect(errors(dir('payment_days: 14.6'))).toEqual(['deals/good.yaml:11 variable-range payment_days "payment_days" must be a whole number of 1 or more, not 14.6; write e.g. 15']);
      expect(errors(dir('payment_days: 1e30'))).toEqual(['deals/good.yaml:11 variable-range payment_days "payment_days" must be a whole number of 1 or more (at most 9,007,199,254,740,991, which is held exactly), not 1e+30; write e.g. 9007199254740991']);
    });

    // YAML reads .nan and .inf as numbers: they were called out of bounds, with "write e.g. NaN".
    it('should refuse .nan and .inf as no number, bounded or not, without suggesting them', () => {
      const deal = (fees: (t: string) => string, value: string) => tempFixture(MINI, { 'clauses/fees.md': fees, 'deals/good.yaml': (t) => t.replace('monthly_fee: 12000', `monthly_fee: ${value}`) });
      for (const value of ['.nan', '.inf', '-.inf']) {
        for (const fees of [boundedFees, (t: string) => t]) {
          expect(errors(deal(fees, value)), value).toEqual(['deals/good.yaml:10 variable-type monthly_fee "monthly_fee" must be a number, written in plain digits 0-9 without quotes (e.g. 12000)']);
        }
      }
      const set = tempFixture(MINI, { 'playbooks/mini.yaml': (t) => t.replace('        variant: monthly\n', '        variant: monthly\n        set: { payment_days: .inf }\n') });
      expect(errors(set, false)).toEqual([expect.stringMatching(/^playbooks\/mini\.yaml:25 variable-type parts\.0\.clauses\.1\.set\.payment_days "payment_days" must be of type number: /)]);
    });

    it('should refuse a playbook `set` value outside them, at the playbook line', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': boundedFees, 'playbooks/mini.yaml': (t) => t.replace('        variant: monthly\n', '        variant: monthly\n        set: { payment_days: 0 }\n') });
      expect(errors(dir, false)).toEqual(['playbooks/mini.yaml:25 variable-range parts.0.clauses.1.set.payment_days "payment_days" must be a whole number from 1 to 90, not 0']);
    });

    it('should read them on playbook variables, and refuse min greater than max there at its line', () => {
      const withTerm = (decl: string) => (t: string) => t.replace('  include_disputes: { type: boolean, default: true }\n', `  include_disputes: { type: boolean, default: true }\n  term_months: ${decl}\n`);
      const bad = tempFixture(MINI, { 'playbooks/mini.yaml': withTerm('{ type: number, min: 12, max: 6 }') });
      expect(errors(bad, false)).toEqual(['playbooks/mini.yaml:16 playbook-field variables.term_months.max max (6) is less than min (12): no value could be given']);
      const good = tempFixture(MINI, { 'playbooks/mini.yaml': withTerm('{ type: number, min: 1, integer: true }'), 'deals/good.yaml': (t) => t + 'term_months: 0\n' });
      expect(errors(good)).toEqual(['deals/good.yaml:13 variable-range term_months "term_months" must be a whole number of 1 or more, not 0; write e.g. 1']);
    });

    it('should refuse two modules that bound one shared variable differently: one value fills both', () => {
      const dir = tempFixture(MINI, {
        'clauses/fees.md': boundedFees,
        'clauses/disputes.md': (t) => t.replace('variables:\n', 'variables:\n  payment_days: { type: number, default: 30 }\n').replace('go to the {{forum}}', 'go to the {{forum}} after {{payment_days}} days'),
      });
      expect(errors(dir, false).filter((d) => d.includes('payment_days') && !d.includes('language-variables'))).toEqual([
        'clauses/disputes.md:7 variable-conflict variables.payment_days variable "payment_days" is declared as number in clause "disputes" but as number (a whole number from 1 to 90) in fees; one value fills both: give them the same min, max and integer',
      ]);
    });

    it('should carry them into the deal JSON Schema', () => {
      const dir = tempFixture(MINI, { 'clauses/fees.md': boundedFees });
      const { playbook, library } = loadForPlaybook({ playbook: join(dir, 'playbooks/mini.yaml') });
      const schema = dealJsonSchema(playbook, resolvePlaybook(playbook, library).resolved) as { properties: Record<string, object> };
      expect(schema.properties.monthly_fee).toEqual({ type: 'number', minimum: 0, description: 'Monthly fee in CNY.' });
      expect(schema.properties.payment_days).toEqual({ type: 'integer', minimum: 1, maximum: 90, description: 'Days after invoice within which the Customer pays.' });
    });
  });

  it('should not report a cross-reference to a clause that failed to render as pointing at no clause', () => {
    const dir = tempFixture(MINI, { 'clauses/disputes.md': (t) => t.replace(/\{\{forum\}\}/g, '{{forun}}') });
    const report = run(dir);
    expect(report.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'requirement-uncovered').map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual([
      'clauses/disputes.md:23:template-variable',
      'clauses/disputes.md:27:template-variable',
    ]);
  });

  it('should report an undefined term and a dangling cross-reference once each, not again from assembly', () => {
    const dir = tempFixture(MINI, {
      'clauses/definitions.md': (t) => t.replace('[[=Fees]] means', 'Fees means'),
      'clauses/fees.md': (t) => t.replace('Disputes are resolved under [[#disputes]].', 'Disputes are resolved under [[#dispute]].'),
    });
    const found = run(dir).diagnostics.filter((d) => d.code === 'term-undefined' || d.code === 'reference-unknown').map((d) => `${d.line}:${d.code}`);
    expect(found).toEqual(['47:term-undefined', '54:reference-unknown', '64:term-undefined']);
  });
});
