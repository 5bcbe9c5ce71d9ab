import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/model/nodes.js';
import { collect, inlineText } from '../../src/model/walk.js';
import { readMarkdown } from '../../src/readers/markdown.js';
import { blockTexts, outline } from './helpers.js';

const read = (md: string) => readMarkdown(md, 'x.md').document;

describe('readMarkdown', () => {
  it('should nest clauses by heading level and split the number off the heading', () => {
    const d = read('# Terms\n\nIntro text.\n\n## 1. Fees\n\nPay on time.\n\n### 1.2 Late fees\n\nInterest.\n\n## A. Definitions\n');
    expect(d.meta.title).toBe('Terms');
    expect(d.lang).toBe('en');
    expect(outline(d)).toEqual(['1 Fees', '  1.2 Late fees', 'A. Definitions']);
    const part = d.parts[0];
    expect(part.children).toMatchObject([{ type: 'paragraph', children: [{ type: 'text', value: 'Intro text.' }] }]);
    expect(part.clauses[0]).toMatchObject({ number: '1', heading: [{ type: 'text', value: 'Fees' }], position: { file: 'x.md', line: 5 } });
    expect(part.clauses[0].children[0]).toMatchObject({ type: 'paragraph', position: { line: 7 } });
  });

  it('should give the same tree for shifted heading levels', () => {
    const a = read('### A. One\n#### 1. Sub\ntext\n### B. Two\n');
    const b = read('## A. One\n### 1. Sub\ntext\n## B. Two\n');
    expect(outline(a)).toEqual(outline(b));
  });

  it('should compute ordered list labels the way a renderer shows them', () => {
    const a = read('1. one\n2. two\n3. three\n');
    const b = read('1. one\n1. two\n1. three\n');
    expect(a.parts[0].children).toEqual(b.parts[0].children.map((x) => ({ ...x, position: x.position })));
    const list = a.parts[0].children[0];
    expect(list).toMatchObject({ type: 'list', ordered: true, children: [{ label: '1.' }, { label: '2.' }, { label: '3.' }] });
    expect(blockTexts(a)).toEqual(['1. one\n2. two\n3. three']);
  });

  it('should read nested and fancy lists', () => {
    const d = read('- top\n  - inner\n\n1. first\n    a. alpha\n    b. beta\n');
    const [bullets, ordered] = d.parts[0].children;
    expect(bullets).toMatchObject({ ordered: false, children: [{ label: '•', children: [{ type: 'paragraph' }, { type: 'list', children: [{ label: '•' }] }] }] });
    expect(ordered).toMatchObject({ ordered: true, children: [{ label: '1.', children: [{}, { type: 'list', children: [{ label: 'a.' }, { label: 'b.' }] }] }] });
  });

  it('should read a list item holding a heading as a numbered clause', () => {
    const d = read('# T\n\n1. ## Service\n\n    1.1 <span class="header_3">Access.</span>  You may use it.\n\n2. ## Fees\n\n    Pay.\n');
    expect(outline(d)).toEqual(['1 Service', '  1.1 Access.', '2 Fees']);
    expect(blockTexts(d)).toEqual(['You may use it.', 'Pay.']);
  });

  it('should read Common Paper header spans with ids', () => {
    const d = read('1. <span class="header_2" id="1">Service</span>\n    1. <span class="header_3" id="1.1">Access and Use.</span>  Body text.\n');
    expect(outline(d)).toEqual(['1 Service', '  1.1 Access and Use.']);
    expect(blockTexts(d)).toEqual(['Body text.']);
  });

  it('should move the full stop after a header span into the heading', () => {
    const d = read('1.3 <span class="header_3">Support</span>. During the term.\n');
    expect(outline(d)).toEqual(['1.3 Support.']);
    expect(blockTexts(d)).toEqual(['During the term.']);
  });

  it('should skip front matter, comments and Liquid tags and keep the title', () => {
    const d = read('---\ntitle: "Site Terms"\nversions: x\n---\n<!-- hidden -->\n{% if x %}\nVisible {% endif %}text.\n');
    expect(d.meta).toMatchObject({ title: 'Site Terms', titleSource: 'front-matter' });
    expect(blockTexts(d)).toEqual(['Visible text.']);
    expect(d.parts[0].children[0].position?.line).toBe(7);
  });

  it('should take a lone top-level heading as the printed title, over front matter, and name a draft without one after its first heading', () => {
    const printed = read("---\ntitle: 'Site''s Terms'\n---\n\n# Terms of Service\n\n## 1. Fees\n\nPay.\n");
    expect(printed.meta).toMatchObject({ title: 'Terms of Service', titleLine: 5 });
    expect(printed.meta.titleSource).toBeUndefined();
    expect(read('---\ntitle: "Say \\"hi\\""\n---\nText.\n').meta).toMatchObject({ title: 'Say "hi"', titleSource: 'front-matter' });
    expect(read("---\ntitle: 'Site''s Terms'\n---\nText.\n").meta.title).toBe("Site's Terms");
    const named = read('## 1. Fees\n\nPay.\n');
    expect(named.meta).toMatchObject({ title: 'Fees', titleSource: 'heading' });
    expect(outline(named)).toEqual(['1 Fees']);
  });

  it('should read links with their targets and parse strong and emphasis', () => {
    const d = read('See [the policy](https://x.y/a_(b)) and **bold _and em_** or *it*.\n');
    expect(d.parts[0].children[0]).toMatchObject({
      children: [
        { type: 'text', value: 'See ' },
        { type: 'link', href: 'https://x.y/a_(b)', children: [{ type: 'text', value: 'the policy' }] },
        { type: 'text', value: ' and ' },
        { type: 'strong', children: [{ type: 'text', value: 'bold ' }, { type: 'emphasis', children: [{ type: 'text', value: 'and em' }] }] },
        { type: 'text', value: ' or ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'it' }] },
        { type: 'text', value: '.' },
      ],
    });
  });

  it('should read link titles, angle-bracket targets, escapes, autolinks and links inside emphasis', () => {
    const d = read('[a](<https://x.y/a b> "T") **[b](https://x.y/\\*c\\*)** [*c*](mailto:c@x.y) <https://x.y/d_e_f> ![img](i.png) [ref][r]\n');
    expect(d.parts[0].children[0]).toMatchObject({
      children: [
        { type: 'link', href: 'https://x.y/a b', children: [{ type: 'text', value: 'a' }] },
        { type: 'text', value: ' ' },
        { type: 'strong', children: [{ type: 'link', href: 'https://x.y/*c*', children: [{ type: 'text', value: 'b' }] }] },
        { type: 'text', value: ' ' },
        { type: 'link', href: 'mailto:c@x.y', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'c' }] }] },
        { type: 'text', value: ' ' },
        // An autolink shows its address as written: its underscores are not emphasis.
        { type: 'link', href: 'https://x.y/d_e_f', children: [{ type: 'text', value: 'https://x.y/d_e_f' }] },
        // Images keep their alt text; reference links (definitions are not read) their text.
        { type: 'text', value: ' img ref' },
      ],
    });
  });

  it('should keep the words of a link an emphasis span cuts through, without the link', () => {
    expect(read('*a [b* c](https://x.y)\n').parts[0].children[0]).toMatchObject({
      children: [{ type: 'emphasis', children: [{ type: 'text', value: 'a b' }] }, { type: 'text', value: ' c' }],
    });
  });

  it('should strip HTML tags, decode entities and keep snake_case words', () => {
    const d = read('<u>Terms</u> &amp; <span class="x">conditions</span> of file_name_here.\n');
    expect(blockTexts(d)).toEqual(['Terms & conditions of file_name_here.']);
  });

  it('should read <u>…</u> as underline, inside or around emphasis, and an unclosed one as plain words', () => {
    expect(read('您同意：**<u>平台对间接损失不承担责任</u>**。<u>*Note*</u> <u>open\n').parts[0].children[0]).toMatchObject({
      children: [
        { type: 'text', value: '您同意：' },
        { type: 'strong', children: [{ type: 'underline', children: [{ type: 'text', value: '平台对间接损失不承担责任' }] }] },
        { type: 'text', value: '。' },
        { type: 'underline', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Note' }] }] },
        { type: 'text', value: ' open' },
      ],
    });
  });

  it('should read <mark> as a highlight (its background colour as the nearest Word highlighter name) and a coloured <span> as a text colour, nested', () => {
    const markdown =
      'Fee: <mark>[USD 10,000]</mark>, <mark style="background-color: #00ff00">agreed</mark>, ' +
      '<span class="note">see <span style="color: #c00000">Schedule &amp; 2</span> here</span>, ' +
      '<mark><u>both</u></mark>, <span style="background-color: #ff0000">not a colour</span>, <span style="color: #000000">black</span>.\n';
    expect(read(markdown).parts[0].children[0]).toMatchObject({
      children: [
        { type: 'text', value: 'Fee: ' },
        { type: 'highlight', color: 'yellow', children: [{ type: 'text', value: '[USD 10,000]' }] },
        { type: 'text', value: ', ' },
        { type: 'highlight', color: 'green', children: [{ type: 'text', value: 'agreed' }] },
        { type: 'text', value: ', see ' },
        { type: 'textColor', color: 'C00000', children: [{ type: 'text', value: 'Schedule & 2' }] },
        { type: 'text', value: ' here, ' },
        { type: 'highlight', color: 'yellow', children: [{ type: 'underline', children: [{ type: 'text', value: 'both' }] }] },
        // A background is no text colour, and black prints as the automatic colour does.
        { type: 'text', value: ', not a colour, black.' },
      ],
    });
  });

  it('should read a <span> with a font-size in points as a type size, with its colour, and other units as plain text', () => {
    const markdown = '<span style="font-size: 9pt">Small</span> <span style="color: #C00000; font-size:14pt">both</span> <span style="font-size: 12px">pixels</span>.\n';
    expect(read(markdown).parts[0].children[0]).toMatchObject({
      children: [
        { type: 'fontSize', points: 9, children: [{ type: 'text', value: 'Small' }] },
        { type: 'text', value: ' ' },
        { type: 'textColor', color: 'C00000', children: [{ type: 'fontSize', points: 14, children: [{ type: 'text', value: 'both' }] }] },
        { type: 'text', value: ' pixels.' },
      ],
    });
  });

  it('should read backslash-escaped brackets and angle brackets as text, not as a link, image or tag', () => {
    const d = read('See \\[not a link\\](x), \\!\\[no image\\](y), \\<b> and \\\\[a](https://a.example).\n');
    expect(d.parts[0].children[0]).toMatchObject({
      children: [
        { type: 'text', value: 'See [not a link](x), ![no image](y), <b> and \\' },
        { type: 'link', href: 'https://a.example', children: [{ type: 'text', value: 'a' }] },
        { type: 'text', value: '.' },
      ],
    });
  });

  it('should take a bare whole number opening a heading as its clause number, as clausewright writes headings', () => {
    const d = read('## 7 Ownership of Output\n\nText.\n\n## 2026 Amendments and more\n\nText.\n');
    expect(outline(d)).toEqual(['7 Ownership of Output', '2026 Amendments and more']);
    expect(d.parts[0].clauses.map((c) => c.number)).toEqual(['7', undefined]);
  });

  it('should read tables as rows of cells with a header row', () => {
    const d = read('| A | B |\n| --- | --- |\n| [x](#x) | y \\| z |\n');
    expect(d.parts[0].children[0]).toMatchObject({ type: 'table', children: [{ header: true }, { children: [{}, {}] }] });
    expect(blockTexts(d)).toEqual(['A\tB\nx\ty | z']);
  });

  it('should guess Chinese and join wrapped CJK lines without a space', () => {
    const d = read('## 第一条 定义\n\n本协议中，\n下列术语具有以下含义。\n');
    expect(d.lang).toBe('zh');
    expect(outline(d)).toEqual(['第一条 定义']);
    expect(blockTexts(d)).toEqual(['本协议中，下列术语具有以下含义。']);
  });

  it('should keep the space where a Korean line wraps (Hangul words are spaced) and join Han compatibility ideographs', () => {
    expect(blockTexts(read('이 약관은\n회사와 이용자의\n'))).toEqual(['이 약관은 회사와 이용자의']);
    expect(blockTexts(read('兼容\n\uf900更\n'))).toEqual(['兼容\uf900更']); // U+F900, a compatibility ideograph
  });

  it('should decode the references the HTML reader decodes, the closing ";" required', () => {
    expect(blockTexts(read('&euro;5 &sect;&nbsp;2 &#X4E2D; &#0; &#xD800; &euro &bogus;\n'))).toEqual(['€5 §\u00a02 中 \uFFFD \uFFFD &euro &bogus;']);
  });

  it('should read ~~strikethrough~~ and <s>, <del>, <strike> as struck-through words, and tildes that open or close nothing as text', () => {
    expect(read('Fees are ~~not~~ refundable, <del>in part</del> <s>or</s> <strike>whole</strike>.\n').parts[0].children[0]).toMatchObject({
      children: [
        { type: 'text', value: 'Fees are ' },
        { type: 'strike', children: [{ type: 'text', value: 'not' }] },
        { type: 'text', value: ' refundable, ' },
        { type: 'strike', children: [{ type: 'text', value: 'in part' }] },
        { type: 'text', value: ' ' },
        { type: 'strike', children: [{ type: 'text', value: 'or' }] },
        { type: 'text', value: ' ' },
        { type: 'strike', children: [{ type: 'text', value: 'whole' }] },
        { type: 'text', value: '.' },
      ],
    });
    for (const text of ['About ~5 days.', 'A ~~ spaced ~~ pair.', 'An \\~~escaped\\~~ pair.', 'Three ~~~tildes~~~.']) {
      expect(blockTexts(read(`${text}\n`)), text).toEqual([text.replace(/\\/g, '')]);
    }
  });

  it('should read reference links as the links they define, blank the definitions, and leave code and undefined labels alone', () => {
    const text = [
      'See [our policy][Policy], [the terms][] and [Fees].', // 1
      'Not a link: [undefined label] and ![logo][policy].', // 2
      '', // 3
      '```', // 4
      '[fees][policy] stays code', // 5
      '```', // 6
      '', // 7
      '[policy]: https://x.example/policy "Policy"', // 8
      '[THE  terms]: <https://x.example/the terms>', // 9
      '[fees]: https://x.example/fees', // 10
      '[fees]: https://x.example/second-wins-not', // 11
      '', // 12
      'After.', // 13
    ].join('\n');
    const d = read(text);
    const links = collect(d, 'link').map((l) => [inlineText(l.children), l.href]);
    expect(links).toEqual([
      ['our policy', 'https://x.example/policy'],
      ['the terms', 'https://x.example/the terms'],
      ['Fees', 'https://x.example/fees'],
    ]);
    expect(blockTexts(d)[0]).toBe('See our policy, the terms and Fees. Not a link: [undefined label] and logo.');
    // A GFM footnote is no reference link, even when its text is one word.
    expect(collect(read('Fees apply[^1].\n\n[^1]: Monthly.\n'), 'link')).toEqual([]);
    expect(d.parts[0].children.at(-1)!.position?.line).toBe(13);
  });

  it('should read GFM footnotes as note references, numbered by first use, and their definitions as a notes part', () => {
    const text = [
      'Fees are due monthly[^fee] and **late fees**[^late] apply[^fee]; [^missing] stays.', // 1
      '', // 2
      '```', // 3
      'code[^fee]', // 4
      '```', // 5
      '', // 6
      '[^late]: Late fees are 1% a month,', // 7
      '  capped at 10%.', // 8
      '[^fee]: In *CNY*.', // 9
      '[^unused]: Never shown.', // 10
    ].join('\n');
    const d = read(text);
    const body = d.parts[0].children[0] as Paragraph;
    expect(body.children.filter((n) => n.type === 'noteRef')).toEqual([
      { type: 'noteRef', note: 'footnote', label: '[1]' },
      { type: 'noteRef', note: 'footnote', label: '[2]' },
      { type: 'noteRef', note: 'footnote', label: '[1]' },
    ]);
    expect(blockTexts(d)).toEqual(['Fees are due monthly[1] and late fees[2] apply[1]; [^missing] stays.', 'code[^fee]', '[1] In CNY.', '[2] Late fees are 1% a month, capped at 10%.']);
    const notes = d.parts.find((p) => p.id === 'notes')!;
    expect(notes.children.map((p) => p.position?.line)).toEqual([9, 7]);
    // Text that holds the private-use marks the reader uses keeps its footnotes as text.
    expect(collect(read('A\uE0000\uE001 b[^1].\n\n[^1]: Note.\n'), 'noteRef')).toEqual([]);
  });

  it('should keep hard line breaks and setext headings', () => {
    const d = read('Title\n=====\n\nLine one  \nline two\n\nSub\n---\n');
    expect(d.meta.title).toBe('Title');
    expect(d.parts[0].children[0]).toMatchObject({ children: [{ value: 'Line one' }, { type: 'break' }, { value: 'line two' }] });
    expect(outline(d)).toEqual(['Sub']);
  });

  it('should give many identical headings distinct ids, numbered in order', () => {
    // 20,000 "Reserved" clauses: numbering ids must not try every earlier suffix again.
    const text = '# T\n\n' + Array.from({ length: 20_000 }, (_, i) => `## Reserved\n\nText ${i}.\n`).join('\n');
    const ids = readMarkdown(text, 'x.md').document.parts[0]!.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(20_000);
    expect([ids[0], ids[1], ids[19_999]]).toEqual(['reserved', 'reserved-2', 'reserved-20000']);
  });
});

