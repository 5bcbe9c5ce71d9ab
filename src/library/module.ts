/**
 * Reads one clause module file (`clauses/<id>.md`): YAML front matter, a
 * `# Guidance` section and `# Variant: <id>` sections with `## zh` / `## en`
 * texts. Pure: takes the file text, returns the module and diagnostics.
 */
import { createHash } from 'node:crypto';
import { error, type Diagnostic } from '../diagnostics.js';
import type { ContractType } from './contract-types.js';
import type { Bilingual } from './localized.js';
import type { z } from 'zod';
import { ID_PATTERN, frontMatterSchema, variantMetaSchema, type FrontMatter } from './module-schema.js';
import { zodDiagnostics } from './zod-diagnostics.js';
import { parseYaml } from '../yaml/parse.js';
import { isMapping } from '../yaml/mapping.js';
import { variableNameSchema, variableSpecSchema, type Variables } from './variables.js';
import { moduleRules, type ModuleRule } from './module-rules.js';

export interface VariantText {
  source: string;
  /** 1-based line in the module file where the text starts. */
  line: number;
}

export interface Variant {
  id: string;
  label?: Bilingual;
  summary?: string;
  /** The contract types it is written for (front matter `types`); undefined: any type. */
  types?: ContractType[];
  text: Partial<Record<string, VariantText>>;
  line: number;
}

export interface ClauseModule {
  id: string;
  version: string;
  title: Bilingual;
  requirements: string[];
  variables: Variables;
  variants: Variant[];
  /** Rules between its number variables that every deal must keep (front matter `rules`). */
  rules: ModuleRule[];
  guidance: string;
  file: string;
  /** sha256 hex of the file as read. */
  hash: string;
  /** Line of each front-matter field path, for later diagnostics. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * `module`: the module, when its front matter is valid. `partial`: when it is not, the module
 * as far as it could be read anyway — its body, and the front-matter fields that are valid
 * on their own — so that lint reports its other problems in the same run. A partial module
 * is never drafted: the library lists it as broken.
 */
export function parseClauseModule(text: string, file: string): { module?: ClauseModule; partial?: ClauseModule; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { diagnostics: [error('module-front-matter', 'a clause module starts with YAML front matter between --- lines', { file, line: 1 })] };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    return { diagnostics: [error('module-front-matter', 'the front matter is not closed by a --- line', { file, line: 1 })] };
  }
  const yaml = parseYaml(lines.slice(1, close).join('\n'), file, 1);
  diagnostics.push(...yaml.diagnostics);
  const parsed = yaml.diagnostics.length > 0 ? undefined : frontMatterSchema.safeParse(yaml.value ?? {});
  if (parsed && !parsed.success) diagnostics.push(...zodDiagnostics(parsed.error, file, yaml.lineOf, 'module-field'));
  const expectedId = /([^/\\]+)\.md$/.exec(file)?.[1];
  let meta: FrontMatter;
  /** Ids of the variants the front matter describes (their metadata may be invalid). */
  let described: string[];
  if (parsed?.success) {
    meta = parsed.data;
    described = Object.keys(meta.variants);
  } else {
    // The body is read past a front-matter error only when it is certain where the body starts:
    // a module heading inside the front matter (a lost closing ---) would leave the real body
    // unread, and every problem reported of it would be invented.
    if (lines.slice(1, close).some((l) => MODULE_HEADING.test(l))) return { diagnostics };
    ({ meta, described } = salvage(yaml.value, expectedId ?? 'module'));
  }
  if (expectedId && expectedId !== meta.id) {
    diagnostics.push(error('module-id', `module id "${meta.id}" does not match its file name ${expectedId}.md`, { file, line: yaml.lineOf(['id']), path: ['id'] }));
  }

  const body = sections(lines, close + 1, file, diagnostics);
  const variants: Variant[] = body.variants.map((v) => {
    const m = meta.variants[v.id];
    return { ...v, ...(m?.label ? { label: m.label } : {}), ...(m?.summary ? { summary: m.summary } : {}), ...(m?.types ? { types: m.types } : {}) };
  });
  for (const id of described) {
    if (!variants.some((v) => v.id === id)) {
      diagnostics.push(error('variant-missing', `front matter describes variant "${id}" but there is no "# Variant: ${id}" section`, { file, line: yaml.lineOf(['variants', id]), path: ['variants', id] }));
    }
  }
  if (variants.length === 0) {
    // No module rather than one without text: every step after this takes a module's first variant as its default.
    diagnostics.push(error('variant-missing', 'a clause module needs at least one "# Variant: <id>" section', { file }));
    return { diagnostics };
  }

  const rules = moduleRules(meta.rules, meta.variables, variants, { file, lineOf: yaml.lineOf }, diagnostics);
  const module: ClauseModule = {
    id: meta.id,
    version: meta.version,
    title: meta.title,
    requirements: meta.requirements,
    variables: meta.variables,
    variants,
    rules,
    guidance: body.guidance,
    file,
    hash: sha256(text),
    lineOf: yaml.lineOf,
  };
  return parsed?.success ? { module, diagnostics } : { partial: module, diagnostics };
}

/**
 * What of invalid front matter can be used to read the rest of the module: each field that is
 * valid on its own, each variable whose name and declaration are valid. A field that is not
 * is left empty, so nothing is said about it beyond its own error: no requirement id checked,
 * no variable called unused, no variant called missing. The id falls back to the file name.
 */
