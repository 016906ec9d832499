/**
 * Runs every engine entry point on one input and checks the invariants
 * that must hold for any text: nothing throws, every call returns within
 * a bound, every range lies inside the document, results are
 * deterministic, and reusing an earlier model changes nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildModel, type ManifestModel } from '../../server/src/manifest/model';
import { analyzeModel, type FileFinding } from '../../server/src/engine/analyze';
import type { EngineSettings } from '../../server/src/engine/target';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentInfo } from '../../server/src/features/documentInfo';
import { supportedVersions } from '../../server/src/kep/versions';
import { excerpt, randomSettings, rangeProblem, type Rng } from './support';

/** Per-call time limit, in milliseconds. */
export const callBoundMs = Number(process.env.ROBUSTNESS_CALL_BOUND_MS ?? 2000);

/** Longest acceptable diagnostic message. */
export const maxMessageLength = 10_000;

export interface Failure {
  /** Stable class of the problem, for de-duplication: `range:completion`, `throw:analyzeModel`… */
  kind: string;
  label: string;
  detail: string;
  text: string;
  settings: EngineSettings;
}

export class Stats {
  inputs = 0;
  calls = 0;
  bytes = 0;
  findings = 0;
  hovers = 0;
  completions = 0;
  maxMs = 0;
  maxWhat = '';
  readonly failures: Failure[] = [];
  private readonly failureCounts = new Map<string, number>();

  record(failure: Failure): void {
    const seen = this.failureCounts.get(failure.kind) ?? 0;
    this.failureCounts.set(failure.kind, seen + 1);
    // Keep a few examples per class; the count tells the rest.
    if (seen < 3) this.failures.push(failure);
  }

  countOf(kind: string): number {
    return this.failureCounts.get(kind) ?? 0;
  }

  summary(): string {
    if (this.failures.length === 0) return 'no failures';
    const lines = [...this.failureCounts.entries()].map(([kind, n]) => `  ${kind}: ${n} input(s)`);
    for (const f of this.failures) {
      lines.push(`--- ${f.kind} [${f.label}] ${f.detail}`);
      lines.push(`    settings: ${JSON.stringify(f.settings)}`);
      lines.push(`    input (${f.text.length} chars): ${excerpt(f.text, 600)}`);
    }
    return lines.join('\n');
  }
}

export interface ExerciseOptions {
  /** Model of an earlier text, to check that reuse gives the same findings as a fresh parse. */
  previous?: ManifestModel;
  /** Hover and completion positions to try. */
  positions?: number;
  /** Re-parse and compare (skip for the very largest inputs to save time). */
  determinism?: boolean;
  settings?: EngineSettings;
}

/** Line start offsets, splitting as the engine does (on `\n`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Offsets worth hovering: random ones, and the start of keys and values. */
function hoverOffsets(text: string, starts: number[], n: number, rng: Rng): number[] {
  const out = [0, text.length];
  for (let i = 0; i < n; i++) {
    const roll = rng.float();
    if (roll < 0.4) {
      out.push(rng.int(text.length + 1));
    } else {
      const line = starts[rng.int(starts.length)] as number;
      const end = text.indexOf('\n', line);
      const lineText = text.slice(line, end === -1 ? text.length : end);
      const colon = lineText.indexOf(': ');
      const indent = lineText.length - lineText.trimStart().length;
      out.push(line + (roll < 0.7 || colon === -1 ? indent + rng.int(3) : colon + 2 + rng.int(3)));
    }
  }
  return out.map((o) => Math.min(o, text.length));
}

/** (line, character) pairs: inside lines, at their ends, past the end of a line and of the file. */
function completionPositions(text: string, starts: number[], n: number, rng: Rng): [number, number][] {
  const out: [number, number][] = [[0, 0], [starts.length - 1, 0]];
  for (let i = 0; i < n; i++) {
    const line = rng.chance(0.05) ? starts.length + rng.int(3) : rng.int(starts.length);
    const start = starts[line] ?? text.length;
    const next = starts[line + 1];
    const length = (next === undefined ? text.length : next - 1) - start;
    const roll = rng.float();
    const character = roll < 0.4 ? length : roll < 0.9 ? rng.int(length + 1) : length + rng.range(1, 5);
    out.push([line, Math.max(0, character)]);
  }
  return out;
}

