import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, clause, def, doc, fromJson, inlineText, normaliseTerm, p, part, ref, toJson, use, allClauses, blockText, item, list } from '../../src/model/index.js';

describe('document model', () => {
  const tree = doc('en', [part('terms', [clause('fees', [p('The ', use('Customer'), ' pays ', def('Fees'), ', see ', ref('disputes', 'Clause 2'), '.')], { heading: ['Fees'], clauses: [clause('fees#1', [p('sub')])] })])], { title: 'T' });

  it('should stamp the model version', () => {
    expect(tree.modelVersion).toBe(MODEL_VERSION);
  });

  it('should round-trip through JSON unchanged', () => {
    expect(fromJson(toJson(tree))).toEqual(tree);
  });

  it('should refuse another major model version', () => {
    expect(() => fromJson(JSON.stringify({ ...tree, modelVersion: '99.0.0' }))).toThrow(/unsupported model version/);
    expect(() => fromJson('{"type":"paragraph"}')).toThrow(/not a clausewright document/);
  });

  it('should give plain text of inlines with term labels and resolved references', () => {
    const para = tree.parts[0]!.clauses[0]!.children[0]!;
    expect(blockText(para)).toBe('The Customer pays \u201CFees\u201D, see Clause 2.');
    expect(inlineText([ref('x')])).toBe('x');
  });

  it('should collect nested clauses in document order', () => {
    expect(allClauses(tree).map((c) => c.id)).toEqual(['fees', 'fees#1']);
  });

  it('should normalise term identifiers by case and spacing only', () => {
    expect(normaliseTerm('  Personal   Information ')).toBe('personal information');
    expect(normaliseTerm('生成内容')).toBe('生成内容');
  });

  it('should give list text with labels', () => {
    const l = list([item('one'), item('two')]);
    l.children[0]!.label = '(a)';
    expect(blockText(l)).toBe('(a) one\ntwo');
  });
});
