/**
 * Batch assembly: many deal files (one per customer) with one playbook,
 * drafted on the main thread and, for a large batch, worker threads. Each output is written atomically; failures are
 * collected per deal file and reported together.
 *
 * With N jobs the main thread is one of them and N − 1 worker threads are the
 * rest. A worker thread must start, load the library and warm up before its
 * first document (on the 2-core development machine, longer than a dozen
 * documents take); meanwhile the main thread is already drafting, and a
 * worker still starting when the work runs out is stopped. So a small batch
 * takes about as long as on one thread, and a large one gains from every core.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createJobRunner, type BatchSettings, type JobResult, type WorkerAnswer, type WorkerJob } from './job.js';

export interface BatchReport {
  results: JobResult[];
  wallMs: number;
  /**
   * Sum of per-job times; over `wallMs`, how many jobs were running on
   * average. Not what one worker would have needed: threads running side by
   * side slow each other (memory, caches), so each job takes longer than alone.
   */
  workMs: number;
  /** Threads that drafted: the main thread and the worker threads. */
  threads: number;
}

/**
 * Deal files a thread must have ahead of it to be worth starting. Measured on
 * the 2-core development machine: a second thread loses below about 100 deal
 * files, breaks even around 120 and gains 1.2–1.5× at 480 (`npm run bench -- assemble`); machines
 * with more memory bandwidth per core gain sooner.
 */
const FILES_PER_THREAD = 50;

/** Without --jobs: a thread for every FILES_PER_THREAD deal files, one at least, at most one per core. */
export function defaultThreads(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD)));
}

/** Deal files sent ahead to a worker thread, so it has the next one while the main thread is busy with its own. */
const IN_FLIGHT = 2;

export async function runBatch(settings: BatchSettings, dataFiles: string[], options: { jobs?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<BatchReport> {
  const threads = Math.max(1, Math.min(options.jobs ?? defaultThreads(dataFiles.length), dataFiles.length));
  const started = performance.now();
  const results: JobResult[] = new Array(dataFiles.length);
  let done = 0;
  let next = 0;
  const take = () => (next < dataFiles.length ? next++ : undefined);
  const finish = (index: number, result: JobResult) => {
    results[index] = result;
    options.onProgress?.(++done, dataFiles.length);
  };

  const workers = Array.from({ length: threads - 1 }, () => workerThread(settings, take, dataFiles, finish));
  try {
    const run = createJobRunner(settings);
    for (let index = take(); index !== undefined; index = take()) {
      finish(index, await run(dataFiles[index]!));
      // Let the worker threads' answers in (and send them more) between our own documents.
      if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (cause) {
    // The playbook or library could not be loaded: no thread drafts on.
    for (const worker of workers) worker.stop();
    throw cause;
  }
  for (const worker of workers) worker.stopIfIdle();
  await Promise.all(workers.map((worker) => worker.finished));
  const wallMs = performance.now() - started;
  return { results, wallMs, workMs: results.reduce((sum, r) => sum + r.ms, 0), threads };
}

/** A worker thread fed deal files from `take` until there are none left. */
export function workerThread(
  settings: BatchSettings,
  take: () => number | undefined,
  dataFiles: readonly string[],
  finish: (index: number, result: JobResult) => void,
): { finished: Promise<void>; stopIfIdle: () => void; stop: () => void } {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
  let inFlight = 0;
  const feed = () => {
    while (inFlight < IN_FLIGHT) {
      const index = take();
      if (index === undefined) break;
      inFlight++;
      worker.postMessage({ index, dataFile: dataFiles[index]! } satisfies WorkerJob);
    }
    // Nothing left to send or to wait for: the thread may go.
    if (inFlight === 0) worker.postMessage(null);
  };
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerAnswer | 'ready') => {
      if (message !== 'ready') {
        inFlight--;
        finish(message.index, message.result);
      }
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
  // Awaited only once the main thread has drafted its share: a crash before then is not unhandled meanwhile.
  finished.catch(() => undefined);
  const stop = () => void worker.terminate();
  // For a thread still starting, or with nothing to do, when the main thread has drafted the rest.
  const stopIfIdle = () => {
    if (inFlight === 0) stop();
  };
  return { finished, stopIfIdle, stop };
}
