/** Zod schema of a clause module's YAML front matter. */
import { z } from 'zod';
import { contractTypeSchema } from './contract-types.js';
import { bilingualSchema } from './localized.js';
import { variableNameSchema, variableSpecSchema } from './variables.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const idSchema = z.string().regex(ID_PATTERN, 'ids are kebab-case: lower-case letters, digits and hyphens');
export const semverSchema = z
  .string({ error: 'expected a semantic version such as 1.0.0 (quote it if YAML reads it as a number)' })
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'expected a semantic version such as 1.0.0');

export const variantMetaSchema = z
  .object({
    label: bilingualSchema.optional(),
    summary: z.string().optional(),
    /** The contract types (playbook `type`) the variant is written for; absent: any. */
    types: z
      .array(contractTypeSchema, { error: 'expected a list of contract type codes, e.g. [DT, MD]' })
      .min(1, 'list the contract types the variant is written for, e.g. [DT, MD], or leave "types" out: it fits any type')
      .refine((t) => new Set(t).size === t.length, 'a contract type is listed twice')
      .optional(),
  })
  .strict();

/** A rule between the module's number variables (rules.ts), checked against every deal. */
export const ruleSchema = z
  .object({
    check: z.string({ error: 'expected the rule as text, e.g. advance_percent + retention_percent <= 100' }).min(1),
    /** The variants whose text the rule is about; absent: every variant. */
    variants: z.array(idSchema, { error: 'expected a list of variant ids, e.g. [model-milestones]' }).min(1, 'list the variants the rule is for, or leave "variants" out: it holds for every variant').optional(),
    /** Why, for the deal-data error: what the values mean together. */
    because: z.string({ error: 'a rule needs "because": say why it holds, for the person filling in the deal: e.g. "the advance and the retention are both shares of the Fees"' }).min(1),
  })
  .strict();

export const frontMatterSchema = z
  .object({
    id: idSchema,
    version: semverSchema,
    title: bilingualSchema,
    requirements: z.array(z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/, 'expected a requirement id such as UA-INPUT-01')).default([]),
    variables: z.record(variableNameSchema, variableSpecSchema).default({}),
    variants: z.record(idSchema, variantMetaSchema).default({}),
    rules: z.array(ruleSchema).default([]),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;
