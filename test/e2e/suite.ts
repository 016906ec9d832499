// The real-editor end-to-end suite: KEP Lens installed from its VSIX into code-server
// (VS Code 1.100 in the browser), driven through Debian's Chromium with playwright-core.
// Started by run.ts (which adds a hard timeout and reaps processes); runnable alone with
//   node --test-reporter=spec out/test/e2e/suite.js
//
// Environment:
//   KEP_LENS_VSIX            VSIX to test (default: <repo>/<name>-<version>.vsix)
//   KEP_LENS_CHROMIUM        Chromium binary (default /usr/bin/chromium)
//   KEP_LENS_E2E_KEEP=1      keep the temp workspace/user-data dirs for inspection
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import {
  extensionHostLogs,
  installExtension,
  outputChannelLogs,
  setupCodeServer,
  startCodeServer,
  type CodeServerDirs,
  type RunningCodeServer,
} from './codeServer';
import { Workbench, type SuggestRow } from './workbench';
import {
  copyTree,
  errorMessage,
  isAlive,
  killGroup,
  killGroupNow,
  log,
  pollUntil,
  readPidFile,
  repoRoot,
  resultsDir,
  withTimeout,
  writePidFile,
} from './util';

// ---- configuration ----------------------------------------------------------------

interface ManifestJson {
  name: string;
  publisher: string;
  version: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as ManifestJson;
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const VSIX = path.resolve(process.env.KEP_LENS_VSIX ?? path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`));
const CHROMIUM = process.env.KEP_LENS_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT_CHANNEL = 'KEP Lens';
const KUBERNETES_VERSION = '1.31';
const FIXTURES = path.join(repoRoot, 'test', 'e2e', 'workspace');
const LOG_DIR = path.join(resultsDir, 'logs');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Per-test hard timeouts (node:test cancels the test when exceeded). */
const SETUP_TIMEOUT_MS = 300_000; // includes installing code-server from nothing (~1 min here)
const FEATURE_WAIT_MS = 30_000; // how long a feature may take to show up in the UI
const TEST_TIMEOUT_MS = 75_000;

// ---- session ----------------------------------------------------------------------

interface Session {
  tmp: string;
  workspace: string;
  dirs: CodeServerDirs;
  codeServer: RunningCodeServer;
  browserServer: BrowserServer;
  browser: Browser;
  wb: Workbench;
  consoleLog: string[];
}

let session: Session | undefined;
let setupError: string | undefined = 'setup has not run';
const partial: { tmp?: string; dirs?: CodeServerDirs; codeServer?: RunningCodeServer; browserServer?: BrowserServer; browser?: Browser; consoleLog?: string[] } = {};

interface StepResult {
  name: string;
  ok: boolean;
  detail: string;
  seconds: number;
}
const results: StepResult[] = [];

// Last resort if the process dies without running after(): never leave code-server or Chromium behind.
process.on('exit', () => {
  const pids = readPidFile();
  if (pids.codeServerPgid) killGroupNow(pids.codeServerPgid);
  if (pids.chromiumPid) killGroupNow(pids.chromiumPid);
});

function requireSession(): Session {
  if (!session) throw new Error(`not run because setup failed: ${setupError}`);
  return session;
}

/** Runs one check; records the outcome, screenshots on failure (the check screenshots its own success). */
async function step(name: string, check: (s: Session) => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    const s = requireSession();
    try {
      await check(s);
    } catch (e) {
      await s.wb.screenshot(`${name}-FAILED`);
      throw e;
    }
    results.push({ name, ok: true, detail: '', seconds: (Date.now() - started) / 1000 });
  } catch (e) {
    results.push({ name, ok: false, detail: errorMessage(e), seconds: (Date.now() - started) / 1000 });
    throw e;
  }
}

function writeUserSettings(userDataDir: string): void {
  const settings = {
    'workbench.startupEditor': 'none',
    'kepLens.kubernetesVersion': KUBERNETES_VERSION,
    // Keep the UI quiet and deterministic.
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
    // Word-based suggestions would muddy the completion check.
    'editor.wordBasedSuggestions': 'off',
    'editor.hover.delay': 200,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function setUp(): Promise<Session> {
  if (!fs.existsSync(VSIX)) {
    throw new Error(`VSIX not found: ${VSIX} — build it with "npm run package" (npm run test:e2e does that first)`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} — install Debian's "chromium" package or set KEP_LENS_CHROMIUM`);
  }
  fs.mkdirSync(LOG_DIR, { recursive: true });

  const codeServerDir = await setupCodeServer(240_000);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-e2e-'));
  partial.tmp = tmp;
  if (process.env.KEP_LENS_E2E_KEEP !== '1') writePidFile({ tmpDir: tmp });
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(FIXTURES, workspace, { recursive: true });
  const dirs: CodeServerDirs = {
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    xdgDir: path.join(tmp, 'xdg'),
  };
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  partial.dirs = dirs;
  writeUserSettings(dirs.userDataDir);

  const vsixKb = Math.round(fs.statSync(VSIX).size / 1024);
  const installedAt = await installExtension(codeServerDir, dirs, VSIX, EXTENSION_ID);
  log(`installed ${path.basename(VSIX)} (${vsixKb} KB) as ${path.basename(installedAt)}`);
  const installedManifest = JSON.parse(fs.readFileSync(path.join(installedAt, 'package.json'), 'utf8')) as { main?: string };
  if (installedManifest.main) {
    const main = path.join(installedAt, installedManifest.main);
    assert.ok(
      fs.existsSync(main) || fs.existsSync(`${main}.js`),
      `the installed extension's "main" (${installedManifest.main}) is missing from the VSIX`,
    );
  }

  const codeServer = await startCodeServer(codeServerDir, dirs, workspace, path.join(LOG_DIR, 'code-server.log'));
  partial.codeServer = codeServer;

  const browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    // Crash reports and the like go to XDG_CONFIG_HOME: keep them out of the real home.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(dirs.xdgDir, 'chromium-config') },
  });
  partial.browserServer = browserServer;
  const chromiumPid = browserServer.process().pid;
  if (chromiumPid) writePidFile({ chromiumPid });
  const browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: 30_000 });
  partial.browser = browser;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleLog: string[] = [];
  partial.consoleLog = consoleLog;
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));

  const wb = new Workbench(page, resultsDir);
  await page.goto(`${codeServer.url}?folder=${encodeURIComponent(workspace)}`, { timeout: 30_000 });
  await wb.waitForWorkbench(60_000);
  const items = await wb.explorerItems();
  for (const f of ['pod-image-volume.yaml', 'service.yaml', 'pdb-removed.yaml']) {
    assert.ok(items.includes(f), `explorer does not list ${f}; it shows ${JSON.stringify(items)}`);
  }
  await wb.screenshot('workbench-loaded');
  return { tmp, workspace, dirs, codeServer, browserServer, browser, wb, consoleLog };
}

