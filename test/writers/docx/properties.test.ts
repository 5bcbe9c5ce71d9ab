/**
 * Properties over random model trees: the writer never throws, every part is
 * well-formed XML, every text value survives (minus characters XML forbids,
 * which are warned about), and equal input gives equal bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clause, doc, item, list, p, part, ref, def, use, em, strong, underline, highlight, textColor, fontSize } from '../../../src/model/build.js';
import type { Block, Clause, Document, Inline } from '../../../src/model/nodes.js';
import { collect } from '../../../src/model/walk.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { readDocx } from './read-docx.js';

const tricky = fc.constantFrom('&', '<', '>', '"', "'", ' ', '  ', '\t', '\n', '\u0007', '“', '生成内容', ']]>', '\uD800', 'é');
const value = fc.array(fc.oneof(fc.string({ maxLength: 6 }), tricky, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 4 }).map((a) => a.join(''));

const inline: fc.Arbitrary<Inline> = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value.map((v): Inline => ({ type: 'text', value: v })),
    value.filter((v) => v !== '').map((v) => def(v)),
    value.filter((v) => v !== '').map((v) => use(v)),
    fc.tuple(fc.constantFrom('c0', 'c1', 'c1#x', 'missing'), fc.constantFrom('Clause 1', 'Clause 2', '第2条', undefined)).map(([t, l]) => ref(t, l)),
    fc.array(tie('inline'), { maxLength: 3 }).map((c) => em(...c)),
    fc.array(tie('inline'), { maxLength: 3 }).map((c) => strong(...c)),
    fc.array(tie('inline'), { maxLength: 3 }).map((c) => underline(...c)),
    // Colours as a model from JSON may hold them: valid, black, with '#', and not colours at all.
    fc.tuple(fc.constantFrom('yellow', 'darkGray', 'chartreuse', '"/>'), fc.array(tie('inline'), { maxLength: 3 })).map(([color, c]) => highlight(color, ...c)),
    fc.tuple(fc.constantFrom('C00000', '000000', '#12ab34', '<x>'), fc.array(tie('inline'), { maxLength: 3 })).map(([color, c]) => textColor(color, ...c)),
    // Sizes as a model from JSON may hold them: whole and half points, and sizes Word cannot set.
    fc.tuple(fc.constantFrom(14, 10.5, 7.25, 0, 2000, Number.NaN), fc.array(tie('inline'), { maxLength: 3 })).map(([points, c]) => fontSize(points, ...c)),
  ),
})).inline;

const paragraph = fc.array(inline, { maxLength: 4 }).map((c) => p(...c));
const block: fc.Arbitrary<Block> = fc.oneof(
  paragraph,
  fc.array(paragraph, { minLength: 1, maxLength: 3 }).chain((ps) => fc.boolean().map((ordered) => list(ps.map((x) => item(x)), ordered))),
);

function clauses(count: number, sub: number): fc.Arbitrary<Clause[]> {
  return fc.array(fc.tuple(fc.array(block, { maxLength: 3 }), fc.option(fc.array(inline, { maxLength: 2 }), { nil: undefined }), fc.nat(sub)), { maxLength: count }).map((list) =>
    list.map(([blocks, heading, subs], i) =>
      clause(`c${i}`, blocks, {
        number: String(i + 1),
        ...(heading ? { heading } : {}),
        clauses: Array.from({ length: subs }, (_, j) => clause(`c${i}#${j}`, [p('sub')], { number: `${i + 1}.${j + 1}` })),
      }),
    ),
  );
}

const document: fc.Arbitrary<Document> = fc
  .tuple(fc.constantFrom('zh', 'en', 'und'), clauses(4, 2), fc.boolean(), value)
  .map(([lang, cs, numbered, title]) => doc(lang, [part('terms', cs, { numbered })], { title }));

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

describe('writeDocx properties', () => {
  it('should write well-formed, complete and deterministic DOCX for any tree', () => {
    fc.assert(
      fc.property(document, (d) => {
        const first = writeDocx(d, { date: '2026-01-01' });
        const view = readDocx(first.bytes); // parses every part
        const all = view.paragraphs.map((x) => x.text).join('');
        for (const t of collect(d, 'text')) expect(all).toContain(t.value.replace(FORBIDDEN, '').replace(/[\t\r\n]/g, ''));
        for (const t of collect(d, 'termUse')) expect(all).toContain(t.label.replace(FORBIDDEN, '').replace(/[\t\r\n]/g, ''));
        const bad = new RegExp(FORBIDDEN.source);
        const lost = collect(d, 'text').some((t) => bad.test(t.value)) || collect(d, 'termUse').some((t) => bad.test(t.label));
        if (lost) expect(first.warnings.map((w) => w.code)).toContain('docx-invalid-character');
        expect(Buffer.from(writeDocx(structuredClone(d), { date: '2026-01-01' }).bytes).equals(Buffer.from(first.bytes))).toBe(true);
      }),
      { numRuns: Number(process.env.DOCX_PROPERTY_RUNS ?? 150) },
    );
  });
});
