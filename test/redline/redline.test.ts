import { describe, expect, it } from 'vitest';
import { clause, doc, item, list, p, part, strong, table } from '../../src/model/build.js';
import type { Clause } from '../../src/model/nodes.js';
import { acceptAll, comparable, hasChanges, rejectAll } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import { redlineString } from '../../src/redline/redline-string.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readMarkdown } from '../../src/readers/markdown.js';
import { HEADING_STYLES, makeDocx } from '../readers/docx-fixture.js';

const one = (...texts: string[]) => doc('en', [part('body', [clause('c', texts.map((t) => p(t)))])]);
const numbered = (clauses: Array<[string, string]>) =>
  doc('en', [part('body', clauses.map(([h, t], i) => clause(`c${i}`, [p(t)], { heading: [h], number: String(i + 1) })))]);
const rs = (a: Parameters<typeof redline>[0], b: Parameters<typeof redline>[1]) => redlineString(redline(a, b));

describe('redline', () => {
  it('should mark a replaced word, not the paragraph', () => {
    expect(rs(one('The old text'), one('The new text'))).toBe('The <del>old</del><ins>new</ins> text');
  });

  it('should mark insertions and deletions at the start, middle and end', () => {
    expect(rs(one('Pay the fees.'), one('Always pay the fees.'))).toBe('<del>Pay</del><ins>Always pay</ins> the fees.');
    expect(rs(one('Pay all the fees.'), one('Pay the fees.'))).toBe('Pay <del>all </del>the fees.');
    expect(rs(one('Pay the fees.'), one('Pay the fees in full.'))).toBe('Pay the fees<ins> in full</ins>.');
  });

  it('should have no changes when a document is compared with itself', () => {
    const a = numbered([['Fees', 'Pay in 30 days.'], ['Term', 'One year.']]);
    const r = redline(a, structuredClone(a));
    expect(hasChanges(r)).toBe(false);
    expect(r.summary.clauses.unchanged).toBe(2);
  });

  it('should not report renumbering alone: an inserted clause leaves later clauses unchanged', () => {
    const a = numbered([['Fees', 'Pay in 30 days.'], ['Term', 'One year.'], ['Law', 'English law.']]);
    const b = numbered([['Fees', 'Pay in 30 days.'], ['Audit', 'We may audit.'], ['Term', 'One year.'], ['Law', 'English law.']]);
    const r = redline(a, b);
    expect(r.clauses.map((c) => c.status)).toEqual(['unchanged', 'added', 'unchanged', 'unchanged']);
    expect(r.clauses.map((c) => c.number)).toEqual([{ ours: '1', theirs: '1' }, { theirs: '2' }, { ours: '2', theirs: '3' }, { ours: '3', theirs: '4' }]);
    expect(redlineString(r, { labels: true })).toBe('[1] Fees ¶ Pay in 30 days. ¶ [2] <ins>Audit</ins> ¶ <ins>We may audit.</ins> ¶ [2→3] Term ¶ One year. ¶ [3→4] Law ¶ English law.');
  });

  it('should not report relabelled list items ((a) → 1.) as text changes', () => {
    const labelled = (labels: string[]) => {
      const items = ['first', 'second'].map((t) => item(t));
      items.forEach((it, i) => (it.label = labels[i]));
      return doc('en', [part('body', [clause('c', [list(items)])])]);
    };
    expect(hasChanges(redline(labelled(['(a)', '(b)']), labelled(['1.', '2.'])))).toBe(false);
  });

  it('should report a moved clause as a move, its text counted once', () => {
    const a = numbered([['Fees', 'Pay the fees within thirty days.'], ['Term', 'This agreement lasts one year.'], ['Law', 'English law governs.']]);
    const b = numbered([['Term', 'This agreement lasts one year.'], ['Law', 'English law governs.'], ['Fees', 'Pay the fees within thirty days.']]);
    const r = redline(a, b);
    expect(redlineString(r)).toBe('<from m1>Fees</from> ¶ <from m1>Pay the fees within thirty days.</from> ¶ Term ¶ This agreement lasts one year. ¶ Law ¶ English law governs. ¶ <to m1>Fees</to> ¶ <to m1>Pay the fees within thirty days.</to>');
    expect(r.summary.clauses.moved).toBe(1);
    expect(r.summary.chars).toEqual({ inserted: 0, deleted: 0, moved: 4 + 32 });
  });

  it('should show what changed inside a moved clause at its new place', () => {
    const a = numbered([['Fees', 'Pay the fees within thirty days.'], ['Term', 'One year.'], ['Law', 'English law.']]);
    const b = numbered([['Term', 'One year.'], ['Law', 'English law.'], ['Fees', 'Pay the fees within sixty days.']]);
    expect(rs(a, b)).toContain('<to m1>Pay the fees within <del>thirty</del><ins>sixty</ins> days.</to>');
  });

  it('should report a paragraph moved to another clause as a paragraph move', () => {
    const moving = 'Each party keeps the other party’s information confidential.';
    const a = doc('en', [part('body', [clause('a', [p('Alpha text.'), p(moving)]), clause('b', [p('Beta text.')])])]);
    const b = doc('en', [part('body', [clause('a', [p('Alpha text.')]), clause('b', [p('Beta text.'), p(moving)])])]);
    expect(rs(a, b)).toBe(`Alpha text. ¶ <from m1>${moving}</from> ¶ Beta text. ¶ <to m1>${moving}</to>`);
  });

  it('should report a paragraph put into a one-cell table (a boxed notice) as a move, and the written DOCX accept to theirs and reject to ours', async () => {
    const notice = '平台对因不可抗力造成的服务中断不承担责任，但应当及时通知用户。';
    const a = doc('zh', [part('body', [clause('a', [p('第一款。'), p(notice)]), clause('b', [p('第二款。')])])]);
    const b = doc('zh', [part('body', [clause('a', [p('第一款。')]), clause('b', [p('第二款。'), table([[notice]])])])]);
    const r = redline(a, b);
    const moved = r.clauses.flatMap((c) => c.paragraphs).filter((x) => x.move);
    expect(moved.map((x) => [x.kind, x.move!.side])).toEqual([['paragraph', 'from'], ['tableRow', 'to']]);
    expect(r.summary.chars).toMatchObject({ inserted: 0, deleted: 0, moved: notice.length });
    // A row of two cells is no paragraph: a paragraph put into one is deleted and inserted.
    const wide = doc('zh', [part('body', [clause('a', [p('第一款。')]), clause('b', [p('第二款。'), table([[notice, '注']])])])]);
    expect(redline(a, wide).clauses.flatMap((c) => c.paragraphs).some((x) => x.move)).toBe(false);
    const { writeRedlineDocx } = await import('../../src/writers/redline/docx/index.js');
    const { acceptAllDocx, rejectAllDocx } = await import('../../src/writers/redline/accept-reject.js');
    const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(b));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(a));
    expect(documentParagraphs(readDocx(bytes, 'r.docx', { revisions: 'accept' }).document)).toEqual(documentParagraphs(b));
    expect(documentParagraphs(readDocx(bytes, 'r.docx', { revisions: 'reject' }).document)).toEqual(documentParagraphs(a));
  });

  it('should compare Chinese by dictionary words and mark only an inserted sentence', () => {
    const a = one('要使用某些服务，您将需要创建一个帐户。在注册过程中，系统将提示您设置密码。');
    const b = one('要使用某些服务，您将需要创建一个帐户。您必须年满13岁才能创建帐户。在注册过程中，系统将提示您设置密码。');
    expect(rs(a, b)).toBe('要使用某些服务，您将需要创建一个帐户。<ins>您必须年满13岁才能创建帐户。</ins>在注册过程中，系统将提示您设置密码。');
    expect(rs(one('用户不得利用生成内容侵害他人权益。'), one('用户不得利用生成内容损害他人合法权益。'))).toBe('用户不得利用生成内容<del>侵害</del><ins>损害</ins>他人<ins>合法</ins>权益。');
  });

  it('should pair a reworded heading with the old one, not delete and insert it', () => {
    const a = numbered([['Subscription Period', 'Each order starts on the start date.']]);
    const b = numbered([['Order Form and Agreement', 'Each order starts on the order date.']]);
    expect(redline(a, b).clauses[0]!.paragraphs.map((x) => x.status)).toEqual(['changed', 'changed']);
  });

  it('should compare table rows cell by cell, and replace a row whose cells changed in number', () => {
    const t = (rows: string[][]) => doc('en', [part('body', [clause('c', [table(rows)])])]);
    expect(rs(t([['Fee', '100'], ['Term', '1 year']]), t([['Fee', '200'], ['Term', '1 year']]))).toBe('Fee\t<del>100</del><ins>200</ins> ¶ Term\t1 year');
    expect(rs(t([['Fee', '100']]), t([['Fee', '100', 'USD']]))).toBe('<del>Fee\t100</del> ¶ <ins>Fee\t100\tUSD</ins>');
  });

  it('should keep formatting runs of both sides for the DOCX writer', () => {
    const a = doc('en', [part('body', [clause('c', [p('Total ', strong('liability'), ' is capped.')])])]);
    const b = doc('en', [part('body', [clause('c', [p('Total ', strong('liability'), ' is unlimited.')])])]);
    const paragraph = redline(a, b).clauses[0]!.paragraphs[0]!;
    expect(paragraph.styles?.ours).toEqual([{ end: 6 }, { end: 15, bold: true }, { end: 26 }]);
  });

  it('should return a coarser (whole-paragraph) result past the token budget instead of throwing', () => {
    // Only repeated tokens: no unique anchor for the patience fallback either.
    const a = one('x y '.repeat(40).trim());
    const b = one('y x '.repeat(40).trim());
    const r = redline(a, b, { maxTokenEdits: 1 });
    expect(r.coarse).toBe(true);
    expect(comparable(acceptAll(r))).toEqual(documentParagraphs(b));
    expect(comparable(rejectAll(r))).toEqual(documentParagraphs(a));
  });

  it('should count clauses and words in the summary', () => {
    const r = redline(numbered([['Fees', 'Pay now.']]), numbered([['Fees', 'Pay the fees now.'], ['Term', 'One year.']]));
    expect(r.summary.clauses).toEqual({ unchanged: 0, changed: 1, added: 1, deleted: 0, moved: 0 });
    expect(r.summary.words).toEqual({ inserted: 5, deleted: 0 });
  });

  it('should handle empty documents on either side', () => {
    const empty = doc('en', [part('body', [])]);
    expect(rs(empty, one('New.'))).toBe('<ins>New.</ins>');
    expect(rs(one('Old.'), empty)).toBe('<del>Old.</del>');
    expect(hasChanges(redline(empty, empty))).toBe(false);
  });

  it('should accept nested sub-clauses and keep their depth', () => {
    const sub: Clause = clause('s', [p('Sub text.')], { heading: ['Sub'], number: '1.1' });
    const a = doc('en', [part('body', [clause('c', [p('Main.')], { heading: ['Main'], number: '1', clauses: [sub] })])]);
    expect(redline(a, a).clauses.map((c) => c.depth)).toEqual([0, 1]);
  });

  it('should compare a text without headings of 150,000 paragraphs (one unit) without overflowing the stack', () => {
    const lines = (edit: boolean) => Array.from({ length: 150_000 }, (_, i) => `Line ${i} of the text${edit && i % 3 === 0 ? 's' : ''}.`);
    const text = (edit: boolean) => doc('en', [part('body', [clause('c', lines(edit).map((t) => p(t)))])]);
    const a = text(false);
    const b = text(true);
    const r = redline(a, b);
    expect(r.summary.paragraphs.changed).toBe(50_000);
    expect(comparable(acceptAll(r))).toEqual(documentParagraphs(b));
    expect(comparable(rejectAll(r))).toEqual(documentParagraphs(a));
  });
});

