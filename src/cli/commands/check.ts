/** `clausewright check [playbook]`: validate library, playbook, deal data; requirement coverage. */
import type { Command } from 'commander';
import { InputError, error, formatDiagnostic, hasErrors, sortDiagnostics } from '../../diagnostics.js';
import type { CheckReport } from '../../playbook/check.js';
import type { Coverage } from '../../requirements/coverage.js';
import { addTextOrJson, wantsJson, type TextOrJson } from '../options.js';
import { EXIT_INPUT, action } from '../run.js';

interface CheckOptions extends TextOrJson {
  data?: string;
  matrix?: string;
  clauses?: string;
}

export function registerCheck(program: Command): void {
  const command = program
    .command('check')
    .description('validate the clause library, a playbook and deal data, and report requirement coverage')
    .argument('[playbook]', 'playbook file; without it, the whole clause library is linted')
    .option('-d, --data <file>', 'deal data to validate against the playbook (and assemble in each language); needs <playbook>');
  addTextOrJson(command, 'the report')
    .option('--matrix <file>', 'requirements matrix (default: $CLAUSEWRIGHT_MATRIX when set, else ../shared/reference/requirements-matrix.md beside the package)')
    .option('--clauses <dir>', 'clause library folder (default: clauses/ beside the playbook folder; without a playbook, ./clauses if present; else the built-in library)')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright check                                               # the clause library alone
  $ clausewright check playbooks/aigc-user-agreement.yaml --data examples/aigc-user-agreement.yaml
  $ clausewright check playbooks/data-trade-agreement.yaml --format json > coverage.json

Exit codes: 0 no errors (warnings allowed), 2 problems found, 1 internal error.`,
    )
    .action(
      action(async (playbook: string | undefined, options: CheckOptions) => {
        const json = wantsJson(options);
        // Deal data is checked against a playbook: without one it went unread, and the ✓ said nothing of it.
        if (options.data !== undefined && playbook === undefined) {
          throw new InputError([error('data-without-playbook', `--data ${options.data} is checked against a playbook: name one, e.g. clausewright check playbooks/<name>.yaml --data ${options.data}`, { file: options.data })]);
        }
        const { check } = await import('../../playbook/check.js');
        const report = check({
          ...(playbook ? { playbook } : {}),
          ...(options.data ? { data: options.data } : {}),
          ...(options.matrix ? { matrix: options.matrix } : {}),
          ...(options.clauses ? { clauses: options.clauses } : {}),
        });
        const failed = hasErrors(report.diagnostics);
        if (json) process.stdout.write(JSON.stringify(toJson(report, failed), null, 2) + '\n');
        else process.stdout.write(toText(report, playbook, failed));
        if (failed) process.exitCode = EXIT_INPUT;
      }, { writes: false }),
    );
}

function toJson(report: CheckReport, failed: boolean) {
  return { ok: !failed, library: report.library, modules: report.modules, diagnostics: sortDiagnostics(report.diagnostics), ...(report.coverage ? { coverage: report.coverage } : {}) };
}

function toText(report: CheckReport, playbook: string | undefined, failed: boolean): string {
  const lines = sortDiagnostics(report.diagnostics).map(formatDiagnostic);
  if (report.coverage) lines.push('', ...coverageText(report.coverage, report.matrixFile));
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const subject = playbook ?? `clause library ${report.library} (${report.modules} modules)`;
  lines.push('', `${failed ? '✗' : '✓'} ${subject}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n').replace(/^\n/, '') + '\n';
}

function coverageText(coverage: Coverage, matrixFile?: string): string[] {
  const pct = coverage.total === 0 ? 100 : Math.round(((coverage.covered + coverage.excluded) / coverage.total) * 1000) / 10;
  const out = [`Requirement coverage (${coverage.type} rows of ${matrixFile ?? 'the matrix'}): ${coverage.covered + coverage.excluded}/${coverage.total} (${pct}%) — ${coverage.covered} by clauses, ${coverage.excluded} excluded`];
  const width = Math.max(...coverage.rows.map((r) => r.id.length));
  for (const row of coverage.rows) {
    const mark = { covered: '✓', conditional: '~', excluded: '–', uncovered: '✗' }[row.status];
    const detail =
      row.status === 'excluded'
        ? `excluded: ${row.reason}`
        : row.status === 'uncovered'
          ? 'NOT COVERED'
          : row.satisfiedBy.map((id) => (row.conditionalOn.includes(id) ? `${id} (conditional)` : id)).join(', ');
    out.push(`  ${mark} ${row.id.padEnd(width)}  ${detail}`);
  }
  return out;
}
