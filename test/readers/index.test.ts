import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as readers from '../../src/readers/index.js';
import { readDocument, readMarkdown, readText } from '../../src/readers/index.js';
import { makeDocx, para } from './docx-fixture.js';
import { blockTexts } from './helpers.js';

describe('readDocument', () => {
  it('should expose the reader API', () => {
    expect(Object.keys(readers).sort()).toEqual(['parseXmlPart', 'readDocument', 'readDocx', 'readHtml', 'readMarkdown', 'readText', 'readers', 'unzipDocxSafely']);
  });

  it('should choose the reader by extension, case-insensitively', () => {
    expect(blockTexts(readDocument(strToU8('Some *text*.'), 'a.MD').document)).toEqual(['Some text.']);
    expect(blockTexts(readDocument(strToU8('Some *text*.'), 'a.markdown').document)).toEqual(['Some text.']);
    expect(blockTexts(readDocument(strToU8('Some *text*.'), 'a.txt').document)).toEqual(['Some *text*.']);
    expect(blockTexts(readDocument(makeDocx(para('Word text.')), 'dir.v2/a.Docx').document)).toEqual(['Word text.']);
    expect(readDocument(strToU8('# T\n\nx'), 'a.md').document.parts[0].children[0].position).toEqual({ file: 'a.md', line: 3 });
  });

  it('should read UTF-16 with its byte-order mark, and Chinese GB18030 with a warning, and refuse other encodings', () => {
    const text = '第一条 定义\n\n本协议中，“平台”指 Acme 运营的网站。\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    expect(readDocument(utf16, 'a.txt')).toMatchObject({ warnings: [] });
    expect(blockTexts(readDocument(utf16, 'a.txt').document)).toEqual(['本协议中，“平台”指 Acme 运营的网站。']);
    // GB18030 bytes of the same text (Notepad's "ANSI" on Chinese Windows).
    const gbk = Uint8Array.from(Buffer.from('b5dad2bbccf520b6a8d2e50a0ab1bed0add2e9d6d0a3aca1b0c6bdcca8a1b1d6b82041636d6520d4cbd3aab5c4cdf8d5bea1a30a', 'hex'));
    const read = readDocument(gbk, 'a.txt');
    expect(blockTexts(read.document)).toEqual(['本协议中，“平台”指 Acme 运营的网站。']);
    expect(read.warnings.map((w) => [w.code, w.message])).toEqual([['text-encoding', 'a.txt is not UTF-8: read as GB18030 (GBK), the encoding of Chinese Windows; save it as UTF-8 to be sure it reads as written']]);
    // Latin-1 is no Chinese: refused, not read as Han characters.
    const latin1 = Uint8Array.from(Buffer.from('The Supplier\'s résumé of the café menu is attached.', 'latin1'));
    expect(() => readDocument(latin1, 'a.md')).toThrow(/a\.md is not valid UTF-8 text \(nor Chinese GB18030\): save it as UTF-8/);
  });

  it('should pass revision options to the DOCX reader', () => {
    const bytes = makeDocx('<w:p><w:ins w:id="1" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> text</w:t></w:r></w:p>');
    expect(blockTexts(readDocument(bytes, 'a.docx', { revisions: 'reject' }).document)).toEqual(['text']);
  });

  it('should never throw on arbitrary Markdown or text, and give JSON-safe documents', () => {
    const piece = fc.constantFrom('# ', '## 1. ', '1. ', '   ', '- ', '(a) ', '**', '*', '_', '|', '---', '\n', '\n\n', '<span class="header_2" id="1">', '</span>', '<!--', '-->', '{% x %}', '[a](b)', '[', ']', '(', ')', '](<a b> "t")', '<https://x.y/a_b>', '\u0001', '\u0003', '第一条', '数据', 'word', '😀', 'e\u0301', '\t', '`', '~~', '~', '[^1]', '[^1]: ', '  ', '[a]: https://x.y/a', '[a]', '[a][]', '[b][a]', '```', '<s>', '</s>', '<ins>', '<span style="text-decoration: underline">', '\uE000', '\uE0010\uE001');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const { document } of [readMarkdown(text, 'p.md'), readText(text, 'p.txt')]) {
          expect(JSON.parse(JSON.stringify(document))).toEqual(document);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('isBilingual', () => {
  it('should tell a Chinese-and-English agreement from a Chinese one naming English things, and from an English one', async () => {
    const { isBilingual } = await import('../../src/readers/lang.js');
    const { assembleFiles } = await import('../../src/playbook/files.js');
    const { documentParagraphs } = await import('../../src/redline/units.js');
    const { loadCorpus } = await import('../redline/corpus-pairs.js');
    const { REPO } = await import('../helpers.js');
    const text = (lang: 'zh' | 'en') =>
      documentParagraphs(assembleFiles({ playbook: `${REPO}/playbooks/aigc-user-agreement.yaml`, data: `${REPO}/examples/aigc-user-agreement.yaml`, lang, date: '2026-01-01' }).document).join('\n');
    // Side by side, as the bilingual DOCX reads back (its table rows hold both columns).
    expect(isBilingual(`${text('zh')}\n${text('en')}`)).toBe(true);
    expect(isBilingual(text('zh'))).toBe(false);
    expect(isBilingual(text('en'))).toBe(false);
    // Mozilla's Chinese terms name Firefox, Mozilla VPN, Pocket… in English: still Chinese.
    expect(isBilingual(documentParagraphs(loadCorpus('zh/mozilla-cloud-services-tos.zh-CN.v4-2025.md')).join('\n'))).toBe(false);
  });
});
