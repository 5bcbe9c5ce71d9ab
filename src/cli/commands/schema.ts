/** `clausewright schema <playbook>`: JSON Schema of the playbook's deal data. */
import type { Command } from 'commander';
import { throwIfErrors } from '../../diagnostics.js';
import { emit } from '../io.js';
import { action } from '../run.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of deal data for a playbook, so editors can validate deal files')
    .argument('<playbook>', 'playbook file')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--clauses <dir>', 'clause library folder')
    .action(
      action(async (playbook: string, options: { output?: string; clauses?: string }) => {
        const [{ dealJsonSchema }, { loadForPlaybook }, { resolvePlaybook }] = await Promise.all([
          import('../../playbook/deal-schema.js'),
          import('../../playbook/files.js'),
          import('../../playbook/namespace.js'),
        ]);
        const loaded = loadForPlaybook({ playbook, ...(options.clauses ? { clauses: options.clauses } : {}) });
        const { resolved, diagnostics } = resolvePlaybook(loaded.playbook, loaded.library);
        throwIfErrors([...loaded.diagnostics, ...diagnostics]);
        emit(options.output, JSON.stringify(dealJsonSchema(loaded.playbook, resolved), null, 2) + '\n');
      }),
    );
}
