/**
 * Structural fuzzing of the DOCX reader. The contract: on any bytes, readDocx
 * returns a JSON-safe Document or throws InputError naming the file — never a
 * TypeError, RangeError, stack overflow or hang, which the CLI would report as
 * an internal error instead of a clear exit 2.
 *
 * Seeds are real Word files from the WmlComparer corpus (tables, numbering,
 * footnotes, fields, hyperlinks, styles) plus one synthetic file with tracked
 * changes, complex fields, odd numbering and comments (the corpus carries no
 * revisions and no comments).
 * Mutations are XML-aware (delete, duplicate or move an element, drop or
 * corrupt an attribute, out-of-range numbers, inserted fragments, deep
 * nesting), part-level (empty, truncated, removed, non-UTF-8 bytes) and a few
 * byte-level ones on the zip itself. The run is deterministic (fixed seed);
 * FUZZ_RUNS and FUZZ_SEED override it for a longer local hunt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { redline } from '../../src/redline/redline.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { HEADING_STYLES, makeDocx, NUMBERING } from './docx-fixture.js';
import type { Table } from '../../src/model/nodes.js';
import { blockTexts, corpusDir, hasCorpus } from './helpers.js';

const FILE = 'fuzz/theirs.docx';
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

// ---------------------------------------------------------------- seeds

const CORPUS_FILES = [
  'WC/WC004-Large.docx', // numbered paragraphs (w:numPr), numbering.xml
  'WC/WC006-Table.docx',
  'WC/WC018-Field-Simple-Before.docx',
  'WC/WC019-Hyperlink-Before.docx',
  'WC/WC020-FootNote-Before.docx',
  'WC/WC033-Merged-Cells-Before.docx',
  'WC/WC043-Nested-Table.docx',
  'WC/WC061-Style-Added.docx',
  'RC/RC001-Before.docx',
];

const SYNTHETIC_BODY = [
  '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Master Agreement</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Fees</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">The User </w:t></w:r>',
  '<w:ins w:id="1" w:author="A"><w:r><w:t>shall</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>may</w:delText></w:r></w:del>',
  '<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="A"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve"> pay</w:t></w:r>',
  '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
  '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="A"/></w:rPr></w:pPr><w:r><w:t>merged into</w:t></w:r></w:p>',
  '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>field result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
  '<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple><w:hyperlink r:id="rId9"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:sym w:char="F0B7"/><w:tab/><w:br/></w:r></w:p>',
  '<w:sdt><w:sdtContent><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>five</w:t></w:r></w:p></w:sdtContent></w:sdt>',
  '<w:tbl><w:tr><w:trPr><w:ins w:id="5" w:author="A"/></w:trPr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p>',
  '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>',
  '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>2. OUTLINED</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>linked list</w:t></w:r></w:p>',
  // Comments: a range across paragraphs, one on a point, one the comments part lacks.
  '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>commented</w:t></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>',
  '<w:p><w:r><w:t>still</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:commentRangeStart w:id="9"/></w:p>',
].join('');

const SYNTHETIC_NUMBERING =
  NUMBERING +
  '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/><w:isLgl/><w:lvlRestart w:val="0"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride></w:num>' +
  '<w:num w:numId="6"><w:abstractNumId w:val="8"/></w:num>';

const SYNTHETIC = makeDocx(SYNTHETIC_BODY, {
  styles: HEADING_STYLES + '<w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="List Style"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>',
  numbering: SYNTHETIC_NUMBERING,
  footnotes: '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote>',
  extra: {
    'word/_rels/document.xml.rels': '<Relationships><Relationship Id="rId9" Target="http://x"/></Relationships>',
    'word/comments.xml':
      '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:comment w:id="0" w:author="A" w:date="2026-01-01T00:00:00Z"><w:p w14:paraId="00000001"><w:r><w:t>Why?</w:t></w:r></w:p></w:comment><w:comment w:id="1"><w:p w14:paraId="00000002"><w:ins w:id="8" w:author="A"><w:r><w:t>point</w:t></w:r></w:ins></w:p></w:comment></w:comments>',
    // Comment 1 replies to comment 0; the thread is resolved.
    'word/commentsExtended.xml':
      '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="00000001" w15:done="1"/><w15:commentEx w15:paraId="00000002" w15:paraIdParent="00000001"/></w15:commentsEx>',
  },
});

interface Seed {
  name: string;
  parts: Record<string, Uint8Array>;
}

const SEEDS: Seed[] = [
  { name: 'synthetic', parts: unzipSync(SYNTHETIC) },
  ...(hasCorpus ? CORPUS_FILES.map((rel) => ({ name: rel, parts: unzipSync(readFileSync(join(corpusDir, 'wmlcomparer', rel))) })) : []),
];

// ---------------------------------------------------------------- XML-aware mutations

// Headers, footers and relationships matter to the look the redline carries.
const XML_PARTS = ['word/document.xml', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/header1.xml', 'word/footer1.xml', 'word/_rels/document.xml.rels'] as const;

/** Elements worth aiming at; `undefined` picks any element. */
const TARGETS = [undefined, 'w:p', 'w:r', 'w:t', 'w:tbl', 'w:tr', 'w:tc', 'w:pPr', 'w:numPr', 'w:ilvl', 'w:numId', 'w:pStyle', 'w:body', 'w:sdt', 'w:hyperlink', 'w:fldChar', 'w:fldSimple', 'w:footnote', 'w:footnoteReference', 'w:lvl', 'w:num', 'w:abstractNum', 'w:abstractNumId', 'w:start', 'w:numFmt', 'w:lvlText', 'w:style', 'w:basedOn', 'w:name', 'w:outlineLvl', 'w:comment', 'w15:commentEx'];

