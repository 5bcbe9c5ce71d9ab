/** Parse a playbook file: YAML → zod-validated spec, with line-numbered errors. */
import { error, type Diagnostic } from '../diagnostics.js';
import { zodDiagnostics } from '../library/zod-diagnostics.js';
import { isMapping } from '../yaml/mapping.js';
import { parseYaml } from '../yaml/parse.js';
import { playbookSchema, type PlaybookSpec } from './schema.js';
import { sha256 } from '../library/module.js';

export interface Playbook {
  spec: PlaybookSpec;
  file: string;
  hash: string;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export function parsePlaybook(text: string, file: string): { playbook?: Playbook; diagnostics: Diagnostic[] } {
  const yaml = parseYaml(text, file);
  if (yaml.diagnostics.length > 0) return { diagnostics: yaml.diagnostics };
  if (!isMapping(yaml.value)) {
    return { diagnostics: [error('playbook-shape', 'a playbook is a YAML mapping (id, version, title, parties, parts, …)', { file, line: 1 })] };
  }
  const parsed = playbookSchema.safeParse(yaml.value);
  if (!parsed.success) {
    const problems = zodDiagnostics(parsed.error, file, yaml.lineOf, 'playbook-field');
    // Said first: each field error alone would not tell someone who swapped the two files.
    return { diagnostics: looksLikeDealData(yaml.value) ? [error('playbook-is-deal-data', `${file} reads as deal data, not a playbook: give the playbook (playbooks/<name>.yaml) where the playbook goes, and this file with --data ${file}`, { file, line: 1 }), ...problems] : problems };
  }
  const expectedId = /([^/\\]+)\.ya?ml$/.exec(file)?.[1];
  const diagnostics: Diagnostic[] = [];
  if (expectedId && expectedId !== parsed.data.id) {
    diagnostics.push(error('playbook-id', `playbook id "${parsed.data.id}" does not match its file name ${expectedId}.yaml`, { file, line: yaml.lineOf(['id']), path: ['id'] }));
  }
  return { playbook: { spec: parsed.data, file, hash: sha256(text), lineOf: yaml.lineOf }, diagnostics };
}

/** Deal data's shape: parties as a mapping of names, no parts, no playbook id. */
function looksLikeDealData(value: Record<string, unknown>): boolean {
  return value.parts === undefined && value.id === undefined && isMapping(value.parties);
}
