/**
 * File effects for the CLI: reading inputs with clear errors, and writing
 * outputs atomically (temp file + rename) so a failed run never leaves a
 * half-written file behind.
 */
import { statSync, type Stats } from 'node:fs';
import { InputError, error } from '../diagnostics.js';
import { writeOutputAtomic } from '../fs/atomic.js';
import { readUserFile } from '../fs/read.js';

export { writeOutputAtomic };

/** Read a file the user named; a missing or unreadable file is bad input (exit 2). */
export function readInput(file: string, what = 'input file'): Buffer {
  return readUserFile(file, what);
}

/** Write to a file atomically, or to stdout when no file is given. */
export function emit(file: string | undefined, content: string | Uint8Array): void {
  if (file) writeOutputAtomic(file, content);
  else process.stdout.write(content);
}

/**
 * Refuse an output file that is one of the inputs (the same file by any name or link):
 * `redline ours.md theirs.md -o ours.md` would replace our agreement with the redline.
 * @throws InputError 'output-is-input'
 */
export function refuseOutputOverInput(output: string | undefined, inputs: Readonly<Record<string, string | undefined>>): void {
  const out = statIfAny(output);
  if (!out?.isFile()) return;
  for (const [what, input] of Object.entries(inputs)) {
    const file = statIfAny(input);
    if (file && file.dev === out.dev && file.ino === out.ino) {
      throw new InputError([error('output-is-input', `-o ${output} is ${what} ${input}: writing there would replace it; name another output file`, { file: output })]);
    }
  }
}

/** A file's status, or undefined where there is none to have (missing, a path through a file…): reading and writing say why. */
function statIfAny(file: string | undefined): Stats | undefined {
  try {
    return file === undefined ? undefined : statSync(file);
  } catch {
    return undefined;
  }
}
