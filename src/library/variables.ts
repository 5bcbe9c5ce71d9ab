/**
 * Typed clause variables: the YAML declaration, the zod schema that deal data
 * is checked against, and how a value prints in each language.
 */
import { z } from 'zod';
import { bilingualSchema, localizedFor, localizedSchema, pick, type Localized } from './localized.js';
import { formatDate, isValidIsoDate, joinList } from './format.js';

export { formatDate, isValidIsoDate, joinList };

export const VARIABLE_TYPES = ['string', 'text', 'number', 'boolean', 'date', 'enum', 'list'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const variableNameSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'variable names are snake_case');

export const variableSpecSchema = z
  .object({
    type: z.enum(VARIABLE_TYPES),
    label: bilingualSchema.optional(),
    description: z.string().optional(),
    required: z.boolean().optional(),
    default: z.unknown().optional(),
    /** enum only: value id → printed label per language. */
    values: z.union([z.array(z.string().min(1)).min(1), z.record(z.string(), bilingualSchema)]).optional(),
    /** number only: the least and greatest value a deal may give, and whether it must be a whole number. */
    min: z.number({ error: 'expected a number, e.g. min: 0' }).optional(),
    max: z.number({ error: 'expected a number, e.g. max: 100' }).optional(),
    integer: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    for (const key of ['min', 'max', 'integer'] as const) {
      if (spec.type !== 'number' && spec[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` is only for number variables` });
      }
    }
    const boundsAgree = spec.min === undefined || spec.max === undefined || spec.min <= spec.max;
    if (!boundsAgree) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${spec.max}) is less than min (${spec.min}): no value could be given` });
    else if (!satisfiable(spec)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `no whole number lies from min (${spec.min}) to max (${spec.max}): no value could be given` });
    }
    if (spec.type === 'enum' && spec.values === undefined) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum variable needs `values`' });
    }
    if (spec.type !== 'enum' && spec.values !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: '`values` is only for enum variables' });
    }
    if (spec.required && spec.default !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'a required variable cannot also have a default' });
    }
    if (spec.default !== undefined) {
      const checked = valueSchema(spec).safeParse(spec.default);
      const plain = spec.type === 'number' && typeof spec.default === 'number' && Number.isFinite(spec.default);
      if (!checked.success && plain && boundsAgree && satisfiable(spec)) {
        // A number, but outside what the declaration allows (with bounds that contradict each other, that one error says it).
        ctx.addIssue({ code: 'custom', path: ['default'], message: `default ${spec.default} is not allowed: the variable must be ${numberRule(spec)}` });
      } else if (!checked.success && !plain) {
        ctx.addIssue({ code: 'custom', path: ['default'], message: `default is not a valid ${spec.type}: ${checked.error.issues[0]?.message}` });
      }
    }
  });

export type VariableSpec = z.infer<typeof variableSpecSchema>;
export type Variables = Record<string, VariableSpec>;

export function enumValues(spec: VariableSpec): string[] {
  if (!spec.values) return [];
  return Array.isArray(spec.values) ? spec.values : Object.keys(spec.values);
}

/**
 * What a number variable allows, in words: "a whole number of 1 or more", "a number from 0 to
 * 100", "a number". A whole number is also one JavaScript holds exactly (at most 2^53 - 1).
 */
export function numberRule(spec: Pick<VariableSpec, 'min' | 'max' | 'integer'>): string {
  const kind = spec.integer ? 'a whole number' : 'a number';
  if (spec.min !== undefined && spec.max !== undefined) return spec.min === spec.max ? `${kind} equal to ${spec.min}` : `${kind} from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return `${kind} of ${spec.min} or more`;
  if (spec.max !== undefined) return `${kind} of at most ${spec.max}`;
  return kind;
}

/**
 * Why a finite number breaks a number variable's bounds ("must be a whole number of 1 or
 * more, not 0.5"), or undefined when it keeps them. Where only the safe-integer range zod adds
 * to a whole number refuses it, that is said too: "… of 1 or more, not 1e+30" alone baffles.
 */
export function outOfBounds(spec: VariableSpec, value: number): string | undefined {
  if (valueSchema(spec).safeParse(value).success) return undefined;
  const withinBounds = (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
  const exact = spec.integer && withinBounds && Number.isInteger(value) ? ` (at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}, which is held exactly)` : '';
  return `must be ${numberRule(spec)}${exact}, not ${value}`;
}

/** False when `integer: true` and no whole number lies from min to max. */
function satisfiable(spec: Pick<VariableSpec, 'min' | 'max' | 'integer'>): boolean {
  return !(spec.integer && spec.min !== undefined && spec.max !== undefined && Math.ceil(spec.min) > Math.floor(spec.max));
}

/** Whether a number variable has bounds (min, max or integer). */
export function isBounded(spec: VariableSpec): boolean {
  return spec.min !== undefined || spec.max !== undefined || spec.integer === true;
}

/**
 * A calendar date written YYYY-MM-DD. zod's ISO date is a pattern (leap years included), so
 * the deal JSON Schema carries it too: a refinement would be lost there, and editors would
 * take 2026/3/1 or 2026-02-30.
 */
const dateSchema = z.iso.date({ message: 'expected a date written YYYY-MM-DD' });

/**
 * The zod schema a deal-data value of this variable must satisfy. With `langs` (the
 * playbook's languages, for deal data) text given per language must give each of them.
 */
export function valueSchema(spec: VariableSpec, langs?: readonly string[]): z.ZodType {
  const text = langs ? localizedFor(langs) : localizedSchema;
  const described = <T extends z.ZodType>(schema: T): T => (spec.description ? schema.describe(spec.description) : schema);
  switch (spec.type) {
    case 'string':
    case 'text':
      return described(text);
    case 'number': {
      // zod's own checks, so the deal JSON Schema carries them (minimum, maximum, type: integer).
      let number = spec.integer ? z.number().int() : z.number();
      if (spec.min !== undefined) number = number.min(spec.min);
      if (spec.max !== undefined) number = number.max(spec.max);
      return described(number);
    }
    case 'boolean':
      return described(z.boolean());
    case 'date':
      return described(dateSchema);
    case 'enum': {
      const values = enumValues(spec);
      return described(z.enum(values as [string, ...string[]]));
    }
    case 'list':
      return described(z.array(text));
  }
}

/** Grouped digits (1,000,000) in both languages; built once, constructing it is slow. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Per-language printing of a value; `undefined` when the value lacks this language. */
export function formatValue(spec: VariableSpec, value: unknown, lang: string): string | undefined {
  switch (spec.type) {
    case 'string':
    case 'text':
      return pick(value as Localized, lang);
    case 'number':
      return NUMBER_FORMAT.format(value as number);
    case 'boolean':
      return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
    case 'date':
      return formatDate(value as string, lang);
    case 'enum': {
      if (spec.values && !Array.isArray(spec.values)) return pick(spec.values[value as string], lang);
      return String(value);
    }
    case 'list': {
      const items = (value as Localized[]).map((item) => pick(item, lang));
      if (items.some((item) => item === undefined)) return undefined;
      return joinList(items as string[], lang);
    }
  }
}

