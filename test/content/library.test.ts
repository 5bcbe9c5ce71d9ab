/**
 * The shipped clause library and playbooks (issues 2 and 5): every playbook
 * checks clean with full requirement coverage, and assembles from its example
 * deal in every language.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers.js';

const PLAYBOOKS = ['aigc-user-agreement', 'data-trade-agreement', 'model-licence-agreement'];

describe('shipped clause library', () => {
  it('should list at least 25 clause modules', () => {
    const modules = JSON.parse(runCli(['list', 'clauses', '--json']).stdout) as { id: string; variants: string[] }[];
    expect(modules.length).toBeGreaterThanOrEqual(25);
    const ids = modules.map((m) => m.id);
    for (const id of ['input-rights', 'output-ownership', 'data-supplier-warranties', 'model-parameter-ip', 'definitions', 'governing-law-disputes']) expect(ids).toContain(id);
    expect(modules.filter((m) => m.variants.length > 1).length).toBeGreaterThanOrEqual(8);
    const variants = (id: string) => modules.find((m) => m.id === id)!.variants;
    expect(variants('output-ownership')).toEqual(expect.arrayContaining(['user-exclusive', 'user-owned-platform-licence']));
    expect(variants('model-parameter-ip').length).toBeGreaterThanOrEqual(3);
  });

  it('should lint the whole library without errors', () => {
    const r = runCli(['check']);
    expect(r.code, r.stdout).toBe(0);
  });

  it('should list the three playbooks', () => {
    const ids = (JSON.parse(runCli(['list', 'playbooks', '--json']).stdout) as { id: string }[]).map((p) => p.id);
    expect(ids).toEqual(PLAYBOOKS);
  });

  describe.each(PLAYBOOKS)('%s', (id) => {
    const playbook = `playbooks/${id}.yaml`;
    const data = `examples/${id}.yaml`;

    it('should check clean with 100% requirement coverage', () => {
      const r = runCli(['check', playbook, '--data', data, '--format', 'json']);
      const report = JSON.parse(r.stdout);
      expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error'), r.stdout.slice(0, 2000)).toEqual([]);
      expect(r.code).toBe(0);
      expect(report.coverage.rows.length).toBeGreaterThan(10);
      for (const row of report.coverage.rows) {
        expect(['covered', 'conditional', 'excluded'], row.id).toContain(row.status);
        if (row.status === 'excluded') expect(row.reason.length).toBeGreaterThan(10);
      }
    });

    it.each(['zh', 'en', 'zh+en'])('should assemble in %s', (lang) => {
      const r = runCli(['assemble', playbook, '--data', data, '--lang', lang, '--format', 'md', '--date', '2026-01-01']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^#{2,3} 1 /m);
      if (lang !== 'en') expect(r.stdout).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr).not.toMatch(/error/);
    });

    it('should print a valid JSON Schema of its deal data that the example satisfies in shape', () => {
      const r = runCli(['schema', playbook]);
      expect(r.code).toBe(0);
      const schema = JSON.parse(r.stdout);
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties).length).toBeGreaterThan(3);
    });

    it('should exit 2 naming the variable and the deal file when a required variable is removed', () => {
      const schema = JSON.parse(runCli(['schema', playbook]).stdout);
      const name = (schema.required as string[]).find((k) => k !== 'parties')!;
      const dir = mkdtempSync(join(tmpdir(), 'clausewright-content-'));
      const deal = join(dir, `${id}.yaml`);
      copyFileSync(join(REPO, data), deal);
      const lines = readFileSync(deal, 'utf8').split('\n');
      const start = lines.findIndex((l) => l.startsWith(`${name}:`));
      expect(start, `${name} in ${data}`).toBeGreaterThanOrEqual(0);
      let end = start + 1;
      while (end < lines.length && /^(\s|-)/.test(lines[end]!)) end++;
      lines.splice(start, end - start);
      writeFileSync(deal, lines.join('\n'));
      const r = runCli(['assemble', playbook, '--data', deal, '--lang', 'en', '-o', join(dir, 'out.md')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${name}"`);
      expect(r.stderr).toContain(`${id}.yaml`);
    });
  });

  describe('variants written for one contract type', () => {
    const listed = () => JSON.parse(runCli(['list', 'clauses', '--json']).stdout) as { id: string; variants: string[]; variantTypes?: Record<string, string[]> }[];

    it('should say so in the shared modules that carry a variant per type, and list shows it', () => {
      const types = (id: string) => listed().find((m) => m.id === id)!.variantTypes;
      expect(types('definitions')).toEqual({ 'data-trade': ['DT'], 'model-licence': ['MD'], 'user-agreement': ['UA'] });
      expect(types('termination')).toEqual({ 'user-agreement': ['UA'], commercial: ['DT', 'MD'], development: ['MD'] });
      expect(types('data-supplier-warranties')).toMatchObject({ full: ['DT'], 'developer-full': ['MD'] });
      expect(types('governing-law-disputes')).toBeUndefined();
      for (const id of ['fees-payment', 'data-use-scope', 'regulatory-cooperation', 'liability-indemnity']) {
        const module = listed().find((m) => m.id === id)!;
        expect(Object.keys(module.variantTypes ?? {}), id).toEqual(module.variants);
      }
      const text = runCli(['list', 'clauses']).stdout;
      expect(text).toContain('variants: data-trade [DT], model-licence [MD], user-agreement [UA]');
      expect(text).toMatch(/variants: court, arbitration\n/);
    });

    it('should refuse a deal for a data-trade agreement that chooses them, at the deal line, saying which fit', () => {
      const dir = mkdtempSync(join(tmpdir(), 'clausewright-content-'));
      const deal = join(dir, 'deal.yaml');
      writeFileSync(deal, readFileSync(join(REPO, 'examples/data-trade-agreement.yaml'), 'utf8') + 'variants:\n  definitions: model-licence\n  liability-indemnity: user-agreement\n');
      const r = runCli(['assemble', 'playbooks/data-trade-agreement.yaml', '--data', deal, '-o', join(dir, 'out.md')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'deal.yaml:29: error [variant-type] variant "model-licence" of clause "definitions" is written for model development and licence agreements (MD), not for this data-trade agreement (DT); choose "data-trade" (at variants.definitions)',
      );
      expect(r.stderr).toContain(
        'deal.yaml:30: error [variant-type] variant "user-agreement" of clause "liability-indemnity" is written for user agreements (UA), not for this data-trade agreement (DT); choose one of "data-supplier-uncapped", "data-capped" (at variants.liability-indemnity)',
      );
      // Said once each, not as a cascade of undefined terms and cross-references.
      expect(r.stderr).not.toMatch(/term-undefined|reference-unknown/);
    });

    it("should offer in each playbook's JSON Schema only the variants written for its type", () => {
      const offered = (id: string, clause: string) => JSON.parse(runCli(['schema', `playbooks/${id}.yaml`]).stdout).properties.variants.anyOf[0].properties[clause].enum;
      expect(offered('data-trade-agreement', 'definitions')).toEqual(['data-trade']);
      expect(offered('data-trade-agreement', 'termination')).toEqual(['commercial']);
      expect(offered('model-licence-agreement', 'termination')).toEqual(['commercial', 'development']);
      expect(offered('model-licence-agreement', 'data-use-scope')).toEqual(['client-data-entrustment']);
    });
  });

  it('should draft the AIGC user agreement with the output-ownership clause, numbered, in zh and en', () => {
    const zh = runCli(['assemble', 'playbooks/aigc-user-agreement.yaml', '--data', 'examples/aigc-user-agreement.yaml', '--lang', 'zh', '--format', 'md']);
    const en = runCli(['assemble', 'playbooks/aigc-user-agreement.yaml', '--data', 'examples/aigc-user-agreement.yaml', '--lang', 'en', '--format', 'md']);
    expect(zh.code).toBe(0);
    expect(en.code).toBe(0);
    const title = (lang: 'zh' | 'en') => (JSON.parse(runCli(['list', 'clauses', '--json']).stdout) as { id: string; title: Record<string, string> }[]).find((m) => m.id === 'output-ownership')!.title[lang];
    expect(zh.stdout).toMatch(new RegExp(`^#+ \\d+ ${title('zh')}`, 'm'));
    expect(en.stdout).toMatch(new RegExp(`^#+ \\d+ ${title('en')}`, 'm'));
  });

  it('should seat an arbitral tribunal of a sole arbitrator or three, worded in each language, and refuse two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausewright-content-'));
    const deal = join(dir, 'deal.yaml');
    const draft = (tribunal: string) => {
      writeFileSync(deal, readFileSync(join(REPO, 'examples/data-trade-agreement.yaml'), 'utf8') + `variants:\n  governing-law-disputes: arbitration\narbitrator_count: ${tribunal}\n`);
      return runCli(['assemble', 'playbooks/data-trade-agreement.yaml', '--data', deal, '--lang', 'zh+en', '--format', 'md', '--date', '2026-01-01']);
    };
    const sole = draft('one');
    expect(sole.code, sole.stderr).toBe(0);
    expect(sole.stdout).toContain('仲裁庭由一名仲裁员组成。');
    expect(sole.stdout).toContain('the arbitral tribunal consists of a sole arbitrator.');
    expect(draft('three').stdout).toContain('the arbitral tribunal consists of three arbitrators.');
    const two = draft('2');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('deal.yaml:30: error [variable-type] "arbitrator_count" must be one of one, three; 2 is none of them (at arbitrator_count)');
  });

  it('should print a yes/no key term as a value of its own on the cover: Yes, 是', () => {
    const term = (lang: string) => {
      const r = runCli(['assemble', 'playbooks/data-trade-agreement.yaml', '--data', 'examples/data-trade-agreement.yaml', '--lang', lang, '--format', 'json', '--date', '2026-01-01']);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout).meta.keyTerms as { name: string; value: string }[]).find((t) => t.name === 'contains_personal_information')!.value;
    };
    expect(term('en')).toBe('Yes');
    expect(term('zh')).toBe('是');
  });
});
