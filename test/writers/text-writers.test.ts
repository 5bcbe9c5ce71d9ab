/** Markdown, HTML and JSON writers on small inline trees. */
import { describe, expect, it } from 'vitest';
import { clause, collect, def, doc, strike, field, fontSize, fromJson, highlight, item, link, list, p, part, readMarkdown, ref, strong, table, textColor, underline, use, writeHtml, writeJson, writeMarkdown } from '../../src/index.js';

const tree = () => {
  const items = list([item('first <b>'), item('second')]);
  items.children[0]!.label = '(a)';
  items.children[1]!.label = '(b)';
  const c = clause('fees', [p(def('Fees'), ' are *not* [[markup]] ', strong('conspicuous'), ' see ', ref('fees', 'Clause 1'), '.'), items], { heading: ['Fees & <Charges>'], number: '1' });
  return doc('en', [part('terms', [c])], {
    title: 'A & B Agreement',
    date: '2026-01-02',
    version: '1.0.0',
    parties: [{ id: 'p', term: 'Provider', name: 'P <Ltd>' }],
    keyTerms: [{ name: 'fee', label: 'Fee | monthly', value: '1,000' }],
    signatures: true,
  });
};

describe('fields in the Markdown and HTML writers', () => {
  it('should write a field (read from a DOCX) as its result, in its look', () => {
    const dated = doc('en', [part('terms', [clause('sign', [p('Signed on ', field('DATE \\@ "d MMMM yyyy"', strong('1 May 2026')), '.')])])]);
    expect(writeMarkdown(dated).output as string).toContain('Signed on **1 May 2026**.');
    expect(writeHtml(dated).output as string).toContain('Signed on <strong>1 May 2026</strong>.');
  });
});

describe('underline in the Markdown and HTML writers', () => {
  const underlined = doc('zh', [part('terms', [clause('liability', [p('您同意：', strong(underline('平台对间接损失不承担责任')), '。')])])]);

  it('should write <u> (Markdown has no underline of its own), which the Markdown reader reads back as underline', () => {
    const md = writeMarkdown(underlined).output as string;
    expect(md).toContain('您同意：**<u>平台对间接损失不承担责任</u>**。');
    const paragraph = collect(readMarkdown(md, 'x.md').document, 'paragraph').find((x) => x.children.some((n) => n.type === 'strong'));
    expect(paragraph).toMatchObject({
      children: [{ type: 'text', value: '您同意：' }, { type: 'strong', children: [{ type: 'underline' }] }, { type: 'text', value: '。' }],
    });
    expect(writeHtml(underlined).output as string).toContain('您同意：<strong><u>平台对间接损失不承担责任</u></strong>。');
  });
});

describe('strikethrough in the Markdown, HTML and DOCX writers', () => {
  const struck = doc('en', [part('terms', [clause('fees', [p('Fees are ', strike('not '), 'refundable; about ~5 days, never ~~this~~.')])])]);

  it('should write <s> and escape tildes, so the Markdown reader reads back the same struck words and the same text', () => {
    const md = writeMarkdown(struck).output as string;
    expect(md).toContain('Fees are <s>not </s>refundable; about \\~5 days, never \\~\\~this\\~\\~.');
    expect(collect(readMarkdown(md, 'x.md').document, 'paragraph')[0]!.children).toEqual([
      { type: 'text', value: 'Fees are ' },
      { type: 'strike', children: [{ type: 'text', value: 'not ' }] },
      { type: 'text', value: 'refundable; about ~5 days, never ~~this~~.' },
    ]);
    expect(writeHtml(struck).output as string).toContain('Fees are <s>not </s>refundable;');
  });

  it('should write w:strike in the DOCX, which the DOCX reader reads back as strikethrough', async () => {
    const { writeDocx, readDocx } = await import('../../src/index.js');
    const { bytes } = writeDocx(struck, { date: '2026-01-01' });
    expect(collect(readDocx(bytes, 'x.docx').document, 'strike').map((n) => n.children)).toEqual([[{ type: 'text', value: 'not ' }]]);
  });
});

