/**
 * fast-check generators for the redline invariant: contract-like documents
 * (numbered clauses with headings, sub-clauses, paragraphs, lists, tables) in
 * English, Chinese, mixed zh/en, with emoji and combining characters, and
 * random edits of the kinds counterparties make (word edits, inserted,
 * deleted, moved and renumbered clauses, moved paragraphs, split paragraphs,
 * links pointed elsewhere, bold, italic, underline, highlight and colour changed, Word fields
 * changed or turned into text); some paragraphs carry a reviewer's comment or a footnote.
 */
import fc from 'fast-check';
import { clause, commented, doc, em, field, fontSize, highlight, item, link, list, p, part, strike, strong, table, textColor, underline } from '../../src/model/build.js';
import type { Block, Clause, Comment, Document, NoteRef } from '../../src/model/nodes.js';
import { collect } from '../../src/model/walk.js';

const EN = ['the', 'Customer', 'shall', 'pay', 'all', 'Fees', 'within', 'thirty', 'days', 'of', 'invoice', 'Provider', 'may', 'not', 'terminate', 'this', 'Agreement', '1,000.50', 'Section', '7.2'];
// Values the tokenizer keeps whole: an email address, a URL, a date, a time, a clause reference.
const EN_VALUES = ['legal@acme.example.com', 'https://acme.example/terms/v1', '2026-03-01', '17:00', '7(a)'];
const ZH = ['用户', '应当', '在', '三十', '日内', '支付', '全部', '费用', '平台', '不得', '终止', '本协议', '的', '数据', '生成', '内容', '您必须年满', '岁', '帐户', '模型'];
// Numbers in Chinese numerals, which the tokenizer joins back when the segmenter cuts them.
const ZH_VALUES = ['第十五条', '二十', '五', '壹拾伍万元'];
const ODD = ['😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', 'e\u0301', 'ñ', 'Å', 'a\u0308\u0301', '𠀋', '〇'];
const PUNCT = [',', '.', ';', '，', '。', '、', '“', '”', '(', ')', '-'];
const HREFS = ['https://ours.example/privacy', 'https://theirs.example/privacy?v=2&x=1', 'mailto:legal@example.com', 'javascript:void(0)', '/relative/path'];

export const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EN) },
  { weight: 4, arbitrary: fc.constantFrom(...ZH) },
  { weight: 1, arbitrary: fc.constantFrom(...EN_VALUES, ...ZH_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCT) },
);

const sep = fc.constantFrom(' ', ' ', ' ', '', '  ', '\t');

/** A sentence of words with spacing that varies like real drafts. */
export const sentence = fc
  .array(fc.tuple(word, sep), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([w, s]) => w + s).join('').trim());

export interface ParaSpec {
  kind: 'p' | 'list' | 'table' | 'styled' | 'linked' | 'commented' | 'noted' | 'fielded';
  texts: string[];
  /** Target of the link a 'linked' paragraph starts with. */
  href?: string;
  /** A 'commented' paragraph's comment, on its second text; a table's, on its last cell. */
  note?: string;
  /** Which of LOOKS a 'styled' paragraph's two texts wear (a table: its first two cells); an edit may change it. */
  look?: number;
  /** The code of the field a 'fielded' paragraph's second text is the result of; '' for none (plain text). */
  code?: string;
  /** A 'fielded' paragraph's first text is bookmarked `_Ref<mark>`: its REF field points there. */
  mark?: number;
}

/**
 * Formats for the two texts of a 'styled' paragraph: bold, italic, underline, strikethrough,
 * a yellow or green highlight, a red text colour and 14 or 8 pt type, alone and together.
 */
type Mark = 'b' | 'i' | 'u' | 'x' | 'hy' | 'hg' | 'cr' | 's14' | 's8';
const LOOKS: Array<[Mark[], Mark[]]> = [
  [['b'], ['i']],
  [['b', 'u'], ['i']],
  [[], ['u']],
  [['u'], ['b', 'i']],
  [['b'], []],
  [['hy'], ['cr']],
  [['hg', 'b'], ['hy']],
  [['cr', 'u'], []],
  [['s14'], ['s8', 'b']],
  [[], ['s14', 'hy']],
  [['x'], ['b']],
  [['u', 'x'], ['x', 'cr']],
];
const WEAR: Record<Mark, (node: Parameters<typeof p>[0]) => Parameters<typeof p>[0]> = {
  b: (node) => strong(node),
  i: (node) => em(node),
  u: (node) => underline(node),
  x: (node) => strike(node),
  hy: (node) => highlight('yellow', node),
  hg: (node) => highlight('green', node),
  cr: (node) => textColor('C00000', node),
  s14: (node) => fontSize(14, node),
  s8: (node) => fontSize(8, node),
};
const wear = (text: string, marks: readonly Mark[]) => marks.reduce<Parameters<typeof p>[0]>((node, m) => WEAR[m](node), text);