describe('redline of the document title', () => {
  const titled = (title: string | undefined, text = 'Pay in 30 days.') =>
    doc('en', [part('body', [clause('fees', [p(text)], { heading: ['Fees'], number: '1' })])], title === undefined ? {} : { title });
  const title = (r: ReturnType<typeof redline>) => r.clauses.filter((c) => c.kind === 'title');

  it('should compare a printed title like a heading, first, and count its words but no clause', () => {
    const r = redline(titled('Cloud Service Agreement'), titled('Cloud Services Agreement'));
    expect(title(r)).toHaveLength(1);
    expect(r.clauses[0]).toMatchObject({ kind: 'title', status: 'changed', depth: 0, id: { ours: 'title', theirs: 'title' } });
    expect(redlineString({ ...r, clauses: title(r) })).toBe('Cloud <del>Service</del><ins>Services</ins> Agreement');
    expect(r.summary.clauses).toEqual({ unchanged: 1, changed: 0, added: 0, deleted: 0, moved: 0 });
    expect(r.summary.words).toEqual({ inserted: 1, deleted: 1 });
    expect(comparable(acceptAll(r))[0]).toBe('Cloud Services Agreement');
    expect(comparable(rejectAll(r))[0]).toBe('Cloud Service Agreement');
  });

  it('should insert a title only they have and delete one only we have', () => {
    expect(title(redline(titled(undefined), titled('Master Agreement')))).toMatchObject([{ status: 'added', paragraphs: [{ kind: 'heading', status: 'inserted' }] }]);
    expect(title(redline(titled('Master Agreement'), titled(undefined)))).toMatchObject([{ status: 'deleted', paragraphs: [{ kind: 'heading', status: 'deleted' }] }]);
    expect(hasChanges(redline(titled('Master Agreement'), titled('Master Agreement')))).toBe(false);
  });

  it('should not compare a title a reader took from the first heading or front matter: those are no lines of the draft', () => {
    const md = (text: string) => readMarkdown(text, 'x.md').document;
    // Without a title line the first heading names each draft; it is compared once, as that heading.
    const r = redline(md('## 1. Fees\n\nPay.\n'), md('## 1. Charges\n\nPay.\n'));
    expect(title(r)).toEqual([]);
    expect(redlineString(r)).toBe('<del>Fees</del><ins>Charges</ins> ¶ Pay.');
    expect(hasChanges(redline(md('---\ntitle: Old\n---\nPay.\n'), md('---\ntitle: New\n---\nPay.\n')))).toBe(false);
  });
});

