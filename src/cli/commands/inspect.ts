/** `clausewright inspect <agreement.docx>`: print which playbook, clause versions and data made a DOCX. */
import type { Command } from 'commander';
import { InputError, error } from '../../diagnostics.js';
import { readInput } from '../io.js';
import { addTextOrJson, wantsJson, type TextOrJson } from '../options.js';
import { action } from '../run.js';

type InspectOptions = TextOrJson;

export function registerInspect(program: Command): void {
  const command = program
    .command('inspect')
    .description('print the provenance of a DOCX written by clausewright: playbook, clause ids, versions, variants and hashes')
    .argument('<agreement.docx>', 'a DOCX written by `clausewright assemble`');
  addTextOrJson(command, 'the record')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright inspect out/dta.docx
  $ clausewright inspect signed.docx --json | jq -r '.clauses[] | "\\(.id) \\(.version) \\(.variant)"'

Exit codes: 0 ok, 2 bad input (not a DOCX, or one clausewright did not write), 1 internal error.`,
    )
    .action(
      action(async (file: string, options: InspectOptions) => {
        const json = wantsJson(options);
        const bytes = readInput(file, 'DOCX file');
        // The OOXML machinery is loaded only when a DOCX is inspected.
        const { formatProvenance, readDocxProvenance } = await import('../../writers/docx/index.js');
        let provenance;
        try {
          provenance = readDocxProvenance(bytes);
        } catch (cause) {
          // Name the file in every problem the reader found.
          if (cause instanceof InputError) throw new InputError(cause.diagnostics.map((d) => ({ ...d, file })));
          throw cause;
        }
        if (!provenance) {
          throw new InputError([error('provenance-missing', `${file} carries no clausewright provenance (was it written by \`clausewright assemble\`?)`, { file })]);
        }
        process.stdout.write(json ? JSON.stringify(provenance, null, 2) + '\n' : formatProvenance(provenance));
      }, { writes: false }),
    );
}
