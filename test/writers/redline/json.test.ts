import { describe, expect, it } from 'vitest';
import { warning } from '../../../src/diagnostics.js';
import { writeRedlineJson } from '../../../src/writers/redline/json.js';
import { sample } from './fixtures.js';

describe('writeRedlineJson', () => {
  it('should write the typed change list that parses back to the same redline', () => {
    const json = writeRedlineJson(sample);
    expect(JSON.parse(json)).toEqual(sample);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it("should carry the readers' notes on the drafts, when there are any", () => {
    const value = JSON.parse(writeRedlineJson(sample, { notes: [warning('docx-has-revisions', 'theirs.docx carries 2 tracked change(s)', { file: 'theirs.docx' })] }));
    expect(value.notes).toEqual([{ code: 'docx-has-revisions', file: 'theirs.docx', message: 'theirs.docx carries 2 tracked change(s)' }]);
    expect(JSON.parse(writeRedlineJson(sample, { notes: [] })).notes).toBeUndefined();
  });

  it('should carry its version and per-clause statuses', () => {
    const value = JSON.parse(writeRedlineJson(sample));
    expect(value.type).toBe('redline');
    expect(value.redlineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    // The agreement's title comes first, a unit of its own; it is the same on both sides.
    expect(value.clauses.map((c: { kind: string; status: string }) => `${c.kind} ${c.status}`)).toEqual(['title unchanged', 'clause added', 'clause changed', 'clause moved', 'clause unchanged', 'clause moved']);
  });
});
