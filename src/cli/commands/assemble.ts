/** `clausewright assemble <playbook> --data <file>`: draft an agreement. */
import type { Command } from 'commander';
import { InputError, error } from '../../diagnostics.js';
import { assembleFiles } from '../../playbook/files.js';
import type { AssemblyLang } from '../../playbook/assemble.js';
import { FORMATS, write, type Format } from '../../writers/index.js';
import { emit } from '../io.js';
import { choice, defaultDate, formatFromPath, parseDate } from '../options.js';
import { action, printDiagnostics } from '../run.js';

interface AssembleOptions {
  data?: string;
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
    .option('-d, --data <file>', 'deal data (YAML or JSON) that fills the variables')
    .option('-l, --lang <lang>', 'language: zh, en, or zh+en (bilingual)', choice(['zh', 'en', 'zh+en'] as const, '--lang'), 'zh')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: from -o's extension, else md)`, choice(FORMATS, '--format'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--date <YYYY-MM-DD>', 'date recorded in the document and its timestamps (default: today, or SOURCE_DATE_EPOCH)', parseDate)
    .option('--clauses <dir>', 'clause library folder (default: clauses/ beside the playbook folder, else the built-in library)')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright assemble playbooks/aigc-user-agreement.yaml --data examples/aigc-user-agreement.yaml --lang en
  $ clausewright assemble playbooks/data-trade-agreement.yaml -d examples/data-trade-agreement.yaml --lang zh+en -o out/dta.docx --date 2026-01-01

Exit codes: 0 ok, 2 bad input (every problem is listed with file, line and field), 1 internal error.`,
    )
    .action(
      action(async (playbook: string, options: AssembleOptions) => {
        const format = options.format ?? formatFromPath(options.output, FORMATS) ?? 'md';
        if (format === 'docx' && !options.output) {
          throw new InputError([error('output-required', 'DOCX output is binary: name a file with -o, e.g. -o agreement.docx')]);
        }
        const date = options.date ?? defaultDate();
        const { document, warnings } = assembleFiles({
          playbook,
          ...(options.data ? { data: options.data } : {}),
          lang: options.lang,
          date,
          ...(options.clauses ? { clauses: options.clauses } : {}),
        });
        const written = await write(format, document, { date });
        printDiagnostics([...warnings, ...written.warnings]);
        emit(options.output, written.output);
        if (options.output) process.stderr.write(`clausewright: wrote ${options.output}\n`);
      }),
    );
}
