import { describe, expect, it } from 'vitest';
import { clause, doc, link, p, part } from '../../../src/model/build.js';
import { redline } from '../../../src/redline/redline.js';
import { warning } from '../../../src/diagnostics.js';
import { writeRedlineHtml } from '../../../src/writers/redline/html.js';
import { writeRedlineMarkdown } from '../../../src/writers/redline/markdown.js';
import { highlightOurs, highlightTheirs, linkOurs, linkTheirs, restyleOurs, restyleTheirs, sample, underlineOurs, underlineTheirs } from './fixtures.js';

describe('writeRedlineHtml', () => {
  const html = writeRedlineHtml(sample);

  it('should be a standalone page: doctype, charset, inline style, no scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  });

  it('should open with a summary table of clauses changed, added, deleted, moved and words inserted/deleted', () => {
    for (const [label, value] of [['Clauses changed', 1], ['Clauses added', 1], ['Clauses deleted', 0], ['Clauses moved', 1]] as const) {
      expect(html).toContain(`<tr><th>${label}</th><td>${value}</td></tr>`);
    }
    expect(html).toContain('<tr><th>Words inserted</th><td>16</td></tr><tr><th>Words deleted</th><td>3</td></tr>');
  });

  it('should mark up the text with <ins> and <del>, escaping the document text', () => {
    expect(html).toContain('within <del>thirty</del><ins>sixty</ins> days.');
    expect(html).toContain('<ins>The Provider may audit &lt;records&gt; once a year &amp; on notice.</ins>');
  });

  it('should show the new number of a renumbered clause with the old one beside it', () => {
    expect(html).toContain('<span class="num">2<span class="was">(was 1)</span></span>');
  });

  it('should link the two ends of a move', () => {
    expect(html).toContain('id="m1-from"');
    expect(html).toContain('href="#m1-to"');
  });

  it('should name CJK fonts before the generic families and set the page language', () => {
    expect(html).toMatch(/"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC"/);
    const zh = writeRedlineHtml(redline(doc('zh', [part('b', [clause('c', [p('甲方')])])]), doc('zh', [part('b', [clause('c', [p('乙方')])])])));
    expect(zh).toContain('<html lang="zh">');
  });

  it('should flag text whose formatting changed, shown as theirs, with the change as its title, and count it', () => {
    const restyled = writeRedlineHtml(redline(restyleOurs, restyleTheirs));
    expect(restyled).toContain('Fees are payable. <span class="restyled" title="bold removed">The Provider is not liable for</span> <span class="restyled" title="bold removed, made italic"><em>indirect</em></span>');
    expect(restyled).toContain('<tr><th>Formatting changes</th><td>3</td></tr>');
    const underlined = writeRedlineHtml(redline(underlineOurs, underlineTheirs));
    expect(underlined).toContain('<span class="restyled" title="underline removed, struck through"><strong><s>平台对间接损失不承担责任。</s></strong></span>');
    expect(underlined).toContain('<span class="restyled" title="underlined"><u>及时处理投诉</u></span>');
  });

  it('should show highlights as marks in the highlighter colour, coloured text in its colour and sized text in its size, kept, restyled and inserted', () => {
    const html = writeRedlineHtml(redline(highlightOurs, highlightTheirs));
    expect(html).toContain('Fee: <span class="restyled" title="yellow highlight removed">[USD 10,000]</span>, payable ');
    expect(html).toContain(
      '<span class="restyled" title="highlighted green, colour changed from #C00000 to #0070C0"><mark style="background-color: #00FF00"><span style="color: #0070C0">within 30 days</span></mark></span>',
    );
    expect(html).toContain('<ins><span style="color: #7030A0">each </span></ins><span class="restyled" title="coloured #7030A0"><span style="color: #7030A0">invoice</span></span>');
    expect(html).toContain('<span class="restyled" title="set in 9 pt"><span style="font-size: 9pt">Late</span></span> ');
  });

  it('should show kept, inserted and deleted text in its bold, italic and links, making only safe links clickable', () => {
    const html = writeRedlineHtml(redline(linkOurs, linkTheirs));
    expect(html).toContain('See our <span class="restyled" title="link changed from https://ours.example/privacy to https://theirs.example/privacy?v=2&amp;x=1"><a href="https://theirs.example/privacy?v=2&amp;x=1" rel="noreferrer">privacy policy</a></span>');
    expect(html).toContain('<a href="https://ours.example/dpa" rel="noreferrer">data </a><ins><a href="https://ours.example/dpa" rel="noreferrer">processing </a></ins><a href="https://ours.example/dpa" rel="noreferrer">terms</a>');
    expect(html).toContain('Fees are <em>due</em> monthly.');
    const unsafe = writeRedlineHtml(redline(doc('en', [part('b', [clause('a', [p('Click ', link('javascript:alert(1)', 'here'), '.')])])]), doc('en', [part('b', [clause('a', [p('Click ', link('javascript:alert(1)', 'here'), ' now.')])])])));
    expect(unsafe).toContain('Click <span class="link" title="javascript:alert(1)">here</span>');
    expect(unsafe).not.toContain('href="javascript');
  });

  it('should list the changed clauses, open when short and folded when long, and none when nothing changed', () => {
    expect(html).toMatch(/<details class="changes" open><summary>Changes \(\d+\)<\/summary>/);
    const many = (word: string) => doc('en', [part('b', Array.from({ length: 70 }, (_, k) => clause(`c${k}`, [p(`Clause ${k} ${word}.`)], { heading: [`Heading ${k}`], number: String(k + 1) })))]);
    expect(writeRedlineHtml(redline(many('old'), many('new')))).toContain('<details class="changes"><summary>Changes (70)</summary>');
    expect(writeRedlineHtml(redline(many('old'), many('old')))).not.toContain('details class="changes"');
  });

  it('should show notes on the drafts above the text, escaped, and no notes section without any', () => {
    const r = redline(restyleOurs, restyleTheirs);
    const page = writeRedlineHtml(r, { notes: [warning('docx-has-revisions', 'theirs.docx carried 2 tracked changes <read as accepted>', { file: 'theirs.docx' })] });
    expect(page).toContain('<section class="notes"><h2>Notes on the drafts</h2><ul><li>theirs.docx: theirs.docx carried 2 tracked changes &lt;read as accepted&gt;</li></ul></section>');
    expect(page.indexOf('class="notes"')).toBeLessThan(page.indexOf('class="legend"'));
    expect(writeRedlineHtml(r)).not.toContain('class="notes"');
    const md = writeRedlineMarkdown(r, { notes: [warning('header-footer-differs', 'the header reads “Final”', { file: 'theirs.docx' })] });
    expect(md).toContain('{>>Notes on the drafts:<<}\n\n- {>>theirs.docx: the header reads “Final”<<}\n');
  });

  it('should show headers and footers that read otherwise above the text, word by word and escaped, in HTML and CriticMarkup', () => {
    const r = {
      ...redline(restyleOurs, restyleTheirs),
      headersFooters: [
        { kind: 'header' as const, type: 'first' as const, spans: [{ kind: 'kept' as const, text: 'Acme <Ltd>' }, { kind: 'inserted' as const, text: ' — Draft++}' }] },
      ],
    };
    const page = writeRedlineHtml(r);
    expect(page).toContain('<section class="headers-footers"><h2>Headers and footers</h2><dl><dt>Header on the first page</dt><dd>Acme &lt;Ltd&gt;<ins> — Draft++}</ins></dd></dl></section>');
    expect(page.indexOf('class="headers-footers"')).toBeLessThan(page.indexOf('class="legend"'));
    expect(writeRedlineHtml(redline(restyleOurs, restyleTheirs))).not.toContain('class="headers-footers"');
    expect(writeRedlineMarkdown(r)).toContain('{>>Headers and footers:<<}\n\n- {>>header on the first page<<} Acme <Ltd>{++ — Draft++\u200B}++}\n');
  });

  it('should list a changed title first, as the title, and show it as a heading with its words marked', () => {
    const titled = (title: string) => doc('en', [part('b', [clause('fees', [p('Pay.')], { heading: ['Fees'], number: '1' })])], { title });
    const page = writeRedlineHtml(redline(titled('Service Agreement'), titled('Services Agreement')));
    expect(page).toContain('<ol><li><a href="#c1">Title: Services Agreement</a> <span class="badge changed">changed</span></li></ol>');
    expect(page).toContain('<section class="clause changed" id="c1"><span class="badge changed">changed</span><h2><del>Service</del><ins>Services</ins> Agreement</h2></section>');
    expect(page).toMatch(/<th>Clauses changed<\/th><td>0<\/td>/);
  });
});
