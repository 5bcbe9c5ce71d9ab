/** Finding the requirements matrix on disk. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * An explicit path, else $CLAUSEWRIGHT_MATRIX, else the first found of the shared
 * reference folder beside the repository (where the research lives) and the package's.
 * A path the user named is returned found or not, so reading it says it is missing: a
 * mistyped $CLAUSEWRIGHT_MATRIX was passed over for the default matrix, unsaid.
 */
export function findMatrix(explicit?: string): string | undefined {
  const named = explicit || process.env.CLAUSEWRIGHT_MATRIX;
  if (named) return named;
  const candidates = [resolve(PACKAGE_ROOT, '..', 'shared', 'reference', 'requirements-matrix.md'), resolve(PACKAGE_ROOT, 'reference', 'requirements-matrix.md')];
  return candidates.find((c) => existsSync(c));
}