describe('highlight, text colour and type size in the Markdown and HTML writers', () => {
  const marked = doc('en', [
    part('terms', [clause('fees', [p('Fee: ', highlight('yellow', '[USD 10,000]'), ', ', highlight('green', textColor('C00000', 'payable ', strong('monthly'))), ', ', textColor('x"><script>', 'plain'), '.')])]),
  ]);

  it('should write a sized <span> that the Markdown reader reads back as the same size', () => {
    const sized = doc('en', [part('terms', [clause('notice', [p('Read ', fontSize(14, 'this notice'), ' and ', fontSize(7.5, 'the small print'), '.')])])]);
    const md = writeMarkdown(sized).output as string;
    expect(md).toContain('Read <span style="font-size: 14pt">this notice</span> and <span style="font-size: 7.5pt">the small print</span>.');
    expect(writeHtml(sized).output as string).toContain('Read <span style="font-size: 14pt">this notice</span> and');
    const read = collect(readMarkdown(md, 'x.md').document, 'paragraph').find((x) => x.children.some((n) => n.type === 'fontSize'));
    expect(read?.children).toEqual(collect(sized, 'paragraph')[0]!.children);
  });

  it('should write <mark> and coloured <span>, which the Markdown reader reads back as the same highlight and colour', () => {
    const md = writeMarkdown(marked).output as string;
    expect(md).toContain('Fee: <mark>\\[USD 10,000\\]</mark>, <mark style="background-color: #00FF00"><span style="color: #C00000">payable **monthly**</span></mark>, plain.');
    const read = collect(readMarkdown(md, 'x.md').document, 'paragraph').find((x) => x.children.some((n) => n.type === 'highlight'));
    expect(read?.children).toEqual(collect(marked, 'paragraph')[0]!.children.slice(0, 4).concat([{ type: 'text', value: ', plain.' }]));
    // An invalid colour is not written into a tag: only its text.
    expect(writeHtml(marked).output as string).toContain(
      'Fee: <mark>[USD 10,000]</mark>, <mark style="background-color: #00FF00"><span style="color: #C00000">payable <strong>monthly</strong></span></mark>, plain.',
    );
  });
});