/**
 * Field codes: a date, document properties, a REF to the paragraph's own bookmark, and none. The date is the document's creation date, not DATE: LibreOffice, an oracle of the
 * invariant, shows a DATE field as the day it opens the file, whatever result was written.
 */
const FIELD_CODES = ['CREATEDATE \\@ "d MMMM yyyy"', 'AUTHOR', 'DOCPROPERTY Version', 'REF {bookmark} \\h', ''];

const NOTES = ['Why thirty days?', '请确认期限。', 'See our fallback position.\nAsk finance.', 'OK 👍🏽', '<b>&amp; "quoted"</b>'];

export interface ClauseSpec {
  heading: string;
  paras: ParaSpec[];
  subs: ClauseSpec[];
}

const paraSpec: fc.Arbitrary<ParaSpec> = fc.oneof(
  { weight: 6, arbitrary: sentence.map((t) => ({ kind: 'p' as const, texts: [t] })) },
  { weight: 2, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((texts) => ({ kind: 'list' as const, texts })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(sentence, { minLength: 2, maxLength: 6 }), fc.option(fc.constantFrom(...NOTES), { nil: undefined }), fc.option(fc.nat(LOOKS.length - 1), { nil: undefined }))
      .map(([texts, note, look]) => ({ kind: 'table' as const, texts, ...(note !== undefined ? { note } : {}), ...(look !== undefined ? { look } : {}) })),
  },
  { weight: 2, arbitrary: fc.tuple(sentence, sentence, fc.nat(LOOKS.length - 1)).map(([a, b, look]) => ({ kind: 'styled' as const, texts: [a, b], look })) },
  { weight: 1, arbitrary: fc.tuple(sentence, sentence, fc.constantFrom(...HREFS)).map(([a, b, href]) => ({ kind: 'linked' as const, texts: [a, b], href })) },
  {
    weight: 1,
    arbitrary: fc.tuple(sentence, fc.oneof(sentence, fc.constant('')), sentence, fc.constantFrom(...NOTES)).map(([a, b, c, note]) => ({ kind: 'commented' as const, texts: [a, b, c], note })),
  },
  // A footnote's reference between two texts; the third text is the note (a word edit may change it).
  { weight: 1, arbitrary: fc.tuple(sentence, sentence, sentence).map((texts) => ({ kind: 'noted' as const, texts })) },
  // A field's result between two texts (a word edit may change the result).
  {
    weight: 1,
    arbitrary: fc
      .tuple(sentence, sentence, sentence, fc.constantFrom(...FIELD_CODES), fc.integer({ min: 1, max: 999_999 }))
      .map(([a, b, c, code, mark]) => ({ kind: 'fielded' as const, texts: [a, b, c], code, mark })),
  },
);

const leafClause: fc.Arbitrary<ClauseSpec> = fc.record({
  heading: fc.oneof(sentence, fc.constant('')),
  paras: fc.array(paraSpec, { minLength: 0, maxLength: 4 }),
  subs: fc.constant([]),
});

export const clauseSpec: fc.Arbitrary<ClauseSpec> = fc.record({
  heading: fc.oneof(sentence, fc.constant('')),
  paras: fc.array(paraSpec, { minLength: 0, maxLength: 3 }),
  subs: fc.array(leafClause, { maxLength: 3 }),
});

export const docSpec = fc.array(clauseSpec, { minLength: 0, maxLength: 7 });

/** A comment by `side`; a question gets a reply in its thread, and a Chinese note is resolved. */
function note(side: string, text: string): Comment {
  return {
    author: side,
    text: `${side}: ${text}`,
    ...(text.includes('?') ? { replies: [{ author: side, text: `${side} replies: ${text.length} characters` }] } : {}),
    ...(/\p{Script=Han}/u.test(text) ? { done: true } : {}),
  };
}

/** The text of the note each generated reference points at, until numberNotes writes the notes part. */
const noteTexts = new WeakMap<NoteRef, string>();

/**
 * Label the note references in reading order ("[1]"…) and add the notes as the DOCX reader
 * gives them: a last part 'notes' of "[1] text" paragraphs.
 */
