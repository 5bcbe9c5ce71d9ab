/**
 * Redlines as a careful negotiator marks up a draft: each change is the
 * smallest unit that reads (a whole number, a whole word, a Chinese word),
 * and the text of both sides survives (accept gives theirs, reject ours).
 */
import { describe, expect, it } from 'vitest';
import { diffText } from '../../src/redline/diff-text.js';
import type { Span } from '../../src/redline/types.js';

const critic = (spans: readonly Span[]) =>
  spans.map((s) => (s.kind === 'kept' ? s.text : s.kind === 'deleted' ? `{--${s.text}--}` : `{++${s.text}++}`)).join('');

/** The CriticMarkup of a → b, after checking that accepting gives b and rejecting gives a. */
function marked(a: string, b: string): string {
  const { spans } = diffText(a, b);
  expect(spans.filter((s) => s.kind !== 'inserted').map((s) => s.text).join('')).toBe(a);
  expect(spans.filter((s) => s.kind !== 'deleted').map((s) => s.text).join('')).toBe(b);
  return critic(spans);
}

describe('readable redlines', () => {
  it('should mark a changed number with thousands separators or decimals as one number, not its digits', () => {
    expect(marked('capped at RMB 100,000.', 'capped at RMB 1,000,000.')).toBe('capped at RMB {--100,000--}{++1,000,000++}.');
    expect(marked('a fee of $1,000 per month', 'a fee of $1,500 per month')).toBe('a fee of ${--1,000--}{++1,500++} per month');
    expect(marked('interest at 1.5% per month', 'interest at 2.5% per month')).toBe('interest at {--1.5--}{++2.5++}% per month');
    expect(marked('see Clause 12.3 below', 'see Clause 12.4 below')).toBe('see Clause {--12.3--}{++12.4++} below');
    // A full stop that ends a sentence still separates.
    expect(marked('Pay in 5 days. 6 remain.', 'Pay in 5 days. 7 remain.')).toBe('Pay in 5 days. {--6--}{++7++} remain.');
  });

  it('should keep words kept between two insertions kept, not delete and reinsert them', () => {
    expect(marked('The Supplier shall indemnify the Customer against all losses.', 'The Supplier shall indemnify the Customer against all direct losses, except to the extent caused by the Customer’s negligence.')).toBe(
      'The Supplier shall indemnify the Customer against all {++direct ++}losses{++, except to the extent caused by the Customer’s negligence++}.',
    );
    expect(marked('The cat sat.', 'The big fat cat sat on the mat.')).toBe('The {++big fat ++}cat sat{++ on the mat++}.');
    expect(marked('The old cat sat on the mat.', 'The cat sat.')).toBe('The {--old --}cat sat{-- on the mat--}.');
    // A replacement on either side still folds a short kept word into the edits.
    expect(marked('The cat sat on the mat.', 'The dog ran on the mat.')).toBe('The {--cat sat--}{++dog ran++} on the mat.');
  });

  it('should mark a swap of the parties 甲方 and 乙方 as whole words, not a lone character', () => {
    expect(marked('甲方应当向乙方支付违约金。', '乙方应当向甲方支付违约金。')).toBe('{--甲方--}{++乙方++}应当向{--乙方--}{++甲方++}支付违约金。');
    expect(marked('本合同甲方为委托人。', '本合同丙方为委托人。')).toBe('本合同{--甲方--}{++丙方++}为委托人。');
    // The words between two parties are still words of their own.
    expect(marked('甲方和乙方', '甲方或乙方')).toBe('甲方{--和--}{++或++}乙方');
  });

  it('should mark a changed Chinese number as the number, not the words the segmenter joined to it', () => {
    expect(marked('甲方应于收到发票后三十日内支付', '甲方应于收到发票后六十日内支付')).toBe('甲方应于收到发票后{--三十--}{++六十++}日内支付');
    expect(marked('违约金为合同总价款的百分之五。', '违约金为合同总价款的百分之十。')).toBe('违约金为合同总价款的百分之{--五--}{++十++}。');
    expect(marked('赔偿总额以人民币十万元为限', '赔偿总额以人民币一百万元为限')).toBe('赔偿总额以人民币{--十万--}{++一百万++}元为限');
    // Never inside a number, and a changed word is still marked whole.
    expect(marked('在十日内', '在二十日内')).toBe('在{--十--}{++二十++}日内');
    expect(marked('用户应当删除该信息', '用户应当删减该信息')).toBe('用户应当{--删除--}{++删减++}该信息');
  });
});
