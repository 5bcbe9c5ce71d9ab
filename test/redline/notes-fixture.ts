/** Drafts with footnotes and endnotes, as the DOCX reader reads them (notes.test.ts, the LibreOffice oracle). */
import type { Document } from '../../src/model/nodes.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { makeDocx } from '../readers/docx-fixture.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

/**
 * A DOCX whose paragraphs mark note references as {f1} (footnote 1) or {e2} (endnote 2),
 * with the notes' texts by id.
 */
export function draft(paragraphs: string[], footnotes: Record<string, string>, endnotes: Record<string, string> = {}): Document {
  const body = paragraphs
    .map((p) => `<w:p>${p.split(/(\{[fe]\d+\})/).map((piece) => {
      const m = /^\{([fe])(\d+)\}$/.exec(piece);
      if (!m) return piece ? run(piece) : '';
      const kind = m[1] === 'f' ? 'footnote' : 'endnote';
      return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${m[2]}"/></w:r>`;
    }).join('')}</w:p>`)
    .join('');
  const notes = (kind: string, texts: Record<string, string>) =>
    Object.entries(texts).map(([id, text]) => `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r>${run(` ${text}`)}</w:p></w:${kind}>`).join('');
  const bytes = makeDocx(body, {
    footnotes: notes('footnote', footnotes),
    extra: Object.keys(endnotes).length > 0 ? { 'word/endnotes.xml': `<w:endnotes ${W}>${notes('endnote', endnotes)}</w:endnotes>` } : {},
  });
  return readDocx(bytes, 'draft.docx').document;
}

