#!/usr/bin/env node
// `npm run bench -- <name>`: run one benchmark (or all). Each benchmark runs
// our code and its peers in the same process or run and prints ratios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  assemble: 'assemble.mjs',
  redline: 'redline.mjs',
};
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
let status = 0;
for (const name of names) {
  const file = BENCHES[name];
  if (!file) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) {
    console.error(`benchmark ${name} is missing (${file})`);
    status = 1;
    continue;
  }
  console.log(`\n### benchmark: ${name}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', path, ...process.argv.slice(2).filter((a) => a.startsWith('-'))], { stdio: 'inherit' });
  if (run.status !== 0) status = run.status ?? 1;
}
process.exit(status);
