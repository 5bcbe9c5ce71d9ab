/**
 * A playbook assembled without `--data` mostly fails for want of deal data: say that
 * first, and how to give it, above the list of each value missing.
 */
import { InputError, error } from '../diagnostics.js';

/** What a playbook reports when the deal data lacks a value (playbook/assemble.ts). */
const MISSING_DATA = new Set(['variable-missing', 'party-missing']);

/** Run an assembly; with no deal file given, missing values get one leading `data-required` error. */
export function withDealDataHint<T>(playbook: string, dataFile: string | undefined, assemble: () => T): T {
  try {
    return assemble();
  } catch (cause) {
    if (dataFile !== undefined || !(cause instanceof InputError) || !cause.diagnostics.some((d) => MISSING_DATA.has(d.code))) throw cause;
    const hint = error('data-required', `no deal data given for ${playbook}: name a deal file with --data (clausewright schema ${playbook} describes what it holds)`);
    throw new InputError([hint, ...cause.diagnostics]);
  }
}
