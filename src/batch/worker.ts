/** Worker thread of a batch: receives deal files, answers with job results. */
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner, type BatchSettings } from './job.js';

const run = createJobRunner(workerData as BatchSettings);
parentPort!.on('message', async (dataFile: string | null) => {
  if (dataFile === null) return process.exit(0);
  parentPort!.postMessage(await run(dataFile));
});
parentPort!.postMessage('ready');
