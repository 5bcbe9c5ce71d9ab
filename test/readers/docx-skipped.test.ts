/** What the DOCX reader does not read is reported once per kind, never dropped silently. */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx/index.js';
import { blockTexts } from './helpers.js';
import { makeDocx } from './docx-fixture.js';

const read = (body: string) => readDocx(makeDocx(body), 'x.docx');
const picture = '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Logo"/></wp:inline></w:drawing></w:r>';
const textBox = '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>';

describe('readDocx: content it does not read', () => {
  it('should warn once that pictures are not read, and read the text around them', () => {
    const { document, warnings } = read(`<w:p><w:r><w:t xml:space="preserve">Acme </w:t></w:r>${picture}${picture}</w:p>`);
    expect(blockTexts(document)).toEqual(['Acme']);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([['docx-content-skipped', 'x.docx: pictures and drawings are not read: they are not compared, and a redline does not carry them']]);
  });

  it('should say that hidden words are not read, and read the words around them', () => {
    const hidden = (text: string) => `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const { document, warnings } = read(`<w:p><w:r><w:t xml:space="preserve">Fees are </w:t></w:r>${hidden('not ')}<w:r><w:t>refundable.</w:t></w:r></w:p>`);
    expect(blockTexts(document)).toEqual(['Fees are refundable.']);
    expect(warnings.map((w) => w.message)).toEqual(['x.docx: words formatted as hidden (w:vanish) are not read: they are not compared, and a redline does not carry them']);
    expect(read(`<w:p>${hidden(' ')}<w:r><w:t>Fees.</w:t></w:r></w:p>`).warnings).toEqual([]);
  });

  it('should name text boxes apart from pictures', () => {
    const { warnings } = read(`<w:p>${textBox}${picture}</w:p>`);
    expect(warnings.map((w) => w.message)).toEqual(['x.docx: text boxes, pictures and drawings are not read: they are not compared, and a redline does not carry them']);
  });
});