describe('a title a reader only derived, in the Markdown, HTML and DOCX writers', () => {
  it('should print no title line for a draft named after its first heading, and put a front-matter title back in front matter', () => {
    const named = readMarkdown('## 1. Fees\n\nPay.\n', 'x.md').document;
    expect(writeMarkdown(named).output).toMatch(/^## 1 Fees\n/);
    expect(writeHtml(named).output).not.toContain('<h1>');
    expect(writeHtml(named).output).toContain('<title>Fees</title>');
    const fronted = readMarkdown("---\ntitle: 'Site''s \"Terms\"'\n---\nPay.\n", 'x.md').document;
    const again = writeMarkdown(fronted).output as string;
    expect(again).toMatch(/^---\ntitle: "Site's \\"Terms\\""\n---\n/);
    expect(readMarkdown(again, 'again.md').document.meta).toMatchObject({ title: 'Site\'s "Terms"', titleSource: 'front-matter' });
  });
});

describe('Markdown writer', () => {
  const md = writeMarkdown(tree()).output as string;

  it('should write the title, the date in words and the parties', () => {
    expect(md).toMatch(/^# A & B Agreement\n\nVersion 1\.0\.0 · 2 January 2026\n/);
    expect(md).toContain('**“Provider”**: P \\<Ltd>');
  });

  it('should escape text so it cannot become markup', () => {
    expect(md).toContain('are \\*not\\* \\[\\[markup\\]\\] **conspicuous**');
    expect(md).toContain('| Fee \\| monthly | 1,000 |');
  });

  it('should number clause headings and label list items', () => {
    expect(md).toContain('## 1 Fees & \\<Charges>');
    expect(md).toContain('- (a) first \\<b>\n- (b) second');
  });

  it('should end with a signature block when asked', () => {
    expect(md).toMatch(/## Signatures\n\n\*\*Provider\*\*: P \\<Ltd> \(company seal\)/);
  });

  it('should use Chinese labels and dates for a zh document', () => {
    const zh = writeMarkdown({ ...tree(), lang: 'zh' }).output as string;
    expect(zh).toContain('版本 1.0.0 · 2026年1月2日');
    expect(zh).toContain('**“Provider”**：P');
  });
});

describe('HTML writer', () => {
  const html = writeHtml(tree()).output as string;

  it('should write a standalone page without scripts or external resources', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link |src=/);
  });

  it('should escape every value', () => {
    expect(html).toContain('<title>A &amp; B Agreement</title>');
    expect(html).toContain('Fees &amp; &lt;Charges&gt;');
    expect(html).not.toContain('<Ltd>');
  });

  it('should link cross-references to clause anchors and mark definitions', () => {
    expect(html).toContain('<a class="xref" href="#c-fees">Clause 1</a>');
    expect(html).toContain('id="c-fees"');
    expect(html).toContain('<dfn>“Fees”</dfn>');
  });

  it('should lay a bilingual document out in two columns with CJK font fallbacks', () => {
    const zh = { ...tree(), lang: 'zh', translations: [tree()] };
    const out = writeHtml(zh).output as string;
    expect(out).toContain('<main class="bilingual">');
    expect(out).toMatch(/<div class="parallel"><div lang="zh-CN">.*<\/div><div lang="en">/);
    expect(out).toMatch(/:lang\(zh\) \{ font-family: "Noto Serif CJK SC"/);
  });

  it('should keep element ids unique in a bilingual page', () => {
    const zh = { ...tree(), lang: 'zh', translations: [tree()] };
    zh.parts[0]!.clauses[0]!.clauses = [{ type: 'clause' as const, id: 'fees#1', number: '1.1', children: [], clauses: [] }];
    zh.translations[0]!.parts[0]!.clauses[0]!.clauses = [{ type: 'clause' as const, id: 'fees#1', number: '1.1', children: [], clauses: [] }];
    const ids = [...(writeHtml(zh).output as string).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('JSON writer', () => {
  it('should write the versioned model that fromJson reads back', () => {
    const t = tree();
    expect(fromJson(writeJson(t).output as string)).toEqual(t);
  });

  it('should not contain anything but data', () => {
    expect(JSON.parse(writeJson(doc('en', [part('x', [clause('c', [p(use('Fees'))])])])).output as string).parts[0].clauses[0].children[0].children[0]).toEqual({ type: 'termUse', term: 'fees', label: 'Fees' });
  });
});

describe('links in the Markdown and HTML writers', () => {
  const linked = doc('en', [part('terms', [clause('a', [p('See ', link('https://x.example/a b(c)', 'the policy'), ' or ', link('javascript:alert(1)', 'this'), '.')], { heading: ['A'] })])]);

  it('should write a Markdown link whose target reads back as written', () => {
    const md = writeMarkdown(linked).output as string;
    expect(md).toContain('See [the policy](<https://x.example/a b(c)>) or [this](<javascript:alert(1)>).');
    const back = readMarkdown(md, 'back.md').document;
    expect(JSON.stringify(back)).toContain('"href":"https://x.example/a b(c)"');
  });

  it('should make only web, mail and telephone links clickable in HTML, showing any other target as a title', () => {
    const html = writeHtml(linked).output as string;
    expect(html).toContain('See <a href="https://x.example/a b(c)">the policy</a> or <span class="link" title="javascript:alert(1)">this</span>.');
  });
});

describe('merged table cells in the HTML writer', () => {
  it('should give a cell spanning columns its colspan and a covered cell no border above', () => {
    const grid = table([['a', 'b'], ['c', 'd'], ['e']]);
    grid.children[0]!.children[0]!.rowMerge = 'start';
    grid.children[1]!.children[0]!.rowMerge = 'continue';
    grid.children[2]!.children[0]!.colSpan = 2;
    const html = writeHtml(doc('en', [part('t', [clause('a', [grid], { heading: ['A'] })])])).output as string;
    expect(html).toContain('<td class="merged"><p>c</p></td>');
    expect(html).toContain('<td colspan="2"><p>e</p></td>');
  });
});
