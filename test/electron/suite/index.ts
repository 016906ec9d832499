// Test runner loaded by VS Code's extension development host (see runTests.ts).
// A deliberately tiny harness instead of mocha: run the checks in order, each with a
// timeout, print PASS/FAIL lines and a summary, and reject if any check failed (which
// makes VS Code exit non-zero and @vscode/test-electron reject).
import { checks } from './kepLens.checks';

const DEFAULT_TIMEOUT_MS = 60_000;

function withTimeout<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => {
    if (timer) clearTimeout(timer);
  });
}

export async function run(): Promise<void> {
  const failures: { name: string; error: string }[] = [];
  const started = Date.now();
  for (const check of checks) {
    const t0 = Date.now();
    try {
      await withTimeout(check.timeoutMs ?? DEFAULT_TIMEOUT_MS, check.run());
      console.log(`  PASS  ${check.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      failures.push({ name: check.name, error });
      console.log(`  FAIL  ${check.name} (${Date.now() - t0} ms)\n${error.replace(/^/gm, '        ')}`);
    }
  }
  const passed = checks.length - failures.length;
  console.log(`\n${passed}/${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (failures.length) {
    const details = failures.map((f) => `- ${f.name}: ${f.error.split('\n')[0]}`).join('\n');
    throw new Error(`${failures.length} of ${checks.length} check(s) failed:\n${details}`);
  }
}
