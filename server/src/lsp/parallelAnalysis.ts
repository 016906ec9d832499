/**
 * Opening a large multi-document file: its documents are parsed and checked
 * by this thread and a worker thread at once, each taking the next document
 * from one shared counter. The worker hands back what it found (findings,
 * what the parse said, the KEPs used), and this thread keeps it as if it had
 * done the work: the trees of those documents are parsed here only when a
 * hover or completion needs one.
 *
 * Both threads run the same code on the same text and target, so the
 * findings are the ones one thread would give. When the worker cannot start,
 * fails or stalls, this thread does the rest.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { adoptChunkFindings, analyzeChunk, targetsOf, type Finding } from '../engine/analyze';
import type { EngineSettings, Target } from '../engine/target';
import { adoptKepUses, kepUsesOf } from '../features/documentInfo';
import { adoptParseOutcome, isUnparsed, parseChunk, parseOutcomeOf, type ManifestModel, type ParsedChunk, type ParseOutcome } from '../manifest/model';

/** A target as it crosses threads: sets become lists. */
export interface PlainTarget {
  readonly version: Target['version'];
  readonly gates: Target['gates'];
  readonly disabledCodes: readonly string[];
  readonly schemaChecks: boolean;
  readonly pinnedBy?: Target['pinnedBy'];
}

/** One document's work, as the worker returns it. */
export interface ChunkWork {
  readonly index: number;
  readonly findings: Finding[];
  readonly outcome: ParseOutcome;
  readonly uses: ReturnType<typeof kepUsesOf>;
}

/** The request to the worker: the documents' texts, their targets, and the counter both threads take work from. */
export interface AnalysisRequest {
  /** Replies carry it: a late reply to an earlier request is not taken for this one's. */
  readonly id: number;
  readonly texts: readonly string[];
  readonly targets: readonly PlainTarget[];
  /** Index into `targets` for each text. */
  readonly targetOf: readonly number[];
  /** Int32 [next index to take]. */
  readonly counter: SharedArrayBuffer;
}

export type WorkerReply = { readonly id: number } & ({ readonly type: 'work'; readonly done: readonly ChunkWork[] } | { readonly type: 'idle' });

export interface ParallelOptions {
  /** Threads the machine offers; one means no worker. */
  readonly threads: number;
  /**
   * Below this much text still to parse, one thread is faster: the fast reader leaves the main thread
   * little to share, and a worker starting up costs as much as a megabyte of checks.
   */
  readonly fromBytes: number;
  /** A worker that sends nothing for this long is given up on; this thread does what is left. */
  readonly stallMs: number;
  /** An idle worker is stopped after this long, so a large file's memory is not kept for good. */
  readonly idleMs: number;
}

const defaultOptions: ParallelOptions = { threads: availableParallelism(), fromBytes: 2 * 1024 * 1024, stallMs: 5_000, idleMs: 60_000 };

export function toPlainTarget(target: Target): PlainTarget {
  return { version: target.version, gates: target.gates, disabledCodes: [...target.disabledCodes], schemaChecks: target.schemaChecks, pinnedBy: target.pinnedBy };
}

export function fromPlainTarget(plain: PlainTarget): Target {
  return { ...plain, disabledCodes: new Set(plain.disabledCodes) };
}

/** The worker's side: take documents from the shared counter until none is left, replying in small batches. */
export function analyseRequest(request: AnalysisRequest, reply: (message: WorkerReply) => void): void {
  const next = new Int32Array(request.counter);
  const targets = request.targets.map(fromPlainTarget);
  let batch: ChunkWork[] = [];
  let sentAt = Date.now();
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= request.texts.length) break;
    const chunk = parseChunk(request.texts[index] as string);
    const target = targets[request.targetOf[index] as number] as Target;
    const findings = chunk.tooLarge ? [] : analyzeChunk(chunk, target);
    batch.push({ index, findings, outcome: parseOutcomeOf(chunk), uses: kepUsesOf(chunk) });
    // Small batches keep the other thread's wait short at the end; not one message per document.
    if (batch.length >= 32 || Date.now() - sentAt > 20) {
      reply({ id: request.id, type: 'work', done: batch });
      batch = [];
      sentAt = Date.now();
    }
  }
  if (batch.length > 0) reply({ id: request.id, type: 'work', done: batch });
  reply({ id: request.id, type: 'idle' });
}

/** Checks one document in this thread, as analyzeModel will ask for it. */
function analyseHere(chunk: ParsedChunk, target: Target): void {
  if (!chunk.tooLarge) analyzeChunk(chunk, target);
}

export class ParallelAnalysis {
  private worker: Worker | undefined;
  private failed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private busy = false;
  private requests = 0;
  /** Set when the worker's thread is running (its `online` event). */
  private online = false;

  private readonly options: ParallelOptions;

  constructor(
    private readonly workerFile: string,
    private readonly log: (message: string) => void,
    options: Partial<ParallelOptions> = {},
  ) {
    this.options = { ...defaultOptions, ...options };
  }

  /** Whether a file is worth a second thread. */
  worthIt(model: ManifestModel): boolean {
    return !this.failed && this.options.threads > 1 && model.text.length >= this.options.fromBytes && model.chunks.length > 1;
  }

