import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/diagnostics.js';
import { acceptAllDocx, rejectAllDocx, resolveDocumentXml } from '../../../src/writers/redline/accept-reject.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const delRun = (t: string) => `<w:r><w:delText xml:space="preserve">${t}</w:delText></w:r>`;
const R = 'w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"';

describe('accept-all / reject-all on DOCX', () => {
  it('should drop w:del and unwrap w:ins on accept, and the reverse on reject', () => {
    const xml = body(`<w:p>${run('The ')}<w:del ${R}>${delRun('old')}</w:del><w:ins ${R}>${run('new')}</w:ins>${run(' text')}</w:p>`);
    expect(resolveDocumentXml(xml, 'accept')).toEqual(['The new text']);
    expect(resolveDocumentXml(xml, 'reject')).toEqual(['The old text']);
  });

  it('should treat w:moveFrom like a deletion and w:moveTo like an insertion', () => {
    const xml = body(`<w:p><w:moveFrom ${R}>${run('Moved.')}</w:moveFrom></w:p><w:p>${run('Stay.')}</w:p><w:p><w:moveTo ${R}>${run('Moved.')}</w:moveTo></w:p>`);
    expect(resolveDocumentXml(xml, 'accept')).toEqual(['', 'Stay.', 'Moved.']);
    expect(resolveDocumentXml(xml, 'reject')).toEqual(['Moved.', 'Stay.', '']);
  });

  it('should join a paragraph whose mark is deleted with the next one, as Word does', () => {
    const xml = body(`<w:p><w:pPr><w:rPr><w:del ${R}/></w:rPr></w:pPr>${run('One ')}</w:p><w:p>${run('two.')}</w:p>`);
    expect(resolveDocumentXml(xml, 'accept')).toEqual(['One two.']);
    expect(resolveDocumentXml(xml, 'reject')).toEqual(['One ', 'two.']);
  });

  it('should drop a whole row whose w:trPr is deleted, and read rows as cells joined by tabs', () => {
    const row = (mark: string, a: string, b: string) => `<w:tr>${mark}<w:tc><w:p>${run(a)}</w:p></w:tc><w:tc><w:p>${run(b)}</w:p></w:tc></w:tr>`;
    const xml = body(`<w:tbl>${row('', 'Fee', '100')}${row(`<w:trPr><w:del ${R}/></w:trPr>`, 'Old', 'row')}${row(`<w:trPr><w:ins ${R}/></w:trPr>`, 'New', 'row')}</w:tbl>`);
    expect(resolveDocumentXml(xml, 'accept')).toEqual(['Fee\t100', 'New\trow']);
    expect(resolveDocumentXml(xml, 'reject')).toEqual(['Fee\t100', 'Old\trow']);
  });

  it('should read w:tab and w:br inside runs but not tab stops, and skip mc:Fallback twins', () => {
    const xml = body(
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>` +
        `<mc:AlternateContent><mc:Choice Requires="w14">${run('x')}</mc:Choice><mc:Fallback>${run('x')}</mc:Fallback></mc:AlternateContent></w:p>`,
    );
    expect(resolveDocumentXml(xml, 'accept')).toEqual(['a\tb\ncx']);
  });

  it('should skip a text box inside a paragraph, as the reader does, keeping the paragraph around it', () => {
    const box = '<w:r><w:drawing><wp:anchor><w:txbxContent><w:p><w:r><w:t>Confidential</w:t></w:r></w:p></w:txbxContent></wp:anchor></w:drawing></w:r>';
    expect(resolveDocumentXml(body(`<w:p>${run('Before ')}${box}${run('after.')}</w:p>`), 'reject')).toEqual(['Before after.']);
  });

  it('should decode entities', () => {
    expect(resolveDocumentXml(body(`<w:p>${run('a &lt;b&gt; &amp; &#x4E2D;&#25991;')}</w:p>`), 'accept')).toEqual(['a <b> & 中文']);
  });

  it('should reject bytes that are not a DOCX with a clear error', () => {
    expect(() => acceptAllDocx(strToU8('not a zip'))).toThrow(InputError);
    expect(() => rejectAllDocx(zipSync({ 'word/other.xml': strToU8('<x/>') }))).toThrow(/word\/document.xml is missing/);
  });
});
