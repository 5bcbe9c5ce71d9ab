/**
 * Our bilingual agreement (assembled by the real assembler, written as DOCX)
 * is one table per part, each clause heading and numbered sub-clause a row
 * with its Chinese beside its English. Redlined against an edited copy, it is
 * compared clause by clause as a single-language DOCX is: each row holding a
 * heading or a numbered sub-clause opens a clause; the written DOCX redline
 * still holds each of our tables whole, and accepting or rejecting every
 * change gives their text or ours.
 */
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assembleFiles } from '../../src/index.js';
import type { AssemblyLang } from '../../src/playbook/assemble.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { comparable } from '../../src/redline/apply.js';
import { redline } from '../../src/redline/redline.js';
import { documentParagraphs } from '../../src/redline/units.js';
import type { Redline } from '../../src/redline/types.js';
import { formatNumber } from '../../src/numbering/format.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { writeRedlineDocx } from '../../src/writers/redline/docx/index.js';
import { writeRedlineHtml } from '../../src/writers/redline/html.js';
import { writeRedlineJson } from '../../src/writers/redline/json.js';
import { writeRedlineMarkdown } from '../../src/writers/redline/markdown.js';

const ROOT = join(import.meta.dirname, '../..');

function assembled(lang: AssemblyLang): Uint8Array {
  const { document } = assembleFiles({
    playbook: join(ROOT, 'playbooks/data-trade-agreement.yaml'),
    data: join(ROOT, 'examples/data-trade-agreement.yaml'),
    lang,
    date: '2026-01-01',
  });
  return writeDocx(document).bytes;
}

/** `bytes` with word/document.xml edited. */
function edited(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
}

/** Where each w:tr of the body starts and ends, with its words. */
function rows(xml: string): Array<{ start: number; end: number; words: string }> {
  const out: Array<{ start: number; end: number; words: string }> = [];
  const re = /<w:tr[ >][\s\S]*?<\/w:tr>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const words = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    out.push({ start: m.index, end: m.index + m[0].length, words });
  }
  return out;
}

/** The rows of the clause whose heading row reads `heading`: that row and the rows up to the next heading row. */
function clauseRows(xml: string, heading: string): { start: number; end: number } {
  const all = rows(xml);
  const first = all.findIndex((r) => r.words.includes(heading));
  const isHeading = (k: number) => xml.slice(all[k]!.start, all[k]!.end).includes('<w:pStyle w:val="Heading1"/>');
  let last = first + 1;
  while (last < all.length && !isHeading(last) && xml.slice(all[first]!.end, all[last]!.start).indexOf('</w:tbl>') < 0) last++;
  return { start: all[first]!.start, end: all[last - 1]!.end };
}

/** `theirLook`: give the writer their draft's look too, as the CLI does when theirs is a DOCX. */
function compare(ours: Uint8Array, theirs: Uint8Array, theirLook = false) {
  const a = readDocx(ours, 'ours.docx', { look: true });
  const b = readDocx(theirs, 'theirs.docx', theirLook ? { look: 'styles' } : {});
  const r = redline(a.document, b.document);
  const bytes = writeRedlineDocx(r, { look: a.look!, date: '2026-01-02', ...(theirLook ? { theirLook: b.look! } : {}) });
  return { r, bytes, xml: strFromU8(unzipSync(bytes)['word/document.xml']!), ours: a.document, theirs: b.document };
}

function expectInvariant(c: ReturnType<typeof compare>): void {
  expect(comparable(acceptAllDocx(c.bytes))).toEqual(documentParagraphs(c.theirs));
  expect(comparable(rejectAllDocx(c.bytes))).toEqual(documentParagraphs(c.ours));
}

/** A numbered paragraph of a table as Word prints it: its list, level and number. */
interface Printed {
  numId: string;
  ilvl: number;
  label: string;
}

/**
 * The numbers Word prints before the numbered paragraphs of a DOCX's tables, in order, after
 * accepting or rejecting every change (a row whose w:trPr is marked deleted goes on accepting,
 * one marked inserted on rejecting; none of these rows has a paragraph of its own marked):
 * each w:num counts its levels on its own, from each level's start, and a paragraph at one
 * level starts the deeper levels again; each %n prints level n's counter in its format.
 */