  /**
   * Parses and checks every document of the model not parsed yet, sharing
   * the work with the worker; afterwards analyzeModel finds it all done.
   */
  async prime(model: ManifestModel, settings: EngineSettings): Promise<void> {
    if (!this.worthIt(model) || this.busy) return;
    const targets = targetsOf(model, settings);
    const pending: { chunk: ParsedChunk; target: Target }[] = [];
    model.chunks.forEach(({ chunk }, index) => {
      if (isUnparsed(chunk)) pending.push({ chunk, target: targets[index] as Target });
    });
    // What counts is the text still to parse: a huge file of empty documents, or one mostly parsed, is not worth it.
    if (pending.length < 2 || pending.reduce((bytes, p) => bytes + p.chunk.text.length, 0) < this.options.fromBytes) return;
    const worker = this.ensureWorker();
    if (!worker) return;
    this.busy = true;
    try {
      await this.share(worker, pending);
    } finally {
      this.busy = false;
      this.scheduleIdleStop();
    }
  }

  /** Whether a worker thread is up and running. */
  workerStarted(): boolean {
    return this.worker !== undefined && this.online;
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    // Cleared first: the exit that follows is a stop, not a failure.
    this.worker = undefined;
    void worker?.terminate();
  }

  private async share(worker: Worker, pending: readonly { chunk: ParsedChunk; target: Target }[]): Promise<void> {
    const plainTargets: PlainTarget[] = [];
    const targetIndex = new Map<Target, number>();
    const targetOf = pending.map(({ target }) => {
      let at = targetIndex.get(target);
      if (at === undefined) {
        at = plainTargets.push(toPlainTarget(target)) - 1;
        targetIndex.set(target, at);
      }
      return at;
    });
    const counter = new SharedArrayBuffer(4);
    const next = new Int32Array(counter);
    const handed = new Set<number>();
    const request: AnalysisRequest = { id: ++this.requests, texts: pending.map((p) => p.chunk.text), targets: plainTargets, targetOf, counter };
    const collecting = this.collect(worker, request.id, pending, handed);
    worker.postMessage(request);
    // This thread takes documents from the same counter meanwhile; the worker joins when it has started.
    for (;;) {
      const index = Atomics.add(next, 0, 1);
      if (index >= pending.length) break;
      const { chunk, target } = pending[index] as { chunk: ParsedChunk; target: Target };
      handed.add(index);
      analyseHere(chunk, target);
    }
    // When this thread took every document, the worker took none: nothing to wait for.
    if (handed.size === pending.length) collecting.stop();
    const missing = await collecting.missing;
    // What the worker took but never returned (it failed or stalled) is done here.
    for (const index of missing) {
      const { chunk, target } = pending[index] as { chunk: ParsedChunk; target: Target };
      analyseHere(chunk, target);
    }
  }

  /**
   * Takes the worker's replies until every document this thread did not do
   * is accounted for. Resolves with the indices the worker failed to return.
   */
  private collect(worker: Worker, id: number, pending: readonly { chunk: ParsedChunk; target: Target }[], handled: Set<number>): { missing: Promise<number[]>; stop: () => void } {
    let stop = (): void => undefined;
    const missing = new Promise<number[]>((resolve) => {
      const returned = new Set<number>();
      let idle = false;
      let stall: NodeJS.Timeout | undefined;
      const unaccounted = (): number[] => pending.map((_, i) => i).filter((i) => !handled.has(i) && !returned.has(i));
      const finish = (): void => {
        if (stall) clearTimeout(stall);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        resolve(unaccounted());
      };
      const armStall = (): void => {
        if (stall) clearTimeout(stall);
        stall = setTimeout(() => {
          this.log(`The analysis worker sent nothing for ${this.options.stallMs / 1000} s; this thread checks the remaining documents.`);
          finish();
        }, this.options.stallMs);
      };
      const onMessage = (message: WorkerReply): void => {
        if (message.id !== id) return;
        armStall();
        if (message.type === 'idle') idle = true;
        else {
          for (const work of message.done) {
            const item = pending[work.index];
            if (!item || returned.has(work.index)) continue;
            returned.add(work.index);
            adoptParseOutcome(item.chunk, work.outcome);
            adoptChunkFindings(item.chunk, item.target, work.findings);
            adoptKepUses(item.chunk, work.uses);
          }
        }
        if (idle) finish();
      };
      // What failed is said by the worker's own listeners (ensureWorker); here the wait ends.
      const onFailure = (): void => finish();
      worker.on('message', onMessage);
      worker.once('error', onFailure);
      worker.once('exit', onFailure);
      armStall();
      stop = finish;
    });
    return { missing, stop };
  }

  private ensureWorker(): Worker | undefined {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.workerFile);
      // An idle worker must not keep the server process alive.
      worker.unref();
      const failed = (why: string): void => {
        if (this.worker !== worker) return;
        this.failed = true;
        this.worker = undefined;
        this.log(`The analysis worker stopped (${why}); files are checked in one thread from now on.`);
      };
      worker.on('error', (error) => failed(error.message));
      worker.on('exit', (code) => failed(`exit code ${code}`));
      this.online = false;
      worker.once('online', () => {
        if (this.worker === worker) this.online = true;
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.failed = true;
      this.log(`The analysis worker could not start (${String(error)}); files are checked in one thread.`);
      return undefined;
    }
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.dispose(), this.options.idleMs);
    this.idleTimer.unref();
  }
}
