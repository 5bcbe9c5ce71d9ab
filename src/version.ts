/** The package version, read once from package.json next to dist/ and src/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;
export const GENERATOR = `clausewright ${VERSION}`;
