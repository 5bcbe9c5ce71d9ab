/**
 * Formatting inside table cells: carried into every redline writer, each cell
 * in its own look, and a change of look in a cell reported like one in a
 * paragraph.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { field, p, table } from '../../../src/model/build.js';
import type { Document } from '../../../src/model/nodes.js';
import { readDocx } from '../../../src/readers/docx/index.js';
import { redline } from '../../../src/redline/redline.js';
import { writeRedlineDocx } from '../../../src/writers/redline/docx/index.js';
import { writeRedlineHtml } from '../../../src/writers/redline/html.js';
import { writeRedlineMarkdown } from '../../../src/writers/redline/markdown.js';
import { looks, schedule } from './fixtures.js';


const r = redline(schedule(true), schedule(false));
const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('formatting in table cells', () => {
  it('should report a cell whose bold was removed as a formatting change of its row', () => {
    const row = r.clauses[0]!.paragraphs[2]!;
    expect(row).toMatchObject({ kind: 'tableRow', status: 'changed', restyled: [{ start: 0, end: 5, text: 'Total', ours: { bold: true }, theirs: {} }] });
  });

  it('should write each cell in its look: the bold change tracked in its cell, the link in its own', () => {
    const cells = xml.split('<w:tc>').slice(1);
    expect(cells[2]).toMatch(/<w:r><w:rPr><w:rPrChange [^>]*><w:rPr><w:b\/><w:bCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">Total<\/w:t><\/w:r>/);
    expect(cells[3]).toMatch(/<w:hyperlink r:id="rIdLink1" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">USD 10<\/w:t>/);
    expect(cells[3]).not.toContain('rPrChange');
  });

  it('should give their look on accept-all and ours on reject-all', () => {
    expect(looks(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document)).toEqual(looks(schedule(false)));
    expect(looks(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document)).toEqual(looks(schedule(true)));
    expect(looks(schedule(true))).not.toEqual(looks(schedule(false)));
  });

  it('should show the change and the link in their cells in HTML and CriticMarkup', () => {
    expect(writeRedlineHtml(r)).toContain('<tr><td><span class="restyled" title="bold removed">Total</span></td><td><a href="https://ours.example/prices" rel="noreferrer">USD 10</a></td></tr>');
    expect(writeRedlineMarkdown(r)).toContain('| {==Total==}{>>bold removed<<} | [USD 10](https://ours.example/prices) |');
  });

  it('should carry a bookmark in a cell on its own words, for the REF field that names it', () => {
    const withBookmark = (amount: string): Document => {
      const d = schedule(true);
      const t = d.parts[0]!.clauses[0]!.children[0]! as ReturnType<typeof table>;
      const mark = (edge: 'start' | 'end') => ({ type: 'bookmark' as const, edge, name: '_Ref5' });
      t.children[1]!.children[1]!.children = [p('Net ', mark('start'), amount, mark('end'))];
      d.parts[0]!.clauses[0]!.children.push(p('The total is ', field('REF _Ref5 \\h', amount), '.'));
      return d;
    };
    const rr = redline(withBookmark('USD 10'), withBookmark('USD 12'));
    const row = rr.clauses[0]!.paragraphs[2]!;
    expect(row.bookmarks).toEqual([{ side: 'ours', name: '_Ref5', at: 10, length: 6 }]);
    const cells = strFromU8(unzipSync(writeRedlineDocx(rr, { date: '2026-01-01' }))['word/document.xml']!).split('<w:tc>');
    expect(cells[4]).toMatch(/<w:t xml:space="preserve">Net <\/w:t><\/w:r><w:bookmarkStart w:id="(\d+)" w:name="_Ref5"\/><w:r><w:t xml:space="preserve">USD <\/w:t><\/w:r>.*<w:bookmarkEnd w:id="\1"\/>/);
  });
});