async function tearDown(): Promise<void> {
  const dirs = session?.dirs ?? partial.dirs;
  const consoleLog = session?.consoleLog ?? partial.consoleLog;
  if (consoleLog) fs.writeFileSync(path.join(LOG_DIR, 'browser-console.log'), consoleLog.join('\n'));
  if (dirs) copyTree(path.join(dirs.userDataDir, 'logs'), path.join(LOG_DIR, 'user-data-logs'));

  const browser = session?.browser ?? partial.browser;
  const browserServer = session?.browserServer ?? partial.browserServer;
  await withTimeout('closing the browser', 10_000, browser?.close() ?? Promise.resolve()).catch((e: unknown) =>
    log(`browser.close: ${errorMessage(e)}`),
  );
  await withTimeout('closing chromium', 10_000, browserServer?.close() ?? Promise.resolve()).catch((e: unknown) =>
    log(`browserServer.close: ${errorMessage(e)}`),
  );
  const { chromiumPid } = readPidFile();
  if (chromiumPid && isAlive(chromiumPid)) await killGroup(chromiumPid);
  const codeServer = session?.codeServer ?? partial.codeServer;
  if (codeServer) await codeServer.stop();

  const tmp = session?.tmp ?? partial.tmp;
  if (tmp) {
    if (process.env.KEP_LENS_E2E_KEEP === '1') log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printSummary(): void {
  const lines = ['', '================ KEP Lens e2e (code-server + Chromium) ================'];
  for (const r of results) {
    lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds.toFixed(1)}s)`);
    if (!r.ok) lines.push(...r.detail.split('\n').slice(0, 12).map((l) => `        ${l}`));
  }
  const failed = results.filter((r) => !r.ok).length;
  lines.push(`${results.length - failed}/${results.length} checks passed; screenshots and logs in ${path.relative(repoRoot, resultsDir)}/`);
  lines.push('=======================================================================', '');
  process.stdout.write(lines.join('\n'));
}

// ---- the checks ---------------------------------------------------------------------

void describe('KEP Lens in VS Code (code-server + Chromium)', () => {
  after(
    async () => {
      printSummary();
      await tearDown();
    },
    { timeout: 60_000 },
  );

  void it('setup: code-server installed, VSIX installed, workbench loaded', { timeout: SETUP_TIMEOUT_MS }, async () => {
    const started = Date.now();
    try {
      session = await setUp();
      setupError = undefined;
      results.push({ name: 'setup', ok: true, detail: '', seconds: (Date.now() - started) / 1000 });
    } catch (e) {
      setupError = errorMessage(e);
      results.push({ name: 'setup', ok: false, detail: setupError, seconds: (Date.now() - started) / 1000 });
      throw e;
    }
  });

  void it('extension activates on a Kubernetes manifest ("KEP Lens" output channel exists)', { timeout: TEST_TIMEOUT_MS }, () =>
    step('activation', async ({ wb, dirs }) => {
      await wb.openFile('pod-image-volume.yaml');
      const activationLine = new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}\\b`, 'i');
      const failureLine = new RegExp(`Activating extension '?${EXTENSION_ID.replace('.', '\\.')}'? failed`, 'i');
      let hostLog = '';
      await pollUntil(
        `"${EXTENSION_ID}" activation in the extension host log`,
        FEATURE_WAIT_MS,
        () => {
          hostLog = extensionHostLogs(dirs.userDataDir)
            .map((f) => fs.readFileSync(f, 'utf8'))
            .join('\n');
          if (failureLine.test(hostLog)) {
            const lines = hostLog.split('\n').filter((l) => failureLine.test(l) || /\[error\]/.test(l));
            throw new Error(`the extension failed to activate:\n${lines.slice(0, 10).join('\n')}`);
          }
          return activationLine.test(hostLog) ? true : undefined;
        },
        () => (hostLog ? `host log tail: ${hostLog.slice(-600)}` : 'no remoteexthost.log yet'),
      );
      const channels = await pollUntil(
        `an output channel named "${OUTPUT_CHANNEL}"`,
        10_000,
        () => {
          const found = outputChannelLogs(dirs.userDataDir, OUTPUT_CHANNEL);
          return found.length ? found : undefined;
        },
        () =>
          `channels: ${JSON.stringify(
            outputChannelLogs(dirs.userDataDir, '.*').map((f) => path.basename(f)),
          )}`,
      );
      const channelText = fs.readFileSync(channels[0], 'utf8');
      log(`"${OUTPUT_CHANNEL}" output channel (${channelText.length} chars): ${channelText.split('\n').slice(0, 5).join(' | ').slice(0, 400)}`);
      const extensionErrors = hostLog.split('\n').filter((l) => /\[error\]/.test(l) && l.toLowerCase().includes(manifest.name));
      // Reported, not asserted: the feature checks below say whether they matter.
      if (extensionErrors.length) log(`WARNING: extension host log errors:\n  ${extensionErrors.slice(0, 10).join('\n  ')}`);
      await wb.screenshot('activation');
    }),
  );

  void it('a. hover on spec.volumes[0].image of a Pod shows KEP-4639', { timeout: TEST_TIMEOUT_MS }, () =>
    step('a-hover-image-volume', async ({ wb }) => {
      await wb.openFile('pod-image-volume.yaml');
      // The volume's `image:` has no value on its line (the container's `image:` does).
      const card = await wb.hoverUntil(/^\s+image:\s*$/, 'image', (t) => t.includes('KEP-4639'), FEATURE_WAIT_MS, true);
      log(`hover card: ${card.slice(0, 300)}`);
      await wb.page.waitForTimeout(500); // let the card finish fading in for the screenshot
      await wb.screenshot('a-hover-image-volume');
      await wb.page.mouse.move(1, 1);
      await wb.page.keyboard.press('Escape');
    }),
  );

  void it('b. completion under a Service spec offers trafficDistribution', { timeout: TEST_TIMEOUT_MS }, () =>
    step('b-completion-service-spec', async ({ wb }) => {
      await wb.openFile('service.yaml');
      const lines = await wb.editorLines();
      const specLine = lines.findIndex((l) => /^spec:\s*$/.test(l));
      assert.ok(specLine >= 0, `no "spec:" line in service.yaml: ${JSON.stringify(lines)}`);
      const blank = lines.findIndex((l, i) => i > specLine && /^\s*$/.test(l));
      assert.ok(blank > specLine, `no blank line under "spec:" in service.yaml: ${JSON.stringify(lines)}`);
      const lineNumber = blank + 1;
      let seen: string[] = [];
      const row = await pollUntil(
        'a "trafficDistribution" entry in the suggest widget',
        FEATURE_WAIT_MS,
        async () => {
          await wb.page.keyboard.press('Escape');
          // Reset the line to exactly two spaces of indentation, cursor at its end.
          await wb.gotoLine(lineNumber, 1);
          await wb.page.keyboard.press('Shift+End');
          await wb.page.keyboard.type('  ');
          await wb.page.keyboard.press('Control+Space');
          const shown = await pollUntil('the suggest widget', 4_000, async () => ((await wb.isSuggestVisible()) ? true : undefined)).catch(
            () => false,
          );
          if (!shown) {
            seen = ['(suggest widget did not open)'];
            return undefined;
          }
          await wb.page.waitForTimeout(500);
          let rows = await wb.suggestRows();
          seen = rows.map((r) => r.label);
          // From the language server, not a snippet whose body happens to mention the field.
          const isField = (r: SuggestRow): boolean => r.label === 'trafficDistribution' && !r.icon.includes('snippet');
          let hit = rows.find(isField);
          if (!hit) {
            // The list is virtualised; narrow it the way a user would.
            await wb.page.keyboard.type('traffic');
            await wb.page.waitForTimeout(800);
            rows = (await wb.isSuggestVisible()) ? await wb.suggestRows() : [];
            seen = [...seen, '| after typing "traffic":', ...rows.map((r) => r.label)];
            hit = rows.find(isField);
          }
          return hit;
        },
        () => JSON.stringify(seen).slice(0, 1500),
        500,
      );
      log(`completion: "${row.label}" kind=${row.icon || '?'} aria="${row.ariaLabel.slice(0, 120)}"`);
      await wb.screenshot('b-completion-service-spec');
      await wb.page.keyboard.press('Escape');
    }),
  );

  void it('c. policy/v1beta1 PodDisruptionBudget shows a "removed" problem', { timeout: TEST_TIMEOUT_MS }, () =>
    step('c-problems-removed-api', async ({ wb }) => {
      await wb.openFile('pdb-removed.yaml');
      let rows: string[] = [];
      const entry = await pollUntil(
        'a Problems-panel entry mentioning "removed"',
        FEATURE_WAIT_MS,
        async () => {
          rows = await wb.problemRows();
          return rows.find((r) => /removed/i.test(r) && !/problems in file/i.test(r));
        },
        () => JSON.stringify(rows).slice(0, 1500),
      );
      log(`problem: ${entry}`);
      await wb.screenshot('c-problems-removed-api');
      assert.match(entry, /removed-api/, `the entry does not carry the diagnostic code "removed-api": ${entry}`);
      assert.match(entry, /policy\/v1(?!beta)/, `the entry does not point to policy/v1: ${entry}`);
    }),
  );

  void it('d. quick fix rewrites apiVersion to policy/v1', { timeout: TEST_TIMEOUT_MS }, () =>
    step('d-quick-fix-policy-v1', async ({ wb, workspace }) => {
      await wb.openFile('pdb-removed.yaml');
      const before = await wb.editorLines();
      const column = before[0].indexOf('policy/v1beta1');
      assert.ok(column >= 0, `line 1 of pdb-removed.yaml is "${before[0]}", expected policy/v1beta1 in it`);
      let seen: string[] = [];
      await pollUntil(
        'a quick fix mentioning "policy/v1"',
        FEATURE_WAIT_MS,
        async () => {
          await wb.page.keyboard.press('Escape');
          await wb.gotoLine(1, column + 3);
          await wb.page.keyboard.press('Control+.');
          const rows = await pollUntil('code action rows', 3_000, async () => {
            const r = await wb.codeActionRows();
            return r.length ? r : undefined;
          }).catch(() => [] as string[]);
          seen = rows.length ? rows : [`(no code action menu) ${JSON.stringify(await wb.transientMessages())}`];
          const index =
            rows.findIndex((r) => /policy\/v1(?!beta)/.test(r)) >= 0
              ? rows.findIndex((r) => /policy\/v1(?!beta)/.test(r))
              : rows.findIndex((r) => r.includes('policy/v1'));
          if (index < 0) return undefined;
          await wb.screenshot('d-quick-fix-menu');
          // Keyboard, not a click: the menu puts a pointer-blocking layer over the page at first.
          await wb.chooseCodeAction(index);
          return true;
        },
        () => JSON.stringify(seen).slice(0, 1500),
        500,
      );
      let first = '';
      await pollUntil(
        'line 1 to read "apiVersion: policy/v1"',
        10_000,
        async () => {
          first = (await wb.editorLines())[0] ?? '';
          return first.trimEnd() === 'apiVersion: policy/v1' ? true : undefined;
        },
        () => JSON.stringify(first),
      );
      await wb.screenshot('d-quick-fix-applied');
      await wb.page.keyboard.press('Control+S');
      const file = path.join(workspace, 'pdb-removed.yaml');
      let onDisk = '';
      await pollUntil(
        'the saved file to start with "apiVersion: policy/v1"',
        10_000,
        () => {
          onDisk = fs.readFileSync(file, 'utf8');
          return /^apiVersion: policy\/v1\s*\n/.test(onDisk) ? true : undefined;
        },
        () => JSON.stringify(onDisk.split('\n')[0]),
      );
      assert.match(onDisk, /\nkind: PodDisruptionBudget\n/, 'the quick fix changed more than the apiVersion');
    }),
  );

  void it(`e. status bar shows "K8s ${KUBERNETES_VERSION}" with a manifest open`, { timeout: TEST_TIMEOUT_MS }, () =>
    step('e-status-bar', async ({ wb }) => {
      await wb.openFile('service.yaml');
      let texts: string[] = [];
      const item = await pollUntil(
        `a status bar item containing "K8s ${KUBERNETES_VERSION}"`,
        FEATURE_WAIT_MS,
        async () => {
          texts = await wb.statusBarTexts();
          return texts.find((t) => t.includes(`K8s ${KUBERNETES_VERSION}`));
        },
        () => JSON.stringify(texts.filter((t) => t)),
      );
      log(`status bar item: "${item}"`);
      await wb.screenshot('e-status-bar');
    }),
  );
});