function wordNumbers(bytes: Uint8Array, mode?: 'accept' | 'reject'): Printed[] {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const numbering = strFromU8(files['word/numbering.xml']!);
  const level = (numId: string, ilvl: number) => {
    const [, abstractId] = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)!;
    const [, abstract] = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}">([\\s\\S]*?)</w:abstractNum>`).exec(numbering)!;
    const [, start, fmt, text] = new RegExp(`<w:lvl w:ilvl="${ilvl}"><w:start w:val="(\\d+)"/><w:numFmt w:val="(\\w+)"/><w:lvlText w:val="([^"]*)"/>`).exec(abstract!)!;
    return { start: Number(start), fmt: fmt!, text: text! };
  };
  const counts = new Map<string, number[]>();
  const out: Printed[] = [];
  for (const [row] of xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
    const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(row)?.[1] ?? '';
    if ((mode === 'accept' && trPr.includes('<w:del ')) || (mode === 'reject' && trPr.includes('<w:ins '))) continue;
    for (const [, at, numId] of row.matchAll(/<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)) {
      const ilvl = Number(at);
      const count = (counts.get(numId!) ?? []).slice(0, ilvl + 1);
      count[ilvl] = count[ilvl] === undefined ? level(numId!, ilvl).start : count[ilvl]! + 1;
      counts.set(numId!, count);
      const label = level(numId!, ilvl).text.replace(/%(\d)/g, (_, n: string) => {
        const parent = level(numId!, Number(n) - 1);
        return formatNumber(count[Number(n) - 1] ?? parent.start, parent.fmt);
      });
      out.push({ numId: numId!, ilvl, label });
    }
  }
  return out;
}

/** Their copy of ours with a clause added before clause 15: a copy of clause 14 (heading row and text row), reworded. */
function withClauseAdded(ours: Uint8Array): Uint8Array {
  return edited(ours, (xml) => {
    const copy = clauseRows(xml, '文本语言');
    const next = clauseRows(xml, '完整协议与一般约定');
    const rowsXml = xml
      .slice(copy.start, copy.end)
      .replace(/文本语言/g, '反商业贿赂')
      .replace(/>Language</g, '>Anti-Bribery<')
      .replace(/(<w:t(?: [^>]*)?>)([^<]{40,})(<\/w:t>)/g, (_, open: string, words: string, close: string) =>
        `${open}${/[\u4e00-\u9fff]/.test(words) ? '任何一方不得向另一方的员工提供任何形式的贿赂或者不正当利益。' : 'Neither Party shall offer any bribe or improper benefit to the employees of the other.'}${close}`,
      );
    return xml.slice(0, next.start) + rowsXml + xml.slice(next.start);
  });
}

const tableCount = (xml: string, style: string) => xml.split(`<w:tblStyle w:val="${style}"/>`).length - 1;
const firstRow = (r: Redline, k: number) => r.clauses[k]!.paragraphs[0]!;

