/** Option parsing shared by commands: dates, languages, formats. */
import { InvalidArgumentError, type Command } from 'commander';
import { error, InputError } from '../diagnostics.js';
import { isValidIsoDate } from '../library/format.js';

export function parseDate(value: string): string {
  if (!isValidIsoDate(value)) {
    // "2026-02-30" is written YYYY-MM-DD: saying it is not would send the user looking for the wrong mistake.
    const written = /^\d{4}-\d{2}-\d{2}$/.test(value);
    throw new InvalidArgumentError(written ? `"${value}" is no day of the calendar` : `expected a date written YYYY-MM-DD, got "${value}"`);
  }
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

/** A file name's extension, lower case, with .markdown read as md and .htm as html; undefined when it has none. */
function extensionOf(file: string | undefined): string | undefined {
  const ext = file?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  return ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
}

/**
 * The output format: --format, else the extension of -o, else `fallback`. A file whose
 * extension names another format, or none we write, is refused rather than filled
 * with a format its name belies (JSON in "redline.pdf", HTML in "redline.docx", which
 * Word would refuse to open).
 * @example outputFormat(undefined, 'r.html', ['json', 'html'], 'json') // 'html'
 */
export function outputFormat<T extends string>(format: T | undefined, output: string | undefined, formats: readonly T[], fallback: T): T {
  const ext = extensionOf(output);
  const implied = formats.find((f) => f === ext);
  if (format !== undefined) {
    if (implied !== undefined && implied !== format) {
      throw new InputError([error('output-format', `--format ${format} does not match the output file ${output}: name it .${format}, or leave --format out`)]);
    }
    return format;
  }
  if (implied !== undefined) return implied;
  if (ext !== undefined) {
    throw new InputError([error('output-format', `cannot tell the output format from ${output}: name the file ${formats.map((f) => `.${f}`).join(', ')}, or give --format`)]);
  }
  return fallback;
}

/** `-o`: a file, or `-` for stdout (as the default is); an empty name is a mistake, not stdout. */
export function outputPath(value: string): string | undefined {
  if (value === '') throw new InvalidArgumentError('expected a file name, or - for stdout');
  return value === '-' ? undefined : value;
}

/** `--format text|json` and its shorthand `--json`, alike on every command that prints a report (check, list, inspect). */
export interface TextOrJson {
  format?: 'text' | 'json';
  json?: boolean;
}

export function addTextOrJson(command: Command, what: string): Command {
  return command
    .option('--format <format>', `${what}: text or json (default: text)`, choice(['text', 'json'] as const, '--format'))
    .option('--json', 'the same as --format json');
}

/** JSON when asked for either way; `--format text --json` is a contradiction, refused. */
export function wantsJson(options: TextOrJson): boolean {
  if (options.json && options.format === 'text') throw new InputError([error('options-contradict', '--json and --format text contradict each other: give one')]);
  return options.json === true || options.format === 'json';
}
