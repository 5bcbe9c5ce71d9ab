/** The HTML reader: web pages as drafts (published terms, a counterparty's online version). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import type { Paragraph } from '../../src/model/nodes.js';
import { collect } from '../../src/model/walk.js';
import { assembleFiles } from '../../src/playbook/files.js';
import { pageMarkdown, readHtml } from '../../src/readers/html.js';
import { tokenize } from '../../src/readers/html-tokens.js';
import { readMarkdown } from '../../src/readers/markdown.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { labelsFor } from '../../src/writers/labels.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { REPO } from '../helpers.js';
import { corpus, loadCorpus } from '../redline/corpus-pairs.js';
import { blockTexts, outline } from './helpers.js';

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><title>Acme Terms</title><style>p { color: red }</style><script>if (a < b) document.write("<p>no</p>")</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/terms">Terms</a></nav>
<!-- a comment <p>not text</p> -->
<main>
<h1>Acme Terms of Service</h1>
<p>Last updated: 1&nbsp;March&nbsp;2026 &mdash; read&nbsp;carefully &amp; keep a copy.
<h2>1. Fees</h2>
<p>Fees are <b>payable monthly</b>, <em>in advance</em>, by <u>bank transfer</u>.</p>
<p>See our <a href="https://acme.example/prices?a=1&amp;b=2">price list</a>.<br>Late fees apply.</p>
<ul>
  <li>Invoices are sent by email;
  <li>disputes are raised <mark>within 30 days</mark>:
    <ol><li>in writing;</li><li>with <span style="color: #c00000">reasons</span>.</li></ol>
  </li>
</ul>
<h2>2. Liability</h2>
<p hidden>Draft note: not published.</p>
<div style="display: none">Also hidden.</div>
<p>本平台对间接损失
不承担责任。</p>
<table><thead><tr><th>Plan</th><th>Price | month</th></tr></thead>
<tbody><tr><td>Basic</td><td>USD 10</td></tr><tr><td>Pro<br>annual</td><td>USD 100</td></tr></tbody></table>
<button>Accept</button>
</main>
<footer>© Acme</footer>
</body></html>
`;

describe('readHtml', () => {
  const { document } = readHtml(PAGE, 'terms.html');

  it('should read only the main content: no head, scripts, navigation, comments, buttons, footer or hidden text', () => {
    const texts = blockTexts(document).join('\n');
    for (const absent of ['Acme Terms\n', 'Home', 'no', 'not text', 'Accept', '© Acme', 'Draft note', 'Also hidden']) expect(texts).not.toContain(absent);
    expect(document.meta.title).toBe('Acme Terms of Service');
  });

  it('should read headings as numbered clauses, and paragraphs, lists and tables in them', () => {
    expect(outline(document)).toEqual(['1 Fees', '2 Liability']);
    expect(blockTexts(document)).toEqual([
      'Last updated: 1\u00a0March\u00a02026 — read\u00a0carefully & keep a copy.',
      'Fees are payable monthly, in advance, by bank transfer.',
      'See our price list.\nLate fees apply.',
      '• Invoices are sent by email;\n• disputes are raised within 30 days:\n1. in writing;\n2. with reasons.',
      '本平台对间接损失不承担责任。',
      'Plan\tPrice | month\nBasic\tUSD 10\nPro annual\tUSD 100',
    ]);
  });

  it('should keep bold, italic, underline, highlight, colour and links', () => {
    const paragraphs = collect(document, 'paragraph') as Paragraph[];
    expect(paragraphs[1]!.children).toEqual([
      { type: 'text', value: 'Fees are ' },
      { type: 'strong', children: [{ type: 'text', value: 'payable monthly' }] },
      { type: 'text', value: ', ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'in advance' }] },
      { type: 'text', value: ', by ' },
      { type: 'underline', children: [{ type: 'text', value: 'bank transfer' }] },
      { type: 'text', value: '.' },
    ]);
    expect(paragraphs[2]!.children[1]).toEqual({ type: 'link', href: 'https://acme.example/prices?a=1&b=2', children: [{ type: 'text', value: 'price list' }] });
    // A jump within the page is navigation: its words only.
    expect(readHtml('<p>See <a href="#fees">Clause 1</a>.</p>').document.parts[0]!.children[0]).toMatchObject({ children: [{ type: 'text', value: 'See Clause 1.' }] });
    const json = JSON.stringify(document);
    expect(json).toContain('{"type":"highlight","color":"yellow","children":[{"type":"text","value":"within 30 days"}]}');
    expect(json).toContain('{"type":"textColor","color":"C00000","children":[{"type":"text","value":"reasons"}]}');
  });

  it("should give each clause and paragraph the page's line", () => {
    const fees = document.parts[0]!.clauses[0]!;
    expect(fees.position).toEqual({ file: 'terms.html', line: PAGE.split('\n').findIndex((l) => l.includes('<h2>1. Fees')) + 1 });
    expect(fees.children[1]!.position?.line).toBe(PAGE.split('\n').findIndex((l) => l.includes('price list')) + 1);
  });

  it('should read headings, lists and tables inside a table cell as the text of that cell', () => {
    const page = '<table><tr><th>A</th><th>B</th></tr><tr><td><h3>Head</h3><ul><li>x</li><li>y</li></ul></td><td>outer <table><tr><td>in1</td><td>in2</td></tr></table> after</td></tr></table><p>Next</p>';
    expect(blockTexts(readHtml(page).document)).toEqual(['A\tB\nHead x y\touter in1 in2 after', 'Next']);
  });

  it('should escape text that Markdown would read as markup', () => {
    const page = '<p>- not a bullet</p><p>1. not a list</p><p># not a heading, *not emphasis*, [not a link](x) &lt;b&gt;</p>';
    expect(blockTexts(readHtml(page).document)).toEqual(['- not a bullet', '1. not a list', '# not a heading, *not emphasis*, [not a link](x) <b>']);
    expect(pageMarkdown(page).markdown).toContain('\\- not a bullet');
  });

  it('should read every agreement clausewright publishes as HTML as the Markdown reader reads the same agreement in Markdown', () => {
    for (const playbook of ['aigc-user-agreement', 'data-trade-agreement', 'model-licence-agreement']) {
      for (const lang of ['zh', 'en'] as const) {
        const { document: agreement } = assembleFiles({ playbook: join(REPO, 'playbooks', `${playbook}.yaml`), data: join(REPO, 'examples', `${playbook}.yaml`), lang, date: '2026-01-01' });
        const fromHtml = readHtml(writeHtml(agreement).output as string, 'a.html').document;
        const fromMarkdown = readMarkdown(writeMarkdown(agreement).output as string, 'a.md').document;
        expect(outline(fromHtml), `${playbook} ${lang}`).toEqual(outline(fromMarkdown));
        // The cover (parties, key terms) and the signature blocks are laid out differently by the two writers; the clauses are the same.
        const clauses = (d: typeof fromHtml) => {
          const all = documentParagraphs(d);
          const signatures = all.lastIndexOf(labelsFor(lang).signature);
          return all.slice(all.indexOf(outline(d)[0]!), signatures < 0 ? undefined : signatures);
        };
        expect(clauses(fromHtml), `${playbook} ${lang}`).toEqual(clauses(fromMarkdown));
      }
    }
  });
});

describe('the corpus published again by our writers and read back', () => {
  const files = ['commonpaper', 'site-policy', 'zh'].flatMap((dir) => readdirSync(join(corpus, dir)).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => `${dir}/${f}`));

  it('should read every Markdown document of the corpus, published as HTML, back to the same paragraphs', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const document = loadCorpus(file);
      expect(documentParagraphs(readHtml(writeHtml(document).output as string, 'page.html').document), file).toEqual(documentParagraphs(document));
    }
  });

  it('should read every Markdown document of the corpus, written again as Markdown, back to the same paragraphs', () => {
    for (const file of files) {
      const document = loadCorpus(file);
      expect(documentParagraphs(readMarkdown(writeMarkdown(document).output as string, 'again.md').document), file).toEqual(documentParagraphs(document));
    }
  });
});

describe('readHtml on arbitrary markup', () => {
  it('should read any string of tag soup into a JSON-safe document without throwing (500 cases)', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<li>', '<ul>', '</ul>', '<ol start="x">', '<table>', '<tr>', '<td>', '</table>', '<h2>', '</h2>', '<b>', '</i>', '<a href="j">', '</a>',
      '<mark>', '<span style="color:#c00">', '</span>', '<br>', '<pre>', '</pre>', '<script>', '<main>', '</main>', '<nav hidden>', '<!--', '-->', '<', '>', '&', '&amp;', '&#x0;',
      '1. ', '- ', '#', '*', '[x](y)', '\\', '第一条', '\n', ' ', 'text');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const { document } = readHtml(pieces.join(''), 'soup.html');
        expect(JSON.parse(JSON.stringify(document))).toEqual(document);
      }),
      { numRuns: 500, seed: 29 },
    );
  });
});

describe('HTML reader: the title', () => {
  it("should take a page's lone <h1> as its printed title, on the page's line", () => {
    const { document } = readHtml('<!DOCTYPE html>\n<html><body>\n<main>\n<h1>Terms</h1>\n<h2>1. Fees</h2>\n<p>Pay.</p></main>', 'p.html');
    expect(document.meta).toMatchObject({ title: 'Terms', titleLine: 4 });
    expect(document.meta.titleSource).toBeUndefined();
  });
});

describe('HTML reader: strikethrough', () => {
  it('should read <s>, <strike> and <del> as struck-through words', () => {
    const { document } = readHtml('<p>Fees are <s>not</s> <strike>ever</strike> <del>fully</del> refundable.</p>', 'p.html');
    expect(collect(document, 'strike').map((n) => n.children)).toEqual([[{ type: 'text', value: 'not' }], [{ type: 'text', value: 'ever' }], [{ type: 'text', value: 'fully' }]]);
  });

  it('should read underline and strikethrough set in CSS (text-decoration), as web terms often mark their key clauses', () => {
    const html = '<p>您同意：<span style="text-decoration: underline;">平台对间接损失不承担责任</span>，<span style="text-decoration-line: line-through; color: #C00000">不得退款</span>。</p>';
    const { document } = readHtml(html, 'p.html');
    expect(collect(document, 'underline').map((n) => n.children)).toEqual([[{ type: 'text', value: '平台对间接损失不承担责任' }]]);
    expect(collect(document, 'strike')).toHaveLength(1);
    expect(collect(document, 'textColor').map((n) => n.color)).toEqual(['C00000']);
    expect(collect(readMarkdown('Fees <span style="text-decoration: underline line-through">due</span>.\n', 'x.md').document, 'strike')).toHaveLength(1);
    // <ins> shows underlined, as <u> does.
    expect(collect(readHtml('<p>Fees <ins>now</ins> due.</p>', 'p.html').document, 'underline')).toHaveLength(1);
    expect(collect(readMarkdown('Fees <ins>now</ins> due.\n', 'x.md').document, 'underline')).toHaveLength(1);
  });
});

describe('HTML reader: wrapped lines', () => {
  it('should join a line wrapped between Chinese characters and keep the space between Korean words, as the Markdown reader does', () => {
    const html = '<p>本协议中，\n下列术语</p><p>이 약관은\n회사와</p>';
    expect(blockTexts(readHtml(html, 'p.html').document)).toEqual(['本协议中，下列术语', '이 약관은 회사와']);
    expect(blockTexts(readMarkdown('本协议中，\n下列术语\n\n이 약관은\n회사와\n', 'p.md').document)).toEqual(['本协议中，下列术语', '이 약관은 회사와']);
  });
});

describe('HTML tokenizer', () => {
  it('should read a "<" that opens no tag as text, and not scan quadratically for a ">" that never comes', () => {
    const text = [...tokenize('a < b <3 ' + '<x'.repeat(100_000))].filter((t) => t.kind === 'text').map((t) => (t.kind === 'text' ? t.text : '')).join('');
    expect(text.startsWith('a < b <3 <x<x')).toBe(true);
    expect(text.length).toBe(9 + 200_000);
  });

  it('should read a page of "<" with one ">" at its end, and no line break, in linear time (each "<" searched to the end for ">" and for a line break: 13 s for 1 MB)', () => {
    // The second: its last '<a' is further from the '>' than a tag may be long, so '<b>' is the only tag.
    for (const page of ['<'.repeat(1_000_000) + '>', '<a '.repeat(300_000) + '\n' + 'x'.repeat(70_000) + '<b>']) {
      const started = performance.now();
      const tokens = [...tokenize(page)];
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(tokens.at(-1)!.line).toBe(page.includes('\n') ? 2 : 1);
    }
  });

  it('should decode numeric and named references, and leave unknown names as written', () => {
    const [token] = [...tokenize('&#x4E2D;&#25991; &copy; &bogus; &#0;')];
    expect(token).toEqual({ kind: 'text', text: '中文 © &bogus; \uFFFD', line: 1 });
  });
});

describe('HTML reader on deep nesting (linear time, no stack overflow)', () => {
  it('should read 100,000 nested <u> around a word in linear time, as its word underlined (81 s for 700 KB; 10,000 levels overflowed the stack)', () => {
    const started = performance.now();
    const d = readHtml(`<main><p>${'<u>'.repeat(100_000)}deep${'</u>'.repeat(100_000)} after</p></main>`, 'x.html').document;
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(documentParagraphs(d)).toEqual(['deep after']);
    expect(collect(d, 'underline').length).toBeGreaterThan(0);
  });

  it('should refuse lists nested past 100 levels at once, naming the line, as Markdown is refused (8,000 took 21 s, 80,000 ran out of string)', () => {
    const started = performance.now();
    let caught: unknown;
    try {
      readHtml(`<main>\n${'<ol><li>a'.repeat(80_000)}</main>`, 'x.html');
    } catch (e) {
      caught = e;
    }
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).diagnostics[0]).toMatchObject({ code: 'md-too-deep', file: 'x.html', line: 2 });
    expect(documentParagraphs(readHtml(`<main>${'<ol><li>a'.repeat(99)}</main>`, 'x.html').document)).toHaveLength(99);
  });
});
