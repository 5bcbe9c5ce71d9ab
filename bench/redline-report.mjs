// The redline benchmark's table and its targets (issue 4), PASS/FAIL each.

const s = (x) => (x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(2)} s`);
const mb = (x) => (x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x)} MB`);
const num = (x) => (x === undefined ? '—' : String(x));
const cell = (r) => (r.timeout ? 'timeout' : r.failed ? `${r.failed} after ${s(r.seconds)}` : s(r.seconds));
const marks = (r) => (r.timeout ? 'timeout' : r.failed ? r.failed : num(r.marked));

export function printReport(rows, diffWordsLimitS) {
  const header = ['pair', 'ours→JSON', 'ours→DOCX', 'git word-diff', 'diffWords (whole text)', 'segmenter floor', 'RSS ours JSON/DOCX', 'marked: ours / diffWords / git'];
  const lines = rows.map((r) => [
    r.label,
    cell(r.json),
    cell(r.docx),
    cell(r.git),
    cell(r.diffWords),
    cell(r.floor),
    `${mb(r.json.rssMb)} / ${mb(r.docx.rssMb)}`,
    `${num(r.json.marked)} / ${marks(r.diffWords)} / ${num(r.git.marked)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (l) => '| ' + l.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(fmt(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(fmt(l));

  const find = (lang, size) => rows.find((r) => r.lang === lang && r.size === size);
  const targets = [];
  const target = (name, ok, detail) => targets.push({ name, ok, detail });
  const en300 = find('en', 300_000);
  if (en300) {
    const ratio = en300.json.seconds / en300.git.seconds;
    target('EN 300k → JSON within 3× git word-diff', ratio <= 3, `${ratio.toFixed(2)}×`);
    // A diffWords that timed out or crashed took at least as long as it ran.
    const dw = en300.diffWords.timeout ? diffWordsLimitS : en300.diffWords.seconds;
    const bound = en300.diffWords.timeout || en300.diffWords.failed ? '≥ ' : '';
    const speedup = dw / en300.json.seconds;
    target('EN 300k → JSON ≥ 10× faster than whole-text diffWords', speedup >= 10, `${bound}${speedup.toFixed(1)}×`);
    target('EN 300k → DOCX < 2 s', en300.docx.seconds < 2, s(en300.docx.seconds));
    const rss = Math.max(en300.json.rssMb, en300.docx.rssMb);
    target('EN 300k peak RSS < 500 MB', rss < 500, mb(rss));
  }
  const zh300 = find('zh', 300_000);
  if (zh300) {
    const ratio = zh300.json.seconds / zh300.floor.seconds;
    target('ZH 300k → JSON within 1.5× segmenter floor', ratio <= 1.5, `${ratio.toFixed(2)}×`);
  }
  const zh900 = find('zh', 900_000);
  if (zh900) target('ZH 900k → JSON < 2 s', zh900.json.seconds < 2, s(zh900.json.seconds));
  for (const r of [find('en', 10_000), find('zh', 30_000)]) {
    if (!r) continue;
    if (r.diffWords.timeout || r.diffWords.failed) target(`${r.label}: marked ≤ 1.15× diffWords`, false, `diffWords ${r.diffWords.failed ?? 'timed out'}`);
    else {
      const ratio = r.json.marked / r.diffWords.marked;
      target(`${r.label}: marked ≤ 1.15× whole-text diffWords`, ratio <= 1.15, `${ratio.toFixed(2)}× (${r.json.marked} vs ${r.diffWords.marked} chars)`);
    }
  }
  console.log('\nOurs is the command users run, `clausewright redline ours.md theirs.md --format json|docx -o …`, timed as a whole process.');
  console.log('\nTargets (2-core machine, whole process: node start-up, reading Markdown, redline, writing):');
  for (const t of targets) console.log(`  ${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`);
  if (en300?.startup && en300.bare) {
    const x = (r) => `${(r.seconds / en300.git.seconds).toFixed(1)}× git`;
    console.log(
      `\nFor scale on EN 300k: \`node -e 0\` takes ${s(en300.startup.seconds)} (${x(en300.startup)}); a bare jsdiff word redline ` +
        `(paragraphs split on blank lines, diffArrays per changed pair, JSON; no model, alignment, moves or cleanup) ` +
        `takes ${s(en300.bare.seconds)} (${x(en300.bare)}), marking ${num(en300.bare.marked)} chars.`,
    );
  }
  if (en300?.warm?.warmMs !== undefined) {
    // The best a whole process of ours could do if nothing had to warm up: start-up and loading, then a warm run.
    const { startMs, loadMs, warmMs } = en300.warm;
    const floor = (startMs + loadMs + warmMs) / 1000;
    console.log(
      `Ours with every function already optimised (the third run in one process) takes ${s(warmMs / 1000)}; with node's start-up ` +
        `(${s(startMs / 1000)}) and loading the modules a redline to JSON needs (${s(loadMs / 1000)}) that is ${s(floor)} (${(floor / en300.git.seconds).toFixed(1)}× git): ` +
        `the rest of the whole-process time is V8 warming up.`,
    );
  }
  if (en300?.bare && en300?.warm?.warmMs !== undefined) {
    // The proposed restatements of the git target (README, Benchmarks): against what any jsdiff redline in Node costs.
    const floor = (en300.warm.startMs + en300.warm.loadMs + en300.warm.warmMs) / 1000;
    console.log(
      `Ours to JSON is ${(en300.json.seconds / en300.bare.seconds).toFixed(2)}× the bare jsdiff word redline ` +
        `and ${(en300.json.seconds / floor).toFixed(2)}× our own warm floor.`,
    );
  }
  if (en300?.read) {
    console.log(
      `Reading both drafts into the document model and writing them out as JSON, comparing nothing, takes ${s(en300.read.seconds)} ` +
        `(${(en300.read.seconds / en300.git.seconds).toFixed(1)}× git).`,
    );
  }
  return targets.every((t) => t.ok);
}
