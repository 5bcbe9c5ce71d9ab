/** Every CLI command registers itself here; one entry per command, in --help order. */
import type { Command } from 'commander';
import { registerAssemble } from './assemble.js';
import { registerCheck } from './check.js';
import { registerInspect } from './inspect.js';
import { registerList } from './list.js';
import { registerRedline } from './redline.js';
import { registerSchema } from './schema.js';

export type Register = (program: Command) => void;

export const commands: Register[] = [registerAssemble, registerCheck, registerRedline, registerSchema, registerList, registerInspect];
