/**
 * Reviewers' comments in the redline: carried from each side, anchored on the
 * same words, placed among the spans by every writer, and filtered by side.
 */
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clause, commented, doc, p, part, table } from '../../src/model/build.js';
import type { InlineLike } from '../../src/model/build.js';
import type { Comment } from '../../src/model/nodes.js';
import { comparable } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import type { RedlineComment, Span } from '../../src/redline/types.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { anchorComments } from '../../src/writers/redline/comments.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { writeRedlineHtml } from '../../src/writers/redline/html.js';
import { writeRedlineMarkdown } from '../../src/writers/redline/markdown.js';
import { readDocx } from '../../src/readers/docx/index.js';

const jane: Comment = { author: 'Jane Roe', initials: 'JR', date: '2026-11-20T10:00:00Z', text: 'We bill quarterly.\nSee our policy.' };
const counsel: Comment = { author: 'Our Counsel', date: '2026-11-01T09:00:00Z', text: 'Internal: finance says monthly is a must.' };
const body = (...paragraphs: InlineLike[][]) => doc('en', [part('body', [clause('fees', paragraphs.map((children) => p(...children)))])]);

const ours = body(['Fees are payable ', ...commented('1', counsel, 'monthly in arrears'), '.'], ['Either party may terminate on thirty days notice.']);
const theirs = body(['Fees are payable ', ...commented('7', jane, 'quarterly in advance'), '.'], ['Either party may terminate on sixty days notice.']);

/** A comment's edges and spans as one string: [ and ] around what it covers. */
function placed(spans: Span[], comments: RedlineComment[]): string {
  return anchorComments(spans, comments)
    .map((x) => ('span' in x ? (x.span.kind === 'kept' ? x.span.text : x.span.kind === 'deleted' ? `-${x.span.text}-` : `+${x.span.text}+`) : x.edge === 'start' ? `[${x.comment.text}` : `]`))
    .join('');
}
const note = (side: 'ours' | 'theirs', at: number, length: number, text: string = side): RedlineComment => ({ side, at, length, text });

describe('anchorComments', () => {
  const spans: Span[] = [
    { kind: 'kept', text: 'Pay ' },
    { kind: 'deleted', text: 'thirty' },
    { kind: 'inserted', text: 'sixty' },
    { kind: 'kept', text: ' days.' },
  ];

  it("should place each side's comment in its own text: ours around deleted words, theirs around inserted ones", () => {
    expect(placed(spans, [note('ours', 4, 6)])).toBe('Pay [ours-thirty-]+sixty+ days.');
    expect(placed(spans, [note('theirs', 4, 5)])).toBe('Pay -thirty-[theirs+sixty+] days.');
  });

  it('should cut spans inside, keep a range out of the other side, and close a point at once', () => {
    expect(placed(spans, [note('theirs', 0, 9)])).toBe('[theirsPay -thirty-+sixty+] days.');
    expect(placed(spans, [note('ours', 2, 6)])).toBe('Pa[oursy -thir-]-ty-+sixty+ days.');
    expect(placed(spans, [note('theirs', 4, 0)])).toBe('Pay -thirty-[theirs]+sixty+ days.');
    expect(placed(spans, [note('ours', 16, 0), note('theirs', 0, 0, 'x')])).toBe('[x]Pay -thirty-+sixty+ days.[ours]');
  });

  it('should nest or overlap ranges as given, and leave spans whole without comments', () => {
    expect(placed(spans, [note('theirs', 0, 14, 'a'), note('theirs', 4, 5, 'b')])).toBe('[aPay -thirty-[b+sixty+] days].');
    expect(anchorComments(spans, undefined)).toEqual(spans.map((span) => ({ span })));
  });
});

