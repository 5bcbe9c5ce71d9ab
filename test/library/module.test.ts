import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClauseModule } from '../../src/library/module.js';
import { lintModule } from '../../src/library/lint.js';
import { MINI } from '../helpers.js';

const fees = readFileSync(join(MINI, 'clauses', 'fees.md'), 'utf8');

describe('clause module files', () => {
  it('should read front matter, guidance and variants with line numbers', () => {
    const { module, diagnostics } = parseClauseModule(fees, 'clauses/fees.md');
    expect(diagnostics).toEqual([]);
    expect(module!.id).toBe('fees');
    expect(module!.version).toBe('1.2.0');
    expect(module!.variants.map((v) => v.id)).toEqual(['monthly', 'upfront']);
    expect(module!.variants[0]!.label).toEqual({ zh: '按月支付', en: 'Monthly' });
    expect(module!.variants[0]!.text.zh!.line).toBe(36);
    expect(module!.guidance).toMatch(/Test fixture/);
    expect(module!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(module!.lineOf(['variables', 'payment_days'])).toBe(12);
  });

  describe('the contract types a variant is written for', () => {
    const typed = (types: string) => fees.replace('    summary: Fees paid yearly in advance.\n', `    summary: Fees paid yearly in advance.\n    types: ${types}\n`);

    it('should read them onto the variant; a variant without them fits any type', () => {
      const { module, diagnostics } = parseClauseModule(typed('[DT, MD]'), 'clauses/fees.md');
      expect(diagnostics).toEqual([]);
      expect(module!.variants.map((v) => [v.id, v.types])).toEqual([
        ['monthly', undefined],
        ['upfront', ['DT', 'MD']],
      ]);
    });

    it('should refuse an unknown code, naming it, the line and the field', () => {
      const found = parseClauseModule(typed('[DT, XX]'), 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.code} ${d.path!.join('.')} ${d.message}`);
      expect(found).toEqual(['27 module-field variants.upfront.types.1 "XX" is not a contract type code: use UA (user agreement), DT (data-trade agreement), MD (model development and licence agreement)']);
    });

    it('should refuse an empty list, a code listed twice and a code that is not in a list', () => {
      const message = (types: string) => parseClauseModule(typed(types), 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.message}`);
      expect(message('[]')).toEqual(['27 list the contract types the variant is written for, e.g. [DT, MD], or leave "types" out: it fits any type']);
      expect(message('[DT, DT]')).toEqual(['27 a contract type is listed twice']);
      expect(message('DT')).toEqual(['27 expected a list of contract type codes, e.g. [DT, MD]']);
    });
  });

  describe('bounds on a number variable (min, max, integer)', () => {
    const bounded = (lines: string) => fees.replace('    type: number\n    default: 30\n', `    type: number\n${lines}`);
    const found = (text: string) => parseClauseModule(text, 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.code} ${d.path!.join('.')} ${d.message}`);

    it('should read them onto the variable', () => {
      const { module, diagnostics } = parseClauseModule(bounded('    min: 1\n    max: 90\n    integer: true\n    default: 30\n'), 'clauses/fees.md');
      expect(diagnostics).toEqual([]);
      expect(module!.variables.payment_days).toMatchObject({ type: 'number', min: 1, max: 90, integer: true, default: 30 });
    });

    it('should refuse min greater than max, at the line of max', () => {
      expect(found(bounded('    min: 10\n    max: 5\n'))).toEqual(['15 module-field variables.payment_days.max max (5) is less than min (10): no value could be given']);
    });

    it('should refuse bounds between which no whole number lies', () => {
      expect(found(bounded('    min: 0.2\n    max: 0.8\n    integer: true\n'))).toEqual(['15 module-field variables.payment_days.max no whole number lies from min (0.2) to max (0.8): no value could be given']);
    });

    it('should refuse a bound that is not a number, and integer that is not true or false', () => {
      expect(found(bounded('    min: one\n    default: 30\n'))).toEqual(['14 module-field variables.payment_days.min expected a number, e.g. min: 0']);
      expect(found(bounded('    max: "100"\n    default: 30\n'))).toEqual(['14 module-field variables.payment_days.max expected a number, e.g. max: 100']);
      expect(found(bounded('    integer: yes\n    default: 30\n'))).toEqual(['14 module-field variables.payment_days.integer expected true or false']);
    });

    it('should refuse a default outside the bounds, saying what the variable allows', () => {
      expect(found(bounded('    min: 1\n    max: 20\n    default: 30\n'))).toEqual(['16 module-field variables.payment_days.default default 30 is not allowed: the variable must be a number from 1 to 20']);
      expect(found(bounded('    integer: true\n    min: 1\n    default: 0.5\n'))).toEqual(['16 module-field variables.payment_days.default default 0.5 is not allowed: the variable must be a whole number of 1 or more']);
    });

    it('should refuse bounds on a variable that is not a number', () => {
      expect(found(fees.replace('    type: boolean\n', '    type: boolean\n    min: 0\n'))).toEqual(['18 module-field variables.late_interest.min `min` is only for number variables']);
    });
  });

  it('should require front matter', () => {
    expect(parseClauseModule('# Guidance\n', 'x.md').diagnostics[0]!.code).toBe('module-front-matter');
  });

  it('should report an id that does not match the file name', () => {
    const { diagnostics } = parseClauseModule(fees, 'clauses/payment.md');
    expect(diagnostics.map((d) => d.code)).toContain('module-id');
  });

  it('should report a variant section without a language and unknown sections', () => {
    const broken = fees.replace('# Variant: upfront', '# Notes\n\n# Variant: upfront').replace(/## en\n\nThe \[\[Customer\]\] shall pay twelve.*\n/, '');
    const codes = parseClauseModule(broken, 'clauses/fees.md').diagnostics.map((d) => d.code);
    expect(codes).toContain('module-section');
    expect(codes).toContain('variant-language');
  });

  it('should report a language section other than zh and en once, at its heading, not each line of its text', () => {
    const zh = fees.indexOf('## zh');
    const broken = fees.slice(0, zh) + '## zh-CN' + fees.slice(zh + '## zh'.length);
    const found = parseClauseModule(broken, 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);
    const heading = broken.slice(0, zh).split('\n').length;
    expect(found).toContain(`${heading} module-section unexpected "## zh-CN" in a variant: use "## zh" and "## en"`);
    expect(found.filter((m) => m.includes('text outside'))).toEqual([]);
  });

  it('should report unknown front-matter fields and wrongly typed variables', () => {
    const broken = fees.replace('requirements: [DT-LIAB-01]', 'requirement: [DT-LIAB-01]').replace('type: boolean', 'type: flag');
    const messages = parseClauseModule(broken, 'clauses/fees.md').diagnostics.map((d) => `${d.line} ${d.message}`);
    expect(messages.some((m) => m.startsWith('5 ') && /unknown field "requirement"/.test(m))).toBe(true);
    expect(messages.some((m) => /^17 .*expected one of/.test(m))).toBe(true);
  });

  describe('a front-matter error does not hide the module\'s other problems', () => {
    const all = (text: string) => {
      const parsed = parseClauseModule(text, 'clauses/fees.md');
      const module = parsed.module ?? parsed.partial;
      return { parsed, found: [...parsed.diagnostics, ...(module ? lintModule(module, new Set(['DT-LIAB-01'])) : [])].map((d) => `${d.line} ${d.code}`) };
    };
    /** Four problems of the body and requirements, none of them in the bad field. */
    const others = (t: string) =>
      t
        .replace('requirements: [DT-LIAB-01]', 'requirements: [DT-LIAB-01, DT-LIAB-99]')
        .replace('# Variant: upfront', '# Variant: up-front')
        .replace('所述金额计收利息。{{/late_interest}}', '所述金额计收利息。')
        .replace('by bank transfer;', '以银行转账方式;');

    it('should report a bad version with an unknown requirement, a renamed variant, broken mustache and untranslated text', () => {
      const { parsed, found } = all(others(fees.replace('version: 1.2.0', 'version: 1.2')));
      expect(parsed.module).toBeUndefined();
      expect(found).toEqual(['3 module-field', '24 variant-missing', '43 template-syntax', '51 text-untranslated', '5 requirement-unknown']);
    });

    it('should report the same problems past other bad fields: a title, an unknown field, a bad variant type, a bad variable', () => {
      const bad = (t: string) =>
        t
          .replace('title: { zh: 费用与支付, en: Fees and Payment }', 'title: Fees')
          .replace('variants:\n', 'variant_notes: x\nvariants:\n')
          .replace('    summary: Fees paid monthly in arrears.\n', '    summary: Fees paid monthly in arrears.\n    types: [XX]\n')
          .replace('    type: boolean\n', '    type: flag\n');
      const { found } = all(others(bad(fees)));
      expect(found.filter((f) => !f.endsWith('module-field'))).toEqual(['26 variant-missing', '45 template-syntax', '53 text-untranslated', '5 requirement-unknown']);
      expect(found.filter((f) => f.endsWith('module-field'))).toHaveLength(4);
    });

    it('should say nothing more of the bad field itself: no variable unused, no requirement unknown, no variant missing', () => {
      const bad = fees
        .replace('    type: number\n    default: 30\n', '    type: numbr\n    default: 30\n')
        .replace('requirements: [DT-LIAB-01]', 'requirements: [dt-liab-99]')
        .replace('  upfront:\n', '  Up_Front:\n');
      expect(all(bad).found).toEqual(['5 module-field', '13 module-field', '24 module-field']);
      // An id that is not valid falls back to the file name: no "does not match its file name".
      expect(all(fees.replace('id: fees', 'id: Fees')).found).toEqual(['2 module-field']);
    });

    it('should read the body past a YAML syntax error in the front matter', () => {
      const { found } = all(others(fees.replace('version: 1.2.0', 'version: [1.2.0')));
      expect(found[0]).toMatch(/^\d+ yaml-syntax$/);
      // Nothing is known of its requirements and variant metadata: the body's own problems only.
      expect(found.slice(1)).toEqual(['43 template-syntax', '51 text-untranslated']);
    });

    it('should not read on when it is not certain where the body starts (a module heading inside the front matter)', () => {
      // The closing --- lost, a later --- (a rule in the guidance) closes the "front matter".
      const lost = fees.replace('---\n# Guidance\n', '# Guidance\n').replace('Test fixture.', 'Test fixture.\n\n---\n');
      const { parsed, found } = all(lost);
      expect(parsed.partial).toBeUndefined();
      expect(found.every((f) => f.endsWith('yaml-syntax') || f.endsWith('module-field'))).toBe(true);
    });
  });

  describe('lint', () => {
    const lint = (text: string) => lintModule(parseClauseModule(text, 'clauses/fees.md').module!, new Set(['DT-LIAB-01']));

    it('should pass the fixture', () => {
      expect(lint(fees).filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('should fail when zh and en use different variables', () => {
      const d = lint(fees.replace('within {{payment_days}} days of receiving', 'within thirty days of receiving'));
      expect(d.map((x) => x.message).join('\n')).toMatch(/only zh uses payment_days/);
    });

    it('should pass the fixture without warnings of shape', () => {
      expect(lint(fees).filter((d) => d.code === 'language-structure')).toEqual([]);
    });

    it('should warn when zh and en differ in numbered paragraphs or list items', () => {
      const fewerItems = lint(fees.replace('- to the account stated on the invoice.\n', ''));
      expect(fewerItems.filter((d) => d.code === 'language-structure').map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
        'warning 32 variant "monthly": paragraph 2 has 2 list items in zh (line 38) and 1 in en (line 49); a bilingual agreement pairs paragraphs and list items by position, so they would sit beside the wrong translation',
      ]);
      const joined = lint(fees.replace('each month.\n\n{#due}The', 'each month. The'));
      expect(joined.find((d) => d.code === 'language-structure')?.message).toMatch(/^variant "monthly": the zh text has 3 numbered paragraphs and the en text 2;/);
    });

    it('should fail on untranslated text', () => {
      const d = lint(fees.replace('by bank transfer;', '以银行转账方式;'));
      expect(d.map((x) => x.code)).toContain('text-untranslated');
    });

    it('should fail on a requirement id that is not in the matrix', () => {
      const d = lint(fees.replace('[DT-LIAB-01]', '[DT-LIAB-99]'));
      expect(d.find((x) => x.code === 'requirement-unknown')?.line).toBe(5);
    });

    it('should report broken mustache once, without saying the other language uses every variable alone', () => {
      const d = lint(fees.replace('所述金额计收利息。{{/late_interest}}', '所述金额计收利息。'));
      expect(d.map((x) => x.code)).toEqual(['template-syntax']);
      expect(d[0]!.message).toMatch(/late_interest/);
    });

    it('should report an empty text only where the module is read, not as untranslated or as using no variables', () => {
      const parsed = parseClauseModule(fees.replace(/(# Variant: upfront\n\n## zh\n\n)[^\n]+\n/, '$1'), 'clauses/fees.md');
      expect(parsed.diagnostics.map((x) => x.code)).toEqual(['variant-empty']);
      expect(lintModule(parsed.module!, new Set(['DT-LIAB-01']))).toEqual([]);
    });

    it('should fail when one text writes the same {#anchor} twice', () => {
      const d = lint(fees.replace('{#due}The [[Customer]]', '{#amount}The [[Customer]]'));
      expect(d).toMatchObject([{ code: 'anchor-duplicate', severity: 'error', line: 49 }]);
      expect(d[0]!.message).toMatch(/\{#amount\} appears twice in the en text of variant "monthly" \(first at line 47\)/);
    });

    it('should warn about a declared variable that no variant uses', () => {
      const d = lint(fees.replace('variables:\n', 'variables:\n  spare: { type: string }\n'));
      expect(d.find((x) => x.code === 'variable-unused')?.severity).toBe('warning');
    });
  });
});
