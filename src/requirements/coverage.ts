/**
 * Requirement coverage of a playbook: for each matrix row of the playbook's
 * contract type, which included clauses satisfy it (through their
 * `requirements:`), or the playbook's stated reason for excluding it.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Playbook } from '../playbook/load.js';
import type { ResolvedEntry } from '../playbook/namespace.js';
import type { Requirement } from './matrix.js';

export type CoverageStatus = 'covered' | 'conditional' | 'excluded' | 'uncovered';

export interface CoverageRow {
  id: string;
  obligation: string;
  status: CoverageStatus;
  /** Clause ids whose requirements list the row. */
  satisfiedBy: string[];
  /** Of those, the ones included only under a `when` condition. */
  conditionalOn: string[];
  reason?: string;
}

export interface Coverage {
  type: string;
  rows: CoverageRow[];
  covered: number;
  excluded: number;
  total: number;
}

/**
 * `entries` are the playbook's clauses; pass `included` (from deal data) to
 * count only the clauses a given deal draws in.
 */
export function computeCoverage(
  playbook: Playbook,
  entries: ResolvedEntry[],
  matrix: Requirement[],
  matrixFile: string,
  included?: ResolvedEntry[],
): { coverage: Coverage; diagnostics: Diagnostic[] } {
  const type = playbook.spec.type;
  const diagnostics: Diagnostic[] = [];
  const ids = new Set(matrix.map((r) => r.id));
  const exclusions = new Map(playbook.spec.exclusions.map((e, i) => [e.requirement, { ...e, index: i }]));
  for (const [id, e] of exclusions) {
    if (!ids.has(id)) diagnostics.push(error('exclusion-unknown', `excluded requirement "${id}" is not in the requirements matrix ${matrixFile}`, { file: playbook.file, line: playbook.lineOf(['exclusions', e.index]), path: ['exclusions', e.index, 'requirement'] }));
  }
  const pool = included ?? entries;
  const rows: CoverageRow[] = matrix
    .filter((r) => r.types.includes(type))
    .map((r) => {
      const by = pool.filter((e) => e.module.requirements.includes(r.id));
      const satisfiedBy = by.map((e) => e.module.id);
      const conditionalOn = included ? [] : by.filter((e) => e.entry.when).map((e) => e.module.id);
      const exclusion = exclusions.get(r.id);
      let status: CoverageStatus;
      if (satisfiedBy.length > conditionalOn.length) status = 'covered';
      else if (satisfiedBy.length > 0) status = 'conditional';
      else if (exclusion) status = 'excluded';
      else status = 'uncovered';
      if (exclusion && satisfiedBy.length > 0) {
        diagnostics.push(warning('exclusion-unneeded', `requirement ${r.id} is excluded but clause ${satisfiedBy.join(', ')} satisfies it`, { file: playbook.file, line: playbook.lineOf(['exclusions', exclusion.index]) }));
      }
      if (status === 'uncovered') {
        diagnostics.push(
          error('requirement-uncovered', `requirement ${r.id} (${r.types.join(', ')}) is satisfied by no clause of this playbook; expected module: ${r.modules.join(' or ')}. Include a clause that lists it, or add it to "exclusions" with a reason`, {
            file: playbook.file,
            line: playbook.lineOf(['parts']),
          }),
        );
      }
      return { id: r.id, obligation: r.obligation, status, satisfiedBy, conditionalOn, ...(exclusion ? { reason: exclusion.reason } : {}) };
    });
  const covered = rows.filter((r) => r.status === 'covered' || r.status === 'conditional').length;
  const excluded = rows.filter((r) => r.status === 'excluded').length;
  return { coverage: { type, rows, covered, excluded, total: rows.length }, diagnostics };
}
