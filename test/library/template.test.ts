import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, PLACEHOLDER_OPEN } from '../../src/library/template.js';

const scope = (values: Record<string, unknown>) => ({
  lookup: (root: string) => values[root],
  print: (_name: string, value: unknown) => (typeof value === 'object' && value ? (value as { en?: string }).en : String(value)),
});

const plain = (text: string, values: string[]) => text.replace(/\uE000(\d+)\uE001/g, (_, i) => `<${values[Number(i)]}>`);

describe('clause templates', () => {
  it('should list every variable use with its kind', () => {
    const t = compileTemplate('{{a}} {{#b}}{{.}}{{/b}} {{^c}}x{{/c}} {{#forum=cietac}}y{{/forum=cietac}}');
    expect(t.uses.map((u) => [u.name, u.kind, u.equals ?? null, u.inSection])).toEqual([
      ['a', 'value', null, false],
      ['b', 'section', null, false],
      ['.', 'value', null, true],
      ['c', 'inverted', null, false],
      ['forum', 'section', 'cietac', false],
    ]);
  });

  it('should report broken mustache at the tag to fix, saying what to do', () => {
    const source = 'abc {{#open}} no close\nand more text';
    expect(compileTemplate(source).problems).toEqual([{ message: 'broken mustache: the section {{#open}} is never closed; end it with {{/open}}', offset: source.indexOf('{{#open}}') }]);
    expect(compileTemplate('a {{/late}} b').problems).toEqual([{ message: 'broken mustache: {{/late}} closes no section that is open; remove it or open the section with {{#late}}', offset: 2 }]);
    expect(compileTemplate('pay {{fee within').problems).toEqual([{ message: 'broken mustache: a tag opened with {{ is never closed with }}', offset: 4 }]);
  });

  it('should refuse partials and delimiter changes', () => {
    expect(compileTemplate('{{> other}}').problems[0]!.message).toMatch(/partials/);
    expect(compileTemplate('{{=<% %>=}}').problems[0]!.message).toMatch(/delimiter/);
  });

  it('should insert values as placeholders, never as markup', () => {
    const r = renderTemplate(compileTemplate('Pay {{x}}.'), scope({ x: '[[Evil]] **bold** {{y}}' }));
    expect(r.text).toContain(PLACEHOLDER_OPEN);
    expect(plain(r.text, r.values)).toBe('Pay <[[Evil]] **bold** {{y}}>.');
  });

  it('should render sections for booleans, lists and enum comparisons', () => {
    const t = compileTemplate('{{#on}}A{{/on}}{{^on}}B{{/on}}[{{#list}}{{.}},{{/list}}]{{#f=x}}X{{/f=x}}{{^f=x}}notX{{/f=x}}');
    expect(plain(...(Object.values(renderTemplate(t, scope({ on: true, list: ['p', 'q'], f: 'x' }))).slice(0, 2) as [string, string[]]))).toBe('A[<p>,<q>,]X');
    expect(plain(...(Object.values(renderTemplate(t, scope({ on: false, list: [], f: 'y' }))).slice(0, 2) as [string, string[]]))).toBe('B[]notX');
  });

  it('should resolve dotted names such as parties.platform.name', () => {
    const r = renderTemplate(compileTemplate('{{parties.platform.name}}'), scope({ parties: { platform: { name: { en: 'ACME' } } } }));
    expect(plain(r.text, r.values)).toBe('<ACME>');
  });
});