function findingProblems(findings: readonly FileFinding[], length: number): { kind: string; detail: string }[] {
  const problems: { kind: string; detail: string }[] = [];
  for (const f of findings) {
    const p = rangeProblem(`finding ${f.code}`, f.start, f.end, length);
    if (p) problems.push({ kind: `range:finding:${f.code}`, detail: `${p} (${f.message.slice(0, 120)})` });
    if (typeof f.message !== 'string' || f.message === '') problems.push({ kind: 'finding:message', detail: `finding ${f.code}: empty message` });
    // A diagnostic quoting a multi-megabyte value floods the client's problem list and the wire.
    else if (f.message.length > maxMessageLength) problems.push({ kind: `finding:huge-message:${f.code}`, detail: `finding ${f.code}: message of ${f.message.length} chars (${f.message.slice(0, 80)}…)` });
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        const q = rangeProblem(`fix "${fix.title}" of ${f.code}`, e.start, e.end, length);
        if (q) problems.push({ kind: `range:fix:${f.code}`, detail: q });
        if (typeof e.newText !== 'string') problems.push({ kind: 'fix:newText', detail: `fix "${fix.title}": newText is not a string` });
      }
    }
  }
  return problems;
}

/** An offset between the two halves of a surrogate pair: a range ending there cuts a character in two. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Runs build/analyze/hover/completion/documentInfo on `text` and records
 * every broken invariant in `stats`. Returns the model, for reuse by a
 * mutation of this text.
 */
export function exercise(text: string, rng: Rng, stats: Stats, label: string, options: ExerciseOptions = {}): ManifestModel | undefined {
  const settings = options.settings ?? randomSettings(rng);
  const fail = (kind: string, detail: string): void => stats.record({ kind, label, detail, text, settings });
  const timed = <T>(what: string, fn: () => T): { ok: true; value: T } | { ok: false } => {
    const t0 = performance.now();
    let value: T;
    try {
      value = fn();
    } catch (error) {
      fail(`throw:${what}`, error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error));
      return { ok: false };
    } finally {
      const ms = performance.now() - t0;
      stats.calls++;
      if (ms > stats.maxMs) {
        stats.maxMs = ms;
        stats.maxWhat = `${what} on ${label} (${text.length} chars)`;
      }
      if (ms > callBoundMs) fail(`slow:${what}`, `${what} took ${ms.toFixed(0)} ms (bound ${callBoundMs} ms)`);
    }
    return { ok: true, value };
  };

  stats.inputs++;
  stats.bytes += text.length;
  const built = timed('buildModel', () => buildModel(text));
  if (!built.ok) return undefined;
  const model = built.value;
  if (model.text !== text) fail('model:text', 'model.text differs from the input');

  const analyzed = timed('analyzeModel', () => analyzeModel(model, settings));
  const findings = analyzed.ok ? analyzed.value : [];
  stats.findings += findings.length;
  for (const p of findingProblems(findings, text.length)) fail(p.kind, p.detail);
  // analyzeChunk turns an exception in a check into this finding: still a bug in the engine.
  for (const f of findings) if (f.message.startsWith('KEP Lens could not analyse')) fail('throw:analyzeChunk(caught)', f.message.slice(0, 300));
  if (findings.filter((f) => f.code === 'yaml-syntax' && f.severity === 'error').length > 1) fail('findings:yaml-syntax', 'more than one yaml-syntax error for a file');

  if (options.determinism !== false && analyzed.ok) {
    const again = timed('buildModel', () => buildModel(text));
    if (again.ok) {
      const second = timed('analyzeModel', () => analyzeModel(again.value, settings));
      if (second.ok && !isDeepStrictEqual(second.value, findings)) fail('nondeterministic:findings', 'two fresh parses of the same text gave different findings');
    }
  }
  if (options.previous && analyzed.ok) {
    const previous = options.previous;
    const reused = timed('buildModel', () => buildModel(text, previous));
    if (reused.ok) {
      const incremental = timed('analyzeModel', () => analyzeModel(reused.value, settings));
      if (incremental.ok && !isDeepStrictEqual(incremental.value, findings)) {
        const fresh = JSON.stringify(findings.map((f) => [f.code, f.start, f.end]));
        const inc = JSON.stringify(incremental.value.map((f) => [f.code, f.start, f.end]));
        fail('incremental:findings', `buildModel(text2, buildModel(text1)) findings differ from buildModel(text2): fresh ${fresh.slice(0, 200)} vs reused ${inc.slice(0, 200)}`);
      }
    }
  }

  const n = options.positions ?? 3;
  const starts = lineStarts(text);
  for (const offset of hoverOffsets(text, starts, n, rng)) {
    const hover = timed('hoverAt', () => hoverAt(model, offset, settings));
    if (!hover.ok || !hover.value) continue;
    stats.hovers++;
    const p = rangeProblem(`hover at ${offset}`, hover.value.start, hover.value.end, text.length);
    if (p) fail('range:hover', p);
    if (typeof hover.value.markdown !== 'string' || hover.value.markdown === '') fail('hover:empty', `hover at ${offset} has no markdown`);
  }
  for (const [line, character] of completionPositions(text, starts, n, rng)) {
    const items = timed('completionsAt', () => completionsAt(model, line, character, settings));
    if (!items.ok) continue;
    stats.completions += items.value.length;
    for (const item of items.value) {
      const p = rangeProblem(`completion "${item.label}" at ${line}:${character}`, item.replaceStart, item.replaceEnd, text.length);
      if (p) {
        fail('range:completion', p);
        break;
      }
      if (splitsSurrogatePair(text, item.replaceStart) || splitsSurrogatePair(text, item.replaceEnd)) {
        fail('range:completion-surrogate', `completion "${item.label}" at ${line}:${character} replaces ${item.replaceStart}..${item.replaceEnd}, between the halves of a character`);
        break;
      }
      if (typeof item.insertSnippet !== 'string' || typeof item.label !== 'string' || item.label === '') {
        fail('completion:shape', `completion at ${line}:${character} has no label or snippet`);
        break;
      }
    }
  }
  const info = timed('documentInfo', () => documentInfo(model, settings));
  if (info.ok) {
    if (!supportedVersions.includes(info.value.version)) fail('documentInfo:version', `version ${info.value.version} is not supported`);
    for (const k of info.value.keps) {
      if (!Number.isInteger(k.offset) || k.offset < 0 || k.offset > text.length) fail('range:documentInfo', `KEP ${k.id} at offset ${k.offset} outside 0..${text.length}`);
    }
  }
  return model;
}

