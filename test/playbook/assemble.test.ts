import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleFiles, collect, InputError, blockText, inlineText, type Document } from '../../src/index.js';
import { MINI, tempFixture } from '../helpers.js';

const assembleMini = (lang: 'zh' | 'en' | 'zh+en', dir = MINI, deal = 'deals/good.yaml') =>
  assembleFiles({ playbook: join(dir, 'playbooks/mini.yaml'), data: join(dir, deal), lang, date: '2026-01-01', displayRoot: dir });

const clauseText = (document: Document, id: string) =>
  collect(document, 'clause')
    .filter((c) => c.id === id || c.id.startsWith(id + '#'))
    .map((c) => [c.number, ...c.children.map(blockText)].join(' '))
    .join('\n');

describe('assembly', () => {
  it('should number clauses, sub-clauses and list items from the structure', () => {
    const { document } = assembleMini('en');
    const clauses = collect(document, 'clause');
    expect(clauses.map((c) => `${c.number} ${c.id}`)).toEqual([
      '1 definitions', '1.1 definitions#1', '1.2 definitions#2',
      '2 fees', '2.1 fees#amount', '2.2 fees#due', '2.3 fees#3',
      '3 disputes',
    ]);
    expect(collect(document, 'listItem').map((i) => i.label)).toEqual(['(a)', '(b)']);
  });

  it('should resolve cross-references to the final numbers in each language', () => {
    expect(clauseText(assembleMini('en').document, 'fees')).toContain('Late payments bear interest on the amount stated in Clause 2.1. Disputes are resolved under Clause 3.');
    expect(clauseText(assembleMini('zh').document, 'fees')).toContain('按第2.1条所述金额计收利息。争议按第3条解决。');
  });

  it('should fill variables per language, format numbers, dates and enums', () => {
    const { document } = assembleMini('zh');
    expect(clauseText(document, 'fees')).toContain('支付服务费人民币12,000元');
    expect(clauseText(document, 'disputes')).toContain('提交中国国际经济贸易仲裁委员会解决，仲裁裁决是终局的');
    expect(document.meta.keyTerms).toEqual([
      { name: 'service_name', label: '服务名称', value: '智绘' },
      { name: 'effective_date', label: '生效日期', value: '2026年3月1日' },
      { name: 'monthly_fee', label: '月费（元）', value: '12,000' },
    ]);
  });

  it('should record parties with their defined terms and details', () => {
    const { document } = assembleMini('en');
    expect(document.meta.parties[0]).toEqual({
      id: 'provider',
      term: 'Provider',
      name: 'Beijing Example Technology Co., Ltd.',
      details: [{ label: 'Address', value: '1 Example Road, Haidian District, Beijing' }],
    });
  });

  it('should keep defined terms and cross-references as links in the model', () => {
    const { document } = assembleMini('en');
    expect(collect(document, 'termDefinition').map((d) => d.term)).toEqual(['service', 'fees']);
    expect(collect(document, 'crossRef').map((r) => `${r.target}=${r.label}`)).toEqual(['fees#amount=Clause 2.1', 'disputes=Clause 3']);
  });

  it('should record provenance: playbook, clause versions, variants, hashes and a data hash', () => {
    const { document } = assembleMini('en');
    const prov = document.meta.provenance!;
    expect(prov.playbook).toMatchObject({ id: 'mini', version: '0.3.0' });
    expect(prov.clauses.map((c) => `${c.id}@${c.version}:${c.variant}`)).toEqual(['definitions@1.0.0:standard', 'fees@1.2.0:monthly', 'disputes@1.0.0:standard']);
    expect(prov.dataHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should drop a clause whose condition is false and draft a variant chosen in the deal', () => {
    const dir = tempFixture(MINI, {
      'deals/good.yaml': (t) => t.replace('late_interest: true', 'late_interest: false').replace(/\n$/, '\ninclude_disputes: false\nvariants: { fees: upfront }\n'),
      'clauses/fees.md': (t) => t.replace('争议按[[#disputes]]解决。', '').replace(' Disputes are resolved under [[#disputes]].', ''),
    });
    const { document } = assembleMini('en', dir);
    expect(collect(document, 'clause').map((c) => c.id)).not.toContain('disputes');
    expect(clauseText(document, 'fees')).toContain('twelve months of Fees');
  });

  it('should build a zh+en document whose translation has the same clause ids', () => {
    const { document } = assembleMini('zh+en');
    expect(document.lang).toBe('zh');
    const en = document.translations![0]!;
    expect(en.lang).toBe('en');
    expect(collect(en, 'clause').map((c) => c.id)).toEqual(collect(document, 'clause').map((c) => c.id));
  });

  it('should insert values as text, never as markup or template', () => {
    const dir = tempFixture(MINI, { 'deals/good.yaml': (t) => t.replace("service_name: { zh: 智绘, en: Zhihui }", "service_name: '[[Evil]] **x** {{monthly_fee}} [[#fees]]'") });
    const { document } = assembleMini('en', dir);
    const def = collect(document, 'clause').find((c) => c.id === 'definitions#1')!;
    expect(blockText(def.children[0]!)).toContain('[[Evil]] **x** {{monthly_fee}} [[#fees]] service');
    expect(collect(document, 'termUse').map((u) => u.label)).not.toContain('Evil');
  });

  it('should collect every problem at once', () => {
    const dir = tempFixture(MINI, { 'deals/good.yaml': (t) => t.replace('monthly_fee: 12000', 'monthly_fee: many').replace('forum: cietac', 'forum: icc') + 'unknown_key: 1\n' });
    try {
      assembleMini('en', dir);
      expect.unreachable();
    } catch (cause) {
      expect(cause).toBeInstanceOf(InputError);
      expect((cause as InputError).diagnostics.map((d) => d.code).sort()).toEqual(['variable-type', 'variable-type', 'variable-unknown']);
    }
  });

  it('should warn about a definition that no clause uses', () => {
    const dir = tempFixture(MINI, { 'clauses/definitions.md': (t) => t.replace('[[=Fees]] means', '[[=Fees]] means the fees. [[=Invoice]] means') });
    const { warnings } = assembleMini('en', dir);
    expect(warnings.find((w) => w.code === 'term-unused')?.message).toMatch(/"Invoice"/);
  });

  it('should report a clause that fails to render, not the cross-references to it or its terms as follow-on problems', () => {
    const dir = tempFixture(MINI, { 'clauses/definitions.md': (t) => t.replace(/\{\{service_name\}\}/g, '{{service_nam}}') });
    try {
      assembleMini('en', dir);
      expect.unreachable();
    } catch (cause) {
      expect(cause).toBeInstanceOf(InputError);
      expect((cause as InputError).diagnostics.map((d) => `${d.file}:${d.code}`)).toEqual(['clauses/definitions.md:template-variable']);
    }
  });
});
