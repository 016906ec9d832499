/**
 * Worker threads for `kep-lens lint` on many files. The main thread keeps
 * the walk (ignore files, excludes, links, budgets) and the output; each
 * worker reads and checks whole files and sends back plain data. Outcomes
 * are stored by the file's place in the walk, so the report is the same,
 * byte for byte, as a single-threaded run's.
 *
 * Failures never hang the run and never lose a file silently:
 * - a worker that cannot start (its script missing, an error while loading)
 *   before answering anything leaves its files to the others, or to the
 *   main thread when no worker starts;
 * - a worker that stops while checking a file (an uncaught error, an exit,
 *   running out of memory) costs that file a clear I/O problem, and the
 *   files queued behind it go to a new worker. A file that ran a worker out
 *   of memory is checked once more in the main thread, whose heap is not
 *   limited, so the limit never changes a result.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EngineSettings } from '../engine/target';
import type { FileOutcome } from './lint';
import type { FileJob, WorkerInit, WorkerMessage } from './workerLoop';

/**
 * Fewer files than this are checked in the main thread. A worker costs a
 * start and its own JIT warm-up (about a quarter of a second of CPU), and
 * two workers spend some 40 % more CPU per file than one thread, so on two
 * CPUs threads pay only on large trees: measured on generated trees
 * (docs/benchmark.md), they lose up to 1,000 files and win from about
 * 2,000. With more CPUs the start is repaid sooner; 500 there is an
 * estimate, not a measurement (`--jobs` decides either way).
 */
export function minFilesForWorkers(cpus: number): number {
  return cpus <= 2 ? 2000 : 500;
}

/** At most this many workers, whatever the machine. */
export const maxWorkers = 8;

/**
 * Files sent ahead to each worker, so that it never waits for the main
 * thread between two files; few, so that the last files spread over the
 * workers instead of queueing behind one.
 */
const depth = 4;

/**
 * Heap limits of each worker, in MB. A worker's live data stays under
 * about 60 MB on any tree (most of it the parsed trees the engine keeps for
 * reuse, which a linter never reuses); without limits V8 lets garbage pile
 * up to a few hundred MB per thread before it collects. With these the
 * whole process stays near 300 MB on a 10,000-file tree, for about 5 % more
 * CPU than without (docs/benchmark.md, "CLI worker threads"). A file that
 * needs more is checked again in the main thread, whose heap is not
 * limited, so the limits never change a result.
 */
export const workerHeapMb = { old: 192, young: 8 };

/** Workers started again after crashes, in one run, before the main thread checks the rest itself. */
const maxRestarts = 4;

