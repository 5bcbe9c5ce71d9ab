/**
 * One batch job: assemble one deal file with an already-loaded playbook and
 * library, write it atomically. Shared by the worker threads and the main
 * thread, which drafts its share of the batch too.
 */
import { InputError, throwIfErrors, type Diagnostic } from '../diagnostics.js';
import { assemble } from '../playbook/assemble.js';
import { loadDealFile, loadForPlaybook } from '../playbook/files.js';
import { write } from '../writers/index.js';
import { writeOutputAtomic } from '../fs/atomic.js';
import { outputName, type OutputNaming } from './output-names.js';

export interface BatchSettings extends OutputNaming {
  playbook: string;
  clauses?: string;
  date: string;
}

export interface JobResult {
  data: string;
  output?: string;
  diagnostics: Diagnostic[];
  /** Milliseconds spent on this job (assemble + write). */
  ms: number;
  internalError?: string;
}

/** A deal file the main thread sends a worker thread (null: no more), by its place in the batch. */
export type WorkerJob = { index: number; dataFile: string };
/** A worker thread's answer: the job's result, under the place it was sent with (jobs can finish out of order). */
export type WorkerAnswer = { index: number; result: JobResult };

/** Loads the playbook and library once, then runs jobs. */
export function createJobRunner(settings: BatchSettings): (dataFile: string) => Promise<JobResult> {
  const loaded = loadForPlaybook({ playbook: settings.playbook, ...(settings.clauses ? { clauses: settings.clauses } : {}) });
  return async (dataFile) => {
    const started = performance.now();
    try {
      const data = loadDealFile(dataFile);
      const result = assemble({ playbook: loaded.playbook, library: loaded.library, data, lang: settings.lang, date: settings.date });
      const all = [...loaded.diagnostics, ...result.diagnostics];
      throwIfErrors(all);
      const written = await write(settings.format, result.document!, { date: settings.date });
      const output = outputName(dataFile, settings);
      writeOutputAtomic(output, written.output);
      return { data: dataFile, output, diagnostics: [...all, ...written.warnings].filter((d) => d.severity === 'warning'), ms: performance.now() - started };
    } catch (cause) {
      const ms = performance.now() - started;
      if (cause instanceof InputError) return { data: dataFile, diagnostics: cause.diagnostics, ms };
      return { data: dataFile, diagnostics: [], ms, internalError: (cause as Error)?.stack ?? String(cause) };
    }
  };
}
