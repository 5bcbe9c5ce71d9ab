/** Option parsing shared by commands: dates, languages, formats. */
import { InvalidArgumentError } from 'commander';
import { isValidIsoDate } from '../library/format.js';

export function parseDate(value: string): string {
  if (!isValidIsoDate(value)) throw new InvalidArgumentError(`expected a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Today (UTC), or SOURCE_DATE_EPOCH when set, as reproducible builds expect. */
export function defaultDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return when.toISOString().slice(0, 10);
}

export function choice<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

/** The output format implied by a file name's extension, if any. */
export function formatFromPath<T extends string>(file: string | undefined, formats: readonly T[]): T | undefined {
  const ext = file?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  const normalised = ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
  return formats.find((f) => f === normalised);
}