/**
 * Shrinks a failing input (lines, then characters) while the same class of
 * failure still occurs, within a time budget: the report then carries a
 * small reproduction instead of a 5 kB manifest. Timing failures are not
 * shrunk (each attempt would be slow), nor are reuse failures (they need
 * the earlier text too).
 */
export function minimize(failure: Failure, rngFor: () => Rng, budgetMs = 4000): string {
  if (failure.kind.startsWith('slow:') || failure.kind.startsWith('incremental:')) return failure.text;
  const deadline = performance.now() + budgetMs;
  const fails = (candidate: string): boolean => {
    const stats = new Stats();
    exercise(candidate, rngFor(), stats, 'minimize', { settings: failure.settings, positions: 6, determinism: failure.kind.startsWith('nondeterministic') });
    return stats.countOf(failure.kind) > 0;
  };
  const shrink = (units: string[], join: string): string[] => {
    let chunk = Math.max(1, Math.floor(units.length / 2));
    while (chunk >= 1 && performance.now() < deadline) {
      let progressed = false;
      for (let i = 0; i < units.length && performance.now() < deadline; ) {
        const candidate = [...units.slice(0, i), ...units.slice(i + chunk)];
        if (candidate.length < units.length && fails(candidate.join(join))) {
          units = candidate;
          progressed = true;
        } else {
          i += chunk;
        }
      }
      if (!progressed) chunk = Math.floor(chunk / 2);
    }
    return units;
  };
  if (!fails(failure.text)) return failure.text;
  const lines = shrink(failure.text.split('\n'), '\n').join('\n');
  return shrink([...lines], '').join('');
}