describe('redline comments', () => {
  it("should carry both sides' comments, anchored in each side's text, and count them", () => {
    const r = redline(ours, theirs);
    const comments = r.clauses[0]!.paragraphs[0]!.comments!;
    expect(comments).toEqual([
      { side: 'ours', ...counsel, at: 17, length: 18 },
      { side: 'theirs', ...jane, at: 17, length: 20 },
    ]);
    expect(r.summary.comments).toEqual({ ours: 1, theirs: 1 });
    expect(r.clauses[0]!.paragraphs[1]!.comments).toBeUndefined();
  });

  it('should carry only the sides asked for', () => {
    expect(redline(ours, theirs, { comments: 'theirs' }).summary.comments).toEqual({ ours: 0, theirs: 1 });
    expect(redline(ours, theirs, { comments: 'ours' }).summary.comments).toEqual({ ours: 1, theirs: 0 });
    const none = redline(ours, theirs, { comments: 'none' });
    expect(none.summary.comments).toEqual({ ours: 0, theirs: 0 });
    expect(none.clauses.flatMap((c) => c.paragraphs).some((p) => p.comments)).toBe(false);
  });

  it('should keep a moved clause\'s comments once: ours where it left, theirs where it arrived', () => {
    const clauses = (first: InlineLike[], order: number[]) =>
      doc('en', [
        part(
          'body',
          order.map((k) =>
            k === 0
              ? clause('c0', [p(...first)], { heading: ['Liability'] })
              : clause(`c${k}`, [p(`Clause ${k} text that stays the same in both drafts of this agreement.`)], { heading: [`Heading ${k}`] }),
          ),
        ),
      ]);
    const moved = 'The aggregate liability of either party is capped at the fees paid in the prior twelve months.';
    const a = clauses([...commented('1', counsel, moved)], [0, 1, 2, 3]);
    const b = clauses([...commented('1', jane, moved)], [1, 2, 3, 0]);
    const r = redline(a, b);
    const from = r.clauses.find((c) => c.move?.side === 'from')!;
    const to = r.clauses.find((c) => c.move?.side === 'to')!;
    expect(from.paragraphs.flatMap((p) => p.comments ?? []).map((c) => c.side)).toEqual(['ours']);
    expect(to.paragraphs.flatMap((p) => p.comments ?? []).map((c) => c.side)).toEqual(['theirs']);
    expect(r.summary.comments).toEqual({ ours: 1, theirs: 1 });
  });

  it('should move their comment onto our text when the paragraphs differ in spacing alone', () => {
    const a = body(['Pay  all fees.']);
    const b = body(['Pay all ', ...commented('1', jane, 'fees'), '.']);
    const [c] = redline(a, b).clauses[0]!.paragraphs[0]!.comments!;
    expect('Pay  all fees.'.slice(c!.at, c!.at + c!.length)).toBe('fees');
  });

  it('should anchor a comment in a table cell on that cell', () => {
    const cells = (c: InlineLike[]) => {
      const t = table([['Fee', '']]);
      t.children[0]!.children[1]!.children = [p(...c)];
      return doc('en', [part('body', [clause('t', [t])])]);
    };
    const r = redline(cells(['100']), cells([...commented('1', jane, '200')]));
    const row = r.clauses[0]!.paragraphs[0]!;
    expect(row.comments).toEqual([{ side: 'theirs', ...jane, at: 4, length: 3 }]);
    const xml = strFromU8(unzipSync(writeRedlineDocx(r, { date: '2026-01-01' }))['word/document.xml']!);
    expect(writeRedlineHtml(r)).toContain('<td><del>100</del><span class="commented"><ins>200</ins></span><sup class="cref"><a href="#note-1" id="ref-1">1</a></sup></td>');
    // Once, in the second cell, around their inserted amount.
    expect(xml.match(/<w:commentRangeStart /g)).toHaveLength(1);
    expect(xml).toMatch(/<w:tc>.*<w:tc>.*<w:commentRangeStart w:id="0"\/><w:ins [^>]*><w:r><w:t xml:space="preserve">200<\/w:t><\/w:r><\/w:ins><w:commentRangeEnd w:id="0"\/>.*<\/w:tc>/);
  });

  it('should anchor a comment on some words of a cell on those words', () => {
    const t = table([['Fee', '']]);
    t.children[0]!.children[1]!.children = [p('USD ', ...commented('1', jane, '200'), ' a month')];
    const d = doc('en', [part('body', [clause('t', [t])])]);
    const row = redline(d, d).clauses[0]!.paragraphs[0]!;
    expect(row.comments).toEqual([{ side: 'ours', ...jane, at: 8, length: 3 }]);
    const xml = strFromU8(unzipSync(writeRedlineDocx(redline(d, d), { date: '2026-01-01' }))['word/document.xml']!);
    expect(xml).toMatch(/<w:t xml:space="preserve">USD <\/w:t><\/w:r><w:commentRangeStart w:id="0"\/><w:r><w:t xml:space="preserve">200<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/>/);
  });
});