/** Attributes the reader uses, corrupted first when a tag has them. */
const KEY_ATTRS = ['w:val', 'w:numId', 'w:ilvl', 'w:abstractNumId', 'r:id', 'w:id', 'w:fldCharType', 'w:styleId', 'w:char', 'w:type'];

const VALUES = ['', ' ', '-1', '-0', '0', '1', '8', '9', '10', '1.5', ' 2 ', '0x1F', '-2147483649', '2147483648', '4294967296', '99999999999', '1e21', '1e308', '1e400', '-1e400', '-99999999999', 'NaN', 'Infinity', 'abc', '__proto__', 'constructor', 'toString', 'F0B7', 'FFFF', '110000', 'FFFFFFFFFFFF', '%1%2%3%4%5%6%7%8%9', '%0%9', 'bullet', 'none', 'upperLetter', 'lowerRoman', 'chineseCounting', 'chineseLegalSimplified', 'ideographTraditional', 'ideographZodiac', 'decimalEnclosedCircle', 'decimalZero', 'ordinal', 'Heading1', 'Title', 'ListStyle', 'begin', 'separate', 'end', '&amp;', '&#0;', '&#x110000;', '&#xD800;', '&lt;w:p&gt;', '\u202e\u0000'];

/** Numbers out of range, for the attributes the reader turns into numbers. */
const NUMBERS = ['', '-1', '-0', '0', '1', '8', '9', '10', '1.5', ' 2 ', '0x1F', '-2147483649', '2147483648', '99999999999', '1e21', '1e400', '-1e400', '-99999999999', 'NaN', 'abc'];

/**
 * Attributes that refer to each other (a paragraph's w:ilvl and the w:lvl it
 * selects, a w:numId and its w:num…): a 'setAll' mutation sets all of a group
 * to one value in every part, so out-of-range numbers still match up and
 * reach the numbering code instead of merely missing.
 */
