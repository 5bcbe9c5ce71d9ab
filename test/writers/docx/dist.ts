/** Paths of the built package; test/global-setup.ts builds dist/ before the tests run. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/main.js');
