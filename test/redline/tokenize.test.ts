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

  it('should count Latin words and CJK characters', () => {
    expect(countWords('Pay the fees 支付费用。')).toBe(7);
  });
});
