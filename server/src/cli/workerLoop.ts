/**
 * The loop of a `kep-lens lint` worker thread: it takes whole files from
 * the main thread (one message each), reads and checks them exactly as a
 * single-threaded run does (the same bounded read, the same analysis), and
 * answers each with plain data: the placed findings, or why the file could
 * not be checked. Answers go back in the order the files came, one per file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineSettings } from '../engine/target';
import { internalError, lintFile, type FileOutcome } from './lint';

/** main → worker: check this file. */
export interface FileJob {
  readonly index: number;
  readonly absolute: string;
  readonly display: string;
}

/** worker → main. */
export type WorkerMessage = { readonly type: 'ready' } | { readonly type: 'outcome'; readonly index: number; readonly outcome: FileOutcome };

/** What the main thread hands a worker at start. */
export interface WorkerInit {
  readonly settings: EngineSettings;
}

export type CheckFile = (job: FileJob, settings: EngineSettings) => FileOutcome;

export const checkFile: CheckFile = (job, settings) => lintFile(job.absolute, job.display, settings);

/** Serves jobs on the parent port until the main thread ends the worker. `check` is replaceable for tests. */
export function serve(check: CheckFile = checkFile): void {
  const port = parentPort;
  if (!port) throw new Error('kep-lens: the lint worker must run in a worker thread');
  const { settings } = workerData as WorkerInit;
  port.on('message', (job: FileJob) => {
    let outcome: FileOutcome;
    try {
      outcome = check(job, settings);
    } catch (error) {
      // lintFile catches what the analysis throws; this is for whatever else does.
      outcome = internalError(job.display, error);
    }
    const message: WorkerMessage = { type: 'outcome', index: job.index, outcome };
    port.postMessage(message);
  });
  const ready: WorkerMessage = { type: 'ready' };
  port.postMessage(ready);
}
