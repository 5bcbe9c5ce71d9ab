/** Text given once for every language, or per language: `"x"` or `{zh: "…", en: "…"}`. */
import { z } from 'zod';
import { isMapping } from '../yaml/mapping.js';

export const LANGS = ['zh', 'en'] as const;
export type LibraryLang = (typeof LANGS)[number];

export const localizedSchema = z.union([
  z.string().min(1),
  z
    .object({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })
    .strict()
    .refine((v) => v.zh !== undefined || v.en !== undefined, { message: 'give at least one of zh, en' }),
]);

export type Localized = z.infer<typeof localizedSchema>;

/**
 * Deal-data text for a document in `langs`: one string for every language, or per language
 * with each of `langs` given (`{zh: …}` alone cannot fill the English text).
 */
export function localizedFor(langs: readonly string[]): z.ZodType<Localized> {
  const text = z.string().min(1);
  const shape = Object.fromEntries(LANGS.map((l) => [l, langs.includes(l) ? text : text.optional()]));
  return z.union([text, z.object(shape).strict()]) as unknown as z.ZodType<Localized>;
}

/** The languages of `langs` a per-language value does not give (none for a plain string). */
export function missingLanguages(value: unknown, langs: readonly string[]): string[] {
  if (!isMapping(value)) return [];
  return langs.filter((l) => typeof value[l] !== 'string' || value[l] === '');
}

/** Both languages required: used for titles and labels of library content. */
export const bilingualSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;

/** The text for `lang`, or undefined when the value has none for it. */
export function pick(value: Localized | undefined, lang: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return (value as Record<string, string | undefined>)[lang];
}