describe('a bilingual DOCX of ours, redlined', () => {
  const ours = assembled('zh+en');
  const theirs = edited(ours, (xml) => xml.replace('reasonable', 'commercially reasonable').replace('reasonable', 'commercially reasonable'));
  const c = compare(ours, theirs);

  it('should count the clauses that changed, not one part', () => {
    expect(c.r.summary.clauses.changed).toBeGreaterThanOrEqual(1);
    expect(c.r.summary.clauses.changed).toBeLessThanOrEqual(2);
    expect(c.r.summary.clauses.unchanged).toBeGreaterThan(80);
    expect(c.r.summary.words).toEqual({ inserted: 2, deleted: 0 });
  });

  it('should open a clause at every heading row and numbered sub-clause row, each with its row first', () => {
    const clauses = c.r.clauses.filter((k) => k.kind === 'clause');
    const texts = clauses.map((k) => k.paragraphs[0]!.spans.map((s) => s.text).join(''));
    // The numbers are labels beside the words, as in the body, not words.
    const labelled = (label: string) => clauses.filter((k) => k.paragraphs[0]!.cellLabels?.ours?.every((cell) => cell[0] === label));
    expect(texts).toContain('定义与解释\tDefinitions and Interpretation');
    expect(labelled('1').map((k) => k.paragraphs[0]!.spans[0]!.text)).toEqual(['定义与解释\tDefinitions and Interpretation']);
    expect(labelled('1.1')[0]!.paragraphs[0]!.spans[0]!.text).toMatch(/\tIn this Agreement/);
    // (a), (b)… are list items of 1.1, not clauses.
    expect(clauses.some((k) => k.paragraphs[0]!.cellLabels?.ours?.[0]?.[0] === '(a)')).toBe(false);
    const json = JSON.parse(writeRedlineJson(c.r)) as Redline;
    const heading = json.clauses.find((k) => k.paragraphs[0]?.spans[0]?.text.startsWith('数据交付'))!;
    expect(heading).toMatchObject({ kind: 'clause', depth: 0, status: 'unchanged' });
    expect(heading.paragraphs[0]!.cellLabels).toEqual({ ours: [['2'], ['2']], theirs: [['2'], ['2']] });
    expect(heading.paragraphs).toHaveLength(1);
  });

  it("should list each changed clause in the HTML's changes by its row, Chinese | English", () => {
    const html = writeRedlineHtml(c.r);
    const changes = /<summary>Changes \((\d+)\)<\/summary><ol>([\s\S]*?)<\/ol>/.exec(html)!;
    expect(Number(changes[1])).toBe(c.r.summary.clauses.changed);
    expect(changes[2]).toMatch(/<li><a href="#c\d+">\d+\.\d+ [^<|]*[\u4e00-\u9fff][^<|]* \| \d+\.\d+ [A-Z][^<]*<\/a>/);
    expect(changes[2]).not.toContain('Training Data Supply Agreement');
  });

  it('should write each of our tables whole and keep the invariant', () => {
    expect(tableCount(c.xml, 'BilingualTable')).toBe(tableCount(strFromU8(unzipSync(ours)['word/document.xml']!), 'BilingualTable'));
    expectInvariant(c);
  });

  it('should show a clause they added as one added clause, in the table it sits in', () => {
    // They add a clause before clause 15: a copy of clause 14 (heading row and text row), reworded.
    const added = withClauseAdded(ours);
    const a = compare(ours, added);
    // Clause 15 on is renumbered 16 on, and none of them is changed for that.
    expect(a.r.summary.clauses).toMatchObject({ changed: 0, added: 1, deleted: 0, moved: 0 });
    const k = a.r.clauses.findIndex((x) => x.status === 'added');
    expect(firstRow(a.r, k).spans.map((s) => s.text).join('')).toBe('反商业贿赂\tAnti-Bribery');
    expect(firstRow(a.r, k).cellLabels).toEqual({ theirs: [['15'], ['15']] });
    expect(firstRow(a.r, k + 1).cellLabels).toEqual({ ours: [['15'], ['15']], theirs: [['16'], ['16']] });
    expect(a.r.clauses[k]!.paragraphs.every((p) => p.status === 'inserted')).toBe(true);
    expect(tableCount(a.xml, 'BilingualTable')).toBe(tableCount(strFromU8(unzipSync(ours)['word/document.xml']!), 'BilingualTable'));
    expectInvariant(a);

    // The DOCX prints each number as Word numbering, never as a tracked change: counted on its column's list
    // (so accepting shows 16 here, rejecting 15: see the test below), in the hanging indent of its level.
    const row = (words: string) => rows(a.xml).find((r) => r.words.includes(words))!;
    const renumbered = a.xml.slice(row('完整协议与一般约定').start, row('完整协议与一般约定').end);
    expect(renumbered).not.toMatch(/<w:(ins|del) /);
    expect(renumbered).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr><w:ind w:left="720" w:hanging="720"\/>/);
    expect(new Set([...renumbered.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])).size).toBe(2);
    // The HTML and Markdown show the renumbering as a number changed, no words marked.
    const html = writeRedlineHtml(a.r);
    expect(html).toContain('<span class="label">16<span class="was">(was 15)</span></span> 完整协议与一般约定');
    const md = writeRedlineMarkdown(a.r);
    expect(md).toContain('| 15→16 完整协议与一般约定 | 15→16 Entire Agreement');
    expect(md).not.toMatch(/\{--\d+(\.\d+)*--\}/);
  });

  it('should number the cells by counting, one list per column as ours, so rejecting every change shows our numbers and accepting theirs', () => {
    const removed = edited(ours, (xml) => {
      const clause = clauseRows(xml, '文本语言');
      return xml.slice(0, clause.start) + xml.slice(clause.end);
    });
    // A list item (a) of theirs, a row of its own: a copy of our first (b) row, reworded.
    const item = edited(ours, (xml) => {
      const all = rows(xml);
      const at = all.find((r) => xml.slice(r.start, r.end).includes('<w:ilvl w:val="2"/>') && r.words.includes('（b）') === false)!;
      const copy = xml.slice(at.start, at.end).replace(/(<w:t(?: [^>]*)?>)([^<]{10,})(<\/w:t>)/g, (_, open: string, words: string, close: string) =>
        `${open}${/[\u4e00-\u9fff]/.test(words) ? '反商业贿赂的承诺' : 'the anti-bribery undertakings'}${close}`,
      );
      return xml.slice(0, at.start) + copy + xml.slice(at.start);
    });
    const shown = (printed: Printed[]) => printed.map(({ ilvl, label }) => `${ilvl} ${label}`);
    for (const theirs of [withClauseAdded(ours), removed, item])
      for (const theirLook of [true, false]) {
        const x = compare(ours, theirs, theirLook);
        expectInvariant(x);
        const mine = wordNumbers(ours);
        const rejected = wordNumbers(x.bytes, 'reject');
        const accepted = wordNumbers(x.bytes, 'accept');
        expect(shown(rejected)).toEqual(shown(mine));
        expect(shown(accepted)).toEqual(shown(wordNumbers(theirs)));
        expect(shown(accepted)).not.toEqual(shown(mine));
        // Every number counts on its column's list, as ours did: our Chinese list's paragraphs on one, our English list's on another.
        const lists = new Map<string, string>();
        rejected.forEach((p, k) => {
          expect(p.numId).toBe(lists.get(mine[k]!.numId) ?? p.numId);
          lists.set(mine[k]!.numId, p.numId);
        });
        expect(new Set(lists.values()).size).toBe(2);
        expect(new Set(accepted.map((p) => p.numId))).toEqual(new Set(lists.values()));
      }
    // A row only they have hangs at its level's indent of ours: (a) at ilvl 2, 1440 with a 720 hanging.
    const x = compare(ours, item, true);
    const inserted = rows(x.xml).map((r) => x.xml.slice(r.start, r.end)).find((r) => r.includes('the anti-bribery undertakings'))!;
    expect(inserted).toMatch(/<w:trPr><w:ins /);
    expect(inserted.match(/<w:numPr><w:ilvl w:val="2"\/><w:numId w:val="\d+"\/><\/w:numPr><w:ind w:left="1440" w:hanging="720"\/>/g)).toHaveLength(2);
  });

  it('should show a clause they moved as a move', () => {
    // They move clause 14 (Language) up, before clause 12 (Governing Law), in the same table.
    const moved = edited(ours, (xml) => {
      const clause = clauseRows(xml, '文本语言');
      const before = clauseRows(xml, '适用法律和争议解决');
      const rowsXml = xml.slice(clause.start, clause.end);
      return xml.slice(0, before.start) + rowsXml + xml.slice(before.start, clause.start) + xml.slice(clause.end);
    });
    const m = compare(ours, moved);
    expect(m.r.summary.clauses.moved).toBeGreaterThanOrEqual(1);
    expect(m.r.summary.clauses).toMatchObject({ added: 0, deleted: 0 });
    const to = m.r.clauses.find((x) => x.move?.side === 'to' && x.paragraphs[0]!.spans.map((s) => s.text).join('').includes('Language'))!;
    expect(to).toBeDefined();
    expect(m.xml).toContain('<w:moveFromRangeStart');
    expect(tableCount(m.xml, 'BilingualTable')).toBe(tableCount(strFromU8(unzipSync(ours)['word/document.xml']!), 'BilingualTable'));
    expectInvariant(m);
  });
});

describe('a single-language DOCX of ours, redlined', () => {
  it('should find the same clauses as before: its headings are paragraphs, not rows', () => {
    const ours = assembled('en');
    const c = compare(ours, edited(ours, (xml) => xml.replace('reasonable', 'commercially reasonable')));
    expect(c.r.clauses.every((k) => !k.id.ours?.includes('/row-'))).toBe(true);
    expect(c.r.summary.clauses.changed).toBe(1);
    expectInvariant(c);
  });
});