describe('redline of DOCX drafts with a table of contents', () => {
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
  /** Word's TOC field: one entry per heading, each a jump with its page number (a PAGEREF field). */
  const toc = (entries: Array<[string, number]>) =>
    entries
      .map(([heading, page], k) => {
        const open = k === 0 ? `${fld('begin')}<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>${fld('separate')}` : '';
        const close = k === entries.length - 1 ? fld('end') : '';
        const pageRef = `${fld('begin')}<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc${k} \\h </w:instrText></w:r>${fld('separate')}${run(String(page))}${fld('end')}`;
        return `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>${open}<w:hyperlink w:anchor="_Toc${k}">${run(heading)}<w:r><w:tab/></w:r>${pageRef}</w:hyperlink>${close}</w:p>`;
      })
      .join('');
  const draft = (pages: number[], definitions: string) =>
    readDocx(
      makeDocx(
        toc([['1. Definitions', pages[0]!], ['2. Fees', pages[1]!]]) +
          `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run('1. Definitions')}</w:p><w:p>${run(definitions)}</w:p>` +
          `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run('2. Fees')}</w:p><w:p>${run('Fees are due monthly.')}</w:p>`,
        { styles: HEADING_STYLES + '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>' },
      ),
      'draft.docx',
    ).document;

  it('should not report the page numbers an edit moved: only the edit', () => {
    const r = redline(draft([2, 3], 'Words mean things.'), draft([2, 4], 'Words mean things. A long new definition pushes the next clause over a page.'));
    expect(r.summary.clauses.changed).toBe(1);
    expect(r.clauses.filter((c) => c.status !== 'unchanged').map((c) => c.number?.ours)).toEqual(['1']);
  });
});

