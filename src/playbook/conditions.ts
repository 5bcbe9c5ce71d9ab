/** Evaluate a playbook inclusion condition against deal values. */
import type { Condition } from './schema.js';

export function evaluate(condition: Condition, values: Record<string, unknown>): boolean {
  if ('not' in condition) return !evaluate(condition.not, values);
  if ('all' in condition) return condition.all.every((c) => evaluate(c, values));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, values));
  const value = values[condition.var];
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.in !== undefined) return condition.in.includes(value);
  // What `{var: x}` asks of x: given, and not false, empty text or an empty list.
  return value !== undefined && value !== null && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0);
}