const GROUPS: Record<string, { attrs: [element: string, attr: string][]; values: string[] }> = {
  ilvl: { attrs: [['w:ilvl', 'w:val'], ['w:lvl', 'w:ilvl'], ['w:lvlOverride', 'w:ilvl']], values: NUMBERS },
  numId: { attrs: [['w:numId', 'w:val'], ['w:num', 'w:numId']], values: NUMBERS },
  abstractNumId: { attrs: [['w:abstractNumId', 'w:val'], ['w:abstractNum', 'w:abstractNumId']], values: NUMBERS },
  start: { attrs: [['w:start', 'w:val'], ['w:startOverride', 'w:val']], values: NUMBERS },
  lvlRestart: { attrs: [['w:lvlRestart', 'w:val']], values: NUMBERS },
  outlineLvl: { attrs: [['w:outlineLvl', 'w:val']], values: NUMBERS },
  numFmt: { attrs: [['w:numFmt', 'w:val']], values: ['bullet', 'none', 'decimal', 'decimalZero', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'ordinal', 'chineseCounting', 'chineseLegalSimplified', 'ideographTraditional', 'ideographZodiac', 'decimalEnclosedCircle', 'decimalEnclosedParen', 'decimalFullWidth', '', 'bogus'] },
  lvlText: { attrs: [['w:lvlText', 'w:val']], values: ['', '%1', '%1.%2.%3.%4.%5.%6.%7.%8.%9', '%0', '%10', '%', '第%1条', '(%3)'] },
  styleId: { attrs: [['w:pStyle', 'w:val'], ['w:style', 'w:styleId'], ['w:basedOn', 'w:val'], ['w:numStyleLink', 'w:val'], ['w:styleLink', 'w:val']], values: ['', 'Heading1', 'Title', 'ListStyle', '__proto__', 'constructor', 'x'] },
  styleName: { attrs: [['w:name', 'w:val']], values: ['', 'heading 1', 'heading 0', 'heading 9', 'title', 'Title', 'constructor'] },
  noteId: { attrs: [['w:footnoteReference', 'w:id'], ['w:endnoteReference', 'w:id'], ['w:footnote', 'w:id'], ['w:endnote', 'w:id']], values: ['', '-1', '0', '1', '__proto__', 'x'] },
  fldCharType: { attrs: [['w:fldChar', 'w:fldCharType']], values: ['', 'begin', 'separate', 'end', 'bogus'] },
  // Threads that point at themselves, at each other or nowhere.
  paraId: { attrs: [['w:p', 'w14:paraId'], ['w15:commentEx', 'w15:paraId'], ['w15:commentEx', 'w15:paraIdParent']], values: ['', '00000001', '00000002', '__proto__'] },
};

/** Fragments inserted at element boundaries: revisions, fields, notes, numbering and odd structure. */
const SNIPPETS = [
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
  '<w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r>',
  '<w:r><w:footnoteReference w:id="1"/></w:r>',
  '<w:r><w:endnoteReference w:id="0"/></w:r>',
  '<w:r><w:footnoteReference/></w:r>',
  '<w:ins w:id="9" w:author="x"><w:r><w:t>inserted</w:t></w:r></w:ins>',
  '<w:del w:id="9" w:author="x"><w:r><w:delText>deleted</w:delText></w:r></w:del>',
  '<w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom>',
  '<w:pPr><w:rPr><w:ins w:id="1"/></w:rPr></w:pPr>',
  '<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr></w:p>',
  '<w:pPr><w:numPr><w:ilvl w:val="-2000000000"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="-1e15"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="99999999999"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1e9"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:outlineLvl w:val="-5"/></w:pPr><w:r><w:t>1. Heading</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:outlineLvl w:val="0.5"/></w:pPr><w:r><w:t>Half</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>1.1 DEFINED TERMS</w:t></w:r></w:p>',
  '<w:p><w:r><w:t>3.\tPAYMENT</w:t></w:r></w:p>',
  '<w:tbl><w:tr><w:tc></w:tc></w:tr></w:tbl>',
  '<w:tbl/>',
  '<w:tr><w:tc><w:p/></w:tc></w:tr>',
  '<w:sdt><w:sdtContent/></w:sdt>',
  '<w:sdt><w:p><w:r><w:t>bare sdt</w:t></w:r></w:p></w:sdt>',
  '<w:customXml><w:p><w:r><w:t>custom</w:t></w:r></w:p></w:customXml>',
  '<w:altChunk r:id="rId1"/>',
  '<w:r><w:sym w:char="110000"/></w:r>',
  '<w:r><w:sym w:char="FFFFFFFFFFFF"/></w:r>',
  '<w:r><w:sym/></w:r>',
  '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>',
  '<w:r><w:t/></w:r>',
  '<w:r><w:br/><w:cr/><w:tab/><w:noBreakHyphen/></w:r>',
  '<m:oMath><m:r><m:t>x²</m:t></m:r></m:oMath>',
  '<w:r><w:drawing><w:txbxContent><w:p/></w:txbxContent></w:drawing></w:r>',
  '<w:r><w:object/></w:r>',
  '<w:r><w:t><![CDATA[<w:p>]]></w:t></w:r>',
  '<!-- comment <w:p> -->',
  '<?pi x?>',
  '<w:p>',
  '</w:p>',
  '</w:body>',
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="99999999999"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>',
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1e400"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%2"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="-7"/><w:numFmt w:val="chineseCounting"/></w:lvl></w:abstractNum>',
  '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1e400"/></w:lvlOverride></w:num>',
  '<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="-3"><w:lvl/></w:lvlOverride></w:num>',
  '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="Heading1"/></w:abstractNum>',
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="NaN"/><w:numPr><w:numId/></w:numPr></w:pPr></w:style>',
  '<w:style w:styleId="Normal"><w:name w:val="heading 9"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:footnote w:id="1"><w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:footnote>',
  '<w:footnote><w:tbl><w:tr><w:tc><w:p><w:r><w:t>note table</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:footnote>',
];

