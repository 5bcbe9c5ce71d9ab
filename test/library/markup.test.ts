import { describe, expect, it } from 'vitest';
import { parseInlines, parseMarkup } from '../../src/library/markup.js';

const noValues: string[] = [];

describe('clause markup', () => {
  it('should parse definitions, uses, inflected uses and cross-references', () => {
    const problems: string[] = [];
    const nodes = parseInlines('[[=Output]] is [[output|Outputs]] per [[#fees]] and [[#fees.due]].', noValues, (m) => problems.push(m));
    expect(problems).toEqual([]);
    expect(nodes).toEqual([
      { type: 'termDefinition', term: 'output', label: 'Output' },
      { type: 'text', value: ' is ' },
      { type: 'termUse', term: 'output', label: 'Outputs' },
      { type: 'text', value: ' per ' },
      { type: 'crossRef', target: 'fees' },
      { type: 'text', value: ' and ' },
      { type: 'crossRef', target: 'fees#due' },
      { type: 'text', value: '.' },
    ]);
  });

  it('should parse bold, emphasis and escapes', () => {
    expect(parseInlines('**no liability** *see* \\*literal\\*', noValues, () => {})).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'no liability' }] },
      { type: 'text', value: ' ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'see' }] },
      { type: 'text', value: ' *literal*' },
    ]);
  });

  it('should turn placeholders into literal text and merge a doubled full stop', () => {
    const nodes = parseInlines('By \uE0000\uE001.', ['Example Co., Ltd.'], () => {});
    expect(nodes).toEqual([{ type: 'text', value: 'By Example Co., Ltd.' }]);
  });

  it('should report unclosed markers', () => {
    const problems: string[] = [];
    parseInlines('[[Term and **bold', noValues, (m) => problems.push(m));
    expect(problems[0]).toMatch(/unclosed \[\[/);
  });

  it('should split units on blank lines, attach lists to their paragraph and read anchors', () => {
    const { units, problems } = parseMarkup('{#intro}First line\ncontinues.\n\nThe User shall not:\n- copy;\n  - nested\n- sell.\n\nLast.', noValues);
    expect(problems).toEqual([]);
    expect(units.map((u) => [u.anchor ?? null, u.blocks.map((b) => b.type)])).toEqual([
      ['intro', ['paragraph']],
      [null, ['paragraph', 'list']],
      [null, ['paragraph']],
    ]);
    const list = units[1]!.blocks[1]!;
    expect(list.type === 'list' && list.children.length).toBe(2);
    expect(list.type === 'list' && list.children[0]!.children.map((b) => b.type)).toEqual(['paragraph', 'list']);
  });

  it('should join wrapped Chinese lines without spaces and English lines with one', () => {
    const { units } = parseMarkup('用户应当\n遵守规则。\n\nThe User\nshall comply.', noValues);
    const texts = units.map((u) => (u.blocks[0]!.type === 'paragraph' ? (u.blocks[0]!.children[0] as { value: string }).value : ''));
    expect(texts).toEqual(['用户应当遵守规则。', 'The User shall comply.']);
  });
});
