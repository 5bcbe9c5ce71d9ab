/**
 * Library lint: rules over clause modules that need no deal data.
 * - zh and en of each variant use the same variables;
 * - text is not left untranslated (Han characters in English, none in Chinese);
 * - the mustache of each text is well formed, and no {#anchor} is written twice in one text;
 * - zh and en have the same shape: as many numbered paragraphs, each with as many list items
   (a bilingual agreement pairs them by position, and numbers them alike);
 * - requirement ids exist in the matrix.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Block } from '../model/nodes.js';
import { parseMarkup, type Unit } from './markup.js';
import type { ClauseModule, VariantText } from './module.js';
import { compileTemplate, countNewlines } from './template.js';

const HAN = /\p{Script=Han}/u;

export function lintModule(module: ClauseModule, requirementIds?: Set<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const file = module.file;
  /** Variables any text uses, and whether some text could not be read for them (its mustache broken). */
  const usedAnywhere = new Set<string>();
  let unreadable = false;
  for (const variant of module.variants) {
    const used: Record<string, Set<string>> = {};
    const units: Partial<Record<'zh' | 'en', Unit[]>> = {};
    for (const lang of ['zh', 'en'] as const) {
      const text = variant.text[lang];
      // An empty text is reported where the module is read; a text whose mustache is broken is
      // reported here, once: neither is compared with the other language, as if it used nothing.
      if (!text?.source) continue;
      const compiled = compileTemplate(text.source);
      for (const use of compiled.uses) usedAnywhere.add(use.name.split('.')[0]!);
      if (compiled.problems.length > 0) {
        unreadable = true;
        for (const p of compiled.problems) diagnostics.push(error('template-syntax', p.message, { file, line: text.line + countNewlines(text.source, p.offset) }));
        continue;
      }
      units[lang] = parseMarkup(text.source, []).units;
      diagnostics.push(...duplicateAnchors(units[lang]!, text, file, `${lang} text of variant "${variant.id}"`));
      used[lang] = new Set(compiled.uses.filter((u) => u.name !== '.').map((u) => (u.equals !== undefined ? `${u.name}=${u.equals}` : u.name)));
      const literal = stripTags(text.source);
      if (lang === 'en' && HAN.test(literal)) {
        const at = text.source.split('\n').findIndex((l) => HAN.test(stripTags(l)));
        diagnostics.push(error('text-untranslated', `the en text of variant "${variant.id}" contains Chinese characters`, { file, line: text.line + Math.max(0, at) }));
      }
      if (lang === 'zh' && !HAN.test(literal)) {
        diagnostics.push(error('text-untranslated', `the zh text of variant "${variant.id}" contains no Chinese text`, { file, line: text.line }));
      }
    }
    if (used.zh && used.en) {
      const shape = differentShape({ text: variant.text.zh!, units: units.zh! }, { text: variant.text.en!, units: units.en! });
      if (shape) diagnostics.push(warning('language-structure', `variant "${variant.id}": ${shape}; a bilingual agreement pairs paragraphs and list items by position, so they would sit beside the wrong translation`, { file, line: variant.line }));
      const onlyZh = [...used.zh].filter((n) => !used.en!.has(n));
      const onlyEn = [...used.en].filter((n) => !used.zh!.has(n));
      if (onlyZh.length || onlyEn.length) {
        const parts = [onlyZh.length ? `only zh uses ${onlyZh.join(', ')}` : '', onlyEn.length ? `only en uses ${onlyEn.join(', ')}` : ''].filter(Boolean);
        diagnostics.push(error('language-variables', `variant "${variant.id}": zh and en must use the same variables; ${parts.join('; ')}`, { file, line: variant.line }));
      }
    }
  }
  for (const name of Object.keys(module.variables)) {
    // A text whose mustache is broken may well use it: that text's error says what to fix.
    if (!usedAnywhere.has(name) && !unreadable) {
      diagnostics.push({ severity: 'warning', code: 'variable-unused', message: `variable "${name}" is declared but no variant uses it`, file, line: module.lineOf(['variables', name]), path: ['variables', name] });
    }
  }
  if (requirementIds) {
    module.requirements.forEach((id, i) => {
      if (!requirementIds.has(id)) diagnostics.push(error('requirement-unknown', `requirement "${id}" is not in the requirements matrix`, { file, line: module.lineOf(['requirements', i]), path: ['requirements', i] }));
    });
  }
  return diagnostics;
}

/** Template text without mustache tags and markup brackets, for language checks. */
function stripTags(source: string): string {
  return source.replace(/\{\{[^}]*\}\}\}?/g, '').replace(/\[\[#[^\]]*\]\]/g, '');
}

/** List items in blocks, nested ones included. */
function listItems(blocks: readonly Block[]): number {
  let n = 0;
  for (const block of blocks) if (block.type === 'list') for (const item of block.children) n += 1 + listItems(item.children);
  return n;
}

/** A text with its numbered units (parseMarkup), read once for every rule that needs them. */
interface Parsed {
  text: VariantText;
  units: Unit[];
}

/** How the zh and en texts differ in numbered paragraphs or list items, or undefined when alike. */
function differentShape(zh: Parsed, en: Parsed): string | undefined {
  if (zh.units.length !== en.units.length) return `the zh text has ${zh.units.length} numbered paragraphs and the en text ${en.units.length}`;
  for (let k = 0; k < zh.units.length; k++) {
    const items = { zh: listItems(zh.units[k]!.blocks), en: listItems(en.units[k]!.blocks) };
    if (items.zh !== items.en) return `paragraph ${k + 1} has ${items.zh} list items in zh (line ${zh.text.line + zh.units[k]!.line}) and ${items.en} in en (line ${en.text.line + en.units[k]!.line})`;
  }
  return undefined;
}

/** `{#anchor}` written twice in one text: a cross-reference to it could only reach the first. */
function duplicateAnchors(units: readonly Unit[], text: VariantText, file: string, what: string): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const unit of units) {
    if (!unit.anchor) continue;
    const line = text.line + unit.line;
    const first = seen.get(unit.anchor);
    if (first === undefined) seen.set(unit.anchor, line);
    else out.push(error('anchor-duplicate', `anchor {#${unit.anchor}} appears twice in the ${what} (first at line ${first}); give each sub-clause its own anchor`, { file, line }));
  }
  return out;
}
