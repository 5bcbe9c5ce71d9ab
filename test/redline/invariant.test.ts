/**
 * The heart of issue 4, as properties over generated documents and edits:
 * accepting every change gives their paragraphs, rejecting every change gives
 * ours, and a document compared with itself has no changes. Most cases run in
 * memory; a few hundred go through the written DOCX and back.
 */
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptAll, comparable, hasChanges, rejectAll } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import { documentParagraphs, documentUnits } from '../../src/redline/units.js';
import type { Document } from '../../src/model/nodes.js';
import type { StyleRun } from '../../src/redline/types.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { liveHref } from '../../src/links.js';
import { bookmarkOf } from '../../src/field-codes.js';
import { collect } from '../../src/model/walk.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { buildDoc, docPair, docSpec } from './arbitrary.js';

/** What `pick` makes of each style run of each paragraph (its text and look), in reading order. */
function perRun(d: Document, pick: (text: string, run: StyleRun) => string[]): string[] {
  return documentUnits(d).flatMap((u) =>
    u.paras.flatMap((para) => {
      let from = 0;
      return (para.styles ?? []).flatMap((run) => pick(para.text.slice(from, (from = run.end)), run));
    }),
  );
}

/**
 * Over 150 generated pairs, what `of` finds in the written DOCX read back
 * accepting every change is what it finds in theirs, and rejecting, in ours.
 * Returns how many pairs differed in it, to show the property is not vacuous.
 */
function carriedBothWays(of: (d: Document) => string[], seed: number): number {
  let differed = 0;
  fc.assert(
    fc.property(docPair, ({ ours, theirs }) => {
      const bytes = writeRedlineDocx(redline(ours, theirs), { date: '2026-01-01' });
      expect(of(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document)).toEqual(of(theirs));
      expect(of(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document)).toEqual(of(ours));
      if (of(ours).join() !== of(theirs).join()) differed++;
    }),
    { numRuns: 150, seed },
  );
  return differed;
}

