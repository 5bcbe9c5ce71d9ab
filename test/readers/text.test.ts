import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { blockTexts, outline } from './helpers.js';

const read = (txt: string) => readText(txt, 'x.txt').document;

describe('readText', () => {
  it('should split paragraphs on blank lines and take a short first line as title', () => {
    const d = read('SERVICE AGREEMENT\n\nThis agreement is made\nbetween us.\n\nSecond paragraph.\n');
    expect(d.meta.title).toBe('SERVICE AGREEMENT');
    expect(d.meta).toMatchObject({ titleLine: 1 });
    expect(blockTexts(d)).toEqual(['This agreement is made between us.', 'Second paragraph.']);
    expect(d.parts[0].children[1].position).toEqual({ file: 'x.txt', line: 6 });
  });

  it('should read short numbered lines as nested clause headings', () => {
    const d = read('Intro paragraph here.\n\n1. Definitions\n\n1.1 Terms\nWords mean things.\n\n2. Fees\n\nPay.\n');
    expect(outline(d)).toEqual(['1 Definitions', '  1.1 Terms', '2 Fees']);
    expect(blockTexts(d)).toEqual(['Intro paragraph here.', 'Words mean things.', 'Pay.']);
    expect(d.parts[0].clauses[0].clauses[0]).toMatchObject({ position: { line: 5 }, children: [{ position: { line: 6 } }] });
  });

  it('should read Chinese articles with the body on the same line', () => {
    const d = read('数据交易协议\n\n第一章 总则\n\n第一条 为规范数据交易，甲乙双方订立本协议。\n\n第二条 定义\n本协议所称数据，是指……\n');
    expect(d.lang).toBe('zh');
    expect(outline(d)).toEqual(['第一章 总则', '  第一条', '  第二条 定义']);
    expect(blockTexts(d)).toEqual(['为规范数据交易，甲乙双方订立本协议。', '本协议所称数据，是指……']);
  });

  it('should take a heading from the line after a bare "Article 3"', () => {
    const d = read('Article 3\nFees\nThe customer pays the fees.\n');
    expect(outline(d)).toEqual(['Article 3 Fees']);
    expect(blockTexts(d)).toEqual(['The customer pays the fees.']);
  });

  it('should read (a)/(b) and bullet lines as lists, keeping labels out of the text', () => {
    const d = read('Section 2.1 Duties\nThe Supplier shall:\n(a) deliver the data;\n(b) keep it safe.\n- one\n- two\n');
    expect(outline(d)).toEqual(['Section 2.1 Duties']);
    const [para, ordered, bullets] = d.parts[0].clauses[0].children;
    expect(para).toMatchObject({ type: 'paragraph' });
    expect(ordered).toMatchObject({ type: 'list', ordered: true, children: [{ label: '(a)' }, { label: '(b)' }] });
    expect(bullets).toMatchObject({ type: 'list', ordered: false, children: [{ label: '•' }, { label: '•' }] });
    expect(blockTexts(d)[1]).toBe('(a) deliver the data;\n(b) keep it safe.');
  });

  it('should read one-line siblings numbered alike as a list, not headings', () => {
    const d = read('Fruit\n\n1. Apples\n2. Pears\n\n3. Plums\n');
    expect(d.parts[0].clauses).toEqual([]);
    expect(blockTexts(d)).toEqual(['1. Apples\n2. Pears\n3. Plums']);
  });

  it('should read a long "1." sentence as a list item, not a heading', () => {
    const d = read('1. The Customer shall pay all fees within thirty days of the invoice date, without set-off.\n');
    expect(d.parts[0].children[0]).toMatchObject({ type: 'list', children: [{ label: '1.' }] });
  });
});

describe('readText on pathological input (linear time)', () => {
  it.each([
    ['a line with a long run of spaces inside (/\\s+$/ backtracked: 9 s for 125 KB)', 'Terms\n\nThe fee' + ' '.repeat(500_000) + 'is due.\n'],
    ['one paragraph of 100,000 lines (joining re-read the joined text: 1.7 s for 25,000)', 'Terms\n\n' + '| x | y |\n'.repeat(100_000)],
  ])('should read %s', (_, text) => {
    const started = performance.now();
    const texts = blockTexts(read(text));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(texts).toHaveLength(1);
  });
});
