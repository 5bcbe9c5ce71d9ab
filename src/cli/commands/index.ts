/** Every CLI command registers itself here; one line per command. */
import type { Command } from 'commander';
import { registerAssemble } from './assemble.js';
import { registerCheck } from './check.js';
import { registerList } from './list.js';
import { registerSchema } from './schema.js';
import { registerInspect } from './inspect.js';
import { registerRedline } from './redline.js';

export type Register = (program: Command) => void;

export const commands: Register[] = [registerAssemble, registerCheck, registerSchema, registerList];
commands.push(registerInspect);
commands.push(registerRedline);
