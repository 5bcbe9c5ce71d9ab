// tsc writes dist/cli/main.js without the executable bit; `npx clausewright`
// in a fresh clone runs that file directly and needs it (chmod is a no-op on Windows).
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