/** Wrappers for deep nesting: content controls, tables, inline containers. */
const WRAPPERS: [string, string][] = [
  ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
  ['<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>'],
  ['<w:customXml>', '</w:customXml>'],
  ['<w:hyperlink>', '</w:hyperlink>'],
  ['<w:ins>', '</w:ins>'],
  ['<w:smartTag>', '</w:smartTag>'],
];

interface Target {
  name: string | undefined;
  pick: number;
}

type XmlMutation =
  | { kind: 'delete' | 'duplicate' | 'dropAttr'; part: string; at: Target }
  | { kind: 'move'; part: string; at: Target; into: Target }
  | { kind: 'setAttr'; part: string; at: Target; value: string }
  | { kind: 'insert'; part: string; at: Target; snippet: string; inside: boolean }
  | { kind: 'nest'; part: string; at: Target; wrapper: [string, string]; depth: number }
  | { kind: 'setAll'; group: string; value: string };

type PartMutation =
  | { kind: 'remove'; part: string }
  | { kind: 'rename'; part: string; to: string }
  | { kind: 'empty'; part: string; content: string }
  | { kind: 'truncate'; part: string; at: number }
  | { kind: 'bytes'; part: string; at: number; bytes: readonly number[] }
  | { kind: 'encode'; part: string; encoding: 'utf16le' | 'utf16be' | 'utf16le-odd' | 'utf8-bom' | 'latin1' };

type ZipMutation =
  | { kind: 'flip'; at: number[]; xor: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'overwrite'; at: number; bytes: readonly number[] }
  | { kind: 'splice'; from: number; to: number; length: number };

interface Plan {
  seed: number;
  xml: XmlMutation[];
  parts: readonly PartMutation[];
  zip: ZipMutation | null;
  stored: boolean;
  mode: 'accept' | 'reject';
  /** Also read the file's look (styles, theme, page) for the redline writer. */
  look: boolean;
}

interface Span {
  name: string;
  start: number;
  /** Just after the start tag's `>`. */
  openEnd: number;
  end: number;
  selfClosing: boolean;
}

