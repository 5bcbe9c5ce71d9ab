/** Zod schema of a playbook (`playbooks/<id>.yaml`). */
import { z } from 'zod';
import { contractTypeSchema } from '../library/contract-types.js';
import { bilingualSchema } from '../library/localized.js';
import { idSchema, semverSchema } from '../library/module-schema.js';
import { variableNameSchema, variableSpecSchema } from '../library/variables.js';

export type Condition =
  | { var: string; equals?: unknown; in?: unknown[] }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ var: variableNameSchema, equals: z.unknown().optional(), in: z.array(z.unknown()).optional() }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
  ], { error: 'a condition is one of {var: x}, {var: x, equals: v}, {var: x, in: [a, b]}, {not: C}, {all: [C, …]}, {any: [C, …]}' }),
);

export const positionsSchema = z
  .object({
    preferred: idSchema,
    fallbacks: z.array(idSchema).default([]),
    unacceptable: z.array(idSchema).default([]),
    guidance: z.string().optional(),
  })
  .strict();

export const clauseEntrySchema = z
  .object({
    clause: idSchema,
    variant: idSchema.optional(),
    title: bilingualSchema.optional(),
    when: conditionSchema.optional(),
    set: z.record(variableNameSchema, z.unknown()).optional(),
    positions: positionsSchema.optional(),
  })
  .strict();

export const partSchema = z
  .object({
    id: idSchema,
    title: bilingualSchema.optional(),
    numbered: z.boolean().default(true),
    clauses: z.array(clauseEntrySchema).min(1),
  })
  .strict();

export const partySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'party ids are snake_case'),
    term: bilingualSchema,
    named: z.boolean().default(true),
    description: bilingualSchema.optional(),
  })
  .strict()
  .refine((p) => p.named || p.description !== undefined, {
    message: 'an unnamed party needs a description (shown in the parties block)',
    path: ['description'],
  });

export const playbookSchema = z
  .object({
    id: idSchema,
    version: semverSchema,
    type: contractTypeSchema,
    side: z.string().min(1),
    title: bilingualSchema,
    description: z.string().optional(),
    languages: z.array(z.enum(['zh', 'en'])).min(1).default(['zh', 'en']),
    parties: z.array(partySchema).min(1),
    variables: z.record(variableNameSchema, variableSpecSchema).default({}),
    keyTerms: z.array(variableNameSchema).default([]),
    signatures: z.boolean().default(false),
    parts: z.array(partSchema).min(1),
    exclusions: z
      .array(z.object({ requirement: z.string().min(1), reason: z.string().min(1) }).strict())
      .default([]),
  })
  .strict();

export type PlaybookSpec = z.infer<typeof playbookSchema>;
export type ClauseEntry = z.infer<typeof clauseEntrySchema>;
export type PartySpec = z.infer<typeof partySchema>;
