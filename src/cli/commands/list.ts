/** `clausewright list clauses|playbooks`: what the library offers. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { localOr, PACKAGE_CLAUSES, PACKAGE_PLAYBOOKS } from '../../paths.js';
import { error, InputError, type Diagnostic } from '../../diagnostics.js';
import { addTextOrJson, choice, wantsJson, type TextOrJson } from '../options.js';
import { action, EXIT_INPUT, printDiagnostics } from '../run.js';

interface ListOptions extends TextOrJson {
  dir?: string;
}

export function registerList(program: Command): void {
  const command = program
    .command('list')
    .description('list clause modules or playbooks')
    .argument('[what]', 'clauses or playbooks', choice(['clauses', 'playbooks'] as const, 'what'), 'clauses');
  addTextOrJson(command, 'the list')
    .option('--dir <dir>', 'folder to list (default: ./clauses or ./playbooks if present, else the built-in library)')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright list playbooks
  $ clausewright list clauses --json
  $ clausewright list clauses --dir ../house-library/clauses

A module or playbook that does not load is left out of the list and its problems are printed.
Exit codes: 0 ok, 2 a folder that is not there (or is a file), or a module or playbook with
problems (the rest are still listed), 1 internal error.`,
    )
    .action(
      action(async (what: 'clauses' | 'playbooks', options: ListOptions) => {
        const json = wantsJson(options);
        const { rows, problems } = what === 'clauses' ? await listClauses(options.dir) : await listPlaybooks(options.dir);
        if (json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        else process.stdout.write(table(rows) + `\n${rows.length} ${what}\n`);
        printDiagnostics(problems);
        if (problems.length > 0) process.exitCode = EXIT_INPUT;
      }, { writes: false }),
    );
}

/** The folder to list; one named with --dir must be a folder (a file was an internal error, ENOTDIR). */
function folder(explicit: string | undefined, local: string, builtIn: string): string {
  if (!explicit) return localOr(local, builtIn);
  const found = statSync(explicit, { throwIfNoEntry: false });
  if (!found?.isDirectory()) throw new InputError([error('dir-missing', `folder ${explicit} ${found ? 'is a file, not a folder' : 'not found'}`, { file: explicit })]);
  return explicit;
}

interface Listing {
  rows: Record<string, unknown>[];
  /** Errors of the modules or playbooks left out. */
  problems: Diagnostic[];
}

async function listClauses(dir?: string): Promise<Listing> {
  const { loadLibrary } = await import('../../library/load.js');
  const { library, diagnostics } = loadLibrary(folder(dir, 'clauses', PACKAGE_CLAUSES));
  const problems = diagnostics.filter((d) => d.severity === 'error');
  const rows = [...library.modules.values()].map((m) => ({
    id: m.id,
    version: m.version,
    title: m.title,
    variants: m.variants.map((v) => v.id),
    // The contract types a variant is written for, where its front matter says (absent: any type).
    ...(m.variants.some((v) => v.types) ? { variantTypes: Object.fromEntries(m.variants.filter((v) => v.types).map((v) => [v.id, v.types])) } : {}),
    requirements: m.requirements,
  }));
  return { rows, problems };
}

async function listPlaybooks(dir?: string): Promise<Listing> {
  const { loadPlaybookFile } = await import('../../playbook/files.js');
  const base = folder(dir, 'playbooks', PACKAGE_PLAYBOOKS);
  const files = existsSync(base) ? readdirSync(base).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const problems: Diagnostic[] = [];
  const rows = files.flatMap((f) => {
    const { playbook, diagnostics } = loadPlaybookFile(join(base, f));
    problems.push(...diagnostics.filter((d) => d.severity === 'error'));
    if (!playbook) return [];
    const s = playbook.spec;
    return [{ id: s.id, version: s.version, type: s.type, side: s.side, title: s.title, languages: s.languages, clauses: s.parts.reduce((n, p) => n + p.clauses.length, 0), file: join(base, f) }];
  });
  return { rows, problems };
}

function table(rows: Record<string, unknown>[]): string {
  return rows
    .map((r) => {
      const title = r.title as { zh: string; en: string };
      const types = (r.variantTypes ?? {}) as Record<string, string[]>;
      const extra = Array.isArray(r.variants)
        ? `variants: ${(r.variants as string[]).map((v) => (types[v] ? `${v} [${types[v].join(', ')}]` : v)).join(', ')}`
        : `${r.type} · ${r.clauses} clauses · side: ${r.side}`;
      return `${String(r.id).padEnd(32)} ${String(r.version).padEnd(8)} ${title.en} / ${title.zh}\n${' '.repeat(42)}${extra}`;
    })
    .join('\n');
}