/** Element spans of an XML string by a tolerant tag scan (mutated parts need not be well-formed). */
function spansOf(xml: string): Span[] {
  const spans: Span[] = [];
  const stack: Span[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)[^>]*?(\/?)>/g;
  for (let m: RegExpExecArray | null; (m = tag.exec(xml)); ) {
    const [text, close, name, selfClose] = m;
    if (name === undefined) continue;
    const after = m.index + text.length;
    if (selfClose) spans.push({ name, start: m.index, openEnd: after, end: after, selfClosing: true });
    else if (!close) stack.push({ name, start: m.index, openEnd: after, end: -1, selfClosing: false });
    else {
      let i = stack.length - 1;
      while (i >= 0 && stack[i].name !== name) i--;
      if (i < 0) continue;
      const open = stack[i];
      stack.length = i;
      open.end = after;
      spans.push(open);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function choose(spans: Span[], target: Target, filter: (s: Span) => boolean = () => true): Span | undefined {
  const ok = spans.filter(filter);
  const named = target.name === undefined ? [] : ok.filter((s) => s.name === target.name);
  const pool = named.length > 0 ? named : ok;
  return pool.length === 0 ? undefined : pool[target.pick % pool.length];
}

const ATTR = /\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

/** Set `attr` on every `element` start tag (adding it where missing). */
function setEverywhere(xml: string, element: string, attr: string, value: string): string {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`, 'g');
  const quoted = `"${value.replace(/"/g, '&quot;')}"`;
  return xml.replace(tag, (startTag) => {
    const existing = [...startTag.matchAll(ATTR)].find((a) => a[1] === attr);
    if (existing) return startTag.slice(0, existing.index) + ` ${attr}=${quoted}` + startTag.slice(existing.index! + existing[0].length);
    return `<${element} ${attr}=${quoted}` + startTag.slice(element.length + 1);
  });
}

function mutateXml(xml: string, m: Exclude<XmlMutation, { kind: 'setAll' }>): string {
  const spans = spansOf(xml);
  const el = choose(spans, m.at);
  if (!el) return xml;
  const before = xml.slice(0, el.start);
  const self = xml.slice(el.start, el.end);
  const after = xml.slice(el.end);
  const startTag = xml.slice(el.start, el.openEnd);
  switch (m.kind) {
    case 'delete':
      return before + after;
    case 'duplicate':
      return before + self + self + after;
    case 'move': {
      // Into an element that is neither the moved one nor inside it.
      const into = choose(spans, m.into, (s) => !s.selfClosing && !(s.start >= el.start && s.end <= el.end));
      if (!into) return xml;
      const rest = before + after;
      const at = into.openEnd > el.start ? into.openEnd - self.length : into.openEnd;
      return rest.slice(0, at) + self + rest.slice(at);
    }
    case 'dropAttr':
    case 'setAttr': {
      const attrs = [...startTag.matchAll(ATTR)];
      const key = attrs.find((a) => KEY_ATTRS.includes(a[1])) ?? attrs[m.at.pick % Math.max(attrs.length, 1)];
      const value = m.kind === 'setAttr' ? `"${m.value.replace(/"/g, '&quot;')}"` : '';
      if (!key) {
        if (m.kind === 'dropAttr') return xml;
        const at = el.start + 1 + el.name.length; // no attributes: add w:val
        return xml.slice(0, at) + ` w:val=${value}` + xml.slice(at);
      }
      const at = el.start + key.index!;
      const replacement = m.kind === 'setAttr' ? ` ${key[1]}=${value}` : '';
      return xml.slice(0, at) + replacement + xml.slice(at + key[0].length);
    }
    case 'insert':
      if (m.inside && !el.selfClosing) return xml.slice(0, el.openEnd) + m.snippet + xml.slice(el.openEnd);
      return before + m.snippet + self + after;
    case 'nest':
      return before + m.wrapper[0].repeat(m.depth) + self + m.wrapper[1].repeat(m.depth) + after;
  }
}

function encode(text: string, encoding: Extract<PartMutation, { kind: 'encode' }>['encoding']): Uint8Array {
  const utf16 = (bigEndian: boolean): Uint8Array => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
      out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
    }
    return out;
  };
  switch (encoding) {
    case 'utf16le':
      return utf16(false);
    case 'utf16be':
      return utf16(true);
    case 'utf16le-odd':
      return utf16(false).slice(0, -1);
    case 'utf8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    case 'latin1': // every char as one byte: non-ASCII text becomes invalid UTF-8
      return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  }
}

