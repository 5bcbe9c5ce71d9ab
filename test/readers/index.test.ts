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

  it('should pass revision options to the DOCX reader', () => {
    const bytes = makeDocx('<w:p><w:ins w:id="1" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> text</w:t></w:r></w:p>');
    expect(blockTexts(readDocument(bytes, 'a.docx', { revisions: 'reject' }).document)).toEqual(['text']);
  });

  it('should never throw on arbitrary Markdown or text, and give JSON-safe documents', () => {
    const piece = fc.constantFrom('# ', '## 1. ', '1. ', '   ', '- ', '(a) ', '**', '*', '_', '|', '---', '\n', '\n\n', '<span class="header_2" id="1">', '</span>', '<!--', '-->', '{% x %}', '[a](b)', '[', ']', '(', ')', '](<a b> "t")', '<https://x.y/a_b>', '\u0001', '\u0003', '第一条', '数据', 'word', '😀', 'e\u0301', '\t', '`');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const { document } of [readMarkdown(text, 'p.md'), readText(text, 'p.txt')]) {
          expect(JSON.parse(JSON.stringify(document))).toEqual(document);
        }
      }),
      { numRuns: 300 },
    );
  });
});
