/**
 * Accept-all and reject-all on WRITTEN DOCX bytes, the way Word resolves
 * tracked changes (ECMA-376 §17.13.5), returning the paragraph texts. This is
 * the test oracle for the redline invariant (issue 4): accepting every change
 * gives their paragraphs, rejecting every change gives ours.
 *
 * - accept: drop `w:del` and `w:moveFrom` content, keep `w:ins`/`w:moveTo`;
 *   a paragraph whose mark is deleted joins the next paragraph; a row whose
 *   `w:trPr` is deleted disappears. Reject is the mirror image.
 * - A table row is one "paragraph": its cells joined by '\t', paragraphs inside
 *   a cell by '\n'; `w:tab` is '\t', `w:br`/`w:cr` are '\n'.
 * - `mc:Fallback` content is skipped (its `mc:Choice` twin is read), and so are text
 *   boxes (`w:txbxContent`), which the reader does not read either.
 *
 * A small streaming scan of document.xml, not a DOM: it must stay fast on
 * multi-megabyte redlines.
 */
import { formatNumber } from '../../numbering/format.js';
import { unzipEntries } from '../docx/zip.js';

export type Resolution = 'accept' | 'reject';

const TOKEN = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITY[e] ?? whole;
  });
}

const REMOVED: Record<Resolution, ReadonlySet<string>> = {
  accept: new Set(['w:del', 'w:moveFrom']),
  reject: new Set(['w:ins', 'w:moveTo']),
};
const REVISION = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

interface Para {
  text: string;
  /** The paragraph mark goes away under this resolution: join with the next one. */
  joins: boolean;
}

/** Join paragraphs whose mark was removed onto the following paragraph. */
function settle(paras: Para[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const p of paras) {
    if (p.joins) carry += p.text;
    else {
      out.push(carry + p.text);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}

/** The label a note reference reads as, given its kind and `w:id` (the DOCX reader's "[1]" / "[i]"). */
type NoteLabel = (kind: 'footnote' | 'endnote', id: string) => string;

/** Paragraph texts of a document.xml after resolving every tracked change one way; note references read as `noteLabel` says. */
export function resolveDocumentXml(xml: string, mode: Resolution, noteLabel?: NoteLabel): string[] {
  const removed = REMOVED[mode];
  const stack: string[] = [];
  let hiddenDepth = 0; // inside removed revision content or mc:Fallback
  let boxDepth = 0; // inside a text box (w:txbxContent)
  let inText = false;
  const body: Para[] = [];
  // Open table rows (nested tables fold into the enclosing cell).
  const rows: Array<{ cells: string[]; cellParas: Para[]; drop: boolean }> = [];
  let para: Para | undefined;
  const within = (name: string) => stack.includes(name);

  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (inText && hiddenDepth === 0 && para) para.text += decode(text);
      continue;
    }
    if (!name) continue;
    // A text box's paragraphs are not the document's (the reader does not read them): skipped whole.
    if (name === 'w:txbxContent' && selfClose !== '/') boxDepth += close ? -1 : 1;
    if (boxDepth > 0 || name === 'w:txbxContent') continue;
    if (close) {
      stack.pop();
      if ((removed.has(name) && !within('w:rPr') && !within('w:trPr')) || name === 'mc:Fallback') hiddenDepth--;
      if (name === 'w:t' || name === 'w:delText') inText = false;
      if (name === 'w:p' && para) {
        (rows.length > 0 ? rows[rows.length - 1]!.cellParas : body).push(para);
        para = undefined;
      } else if (name === 'w:tc' && rows.length > 0) {
        const row = rows[rows.length - 1]!;
        row.cells.push(settle(row.cellParas).join('\n'));
        row.cellParas = [];
      } else if (name === 'w:tr' && rows.length > 0) {
        const row = rows.pop()!;
        const text = row.cells.join('\t');
        if (!row.drop) {
          if (rows.length > 0) rows[rows.length - 1]!.cellParas.push({ text: text.replace(/\t/g, ' '), joins: false });
          else body.push({ text, joins: false });
        }
      }
      continue;
    }
    const empty = selfClose === '/';
    if (REVISION.has(name) && empty) {
      // A mark on a paragraph (w:pPr/w:rPr) or a row (w:trPr).
      if (removed.has(name) && within('w:trPr') && rows.length > 0) rows[rows.length - 1]!.drop = true;
      else if (removed.has(name) && within('w:pPr') && within('w:rPr') && para) para.joins = true;
      continue;
    }
    if (empty) {
      if (hiddenDepth === 0 && para && within('w:r')) {
        if (name === 'w:tab') para.text += '\t';
        else if (name === 'w:br' || name === 'w:cr') para.text += '\n';
        else if ((name === 'w:footnoteReference' || name === 'w:endnoteReference') && noteLabel) {
          para.text += noteLabel(name === 'w:footnoteReference' ? 'footnote' : 'endnote', /w:id="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '');
        }
      }
      if (name === 'w:p') (rows.length > 0 ? rows[rows.length - 1]!.cellParas : body).push({ text: '', joins: false });
      continue;
    }
    stack.push(name);
    if ((removed.has(name) && !within('w:rPr') && !within('w:trPr')) || name === 'mc:Fallback') hiddenDepth++;
    if (name === 'w:t' || name === 'w:delText') inText = true;
    else if (name === 'w:p') para = { text: '', joins: false };
    else if (name === 'w:tr') rows.push({ cells: [], cellParas: [], drop: false });
  }
  return settle(body);
}

const NOTE_PARTS = { footnote: 'word/footnotes.xml', endnote: 'word/endnotes.xml' } as const;

/** Each note of a footnotes or endnotes part by `w:id`: its XML inside. */
function notesById(xml: string | undefined, kind: 'footnote' | 'endnote'): Map<string, string> {
  const byId = new Map<string, string>();
  for (const m of (xml ?? '').matchAll(new RegExp(`<w:${kind}\\b([^>]*)>([\\s\\S]*?)</w:${kind}>`, 'g'))) {
    const id = /w:id="([^"]*)"/.exec(m[1]!)?.[1];
    if (id !== undefined && !byId.has(id)) byId.set(id, m[2]!);
  }
  return byId;
}

