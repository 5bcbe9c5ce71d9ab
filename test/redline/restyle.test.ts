import { describe, expect, it } from 'vitest';
import { clause, doc, em as emphasis, link, p, part, strong } from '../../src/model/build.js';
import type { InlineLike } from '../../src/model/build.js';
import { hasChanges } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import { restyles } from '../../src/redline/restyle.js';

const kept = (text: string) => ({ kind: 'kept' as const, text });
const one = (...children: InlineLike[]) => doc('en', [part('body', [clause('c', [p(...children)], { heading: ['Warranty'], number: '1' })])]);

describe('restyles', () => {
  it('should report kept text whose bold was removed, trimmed to its visible characters', () => {
    expect(restyles([kept('Read this. No warranty. ')], 'Read this. No warranty. ', [{ end: 11 }, { end: 24, bold: true }], [])).toEqual([
      { start: 11, end: 23, text: 'No warranty.', ours: { bold: true }, theirs: {} },
    ]);
  });

  it('should report nothing when both sides format alike, or only whitespace changed format', () => {
    expect(restyles([kept('a b')], 'a b', [{ end: 3, bold: true }], [{ end: 3, bold: true }])).toEqual([]);
    expect(restyles([kept('a b')], 'a b', [{ end: 1 }, { end: 2, bold: true }, { end: 3 }], [])).toEqual([]);
    expect(restyles([kept('plain')], 'plain', [], [])).toEqual([]);
  });

  it('should keep both sides in step across inserted and deleted text', () => {
    const spans = [kept('Pay '), { kind: 'deleted' as const, text: 'all ' }, { kind: 'inserted' as const, text: 'the whole ' }, kept('fees now')];
    // ours: "Pay all fees now" with "fees" italic; theirs: "Pay the whole fees now", plain.
    expect(restyles(spans, 'Pay the whole fees now', [{ end: 8 }, { end: 12, italic: true }], [])).toEqual([
      { start: 8, end: 12, text: 'fees', ours: { italic: true }, theirs: {} },
    ]);
  });

  it('should keep both sides in step across a whitespace run the diff kept', () => {
    // The diff keeps our "a  b" for their "a b"; their bold "b" is at offset 2, ours at 3.
    expect(restyles([kept('a  b')], 'a b', [], [{ end: 2 }, { end: 3, bold: true }])).toEqual([{ start: 3, end: 4, text: 'b', ours: {}, theirs: { bold: true } }]);
  });

  it('should stay in step where a kept stretch and an insertion share their spaces', () => {
    // Ours ", 用户  的" (bold, underlined) became ",  的" (bold): the deletion took one space, the insertion brought one back.
    const spans = [kept(', '), { kind: 'deleted' as const, text: '用户  ' }, { kind: 'inserted' as const, text: ' ' }, kept('的 and')];
    expect(restyles(spans, ',  的 and', [{ end: 7, bold: true, underline: true }, { end: 11 }], [{ end: 4, bold: true }, { end: 8 }]).map((r) => r.text)).toEqual([',', '的']);
  });

  it('should carry a space inside a link whose target changed with the linked words, so the new link stays whole', () => {
    // Ours: [the the](/a) 用户; theirs: [😀 the](https://b) 用户. The space before the kept "the" is in both links.
    const spans = [{ kind: 'deleted' as const, text: 'the' }, { kind: 'inserted' as const, text: '😀' }, kept(' the 用户')];
    const restyled = restyles(spans, '😀 the 用户', [{ end: 7, link: '/a' }, { end: 10 }], [{ end: 6, link: 'https://b' }, { end: 9 }]);
    expect(restyled.map((r) => [r.text, r.ours.link, r.theirs.link])).toEqual([[' the', '/a', 'https://b']]);
  });

  it('should report a formatting change inside a paragraph that moved', () => {
    const moved = 'The Provider is not liable for indirect or consequential loss of any kind.';
    const fees = 'Fees are payable monthly in arrears, as set out in the order form.';
    const two = (a: InlineLike[][], b: InlineLike[][]) =>
      doc('en', [part('body', [clause('a', a.map((x) => p(...x)), { heading: ['Fees'] }), clause('b', b.map((x) => p(...x)), { heading: ['Liability'] })])]);
    const r = redline(two([[strong(moved)], [fees]], [['Nothing here.']]), two([[fees]], [['Nothing here.'], [moved]]));
    const to = r.clauses.flatMap((c) => c.paragraphs).find((x) => x.move?.side === 'to')!;
    expect(to.restyled?.map((x) => [x.text, x.ours.bold, x.theirs.bold])).toEqual([[moved, true, undefined]]);
  });

  it('should join stretches with the same change across the spaces between them', () => {
    expect(restyles([kept('one two')], 'one two', [{ end: 3, bold: true }, { end: 4 }, { end: 7, bold: true }], [])).toEqual([
      { start: 0, end: 7, text: 'one two', ours: { bold: true }, theirs: {} },
    ]);
  });
});

describe('redline: formatting-only changes', () => {
  it('should report an exclusion of liability that lost its bold, with no word changed', () => {
    const r = redline(one('Fees are due. ', strong('The Provider is not liable for indirect loss.')), one('Fees are due. The Provider is not liable for indirect loss.'));
    const para = r.clauses[0]!.paragraphs[1]!;
    expect(para.status).toBe('changed');
    expect(para.spans).toEqual([kept('Fees are due. The Provider is not liable for indirect loss.')]);
    expect(para.restyled).toEqual([{ start: 14, end: 59, text: 'The Provider is not liable for indirect loss.', ours: { bold: true }, theirs: {} }]);
    expect(r.clauses[0]!.status).toBe('changed');
    expect(r.summary.restyled).toBe(1);
    expect(hasChanges(r)).toBe(true);
  });

  it('should report formatting changes beside word changes in one paragraph', () => {
    const r = redline(one('Pay ', emphasis('promptly'), ' within thirty days.'), one('Pay ', strong('promptly'), ' within sixty days.'));
    const para = r.clauses[0]!.paragraphs[1]!;
    expect(para.restyled).toEqual([{ start: 4, end: 12, text: 'promptly', ours: { italic: true }, theirs: { bold: true } }]);
    expect(para.spans.filter((s) => s.kind !== 'kept').map((s) => s.text)).toEqual(['thirty', 'sixty']);
  });

  it('should report only link changes with formatting: false, keeping our look, and say formatting was not compared', () => {
    const ours = one('Fees are due. ', strong('No warranty.'), ' See ', link('https://ours.example/prices', 'prices'), '.');
    const theirs = one('Fees are due. No warranty. See ', link('https://theirs.example/prices', 'prices'), '.');
    const r = redline(ours, theirs, { formatting: false });
    const para = r.clauses[0]!.paragraphs[1]!;
    expect(para.restyled?.map((x) => x.text)).toEqual(['prices']);
    expect(r.formatting).toBe(false);
    expect(redline(ours, theirs).formatting).toBeUndefined();
    // Formatting alone is then no change at all.
    expect(hasChanges(redline(one(strong('No warranty.')), one('No warranty.'), { formatting: false }))).toBe(false);
  });

  it('should report nothing for a document compared with itself', () => {
    const a = one('Fees are due. ', strong('No warranty.'), ' ', emphasis('None.'));
    const r = redline(a, structuredClone(a));
    expect(hasChanges(r)).toBe(false);
    expect(r.summary.restyled).toBe(0);
  });
});
