/**
 * Redlines as a careful negotiator marks up a draft: each change is the
 * smallest unit that reads (a whole number, a whole word, a Chinese word),
 * and the text of both sides survives (accept gives theirs, reject ours).
 */
import fc from 'fast-check';
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

  it('should mark a number in Chinese numerals whole, the 第 and measure word around it kept', () => {
    // The segmenter cuts 第十五条 as 第十 | 五条: the lone 十 looked like an insertion into 第五条.
    expect(marked('依照本协议第五条的约定。', '依照本协议第十五条的约定。')).toBe('依照本协议第{--五--}{++十五++}条的约定。');
    expect(marked('依照本协议第五条的约定。', '依照本协议第六条的约定。')).toBe('依照本协议第{--五--}{++六++}条的约定。');
    expect(marked('本协议第二十条第三款', '本协议第二十一条第三款')).toBe('本协议第{--二十--}{++二十一++}条第三款');
    expect(marked('服务费为人民币五十万元。', '服务费为人民币八十万元。')).toBe('服务费为人民币{--五十万--}{++八十万++}元。');
    expect(marked('人民币壹拾伍万元整', '人民币贰拾万元整')).toBe('人民币{--壹拾伍万--}{++贰拾万++}元整');
    expect(marked('期限为三个月', '期限为六个月')).toBe('期限为{--三--}{++六++}个月');
    // Both sides share 一百二十三万四千: the cut around what they share stays outside the number.
    expect(marked('合计一百二十三万四千五百元', '合计一百二十三万四千六百元')).toBe('合计{--一百二十三万四千五百--}{++一百二十三万四千六百++}元');
  });

  it('should keep Chinese words that hold a numeral but are no number whole', () => {
    expect(marked('十分重要', '非常重要')).toBe('{--十分--}{++非常++}重要');
    expect(marked('十分感谢', '万分感谢')).toBe('{--十分--}{++万分++}感谢');
    expect(marked('任何一方不得转让', '任何一方均不得转让')).toBe('任何一方{++均++}不得转让');
    expect(marked('第三方不得使用', '任何第三方不得使用')).toBe('{++任何++}第三方不得使用');
  });

  it('should mark a changed email address or URL whole, not the part between its dots', () => {
    expect(marked('Notices go to legal@acme.example.com by email.', 'Notices go to counsel@acme-group.example.com by email.')).toBe(
      'Notices go to {--legal@acme.example.com--}{++counsel@acme-group.example.com++} by email.',
    );
    expect(marked('Visit https://example.com/terms/v1 for terms.', 'Visit https://example.com/legal/terms/v2 for terms.')).toBe(
      'Visit {--https://example.com/terms/v1--}{++https://example.com/legal/terms/v2++} for terms.',
    );
    expect(marked('联系邮箱：legal@acme.cn。', '联系邮箱：counsel@acme.cn。')).toBe('联系邮箱：{--legal@acme.cn--}{++counsel@acme.cn++}。');
    // A URL ends before the punctuation after it.
    expect(marked('see https://acme.com/a, and more', 'see https://acme.com/b, and more')).toBe('see {--https://acme.com/a--}{++https://acme.com/b++}, and more');
    // An address dropped from a list: the deletion does not slide to the dots inside the addresses.
    expect(marked('contact a@b.co or c@d.co now', 'contact a@b.co now')).toBe('contact a@b.co {--or c@d.co --}now');
  });

  it('should mark a changed date, time or clause reference whole', () => {
    expect(marked('Delivery by 2026-03-01.', 'Delivery by 2026-04-15.')).toBe('Delivery by {--2026-03-01--}{++2026-04-15++}.');
    expect(marked('Effective 2026-03-01 until 2027-03-01.', 'Effective 2026-03-01 until 2028-03-01.')).toBe('Effective 2026-03-01 until {--2027-03-01--}{++2028-03-01++}.');
    expect(marked('dated 01/03/2026 between', 'dated 15/03/2026 between')).toBe('dated {--01/03/2026--}{++15/03/2026++} between');
    expect(marked('应于2026-03-01前付款', '应于2026-04-01前付款')).toBe('应于{--2026-03-01--}{++2026-04-01++}前付款');
    expect(marked('before 17:00 Beijing time', 'before 18:00 Beijing time')).toBe('before {--17:00--}{++18:00++} Beijing time');
    expect(marked('by 5:00 p.m.', 'by 6:30 p.m.')).toBe('by {--5:00--}{++6:30++} p.m.');
    expect(marked('as set out in Clause 7(a) above', 'as set out in Clause 7(b) above')).toBe('as set out in Clause {--7(a)--}{++7(b)++} above');
    expect(marked('Clause 5.2(a)(i) applies', 'Clause 5.2(a)(ii) applies')).toBe('Clause {--5.2(a)(i)--}{++5.2(a)(ii)++} applies');
  });

  it('should keep marking numbers, amounts and dates that already read well as they were', () => {
    expect(marked('see Section 7.2 below', 'see Section 8.2 below')).toBe('see Section {--7.2--}{++8.2++} below');
    expect(marked('a discount of 20% applies', 'a discount of 25% applies')).toBe('a discount of {--20--}{++25++}% applies');
    expect(marked('interest of 2.5% per annum', 'interest of 3% per annum')).toBe('interest of {--2.5--}{++3++}% per annum');
    expect(marked('Version 1.0.0 applies', 'Version 1.2.0 applies')).toBe('Version {--1.0.0--}{++1.2.0++} applies');
    expect(marked('合同总价为人民币1,800,000元。', '合同总价为人民币2,000,000元。')).toBe('合同总价为人民币{--1,800,000--}{++2,000,000++}元。');
    expect(marked('服务费为人民币50万元。', '服务费为人民币80万元。')).toBe('服务费为人民币{--50--}{++80++}万元。');
    expect(marked('按照第5.2条执行。', '按照第5.12条执行。')).toBe('按照第{--5.2--}{++5.12++}条执行。');
    expect(marked('于2026年4月30日前交付。', '于2026年5月31日前交付。')).toBe('于2026年{--4--}{++5++}月{--30--}{++31++}日前交付。');
    expect(marked('Call +86 10 8888 1234 today.', 'Call +86 10 8888 5678 today.')).toBe('Call +86 10 8888 {--1234--}{++5678++} today.');
    expect(marked('the ratio is 3:1 overall', 'the ratio is 4:1 overall')).toBe('the ratio is {--3--}{++4++}:1 overall');
    expect(marked('The Supplier shall deliver the goods promptly.', 'The Supplier shall deliver the goods quickly.')).toBe('The Supplier shall deliver the goods {--promptly--}{++quickly++}.');
  });

  it('should keep both texts when values kept whole sit next to edits (500 cases)', () => {
    const piece = fc.constantFrom('legal@acme.com', 'c@d.co', 'https://a.example/x', '2026-03-01', '2026', '-', '03', '17:00', ':', '7(a)', '(', ')', '.', ' ', 'or', '第', '十五', '五', '条', '二十', '万元', '十分', '方', '。');
    const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));
    // marked() checks that accepting the spans gives theirs and rejecting gives ours.
    fc.assert(fc.property(text, text, (a, b) => void marked(a, b)), { numRuns: 500, seed: 11 });
  });
});