function numberNotes(d: Document): Document {
  const refs = collect(d, 'noteRef');
  if (refs.length === 0) return d;
  const notes = refs.map((ref, k) => {
    ref.label = `[${k + 1}]`;
    return p(`${ref.label} ${noteTexts.get(ref) ?? ''}`.trim());
  });
  d.parts.push(part('notes', [], { numbered: false, children: notes }));
  return d;
}

function block(spec: ParaSpec, side: string): Block {
  switch (spec.kind) {
    case 'p':
      return p(spec.texts[0]!);
    case 'noted': {
      const ref: NoteRef = { type: 'noteRef', note: 'footnote', label: '' };
      noteTexts.set(ref, spec.texts[2]!);
      return p(spec.texts[0]!, ref, ' ', spec.texts[1]!);
    }
    case 'commented': {
      // Named for its side, so a test can tell whose comment it reads back.
      const [before, on, after] = spec.texts as [string, string, string];
      return p(before, ' ', ...commented('n1', note(side, spec.note!), on), ' ', after);
    }
    case 'styled': {
      const [first, second] = LOOKS[spec.look ?? 0]!;
      // A plain lead-in, so no styled paragraph starts with a number a reader would take as a clause number.
      return p('Note: ', wear(spec.texts[0]!, first), ' and ', wear(spec.texts[1]!, second));
    }
    case 'linked':
      return p(link(spec.href!, spec.texts[0]!), ' ', spec.texts[1]!);
    case 'fielded': {
      const [before, result, after] = spec.texts as [string, string, string];
      const name = `_Ref${spec.mark}`;
      const code = spec.code?.replace('{bookmark}', name);
      return p({ type: 'bookmark', edge: 'start', name }, before, { type: 'bookmark', edge: 'end', name }, ' ', code ? field(code, result) : result, ' ', after);
    }
    case 'list': {
      const items = spec.texts.map((t) => item(t));
      items.forEach((it, i) => (it.label = `(${String.fromCharCode(97 + i)})`));
      return list(items);
    }
    case 'table': {
      const cols = 2;
      const rows: string[][] = [];
      for (let i = 0; i < spec.texts.length; i += cols) rows.push(spec.texts.slice(i, i + cols));
      const t = table(rows);
      if (spec.look !== undefined) {
        // The first two cells wear the look, as a schedule's labels and amounts might.
        const [first, second] = LOOKS[spec.look]!;
        const cells = t.children.flatMap((row) => row.children);
        cells.slice(0, 2).forEach((cell, k) => (cell.children = [p(wear(spec.texts[k]!, k === 0 ? first : second))]));
      }
      if (spec.note !== undefined) {
        // A comment on the table's last cell.
        const cell = t.children[t.children.length - 1]!.children.at(-1)!;
        cell.children = [p(...commented('t1', note(side, spec.note), rows.at(-1)!.at(-1)!))];
      }
      return t;
    }
  }
}

/** Build a document; clause numbers come from positions, so an insertion renumbers what follows. */
export function buildDoc(specs: readonly ClauseSpec[], lang = 'en', side = 'ours', title?: string): Document {
  const make = (spec: ClauseSpec, number: string, id: string): Clause =>
    clause(id, spec.paras.map((para) => block(para, side)), {
      number,
      ...(spec.heading ? { heading: [spec.heading] } : {}),
      clauses: spec.subs.map((sub, i) => make(sub, `${number}.${i + 1}`, `${id}-${i}`)),
    });
  return numberNotes(doc(lang, [part('body', specs.map((s, i) => make(s, String(i + 1), `c${i}`)))], title !== undefined ? { title } : {}));
}

export type Edit =
  | { op: 'word'; clause: number; para: number; at: number; word: string; kind: 'insert' | 'delete' | 'replace' }
  | { op: 'insertClause'; at: number; spec: ClauseSpec }
  | { op: 'deleteClause'; at: number }
  | { op: 'moveClause'; from: number; to: number }
  | { op: 'moveParagraph'; fromClause: number; para: number; toClause: number }
  | { op: 'split'; clause: number; para: number; at: number }
  | { op: 'heading'; clause: number; text: string }
  | { op: 'relink'; clause: number; para: number; href: string }
  | { op: 'restyle'; clause: number; para: number; look: number }
  | { op: 'refield'; para: number; code: string };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('word' as const), clause: fc.nat(), para: fc.nat(), at: fc.nat(), word, kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertClause' as const), at: fc.nat(), spec: leafClause }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteClause' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('moveClause' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('moveParagraph' as const), fromClause: fc.nat(), para: fc.nat(), toClause: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('split' as const), clause: fc.nat(), para: fc.nat(), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('heading' as const), clause: fc.nat(), text: sentence }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('relink' as const), clause: fc.nat(), para: fc.nat(), href: fc.constantFrom(...HREFS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restyle' as const), clause: fc.nat(), para: fc.nat(), look: fc.nat(LOOKS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refield' as const), para: fc.nat(), code: fc.constantFrom(...FIELD_CODES) }) },
);

