/** Worker thread of a batch: receives deal files by their place in the batch, answers with each job's result under it. */
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner, type BatchSettings, type WorkerAnswer, type WorkerJob } from './job.js';

const run = createJobRunner(workerData as BatchSettings);
parentPort!.on('message', async (job: WorkerJob | null) => {
  if (job === null) return process.exit(0);
  parentPort!.postMessage({ index: job.index, result: await run(job.dataFile) } satisfies WorkerAnswer);
});
parentPort!.postMessage('ready');
