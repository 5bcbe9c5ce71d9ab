// `npm run bench -- redline` (issue 4): our redline (the CLI) beside whole-text jsdiff
// diffWords, git's word diff and a floor of Intl.Segmenter over every
// paragraph, on seeded contract pairs; time and peak RSS of each whole process,
// the amount of text marked, ratios and PASS/FAIL per target.
//   BENCH_DIFFWORDS_TIMEOUT_S=120  time limit of whole-text diffWords
//   BENCH_SIZES=en:10000,zh:30000  run only some pairs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { counterparty, generate, render } from './redline-generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.resolve(here, '../.bench-work/redline');
const child = path.join(here, 'redline-child.mjs');
const DIFFWORDS_TIMEOUT_S = Number(process.env.BENCH_DIFFWORDS_TIMEOUT_S ?? 120);
/** Rounds of every contender but whole-text diffWords (one run: it takes seconds to minutes). */
const ROUNDS = 5;
const HAS_TIME = existsSync('/usr/bin/time');
const SIZES = (process.env.BENCH_SIZES ?? 'en:10000,en:100000,en:300000,zh:30000,zh:300000,zh:900000')
  .split(',')
  .map((s) => s.split(':'))
  .map(([lang, n]) => ({ lang, size: Number(n) }));

if (!existsSync(path.resolve(here, '../dist/redline/redline.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does)');
  process.exit(1);
}

/** Run a command; wall time from here, peak RSS from /usr/bin/time (or the child's own report). */
function measure(command, args, timeoutS = 600) {
  const argv = HAS_TIME ? ['/usr/bin/time', ['-f', 'BENCH_RSS_KB %M', command, ...args]] : [command, args];
  const t0 = performance.now();
  const run = spawnSync(argv[0], argv[1], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutS * 1000 });
  const seconds = (performance.now() - t0) / 1000;
  const rssKb = Number(/BENCH_RSS_KB (\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
  if (run.error?.code === 'ETIMEDOUT' || run.signal) return { seconds, timeout: true, rssMb: rssKb / 1024 };
  return { seconds, rssMb: rssKb / 1024, stdout: run.stdout ?? '', status: run.status, stderr: run.stderr };
}

/** A node contender; `mayFail` reports a crash (e.g. out of memory) in the table instead of stopping. */
function node(args, timeoutS, mayFail = false) {
  const m = measure(process.execPath, [child, ...args], timeoutS);
  if (m.timeout) return m;
  const line = m.stdout.trim().split('\n').pop() ?? '';
  if (m.status !== 0 || !line.startsWith('{')) {
    if (mayFail) return { ...m, failed: /heap out of memory/.test(m.stderr) ? 'out of memory' : `exit ${m.status}` };
    throw new Error(`${args.join(' ')} failed:\n${m.stderr}`);
  }
  const result = JSON.parse(line);
  return { ...m, ...result, rssMb: Number.isNaN(m.rssMb) ? result.maxRssMb : m.rssMb };
}

const cli = path.resolve(here, '../dist/cli/main.js');

/**
 * Ours as users run it: `clausewright redline a b --format … -o out`, the whole
 * CLI process. The amount marked comes from the JSON redline's summary.
 */
function clausewright(format, a, b, out) {
  const m = measure(process.execPath, [cli, 'redline', a, b, '--format', format, '-o', out, '--date', '2026-01-01']);
  if (m.timeout || m.status !== 0) throw new Error(`clausewright redline --format ${format} failed:\n${m.stderr}`);
  if (format !== 'json') return m;
  const { chars } = JSON.parse(readFileSync(out, 'utf8')).summary;
  return { ...m, marked: chars.inserted + chars.deleted + chars.moved };
}

/** git's word diff; marked = the characters on its '+' and '-' lines. */
function gitWordDiff(a, b) {
  const m = measure('git', ['diff', '--no-index', '--no-color', '--word-diff=porcelain', a, b]);
  let marked = 0;
  for (const line of m.stdout.split('\n')) {
    if (line.startsWith('+++ ') || line.startsWith('--- ')) continue;
    if (line[0] === '+' || line[0] === '-') marked += line.length - 1;
  }
  return { ...m, marked };
}

/** The fastest of several runs (small runs are noisy); RSS is the largest seen. */
function best(runs) {
  const fastest = runs.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  return { ...fastest, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

mkdirSync(work, { recursive: true });
const rows = [];
for (const { lang, size } of SIZES) {
  const ours = generate(lang, size, 1000 + size);
  const theirs = counterparty(ours, lang, 2000 + size);
  const a = path.join(work, `${lang}-${size}-ours.md`);
  const b = path.join(work, `${lang}-${size}-theirs.md`);
  writeFileSync(a, render(ours, lang));
  writeFileSync(b, render(theirs, lang));
  const label = `${lang} ${lang === 'en' ? `${size / 1000}k words` : `${size / 1000}k chars`}`;
  process.stderr.write(`running ${label}…\n`);
  // Contenders take turns, round by round, so a machine getting busier or quieter mid-run
  // weighs on all of them alike; each keeps its best round.
  const contenders = {
    json: () => clausewright('json', a, b, path.join(work, 'out.json')),
    docx: () => clausewright('docx', a, b, path.join(work, 'out.docx')),
    git: () => gitWordDiff(a, b),
    floor: () => node(['floor', lang, a, b]),
  };
  if (lang === 'en' && size === 300_000) {
    // For scale beside the git target: Node's own start-up, and a bare jsdiff word redline.
    contenders.startup = () => measure(process.execPath, ['-e', '0']);
    contenders.bare = () => node(['bare', a, b, path.join(work, 'bare.json')]);
    contenders.warm = () => node(['warm', a, b, path.join(work, 'warm.json')]);
    contenders.read = () => node(['read', a, b, path.join(work, 'read.json')]);
  }
  const runs = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) for (const [name, run] of Object.entries(contenders)) runs[name].push(run());
  const row = { label, lang, size, ...Object.fromEntries(Object.entries(runs).map(([name, results]) => [name, best(results)])) };
  row.diffWords = node(['diffwords', lang, a, b, String(DIFFWORDS_TIMEOUT_S * 1000)], DIFFWORDS_TIMEOUT_S + 60, true);
  rows.push(row);
}

const { printReport } = await import('./redline-report.mjs');
process.exitCode = printReport(rows, DIFFWORDS_TIMEOUT_S) ? 0 : 1;
