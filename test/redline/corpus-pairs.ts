/**
 * Every compare pair in ../shared/corpus (issue 4): the WmlComparer DOCX pairs
 * listed in wmlcomparer/pairs.csv, consecutive GitHub terms versions
 * (site-policy v1→v2 … v5→v6), the Mozilla Chinese terms (zh v1→v2→v3→v4) and
 * Common Paper CSA v1.0 → v2.1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../src/model/nodes.js';
import { readDocument } from '../../src/readers/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpus = path.resolve(repoRoot, '../shared/corpus');

export interface CorpusPair {
  id: string;
  ours: string;
  theirs: string;
  note: string;
}

function wmlComparerPairs(): CorpusPair[] {
  const lines = readFileSync(path.join(corpus, 'wmlcomparer/pairs.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [id, original, revised, , ...note] = line.split(',');
    return { id: id!, ours: `wmlcomparer/${original}`, theirs: `wmlcomparer/${revised}`, note: note.join(',') };
  });
}

const chain = (prefix: string, files: string[], note: string): CorpusPair[] =>
  files.slice(1).map((theirs, i) => ({ id: `${prefix} ${files[i]} → ${theirs}`, ours: `${prefix}/${files[i]}`, theirs: `${prefix}/${theirs}`, note }));

export function corpusPairs(): CorpusPair[] {
  return [
    ...wmlComparerPairs(),
    ...chain('site-policy', ['v1.md', 'v2.md', 'v3.md', 'v4.md', 'v5.md', 'v6.md'], 'GitHub terms revisions'),
    ...chain(
      'zh',
      ['v1-2017', 'v2-2019', 'v3-2023', 'v4-2025'].map((v) => `mozilla-cloud-services-tos.zh-CN.${v}.md`),
      'Mozilla Chinese terms revisions',
    ),
    { id: 'commonpaper CSA v1.0 → v2.1', ours: 'commonpaper/CSA-v1.0.md', theirs: 'commonpaper/CSA-v2.1.md', note: 'section 3 removed, renumbering' },
  ];
}

const cache = new Map<string, Document>();

/** Read a corpus file with the project's readers (cached: pairs share files). */
export function loadCorpus(file: string): Document {
  let document = cache.get(file);
  if (!document) {
    document = readDocument(readFileSync(path.join(corpus, file)), file).document;
    cache.set(file, document);
  }
  return document;
}
