/** `clausewright schema <playbook>`: JSON Schema of the playbook's deal data. */
import type { Command } from 'commander';
import { throwIfErrors } from '../../diagnostics.js';
import { dealJsonSchema } from '../../playbook/deal-schema.js';
import { loadForPlaybook } from '../../playbook/files.js';
import { resolvePlaybook } from '../../playbook/namespace.js';
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
      action((playbook: string, options: { output?: string; clauses?: string }) => {
        const loaded = loadForPlaybook({ playbook, ...(options.clauses ? { clauses: options.clauses } : {}) });
        const { resolved, diagnostics } = resolvePlaybook(loaded.playbook, loaded.library);
        throwIfErrors([...loaded.diagnostics, ...diagnostics]);
        emit(options.output, JSON.stringify(dealJsonSchema(loaded.playbook, resolved), null, 2) + '\n');
      }),
    );
}
