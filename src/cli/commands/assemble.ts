/** `clausewright assemble <playbook> --data <file>`: draft an agreement. */
import { InvalidArgumentError, type Command } from 'commander';
import { InputError, dedupeDiagnostics, error, warning } from '../../diagnostics.js';
import type { AssemblyLang } from '../../playbook/assemble.js';
import { FORMATS, type Format } from '../../writers/formats.js';
import { withDealDataHint } from '../deal-data-hint.js';
import { emit, refuseOutputOverInput } from '../io.js';
import { choice, defaultDate, outputFormat, outputPath, parseDate } from '../options.js';
import { action, printDiagnostics } from '../run.js';

interface AssembleOptions {
  data?: string[];
  outDir?: string;
  jobs?: number;
  lang: AssemblyLang;
  format?: Format;
  output?: string;
  date?: string;
  clauses?: string;
}

export function registerAssemble(program: Command): void {
  program
    .command('assemble')
    .description('assemble an agreement from a playbook and deal data')
    .argument('<playbook>', 'playbook file, e.g. playbooks/aigc-user-agreement.yaml')
    .option('-d, --data <files...>', 'deal data (YAML or JSON) that fills the variables; several files = batch mode')
    .option('-l, --lang <lang>', 'language: zh, en, or zh+en (bilingual)', choice(['zh', 'en', 'zh+en'] as const, '--lang'), 'zh')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: from -o's extension, else md)`, choice(FORMATS, '--format'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout; - for stdout', outputPath)
    .option('--date <YYYY-MM-DD>', 'date recorded in the document and its timestamps (default: today, or SOURCE_DATE_EPOCH)', parseDate)
    .option('--out-dir <dir>', 'batch mode: write one file per deal file into this folder (<deal>.<lang>.<format>; default: out)')
    .option('-j, --jobs <n>', 'batch mode: threads to draft with (default: one per 50 deal files, at most one per core)', parsePositiveInt)
    .option('--clauses <dir>', 'clause library folder (default: clauses/ beside the playbook folder, else the built-in library)')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright assemble playbooks/aigc-user-agreement.yaml --data examples/aigc-user-agreement.yaml --lang en
  $ clausewright assemble playbooks/data-trade-agreement.yaml -d examples/data-trade-agreement.yaml --lang zh+en -o out/dta.docx --date 2026-01-01
  $ clausewright assemble playbooks/aigc-user-agreement.yaml -d customers/*.yaml --format docx --out-dir out/customers   # batch

Exit codes: 0 ok, 2 bad input (every problem is listed with file, line and field), 1 internal error.`,
    )
    .action(
      action(async (playbook: string, options: AssembleOptions) => {
        const dataFiles = options.data ?? [];
        if (dataFiles.length > 1 || options.outDir) return assembleBatch(playbook, dataFiles, options);
        const format = outputFormat(options.format, options.output, FORMATS, 'md');
        refuseOutputOverInput(options.output, { 'the playbook': playbook, 'the deal data': dataFiles[0] });
        if (options.jobs !== undefined) printDiagnostics([warning('option-ignored', '--jobs is used only in batch mode (several --data files, or --out-dir); one agreement is drafted on one thread')]);
        if (format === 'docx' && !options.output) {
          throw new InputError([error('output-required', 'DOCX output is binary: name a file with -o, e.g. -o agreement.docx')]);
        }
        const date = options.date ?? defaultDate();
        // Loaded on use: registering every command should not load the assembly machinery.
        const [{ assembleFiles }, { write }] = await Promise.all([import('../../playbook/files.js'), import('../../writers/index.js')]);
        const { document, warnings } = withDealDataHint(playbook, dataFiles[0], () =>
          assembleFiles({
            playbook,
            ...(dataFiles[0] ? { data: dataFiles[0] } : {}),
            lang: options.lang,
            date,
            ...(options.clauses ? { clauses: options.clauses } : {}),
          }),
        );
        const written = await write(format, document, { date });
        printDiagnostics([...warnings, ...written.warnings]);
        emit(options.output, written.output);
        if (options.output) process.stderr.write(`clausewright: wrote ${options.output}\n`);
      }),
    );
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

async function assembleBatch(playbook: string, dataFiles: string[], options: AssembleOptions): Promise<void> {
  if (options.output) throw new InputError([error('batch-output', 'batch mode writes one file per deal file: use --out-dir instead of -o')]);
  if (dataFiles.length === 0) throw new InputError([error('batch-data', 'batch mode needs deal files: --data a.yaml b.yaml …')]);
  const [{ runBatch }, { progressBar }, { outputClashes }] = await Promise.all([
    import('../../batch/run-batch.js'),
    import('../../batch/progress.js'),
    import('../../batch/output-names.js'),
  ]);
  const settings = { playbook, lang: options.lang, format: options.format ?? 'md', outDir: options.outDir ?? 'out', date: options.date ?? defaultDate(), ...(options.clauses ? { clauses: options.clauses } : {}) };
  // Before any is drafted: two agreements written to one file would lose one of them.
  const clashes = outputClashes(dataFiles, settings);
  if (clashes.length > 0) throw new InputError(clashes);
  const report = await runBatch(
    settings,
    dataFiles,
    { ...(options.jobs ? { jobs: options.jobs } : {}), onProgress: progressBar() },
  );
  const failed = report.results.filter((r) => r.output === undefined);
  // A warning about the playbook or library comes with every document: said once.
  printDiagnostics(dedupeDiagnostics(report.results.flatMap((r) => r.diagnostics)));
  for (const r of report.results) if (r.internalError) process.stderr.write(`clausewright: internal error on ${r.data}: ${r.internalError}\n`);
  const ok = report.results.length - failed.length;
  const seconds = report.wallMs / 1000;
  process.stderr.write(
    `clausewright: assembled ${ok} of ${report.results.length} documents into ${settings.outDir} in ${seconds.toFixed(2)} s ` +
      `(${(ok / seconds).toFixed(1)} docs/s on ${report.threads} thread${report.threads === 1 ? '' : 's'}` +
      // Not a speed-up: threads side by side slow each other, so only a run on one thread tells.
      `${report.threads > 1 ? `, ${(report.workMs / report.wallMs).toFixed(2)} of them busy on average; --jobs 1 gives one thread's rate to compare` : ''})\n`,
  );
  if (failed.some((r) => r.internalError)) process.exitCode = 1;
  else if (failed.length > 0) process.exitCode = 2;
}
