/** Bad input: each case throws InputError with a message naming the file (issue 4, "Bad input"). */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { parseXmlPart, readDocument, unzipDocxSafely } from '../../src/readers/index.js';
import { makeDocx, para } from './docx-fixture.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const expectError = (bytes: Uint8Array, file: string, code: string, text: RegExp): void => {
  const e = inputError(() => readDocument(bytes, file));
  expect(e.diagnostics[0]).toMatchObject({ severity: 'error', code, file });
  expect(e.message).toContain(file);
  expect(e.message).toMatch(text);
};

describe('readers on bad input', () => {
  it('should reject a file that is not a zip', () => {
    expectError(strToU8('This is plain text, not a Word document.'), 'drafts/plain.docx', 'docx-not-zip', /not a valid DOCX file/);
  });

  it('should say what a Word file that is no zip likely is (encrypted, or an old .doc), and what to do', () => {
    // The OLE compound-file signature: Word wraps an encrypted DOCX in one, and .doc files are one.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    expect(inputError(() => readDocument(ole, 'theirs.docx')).message).toMatch(/theirs\.docx is not a DOCX file but a password-protected \(encrypted\) Word file or an old Word 97–2003 \.doc: remove the password, or save it as \.docx/);
    expect(inputError(() => readDocument(ole, 'theirs.doc')).message).toMatch(/extension \.doc is not supported .*; Word 97–2003 files are not read: save it as \.docx in Word or LibreOffice/);
    expect(inputError(() => readDocument(strToU8('x'), 'theirs.pdf')).message).toMatch(/PDF holds no editable text to compare/);
  });

  it('should reject a truncated zip', () => {
    const good = makeDocx(para('Hello world, this is a longer paragraph. '.repeat(50)));
    expectError(good.slice(0, Math.floor(good.length / 2)), 'truncated.docx', 'docx-not-zip', /truncated or corrupt/);
  });

  it('should reject a zip whose compressed data is corrupt', () => {
    const good = makeDocx(para('Lorem ipsum dolor sit amet. '.repeat(200)));
    const bad = good.slice();
    for (let i = 120; i < 400; i++) bad[i] = (bad[i] * 7 + 13) & 0xff;
    const e = inputError(() => readDocument(bad, 'corrupt.docx'));
    expect(e.message).toContain('corrupt.docx');
  });

  it('should reject a zip without word/document.xml', () => {
    const zip = zipSync({ 'word/other.xml': strToU8('<x/>') });
    expectError(zip, 'nodoc.docx', 'docx-missing-part', /no word\/document\.xml/);
  });

  it('should reject an XML part with a DOCTYPE (entity bomb)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    expectError(zipSync({ 'word/document.xml': strToU8(lol) }), 'bomb.docx', 'docx-doctype', /word\/document\.xml contains a <!DOCTYPE>/);
    const styles = makeDocx(para('x'), { extra: { 'word/styles.xml': '<!doctype x><w:styles/>' } });
    expectError(styles, 'styles.docx', 'docx-doctype', /word\/styles\.xml/);
  });

  it('should reject an entry with a compression ratio over 100 before inflating it', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/media/zeros.bin': zeros }, { level: 9 });
    expectError(zip, 'zipbomb.docx', 'docx-zip-bomb', /word\/media\/zeros\.bin has a compression ratio of \d+ \(limit 100\)/);
  });

  it('should reject archives declaring more than 200 MB in total', () => {
    const stored = new Uint8Array(2 * 1024 * 1024).fill(7); // stored, so ratio 75 after the patch: only the total trips
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'a.bin': stored, 'b.bin': stored }, { level: 0 });
    // Patch the central directory's declared uncompressed size of the two big entries to 150 MB each.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 46 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 20, true) > 1024 * 1024) view.setUint32(i + 24, 150 * 1024 * 1024, true);
    expectError(zip, 'huge.docx', 'docx-zip-bomb', /more than 200 MB/);
  });

  it('should reject an unsupported extension, naming the file and the extensions it reads', () => {
    const e = inputError(() => readDocument(strToU8('%PDF-1.7'), 'contracts/theirs.pdf'));
    expect(e.diagnostics[0]).toMatchObject({ code: 'unsupported-format', file: 'contracts/theirs.pdf' });
    expect(e.message).toMatch(/contracts\/theirs\.pdf: .*extension \.pdf is not supported \(use \.docx, \.md, \.markdown, \.html, \.htm, \.txt\)/);
    expect(inputError(() => readDocument(strToU8('x'), 'README')).message).toMatch(/no extension/);
  });

  it('should reject Markdown or text that is not UTF-8', () => {
    const e = inputError(() => readDocument(new Uint8Array([0x41, 0xe9, 0x20, 0x41]), 'latin1.txt'));
    expect(e.message).toMatch(/latin1\.txt is not valid UTF-8/);
    // A UTF-16 byte-order mark with an odd byte left over: broken UTF-16, not another encoding.
    expect(inputError(() => readDocument(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt')).message).toMatch(/odd\.txt starts as UTF-16 text but is not valid UTF-16/);
  });

  it('should refuse Markdown nested past 100 levels at the line where it goes too deep, and read huge flat quotes', () => {
    const nested = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
    const e = inputError(() => readDocument(strToU8(nested), 'deep.md'));
    expect(e.diagnostics[0]).toMatchObject({ code: 'md-too-deep', file: 'deep.md', line: 101 });
    expect(e.message).toMatch(/deep\.md:101: .*nested more than 100 levels deep/);
    expect(inputError(() => readDocument(strToU8('>'.repeat(5000) + ' deep'), 'quotes.md')).diagnostics[0]).toMatchObject({ code: 'md-too-deep', line: 1 });
    // Many blocks in one quote are not deep: 200,000 paragraphs read (no spread of a huge array into a call).
    const wide = Array.from({ length: 200_000 }, (_, i) => `> p${i}\n>`).join('\n');
    expect(readDocument(strToU8(wide), 'wide.md').document.parts[0]!.children).toHaveLength(200_000);
    const fine = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
    expect(() => readDocument(strToU8(fine), 'fine.md')).not.toThrow();
  });

  it('should expose the safe unzip and XML parsing for reuse', () => {
    const parts = unzipDocxSafely(makeDocx(para('Hi')), 'ok.docx');
    expect(Object.keys(parts)).toContain('word/document.xml');
    const root = parseXmlPart(parts['word/document.xml'], 'word/document.xml', 'ok.docx');
    expect(root.name).toBe('w:document');
    expect(() => parseXmlPart(strToU8('<!DOCTYPE x><x/>'), 'word/x.xml', 'ok.docx')).toThrow(InputError);
  });
});