function build(plan: Plan): Uint8Array {
  const seed = SEEDS[plan.seed % SEEDS.length];
  const text = new Map<string, string>();
  const current = (part: string): string | undefined => text.get(part) ?? (seed.parts[part] ? strFromU8(seed.parts[part]) : undefined);
  for (const m of plan.xml) {
    if (m.kind === 'setAll') {
      for (const part of new Set(XML_PARTS)) {
        let xml = current(part);
        if (xml === undefined) continue;
        for (const [element, attr] of GROUPS[m.group].attrs) xml = setEverywhere(xml, element, attr, m.value);
        text.set(part, xml);
      }
      continue;
    }
    const xml = current(m.part);
    if (xml !== undefined) text.set(m.part, mutateXml(xml, m));
  }
  const files: Record<string, Uint8Array> = { ...seed.parts };
  for (const [name, xml] of text) files[name] = strToU8(xml);
  for (const m of plan.parts) {
    const bytes = files[m.part];
    if (m.kind === 'remove') delete files[m.part];
    else if (m.kind === 'empty') files[m.part] = strToU8(m.content);
    else if (!bytes) continue;
    else if (m.kind === 'rename') {
      delete files[m.part];
      files[m.to] = bytes;
    } else if (m.kind === 'truncate') files[m.part] = bytes.slice(0, Math.floor(bytes.length * m.at));
    else if (m.kind === 'bytes') {
      const at = Math.floor(bytes.length * m.at);
      files[m.part] = new Uint8Array([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    } else files[m.part] = encode(strFromU8(bytes), m.encoding);
  }
  const zipped = zipSync(files as Zippable, { level: plan.stored ? 0 : 6, mtime: new Date('2024-01-01T00:00:00Z') });
  return plan.zip ? mutateZip(zipped, plan.zip) : zipped;
}

function mutateZip(zip: Uint8Array, m: ZipMutation): Uint8Array {
  const out = zip.slice();
  const at = (f: number): number => Math.min(Math.floor(f * out.length), out.length - 1);
  switch (m.kind) {
    case 'flip':
      for (const f of m.at) out[at(f)] ^= m.xor;
      return out;
    case 'truncate':
      return out.slice(0, at(m.at));
    case 'overwrite':
      out.set(m.bytes.slice(0, out.length - at(m.at)), at(m.at));
      return out;
    case 'splice': {
      const [a, b] = [at(m.from), at(m.to)];
      return new Uint8Array([...out.subarray(0, a), ...out.subarray(b, b + m.length), ...out.subarray(a)]);
    }
  }
}

// ---------------------------------------------------------------- arbitraries

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const target: fc.Arbitrary<Target> = fc.record({ name: fc.constantFrom(...TARGETS), pick: fc.nat() });
const xmlPart = fc.constantFrom(...XML_PARTS);

const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'dropAttr' as const), part: xmlPart, at: target }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), part: xmlPart, at: target, into: target }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('setAttr' as const), part: xmlPart, at: target, value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => s.replace(/[<&]/g, '')) }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), part: xmlPart, at: target, snippet: fc.constantFrom(...SNIPPETS), inside: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...Object.keys(GROUPS)).chain((group) => fc.record({ kind: fc.constant('setAll' as const), group: fc.constant(group), value: fc.constantFrom(...GROUPS[group].values) })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), part: xmlPart, at: target, wrapper: fc.constantFrom(...WRAPPERS), depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 380, max: 600 })) }) },
);

const ANY_PART = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/_rels/document.xml.rels', '_rels/.rels', '[Content_Types].xml'];

const partMutation: fc.Arbitrary<PartMutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), part: fc.constantFrom(...ANY_PART) }),
  fc.record({ kind: fc.constant('rename' as const), part: fc.constantFrom(...XML_PARTS), to: fc.constantFrom('Word/Document.xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml') }),
  fc.record({ kind: fc.constant('empty' as const), part: fc.constantFrom(...ANY_PART), content: fc.constantFrom('', ' \n', '<?xml version="1.0"?>', '<x/>', '<w:numbering/>', '<w:document><w:body/></w:document>', 'not xml at all', '\ufeff') }),
  fc.record({ kind: fc.constant('truncate' as const), part: xmlPart, at: fraction }),
  fc.record({ kind: fc.constant('bytes' as const), part: xmlPart, at: fraction, bytes: fc.oneof(fc.constantFrom([0xff], [0xc3, 0x28], [0xe9], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x00], [0xfe, 0xff]), fc.array(fc.nat(255), { minLength: 1, maxLength: 6 })) }),
  fc.record({ kind: fc.constant('encode' as const), part: xmlPart, encoding: fc.constantFrom('utf16le' as const, 'utf16be' as const, 'utf16le-odd' as const, 'utf8-bom' as const, 'latin1' as const) }),
);