describe('redline comments in the writers', () => {
  const r = redline(ours, theirs);

  it('should write Word comments: the comments part, its relationship and content type, and ranges around the words', () => {
    const files = Object.fromEntries(Object.entries(unzipSync(writeRedlineDocx(r, { date: '2026-11-28' }))).map(([k, v]) => [k, strFromU8(v)]));
    for (const [name, text] of Object.entries(files)) expect(XMLValidator.validate(text), name).toBe(true);
    expect(files['word/_rels/document.xml.rels']).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"');
    expect(files['[Content_Types].xml']).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    const comments = files['word/comments.xml']!;
    expect(comments).toContain('<w:comment w:id="0" w:author="Our Counsel" w:date="2026-11-01T09:00:00Z">');
    expect(comments).toContain('<w:comment w:id="1" w:author="Jane Roe" w:date="2026-11-20T10:00:00Z" w:initials="JR"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">We bill quarterly.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">See our policy.</w:t></w:r></w:p></w:comment>');
    const xml = files['word/document.xml']!;
    // Ours covers our deleted words, theirs their inserted ones; each range ends with its reference.
    expect(xml).toContain(
      '<w:t xml:space="preserve">Fees are payable </w:t></w:r>' +
        '<w:commentRangeStart w:id="0"/><w:del w:id="1" w:author="Counterparty" w:date="2026-11-28T00:00:00Z"><w:r><w:delText xml:space="preserve">monthly in arrears</w:delText></w:r></w:del><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
        '<w:commentRangeStart w:id="1"/><w:ins w:id="2" w:author="Counterparty" w:date="2026-11-28T00:00:00Z"><w:r><w:t xml:space="preserve">quarterly in advance</w:t></w:r></w:ins><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>' +
        '<w:r><w:t xml:space="preserve">.</w:t></w:r>',
    );
  });

  it('should leave accept-all and reject-all untouched', () => {
    const bytes = writeRedlineDocx(r, { date: '2026-11-28' });
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
  });

  it('should leave out a date Word would reject, and write no comments part without comments', () => {
    const odd = redline(ours, body(['Fees are payable ', ...commented('7', { author: 'X', date: '20 Nov 2026', text: 'hm' }, 'quarterly'), '.']), { comments: 'theirs' });
    const files = unzipSync(writeRedlineDocx(odd, { date: '2026-11-28' }));
    expect(strFromU8(files['word/comments.xml']!)).toContain('<w:comment w:id="0" w:author="X"><w:p>');
    expect(unzipSync(writeRedlineDocx(redline(ours, theirs, { comments: 'none' }), { date: '2026-11-28' }))['word/comments.xml']).toBeUndefined();
  });

  it('should show comments in HTML as numbered notes on highlighted words, and in CriticMarkup as {>>…<<} after the words, with who and side', () => {
    const html = writeRedlineHtml(r);
    expect(html).toContain('<tr><th>Comments (theirs / ours)</th><td>1 / 1</td></tr>');
    // The commented words highlighted piece by piece (never straddling an insertion), numbered, linked to their notes and back.
    expect(html).toContain(
      '<p>Fees are payable <span class="commented"><del>monthly in arrears</del></span><sup class="cref"><a href="#note-1" id="ref-1">1</a></sup>' +
        '<span class="commented"><ins>quarterly in advance</ins></span><sup class="cref"><a href="#note-2" id="ref-2">2</a></sup>.</p>',
    );
    expect(html).toContain('<p class="comment theirs" id="note-2"><a class="num" href="#ref-2">2</a> <span class="who">Jane Roe, 2026-11-20</span> <span class="side">theirs</span> <span class="on">on “quarterly in advance”</span><br>We bill quarterly.<br>See our policy.</p>');
    expect(html).toContain('<p class="comment ours" id="note-1"><a class="num" href="#ref-1">1</a> <span class="who">Our Counsel, 2026-11-01</span> <span class="side">ours</span> <span class="on">on “monthly in arrears”</span>');
    const md = writeRedlineMarkdown(r);
    expect(md).toContain('Comments: 1 theirs, 1 ours.');
    expect(md).toContain(
      'Fees are payable {--monthly in arrears--}{>>Our Counsel, 2026-11-01 (ours) on “monthly in arrears”: Internal: finance says monthly is a must.<<}' +
        '{++quarterly in advance++}{>>Jane Roe, 2026-11-20 (theirs) on “quarterly in advance”: We bill quarterly. / See our policy.<<}.',
    );
  });
});

