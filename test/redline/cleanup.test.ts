import { describe, expect, it } from 'vitest';
import { boundaryScore, cleanup, cleanupLossless, cleanupSemantic, cleanupWhitespace, mergeSpans } from '../../src/redline/cleanup.js';
import type { Span } from '../../src/redline/types.js';

const k = (text: string): Span => ({ kind: 'kept', text });
const d = (text: string): Span => ({ kind: 'deleted', text });
const i = (text: string): Span => ({ kind: 'inserted', text });
const show = (spans: Span[]) => spans.map((s) => (s.kind === 'kept' ? s.text : s.kind === 'deleted' ? `<del>${s.text}</del>` : `<ins>${s.text}</ins>`)).join('');

describe('cleanup', () => {
  it('should merge neighbours and put the deletion before the insertion', () => {
    expect(show(mergeSpans([k('a'), k('b'), i('x'), d('y'), i('z'), k('')]))).toBe('ab<del>y</del><ins>xz</ins>');
  });

  it('should fold a short kept stretch between two edits into them', () => {
    expect(show(cleanupSemantic([k('The '), d('cat'), i('dog'), k(' '), d('sat'), i('ran'), k('.')]))).toBe('The <del>cat sat</del><ins>dog ran</ins>.');
  });

  it('should keep a kept stretch longer than the edits around it', () => {
    const spans = [k('The '), d('cat'), i('dog'), k(' sat on the '), d('mat'), i('rug')];
    expect(show(cleanupSemantic(spans))).toBe('The <del>cat</del><ins>dog</ins> sat on the <del>mat</del><ins>rug</ins>');
  });

  it('should never fold kept text the caller marks hard (table cell separators)', () => {
    const spans = [d('a'), i('b'), k('\t'), d('c'), i('d')];
    expect(show(cleanupSemantic(spans, { hard: (t) => t.includes('\t') }))).toBe('<del>a</del><ins>b</ins>\t<del>c</del><ins>d</ins>');
  });

  it('should slide a lone insertion to a sentence boundary', () => {
    // The diff may place the inserted sentence anywhere it repeats; the cut after "。" reads best.
    const spans = [k('创建帐户。'), i('您必须年满13岁才能创建帐户。'), k('在注册过程中')];
    expect(show(cleanupLossless([k('创建'), i('帐户。您必须年满13岁才能创建'), k('帐户。在注册过程中')]))).toBe(show(spans));
  });

  it('should prefer word boundaries in Latin text', () => {
    expect(show(cleanupLossless([k('The c'), i('at c'), k('ame.')]))).toBe('The <ins>cat </ins>came.');
  });

  it('should never separate a combining mark from its letter', () => {
    expect(boundaryScore('e', '\u0301x')).toBeLessThan(0);
  });

  it('should drop swaps of whitespace for whitespace (we compare whitespace-normalised)', () => {
    expect(show(cleanupWhitespace([k('a'), d('  '), i(' '), k('b')]))).toBe('a  b');
  });

  it('should keep such a swap when told to be exact (their text rebuilt from the spans, as in a header)', () => {
    const spans = [k('a'), d('  '), i(' '), k('b')];
    expect(cleanup(spans, { exact: true }).filter((x) => x.kind !== 'deleted').map((x) => x.text).join('')).toBe('a b');
    expect(cleanup(spans).filter((x) => x.kind !== 'deleted').map((x) => x.text).join('')).toBe('a  b');
  });

  it('should keep the texts of both sides intact', () => {
    const spans = [k('x '), d('alpha'), i('beta'), k(' '), d('gamma'), k(' y'), i('!')];
    const out = cleanup(spans);
    const side = (s: Span[], drop: Span['kind']) => s.filter((x) => x.kind !== drop).map((x) => x.text).join('');
    expect(side(out, 'inserted')).toBe(side(spans, 'inserted'));
    expect(side(out, 'deleted')).toBe(side(spans, 'deleted'));
  });
});
