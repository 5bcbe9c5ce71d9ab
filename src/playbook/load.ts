/** Parse a playbook file: YAML → zod-validated spec, with line-numbered errors. */
import { error, type Diagnostic } from '../diagnostics.js';
import { zodDiagnostics } from '../library/zod-diagnostics.js';
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
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    return { diagnostics: [error('playbook-shape', 'a playbook is a YAML mapping (id, version, title, parties, parts, …)', { file, line: 1 })] };
  }
  const parsed = playbookSchema.safeParse(yaml.value);
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error, file, yaml.lineOf, 'playbook-field') };
  const expectedId = /([^/\\]+)\.ya?ml$/.exec(file)?.[1];
  const diagnostics: Diagnostic[] = [];
  if (expectedId && expectedId !== parsed.data.id) {
    diagnostics.push(error('playbook-id', `playbook id "${parsed.data.id}" does not match its file name ${expectedId}.yaml`, { file, line: yaml.lineOf(['id']), path: ['id'] }));
  }
  return { playbook: { spec: parsed.data, file, hash: sha256(text), lineOf: yaml.lineOf }, diagnostics };
}