/** The worker script: dist/cliWorker.js beside the bundle, or worker.js beside this module in the tsc output. */
export function defaultWorkerScript(): string | undefined {
  for (const name of ['cliWorker.js', 'worker.js']) {
    const candidate = path.join(__dirname, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Threads that can check files at once on this machine. */
export function availableThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * How many workers check `files` files: `jobs` as asked (`--jobs`; 1 keeps
 * everything in the main thread), else none on one CPU or for fewer than
 * minFilesForWorkers(cpus) files, else one per CPU up to maxWorkers.
 */
export function workerCount(files: number, jobs: number | undefined, cpus = availableThreads()): number {
  if (jobs !== undefined) return jobs <= 1 ? 0 : Math.min(jobs, files);
  if (cpus <= 1 || files < minFilesForWorkers(cpus)) return 0;
  return Math.min(cpus, maxWorkers, files);
}

export interface PoolOptions {
  readonly workers: number;
  readonly settings: EngineSettings;
  /** Worker script; defaultWorkerScript() when not given. */
  readonly script?: string;
  /** Checks a file in the main thread: when no worker can start, or after a worker ran out of memory on it. */
  readonly checkHere: (job: FileJob) => FileOutcome;
  /** Each file's outcome, as it arrives (in any order). */
  readonly onOutcome: (index: number, outcome: FileOutcome) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Sent and not yet answered, oldest first: a worker checks its files in order, so the first is the one in hand. */
  readonly inFlight: FileJob[];
  answered: boolean;
  error?: Error;
  gone: boolean;
}

function crashOutcome(job: FileJob, reason: string): FileOutcome {
  return { problems: [], ioProblem: { file: job.display, message: `internal error: the worker thread checking this file stopped (${reason}); the file was not checked` } };
}

function describeExit(slot: Slot, code: number): string {
  if (slot.error) return slot.error.message.split('\n')[0] ?? String(slot.error);
  return `exit code ${code}`;
}

function isOutOfMemory(error: Error | undefined): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Checks every job, in workers where they start; resolves when each job has its outcome. */
export function runPool(jobs: readonly FileJob[], options: PoolOptions): Promise<void> {
  const script = options.script ?? defaultWorkerScript();
  const pending: FileJob[] = [];
  let next = 0;
  let done = 0;
  let restarts = 0;
  let finished = false;
  const slots = new Set<Slot>();
  const take = (): FileJob | undefined => pending.shift() ?? jobs[next++];
  const remaining = (): boolean => pending.length > 0 || next < jobs.length;

  return new Promise<void>((resolve) => {
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const slot of slots) void slot.worker.terminate();
      slots.clear();
      resolve();
    };
    const record = (index: number, outcome: FileOutcome): void => {
      options.onOutcome(index, outcome);
      done++;
      if (done === jobs.length) finish();
    };
    /** With no worker left (none started, or too many crashes), the main thread checks the rest, a file per turn of the event loop. */
    const drainHere = (): void => {
      if (finished || slots.size > 0) return;
      const job = take();
      if (!job) return;
      record(job.index, options.checkHere(job));
      setImmediate(drainHere);
    };
    const fill = (slot: Slot): void => {
      while (!slot.gone && slot.inFlight.length < depth) {
        const job = take();
        if (!job) return;
        slot.inFlight.push(job);
        slot.worker.postMessage(job);
      }
    };
    const start = (): void => {
      let worker: Worker;
      try {
        const init: WorkerInit = { settings: options.settings };
        worker = new Worker(script as string, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb.old, maxYoungGenerationSizeMb: workerHeapMb.young } });
      } catch {
        return;
      }
      const slot: Slot = { worker, inFlight: [], answered: false, gone: false };
      slots.add(slot);
      worker.on('message', (message: WorkerMessage) => {
        if (finished) return;
        if (message.type === 'ready') {
          slot.answered = true;
          return;
        }
        const at = slot.inFlight.findIndex((j) => j.index === message.index);
        if (at === -1) return;
        slot.inFlight.splice(at, 1);
        record(message.index, message.outcome);
        if (!finished) fill(slot);
      });
      worker.on('error', (error: Error) => {
        slot.error = error;
      });
      worker.on('exit', (code: number) => {
        slot.gone = true;
        slots.delete(slot);
        if (finished) return;
        const [inHand, ...queued] = slot.inFlight;
        slot.inFlight.length = 0;
        pending.unshift(...queued);
        if (inHand) {
          if (!slot.answered) pending.unshift(inHand);
          else if (isOutOfMemory(slot.error)) record(inHand.index, options.checkHere(inHand));
          else record(inHand.index, crashOutcome(inHand, describeExit(slot, code)));
        }
        if (finished) return;
        // A worker that never answered could not start: another would not either.
        if (slot.answered && restarts < maxRestarts && remaining()) {
          restarts++;
          start();
          const added = [...slots].pop();
          if (added) fill(added);
        }
        // Files left and no worker to take them: the main thread checks them.
        if (slots.size === 0) setImmediate(drainHere);
        else for (const s of slots) fill(s);
      });
      fill(slot);
    };

    if (jobs.length === 0) {
      finish();
      return;
    }
    if (script) for (let i = 0; i < options.workers; i++) start();
    if (slots.size === 0) setImmediate(drainHere);
  });
}