/**
 * Lines built to make a backtracking pattern slow, found by timing the readers on growing
 * input: each took from seconds to minutes (cubic or quadratic) and must now read in well
 * under the bound, which a linear reader meets many times over on a loaded machine.
 */
describe('readMarkdown on pathological lines (no catastrophic backtracking)', () => {
  const timed = (md: string): { ms: number; texts: string[] } => {
    const started = performance.now();
    const texts = blockTexts(readMarkdown(md, 'x.md').document);
    return { ms: performance.now() - started, texts };
  };

  it.each([
    ['a line of "[" (cubic: 4,000 took 26 s)', '['.repeat(200_000)],
    ['"[[" … "]]" nested', '[['.repeat(50_000) + ']]'.repeat(50_000)],
    ['a line of "![" (an image never closed)', '!['.repeat(100_000)],
    ['"[a](" repeated (a destination never closed)', '[a]('.repeat(50_000)],
    ['"[a][" repeated (a reference link never closed)', '[a]['.repeat(50_000)],
    ['"<!--" repeated (a comment never closed: 17 s for 250 KB)', '<!--'.repeat(50_000)],
    ['"{%" repeated (a Liquid tag never closed)', '{%'.repeat(100_000)],
    ['a heading with a long run of spaces (50 s for 256 KB)', '## Fees' + ' '.repeat(200_000) + 'due'],
    ['a paragraph of 150,000 CRLF lines (joining re-read the joined text: 38 s for 1 MB)', 'line\r\n'.repeat(150_000)],
    ['"<u>" repeated, never closed (13 s for 250 KB)', '<u>'.repeat(100_000)],
    ['"*a " repeated, never closed (5 s for 70 KB)', '*a '.repeat(100_000)],
    ['"__a " repeated, never closed', '__a '.repeat(100_000)],
    ['"<http://a" repeated (an autolink never closed: 32 s for 1 MB)', '<http://a'.repeat(100_000)],
  ])('should read %s in linear time', (_, line) => {
    const { ms, texts } = timed(`# Terms\n\nBefore.\n\n${line}\n\nAfter.\n`);
    expect(ms).toBeLessThan(3_000);
    expect(texts[0]).toBe('Before.');
  });

  it('should still read links with one level of brackets in their text or parentheses in their destination', () => {
    const d = read('Text [see [1]](https://x.example/a_(b)) and ![logo](p.png) and [a [b](https://y.example) c.\n');
    const links = collect(d, 'link').map((l) => [inlineText(l.children), l.href]);
    expect(links).toEqual([
      ['see [1]', 'https://x.example/a_(b)'],
      ['b', 'https://y.example'],
    ]);
    expect(blockTexts(d)).toEqual(['Text see [1] and logo and [a b c.']);
  });

  it('should still drop comments and Liquid tags, and take a heading without its closing #s', () => {
    expect(blockTexts(read('A <!-- hidden --> b {% raw %} c <!-- open\n\n## Fees ##\n\nX.\n'))).toEqual(['A b c <!-- open', 'X.']);
    expect(outline(read('# T\n\n## Fees ##\n\n## C# #\n\n## #\n'))).toEqual(['Fees', 'C#', '']);
  });
});

