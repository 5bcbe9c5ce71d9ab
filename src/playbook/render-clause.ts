/**
 * One included clause module → one model Clause in one language: render the
 * variant's mustache text with the deal values, parse the clause markup, and
 * split several paragraphs into numbered sub-clauses.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { pick, type Localized } from '../library/localized.js';
import { parseMarkup } from '../library/markup.js';
import type { ClauseModule, Variant } from '../library/module.js';
import { compileTemplate, countNewlines, renderTemplate } from '../library/template.js';
import { enumValues, formatValue, type VariableSpec } from '../library/variables.js';
import type { Clause, Inline } from '../model/nodes.js';
import type { PartyData } from './data.js';

export interface RenderInput {
  module: ClauseModule;
  variant: Variant;
  lang: string;
  title?: string;
  /** Variables visible to this clause: the module's and the playbook's. */
  specs: (name: string) => VariableSpec | undefined;
  values: Record<string, unknown>;
  parties: Record<string, PartyData>;
  partyIds: string[];
  /** Where deal values come from, for "no text in this language" errors. */
  dataFile?: string;
}

export function renderClause(input: RenderInput): { clause?: Clause; diagnostics: Diagnostic[] } {
  const { module, variant, lang } = input;
  const diagnostics: Diagnostic[] = [];
  const text = variant.text[lang];
  if (!text) {
    return { diagnostics: [error('variant-language', `variant "${variant.id}" has no ${lang} text`, { file: module.file, line: variant.line })] };
  }
  const lineAt = (offset: number) => text.line + countNewlines(text.source, offset);
  const compiled = compileTemplate(text.source);
  for (const p of compiled.problems) diagnostics.push(error('template-syntax', p.message, { file: module.file, line: lineAt(p.offset) }));
  for (const use of compiled.uses) {
    const problem = checkUse(use.name, use.equals, use.inSection, input);
    if (problem) diagnostics.push(error(problem.code, problem.message, { file: module.file, line: lineAt(use.offset) }));
  }
  if (diagnostics.length > 0) return { diagnostics };

  const scope = {
    lookup: (root: string) => (root === 'parties' ? partiesScope(input.parties) : input.values[root]),
    print: (name: string, value: unknown) => {
      const spec = name.includes('.') ? undefined : input.specs(name);
      if (spec) return formatValue(spec, value, lang);
      if (typeof value === 'number') return String(value);
      if (typeof value === 'string' || (value !== null && typeof value === 'object')) return pick(value as Localized, lang);
      return String(value);
    },
  };
  const rendered = renderTemplate(compiled, scope);
  for (const p of rendered.problems) {
    diagnostics.push(error('variable-language', `${p.message} (${lang}); give it as {zh: …, en: …}`, { file: input.dataFile ?? module.file, line: lineAt(p.offset) }));
  }
  const { units, problems } = parseMarkup(rendered.text, rendered.values);
  for (const p of problems) diagnostics.push(error('markup-syntax', p.message, { file: module.file, line: text.line + p.line }));
  if (units.length === 0) diagnostics.push(error('variant-empty', `variant "${variant.id}" renders to no text in ${lang} with this deal data`, { file: module.file, line: text.line }));

  const heading: Inline[] = [{ type: 'text', value: input.title ?? module.title[lang as 'zh' | 'en'] }];
  const clause: Clause = {
    type: 'clause',
    id: module.id,
    heading,
    children: [],
    clauses: [],
    source: { module: module.id, version: module.version, variant: variant.id, hash: module.hash },
    position: { file: module.file, line: text.line },
  };
  if (units.length === 1 && !units[0]!.anchor) clause.children = units[0]!.blocks;
  else {
    clause.clauses = units.map((unit, i) => ({
      type: 'clause',
      id: `${module.id}#${unit.anchor ?? i + 1}`,
      children: unit.blocks,
      clauses: [],
      position: { file: module.file, line: text.line + unit.line },
    }));
  }
  return { clause, diagnostics };
}

/** Whether a template use is declared; a problem otherwise. Shared with the static `check`. */
export function checkUse(name: string, equals: string | undefined, inSection: boolean, input: Pick<RenderInput, 'specs' | 'partyIds'>): { code: string; message: string } | undefined {
  if (name === '.') return inSection ? undefined : { code: 'template-variable', message: '{{.}} is only meaningful inside a list section' };
  const [root, ...rest] = name.split('.');
  if (root === 'parties') {
    const [id, field] = rest;
    if (!id || !input.partyIds.includes(id)) return { code: 'template-variable', message: `template uses unknown party "${id ?? ''}" in {{${name}}} (parties: ${input.partyIds.join(', ')})` };
    if (field !== 'name' || rest.length !== 2) return { code: 'template-variable', message: `write {{parties.${id}.name}}; {{${name}}} is not available` };
    return undefined;
  }
  const spec = input.specs(root!);
  if (!spec) {
    return { code: 'template-variable', message: `template uses undeclared variable "${root}"; declare it in the module's front matter` };
  }
  if (rest.length > 0) return { code: 'template-variable', message: `variable "${root}" is a ${spec.type}; {{${name}}} has no fields` };
  if (equals !== undefined) {
    if (spec.type !== 'enum') return { code: 'template-variable', message: `{{#${name}=${equals}}} compares a ${spec.type}; only enum variables can be compared` };
    const values = enumValues(spec);
    if (!values.includes(equals)) return { code: 'template-variable', message: `enum "${root}" has no value "${equals}" (values: ${values.join(', ')})` };
  }
  return undefined;
}

function partiesScope(parties: Record<string, PartyData>): Record<string, { name?: Localized }> {
  const out: Record<string, { name?: Localized }> = {};
  for (const [id, data] of Object.entries(parties)) out[id] = data.name !== undefined ? { name: data.name } : {};
  return out;
}
