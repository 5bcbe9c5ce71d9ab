/** zod issues → diagnostics that name the file, the YAML line and the field path. */
import type { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics.js';

export function zodDiagnostics(
  failure: z.ZodError,
  file: string,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
  code: string,
): Diagnostic[] {
  return failure.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as (string | number)[];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      const line = lineOf([...path, issue.keys[0]!]);
      return error(code, message, { file, ...(line ? { line } : {}), path: [...path, issue.keys[0]!] });
    }
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      message = `missing required field "${String(path.at(-1))}"`;
    }
    const line = lineOf(path);
    return error(code, message, { file, ...(line ? { line } : {}), path });
  });
}