/**
 * The paragraphs of a DOCX after resolving every change one way, as the DOCX
 * reader reads them: a note reference is its label ("[1]" for a footnote,
 * "[i]" for an endnote, counted in order), and the notes referenced follow
 * the body as paragraphs "[1] text".
 */
function resolveDocx(bytes: Uint8Array, mode: Resolution): string[] {
  const entries = unzipEntries(bytes, (name) => name === 'word/document.xml' || name === NOTE_PARTS.footnote || name === NOTE_PARTS.endnote);
  if (!entries['word/document.xml']) throw new Error('not a DOCX: word/document.xml is missing');
  const partText = (name: string) => (entries[name] ? new TextDecoder().decode(entries[name]) : undefined);
  const notes = { footnote: notesById(partText(NOTE_PARTS.footnote), 'footnote'), endnote: notesById(partText(NOTE_PARTS.endnote), 'endnote') };
  const counts = { footnote: 0, endnote: 0 };
  const referenced: string[] = [];
  const body = resolveDocumentXml(partText('word/document.xml')!, mode, (kind, id) => {
    const label = `[${formatNumber(++counts[kind], kind === 'footnote' ? 'decimal' : 'lowerRoman')}]`;
    const note = notes[kind].get(id);
    if (note !== undefined) referenced.push(`${label} ${resolveDocumentXml(note, mode).join(' ')}`.trim());
    return label;
  });
  return [...body, ...referenced];
}

/** Paragraph texts after accepting every tracked change in a DOCX: their document. */
export function acceptAllDocx(bytes: Uint8Array): string[] {
  return resolveDocx(bytes, 'accept');
}

/** Paragraph texts after rejecting every tracked change in a DOCX: our document. */
export function rejectAllDocx(bytes: Uint8Array): string[] {
  return resolveDocx(bytes, 'reject');
}
