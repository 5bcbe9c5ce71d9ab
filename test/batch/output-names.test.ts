/** Batch output names, and deal files that would be written over one another. */
import { describe, expect, it } from 'vitest';
import { outputClashes, outputName } from '../../src/batch/output-names.js';

const naming = { lang: 'zh+en' as const, format: 'docx' as const, outDir: 'out' };

describe('batch output names', () => {
  it('should name each agreement after its deal file, language and format', () => {
    expect(outputName('customers/acme.yaml', naming)).toBe('out/acme.zh-en.docx');
    expect(outputName('customers/Beta.JSON', { ...naming, lang: 'en', format: 'md' })).toBe('out/Beta.en.md');
  });

  it('should let deal files with different names through', () => {
    expect(outputClashes(['a/acme.yaml', 'a/beta.yaml', 'b/gamma.json'], naming)).toEqual([]);
  });

  it('should name both deal files where two would be written to one file, and a file given twice', () => {
    const clashes = outputClashes(['x/deal.yaml', 'acme.yaml', 'y/deal.yaml', 'acme.json', './acme.yaml'], naming);
    expect(clashes.map((d) => [d.code, d.file])).toEqual([
      ['batch-output-clash', 'y/deal.yaml'],
      ['batch-output-clash', 'acme.json'],
      ['batch-output-clash', './acme.yaml'],
    ]);
    expect(clashes[0]!.message).toBe('x/deal.yaml and y/deal.yaml would both be written to out/deal.zh-en.docx: rename one, or draft them in two runs with different --out-dir folders');
    expect(clashes[1]!.message).toContain('acme.yaml and acme.json would both be written to out/acme.zh-en.docx');
    expect(clashes[2]!.message).toBe('./acme.yaml is given twice; give each deal file once');
  });

  it('should refuse an agreement that would be written over one of the deal files', () => {
    const clashes = outputClashes(['deals/acme.json', 'deals/acme.zh.json'], { lang: 'zh', format: 'json', outDir: 'deals' });
    expect(clashes.map((d) => [d.code, d.file])).toEqual([['batch-output-is-input', 'deals/acme.json']]);
    expect(clashes[0]!.message).toBe('the agreement of deals/acme.json would be written to deals/acme.zh.json, which is the deal file deals/acme.zh.json: choose another --out-dir');
  });
});
