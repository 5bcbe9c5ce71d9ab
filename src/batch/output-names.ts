/**
 * Where batch mode writes each deal file's agreement: `<out-dir>/<deal>.<lang>.<format>`,
 * and which deal files would be written over one another.
 */
import { basename, join, resolve } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import type { AssemblyLang } from '../playbook/assemble.js';
import type { Format } from '../writers/formats.js';

export interface OutputNaming {
  lang: AssemblyLang;
  format: Format;
  outDir: string;
}

/** `customers/acme.yaml` → `<out-dir>/acme.zh-en.docx`. */
export function outputName(dataFile: string, settings: OutputNaming): string {
  return join(settings.outDir, `${basename(dataFile).replace(/\.(ya?ml|json)$/i, '')}.${settings.lang.replace('+', '-')}.${settings.format}`);
}

/**
 * Deal files whose agreements would land on one file: one name in two folders
 * (`a/deal.yaml`, `b/deal.yaml`), `acme.yaml` beside `acme.json`, or one file given
 * twice; or whose agreement would be written over a deal file. Each such file is named
 * with the one it clashes with, so nothing is silently written over.
 */
export function outputClashes(dataFiles: readonly string[], settings: OutputNaming): Diagnostic[] {
  const firstFor = new Map<string, string>();
  const clashes: Diagnostic[] = [];
  // `--format json --out-dir deals` beside deals/acme.json and deals/acme.zh.json: one deal's agreement would replace the other deal.
  const inputs = new Map(dataFiles.map((file) => [resolve(file), file]));
  for (const file of dataFiles) {
    const output = outputName(file, settings);
    const input = inputs.get(resolve(output));
    if (input !== undefined) {
      clashes.push(error('batch-output-is-input', `the agreement of ${file} would be written to ${output}, which is the deal file ${input}: choose another --out-dir`, { file }));
      continue;
    }
    const earlier = firstFor.get(resolve(output));
    if (earlier === undefined) {
      firstFor.set(resolve(output), file);
      continue;
    }
    const message =
      resolve(earlier) === resolve(file)
        ? `${file} is given twice; give each deal file once`
        : `${earlier} and ${file} would both be written to ${output}: rename one, or draft them in two runs with different --out-dir folders`;
    clashes.push(error('batch-output-clash', message, { file }));
  }
  return clashes;
}