describe('comment threads', () => {
  const reply: Comment = { author: 'Our Counsel', date: '2026-11-21T08:00:00Z', text: 'Finance needs monthly.' };
  const thread: Comment = { ...jane, done: true, replies: [reply, { author: 'Jane Roe', date: '2026-11-22T08:00:00Z', text: 'Then net 30.' }] };
  const threaded = body(['Fees are payable ', ...commented('7', thread, 'quarterly in advance'), '.'], ['Either party may terminate on sixty days notice.']);
  const r = redline(ours, threaded, { comments: 'theirs' });

  it('should write a thread as Word does: a range and a comment for each reply, and commentsExtended.xml naming parent and resolved', () => {
    const files = Object.fromEntries(Object.entries(unzipSync(writeRedlineDocx(r, { date: '2026-11-28' }))).map(([k, v]) => [k, strFromU8(v)]));
    for (const [name, text] of Object.entries(files)) expect(XMLValidator.validate(text), name).toBe(true);
    expect(files['word/document.xml']).toContain(
      '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/><w:ins ',
    );
    expect(files['word/document.xml']).toContain(
      '</w:ins><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>',
    );
    expect(files['word/comments.xml']).toContain('<w:comment w:id="1" w:author="Our Counsel" w:date="2026-11-21T08:00:00Z"><w:p w14:paraId="7C000001"><w:r><w:annotationRef/></w:r>');
    // The last paragraph of a comment names it.
    expect(files['word/comments.xml']).toContain('<w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">We bill quarterly.</w:t></w:r></w:p><w:p w14:paraId="7C000000">');
    expect(files['word/commentsExtended.xml']).toContain(
      '<w15:commentEx w15:paraId="7C000000" w15:done="1"/><w15:commentEx w15:paraId="7C000001" w15:paraIdParent="7C000000" w15:done="0"/><w15:commentEx w15:paraId="7C000002" w15:paraIdParent="7C000000" w15:done="0"/>',
    );
    expect(files['word/_rels/document.xml.rels']).toContain('Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"');
    expect(files['[Content_Types].xml']).toContain('<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>');
  });

  it('should read the written thread back as the same thread, on the same words', () => {
    const bytes = writeRedlineDocx(r, { date: '2026-11-28' });
    const back = redline(ours, readDocx(bytes, 'r.docx', { revisions: 'accept' }).document, { comments: 'theirs' });
    const carried = back.clauses.flatMap((c) => c.paragraphs.flatMap((p) => p.comments ?? []));
    expect(carried).toEqual([{ side: 'theirs', at: 17, length: 20, ...thread }]);
  });

  it('should count replies, and show the thread and its resolution in HTML and CriticMarkup', () => {
    expect(r.summary.comments).toEqual({ ours: 0, theirs: 3 });
    const html = writeRedlineHtml(r);
    expect(html).toContain(
      '<span class="side">theirs</span> <span class="done">resolved</span> <span class="on">on “quarterly in advance”</span><br>We bill quarterly.<br>See our policy.' +
        '<span class="reply"><span class="who">Our Counsel, 2026-11-21</span> replied:<br>Finance needs monthly.</span><span class="reply"><span class="who">Jane Roe, 2026-11-22</span> replied:<br>Then net 30.</span></p>',
    );
    expect(writeRedlineMarkdown(r)).toContain(
      '{>>Jane Roe, 2026-11-20 (theirs, resolved) on “quarterly in advance”: We bill quarterly. / See our policy. — Our Counsel, 2026-11-21 replied: Finance needs monthly. — Jane Roe, 2026-11-22 replied: Then net 30.<<}',
    );
  });

  it('should show a comment both drafts carry once: ours when theirs adds nothing, theirs when it adds replies, both when each adds something', () => {
    const drafts = (a: Comment, b: Comment) => {
      const ourDraft = body(['Fees are payable ', ...commented('1', a, 'monthly'), '.']);
      const theirDraft = body(['Fees are payable ', ...commented('5', b, 'monthly'), ' in arrears.']);
      return redline(ourDraft, theirDraft).clauses.flatMap((c) => c.paragraphs.flatMap((p) => p.comments ?? [])).map((c) => `${c.side}:${c.replies?.length ?? 0}`);
    };
    expect(drafts(counsel, { ...counsel })).toEqual(['ours:0']);
    expect(drafts(counsel, { ...counsel, replies: [reply] })).toEqual(['theirs:1']);
    expect(drafts(counsel, { ...counsel, done: true })).toEqual(['theirs:0']);
    expect(drafts({ ...counsel, replies: [reply] }, { ...counsel, replies: [{ ...reply, text: 'No.' }] })).toEqual(['ours:1', 'theirs:1']);
    // Another comment by the same author is not a copy.
    expect(drafts(counsel, { ...counsel, text: 'Another point.' })).toEqual(['ours:0', 'theirs:0']);
  });
});
