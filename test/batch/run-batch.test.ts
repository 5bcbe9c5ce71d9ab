/**
 * Batch assembly across threads: the main thread drafts while worker threads
 * start, each worker thread answers under the place each deal file has in the
 * batch, and without --jobs a small batch stays on one thread. Worker threads
 * run the built worker (npm test builds dist/ first).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI, REPO } from '../helpers.js';

type RunBatch = typeof import('../../src/batch/run-batch.js');
const built = (): Promise<RunBatch> => import(join(REPO, 'dist/batch/run-batch.js')) as Promise<RunBatch>;

/** `n` deal files of the mini playbook, each with its own fee, so each output tells which deal it came from. */
function deals(n: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'clausewright-batch-'));
  const good = readFileSync(join(MINI, 'deals/good.yaml'), 'utf8');
  const files = Array.from({ length: n }, (_, i) => {
    const file = join(dir, `deal-${String(i).padStart(3, '0')}.yaml`);
    writeFileSync(file, good.replace('monthly_fee: 12000', `monthly_fee: ${1000 + i}`));
    return file;
  });
  return { dir, files };
}

const settings = (outDir: string) => ({ playbook: join(MINI, 'playbooks/mini.yaml'), lang: 'en' as const, format: 'md' as const, outDir, date: '2026-01-01' });

describe('batch threads', () => {
  it('should start a thread for every 50 deal files without --jobs, at least one, at most one per core', async () => {
    const { defaultThreads } = await built();
    expect([1, 49, 50, 99, 100, 480].map((n) => defaultThreads(n, 2))).toEqual([1, 1, 1, 1, 2, 2]);
    expect(defaultThreads(480, 8)).toBe(8);
    expect(defaultThreads(480, 1)).toBe(1);
  });

  it('should have a worker thread draft every deal file it is given and answer each under its place', async () => {
    const { workerThread } = await built();
    const { dir, files } = deals(7);
    const out = join(dir, 'out');
    // The worker thread alone takes from the queue: the main thread drafts nothing here.
    let next = 0;
    const order = [3, 0, 6, 1, 5, 2, 4];
    const answers = new Map<number, { output?: string; diagnostics: unknown[] }>();
    const thread = workerThread(settings(out), () => order[next++], files, (index, result) => answers.set(index, result));
    await thread.finished;
    expect([...answers.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const [index, result] of answers) {
      expect(result.diagnostics).toEqual([]);
      expect(result.output).toBe(join(out, `deal-${String(index).padStart(3, '0')}.en.md`));
      expect(readFileSync(result.output!, 'utf8')).toContain(`CNY ${(1000 + index).toLocaleString('en-US')}`);
    }
  });

  it('should draft the whole batch on the main thread and a worker thread, each result in its place', async () => {
    const { runBatch } = await built();
    const { dir, files } = deals(40);
    const out = join(dir, 'out');
    const report = await runBatch(settings(out), files, { jobs: 2 });
    expect(report.threads).toBe(2);
    expect(report.results.map((r) => r.data)).toEqual(files);
    expect(report.results.every((r) => r.diagnostics.length === 0 && r.output)).toBe(true);
    expect(readdirSync(out)).toHaveLength(40);
    // Whichever thread drafted it, each file is what one thread alone writes.
    const alone = join(dir, 'alone');
    await runBatch(settings(alone), files, { jobs: 1 });
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(alone, name), 'utf8'));
  });

  it('should say why, and draft nothing, when the playbook cannot be loaded', async () => {
    const { runBatch } = await built();
    const { dir, files } = deals(4);
    await expect(runBatch({ ...settings(join(dir, 'out')), playbook: join(dir, 'missing.yaml') }, files, { jobs: 2 })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'file-unreadable' })],
    });
    expect(readdirSync(dir).filter((f) => f === 'out')).toEqual([]);
  });
});
