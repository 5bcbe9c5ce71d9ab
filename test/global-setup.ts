/**
 * Build dist/ once before any test file runs: CLI tests run the built
 * command, and a build racing with running tests would make them flaky.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // As `npm run build` does: the bin must run on its own, as `npx clausewright` runs it.
  execFileSync(process.execPath, [join(root, 'scripts/make-bin-executable.js')], { cwd: root, stdio: 'inherit' });
}
