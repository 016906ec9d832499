// Small, dependency-free helpers shared by the e2e runner and suite.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository root (this file compiles to out/test/e2e/util.js). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Screenshots, logs and the pid file land here; kept as CI artifacts. */
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
/** The suite records the processes it starts here, so the supervisor can reap them. */
export const pidFile = path.join(resultsDir, '.pids.json');

export interface StartedProcesses {
  /** code-server was spawned detached: its pid is also its process group id. */
  codeServerPgid?: number;
  /** Chromium as launched by playwright (also detached, its own group). */
  chromiumPid?: number;
  /** Temp dir (workspace, user data, extensions) to delete if the suite dies before its teardown. */
  tmpDir?: string;
}

export function log(message: string): void {
  const t = new Date().toISOString().slice(11, 23);
  process.stdout.write(`[e2e ${t}] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Rejects with a message naming `what` if `promise` does not settle within `ms`. */
export async function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Polls `probe` until it returns a value that is not undefined, or fails after `ms`
 * with `describeLast()` in the message, so a failure says what was seen instead.
 */
export async function pollUntil<T>(
  what: string,
  ms: number,
  probe: () => T | undefined | Promise<T | undefined>,
  describeLast: () => string = () => '',
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const seen = describeLast();
      const err = lastError ? ` (last error: ${errorMessage(lastError)})` : '';
      throw new Error(`timed out after ${ms} ms waiting for ${what}${seen ? `; last seen: ${seen}` : ''}${err}`);
    }
    await sleep(intervalMs);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM a process group we started, then SIGKILL it if it lingers. */
export async function killGroup(pgid: number, graceMs = 3000): Promise<void> {
  const signalGroup = (sig: NodeJS.Signals): boolean => {
    try {
      process.kill(-pgid, sig);
      return true;
    } catch {
      return false;
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pgid)) break;
    await sleep(100);
  }
  // The leader may be gone while children of the group still run: always finish with SIGKILL.
  signalGroup('SIGKILL');
}

/** Synchronous variant for process 'exit' handlers. */
export function killGroupNow(pgid: number): void {
  for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(-pgid, sig);
    } catch {
      return;
    }
  }
}

export function readPidFile(): StartedProcesses {
  try {
    return JSON.parse(fs.readFileSync(pidFile, 'utf8')) as StartedProcesses;
  } catch {
    return {};
  }
}

export function writePidFile(update: StartedProcesses): void {
  const merged = { ...readPidFile(), ...update };
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, JSON.stringify(merged));
}

/** Copies a directory tree (files only, following no symlinks); ignores errors. */
export function copyTree(from: string, to: string, filter: (rel: string) => boolean = () => true): void {
  if (!fs.existsSync(from)) return;
  const walk = (rel: string): void => {
    const src = path.join(from, rel);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(src);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(src)) walk(path.join(rel, name));
    } else if (stat.isFile() && filter(rel)) {
      const dest = path.join(to, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      try {
        fs.copyFileSync(src, dest);
      } catch {
        /* best effort: artifacts only */
      }
    }
  };
  walk('');
}

/** All files under `dir` whose relative path matches `pattern`. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && pattern.test(path.relative(dir, p))) found.push(p);
    }
  };
  walk(dir);
  return found;
}