const clone = <T>(x: T): T => structuredClone(x);

function editText(text: string, e: Extract<Edit, { op: 'word' }>): string {
  const words = text.split(' ');
  const at = e.at % (words.length + 1);
  if (e.kind === 'insert') words.splice(at, 0, e.word);
  else if (e.kind === 'delete') words.splice(Math.min(at, words.length - 1), 1);
  else words[Math.min(at, words.length - 1)] = e.word;
  return words.join(' ');
}

/** Apply edits to a copy of `specs`; indices wrap around, so every edit applies somewhere. */
export function applyEdits(specs: readonly ClauseSpec[], edits: readonly Edit[]): ClauseSpec[] {
  const out = clone(specs) as ClauseSpec[];
  for (const e of edits) {
    const n = out.length;
    switch (e.op) {
      case 'insertClause':
        out.splice(e.at % (n + 1), 0, clone(e.spec));
        break;
      case 'deleteClause':
        if (n > 0) out.splice(e.at % n, 1);
        break;
      case 'moveClause':
        if (n > 1) out.splice(e.to % n, 0, ...out.splice(e.from % n, 1));
        break;
      case 'heading':
        if (n > 0) out[e.clause % n]!.heading = e.text;
        break;
      case 'relink': {
        const c = out[e.clause % Math.max(1, n)];
        const spec = c?.paras.length ? c.paras[e.para % c.paras.length]! : undefined;
        if (spec?.kind === 'linked') spec.href = e.href;
        break;
      }
      case 'restyle': {
        // Aimed at the styled paragraphs and tables, wherever they are, so formatting changes are common.
        const styled = out.flatMap((c) => [c, ...c.subs]).flatMap((c) => c.paras.filter((x) => x.kind === 'styled' || (x.kind === 'table' && x.look !== undefined)));
        if (styled.length > 0) styled[e.para % styled.length]!.look = e.look;
        break;
      }
      case 'refield': {
        // Aimed at the fielded paragraphs, wherever they are, as restyle is.
        const fielded = out.flatMap((c) => [c, ...c.subs]).flatMap((c) => c.paras.filter((x) => x.kind === 'fielded'));
        if (fielded.length > 0) fielded[e.para % fielded.length]!.code = e.code;
        break;
      }
      case 'moveParagraph': {
        const from = out[e.fromClause % Math.max(1, n)];
        const to = out[e.toClause % Math.max(1, n)];
        if (from && to && from.paras.length > 0) to.paras.push(...from.paras.splice(e.para % from.paras.length, 1));
        break;
      }
      case 'split':
      case 'word': {
        const c = out[e.clause % Math.max(1, n)];
        if (!c || c.paras.length === 0) break;
        const spec = c.paras[e.para % c.paras.length]!;
        const k = e.at % spec.texts.length;
        if (e.op === 'word') spec.texts[k] = editText(spec.texts[k]!, e);
        else if (spec.kind === 'p') {
          const words = spec.texts[0]!.split(' ');
          const cut = e.at % (words.length + 1);
          c.paras.splice(e.para % c.paras.length + 1, 0, { kind: 'p', texts: [words.slice(cut).join(' ')] });
          spec.texts[0] = words.slice(0, cut).join(' ');
        }
        break;
      }
    }
  }
  return out;
}

/** Our title (or none) and theirs: mostly kept, sometimes reworded, added or dropped. */
const titles = fc
  .tuple(fc.option(sentence, { nil: undefined }), fc.oneof({ weight: 3, arbitrary: fc.constant('keep' as const) }, sentence, fc.constant(undefined)))
  .map(([ours, change]) => ({ ours, theirs: change === 'keep' ? ours : change }));

/** A document and an edited version of it. */
export const docPair = fc
  .tuple(docSpec, fc.array(edit, { maxLength: 8 }), fc.constantFrom('en', 'zh'), titles)
  .map(([specs, edits, lang, title]) => ({
    specs,
    edits,
    ours: buildDoc(specs, lang, 'ours', title.ours),
    theirs: buildDoc(applyEdits(specs, edits), lang, 'theirs', title.theirs),
  }));
