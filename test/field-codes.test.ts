import { describe, expect, it } from 'vitest';
import { bookmarkOf, fieldLabel, writable } from '../src/field-codes.js';

describe('field codes', () => {
  it('should find the bookmark a REF, NOTEREF or PAGEREF names, or a bookmark named alone', () => {
    expect(bookmarkOf('REF _Ref12 \\h')).toBe('_Ref12');
    expect(bookmarkOf(' noteref "_Ref3" \\f ')).toBe('_Ref3');
    expect(bookmarkOf('PAGEREF _Toc1 \\h')).toBe('_Toc1');
    expect(bookmarkOf('_Ref9')).toBe('_Ref9');
    expect(bookmarkOf('REF')).toBe('');
  });

  it('should find none in other fields, a formula included', () => {
    for (const code of ['DATE \\@ "d MMMM yyyy"', 'DOCPROPERTY Version', 'MERGEFIELD Name', '= 2 + 2', 'AUTHOR', '']) expect(bookmarkOf(code), code).toBeUndefined();
  });

  it('should write a field as a field only when the bookmark it names is there', () => {
    expect(writable('DATE', new Set())).toBe(true);
    expect(writable('REF _Ref12 \\h', new Set())).toBe(false);
    expect(writable('REF _Ref12 \\h', new Set(['_Ref12']))).toBe(true);
  });

  it('should name a field for a reader, with its code', () => {
    expect(fieldLabel('REF _Ref12 \\h')).toBe('cross-reference (REF _Ref12 \\h)');
    expect(fieldLabel('CREATEDATE \\@ "d MMMM yyyy"')).toBe('date field (CREATEDATE \\@ "d MMMM yyyy")');
    expect(fieldLabel('DOCPROPERTY Version')).toBe('document property (DOCPROPERTY Version)');
    expect(fieldLabel('AUTHOR')).toBe('field (AUTHOR)');
  });
});