describe('redline invariant (property tests)', () => {
  it('should give their text on accept-all and ours on reject-all (in memory, 600 cases)', () => {
    fc.assert(
      fc.property(docPair, ({ ours, theirs }) => {
        const r = redline(ours, theirs);
        expect(comparable(acceptAll(r))).toEqual(documentParagraphs(theirs));
        expect(comparable(rejectAll(r))).toEqual(documentParagraphs(ours));
      }),
      { numRuns: 600, seed: 4 },
    );
  });

  it('should hold with moves off and tiny budgets, which force coarse results (150 cases)', () => {
    fc.assert(
      fc.property(docPair, ({ ours, theirs }) => {
        const r = redline(ours, theirs, { moves: false, maxTokenEdits: 1, maxPairingCells: 1 });
        expect(comparable(acceptAll(r))).toEqual(documentParagraphs(theirs));
        expect(comparable(rejectAll(r))).toEqual(documentParagraphs(ours));
      }),
      { numRuns: 150, seed: 44 },
    );
  });

  it('should report no change when a document is compared with itself (200 cases)', () => {
    fc.assert(
      fc.property(docSpec, fc.constantFrom('en', 'zh'), (specs, lang) => {
        const r = redline(buildDoc(specs, lang), buildDoc(specs, lang));
        expect(hasChanges(r)).toBe(false);
        expect(r.summary.chars).toEqual({ inserted: 0, deleted: 0, moved: 0 });
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('should hold on the written DOCX: accept-all in Word terms gives theirs, reject-all ours (300 cases)', () => {
    fc.assert(
      fc.property(docPair, ({ ours, theirs }) => {
        const bytes = writeRedlineDocx(redline(ours, theirs), { date: '2026-01-01' });
        expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
        expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
        // The streaming oracle would read past malformed markup; Word would not.
        const parts = unzipSync(bytes);
        for (const name of ['word/document.xml', 'word/_rels/document.xml.rels', 'word/numbering.xml']) expect(XMLValidator.validate(strFromU8(parts[name]!)), name).toBe(true);
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it('should carry links: their clickable links on accept-all of the written DOCX, ours on reject-all (150 cases)', () => {
    /** Every clickable link as "target|words", in reading order. */
    const linksOf = (d: Document) =>
      perRun(d, (text, run) => {
        const words = text.replace(/\s+/g, ' ').trim();
        return words && run.link !== undefined && liveHref(run.link) ? [`${run.link}|${words}`] : [];
      });
    // The generator does point links elsewhere: the property is not vacuous.
    expect(carriedBothWays(linksOf, 7)).toBeGreaterThan(5);
  });

  it('should carry bold, italic, underline, highlight, colour and size: theirs on accept-all of the written DOCX, ours on reject-all (150 cases)', () => {
    // Each formatted visible character with its look ("用:b"), in reading order. Whitespace
    // carries no visible formatting and is not compared (restyle.ts), so it is left out; so is
    // plain text, which the reader may read differently (a leading "7.2" as a clause number).
    const marks = (d: Document) =>
      perRun(d, (text, run) => {
        const look = `${run.bold ? 'b' : ''}${run.italic ? 'i' : ''}${run.underline ? 'u' : ''}${run.highlight ?? ''}${run.color ?? ''}${run.size ?? ''}`;
        return look ? [...text].filter((c) => !/\s/.test(c)).map((c) => `${c}:${look}`) : [];
      });
    // The generator does change formatting: the property is not vacuous.
    expect(carriedBothWays(marks, 9)).toBeGreaterThan(10);
  });

  it('should carry Word fields: their fields on accept-all of the written DOCX, ours on reject-all (150 cases)', () => {
    /** Each field's code with its result's words, in reading order. */
    const fieldsOf = (d: Document) =>
      perRun(d, (text, run) => {
        const words = text.replace(/\s+/g, ' ').trim();
        return words && run.field !== undefined ? [`${run.field}|${words}`] : [];
      });
    // The generator does change fields and their results: the property is not vacuous.
    expect(carriedBothWays(fieldsOf, 13)).toBeGreaterThan(10);
  });

  it('should keep the bookmark every REF field names: none points nowhere after accept-all, nor after reject-all where the bookmarked text stays in place (150 cases)', () => {
    let refs = 0;
    fc.assert(
      fc.property(docPair, ({ ours, theirs }) => {
        const r = redline(ours, theirs);
        const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
        // A bookmark is no tracked change: one in text that moved (or came, or went) is written where theirs has it.
        const notInPlace = new Set(
          r.clauses.flatMap((c) => c.paragraphs.filter((p) => c.move || p.move || (p.status !== 'unchanged' && p.status !== 'changed')).flatMap((p) => (p.bookmarks ?? []).map((b) => b.name))),
        );
        for (const revisions of ['accept', 'reject'] as const) {
          const read = readDocx(bytes, 'r.docx', { revisions }).document;
          const names = new Set(collect(read, 'bookmark').map((b) => b.name));
          const named = collect(read, 'field').flatMap((f) => bookmarkOf(f.code) ?? []);
          expect(named.filter((name) => !names.has(name) && (revisions === 'accept' || !notInPlace.has(name)))).toEqual([]);
          refs += named.length;
        }
      }),
      { numRuns: 150, seed: 14 },
    );
    // The generator does write REF fields: the property is not vacuous.
    expect(refs).toBeGreaterThan(20);
  });

  it('should carry footnotes as Word notes: their notes and references on accept-all of the written DOCX, ours on reject-all (150 cases)', () => {
    /** The notes part and every paragraph that references a note, as the reader gives them. */
    const notesOf = (d: Document) => documentParagraphs(d).filter((t) => /\[\d+\]/.test(t));
    let asNotes = 0;
    expect(carriedBothWays(notesOf, 12)).toBeGreaterThan(10);
    // And they went as Word notes, not as text: most generated pairs with notes pair them all up.
    fc.assert(
      fc.property(docPair, ({ ours, theirs }) => {
        const parts = unzipSync(writeRedlineDocx(redline(ours, theirs), { date: '2026-01-01' }));
        if (parts['word/footnotes.xml']) {
          asNotes++;
          expect(XMLValidator.validate(strFromU8(parts['word/footnotes.xml']))).toBe(true);
          expect(strFromU8(parts['word/document.xml'])).toContain('<w:footnoteReference ');
        }
      }),
      { numRuns: 150, seed: 12 },
    );
    expect(asNotes).toBeGreaterThan(30);
  });

  it("should carry every reviewer's comment once, on the same words: theirs on accept-all of the written DOCX, ours on reject-all (150 cases)", () => {
    /** "comment > reply (done)|words it is on" for each comment `side` wrote (the generator names the side as author), sorted. */
    const commentsOf = (d: Document, side: string) =>
      documentUnits(d)
        .flatMap((u) =>
          u.paras.flatMap((para) =>
            (para.comments ?? [])
              .filter((c) => c.author === side)
              .map((c) => `${[c, ...(c.replies ?? [])].map((x) => x.text).join(' > ')}${c.done ? ' (done)' : ''}|${para.text.slice(c.at, c.at + c.length).replace(/\s+/g, ' ').trim()}`),
          ),
        )
        .sort();
    /** Comments and replies, as the summary and the comments part count them. */
    const countOf = (d: Document, side: string) => commentsOf(d, side).reduce((n, c) => n + c.split(' > ').length, 0);
    let withComments = 0;
    fc.assert(
      fc.property(docPair, ({ ours, theirs }) => {
        const r = redline(ours, theirs);
        const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
        expect(commentsOf(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document, 'theirs')).toEqual(commentsOf(theirs, 'theirs'));
        expect(commentsOf(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document, 'ours')).toEqual(commentsOf(ours, 'ours'));
        // Once each: the comments part holds exactly the comments of both sides.
        expect(r.summary.comments).toEqual({ ours: countOf(ours, 'ours'), theirs: countOf(theirs, 'theirs') });
        const parts = unzipSync(bytes);
        const total = r.summary.comments.ours + r.summary.comments.theirs;
        const count = (name: string, pattern: RegExp) => (parts[name] ? strFromU8(parts[name]).match(pattern)?.length ?? 0 : 0);
        expect(count('word/comments.xml', /<w:comment /g)).toBe(total);
        expect(count('word/document.xml', /<w:commentRangeStart /g)).toBe(total);
        expect(count('word/document.xml', /<w:commentReference /g)).toBe(total);
        if (parts['word/comments.xml']) expect(XMLValidator.validate(strFromU8(parts['word/comments.xml']))).toBe(true);
        if (commentsOf(theirs, 'theirs').length > 0) withComments++;
      }),
      { numRuns: 150, seed: 8 },
    );
    expect(withComments).toBeGreaterThan(30);
  });
});
