/**
 * Batch assembly: many deal files (one per customer) with one playbook,
 * spread over worker threads. Each output is written atomically; failures are
 * collected per deal file and reported together.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createJobRunner, type BatchSettings, type JobResult } from './job.js';

export interface BatchReport {
  results: JobResult[];
  wallMs: number;
  /** Sum of per-job times: what one worker would have needed. */
  workMs: number;
  workers: number;
}

export async function runBatch(settings: BatchSettings, dataFiles: string[], options: { jobs?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<BatchReport> {
  const workers = Math.max(1, Math.min(options.jobs ?? availableParallelism(), dataFiles.length));
  const started = performance.now();
  const results: JobResult[] = new Array(dataFiles.length);
  let done = 0;
  const progress = () => options.onProgress?.(++done, dataFiles.length);

  if (workers === 1) {
    const run = createJobRunner(settings);
    for (const [i, file] of dataFiles.entries()) {
      results[i] = await run(file);
      progress();
    }
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
          let current = -1;
          const feed = () => {
            if (next >= dataFiles.length) {
              worker.postMessage(null);
              return;
            }
            current = next++;
            worker.postMessage(dataFiles[current]);
          };
          worker.on('message', (message: JobResult | 'ready') => {
            if (message !== 'ready') {
              results[current] = message;
              progress();
            }
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', () => resolve());
        }),
      ),
    );
  }
  const wallMs = performance.now() - started;
  return { results, wallMs, workMs: results.reduce((sum, r) => sum + r.ms, 0), workers };
}
