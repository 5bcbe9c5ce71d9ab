import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { doc, p, part, clause } from '../../../src/model/build.js';
import { comparable } from '../../../src/redline/apply.js';
import { redline } from '../../../src/redline/redline.js';
import { documentParagraphs } from '../../../src/redline/units.js';
import { acceptAllDocx, rejectAllDocx } from '../../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../../src/writers/redline/docx/index.js';
import { ours, sample, theirs } from './fixtures.js';

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, new TextDecoder().decode(v)]));
const bytes = writeRedlineDocx(sample, { author: 'Acme & Co', date: '2026-02-01' });
const files = parts(bytes);
const xml = files['word/document.xml']!;

describe('writeRedlineDocx', () => {
  it('should write a well-formed package with every part Word needs', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/fontTable.xml', 'word/numbering.xml', 'word/settings.xml', 'word/styles.xml'].sort(),
    );
    for (const [name, text] of Object.entries(files)) expect(XMLValidator.validate(text), name).toBe(true);
  });

  it('should write real tracked changes: w:del with w:delText, w:ins with w:t, author and date on each', () => {
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Acme &amp; Co" w:date="2026-02-01T00:00:00Z"><w:r><w:delText xml:space="preserve">thirty<\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Acme &amp; Co" w:date="2026-02-01T00:00:00Z"><w:r><w:t xml:space="preserve">sixty<\/w:t><\/w:r><\/w:ins>/);
    expect(xml).toContain('&lt;records&gt; once a year &amp; on notice.');
  });

  it('should give every revision a unique w:id', () => {
    const ids = [...xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should mark the paragraph mark of a whole inserted paragraph, so reject-all leaves no empty paragraph', () => {
    expect(xml).toMatch(/<w:p><w:pPr><w:pStyle w:val="[^"]+"\/>(?:<w:numPr>.*?<\/w:numPr>)?<w:rPr><w:ins [^>]+\/><\/w:rPr><\/w:pPr><w:ins [^>]+><w:r><w:t xml:space="preserve">Audit<\/w:t>/);
  });

  it('should write a moved clause as w:moveFrom/w:moveTo inside named move ranges', () => {
    expect(xml).toMatch(/<w:moveFromRangeStart w:id="(\d+)"[^>]* w:name="m1"\/>.*<w:moveFromRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveToRangeStart w:id="(\d+)"[^>]* w:name="m1"\/>.*<w:moveToRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveFrom [^>]+><w:r><w:t xml:space="preserve">Term<\/w:t>/);
  });

  it('should number clauses and list items with Word numbering, never as text, so renumbering is no change', () => {
    expect(xml).not.toMatch(/<w:t[^>]*>\s*\(?\d+\.?\)?\s*<\/w:t>/);
    expect(xml).not.toMatch(/<w:(?:ins|del)[^>]*>(?:(?!<\/w:(?:ins|del)>).)*<w:(?:t|delText)[^>]*>\(?[a-c0-9]\)?\.?<\//);
    const numbering = files['word/numbering.xml']!;
    expect(numbering).toContain('<w:lvlText w:val="%1"/>');
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/>');
    expect(xml).toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
  });

  it('should keep our formatting: bold stays bold in kept, inserted and deleted text', () => {
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Fees<\/w:t><\/w:r>/);
  });

  it('should track a changed table cell inside a real table row', () => {
    expect(xml).toMatch(/<w:tc>.*?<w:del [^>]+><w:r><w:delText xml:space="preserve">London<\/w:delText><\/w:r><\/w:del><w:ins [^>]+><w:r><w:t xml:space="preserve">Paris<\/w:t><\/w:r><\/w:ins>.*?<\/w:tc>/);
  });

  it('should give their text on accept-all and ours on reject-all (the invariant, on the bytes)', () => {
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
  });

  it('should be deterministic: same redline and date, same bytes; the date shows in the revisions', () => {
    expect(Buffer.from(writeRedlineDocx(sample, { author: 'Acme & Co', date: '2026-02-01' })).equals(Buffer.from(bytes))).toBe(true);
    expect(parts(writeRedlineDocx(sample, { date: '2027-03-04' }))['word/document.xml']).toContain('w:date="2027-03-04T00:00:00Z"');
  });

  it('should drop characters XML cannot carry rather than write a file Word refuses', () => {
    const bad = redline(doc('en', [part('b', [clause('c', [p('a\u0001b')])])]), doc('en', [part('b', [clause('c', [p('a\u0001c')])])]));
    const text = parts(writeRedlineDocx(bad))['word/document.xml']!;
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toContain('\u0001');
  });

  it('should refuse a malformed date (programmer error)', () => {
    expect(() => writeRedlineDocx(sample, { date: '1 Feb 2026' })).toThrow(/YYYY-MM-DD/);
  });
});