function salvage(value: unknown, fileId: string): { meta: FrontMatter; described: string[] } {
  const raw = isMapping(value) ? value : {};
  const field = <T>(schema: z.ZodType<T>, v: unknown, fallback: T): T => {
    const checked = schema.safeParse(v);
    return checked.success ? checked.data : fallback;
  };
  const shape = frontMatterSchema.shape;
  const variables: Variables = {};
  if (isMapping(raw.variables)) {
    for (const [name, spec] of Object.entries(raw.variables)) {
      const checked = variableSpecSchema.safeParse(spec);
      if (variableNameSchema.safeParse(name).success && checked.success) variables[name] = checked.data;
    }
  }
  const variants: FrontMatter['variants'] = {};
  if (isMapping(raw.variants)) {
    for (const [id, m] of Object.entries(raw.variants)) {
      const checked = variantMetaSchema.safeParse(m ?? {});
      if (checked.success) variants[id] = checked.data;
    }
  }
  return {
    meta: {
      id: field(shape.id, raw.id, fileId),
      version: field(shape.version, raw.version, ''),
      title: field(shape.title, raw.title, { zh: '', en: '' }),
      requirements: field(shape.requirements, raw.requirements, []),
      variables,
      // A rule needs its variables and variants checked with it: left out, it says nothing of them.
      rules: [],
      variants,
    },
    // A variant id that is not kebab-case has its own error; "no such section" could be a follow-on of it.
    described: isMapping(raw.variants) ? Object.keys(raw.variants).filter((id) => ID_PATTERN.test(id)) : [],
  };
}

const H1 = /^#\s+(.*?)\s*$/;
/** A heading of a module's body (not a YAML comment such as "# rates agreed in 2025"). */
const MODULE_HEADING = /^(#\s+(guidance|variant:.*)|##\s+(zh|en))\s*$/i;
const H2 = /^##\s+(.*?)\s*$/;

function sections(lines: string[], start: number, file: string, diagnostics: Diagnostic[]) {
  let guidance: string | undefined;
  const variants: Omit<Variant, 'label' | 'summary' | 'types'>[] = [];
  let mode: 'none' | 'guidance' | 'variant' = 'none';
  let lang: string | undefined;
  /** Inside a "## …" section of a variant that is neither zh nor en (reported at its heading). */
  let unknownSection = false;
  let buffer: string[] = [];
  let bufferLine = 0;
  const flush = () => {
    const text = trimBlankLines(buffer);
    if (mode === 'guidance') guidance = text.text;
    if (mode === 'variant' && lang) {
      const variant = variants.at(-1)!;
      if (!text.text) diagnostics.push(error('variant-empty', `variant "${variant.id}" has no ${lang} text`, { file, line: bufferLine }));
      variant.text[lang] = { source: text.text, line: bufferLine + text.skipped };
    }
    buffer = [];
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const h1 = H1.exec(line);
    const h2 = H2.exec(line);
    if (h1) {
      flush();
      lang = undefined;
      unknownSection = false;
      const title = h1[1]!;
      const variant = /^variant:\s*(\S+)$/i.exec(title);
      if (/^guidance$/i.test(title)) {
        if (guidance !== undefined) diagnostics.push(error('module-section', 'only one "# Guidance" section is allowed', { file, line: lineNo }));
        mode = 'guidance';
        bufferLine = lineNo + 1;
      } else if (variant) {
        const id = variant[1]!;
        if (!ID_PATTERN.test(id)) diagnostics.push(error('variant-id', `variant id "${id}" must be kebab-case`, { file, line: lineNo }));
        if (variants.some((v) => v.id === id)) diagnostics.push(error('variant-duplicate', `variant "${id}" is defined twice`, { file, line: lineNo }));
        variants.push({ id, text: {}, line: lineNo });
        mode = 'variant';
      } else {
        diagnostics.push(error('module-section', `unexpected section "# ${title}": use "# Guidance" or "# Variant: <id>"`, { file, line: lineNo }));
        mode = 'none';
      }
    } else if (h2 && mode === 'variant') {
      flush();
      unknownSection = false;
      const l = h2[1]!.toLowerCase();
      if (l !== 'zh' && l !== 'en') {
        diagnostics.push(error('module-section', `unexpected "## ${h2[1]}" in a variant: use "## zh" and "## en"`, { file, line: lineNo }));
        lang = undefined;
        // Its text is that section's, already reported: not "outside a section" line by line.
        unknownSection = true;
      } else {
        if (variants.at(-1)!.text[l]) diagnostics.push(error('variant-duplicate', `variant "${variants.at(-1)!.id}" has two "## ${l}" sections`, { file, line: lineNo }));
        lang = l;
      }
      bufferLine = lineNo + 1;
    } else if (mode === 'guidance' || (mode === 'variant' && lang)) {
      buffer.push(line);
    } else if (line.trim() !== '' && mode === 'variant' && !unknownSection) {
      diagnostics.push(error('module-section', 'text outside a "## zh" or "## en" section', { file, line: lineNo }));
    }
  }
  flush();
  for (const variant of variants) {
    for (const l of ['zh', 'en']) {
      if (!variant.text[l]) diagnostics.push(error('variant-language', `variant "${variant.id}" has no "## ${l}" text`, { file, line: variant.line }));
    }
  }
  if (guidance === undefined) diagnostics.push(error('guidance-missing', 'a clause module needs a "# Guidance" section for counsel', { file }));
  return { guidance: guidance ?? '', variants };
}

function trimBlankLines(lines: string[]): { text: string; skipped: number } {
  let startIdx = 0;
  while (startIdx < lines.length && lines[startIdx]!.trim() === '') startIdx++;
  let end = lines.length;
  while (end > startIdx && lines[end - 1]!.trim() === '') end--;
  return { text: lines.slice(startIdx, end).join('\n'), skipped: startIdx };
}
