// One real-editor session for an e2e suite: a workspace copied from fixtures, KEP Lens (and
// any other VSIX the suite names) installed into code-server, Chromium on the workbench.
// Records each check's outcome, screenshots a failing one, prints a summary, and tears
// everything down. Shared by suite.ts (KEP Lens alone) and coexistence.ts (beside
// yaml-language-server).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { installExtension, setupCodeServer, startCodeServer, type CodeServerDirs, type RunningCodeServer } from './codeServer';
import { Workbench } from './workbench';
import { copyTree, errorMessage, isAlive, killGroup, killGroupNow, log, readPidFile, repoRoot, withTimeout, writePidFile } from './util';

interface ManifestJson {
  name: string;
  publisher: string;
  version: string;
}
export const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as ManifestJson;
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const VSIX = path.resolve(process.env.KEP_LENS_VSIX ?? path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`));
const CHROMIUM = process.env.KEP_LENS_CHROMIUM ?? '/usr/bin/chromium';
export const KUBERNETES_VERSION = '1.31';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Session {
  tmp: string;
  workspace: string;
  dirs: CodeServerDirs;
  codeServer: RunningCodeServer;
  browserServer: BrowserServer;
  browser: Browser;
  wb: Workbench;
  consoleLog: string[];
}

export interface SessionOptions {
  /** Files of the workspace the editor opens. */
  fixtures: string;
  /** Screenshots and logs land here. */
  outputDir: string;
  /** Files the explorer must list once the workbench is up. */
  expectFiles: readonly string[];
  /** User settings besides KEP Lens's target version and a quiet UI. */
  settings?: Record<string, unknown>;
  /** Prepares the session before code-server starts: writes files, names more VSIXes to install and settings that need them. */
  prepare?: (context: { tmp: string; workspace: string }) => Promise<{ extensions: { vsix: string; id: string }[]; settings: Record<string, unknown> }>;
}

interface StepResult {
  name: string;
  ok: boolean;
  detail: string;
  seconds: number;
}

function writeUserSettings(userDataDir: string, extra: Record<string, unknown>): void {
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
    ...extra,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

export class E2eSession {
  private session: Session | undefined;
  private setupError: string | undefined = 'setup has not run';
  private readonly partial: { tmp?: string; dirs?: CodeServerDirs; codeServer?: RunningCodeServer; browserServer?: BrowserServer; browser?: Browser; consoleLog?: string[] } = {};
  private readonly results: StepResult[] = [];
  /** Measured times, printed with the summary. */
  readonly timings: string[] = [];

  constructor(
    private readonly title: string,
    private readonly options: SessionOptions,
  ) {
    // Last resort if the process dies without running the teardown: never leave code-server or Chromium behind.
    process.on('exit', () => {
      const pids = readPidFile();
      if (pids.codeServerPgid) killGroupNow(pids.codeServerPgid);
      if (pids.chromiumPid) killGroupNow(pids.chromiumPid);
    });
  }

  private get logDir(): string {
    return path.join(this.options.outputDir, 'logs');
  }

  /** The setup check: installs and starts everything, recording the outcome. */
  async setUp(): Promise<void> {
    const started = Date.now();
    try {
      this.session = await this.open();
      this.setupError = undefined;
      this.results.push({ name: 'setup', ok: true, detail: '', seconds: (Date.now() - started) / 1000 });
    } catch (e) {
      this.setupError = errorMessage(e);
      this.results.push({ name: 'setup', ok: false, detail: this.setupError, seconds: (Date.now() - started) / 1000 });
      throw e;
    }
  }

  /** Runs one check; records the outcome, screenshots on failure (the check screenshots its own success). */
  async step(name: string, check: (s: Session) => Promise<void>): Promise<void> {
    const started = Date.now();
    try {
      if (!this.session) throw new Error(`not run because setup failed: ${this.setupError}`);
      const s = this.session;
      try {
        await check(s);
      } catch (e) {
        await s.wb.screenshot(`${name}-FAILED`);
        throw e;
      }
      this.results.push({ name, ok: true, detail: '', seconds: (Date.now() - started) / 1000 });
    } catch (e) {
      this.results.push({ name, ok: false, detail: errorMessage(e), seconds: (Date.now() - started) / 1000 });
      throw e;
    }
  }

  private async open(): Promise<Session> {
    const partial = this.partial;
    if (!fs.existsSync(VSIX)) {
      throw new Error(`VSIX not found: ${VSIX} — build it with "npm run package" (npm run test:e2e does that first)`);
    }
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM} — install Debian's "chromium" package or set KEP_LENS_CHROMIUM`);
    }
    fs.mkdirSync(this.logDir, { recursive: true });

    const codeServerDir = await setupCodeServer(240_000);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-e2e-'));
    partial.tmp = tmp;
    if (process.env.KEP_LENS_E2E_KEEP !== '1') writePidFile({ tmpDir: tmp });
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(this.options.fixtures, workspace, { recursive: true });
    const dirs: CodeServerDirs = {
      userDataDir: path.join(tmp, 'user-data'),
      extensionsDir: path.join(tmp, 'extensions'),
      xdgDir: path.join(tmp, 'xdg'),
    };
    fs.mkdirSync(dirs.extensionsDir, { recursive: true });
    partial.dirs = dirs;
    const prepared = (await this.options.prepare?.({ tmp, workspace })) ?? { extensions: [], settings: {} };
    writeUserSettings(dirs.userDataDir, { ...this.options.settings, ...prepared.settings });

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
    for (const other of prepared.extensions) {
      const at = await installExtension(codeServerDir, dirs, other.vsix, other.id);
      log(`installed ${path.basename(other.vsix)} (${Math.round(fs.statSync(other.vsix).size / 1024)} KB) as ${path.basename(at)}`);
    }

    const codeServer = await startCodeServer(codeServerDir, dirs, workspace, path.join(this.logDir, 'code-server.log'));
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

    const wb = new Workbench(page, this.options.outputDir);
    await page.goto(`${codeServer.url}?folder=${encodeURIComponent(workspace)}`, { timeout: 30_000 });
    await wb.waitForWorkbench(60_000);
    const items = await wb.explorerItems();
    for (const f of this.options.expectFiles) {
      assert.ok(items.includes(f), `explorer does not list ${f}; it shows ${JSON.stringify(items)}`);
    }
    await wb.screenshot('workbench-loaded');
    return { tmp, workspace, dirs, codeServer, browserServer, browser, wb, consoleLog };
  }

  /** Prints the summary and stops everything the session started. */
  async tearDown(): Promise<void> {
    this.printSummary();
    const session = this.session;
    const partial = this.partial;
    const dirs = session?.dirs ?? partial.dirs;
    const consoleLog = session?.consoleLog ?? partial.consoleLog;
    if (consoleLog) fs.writeFileSync(path.join(this.logDir, 'browser-console.log'), consoleLog.join('\n'));
    if (dirs) copyTree(path.join(dirs.userDataDir, 'logs'), path.join(this.logDir, 'user-data-logs'));

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

  private printSummary(): void {
    const rule = '='.repeat(Math.max(16, 71 - this.title.length - 18));
    const lines = ['', `================ ${this.title} ${rule}`];
    for (const r of this.results) {
      lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds.toFixed(1)}s)`);
      if (!r.ok) lines.push(...r.detail.split('\n').slice(0, 12).map((l) => `        ${l}`));
    }
    const failed = this.results.filter((r) => !r.ok).length;
    for (const t of this.timings) lines.push(`TIME  ${t}`);
    lines.push(`${this.results.length - failed}/${this.results.length} checks passed; screenshots and logs in ${path.relative(repoRoot, this.options.outputDir) || '.'}/`);
    lines.push('=======================================================================', '');
    process.stdout.write(lines.join('\n'));
  }
}

/** Problems panel rows that appear more than once for the same file (same severity, message, place and source). */
export function duplicateRows(groups: ReadonlyMap<string, readonly string[]>): string[] {
  const dupes: string[] = [];
  for (const [file, rows] of groups) {
    const keys = rows.map((r) => r.split(' || ')[0]);
    for (const [i, k] of keys.entries()) if (keys.indexOf(k) !== i) dupes.push(`${file}: ${k}`);
  }
  return dupes;
}

/** Workspace settings (<workspace>/.vscode/settings.json), {} when absent. */
export function readWorkspaceSettings(workspace: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function writeWorkspaceSettings(workspace: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}
