// Entry point of `npm run test:e2e` (after `npm run package` has built the VSIX).
//
// A supervisor: it runs the node:test suites (suite.ts, then coexistence.ts) one after the
// other, each in a child process with the spec reporter, enforces a hard wall-clock timeout
// on the whole run, and after each suite kills whatever code-server / Chromium processes it
// recorded in its pid file, so no browser or server survives a crash, a hang or Ctrl+C.
// Exits non-zero on any failure.
//
// Environment: KEP_LENS_E2E_TIMEOUT_MS (default 480000) plus those read by suite.ts.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlive, killGroup, log, pidFile, readPidFile, repoRoot, resultsDir } from './util';

const HARD_TIMEOUT_MS = Number(process.env.KEP_LENS_E2E_TIMEOUT_MS ?? 480_000);

async function reap(): Promise<void> {
  const { codeServerPgid, chromiumPid, tmpDir } = readPidFile();
  for (const [what, pid] of [
    ['code-server', codeServerPgid],
    ['chromium', chromiumPid],
  ] as const) {
    if (pid && isAlive(pid)) {
      log(`killing leftover ${what} (process group ${pid})`);
      await killGroup(pid);
    }
  }
  if (tmpDir && fs.existsSync(tmpDir)) fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.rmSync(pidFile, { force: true });
}

/** The suites, run one after the other: KEP Lens alone, then beside yaml-language-server. */
const suites = ['suite.js', 'coexistence.js'];

async function main(): Promise<number> {
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const started = Date.now();
  let child: ReturnType<typeof spawn> | undefined;
  const killChild = async (): Promise<void> => {
    if (child?.pid && isAlive(child.pid)) await killGroup(child.pid, 5_000);
  };

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    log(`HARD TIMEOUT: the e2e run exceeded ${HARD_TIMEOUT_MS / 1000}s; killing it`);
    void killChild();
  }, HARD_TIMEOUT_MS);

  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      interrupted = true;
      log(`received ${sig}; stopping the suite`);
      void killChild();
    });
  }

  const failures: string[] = [];
  for (const name of suites) {
    if (timedOut || interrupted) break;
    const suite = path.join(__dirname, name);
    log(`running ${path.relative(repoRoot, suite)} (hard timeout ${HARD_TIMEOUT_MS / 1000}s for the whole run)`);
    const running = spawn(process.execPath, ['--test-reporter=spec', '--test-reporter-destination=stdout', suite], {
      cwd: repoRoot,
      stdio: 'inherit',
      detached: true, // its own process group, so a timeout can take down everything it spawned
    });
    child = running;
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      running.on('exit', (code, signal) => resolve({ code, signal }));
      running.on('error', (e) => {
        log(`could not start ${name}: ${e.message}`);
        resolve({ code: 1, signal: null });
      });
    });
    await killChild();
    await reap();
    if (exit.code !== 0) failures.push(`${name}: ${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`}`);
  }
  clearTimeout(timer);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = failures.length === 0 && !timedOut && !interrupted;
  if (ok) {
    log(`E2E PASSED in ${seconds}s (screenshots: ${path.relative(repoRoot, resultsDir)}/)`);
    return 0;
  }
  const why = timedOut ? `hard timeout of ${HARD_TIMEOUT_MS / 1000}s` : interrupted ? 'interrupted' : failures.join('; ');
  log(`E2E FAILED after ${seconds}s (${why}); screenshots and logs: ${path.relative(repoRoot, resultsDir)}/`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`E2E runner crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void reap().finally(() => process.exit(1));
  },
);