describe('readMarkdown on deeply nested inline formatting', () => {
  it('should read 10,000 nested <u>, links or emphasis as their words past 32 levels, not overflow the stack (an internal error)', () => {
    for (const md of ['<u>'.repeat(10_000) + 'deep' + '</u>'.repeat(10_000), '[a '.repeat(10_000) + 'deep' + '](https://x.example)'.repeat(10_000), '*a '.repeat(10_000) + 'deep' + ' a*'.repeat(10_000)]) {
      const d = read(`# T\n\n${md}\n`);
      expect(blockTexts(d)[0]).toContain('deep');
      let depth = 0;
      const visit = (nodes: readonly object[], at: number): void => {
        depth = Math.max(depth, at);
        for (const n of nodes) if ('children' in n && Array.isArray(n.children)) visit(n.children as object[], at + 1);
      };
      visit((d.parts[0]!.children[0] as Paragraph).children, 0);
      expect(depth).toBeLessThanOrEqual(33);
    }
  });

  it('should keep formatting nested a few levels deep', () => {
    const d = read('# T\n\n<u>**<mark>*x*</mark>**</u>\n');
    expect((d.parts[0]!.children[0] as Paragraph).children).toEqual([{ type: 'underline', children: [{ type: 'strong', children: [{ type: 'highlight', color: 'yellow', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'x' }] }] }] }] }]);
  });
});
