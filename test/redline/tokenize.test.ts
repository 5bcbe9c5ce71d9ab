import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CJK_CHUNK, countWords, tokenize, tokenizeMany } from '../../src/redline/tokenize.js';
import { sentence } from './arbitrary.js';

describe('tokenize', () => {
  it('should keep Latin words, whitespace and punctuation apart', () => {
    expect(tokenize('Pay 1,000.50 now, please.')).toEqual(['Pay', ' ', '1,000.50', ' ', 'now', ',', ' ', 'please', '.']);
  });

  it("should keep apostrophes and combining marks inside words (Customer's, é)", () => {
    expect(tokenize("Customer's e\u0301te")).toEqual(["Customer's", ' ', 'e\u0301te']);
  });

  it('should split Chinese into dictionary words, not characters or sentences', () => {
    expect(tokenize('您必须年满13岁才能创建帐户。')).toEqual(['您', '必须', '年', '满', '13', '岁', '才能', '创建', '帐户', '。']);
  });

  it('should keep emoji with skin tones, ZWJ families and flags whole', () => {
    expect(tokenize('a👍🏽b👨‍👩‍👧c🇨🇳')).toEqual(['a', '👍🏽', 'b', '👨‍👩‍👧', 'c', '🇨🇳']);
  });

  it("should make '\\t' and '\\n' tokens of their own (they are structure)", () => {
    expect(tokenize('a \t\nb')).toEqual(['a', ' ', '\t', '\n', 'b']);
  });

  it('should give the input back when joined (300 cases, mixed zh/en, emoji, combining marks)', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(tokenize(text).join('')).toBe(text);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('should segment CJK runs longer than one chunk without losing or cutting characters', () => {
    const long = '数据安全𠀋'.repeat(CJK_CHUNK);
    const tokens = tokenize(long);
    expect(tokens.join('')).toBe(long);
    expect(tokens.some((t) => /^[\uDC00-\uDFFF]/.test(t))).toBe(false);
  });

  it('should tokenize many texts as it tokenizes each', () => {
    const texts = ['用户应当支付费用。', 'Pay now', '', '平台 Platform 平台', '合同'.repeat(150)];
    expect(tokenizeMany(texts)).toEqual(texts.map((t) => tokenize(t)));
  });

  it('should keep an email address, URL, date, time and clause reference one token each', () => {
    expect(tokenize('Email legal@acme.example.com.')).toEqual(['Email', ' ', 'legal@acme.example.com', '.']);
    expect(tokenize('(see https://example.com/terms?v=2).')).toEqual(['(', 'see', ' ', 'https://example.com/terms?v=2', ')', '.']);
    expect(tokenize('by 2026-03-01, 01/03/2026 at 17:00:30')).toEqual(['by', ' ', '2026-03-01', ',', ' ', '01/03/2026', ' ', 'at', ' ', '17:00:30']);
    expect(tokenize('Clause 5.2(a)(ii) and fee(s)')).toEqual(['Clause', ' ', '5.2(a)(ii)', ' ', 'and', ' ', 'fee', '(', 's', ')']);
    // No date, time or reference: too many digits, a ratio, a long parenthesis.
    expect(tokenize('2026-03-011 3:1 7(three)')).toEqual(['2026', '-', '03', '-', '011', ' ', '3', ':', '1', ' ', '7', '(', 'three', ')']);
  });

  it('should read values the same in ASCII text (by hand) and in text with other letters (by the pattern)', () => {
    const piece = fc.constantFrom('2026', '-', '03', '/', '1', ':', '00', '(', 'a', ')', '.', ',', '7', 'x', '@', 'acme', '://', 'http', ' ', '12', '2026-03-01', '17:00', '7(a)');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        // '\n' is a token of its own, and 'é' sends the whole text to the pattern.
        expect(tokenize(text + '\né')).toEqual([...tokenize(text), '\n', 'é']);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('should keep a number in Chinese numerals one token, split from 第 and its measure word', () => {
    expect(tokenize('依照第十五条')).toEqual(['依照', '第', '十五', '条']);
    expect(tokenize('支付五十万元')).toEqual(['支付', '五十万', '元']);
    expect(tokenize('于二〇二六年')).toEqual(['于', '二〇二六', '年']);
    // Words that hold a numeral but are no number stay whole.
    expect(tokenize('十分重要')).toEqual(['十分', '重要']);
    expect(tokenize('任何第三方')).toEqual(['任何', '第三方']);
    expect(tokenize('唯一一家')).toEqual(['唯一', '一', '家']);
  });

  it('should count Latin words and CJK characters', () => {
    expect(countWords('Pay the fees 支付费用。')).toBe(7);
  });
});
