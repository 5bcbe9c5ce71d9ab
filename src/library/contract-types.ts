/**
 * Contract types: the playbook's `type` and the `types` a variant is written for
 * (its front matter `variants: { <id>: { types: [DT, MD] } }`; absent = any type).
 */
import { z } from 'zod';
import { joinList } from './format.js';

const CONTRACT_TYPES = ['UA', 'DT', 'MD'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

const NAMES: Record<ContractType, { one: string; many: string }> = {
  UA: { one: 'user agreement', many: 'user agreements' },
  DT: { one: 'data-trade agreement', many: 'data-trade agreements' },
  MD: { one: 'model development and licence agreement', many: 'model development and licence agreements' },
};

const CODES = CONTRACT_TYPES.map((t) => `${t} (${NAMES[t].one})`).join(', ');

export const contractTypeSchema = z.enum(CONTRACT_TYPES, {
  error: (issue) => `${issue.input === undefined ? 'expected' : `${JSON.stringify(issue.input)} is not`} a contract type code: use ${CODES}`,
});

/** "this data-trade agreement (DT)" */
export function thisContract(type: ContractType): string {
  return `this ${NAMES[type].one} (${type})`;
}

/** "data-trade agreements (DT) and model development and licence agreements (MD)" */
export function contractTypesPlural(types: readonly ContractType[]): string {
  return joinList(types.map((t) => `${NAMES[t].many} (${t})`), 'en');
}

/** Whether a variant written for `types` (undefined: any) fits a contract of `type`. */
export function fitsType(types: readonly ContractType[] | undefined, type: ContractType): boolean {
  return types === undefined || types.includes(type);
}
