import { describe, expect, it } from 'vitest';
import { InputError, dedupeDiagnostics, error, formatDiagnostic, formatPath, sortDiagnostics, throwIfErrors, warning } from '../src/diagnostics.js';

describe('diagnostics', () => {
  it('should format file:line:column, severity, code, message and path', () => {
    expect(formatDiagnostic(error('variable-type', 'bad', { file: 'd.yaml', line: 3, column: 5, path: ['parties', 'user', 'details', 0] }))).toBe(
      'd.yaml:3:5: error [variable-type] bad (at parties.user.details[0])',
    );
    expect(formatDiagnostic(warning('term-unused', 'x'))).toBe('warning [term-unused] x');
    expect(formatPath(['parts', 0, 'clauses', 2, 'variant'])).toBe('parts[0].clauses[2].variant');
  });

  it('should sort errors before warnings, then by file and line', () => {
    const sorted = sortDiagnostics([warning('w', 'w', { file: 'a', line: 1 }), error('e', 'e', { file: 'b', line: 9 }), error('e', 'e', { file: 'b', line: 2 })]);
    expect(sorted.map((d) => `${d.severity}:${d.line}`)).toEqual(['error:2', 'error:9', 'warning:1']);
  });

  it('should throw one InputError carrying every diagnostic, and only for errors', () => {
    expect(() => throwIfErrors([warning('w', 'w')])).not.toThrow();
    try {
      throwIfErrors([error('a', 'first'), error('b', 'second'), warning('c', 'third')]);
      expect.unreachable();
    } catch (cause) {
      expect(cause).toBeInstanceOf(InputError);
      expect((cause as InputError).diagnostics).toHaveLength(3);
      expect((cause as Error).message).toBe('error [a] first\nerror [b] second');
    }
  });

  it('should drop repeated diagnostics', () => {
    expect(dedupeDiagnostics([error('a', 'm', { file: 'f', line: 1 }), error('a', 'm', { file: 'f', line: 1 }), error('a', 'm', { file: 'f', line: 2 })])).toHaveLength(2);
  });
});
