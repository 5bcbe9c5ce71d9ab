#!/usr/bin/env node
// `npm start`: assemble the three example agreements into out/ in every
// language and format, using the built library (dist/). Exits non-zero and
// prints every problem if an example does not assemble.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { assembleFiles, write, InputError, formatDiagnostic } from '../dist/index.js';

const DATE = process.env.CLAUSEWRIGHT_DATE ?? '2026-01-01';
const PLAYBOOKS = ['aigc-user-agreement', 'data-trade-agreement', 'model-licence-agreement'];
const TEXT_FORMATS = ['md', 'html', 'json'];
const out = 'out';
mkdirSync(out, { recursive: true });

let docxAvailable = true;
try {
  await import('../dist/writers/docx/index.js');
} catch {
  docxAvailable = false;
}

const written = [];
let failed = false;
for (const id of PLAYBOOKS) {
  for (const lang of ['zh', 'en', 'zh+en']) {
    try {
      const { document, warnings } = assembleFiles({ playbook: `playbooks/${id}.yaml`, data: `examples/${id}.yaml`, lang, date: DATE });
      for (const w of warnings) process.stderr.write(formatDiagnostic(w) + '\n');
      const formats = [...TEXT_FORMATS, ...(docxAvailable ? ['docx'] : [])];
      for (const format of formats) {
        const result = await write(format, document, { date: DATE });
        const file = join(out, `${id}.${lang.replace('+', '-')}.${format}`);
        writeFileSync(file + '.tmp', result.output);
        renameSync(file + '.tmp', file);
        written.push(file);
      }
    } catch (cause) {
      failed = true;
      if (cause instanceof InputError) process.stderr.write(`${id} (${lang}):\n${cause.message}\n`);
      else throw cause;
    }
  }
}
process.stdout.write(`Assembled ${written.length} files into ${out}/:\n${written.map((f) => '  ' + f).join('\n')}\n`);
if (!docxAvailable) process.stdout.write('(DOCX writer not built; DOCX files skipped)\n');
if (failed) process.exit(2);
