/** Whatever the writer cannot render is reported, never silently dropped; numbering restarts and mismatches. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/diagnostics.js';
import { clause, doc, field, link, p, part, ref } from '../../../src/model/build.js';
import { collect } from '../../../src/model/walk.js';
import { readDocx as readModel } from '../../../src/readers/docx/index.js';
import type { Block, Document, Inline } from '../../../src/model/nodes.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { attrs, findAll, parseXml, readDocx } from './read-docx.js';
import { bilingualSample, sample } from './sample.js';

const one = (...children: Array<Inline | string>): Document => doc('en', [part('terms', [clause('a', [p(...children)], { heading: ['A'], number: '1' })])]);
const codes = (d: Document): string[] => writeDocx(d).warnings.map((w) => w.code);

describe('writeDocx warnings', () => {
  it('should warn about an unknown inline type and keep its text', () => {
    const d = one('Before ', { type: 'footnote', value: 'kept text' } as unknown as Inline);
    const { bytes, warnings } = writeDocx(d);
    expect(warnings.map((w) => w.code)).toEqual(['docx-unrenderable']);
    expect(warnings[0]!.message).toContain('footnote');
    expect(readDocx(bytes).paragraphs.some((x) => x.text === 'Before kept text')).toBe(true);
  });

  it('should warn that a link is written as its words', () => {
    const { bytes, warnings } = writeDocx(one('See ', link('https://x.example', 'the policy'), '.'));
    expect(warnings.map((w) => w.code)).toEqual(['docx-link-as-text']);
    expect(warnings[0]!.message).toContain('https://x.example');
    expect(readDocx(bytes).paragraphs.some((x) => x.text === 'See the policy.')).toBe(true);
  });

  it('should write a field read from a DOCX as a field, and one naming a bookmark as its result, with a warning', () => {
    const { bytes, warnings } = writeDocx(one('Dated ', field('DATE \\@ "d MMMM yyyy"', '1 May 2026'), ', see ', field('REF _Ref9 \\h', 'clause 2'), '.'));
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['docx-field-as-text', 'field "REF _Ref9 \\h" refers to a bookmark this document does not have; its result is written as text'],
    ]);
    expect(readDocx(bytes).paragraphs.some((x) => x.text === 'Dated 1 May 2026, see clause 2.')).toBe(true);
    expect(collect(readModel(bytes, 'a.docx').document, 'field')).toEqual([{ type: 'field', code: 'DATE \\@ "d MMMM yyyy"', children: [{ type: 'text', value: '1 May 2026' }] }]);
  });

  it('should write a REF field as a field when the document carries the bookmark it names', () => {
    const mark = (edge: 'start' | 'end') => ({ type: 'bookmark' as const, edge, name: '_Ref9' });
    const { bytes, warnings } = writeDocx(one(mark('start'), 'Fees', mark('end'), ' are due; see ', field('REF _Ref9 \\h', 'Fees'), '.'));
    expect(warnings).toEqual([]);
    const read = readModel(bytes, 'a.docx').document;
    expect(collect(read, 'field').map((f) => f.code)).toEqual(['REF _Ref9 \\h']);
    expect(collect(read, 'bookmark').map((b) => `${b.edge} ${b.name}`)).toEqual(['start _Ref9', 'end _Ref9']);
  });

  it('should write a jump to a bookmark the document carries as a w:anchor hyperlink, without a warning', () => {
    const mark = (edge: 'start' | 'end') => ({ type: 'bookmark' as const, edge, name: '_Ref9' });
    const { bytes, warnings } = writeDocx(one(mark('start'), 'Fees', mark('end'), ' are due; see ', link('#_Ref9', 'the fees'), '.'));
    expect(warnings).toEqual([]);
    expect(collect(readModel(bytes, 'a.docx').document, 'link')).toEqual([{ type: 'link', href: '#_Ref9', children: [{ type: 'text', value: 'the fees' }] }]);
  });

  it('should warn about an unknown block type', () => {
    const d = doc('en', [part('terms', [clause('a', [{ type: 'image', src: 'x.png' } as unknown as Block], { number: '1' })])]);
    expect(codes(d)).toEqual(['docx-unrenderable']);
  });

  it('should warn once per attribute the writer does not render', () => {
    const d = one({ type: 'text', value: 'x', attrs: { colour: 'red' } }, { type: 'text', value: 'y', attrs: { colour: 'blue' } });
    expect(codes(d)).toEqual(['docx-attribute-not-rendered']);
  });

  it('should warn about a cross-reference to a missing target and keep its label', () => {
    const { bytes, warnings } = writeDocx(one('See ', ref('nowhere', 'Clause 9'), '.'));
    expect(warnings.map((w) => w.code)).toEqual(['docx-crossref-target-missing']);
    expect(readDocx(bytes).paragraphs.some((x) => x.text === 'See Clause 9.')).toBe(true);
  });

  it('should warn about an unresolved cross-reference and link its target', () => {
    const { bytes, warnings } = writeDocx(one('See ', ref('a'), '.'));
    expect(warnings.map((w) => w.code)).toEqual(['docx-crossref-unresolved']);
    const view = readDocx(bytes);
    expect(findAll(view.body, 'w:hyperlink').map((h) => attrs(h)['w:anchor'])).toEqual(view.paragraphs.flatMap((x) => x.bookmarks));
  });

  it('should drop characters XML cannot carry, with a warning', () => {
    const { bytes, warnings } = writeDocx(one('bell\u0007 here'));
    expect(warnings.map((w) => w.code)).toEqual(['docx-invalid-character']);
    expect(readDocx(bytes).paragraphs.some((x) => x.text === 'bell here')).toBe(true);
  });

  it('should write tabs and line breaks as Word tabs and breaks', () => {
    const { parts } = readDocx(writeDocx(one('a\tb\nc')).bytes);
    expect(parts['word/document.xml']).toContain('<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>');
  });

  it('should warn where a translation lacks a clause, and still write the original', () => {
    const d = bilingualSample();
    const en = d.translations![0]!;
    en.parts[0]!.clauses = en.parts[0]!.clauses.filter((c) => c.id !== 'liability');
    const { bytes, warnings } = writeDocx(d);
    expect(warnings.map((w) => w.code)).toContain('docx-translation-mismatch');
    expect(readDocx(bytes).rows).toContainEqual(['责任限制', '']);
  });

  it('should restart numbering where a second part starts again at 1', () => {
    const d = doc('en', [
      part('terms', [clause('a', [p('A')], { number: '1' }), clause('b', [p('B')], { number: '2' })]),
      part('schedule', [clause('c', [p('C')], { number: '1' })]),
    ]);
    const { bytes, warnings } = writeDocx(d);
    expect(warnings).toEqual([]);
    const view = readDocx(bytes);
    const numbering = parseXml(view.parts['word/numbering.xml']!);
    const restart = findAll(numbering, 'w:num').find((n) => findAll([n], 'w:startOverride').length > 0)!;
    expect(attrs(findAll([restart], 'w:startOverride')[0]!)['w:val']).toBe('1');
    expect(view.paragraphs.find((x) => x.text === 'C')!.numId).toBe(attrs(restart)['w:numId']);
  });

  it('should warn where Word would number a clause differently from the model', () => {
    const deep = clause('a', [], { heading: ['A'], number: '1', clauses: [clause('a#1', [], { number: '1.1', clauses: [clause('a#1#1', [p('x')], { number: '1.1.1' })] })] });
    const d = doc('en', [part('terms', [deep])]);
    expect(codes(d)).toEqual(['docx-numbering-mismatch']);
  });

  it('should warn when signatures are asked for without parties', () => {
    const d = one('x');
    d.meta.signatures = true;
    expect(codes(d)).toEqual(['docx-signatures-without-parties']);
  });

  it('should reject a date that is not YYYY-MM-DD', () => {
    expect(() => writeDocx(sample('en'), { date: '2026-02-30' })).toThrow(InputError);
    expect(() => writeDocx(sample('en'), { date: '1 Jan 2026' })).toThrow(/YYYY-MM-DD/);
  });
});
