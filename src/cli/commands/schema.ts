/** `clausewright schema <playbook>`: JSON Schema of the playbook's deal data. */
import type { Command } from 'commander';
import { throwIfErrors } from '../../diagnostics.js';
import { emit, refuseOutputOverInput } from '../io.js';
import { outputPath } from '../options.js';
import { action } from '../run.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of deal data for a playbook, so editors can validate deal files')
    .argument('<playbook>', 'playbook file')
    .option('-o, --output <file>', 'write to this file instead of stdout; - for stdout', outputPath)
    .option('--clauses <dir>', 'clause library folder (default: clauses/ beside the playbook folder, else the built-in library)')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright schema playbooks/data-trade-agreement.yaml -o dta.schema.json
  $ clausewright schema playbooks/aigc-user-agreement.yaml > deal.schema.json

With "# yaml-language-server: $schema=deal.schema.json" at the top of a deal file, editors
check and complete it as it is typed.

Exit codes: 0 ok, 2 bad input (a playbook or clause module with problems, each listed), 1 internal error.`,
    )
    .action(
      action(async (playbook: string, options: { output?: string; clauses?: string }) => {
        refuseOutputOverInput(options.output, { 'the playbook': playbook });
        const [{ dealJsonSchema }, { loadForPlaybook }, { resolvePlaybook }] = await Promise.all([
          import('../../playbook/deal-schema.js'),
          import('../../playbook/files.js'),
          import('../../playbook/namespace.js'),
        ]);
        const loaded = loadForPlaybook({ playbook, ...(options.clauses ? { clauses: options.clauses } : {}) });
        const { resolved, diagnostics } = resolvePlaybook(loaded.playbook, loaded.library);
        throwIfErrors([...loaded.diagnostics, ...diagnostics]);
        emit(options.output, JSON.stringify(dealJsonSchema(loaded.playbook, resolved), null, 2) + '\n');
        // As assemble and redline say where they wrote: stdout is the schema alone.
        if (options.output) process.stderr.write(`clausewright: wrote ${options.output}\n`);
      }),
    );
}
