#!/usr/bin/env node
/**
 * clausewright command line: parses arguments, reads files, calls the library,
 * prints. Nothing here knows about clause text or document formats.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { EXIT_INPUT } from './run.js';
import { VERSION } from '../version.js';

export function createProgram(): Command {
  const program = new Command();
  program
    .name('clausewright')
    .description(
      'Assemble contracts from a versioned library of bilingual clause modules according to playbooks, ' +
        'and redline counterparty drafts against our text.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nRun "clausewright <command> --help" for a command\'s options and examples. Exit codes: 0 ok, 2 bad input, 1 internal error, 3 changes found (redline --exit-code).')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

// `clausewright assemble … | head` closes our stdout early: that is not an error.
process.stdout.on('error', (cause: NodeJS.ErrnoException) => {
  if (cause.code === 'EPIPE') process.exit(0);
  throw cause;
});

async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (cause) {
    if (cause instanceof CommanderError) {
      // Usage errors are bad input; --help and --version exit 0.
      process.exitCode = cause.exitCode === 0 ? 0 : EXIT_INPUT;
      return;
    }
    throw cause;
  }
}

await main(process.argv);