const zipMutation: fc.Arbitrary<ZipMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fraction, { minLength: 1, maxLength: 4 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fraction, bytes: fc.constantFrom([0xff, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x01, 0x02], [0x08, 0x00]) }),
  fc.record({ kind: fc.constant('splice' as const), from: fraction, to: fraction, length: fc.integer({ min: 1, max: 64 }) }),
);

const plan: fc.Arbitrary<Plan> = fc.record({
  seed: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat() }), // the synthetic seed has the most features
  xml: fc.array(xmlMutation, { minLength: 1, maxLength: 4 }),
  parts: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(partMutation, { minLength: 1, maxLength: 2 }) }),
  zip: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: zipMutation }),
  stored: fc.boolean(),
  mode: fc.constantFrom('accept' as const, 'reject' as const),
  look: fc.boolean(),
});

// ---------------------------------------------------------------- the contract

/**
 * Read the bytes: 'read' for a JSON-safe Document, else the code of the
 * InputError (which must name the file). Any other exception fails the test.
 */
function readsOrRejects(bytes: Uint8Array, mode: 'accept' | 'reject' = 'accept', look = false): string {
  let result;
  try {
    result = readDocx(bytes, FILE, { revisions: mode, look });
  } catch (e) {
    if (!(e instanceof InputError)) throw e; // TypeError, RangeError…: the bug, with its stack
    expect(e.message).toContain(FILE);
    return e.diagnostics[0].code;
  }
  expect(JSON.parse(JSON.stringify(result.document))).toEqual(result.document);
  if (result.look) {
    // What the redline carries from a damaged file must still make a well-formed DOCX.
    const written = unzipSync(writeRedlineDocx(redline(result.document, result.document), { date: '2026-01-01', look: result.look }));
    for (const [name, bytes] of Object.entries(written)) if (/\.(xml|rels)$/.test(name)) expect(XMLValidator.validate(strFromU8(bytes)), name).toBe(true);
  }
  return 'read';
}

/** A stored (uncompressed) DOCX: repetitive parts stay under the zip-bomb ratio and reach the XML reader. */
function storedDocx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Zippable = { 'word/document.xml': strToU8(`<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`) };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files, { level: 0 });
}