describe('redline of Markdown with reference links and footnotes', () => {
  it('should compare GFM footnotes as notes, and write them as Word footnotes that accept to theirs and reject to ours', async () => {
    const md = (text: string) => readMarkdown(text, 'x.md').document;
    const ours = md('## 1. Fees\n\nFees are due monthly[^1].\n\n[^1]: In CNY.\n');
    const theirs = md('## 1. Fees\n\nFees are due monthly[^1], late fees apply[^2].\n\n[^1]: In USD.\n[^2]: At 1% a month.\n');
    const r = redline(ours, theirs);
    const notes = r.clauses.find((c) => c.kind === 'part' && c.id.theirs === 'notes')!;
    expect(notes.paragraphs.map((p) => p.spans.map((s) => `${s.kind[0]}:${s.text}`).join('|'))).toEqual(['k:[1] In |d:CNY|i:USD|k:.', 'i:[2] At 1% a month.']);
    const { writeRedlineDocx } = await import('../../src/writers/redline/docx/index.js');
    const { acceptAllDocx, rejectAllDocx } = await import('../../src/writers/redline/accept-reject.js');
    const { strFromU8, unzipSync } = await import('fflate');
    const bytes = writeRedlineDocx(r, { date: '2026-01-01' });
    expect(strFromU8(unzipSync(bytes)['word/footnotes.xml']!)).toContain('At 1% a month.');
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(theirs));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(ours));
  });

  it('should report a definition pointed elsewhere as a changed link on the words that use it, not as text', () => {
    const md = (url: string) => readMarkdown(`## 1. Privacy\n\nSee our [privacy policy][privacy].\n\n[privacy]: ${url}\n`, 'x.md').document;
    const r = redline(md('https://ours.example/privacy'), md('https://ours.example/privacy-v2'));
    expect(r.summary.words).toEqual({ inserted: 0, deleted: 0 });
    const restyled = r.clauses.flatMap((c) => c.paragraphs.flatMap((p) => p.restyled ?? []));
    expect(restyled.map((x) => [x.text, x.ours.link, x.theirs.link])).toEqual([['privacy policy', 'https://ours.example/privacy', 'https://ours.example/privacy-v2']]);
  });
});

describe('redline of Markdown in the form clausewright writes it', () => {
  it('should not report headings renumbered by an inserted clause ("## 3 Fees" → "## 4 Fees")', () => {
    const md = (clauses: string[]) => clauses.map((c, k) => `## ${k + 1} ${c}\n\nThe ${c.toLowerCase()} clause says what it says.\n`).join('\n');
    const r = redline(readMarkdown(md(['Definitions', 'Fees', 'Term', 'Liability']), 'ours.md').document, readMarkdown(md(['Definitions', 'Audit', 'Fees', 'Term', 'Liability']), 'theirs.md').document);
    expect(r.summary.clauses).toMatchObject({ changed: 0, added: 1 });
  });
});
