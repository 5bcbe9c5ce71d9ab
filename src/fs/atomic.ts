/** Atomic file output: write a temp file beside the target, then rename. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, error } from '../diagnostics.js';

/**
 * Write `content` to `file` atomically: the file either appears complete or not at all.
 * @throws InputError 'output-unwritable' naming the file and why (a folder, no permission,
 * a disk full…): a path the user chose, so bad input, not an internal error with a stack trace
 */
export function writeOutputAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    makeFolders(dir);
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (cause) {
    removeIfThere(temp);
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError([error('output-unwritable', `cannot write ${file}: ${REASONS[code ?? ''] ?? `${code ?? String(cause)}`}; nothing was written`, { file })]);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder; name a file in it',
  ENOTDIR: 'part of its path is a file, not a folder',
  EEXIST: 'part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'its folder cannot be created there',
};

/**
 * `mkdir -p`, one folder at a time. Node's recursive mkdir spins forever (100% CPU, no
 * error) where a folder exists but refuses a new child with ENOENT, as /proc does; one
 * level at a time, that is an error. A folder another worker made meanwhile is fine.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (cause) {
      if (!((cause as NodeJS.ErrnoException).code === 'EEXIST' && statSync(d, { throwIfNoEntry: false })?.isDirectory())) throw cause;
    }
  }
}

/** Remove a temp file if it was made; where it could not be (a path through a file), there is none. */
function removeIfThere(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing was made there
  }
}
