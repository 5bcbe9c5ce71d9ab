#!/usr/bin/env node
// `npm run bench -- assemble` (or `node bench/assemble.mjs` after `npm run build`):
// DOCX output speed, in one process, for the three example playbooks and a
// generated 30-clause ~8,000-word contract, beside two peers writing the same
// paragraphs: the `docx` package (build + Packer.toBuffer) and docxtemplater
// filling a DOCX template made here of equal content. Issue 3 target: ≥ 50
// docs/s for the 30-clause contract, ahead of both peers.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as docx from 'docx';
import Docxtemplater from 'docxtemplater';
import { unzipSync, zipSync } from 'fflate';
import PizZip from 'pizzip';
import { writeDocx } from '../dist/writers/docx/index.js';
import { contract30, wordCount } from './fixtures/contract.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATE = '2026-01-01';
const quick = process.argv.includes('--quick');

/** Run `fn` repeatedly (after a warm-up) for at least `ms`; return ms per document and docs/s. */
async function measure(fn, { ms = quick ? 400 : 2000, warmup = quick ? 3 : 10 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  globalThis.gc?.();
  const times = [];
  const start = performance.now();
  while (times.length < 5 || performance.now() - start < ms) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return { runs: times.length, median: times[times.length >> 1], perSec: (times.length * 1000) / total };
}

const rows = [];
function report(label, result, extra = '') {
  rows.push([label, result.median.toFixed(2), result.perSec.toFixed(1), String(result.runs), extra]);
}
function printTable() {
  const head = ['case', 'ms/doc (median)', 'docs/s', 'runs', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  rows.length = 0;
}

// ---------------------------------------------------------------- peers

const text = (inlines) =>
  inlines
    .map((n) =>
      n.type === 'text' ? n.value : n.type === 'strong' || n.type === 'emphasis' ? text(n.children) : n.type === 'termDefinition' ? `“${n.label}”` : (n.label ?? ''),
    )
    .join('');

/** Inlines → docx TextRuns with the same bold/italic/quoted-term formatting as ours. */
const runs = (inlines, format = {}) =>
  inlines.flatMap((n) =>
    n.type === 'strong'
      ? runs(n.children, { ...format, bold: true })
      : n.type === 'emphasis'
        ? runs(n.children, { ...format, italics: true })
        : n.type === 'termDefinition'
          ? [new docx.TextRun({ ...format, bold: true, text: `“${n.label}”` })]
          : [new docx.TextRun({ ...format, text: n.type === 'text' ? n.value : (n.label ?? '') })],
  );

/** Clause → {heading, subs: [{text, items: [{text}]}]}: the shape both peers fill. */
function outline(document) {
  return document.parts.flatMap((part) =>
    part.clauses.map((c) => ({
      heading: c.heading ? text(c.heading) : '',
      subs: (c.clauses.length ? c.clauses : [c]).map((s) => ({
        text: s.children.filter((b) => b.type === 'paragraph').map((b) => text(b.children)).join(' '),
        inlines: s.children.filter((b) => b.type === 'paragraph').flatMap((b) => b.children),
        items: s.children.filter((b) => b.type === 'list').flatMap((l) => l.children.map((i) => ({ text: text(i.children[0]?.children ?? []) }))),
      })),
    })),
  );
}

const NUMBERING = {
  config: [
    {
      reference: 'clauses',
      levels: [
        { level: 0, format: docx.LevelFormat.DECIMAL, text: '%1', alignment: docx.AlignmentType.START },
        { level: 1, format: docx.LevelFormat.DECIMAL, text: '%1.%2', alignment: docx.AlignmentType.START },
        { level: 2, format: docx.LevelFormat.LOWER_LETTER, text: '(%3)', alignment: docx.AlignmentType.START },
      ],
    },
  ],
};
const numbered = (level) => ({ reference: 'clauses', level });
const headerFooter = (title) => ({
  headers: { default: new docx.Header({ children: [new docx.Paragraph(title)] }) },
  footers: {
    default: new docx.Footer({ children: [new docx.Paragraph({ children: [new docx.TextRun({ children: ['Page ', docx.PageNumber.CURRENT, ' of ', docx.PageNumber.TOTAL_PAGES] })] })] }),
  },
});

/** Peer (a): the same paragraphs through the docx package's object tree, then Packer. */
async function withDocxPackage(document) {
  const children = [new docx.Paragraph({ heading: docx.HeadingLevel.TITLE, children: [new docx.TextRun(document.meta.title)] })];
  for (const c of outline(document)) {
    children.push(new docx.Paragraph({ heading: docx.HeadingLevel.HEADING_1, numbering: numbered(0), children: [new docx.TextRun(c.heading)] }));
    for (const s of c.subs) {
      children.push(new docx.Paragraph({ numbering: numbered(1), children: runs(s.inlines) }));
      for (const i of s.items) children.push(new docx.Paragraph({ numbering: numbered(2), children: [new docx.TextRun(i.text)] }));
    }
  }
  const file = new docx.Document({ numbering: NUMBERING, sections: [{ ...headerFooter(document.meta.title), children }] });
  return docx.Packer.toBuffer(file);
}

/** Peer (b): a template with loops, made once with docx; docxtemplater fills it per document. */
async function makeTemplate() {
  const tag = (value, options = {}) => new docx.Paragraph({ ...options, children: [new docx.TextRun(value)] });
  const file = new docx.Document({
    numbering: NUMBERING,
    sections: [
      {
        ...headerFooter('{title}'),
        children: [
          tag('{title}', { heading: docx.HeadingLevel.TITLE }),
          tag('{#clauses}'),
          tag('{heading}', { heading: docx.HeadingLevel.HEADING_1, numbering: numbered(0) }),
          tag('{#subs}'),
          tag('{text}', { numbering: numbered(1) }),
          tag('{#items}'),
          tag('{text}', { numbering: numbered(2) }),
          tag('{/items}'),
          tag('{/subs}'),
          tag('{/clauses}'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(file);
}

function withDocxtemplater(template, data) {
  const zip = new PizZip(template);
  const filler = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  filler.render(data);
  return filler.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

// ----------------------------------------------------------------- runs

const kb = (bytes) => `${(bytes.length / 1024).toFixed(0)} KiB`;

async function benchContract() {
  const document = contract30();
  const ours = writeDocx(document, { date: DATE });
  if (ours.warnings.length) console.log('warnings:', ours.warnings);
  console.log(`30-clause contract: ${wordCount(document)} words, ${kb(ours.bytes)} DOCX\n`);
  const template = await makeTemplate();
  // docxtemplater fills plain strings (inline formatting needs its paid HTML module).
  const data = { title: document.meta.title, clauses: outline(document).map((c) => ({ ...c, subs: c.subs.map(({ inlines: _, ...s }) => s) })) };

  const mine = await measure(() => writeDocx(document, { date: DATE }));
  const viaDocx = await measure(() => withDocxPackage(document));
  const viaTemplate = await measure(() => withDocxtemplater(template, data));
  // The floor: zipping our finished XML parts again (fflate alone).
  const parts = Object.entries(unzipSync(ours.bytes));
  const floor = await measure(() => zipSync(Object.fromEntries(parts.map(([n, d]) => [n, [d, { mtime: new Date(2026, 0, 1, 12) }]])), { level: 6 }));

  report('clausewright writeDocx', mine, kb(ours.bytes));
  report('docx package (build + Packer)', viaDocx, kb(await withDocxPackage(document)));
  report('docxtemplater (fill template)', viaTemplate, kb(withDocxtemplater(template, data)));
  report('fflate zip of our XML only', floor, 'floor: compression alone');
  printTable();
  console.log(
    `\nratios (docs/s): clausewright / docx = ${(mine.perSec / viaDocx.perSec).toFixed(2)}×, ` +
      `clausewright / docxtemplater = ${(mine.perSec / viaTemplate.perSec).toFixed(2)}×; ` +
      `target ≥ 50 docs/s: ${mine.perSec >= 50 ? 'met' : 'NOT met'}\n`,
  );
}

async function benchPlaybooks() {
  let api;
  try {
    api = await import('../dist/index.js');
  } catch (cause) {
    console.log(`playbooks: skipped (dist/index.js does not load: ${cause.message})\n`);
    return;
  }
  if (typeof api.assembleFiles !== 'function') return console.log('playbooks: skipped (no assembleFiles yet)\n');
  for (const id of ['aigc-user-agreement', 'data-trade-agreement', 'model-licence-agreement']) {
    const playbook = `${ROOT}playbooks/${id}.yaml`;
    const data = `${ROOT}examples/${id}.yaml`;
    if (!existsSync(playbook) || !existsSync(data)) {
      console.log(`${id}: skipped (playbook or example data missing)`);
      continue;
    }
    for (const lang of ['zh', 'en', 'zh+en']) {
      const input = { playbook, data, lang, date: DATE };
      let document;
      try {
        document = api.assembleFiles(input).document;
      } catch (cause) {
        console.log(`${id} ${lang}: skipped (does not assemble: ${cause.message.split('\n')[0]})`);
        continue;
      }
      const bytes = writeDocx(document, { date: DATE }).bytes;
      report(`${id} ${lang}: writeDocx`, await measure(() => writeDocx(document, { date: DATE })), kb(bytes));
      report(`${id} ${lang}: assembleFiles + writeDocx`, await measure(() => writeDocx(api.assembleFiles(input).document, { date: DATE })), 'reads files each run');
      // What batch mode does per deal: playbook and library loaded once.
      const { library } = api.loadLibrary(`${ROOT}clauses`);
      const { playbook: parsed } = api.parsePlaybook(readFileSync(playbook, 'utf8'), playbook);
      const deal = api.loadDealFile(data);
      report(`${id} ${lang}: assemble + writeDocx`, await measure(() => writeDocx(api.assemble({ playbook: parsed, library, data: deal, lang, date: DATE }).document, { date: DATE })), 'library loaded once');
    }
  }
  if (rows.length) printTable();
  console.log('');
}

console.log(`node ${process.version}, ${availableParallelism()} cores${globalThis.gc ? ', --expose-gc' : ''}\n`);
await benchContract();
await benchPlaybooks();

/**
 * Batch mode as a user runs it: the CLI over many deal files (one per
 * customer), on one thread and on one per core, wall clock of the whole
 * process included.
 */
function benchBatch(count) {
  const id = 'aigc-user-agreement';
  const source = `${ROOT}examples/${id}.yaml`;
  if (!existsSync(source)) return console.log('batch: skipped (example missing)');
  const dir = mkdtempSync(join(tmpdir(), 'cw-batch-'));
  const deals = Array.from({ length: count }, (_, i) => {
    const file = join(dir, `customer-${String(i).padStart(3, '0')}.yaml`);
    writeFileSync(file, readFileSync(source, 'utf8'));
    return file;
  });
  const run = (jobs) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [`${ROOT}dist/cli/main.js`, 'assemble', `${ROOT}playbooks/${id}.yaml`, '--data', ...deals, '--lang', 'zh+en', '--format', 'docx', '--out-dir', join(dir, `out-${jobs}`), '--jobs', String(jobs), '--date', DATE], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return performance.now() - started;
  };
  const one = run(1);
  const all = run(availableParallelism());
  rmSync(dir, { recursive: true, force: true });
  console.log(`batch: ${deals.length} bilingual DOCX user agreements through the CLI (whole process)`);
  console.log(`  1 thread : ${(one / 1000).toFixed(2)} s, ${((deals.length * 1000) / one).toFixed(1)} docs/s`);
  console.log(`  ${availableParallelism()} threads: ${(all / 1000).toFixed(2)} s, ${((deals.length * 1000) / all).toFixed(1)} docs/s`);
  console.log(`  speed-up ×${(one / all).toFixed(2)} on ${availableParallelism()} cores\n`);
}

// Small and large: a second thread must first start and warm up, which a small batch does not repay.
benchBatch(120);
benchBatch(480);
