// One contender of the redline benchmark, run in its own process so the parent
// can read its wall time and peak RSS. Prints one JSON line on stdout.
//   node redline-child.mjs ours json|docx <ours.md> <theirs.md> <out>
//   node redline-child.mjs diffwords <lang> <ours.md> <theirs.md> <timeoutMs>
//   node redline-child.mjs floor <lang> <ours.md> <theirs.md>
import { readFileSync, writeFileSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);
const report = (result) => {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...result, maxRssMb }) + '\n');
};

if (mode === 'ours') {
  const [format, oursFile, theirsFile, out] = args;
  const { readMarkdown } = await import('../dist/readers/markdown.js');
  const { redline } = await import('../dist/redline/redline.js');
  const t0 = performance.now();
  const ours = readMarkdown(readFileSync(oursFile, 'utf8'), oursFile).document;
  const theirs = readMarkdown(readFileSync(theirsFile, 'utf8'), theirsFile).document;
  const t1 = performance.now();
  const r = redline(ours, theirs);
  const t2 = performance.now();
  let bytes;
  if (format === 'docx') {
    // DOCX machinery is loaded only when DOCX is asked for.
    const { writeRedlineDocx } = await import('../dist/writers/redline/docx/index.js');
    bytes = writeRedlineDocx(r, { date: '2026-01-01' });
  } else {
    const { writeRedlineJson } = await import('../dist/writers/redline/json.js');
    bytes = writeRedlineJson(r);
  }
  writeFileSync(out, bytes);
  const t3 = performance.now();
  const { chars } = r.summary;
  report({ marked: chars.inserted + chars.deleted + chars.moved, readMs: t1 - t0, redlineMs: t2 - t1, writeMs: t3 - t2, coarse: r.coarse });
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
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
