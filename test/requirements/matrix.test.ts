import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMatrix } from '../../src/requirements/matrix.js';
import { MATRIX } from '../helpers.js';

describe('requirements matrix', () => {
  const rows = parseMatrix(readFileSync(MATRIX, 'utf8'));

  it('should read all 69 rows of the shared matrix', () => {
    expect(rows).toHaveLength(69);
    expect(rows.filter((r) => r.id.startsWith('UA-'))).toHaveLength(36);
  });

  it('should split types and modules and keep the line', () => {
    const row = rows.find((r) => r.id === 'UA-INPUT-03')!;
    expect(row.types).toEqual(['UA']);
    expect(row.modules).toEqual(['input-use-licence', 'personal-information']);
    expect(row.line).toBeGreaterThan(40);
    expect(rows.find((r) => r.id === 'UA-TERM-01')!.types).toEqual(['UA', 'DT', 'MD']);
  });

  it('should ignore tables whose first cell is not a requirement id', () => {
    expect(parseMatrix('| Abbrev. | Instrument |\n|---|---|\n| GenAI | x |')).toEqual([]);
  });
});
