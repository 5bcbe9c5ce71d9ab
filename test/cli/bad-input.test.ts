/**
 * Bad input, end to end through the built CLI: every case must exit 2, name
 * the file, the line and the field in its message, print no stack trace, and
 * leave no output file behind (issue 2).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI, runCli, tempFixture } from '../helpers.js';

type Edit = (text: string) => string;

interface BadCase {
  name: string;
  edits?: Record<string, Edit>;
  /** Arguments after `assemble`; default: the mini playbook and deal. */
  args?: string[];
  command?: string;
  /** Substrings the error output must contain (file:line, field, reason). */
  expect: string[];
}

const replace = (from: string | RegExp, to: string): Edit => (text) => {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return out;
};
const DEAL = 'deals/good.yaml';
/** Ten levels of ten aliases each: 10^10 strings when expanded. */
const ALIAS_BOMB = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n') + '\n';
const PLAYBOOK = 'playbooks/mini.yaml';
const FEES = 'clauses/fees.md';

const cases: BadCase[] = [
  { name: 'malformed YAML in the deal file', edits: { [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: [12000') }, expect: ['deals/good.yaml:11', 'yaml-syntax'] },
  { name: 'a key given twice in the deal file', edits: { [DEAL]: (t) => t + 'monthly_fee: 5\n' }, expect: ['deals/good.yaml:13', 'yaml-syntax', 'unique'] },
  { name: 'wrong type for a number', edits: { [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: twelve thousand') }, expect: ['deals/good.yaml:10', 'monthly_fee', 'number'] },
  { name: 'unknown variable (typo) with a suggestion', edits: { [DEAL]: replace('late_interest: true', 'late_intrest: true') }, expect: ['deals/good.yaml:11', 'late_intrest', 'did you mean "late_interest"'] },
  { name: 'missing required variable', edits: { [DEAL]: replace(/^monthly_fee: 12000\n/m, '') }, expect: ['deals/good.yaml', 'variable-missing', 'monthly_fee'] },
  { name: 'invalid date', edits: { [DEAL]: replace('2026-03-01', '2026-02-30') }, expect: ['deals/good.yaml:9', 'effective_date', 'YYYY-MM-DD'] },
  { name: 'enum value not allowed', edits: { [DEAL]: replace('forum: cietac', 'forum: icc') }, expect: ['deals/good.yaml:12', 'forum', 'cietac'] },
  { name: 'unknown party', edits: { [DEAL]: replace('  customer:', '  client:') }, expect: ['deals/good.yaml:6', 'parties.client', 'unknown party'] },
  { name: 'named party without a name', edits: { [DEAL]: replace(/  customer:\n    name: .*\n/, '  customer: {}\n') }, expect: ['deals/good.yaml', 'parties.customer.name', 'party-missing'] },
  { name: 'unquoted comma in a flow mapping', edits: { [DEAL]: replace("en: 'Shanghai Sample Data Co., Ltd.'", 'en: Shanghai Sample Data Co., Ltd.') }, expect: ['deals/good.yaml:7', 'parties.customer.name', 'quote values that contain commas'] },
  { name: 'variant override that does not exist', edits: { [DEAL]: (t) => t + 'variants: { fees: quarterly }\n' }, expect: ['deals/good.yaml:13', 'variants.fees', 'quarterly'] },
  { name: 'variant override the playbook marks unacceptable', edits: { [PLAYBOOK]: replace('unacceptable: []', 'unacceptable: [upfront]'), [DEAL]: (t) => t + 'variants: { fees: upfront }\n' }, expect: ['deals/good.yaml:13', 'variants.fees', 'unacceptable'] },
  { name: 'data file not found', args: [PLAYBOOK, '--data', 'deals/missing.yaml', '-o', 'out.md'], expect: ['deals/missing.yaml', 'not found'] },
  { name: 'data file with an unsupported extension', edits: { 'deals/deal.txt': () => 'monthly_fee: 1\n' }, args: [PLAYBOOK, '--data', 'deals/deal.txt', '-o', 'out.md'], expect: ['deals/deal.txt', '.yaml, .yml or .json'] },
  { name: 'a malformed when condition', edits: { [PLAYBOOK]: replace('when: { var: include_disputes }', 'when: { variable: include_disputes }') }, expect: ['playbooks/mini.yaml:31', 'playbook-field', 'a condition is one of {var: x}'] },
  { name: 'malformed YAML in the playbook', edits: { [PLAYBOOK]: replace('type: DT', 'type: [DT') }, expect: ['playbooks/mini.yaml:4', 'yaml-syntax'] },
  { name: 'unknown clause id in the playbook', edits: { [PLAYBOOK]: replace('- clause: disputes', '- clause: dispute') }, expect: ['playbooks/mini.yaml:30', 'parts[0].clauses[2].clause', 'did you mean "disputes"'] },
  { name: 'unknown variant in the playbook', edits: { [PLAYBOOK]: replace('variant: monthly', 'variant: weekly') }, expect: ['playbooks/mini.yaml:24', 'parts[0].clauses[1].variant', 'weekly'] },
  { name: 'playbook missing a required field', edits: { [PLAYBOOK]: replace(/^title: .*\n/m, '') }, expect: ['playbooks/mini.yaml', 'title'] },
  { name: 'playbook with an unknown field', edits: { [PLAYBOOK]: replace('side: customer', 'side: customer\nsides: both') }, expect: ['playbooks/mini.yaml:5', 'sides', 'unknown field'] },
  { name: 'playbook file not found', args: ['playbooks/nope.yaml', '--data', DEAL, '-o', 'out.md'], expect: ['playbooks/nope.yaml', 'not found'] },
  { name: 'condition on an undeclared variable', edits: { [PLAYBOOK]: replace('when: { var: include_disputes }', 'when: { var: include_dispute }') }, expect: ['playbooks/mini.yaml:31', 'when.var', 'include_dispute'] },
  { name: 'template uses an undeclared variable', edits: { [FEES]: replace('人民币{{monthly_fee}}元。', '人民币{{monthly_fees}}元。') }, expect: ['clauses/fees.md:36', 'undeclared variable "monthly_fees"'] },
  { name: 'broken mustache (unclosed section)', edits: { [FEES]: replace('{{/late_interest}}争议', '争议') }, expect: ['clauses/fees.md:', 'broken mustache', 'late_interest'] },
  { name: 'cross-reference to a clause not in the document', edits: { [FEES]: replace('Disputes are resolved under [[#disputes]].', 'Disputes are resolved under [[#arbitration]].') }, expect: ['clauses/fees.md:', 'arbitration', 'reference-unknown'] },
  { name: 'cross-reference to a clause excluded by a condition', edits: { [DEAL]: (t) => t + 'include_disputes: false\n' }, expect: ['clauses/fees.md:', '[[#disputes]]', 'points at no clause'] },
  { name: 'defined term used but never defined', edits: { [FEES]: replace('to the account stated on the invoice.', 'to the [[Account]] stated on the invoice.') }, expect: ['clauses/fees.md:', 'term "Account"', 'never defined'] },
  { name: 'clause module with a bad version', edits: { [FEES]: replace('version: 1.2.0', 'version: 1.2') }, expect: ['clauses/fees.md:3', 'version', 'expected a semantic version'] },
  { name: 'clause variant without English text', edits: { [FEES]: replace(/## en\n\nThe \[\[Customer\]\] shall pay twelve[^\n]*\n/, '') }, expect: ['clauses/fees.md:', 'upfront', 'no "## en" text'] },
  { name: 'clause text with an unclosed defined term', edits: { [FEES]: replace('[[客户]]应按月', '[[客户应按月') }, expect: ['clauses/fees.md:36', 'unclosed [['] },
  { name: 'invalid --date', args: [PLAYBOOK, '--data', DEAL, '--date', '2026-1-1', '-o', 'out.md'], expect: ['--date', 'YYYY-MM-DD'] },
  { name: '--date that is no day', args: [PLAYBOOK, '--data', DEAL, '--date', '2026-02-30', '-o', 'out.md'], expect: ['--date', '"2026-02-30" is no day of the calendar'] },
  { name: 'invalid --lang', args: [PLAYBOOK, '--data', DEAL, '--lang', 'fr', '-o', 'out.md'], expect: ['--lang', 'zh, en, zh+en'] },
  { name: 'DOCX to stdout', args: [PLAYBOOK, '--data', DEAL, '--format', 'docx'], expect: ['-o', 'DOCX'] },
  // The mistyped folder went unnamed: each clause of the playbook was just "unknown".
  { name: '--clauses naming no folder', args: [PLAYBOOK, '--data', DEAL, '--clauses', 'clasues', '-o', 'out.md'], expect: ['clasues: error [library-missing] clause library folder clasues not found'] },
  { name: '--clauses naming a file', args: [PLAYBOOK, '--data', DEAL, '--clauses', DEAL, '-o', 'out.md'], expect: [`${DEAL}: error [library-missing] clause library folder ${DEAL} is a file, not a folder`] },
  { name: 'schema with --clauses naming no folder', command: 'schema', args: [PLAYBOOK, '--clauses', 'clasues', '-o', 'out.md'], expect: ['clause library folder clasues not found'] },
  // Found by fuzzing: the YAML library throws on these in toJS, which was an internal error.
  { name: 'alias bomb (billion laughs) in the deal file', edits: { [DEAL]: (t) => t + ALIAS_BOMB }, expect: ['deals/good.yaml', 'yaml-syntax', 'aliases expand too far'] },
  { name: 'alias to no anchor in the deal file', edits: { [DEAL]: replace('forum: cietac', 'forum: *cietac') }, expect: ['deals/good.yaml:12', 'alias *cietac names no anchor'] },
  { name: 'merge key from no anchor in the playbook', edits: { [PLAYBOOK]: replace('signatures: true', 'signatures: true\n<<: *defaults') }, expect: ['playbooks/mini.yaml:', 'alias *defaults'] },
  // Deal data as people fill it by hand: each mistake named at its line, with what to write instead.
  { name: 'a number with grouping commas', edits: { [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: 12,000') }, expect: ['deals/good.yaml:10', 'monthly_fee', 'write 12000', 'printed as 12,000'] },
  { name: 'a number with its currency', edits: { [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: RMB 12000') }, expect: ['deals/good.yaml:10', 'monthly_fee', 'write 12000'] },
  // Bounds (min, max, integer) on a number variable: a fee of -5 or a period of 0.5 days passed.
  { name: 'a fraction of a day where the module wants whole days', edits: { [FEES]: replace('    type: number\n    default: 30\n', '    type: number\n    min: 1\n    integer: true\n    default: 30\n'), [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: 12000\npayment_days: 0.5') }, expect: ['deals/good.yaml:11', 'variable-range', '"payment_days" must be a whole number of 1 or more, not 0.5; write e.g. 30', '(at payment_days)'] },
  { name: 'a negative fee', edits: { [FEES]: replace('    required: true\n', '    required: true\n    min: 0\n'), [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: -5') }, expect: ['deals/good.yaml:10', '"monthly_fee" must be a number of 0 or more, not -5'] },
  { name: 'a module default outside its bounds', edits: { [FEES]: replace('    type: number\n    default: 30\n', '    type: number\n    max: 20\n    default: 30\n') }, expect: ['clauses/fees.md:15', 'variables.payment_days.default', 'default 30 is not allowed: the variable must be a number of at most 20'] },
  { name: 'a number in full-width digits', edits: { [DEAL]: replace('monthly_fee: 12000', 'monthly_fee: １２０００') }, expect: ['deals/good.yaml:10', 'monthly_fee', 'write 12000'] },
  { name: 'a date written 2026/3/1', edits: { [DEAL]: replace('effective_date: 2026-03-01', 'effective_date: 2026/3/1') }, expect: ['deals/good.yaml:9', 'effective_date', 'write 2026-03-01'] },
  { name: 'a date written in words', edits: { [DEAL]: replace('effective_date: 2026-03-01', 'effective_date: 1 March 2026') }, expect: ['deals/good.yaml:9', 'effective_date', 'write 2026-03-01'] },
  { name: 'yes for a boolean', edits: { [DEAL]: replace('late_interest: true', 'late_interest: yes') }, expect: ['deals/good.yaml:11', 'late_interest', 'write true'] },
  { name: 'a misspelt enum value', edits: { [DEAL]: replace('forum: cietac', 'forum: cietak') }, expect: ['deals/good.yaml:12', 'forum', 'did you mean "cietac"'] },
  { name: 'an enum value in capitals', edits: { [DEAL]: replace('forum: cietac', 'forum: CIETAC') }, expect: ['deals/good.yaml:12', 'forum', '"CIETAC" is none of them (did you mean "cietac"?)'] },
  // Was reported at a line of the clause module (deals/good.yaml:36 in a 12-line file), without the field.
  { name: 'text in one language where the playbook has two', edits: { [DEAL]: replace('service_name: { zh: 智绘, en: Zhihui }', 'service_name: { zh: 智绘 }') }, expect: ['deals/good.yaml:8', '(at service_name)', 'no en text', 'add en: …'] },
  // Was drafted without a word: the English agreement had no name for the Customer.
  { name: 'a party name in one language where the playbook has two', edits: { [DEAL]: replace("name: { zh: 上海样本数据有限公司, en: 'Shanghai Sample Data Co., Ltd.' }", 'name: { zh: 上海样本数据有限公司 }') }, args: [PLAYBOOK, '--data', DEAL, '--lang', 'en', '-o', 'out.md'], expect: ['deals/good.yaml:7', 'parties.customer.name', 'no en text'] },
  { name: 'a party detail in one language where the playbook has two', edits: { [DEAL]: replace("address: { zh: 北京市海淀区示例路1号, en: '1 Example Road, Haidian District, Beijing' }", 'address: { en: 1 Example Road }') }, args: [PLAYBOOK, '--data', DEAL, '--lang', 'zh', '-o', 'out.md'], expect: ['deals/good.yaml:5', 'parties.provider.details.address', 'no zh text'] },
  // These were passed over without a word (details, variants) or read letter by letter (a party).
  { name: 'a party written as its name alone', edits: { [DEAL]: replace(/  customer:\n    name: (.*)\n/, '  customer: 上海样本数据有限公司\n') }, expect: ['deals/good.yaml:6', 'parties.customer', 'must be a mapping'] },
  { name: 'party details written as text', edits: { [DEAL]: replace(/    details:\n      address: .*\n/, '    details: 北京市海淀区示例路1号\n') }, expect: ['deals/good.yaml:4', 'parties.provider.details', 'must map details'] },
  { name: 'variants written as text', edits: { [DEAL]: (t) => t + 'variants: fees upfront\n' }, expect: ['deals/good.yaml:13', 'variants', 'clause ids to variant ids'] },
  // Was read as YAML, which takes a trailing comma: a .json file other tools refuse went through.
  { name: 'a JSON deal file with a trailing comma', edits: { 'deals/deal.json': () => '{\n  "service_name": "智绘",\n  "monthly_fee": 12000,\n}\n' }, args: [PLAYBOOK, '--data', 'deals/deal.json', '-o', 'out.md'], expect: ['deals/deal.json:3:23', 'json-syntax', 'trailing comma'] },
  // A variant says which contract types it is written for; the mini playbook is a data-trade agreement (DT).
  { name: 'a variant written for an unknown contract type', edits: { [FEES]: replace('    summary: Fees paid yearly in advance.\n', '    summary: Fees paid yearly in advance.\n    types: [DT, XY]\n') }, expect: ['clauses/fees.md:27', 'variants.upfront.types[1]', '"XY" is not a contract type code: use UA (user agreement), DT'] },
  { name: 'a playbook fallback written for another contract type', edits: { [FEES]: replace('    summary: Fees paid yearly in advance.\n', '    summary: Fees paid yearly in advance.\n    types: [MD]\n') }, expect: ['playbooks/mini.yaml:27', 'parts[0].clauses[1].positions.fallbacks[0]', 'is written for model development and licence agreements (MD), not for this data-trade agreement (DT)'] },
  {
    name: 'a deal choosing a variant written for another contract type',
    edits: { [FEES]: replace('    summary: Fees paid yearly in advance.\n', '    summary: Fees paid yearly in advance.\n    types: [UA]\n'), [PLAYBOOK]: replace('fallbacks: [upfront]', 'fallbacks: []'), [DEAL]: (t) => t + 'variants: { fees: upfront }\n' },
    expect: ['deals/good.yaml:13', 'variants.fees', 'variant "upfront" of clause "fees" is written for user agreements (UA), not for this data-trade agreement (DT); choose "monthly"'],
  },
  // A module whose variant headings are all indented has none: every later step took its first variant (a TypeError).
  { name: 'clause module without a variant section', edits: { [FEES]: replace(/^# Variant: /gm, '  # Variant: ') }, expect: ['clauses/fees.md', 'variant-missing', 'at least one'] },
];

describe('bad input (exit 2, file/line/field named, nothing written)', () => {
  it('should have at least 20 fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('$name', ({ edits, args, command, expect: expected }) => {
    const dir = tempFixture(MINI, edits);
    const before = new Set(readdirSync(dir));
    const result = runCli([command ?? 'assemble', ...(args ?? [PLAYBOOK, '--data', DEAL, '--lang', 'zh+en', '-o', 'out.md'])], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    for (const fragment of expected) expect(result.stderr).toContain(fragment);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(existsSync(join(dir, 'out.md'))).toBe(false);
    // no temp files left behind either
    expect(readdirSync(dir).filter((f) => !before.has(f))).toEqual([]);
  });
});

/** Output paths that cannot be written, or would overwrite an input: exit 2 naming the path, never a stack trace or a hang. */
describe('bad output paths (exit 2, the path named, nothing written)', () => {
  const ARGS = [PLAYBOOK, '--data', DEAL, '--date', '2026-01-01'];
  const refused = (result: { code: number; stderr: string }, ...fragments: string[]) => {
    expect(result.code, result.stderr).toBe(2);
    for (const fragment of fragments) expect(result.stderr).toContain(fragment);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  };
  const tempFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));

  it('should refuse -o naming a folder, or a path through a file, and leave no temp file (was an internal error: EISDIR, EEXIST)', () => {
    const dir = tempFixture(MINI);
    mkdirSync(join(dir, 'out.md'));
    refused(runCli(['assemble', ...ARGS, '-o', 'out.md'], { cwd: dir }), 'out.md', 'output-unwritable', 'is a folder');
    refused(runCli(['assemble', ...ARGS, '-o', `${DEAL}/out.md`], { cwd: dir }), `${DEAL}/out.md`, 'not a folder');
    refused(runCli(['schema', PLAYBOOK, '-o', `${DEAL}/schema.json`], { cwd: dir }), `${DEAL}/schema.json`, 'not a folder');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('should refuse a batch --out-dir that is a file for each deal, naming the file', () => {
    const dir = tempFixture(MINI, { 'deals/other.yaml': () => readFileSync(join(MINI, DEAL), 'utf8') });
    refused(runCli(['assemble', PLAYBOOK, '--data', DEAL, 'deals/other.yaml', '--out-dir', DEAL, '-j', '1'], { cwd: dir }), `${DEAL}/good.zh.md`, `${DEAL}/other.zh.md`, 'not a folder');
  });

  it.runIf(existsSync('/proc/self'))('should refuse a folder that cannot be made under /proc at once (Node spun forever making it)', () => {
    const started = Date.now();
    refused(runCli(['assemble', ...ARGS, '-o', '/proc/clausewright-nowhere/out.md'], { cwd: tempFixture(MINI), timeout: 20_000 }), '/proc/clausewright-nowhere/out.md', 'cannot be created');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('should read -o - as stdout (it wrote a file named "-") and refuse an empty -o', () => {
    const dir = tempFixture(MINI);
    const out = runCli(['assemble', ...ARGS, '--lang', 'en', '-o', '-'], { cwd: dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^# /);
    expect(existsSync(join(dir, '-'))).toBe(false);
    const empty = runCli(['assemble', ...ARGS, '-o', ''], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('expected a file name, or - for stdout');
    refused(runCli(['assemble', ...ARGS, '--format', 'docx', '-o', '-'], { cwd: dir }), 'output-required');
  });

  it('should still make the folders a new output path needs', () => {
    const dir = tempFixture(MINI);
    expect(runCli(['assemble', ...ARGS, '-o', 'out/2026/deal.md'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'out/2026/deal.md'))).toBe(true);
  });

  it('should refuse -o naming an input, by any path, and leave the input as it was (the redline replaced our agreement)', () => {
    const dir = tempFixture(MINI, { 'ours.md': () => '# Terms\n\n## 1 Fees\n\nThe fee is due monthly.\n', 'theirs.md': () => '# Terms\n\n## 1 Fees\n\nThe fee is due weekly.\n', 'deal.json': () => '{}' });
    refused(runCli(['redline', 'ours.md', 'theirs.md', '-o', './ours.md'], { cwd: dir }), 'output-is-input', 'our document ours.md');
    refused(runCli(['redline', 'ours.md', 'theirs.md', '-o', `../${basename(dir)}/theirs.md`], { cwd: dir }), 'their draft theirs.md');
    refused(runCli(['assemble', PLAYBOOK, '--data', 'deal.json', '-o', 'deal.json'], { cwd: dir }), 'the deal data deal.json');
    expect(readFileSync(join(dir, 'ours.md'), 'utf8')).toBe('# Terms\n\n## 1 Fees\n\nThe fee is due monthly.\n');
    expect(readFileSync(join(dir, 'deal.json'), 'utf8')).toBe('{}');
  });
});

/** Text files we read (deal data, playbooks, clause modules) in another encoding than UTF-8. */
describe('files that are not UTF-8 (exit 2, file and line named)', () => {
  // 北京 in GBK, what Notepad on Chinese Windows saves: read as UTF-8 it became "����" in the agreement.
  const GBK_BEIJING = Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]);
  const gbk = (dir: string, file: string, utf8: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const at = text.indexOf(utf8);
    expect(at).toBeGreaterThan(-1);
    writeFileSync(join(dir, file), Buffer.concat([Buffer.from(text.slice(0, at)), GBK_BEIJING, Buffer.from(text.slice(at + utf8.length))]));
  };

  it('should refuse a deal file saved as GBK, naming its line, instead of writing garbled party names', () => {
    const dir = tempFixture(MINI);
    gbk(dir, DEAL, '北京');
    const result = runCli(['assemble', PLAYBOOK, '--data', DEAL, '-o', 'out.md'], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('deals/good.yaml:3: error [not-utf8]');
    expect(existsSync(join(dir, 'out.md'))).toBe(false);
  });

  it("should list a clause module that is not UTF-8 with the library's other problems", () => {
    const dir = tempFixture(MINI);
    gbk(dir, 'playbooks/mini.yaml', '迷你');
    gbk(dir, FEES, '客户');
    const result = runCli(['check', PLAYBOOK, '--data', DEAL], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('playbooks/mini.yaml:5: error [not-utf8]');
    const assembled = runCli(['assemble', PLAYBOOK, '--data', DEAL, '-o', 'out.md'], { cwd: dir });
    expect(assembled.stderr).toContain('playbooks/mini.yaml:5: error [not-utf8]');
    writeFileSync(join(dir, PLAYBOOK), readFileSync(join(MINI, PLAYBOOK))); // the playbook good again: now the module's problem shows
    const again = runCli(['assemble', PLAYBOOK, '--data', DEAL, '-o', 'out.md'], { cwd: dir });
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toMatch(/clauses\/fees\.md:\d+: error \[not-utf8\]/);
    expect(again.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  });
});

describe('check on a clause module without a variant section', () => {
  it('should list the problem (exit 2), not fail with a TypeError taking its first variant', () => {
    const dir = tempFixture(MINI, { [FEES]: replace(/^# Variant: /gm, '  # Variant: ') });
    const result = runCli(['check', PLAYBOOK, '--data', DEAL], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain('clauses/fees.md: error [variant-missing] a clause module needs at least one "# Variant: <id>" section');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  });
});

describe('the playbook and the deal file swapped', () => {
  it('should say first that the playbook given reads as deal data', () => {
    const result = runCli(['assemble', DEAL, '--data', PLAYBOOK, '-o', 'out.md'], { cwd: tempFixture(MINI, {}) });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`${DEAL}:1: error [playbook-is-deal-data] ${DEAL} reads as deal data, not a playbook: give the playbook (playbooks/<name>.yaml) where the playbook goes, and this file with --data ${DEAL}`);
    // A playbook that is merely broken gets no such hint.
    const broken = runCli(['assemble', PLAYBOOK, '--data', DEAL, '-o', 'out.md'], { cwd: tempFixture(MINI, { [PLAYBOOK]: replace('version: 0.3.0', 'version: 1.2') }) });
    expect(broken.code).toBe(2);
    expect(broken.stderr).not.toContain('playbook-is-deal-data');
  });
});

describe('a playbook without --data', () => {
  it('should say first that no deal data was given and how to give it, then list each missing value (assemble and redline)', () => {
    const dir = tempFixture(MINI, { 'theirs.md': () => '# Terms\n\n## 1 Fees\n\nThe fee is due weekly.\n' });
    for (const args of [['assemble', PLAYBOOK, '-o', 'out.md'], ['redline', PLAYBOOK, 'theirs.md', '-o', 'out.html']]) {
      const result = runCli(args, { cwd: dir });
      expect(result.code, result.stderr).toBe(2);
      const lines = result.stderr.split('\n');
      expect(lines[0], args[0]).toBe(`error [data-required] no deal data given for ${PLAYBOOK}: name a deal file with --data (clausewright schema ${PLAYBOOK} describes what it holds)`);
      expect(result.stderr).toContain('(no deal data): error [variable-missing]');
      // A value no file holds has no line to point to.
      expect(result.stderr).not.toContain('(no deal data):1:');
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('out'))).toEqual([]);
    // With a deal file that lacks a value, the deal file is named and there is no such hint.
    const withData = runCli(['assemble', PLAYBOOK, '--data', DEAL, '-o', 'out.md'], { cwd: tempFixture(MINI, { [DEAL]: replace(/^monthly_fee:.*$/m, '') }) });
    expect(withData.code, withData.stderr).toBe(2);
    expect(withData.stderr).toContain('monthly_fee');
    expect(withData.stderr).not.toContain('data-required');
  });
});
