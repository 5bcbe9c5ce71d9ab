// The contenders of the redline benchmark other than ours (which runs as the
// CLI), each run in its own process so the parent can read its wall time and
// peak RSS. Prints one JSON line on stdout.
//   node redline-child.mjs diffwords <lang> <ours.md> <theirs.md> <timeoutMs>
//   node redline-child.mjs floor <lang> <ours.md> <theirs.md>
//   node redline-child.mjs bare <ours.md> <theirs.md> <out.json>
//   node redline-child.mjs warm <ours.md> <theirs.md> <out.json>
//   node redline-child.mjs read <ours.md> <theirs.md> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);
const report = (result) => {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...result, maxRssMb }) + '\n');
};

if (mode === 'warm') {
  // For scale, not a contender: ours to JSON with every function already
  // compiled and optimised, i.e. the third of three runs in one process, and
  // what a process spends before it (start-up, loading our modules).
  const [oursFile, theirsFile, out] = args;
  const beforeMain = performance.now();
  const { readMarkdown } = await import('../dist/readers/markdown.js');
  const { redline } = await import('../dist/redline/redline.js');
  const { writeRedlineJson } = await import('../dist/writers/redline/json.js');
  const loaded = performance.now();
  let lastMs = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const ours = readMarkdown(readFileSync(oursFile, 'utf8'), oursFile).document;
    const theirs = readMarkdown(readFileSync(theirsFile, 'utf8'), theirsFile).document;
    writeFileSync(out, writeRedlineJson(redline(ours, theirs)));
    lastMs = performance.now() - t0;
  }
  report({ startMs: beforeMain, loadMs: loaded - beforeMain, warmMs: lastMs });
} else if (mode === 'diffwords') {
  const [lang, oursFile, theirsFile, timeout] = args;
  const { diffWords } = await import('diff');
  const options = { timeout: Number(timeout) };
  // Chinese has no spaces: give jsdiff the same dictionary segmentation we use.
  if (lang === 'zh') options.intlSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const changes = diffWords(readFileSync(oursFile, 'utf8'), readFileSync(theirsFile, 'utf8'), options);
  if (!changes) report({ timeout: true });
  else report({ marked: changes.reduce((n, c) => n + (c.added || c.removed ? c.value.length : 0), 0) });
} else if (mode === 'floor') {
  const [lang, ...files] = args;
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  let segments = 0;
  for (const file of files) {
    for (const paragraph of readFileSync(file, 'utf8').split(/\n+/)) {
      if (!paragraph) continue;
      for (const _ of segmenter.segment(paragraph)) segments++;
    }
  }
  report({ segments });
} else if (mode === 'bare') {
  // For scale, not a contender: the least a jsdiff-based word redline can do
  // in Node. Paragraphs split on blank lines and paired through the ones that
  // occur once on each side; every other pair diffed with jsdiff's diffArrays
  // over a fast word pattern after trimming equal ends. No document model, no
  // clause alignment, no moves, no cleanup, no labels.
  const [oursFile, theirsFile, out] = args;
  const { diffArrays } = await import('diff/lib/diff/array.js');
  const a = readFileSync(oursFile, 'utf8').split(/\n\s*\n/);
  const b = readFileSync(theirsFile, 'utf8').split(/\n\s*\n/);
  const seen = new Map();
  for (const p of a) seen.set(p, (seen.get(p) ?? 0) + 1);
  for (const p of b) seen.set(p, (seen.get(p) ?? 0) + 1);
  const inB = new Map();
  b.forEach((p, j) => seen.get(p) === 2 && inB.set(p, j));
  const words = (text) => text.match(/[A-Za-z0-9_]+|\s+|[^A-Za-z0-9_\s]/g) ?? [];
  const result = [];
  let marked = 0;
  const diffPair = (x, y) => {
    const tx = words(x);
    const ty = words(y);
    let head = 0;
    while (head < tx.length && head < ty.length && tx[head] === ty[head]) head++;
    let tail = 0;
    while (tail < tx.length - head && tail < ty.length - head && tx[tx.length - 1 - tail] === ty[ty.length - 1 - tail]) tail++;
    const changes = diffArrays(tx.slice(head, tx.length - tail), ty.slice(head, ty.length - tail));
    result.push(changes.map((c) => {
      const text = c.value.join('');
      if (c.added || c.removed) marked += text.length;
      return { kind: c.added ? 'inserted' : c.removed ? 'deleted' : 'kept', text };
    }));
  };
  let i = 0;
  let j = 0;
  a.forEach((p, k) => {
    const at = inB.get(p);
    if (at === undefined || at < j) return;
    for (let n = 0; n < Math.min(k - i, at - j); n++) diffPair(a[i + n], b[j + n]);
    result.push([{ kind: 'kept', text: p }]);
    i = k + 1;
    j = at + 1;
  });
  writeFileSync(out, JSON.stringify(result));
  report({ marked });
} else if (mode === 'read') {
  // For scale, not a contender: our whole process without the comparison, i.e.
  // both drafts read into the document model and written out as JSON.
  const [oursFile, theirsFile, out] = args;
  const { readMarkdown } = await import('../dist/readers/markdown.js');
  const ours = readMarkdown(readFileSync(oursFile, 'utf8'), oursFile).document;
  const theirs = readMarkdown(readFileSync(theirsFile, 'utf8'), theirsFile).document;
  writeFileSync(out, JSON.stringify({ ours, theirs }));
  report({});
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