describe('readDocx under structural fuzzing', () => {
  it('should read every seed unmutated', () => {
    for (const seed of SEEDS) expect(readsOrRejects(zipSync(seed.parts as Zippable)), seed.name).toBe('read');
  });

  it(`should return a JSON-safe Document or throw InputError on ${RUNS} mutated files`, () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(plan, (p) => {
        const outcome = readsOrRejects(build(p), p.mode, p.look);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most mutations must reach the model, not stop at the zip or the XML parser.
    expect(outcomes.get('read')).toBeGreaterThan(RUNS * 0.5);
    expect(outcomes.get('docx-bad-xml')).toBeGreaterThan(0);
    expect(outcomes.get('docx-not-zip')).toBeGreaterThan(0);
  });
});

describe('readDocx on deep nesting', () => {
  const nest = (depth: number, [open, close]: [string, string], inner: string): string => open.repeat(depth) + inner + close.repeat(depth);
  const text = '<w:p><w:r><w:t>deep</w:t></w:r></w:p>';

  it.each([
    ['content controls', WRAPPERS[0]],
    ['tables', WRAPPERS[1]],
    ['custom XML', WRAPPERS[2]],
  ] as const)('should reject 10,000 nested %s as bad XML, not overflow the stack', (_, wrapper) => {
    expect(readsOrRejects(storedDocx(nest(10_000, wrapper, text)))).toBe('docx-bad-xml');
  });

  it('should reject 10,000 nested inline elements, styles or numbering as bad XML', () => {
    expect(readsOrRejects(storedDocx(`<w:p>${nest(10_000, ['<w:hyperlink>', '</w:hyperlink>'], '<w:r><w:t>x</w:t></w:r>')}</w:p>`))).toBe('docx-bad-xml');
    expect(readsOrRejects(storedDocx(text, { 'word/styles.xml': nest(10_000, ['<w:styles>', '</w:styles>'], '') }))).toBe('docx-bad-xml');
    expect(readsOrRejects(storedDocx(text, { 'word/numbering.xml': nest(10_000, ['<w:num>', '</w:num>'], '') }))).toBe('docx-bad-xml');
  });

  it('should read nesting just under the XML parser limit', () => {
    expect(readsOrRejects(storedDocx(nest(120, WRAPPERS[1], text)))).toBe('read');
    expect(readsOrRejects(storedDocx(nest(390, WRAPPERS[2], text)))).toBe('read');
  });
});

/** One bug per test, each found by the fuzzing above. */
describe('readDocx regressions found by fuzzing', () => {
  // The paragraph is a sentence, so no fallback heading takes its number.
  const texts = (bytes: Uint8Array): string[] => blockTexts(readDocx(bytes, FILE).document);
  const numbered = (lvl: string, ilvl = '0'): Uint8Array =>
    storedDocx(`<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>The goods are delivered.</w:t></w:r></w:p>`, {
      'word/numbering.xml': `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">${lvl}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    });

  it('should drop a w:sym beyond U+10FFFF instead of throwing RangeError', () => {
    const run = (char: string) => `<w:r><w:t xml:space="preserve">a </w:t><w:sym w:char="${char}"/><w:t>b</w:t></w:r>`;
    expect(texts(storedDocx(`<w:p>${run('110000')}</w:p><w:p>${run('FFFFFFFFFFFF')}</w:p><w:p>${run('263A')}</w:p>`))).toEqual(['a b', 'a b', 'a ☺b']);
  });

  it('should ignore a numbering start out of range instead of building a giant label (RangeError)', () => {
    const level = (start: string, fmt: string) => `<w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl>`;
    expect(texts(numbered(level('99999999999', 'lowerLetter')))).toEqual(['a. The goods are delivered.']);
    expect(texts(numbered(level('1e400', 'upperLetter')))).toEqual(['A. The goods are delivered.']);
    // Not a number: the default start, not an "undefined" label.
    expect(texts(numbered(level('x', 'ideographTraditional')))).toEqual(['甲. The goods are delivered.']);
    expect(texts(numbered(level('-5000', 'chineseCounting')))).toEqual(['一. The goods are delivered.']);
    expect(texts(numbered(level('3', 'decimal')))).toEqual(['3. The goods are delivered.']);
  });

  it('should leave a paragraph unnumbered when its level is outside 0–8 (the restart loop hung on -1e400)', () => {
    const level = (ilvl: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>`;
    expect(texts(numbered(level('-3'), '-3'))).toEqual(['The goods are delivered.']);
    expect(texts(numbered(level('9'), '9'))).toEqual(['The goods are delivered.']);
    expect(texts(numbered(level('-1e400'), '-1e400'))).toEqual(['The goods are delivered.']);
    expect(texts(numbered(level('8'), '8'))).toEqual(['1. The goods are delivered.']);
  });

  it('should read a content control around 200,000 paragraphs or rows without overflowing the stack', () => {
    const paragraphs = readDocx(storedDocx(`<w:sdt><w:sdtContent>${'<w:p/>'.repeat(200_000)}<w:p><w:r><w:t>last</w:t></w:r></w:p></w:sdtContent></w:sdt>`), FILE);
    expect(blockTexts(paragraphs.document)).toEqual(['last']);
    const rows = readDocx(storedDocx(`<w:tbl><w:sdt><w:sdtContent>${'<w:tr/>'.repeat(200_000)}</w:sdtContent></w:sdt></w:tbl>`), FILE);
    expect((rows.document.parts[0].children[0] as Table).children).toHaveLength(200_000);
  });

  it('should merge 20,000 paragraphs with deleted marks in linear memory (ran out of memory)', () => {
    const deleted = '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t></w:r><w:r><w:t>b</w:t></w:r></w:p>';
    const { document } = readDocx(storedDocx(deleted.repeat(20_000) + '<w:p><w:r><w:t>end</w:t></w:r></w:p>'), FILE);
    expect(blockTexts(document)).toEqual(['ab'.repeat(20_000) + 'end']);
  });
});
