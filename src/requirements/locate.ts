/** Finding the requirements matrix on disk. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * Candidates in order: an explicit path, $CLAUSEWRIGHT_MATRIX, then the shared
 * reference folder beside the repository (where the research lives).
 */
export function findMatrix(explicit?: string): string | undefined {
  const candidates = [
    explicit,
    process.env.CLAUSEWRIGHT_MATRIX,
    resolve(PACKAGE_ROOT, '..', 'shared', 'reference', 'requirements-matrix.md'),
    resolve(PACKAGE_ROOT, 'reference', 'requirements-matrix.md'),
  ].filter((c): c is string => Boolean(c));
  if (explicit) return explicit;
  return candidates.find((c) => existsSync(c));
}
