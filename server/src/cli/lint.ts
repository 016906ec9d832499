/**
 * `kep-lens lint`: the language server's engine over files on disk.
 */
import { analyzeModel, type FileFinding, type Severity } from '../engine/analyze';
import { readSettings, type EngineSettings } from '../engine/target';
import { budgets, megabytes } from '../engine/budgets';
import { buildModel, releaseParsedTrees } from '../manifest/model';
import { discover, readSourceFile, readStream, type IoProblem, type ReadResult, type Source } from './files';
import { LineMap, severities, type Problem } from './formats';
import type { IgnoreList } from './ignore';
import { runPool, workerCount } from './pool';

export const failLevels = ['error', 'warning', 'information', 'hint', 'none'] as const;
export type FailLevel = (typeof failLevels)[number];

export interface LintOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly settings: EngineSettings;
  readonly excludes: readonly IgnoreList[];
  readonly stdinName: string;
  readonly stdin: () => NodeJS.ReadableStream;
  /** Called after each file, for a progress indicator. */
  readonly progress?: (done: number, total: number, file: string) => void;
  /** Threads that check files (`--jobs`): 1 keeps the run in the main thread; undefined decides from the number of files and CPUs. */
  readonly jobs?: number;
  /** Worker script, for tests; the bundled one by default. */
  readonly workerScript?: string;
}

/** What checking one file gives: its findings, or why it could not be checked. Plain data, so that a worker thread can send it. */
export interface FileOutcome {
  readonly problems: Problem[];
  readonly ioProblem?: IoProblem;
}

export interface LintResult {
  readonly problems: Problem[];
  readonly ioProblems: IoProblem[];
  readonly filesChecked: number;
  /** Warnings from finding the files (links not followed, .gitignore files not used). */
  readonly notices: readonly string[];
}

export function settingsFor(input: { kubernetesVersion: string; featureGates: Record<string, boolean>; disabledCodes: readonly string[] }): EngineSettings {
  return readSettings({ ...input, syntaxDiagnostics: true }).settings;
}

/** Where the last `---` document of a text starts (0 when there is none): what follows may be cut off. */
function lastDocumentStart(text: string): number {
  for (let at = text.lastIndexOf('\n---'); at !== -1; at = text.lastIndexOf('\n---', at - 1)) {
    const after = text.charAt(at + 4);
    if (after === '' || /\s/.test(after)) return at + 1;
    if (at === 0) break;
  }
  return 0;
}

/**
 * Findings of one file's text, placed by line and column. A text cut at the
 * file budget (`truncated`) loses its last, partial document, and a
 * `too-large` finding says where checking stopped.
 */
export function lintText(text: string, file: string, settings: EngineSettings, truncated = false): Problem[] {
  const checked = truncated ? text.slice(0, lastDocumentStart(text)) : text;
  const model = buildModel(checked);
  const findings: FileFinding[] = analyzeModel(model, settings);
  releaseParsedTrees(model);
  if (truncated && !settings.disabledCodes.includes('too-large')) {
    findings.push({ code: 'too-large', severity: 'information', start: checked.length, end: checked.length, fixes: [], document: 0,
      message: `This file is larger than ${megabytes(budgets.fileBytes)}; KEP Lens checked only the documents that end within its first ${megabytes(budgets.fileBytes)}.` });
  }
  if (findings.length === 0) return [];
  // Lines indexed only as far as the last finding: a file of millions of lines past a budget needs few.
  const lines = new LineMap(checked, findings.reduce((last, f) => Math.max(last, f.end), 0));
  return findings.map((f) => {
    const start = lines.position(f.start);
    const end = lines.position(Math.max(f.end, f.start));
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: f.severity, code: f.code, message: f.message, url: f.url };
  });
}

export function internalError(file: string, error: unknown): FileOutcome {
  return { problems: [], ioProblem: { file, message: `internal error while analysing: ${error instanceof Error ? error.stack ?? error.message : String(error)}` } };
}

/** The outcome of a file that was read (or could not be). Never throws: an engine failure costs one file, not the run. */
export function lintRead(read: ReadResult, file: string, settings: EngineSettings): FileOutcome {
  if ('problem' in read) return { problems: [], ioProblem: { file, message: read.problem } };
  try {
    return { problems: lintText(read.text, file, settings, read.truncated) };
  } catch (error) {
    return internalError(file, error);
  }
}

/** Reads (bounded) and checks one file on disk; what a worker thread does with each file it is given. */
export function lintFile(absolute: string, file: string, settings: EngineSettings): FileOutcome {
  return lintRead(readSourceFile(absolute), file, settings);
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const found = discover(options.paths, { cwd: options.cwd, excludes: options.excludes, stdinName: options.stdinName });
  const sources = found.sources;
  const total = sources.length;
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(total);
  const workers = workerCount(sources.filter((s) => !s.stdin).length, options.jobs);
  if (workers === 0) {
    for (const [index, source] of sources.entries()) {
      outcomes[index] = lintRead(await readSource(source, options), source.display, options.settings);
      options.progress?.(index + 1, total, source.display);
    }
  } else {
    // Standard input is read here, once; files go to the workers.
    let done = 0;
    const settle = (index: number, outcome: FileOutcome): void => {
      outcomes[index] = outcome;
      options.progress?.(++done, total, (sources[index] as Source).display);
    };
    const jobs = [];
    for (const [index, source] of sources.entries()) {
      if (source.stdin) settle(index, lintRead(await readSource(source, options), source.display, options.settings));
      else jobs.push({ index, absolute: source.absolute as string, display: source.display });
    }
    await runPool(jobs, {
      workers,
      settings: options.settings,
      script: options.workerScript,
      checkHere: (job) => lintFile(job.absolute, job.display, options.settings),
      onOutcome: settle,
    });
  }
  // In the order of the walk, whichever thread checked each file.
  const problems: Problem[] = [];
  const ioProblems: IoProblem[] = [...found.problems];
  let filesChecked = 0;
  for (const outcome of outcomes) {
    if (!outcome) continue;
    if (outcome.ioProblem) ioProblems.push(outcome.ioProblem);
    else filesChecked++;
    // One by one: spreading a file's findings into push() overflows the stack past about 125,000.
    for (const problem of outcome.problems) problems.push(problem);
  }
  return { problems, ioProblems, filesChecked, notices: found.notices };
}

function readSource(source: Source, options: LintOptions): Promise<ReadResult> | ReadResult {
  if (source.stdin) return readStream(options.stdin());
  return readSourceFile(source.absolute as string);
}

/** Whether a finding of this severity fails the run at `--fail-on`. */
export function fails(severity: Severity, level: FailLevel): boolean {
  if (level === 'none') return false;
  return severities.indexOf(severity) <= severities.indexOf(level);
}
