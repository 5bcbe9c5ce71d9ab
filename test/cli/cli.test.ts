/** The built `clausewright` command, end to end (issue 2). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI, MATRIX, REPO, runCli } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'clausewright-cli-'));

describe('clausewright CLI', () => {
  it('should print help for the program and each command', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['assemble', 'check', 'schema', 'list']) expect(help.stdout).toContain(command);
    const assemble = runCli(['assemble', '--help']);
    expect(assemble.stdout).toMatch(/--lang <lang>[\s\S]*zh\+en/);
    expect(assemble.stdout).toContain('Exit codes');
  });

  it('should run as its own executable, as npx runs the package bin', () => {
    const bin = join(REPO, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).bin.clausewright as string);
    const run = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('should exit 2 on an unknown command or option', () => {
    expect(runCli(['assemblee']).code).toBe(2);
    expect(runCli(['assemble', 'x.yaml', '--colour']).code).toBe(2);
  });

  it('should assemble Markdown to stdout', () => {
    const r = runCli(['assemble', 'playbooks/mini.yaml', '--data', 'deals/good.yaml', '--lang', 'en', '--date', '2026-01-01'], { cwd: MINI });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Mini Services Agreement\n/);
    expect(r.stdout).toContain('2.3 Late payments bear interest on the amount stated in Clause 2.1.');
  });

  it('should write each format atomically to -o, choosing the format from the extension', () => {
    const dir = tmp();
    for (const ext of ['md', 'html', 'json']) {
      const out = join(dir, `a.${ext}`);
      const r = runCli(['assemble', 'playbooks/mini.yaml', '-d', 'deals/good.yaml', '--lang', 'zh', '-o', out, '--date', '2026-01-01'], { cwd: MINI });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<html lang="zh-CN">/);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).type).toBe('document');
  });

  it('should give byte-identical output for the same inputs and --date', () => {
    for (const format of ['md', 'html', 'json']) {
      const run = () => runCli(['assemble', 'playbooks/mini.yaml', '-d', 'deals/good.yaml', '--lang', 'zh+en', '--format', format, '--date', '2026-02-03'], { cwd: MINI, env: { TZ: format === 'md' ? 'Asia/Shanghai' : 'America/New_York' } });
      const a = run();
      const b = runCli(['assemble', 'playbooks/mini.yaml', '-d', 'deals/good.yaml', '--lang', 'zh+en', '--format', format, '--date', '2026-02-03'], { cwd: MINI, env: { TZ: 'UTC' } });
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('should print the JSON Schema of the deal data', () => {
    const r = runCli(['schema', 'playbooks/mini.yaml'], { cwd: MINI });
    expect(r.code, r.stderr).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['parties', 'service_name', 'effective_date', 'monthly_fee']));
    expect(schema.properties.forum.enum).toEqual(['court', 'cietac']);
    expect(schema.additionalProperties).toBe(false);
    expect(r.stderr).toBe('');
    // To a file: the same schema, and where it went, as assemble and redline say.
    const file = join(tmp(), 'deal.schema.json');
    const written = runCli(['schema', 'playbooks/mini.yaml', '-o', file], { cwd: MINI });
    expect(written.stderr).toBe(`clausewright: wrote ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(r.stdout);
  });

  it('should check a playbook with deal data and report coverage', () => {
    const r = runCli(['check', 'playbooks/mini.yaml', '--data', 'deals/good.yaml', '--matrix', MATRIX], { cwd: MINI });
    expect(r.code).toBe(2); // the mini playbook does not cover the DT rows
    expect(r.stdout).toContain('requirement-uncovered');
    expect(r.stdout).toMatch(/Requirement coverage \(DT rows/);
    expect(r.stdout).toMatch(/– DT-SRC-01 +excluded: Test fixture\./);
    expect(r.stdout).toMatch(/✓ DT-LIAB-01 +fees/);
    const json = JSON.parse(runCli(['check', 'playbooks/mini.yaml', '--format', 'json', '--matrix', MATRIX], { cwd: MINI }).stdout);
    expect(json.ok).toBe(false);
    expect(json.coverage.type).toBe('DT');
    expect(json.coverage.rows.find((row: { id: string }) => row.id === 'DT-LIAB-01').satisfiedBy).toEqual(['fees']);
  });

  it('should list clauses and playbooks, also as JSON', () => {
    const clauses = JSON.parse(runCli(['list', 'clauses', '--json'], { cwd: MINI }).stdout);
    expect(clauses.map((c: { id: string }) => c.id)).toEqual(['definitions', 'disputes', 'fees']);
    const playbooks = runCli(['list', 'playbooks'], { cwd: MINI });
    expect(playbooks.stdout).toContain('mini');
    expect(playbooks.stdout).toContain('1 playbooks');
  });

  it('should list what loads, print the problems of what does not, and exit 2; a folder named that is not there is an error', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'playbooks'));
    writeFileSync(join(dir, 'playbooks', 'a.yaml'), readFileSync(join(MINI, 'playbooks/mini.yaml'), 'utf8'));
    writeFileSync(join(dir, 'playbooks', 'broken.yaml'), 'id: [unclosed\n');
    const run = runCli(['list', 'playbooks', '--dir', join(dir, 'playbooks')], { cwd: MINI });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('1 playbooks');
    expect(run.stderr).toContain('broken.yaml');
    const missing = runCli(['list', 'clauses', '--dir', join(dir, 'nowhere')], { cwd: MINI });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`[dir-missing] folder ${join(dir, 'nowhere')} not found`);
  });

  it('should refuse a --dir that is a file with exit 2 (listing playbooks was an internal error, ENOTDIR)', () => {
    for (const what of ['playbooks', 'clauses']) {
      const r = runCli(['list', what, '--dir', 'deals/good.yaml'], { cwd: MINI });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('deals/good.yaml: error [dir-missing] folder deals/good.yaml is a file, not a folder');
      expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(r.stdout).toBe('');
    }
  });

  it('should check the library that list lists: ./clauses when there is one (it checked the built-in library and said ✓)', () => {
    const dir = tmp();
    cpSync(MINI, dir, { recursive: true });
    writeFileSync(join(dir, 'clauses/fees.md'), readFileSync(join(MINI, 'clauses/fees.md'), 'utf8').replace('version: 1.2.0', 'version: 1.2'));
    const r = runCli(['check', '--matrix', MATRIX], { cwd: dir });
    expect(r.code, r.stdout).toBe(2);
    expect(r.stdout).toContain('clauses/fees.md:3: error [module-field]');
    expect(r.stdout).toContain('✗ clause library clauses (2 modules)');
    const listed = runCli(['list', 'clauses'], { cwd: dir });
    expect(listed.stderr).toContain('clauses/fees.md:3: error [module-field]');
  });
});

describe('clausewright assemble, batch mode', () => {
  it('should write one file per deal file across workers, report every bad deal and exit 2', () => {
    const dir = tmp();
    const good = readFileSync(join(MINI, 'deals/good.yaml'), 'utf8');
    const deals = ['acme', 'beta', 'gamma', 'delta'].map((name, i) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, name === 'gamma' ? good.replace('monthly_fee: 12000', 'monthly_fee: lots') : good.replace('monthly_fee: 12000', `monthly_fee: ${1000 * (i + 1)}`));
      return file;
    });
    const out = join(dir, 'out');
    const r = runCli(['assemble', 'playbooks/mini.yaml', '--data', ...deals, '--lang', 'en', '--format', 'md', '--out-dir', out, '--jobs', '2', '--date', '2026-01-01'], { cwd: MINI });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gamma.yaml:10');
    expect(r.stderr).toMatch(/assembled 3 of 4 documents .* on 2 threads/);
    expect(readdirSync(out).sort()).toEqual(['acme.en.md', 'beta.en.md', 'delta.en.md']);
    expect(readFileSync(join(out, 'delta.en.md'), 'utf8')).toContain('CNY 4,000');
  });

  it('should refuse deal files that would be written to one file, and write nothing', () => {
    const dir = tmp();
    const good = readFileSync(join(MINI, 'deals/good.yaml'), 'utf8');
    const deals = ['x', 'y'].map((folder) => {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'deal.yaml'), good);
      return join(dir, folder, 'deal.yaml');
    });
    const out = join(dir, 'out');
    const r = runCli(['assemble', 'playbooks/mini.yaml', '--data', ...deals, '--lang', 'en', '--out-dir', out, '--date', '2026-01-01'], { cwd: MINI });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error [batch-output-clash] ${deals[0]} and ${deals[1]} would both be written to ${join(out, 'deal.en.md')}`);
    expect(existsSync(out)).toBe(false);
  });

  it('should give a warning about the library once, not once per document', () => {
    const dir = tmp();
    cpSync(MINI, dir, { recursive: true });
    const definitions = join(dir, 'clauses/definitions.md');
    writeFileSync(
      definitions,
      readFileSync(definitions, 'utf8')
        .replace(/^(\[\[=服务费\]\].*)$/m, '$1\n\n[[=无用之物]]指无。')
        .replace(/^(\[\[=Fees\]\].*)$/m, '$1\n\n[[=Unused Thing]] means nothing.'),
    );
    const deals = ['a', 'b', 'c'].map((name) => {
      const file = join(dir, `deals/${name}.yaml`);
      writeFileSync(file, readFileSync(join(MINI, 'deals/good.yaml'), 'utf8'));
      return file;
    });
    const r = runCli(['assemble', 'playbooks/mini.yaml', '--data', ...deals, '--lang', 'en', '--out-dir', join(dir, 'out'), '--date', '2026-01-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/\[term-unused\] term "Unused Thing"/g)).toHaveLength(1);
    expect(r.stderr).toContain('assembled 3 of 3 documents');
  });
});

describe('options that do not apply', () => {
  it('should refuse check --data without a playbook (the deal file went unread and the check said ✓)', () => {
    const r = runCli(['check', '--data', 'deals/nowhere.yaml'], { cwd: MINI });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deals/nowhere.yaml: error [data-without-playbook] --data deals/nowhere.yaml is checked against a playbook');
    expect(r.stdout).toBe('');
  });

  it('should say --data and --lang are not used when <ours> is not a playbook, and compare as asked', () => {
    const dir = tmp();
    const ours = join(dir, 'ours.md');
    writeFileSync(ours, '# A\n\n## 1. X\n\nHello world.\n');
    const r = runCli(['redline', ours, ours, '--data', join(MINI, 'deals/good.yaml'), '--lang', 'en', '-o', join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning [option-ignored] --data and --lang are used only when <ours> is a playbook (.yaml); ${ours} is compared as it is`);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.words).toEqual({ inserted: 0, deleted: 0 });
    expect(runCli(['redline', ours, ours, '-o', join(dir, 'r2.json')]).stderr).not.toContain('option-ignored');
  });

  it('should assemble a playbook redline from the --clauses library, as assemble does (redline had no --clauses)', () => {
    const dir = tmp();
    cpSync(MINI, dir, { recursive: true });
    renameSync(join(dir, 'clauses'), join(dir, 'house-clauses'));
    const args = ['playbooks/mini.yaml', '--data', 'deals/good.yaml', '--lang', 'en', '--date', '2026-01-01', '--clauses', 'house-clauses'];
    expect(runCli(['assemble', ...args, '-o', 'sent.md'], { cwd: dir }).code).toBe(0);
    const r = runCli(['redline', ...args.slice(0, 1), 'sent.md', ...args.slice(1), '--exit-code', '-o', 'r.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const ignored = runCli(['redline', 'sent.md', 'sent.md', '--clauses', 'house-clauses', '--data', 'deals/good.yaml', '-o', 'r2.json'], { cwd: dir });
    expect(ignored.stderr).toContain('warning [option-ignored] --data and --clauses are used only when <ours> is a playbook');
  });

  it('should read the matrix $CLAUSEWRIGHT_MATRIX names, and say when it is not there (it fell back to the default, unsaid)', () => {
    const r = runCli(['check', 'playbooks/mini.yaml'], { cwd: MINI, env: { CLAUSEWRIGHT_MATRIX: 'nowhere/matrix.md' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('nowhere/matrix.md: error [matrix-missing] requirements matrix nowhere/matrix.md not found');
  });

  it('should say --jobs is not used when one agreement is drafted', () => {
    const dir = tmp();
    const r = runCli(['assemble', 'playbooks/mini.yaml', '--data', 'deals/good.yaml', '--lang', 'en', '--jobs', '2', '-o', join(dir, 'a.md')], { cwd: MINI });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning [option-ignored] --jobs is used only in batch mode');
    expect(existsSync(join(dir, 'a.md'))).toBe(true);
  });
});

describe('report formats', () => {
  it('should take --format json and --json alike on check and list, and refuse both --json and --format text', () => {
    for (const command of [['check', 'playbooks/mini.yaml', '--matrix', MATRIX], ['list', 'clauses']]) {
      const long = runCli([...command, '--format', 'json'], { cwd: MINI });
      const short = runCli([...command, '--json'], { cwd: MINI });
      expect(short.stdout, command[0]).toBe(long.stdout);
      expect(() => JSON.parse(short.stdout)).not.toThrow();
      expect(runCli([...command, '--format', 'text'], { cwd: MINI }).stdout).toBe(runCli(command, { cwd: MINI }).stdout);
      const both = runCli([...command, '--format', 'text', '--json'], { cwd: MINI });
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('error [options-contradict] --json and --format text contradict each other');
    }
  });
});
