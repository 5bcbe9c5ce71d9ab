/** Every CLI command registers itself here; one line per command. */
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const commands: Register[] = [];
