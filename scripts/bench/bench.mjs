#!/usr/bin/env node
// Side-by-side benchmark: KEP Lens language server vs yaml-language-server,
// both driven over stdio LSP by this script, in the same run, interleaved,
// plus the bare `yaml` parse floor, the CLI on a large mixed tree and the
// VSIX size. See docs/benchmark.md for the method and the targets. Usage:
//
//   npm run bench                       # build, then run everything
//   node scripts/bench/bench.mjs [--rounds 3] [--sizes 10,100,1000,5000]
//        [--hovers 200] [--completions 50] [--edits 5] [--peer-only | --ours-only]
//        [--no-cli] [--tree-files 10000] [--out test-results/bench.json] [--keep] [--strict]
//        [--ours dist/server/server.js] [--cli dist/cli.js] [--seed 1] [--max-minutes 90]
//        [--run-budget 240] [--ours-exec-argv "--max-semi-space-size=1"] [--vsix FILE | --no-vsix]
//        [--semi-space-variants 1,2,default]
//
// Plain ESM; uses vscode-jsonrpc (and yaml, in a child process) from node_modules.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';
import { generateManifestWithInfo, writeMixedTree } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const NET_GUARD = join(HERE, 'net-guard.cjs');
const SCHEMA = join(HERE, 'removed-apis.schema.json');
let OURS_ENTRY = join(ROOT, 'dist/server/server.js');
let CLI_ENTRY = join(ROOT, 'dist/cli.js');
let VSIX = join(ROOT, 'kep-lens-0.1.0.vsix');
/** Node options the extension starts our server with: one file, read by the client and by this script, so they cannot drift. */
const LAUNCH_FILE = join(ROOT, 'client/src/serverLaunch.json');
let OURS_EXEC_ARGV = JSON.parse(readFileSync(LAUNCH_FILE, 'utf8')).execArgv;
const PEER_DIR = join(ROOT, 'node_modules/yaml-language-server');
const PEER_ENTRY = join(PEER_DIR, 'bin/yaml-language-server');

/** yaml-language-server's debounce before every validation (SettingsState.validationDelayMs; 200 in 1.25.0). */
const PEER_VALIDATION_DELAY_MS = (() => {
  try {
    const m = /validationDelayMs\s*=\s*(\d+)/.exec(readFileSync(join(PEER_DIR, 'out/server/src/yamlSettings.js'), 'utf8'));
    return m ? Number(m[1]) : 'an unknown number of';
  } catch {
    return 'an unknown number of';
  }
})();

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const a = {
    rounds: 3,
    sizes: [10, 100, 1000, 5000],
    hovers: 200,
    completions: 50,
    edits: 5,
    peerOnly: false,
    oursOnly: false,
    cli: true,
    treeFiles: 10000,
    runBudgetS: 240,
    vsix: true,
    semiSpaceVariants: null,
    out: join(ROOT, 'test-results/bench.json'),
    keep: false,
    snapshot: true,
    strict: false,
    maxMinutes: 90,
    seed: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${k} needs a value`);
      return argv[++i];
    };
    const int = (min) => {
      const n = parseInt(v(), 10);
      if (!Number.isFinite(n) || n < min) throw new Error(`${k} must be an integer ≥ ${min}`);
      return n;
    };
    switch (k) {
      case '--rounds': a.rounds = int(1); break;
      case '--sizes': a.sizes = v().split(',').map((s) => parseInt(s, 10)).filter((n) => n > 0); break;
      case '--hovers': a.hovers = int(1); break;
      case '--completions': a.completions = int(1); break;
      case '--edits': a.edits = int(1); break;
      case '--peer-only': a.peerOnly = true; break;
      case '--ours-only': a.oursOnly = true; break;
      case '--no-cli': a.cli = false; break;
      case '--tree-files': a.treeFiles = int(1); break;
      case '--out': a.out = resolve(v()); break;
      case '--keep': a.keep = true; break;
      case '--no-snapshot': a.snapshot = false; break;
      case '--strict': a.strict = true; break;
      case '--max-minutes': a.maxMinutes = int(1); break;
      case '--seed': a.seed = int(0); break;
      case '--run-budget': a.runBudgetS = int(10); break;
      case '--ours-exec-argv': OURS_EXEC_ARGV = v().split(/\s+/).filter(Boolean); break;
      case '--vsix': VSIX = resolve(v()); break;
      case '--no-vsix': a.vsix = false; break;
      case '--semi-space-variants': a.semiSpaceVariants = v().split(',').map((x) => x.trim()).filter(Boolean); break;
      case '--ours': OURS_ENTRY = resolve(v()); break;
      case '--cli': CLI_ENTRY = resolve(v()); break;
      case '-h':
      case '--help':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${k} (try --help)`);
    }
  }
  if (!a.sizes.length) throw new Error('--sizes is empty');
  if (a.peerOnly && a.oursOnly) throw new Error('--peer-only and --ours-only exclude each other');
  return a;
}

// ---------------------------------------------------------------- utilities

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs, p) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const idx = Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1));
  return v[idx];
}

function readProcStatus(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) : null;
    };
    return { hwmKB: kb('VmHWM'), rssKB: kb('VmRSS') };
  } catch {
    return { hwmKB: null, rssKB: null };
  }
}

/** sha256 (first 12 hex) of files taken together, to notice a rebuild during the run. */
function fingerprint(...paths) {
  try {
    const hash = createHash('sha256');
    for (const path of paths) hash.update(readFileSync(path));
    return hash.digest('hex').slice(0, 12);
  } catch {
    return null;
  }
}

/** Whether a bundle looks minified (npm run build:production) rather than a dev build. */
function isMinified(path) {
  try {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length;
    return text.length / Math.max(1, lines) > 500;
  } catch {
    return null;
  }
}

/** Every child we spawn, so that nothing outlives the benchmark. */
const children = new Set();
function killAll() {
  for (const c of children) {
    try {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\nbench: ${sig}, killing ${children.size} child process(es)`);
    killAll();
    process.exit(130);
  });
}

function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((res) => {
    const t = setTimeout(() => res(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      res(true);
    });
  });
}

/** Run a command to completion with a timeout; returns wall time and output. */
function runTimed(cmd, args, { timeoutMs, cwd = ROOT } = {}) {
  return new Promise((res) => {
    const t0 = now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const out = [];
    const err = [];
    let outBytes = 0;
    child.stdout.on('data', (d) => {
      outBytes += d.length;
      if (outBytes < 64 * 1024 * 1024) out.push(d);
    });
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => err.push(Buffer.from(String(e))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      res({ ms: now() - t0, code, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stdoutBytes: outBytes, stderr: Buffer.concat(err).toString('utf8').slice(-4000) });
    });
  });
}

// ------------------------------------------------------------ positions

const HOVER_KEYS = /^(\s*)(- )?(image|apiVersion|trafficDistribution|kind|replicas|matchLabelKeys|successPolicy|podFailurePolicy|ordinals|imagePullPolicy):/;

/**
 * `count` hover positions on the lines with the keys above, spread evenly over
 * the file (cycled if fewer). Alternately in the middle of the key and in the
 * middle of its scalar value (where there is one), since editors hover both
 * and servers may answer on either (KEP Lens describes an apiVersion on its value).
 */
function hoverPositions(lines, count) {
  const cands = [];
  lines.forEach((l, i) => {
    const m = HOVER_KEYS.exec(l);
    if (!m) return;
    const keyStart = m[1].length + (m[2] ? 2 : 0);
    const value = l.slice(m[0].length).trim();
    const valueStart = value && !value.startsWith('#') ? l.indexOf(value, m[0].length) : -1;
    cands.push({ line: i, key: m[3], keyChar: keyStart + Math.floor(m[3].length / 2), valueChar: valueStart >= 0 ? valueStart + Math.floor(value.length / 2) : -1 });
  });
  return spread(cands, count).map((c, i) =>
    i % 2 === 1 && c.valueChar >= 0 ? { line: c.line, character: c.valueChar, key: c.key, on: 'value' } : { line: c.line, character: c.keyChar, key: c.key, on: 'key' },
  );
}

/**
 * `count` completion positions inside `spec:` maps: on a direct child key of
 * a `spec:` mapping, one character into the key (where an editor asks for
 * completion while the user types the key).
 */
function completionPositions(lines, count) {
  const cands = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)spec:\s*$/.exec(lines[i]);
    if (!m) continue;
    const childIndent = m[1].length + 2;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (!l.trim()) continue;
      const ind = l.length - l.trimStart().length;
      if (ind < childIndent || l.startsWith('---')) break;
      if (ind === childIndent && /^[A-Za-z][\w.-]*:/.test(l.trimStart())) {
        cands.push({ line: j, character: childIndent + 1, key: l.trim().split(':')[0] });
      }
    }
  }
  return spread(cands, count);
}

function spread(cands, count) {
  if (!cands.length) return [];
  const out = [];
  for (let i = 0; i < count; i++) {
    if (cands.length >= count) out.push(cands[Math.floor((i * cands.length) / count)]);
    else out.push(cands[i % cands.length]);
  }
  return out;
}

/** Lines near the middle of the file where appending one character keeps the YAML valid. */
function editLines(lines, count) {
  const mid = lines.length >> 1;
  const out = [];
  for (let d = 0; out.length < count && d < lines.length; d++) {
    for (const i of d === 0 ? [mid] : [mid - d, mid + d]) {
      if (i >= 0 && i < lines.length && /^\s+(- )?name: [\w.-]+$/.test(lines[i]) && out.length < count) out.push(i);
    }
  }
  return out;
}

// ------------------------------------------------------------ LSP sessions

function peerVersion() {
  try {
    return JSON.parse(readFileSync(join(PEER_DIR, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function serverDefs(tmp) {
  const schemaUri = pathToFileURL(SCHEMA).href;
  const yamlSettings = {
    schemas: { [schemaUri]: '*.yaml' },
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    format: { enable: false },
  };
  const kepLensSettings = {
    kubernetesVersion: '1.31',
    featureGates: {},
    diagnostics: { enable: true, disabledCodes: [] },
  };
  return {
    ours: {
      id: 'ours',
      label: 'KEP Lens',
      entry: OURS_ENTRY,
      execArgv: OURS_EXEC_ARGV,
      settings: { kepLens: kepLensSettings },
      sections: { kepLens: kepLensSettings },
    },
    peer: {
      id: 'peer',
      label: `yaml-language-server ${peerVersion()}`,
      entry: PEER_ENTRY,
      execArgv: [],
      settings: { yaml: yamlSettings },
      sections: { yaml: yamlSettings, http: { proxy: '', proxyStrictSSL: false }, '[yaml]': {}, editor: {} },
    },
    tmp,
  };
}

class Session {
  constructor(def, workspace) {
    this.def = def;
    this.workspace = workspace;
    this.diags = []; // { uri, version, t, count }
    this.diagWaiters = [];
    this.lastServerMsg = 0;
    this.configRequests = 0;
    this.netAttempts = [];
    this.stderrTail = '';
    this.exited = false;
  }

  async start(timeoutMs) {
    const t0 = now();
    this.child = spawn(process.execPath, [...(this.def.execArgv ?? []), '--require', NET_GUARD, this.def.entry, '--stdio'], {
      cwd: this.workspace,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    children.add(this.child);
    this.pid = this.child.pid;
    this.exitedPromise = new Promise((_, reject) => {
      this.rejectOnExit = reject;
    });
    this.exitedPromise.catch(() => {});
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.rejectOnExit(new Error(`${this.def.id} server exited (code ${code}, signal ${signal}); stderr: ${this.stderrTail.slice(-500)}`));
      this.exitInfo = { code, signal };
      children.delete(this.child);
      for (const w of this.diagWaiters.splice(0)) w.reject(new Error(`${this.def.id} server exited (code ${code}, signal ${signal}); stderr: ${this.stderrTail.slice(-500)}`));
    });
    this.child.on('error', () => {});
    this.child.stdin.on('error', () => {});
    this.child.stderr.on('data', (d) => {
      const s = d.toString('utf8');
      for (const line of s.split('\n')) if (line.startsWith('NETGUARD:')) this.netAttempts.push(line.slice(10).trim());
      this.stderrTail = (this.stderrTail + s).slice(-8000);
    });
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.conn = conn;
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const t = now();
      this.lastServerMsg = t;
      const ev = { uri: p.uri, version: p.version, t, count: p.diagnostics.length, sources: [...new Set(p.diagnostics.map((d) => d.source))], sample: p.diagnostics[0] ? { line: p.diagnostics[0].range?.start?.line, source: p.diagnostics[0].source, code: p.diagnostics[0].code, message: String(p.diagnostics[0].message).slice(0, 160) } : undefined };
      this.diags.push(ev);
      for (const w of this.diagWaiters.slice()) {
        if (w.match(ev)) {
          this.diagWaiters.splice(this.diagWaiters.indexOf(w), 1);
          w.resolve(ev);
        }
      }
    });
    conn.onRequest('workspace/configuration', (p) => {
      this.lastServerMsg = now();
      this.configRequests++;
      return p.items.map((item) => this.configFor(item.section));
    });
    conn.onRequest((method) => {
      this.lastServerMsg = now();
      // client/registerCapability, window/workDoneProgress/create, … : acknowledge.
      return null;
    });
    conn.onNotification(() => {
      this.lastServerMsg = now();
    });
    conn.onError(() => {});
    conn.onClose(() => {});
    conn.listen();
    const root = pathToFileURL(this.workspace).href;
    const init = await withTimeout(
      this.orExit(conn.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'kep-lens-bench' },
        rootUri: root,
        rootPath: this.workspace,
        workspaceFolders: [{ uri: root, name: 'bench' }],
        locale: 'en',
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
            completion: { dynamicRegistration: false, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          },
          window: { workDoneProgress: false },
        },
        initializationOptions: this.def.id === 'ours' ? { settings: this.def.settings.kepLens } : undefined,
      })),
      timeoutMs,
      `${this.def.id}: initialize`,
    );
    const startMs = now() - t0;
    this.capabilities = init.capabilities;
    this.serverInfo = init.serverInfo;
    this.syncKind = typeof init.capabilities?.textDocumentSync === 'number' ? init.capabilities.textDocumentSync : init.capabilities?.textDocumentSync?.change ?? 1;
    return startMs;
  }

  configFor(section) {
    if (section === undefined || section === null || section === '') return this.def.settings;
    if (Object.prototype.hasOwnProperty.call(this.def.sections, section)) return this.def.sections[section];
    // "kepLens.diagnostics" style sub-sections.
    const [head, ...rest] = section.split('.');
    let v = this.def.sections[head];
    for (const r of rest) v = v && typeof v === 'object' ? v[r] : undefined;
    return v ?? null;
  }

  /** After initialized + configuration: wait until the server has been silent for `quietMs` (bounded). */
  async settle(quietMs, capMs) {
    const start = now();
    this.lastServerMsg = Math.max(this.lastServerMsg, start);
    while (now() - start < capMs) {
      if (now() - this.lastServerMsg >= quietMs) return;
      await sleep(10);
    }
  }

  /** First publishDiagnostics for `uri` received at or after `after` (and matching `pred`). */
  waitDiagnostics(uri, after, timeoutMs, pred = () => true) {
    const match = (ev) => ev.uri === uri && ev.t >= after && pred(ev);
    const existing = this.diags.find(match);
    if (existing) return Promise.resolve(existing);
    if (this.exited) return Promise.reject(new Error(`${this.def.id} server has exited`));
    let waiter;
    const p = new Promise((resolve, reject) => {
      waiter = { match, resolve, reject };
      this.diagWaiters.push(waiter);
    });
    return withTimeout(p, timeoutMs, `${this.def.id}: publishDiagnostics for ${uri.split('/').pop()}`).catch((e) => {
      const i = this.diagWaiters.indexOf(waiter);
      if (i >= 0) this.diagWaiters.splice(i, 1);
      throw e;
    });
  }

  /** Wait until no diagnostics for `uri` arrived for `quietMs` (bounded by `capMs`). */
  async diagQuiet(uri, quietMs, capMs) {
    const start = now();
    while (now() - start < capMs) {
      const last = this.diags.filter((d) => d.uri === uri).reduce((m, d) => Math.max(m, d.t), 0);
      if (now() - Math.max(last, start) >= quietMs) return;
      await sleep(10);
    }
  }

  /** A request's promise, rejected early if the server process exits. */
  orExit(promise) {
    return Promise.race([promise, this.exitedPromise]);
  }

  async request(method, params, timeoutMs) {
    return withTimeout(this.orExit(this.conn.sendRequest(method, params)), timeoutMs, `${this.def.id}: ${method}`);
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  peakRss() {
    return readProcStatus(this.pid);
  }

  async stop() {
    if (!this.child) return;
    try {
      if (!this.exited) {
        await withTimeout(this.conn.sendRequest('shutdown'), 3000, 'shutdown').catch(() => {});
        await this.conn.sendNotification('exit').catch(() => {});
      }
    } catch {
      // ignore; we kill below
    }
    const exited = await waitExit(this.child, 3000);
    if (!exited) {
      try {
        this.child.kill('SIGKILL');
      } catch {
        // gone
      }
      await waitExit(this.child, 2000);
    }
    try {
      this.conn.dispose();
    } catch {
      // ignore
    }
    children.delete(this.child);
  }
}

// ------------------------------------------------------------ one measured run

/** Hover.contents may be a string, a MarkupContent, a MarkedString or an array of them. */
function hoverHasContent(res) {
  const text = (c) => (typeof c === 'string' ? c : c && typeof c.value === 'string' ? c.value : '');
  if (!res || !res.contents) return false;
  const c = res.contents;
  return Array.isArray(c) ? c.some((x) => text(x).trim() !== '') : text(c).trim() !== '';
}

const T = {
  init: 30_000,
  openDiag: 180_000,
  request: 30_000,
  phase: 180_000, // whole hover / completion phase
  editDiag: 120_000,
};

async function measureRun(def, workspace, file, opts) {
  const budgetMs = opts.runBudgetS * 1000;
  const deadline = now() + budgetMs;
  /** What is left of the run's budget, for a wait that would otherwise take its own full timeout. */
  const left = (cap) => Math.max(1, Math.min(cap, deadline - now()));
  const within = (phase) => {
    if (now() > deadline) {
      r.overBudget = phase;
      throw new Error(`over the ${opts.runBudgetS} s budget of one run (during ${phase})`);
    }
  };
  const r = { server: def.id, docs: file.docs, startMs: null, openMs: null, openCount: null, openFirstEmpty: null, openNonEmptyMs: null, reopenMs: null, hover: [], hoverNonNull: 0, hoverEmptyAt: {}, completion: [], completionNonEmpty: 0, completionItems: 0, edit: [], editCounts: [], rss: null, netAttempts: [], configRequests: 0, errors: [] };
  const s = new Session(def, workspace);
  try {
    r.startMs = await s.start(T.init);
    s.notify('initialized', {});
    s.notify('workspace/didChangeConfiguration', { settings: def.settings });
    // Let the server pull and apply its configuration before the document opens
    // (the peer answers it with a workspace/configuration round trip).
    await s.settle(150, 3000);

    const uri = pathToFileURL(file.path).href;
    let version = 1;
    const tOpen = now();
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: file.text } });
    const first = await s.waitDiagnostics(uri, tOpen, left(T.openDiag)).catch((e) => {
      within('open');
      throw e;
    });
    r.openMs = first.t - tOpen;
    r.openCount = first.count;
    r.openSources = first.sources;
    r.openSample = first.sample;
    r.openFirstEmpty = first.count === 0;
    if (first.count === 0) {
      // Be honest about servers that clear first and report later.
      const ne = await s.waitDiagnostics(uri, tOpen, 5000, (ev) => ev.count > 0).catch(() => null);
      r.openNonEmptyMs = ne ? ne.t - tOpen : null;
    } else {
      r.openNonEmptyMs = r.openMs;
    }
    await s.diagQuiet(uri, 300, 5000);

    // Hover.
    const phase0 = now();
    for (const pos of file.hovers) {
      within('hover');
      if (now() - phase0 > T.phase) {
        r.errors.push(`hover phase stopped after ${r.hover.length} requests (budget ${T.phase} ms)`);
        break;
      }
      const t = now();
      const res = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: pos.line, character: pos.character } }, T.request);
      r.hover.push(now() - t);
      if (hoverHasContent(res)) r.hoverNonNull++;
      else r.hoverEmptyAt[`${pos.key} (${pos.on})`] = (r.hoverEmptyAt[`${pos.key} (${pos.on})`] ?? 0) + 1;
    }

    // Completion.
    const phase1 = now();
    for (const pos of file.completions) {
      within('completion');
      if (now() - phase1 > T.phase) {
        r.errors.push(`completion phase stopped after ${r.completion.length} requests (budget ${T.phase} ms)`);
        break;
      }
      const t = now();
      const res = await s.request('textDocument/completion', { textDocument: { uri }, position: { line: pos.line, character: pos.character }, context: { triggerKind: 1 } }, T.request);
      r.completion.push(now() - t);
      const items = Array.isArray(res) ? res : res?.items ?? [];
      if (items.length) r.completionNonEmpty++;
      r.completionItems += items.length;
    }

    // One-character edits in the middle of the file → next diagnostics.
    const lines = file.lines.slice();
    for (const ln of file.editLines) {
      within('edit');
      await s.diagQuiet(uri, 300, 5000);
      version++;
      const character = lines[ln].length;
      lines[ln] += 'x';
      const change = s.syncKind === 2
        ? { range: { start: { line: ln, character }, end: { line: ln, character } }, text: 'x' }
        : { text: lines.join('\n') };
      const tEdit = now();
      s.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const ev = await s.waitDiagnostics(uri, tEdit, left(T.editDiag)).catch((e) => {
        within('edit');
        throw e;
      });
      r.edit.push(ev.t - tEdit);
      r.editCounts.push(ev.count);
    }
    r.incremental = s.syncKind === 2;

    // Warm re-open: close, then open the same text under a new URI.
    within('re-open');
    await s.diagQuiet(uri, 300, 5000);
    s.notify('textDocument/didClose', { textDocument: { uri } });
    const uri2 = pathToFileURL(file.path.replace(/\.yaml$/, '-reopen.yaml')).href;
    await sleep(50);
    const tRe = now();
    s.notify('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'yaml', version: 1, text: file.text } });
    const re = await s.waitDiagnostics(uri2, tRe, left(T.openDiag)).catch((e) => {
      within('re-open');
      throw e;
    });
    r.reopenMs = re.t - tRe;
    await s.diagQuiet(uri2, 300, 5000);

    r.rss = s.peakRss();
  } catch (e) {
    r.errors.push(String(e && e.message ? e.message : e));
    // A run stopped by its budget has not reached its peak: no RSS rather than a low one.
    if (!r.rss && s.pid && !s.exited && !r.overBudget) r.rss = s.peakRss();
  } finally {
    r.netAttempts = s.netAttempts.slice();
    r.configRequests = s.configRequests;
    r.serverInfo = s.serverInfo;
    if (s.stderrTail && r.errors.length) r.stderrTail = s.stderrTail.slice(-1500);
    await s.stop();
  }
  return r;
}

/**
 * Spawn → first diagnostics, as a user opening a file starts an editor: the
 * client sends initialized, its settings and didOpen at once after the
 * initialize reply. An early initialize reply cannot hide loading time here.
 */
async function measureStartToDiagnostics(def, workspace, file) {
  const s = new Session(def, workspace);
  const tSpawn = now();
  try {
    await s.start(T.init);
    s.notify('initialized', {});
    s.notify('workspace/didChangeConfiguration', { settings: def.settings });
    const uri = pathToFileURL(file.path.replace(/\.yaml$/, '-first.yaml')).href;
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: file.text } });
    const first = await s.waitDiagnostics(uri, tSpawn, T.openDiag);
    return first.t - tSpawn;
  } catch {
    return null;
  } finally {
    await s.stop();
  }
}

// ------------------------------------------------------------ bare floor

/**
 * The floor: yaml's parseAllDocuments with a LineCounter on the same file, in
 * a fresh node process (away from the benchmark's own heap): the first call
 * (cold JIT, what a freshly started server pays; informational), then the
 * best of `runs` calls in that now warm process (the target's floor).
 */
async function bareParse(path, { runs = 3 } = {}) {
  const script = `
    const { parseAllDocuments, LineCounter } = require('yaml');
    const text = require('fs').readFileSync(process.argv[1], 'utf8');
    const time = () => {
      const t = performance.now();
      const docs = parseAllDocuments(text, { lineCounter: new LineCounter() });
      const ms = performance.now() - t;
      if (!Array.isArray(docs) || !docs.length) throw new Error('bare parse produced no documents');
      return ms;
    };
    const cold = time();
    const warm = [];
    for (let i = 0; i < ${runs}; i++) warm.push(time());
    process.stdout.write(JSON.stringify({ cold, warm }));`;
  const r = await runTimed(process.execPath, ['-e', script, path], { timeoutMs: 120_000 });
  try {
    const j = JSON.parse(r.stdout);
    return { coldMs: j.cold, warmMs: Math.min(...j.warm), warmRuns: j.warm };
  } catch {
    return { coldMs: null, warmMs: null, warmRuns: [], error: (r.stderr || `exit ${r.code}`).slice(-300) };
  }
}

/**
 * The floor of peak memory: a node process's own VmHWM, started with the
 * options our server gets, idle (`node -e`) or after only requiring yaml and
 * vscode-languageserver (what any YAML language server loads).
 */
async function bareNodeRss(execArgv) {
  const report = `process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])`;
  const variants = {
    idle: `setTimeout(() => { ${report}; }, 100)`,
    modules: `require('yaml'); require('vscode-languageserver/node'); setTimeout(() => { ${report}; }, 100)`,
  };
  const out = {};
  for (const [k, script] of Object.entries(variants)) {
    const r = await runTimed(process.execPath, [...execArgv, '-e', script], { timeoutMs: 30_000 });
    out[k] = /^\d+$/.test(r.stdout) ? Number(r.stdout) : null;
  }
  return out;
}

// ------------------------------------------------------------ CLI

/** Best-effort count of findings in the CLI's JSON, whatever its exact shape. */
function countFindings(j) {
  const KEYS = ['diagnostics', 'findings', 'problems', 'messages', 'results', 'files'];
  const nested = (o) => (o && typeof o === 'object' && !Array.isArray(o) ? KEYS.find((k) => Array.isArray(o[k])) : undefined);
  if (Array.isArray(j)) {
    if (j.length && j.every((x) => nested(x))) return j.reduce((s, x) => s + countFindings(x[nested(x)]), 0);
    return j.length;
  }
  const k = nested(j);
  return k ? countFindings(j[k]) : null;
}

const TIME_BIN = '/usr/bin/time';

/**
 * A command's wall time (spawn to exit, so including node's start) and the
 * peak RSS of its process: GNU time's maximum resident set size where
 * /usr/bin/time exists, else the largest VmHWM read from /proc while it runs.
 * Worker threads are threads of that one process, so either counts them.
 */
async function runMeasured(args, { timeoutMs, tmp }) {
  if (existsSync(TIME_BIN)) {
    const file = join(tmp, `time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
    const r = await runTimed(TIME_BIN, ['-f', '%M', '-o', file, process.execPath, ...args], { timeoutMs });
    let peakKB = null;
    try {
      const m = /(\d+)\s*$/.exec(readFileSync(file, 'utf8'));
      peakKB = m ? Number(m[1]) : null;
      rmSync(file, { force: true });
    } catch {
      // no report: n/a
    }
    return { ...r, peakKB, rssBy: '/usr/bin/time' };
  }
  let peakKB = null;
  const poll = setInterval(() => {
    for (const c of children) {
      if (c.spawnargs?.[1] !== args[0]) continue;
      const { hwmKB } = readProcStatus(c.pid);
      if (hwmKB !== null) peakKB = Math.max(peakKB ?? 0, hwmKB);
    }
  }, 20);
  const r = await runTimed(process.execPath, args, { timeoutMs });
  clearInterval(poll);
  return { ...r, peakKB, rssBy: '/proc poll' };
}

async function benchCli(opts, files, tmp) {
  if (!existsSync(CLI_ENTRY)) {
    return { skipped: `${relative(ROOT, CLI_ENTRY)} not found; run npm run build` };
  }
  const big = files.find((f) => f.docs === 1000) ?? files.reduce((a, b) => (b.docs > a.docs ? b : a));
  const workerScript = join(dirname(CLI_ENTRY), 'cliWorker.js');
  if (!existsSync(workerScript)) console.log(`\nWARNING: ${workerScript} is missing: the CLI will check every file in its main thread (run npm run build)`);
  const treeDir = join(tmp, 'tree');
  const t0 = now();
  const tree = writeMixedTree(treeDir, opts.treeFiles, { seed: opts.seed + 10 });
  const genMs = now() - t0;
  console.log(`\nCLI tree: ${tree.files} files, ${(tree.bytes / 1e6).toFixed(1)} MB (${Object.entries(tree.categories).map(([k, c]) => `${k} ${c.files} files / ${(c.bytes / 1e6).toFixed(1)} MB`).join(', ')}), written in ${fmtMs(genMs)}`);
  const res = { file: { docs: big.docs, bytes: big.bytes, runs: [] }, tree: { ...tree, runs: [] }, single: { runs: [] }, treeGenerateMs: genMs, workerScript: existsSync(workerScript) };
  const summarize = (r) => {
    let findings = null;
    try {
      findings = countFindings(JSON.parse(r.stdout));
    } catch {
      findings = 'unparsable JSON';
    }
    return { ms: r.ms, peakKB: r.peakKB, rssBy: r.rssBy, code: r.code, signal: r.signal, timedOut: r.timedOut, stdoutBytes: r.stdoutBytes, findings, stdoutSha: createHash('sha256').update(r.stdout).digest('hex').slice(0, 12), stderr: r.code !== 0 && r.code !== 1 ? r.stderr.slice(-800) : undefined };
  };
  const lintArgs = (target, extra = []) => ['--require', NET_GUARD, CLI_ENTRY, 'lint', target, '--format', 'json', ...extra];
  for (let i = 0; i < opts.rounds; i++) {
    res.file.runs.push(summarize(await runMeasured(lintArgs(big.path), { timeoutMs: 300_000, tmp })));
    const t = summarize(await runMeasured(lintArgs(treeDir), { timeoutMs: 600_000, tmp }));
    res.tree.runs.push(t);
    const one = summarize(await runMeasured(lintArgs(treeDir, ['--jobs', '1']), { timeoutMs: 600_000, tmp }));
    res.single.runs.push(one);
    console.log(`CLI round ${i + 1}: 1,000-doc file ${fmtMs(res.file.runs[i].ms)} · tree ${fmtMs(t.ms)} (${fmtMB(t.peakKB)}) · tree --jobs 1 ${fmtMs(one.ms)} (${fmtMB(one.peakKB)})${t.stdoutSha !== one.stdoutSha ? ' · OUTPUT DIFFERS between threaded and --jobs 1' : ''}`);
  }
  const ok = (runs) => runs.filter((r) => !r.timedOut && (r.code === 0 || r.code === 1));
  for (const k of ['file', 'tree', 'single']) {
    res[k].medianMs = median(ok(res[k].runs).map((r) => r.ms));
    res[k].peakKB = median(ok(res[k].runs).map((r) => r.peakKB));
  }
  const rate = (ms) => (ms ? { filesPerS: tree.files / (ms / 1000), mbPerS: tree.bytes / 1e6 / (ms / 1000) } : { filesPerS: null, mbPerS: null });
  Object.assign(res.tree, rate(res.tree.medianMs));
  Object.assign(res.single, rate(res.single.medianMs));
  res.sameOutput = res.tree.runs.every((r) => r.stdoutSha === res.single.runs[0]?.stdoutSha);
  return res;
}

/**
 * Our server under several --max-semi-space-size values (`default`: none),
 * interleaved per round and size, to choose the launch options: open,
 * re-open, edit and peak RSS of each.
 */
async function benchSemiSpace(opts, defs, tmp, files) {
  const variants = opts.semiSpaceVariants.map((v) => ({ name: v, execArgv: v === 'default' ? [] : [`--max-semi-space-size=${v}`] }));
  const runs = {};
  for (let round = 1; round <= opts.rounds; round++) {
    for (const f of files) {
      for (const v of variants) {
        const r = await measureRun({ ...defs.ours, execArgv: v.execArgv }, tmp, f, opts);
        ((runs[f.docs] ??= {})[v.name] ??= []).push(r);
        console.log(`semi-space ${v.name.padEnd(7)} · round ${round} · ${String(f.docs).padStart(4)} docs · open ${fmtMs(r.openMs)} · reopen ${fmtMs(r.reopenMs)} · edit ${fmtMs(median(r.edit))} · RSS ${fmtMB(r.rss?.hwmKB)}${r.errors.length ? ` · ERROR ${r.errors[0]}` : ''}`);
      }
    }
  }
  const head = ['Docs', ...variants.map((v) => `${v.name === 'default' ? 'default' : `--max-semi-space-size=${v.name}`}: open · re-open · edit · RSS`)];
  const rows = Object.keys(runs).map(Number).sort((a, b) => a - b).map((n) => [n, ...variants.map((v) => {
    const a = aggregate(runs[n][v.name]);
    return `${fmtMs(a.openMs)} · ${fmtMs(a.reopenMs)} · ${fmtMs(a.editMs)} · ${fmtMB(a.peakRssKB)}`;
  })]);
  const md = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const summary = Object.fromEntries(Object.entries(runs).map(([n, byV]) => [n, Object.fromEntries(Object.entries(byV).map(([k, rs]) => { const a = aggregate(rs); return [k, { openMs: a.openMs, reopenMs: a.reopenMs, editMs: a.editMs, peakRssKB: a.peakRssKB }]; }))]));
  return { md, summary };
}

// ------------------------------------------------------------ report

function fmtMs(v) {
  if (v === null || v === undefined) return 'n/a';
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  if (v >= 100) return `${v.toFixed(0)} ms`;
  if (v >= 10) return `${v.toFixed(1)} ms`;
  return `${v.toFixed(2)} ms`;
}
const fmtMB = (kb) => (kb === null || kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const fmtRatio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

function aggregate(runs) {
  const ok = runs.filter((r) => r);
  const pool = (k) => ok.flatMap((r) => r[k]);
  return {
    rounds: ok.length,
    startMs: median(ok.map((r) => r.startMs)),
    openMs: median(ok.map((r) => r.openMs)),
    openNonEmptyMs: median(ok.map((r) => r.openNonEmptyMs)),
    openCount: median(ok.map((r) => r.openCount)),
    openSources: [...new Set(ok.flatMap((r) => r.openSources ?? []))],
    openSample: ok.find((r) => r.openSample)?.openSample,
    openFirstEmpty: ok.some((r) => r.openFirstEmpty),
    reopenMs: median(ok.map((r) => r.reopenMs)),
    hoverP50: percentile(pool('hover'), 50),
    hoverP95: percentile(pool('hover'), 95),
    hoverN: pool('hover').length,
    hoverNonNull: ok.reduce((s, r) => s + r.hoverNonNull, 0),
    completionP50: percentile(pool('completion'), 50),
    completionP95: percentile(pool('completion'), 95),
    completionN: pool('completion').length,
    completionNonEmpty: ok.reduce((s, r) => s + r.completionNonEmpty, 0),
    completionItemsAvg: pool('completion').length ? ok.reduce((s, r) => s + r.completionItems, 0) / pool('completion').length : null,
    editMs: median(pool('edit')),
    editN: pool('edit').length,
    editCount: median(pool('editCounts')),
    incremental: ok.every((r) => r.incremental !== false),
    peakRssKB: median(ok.map((r) => r.rss?.hwmKB ?? null)),
    netAttempts: ok.reduce((s, r) => s + r.netAttempts.length, 0),
    errors: ok.flatMap((r) => r.errors),
    /** Phases in which runs went over --run-budget: what is n/a and why. */
    overBudget: ok.filter((r) => r.overBudget).map((r) => r.overBudget),
  };
}

function check(value, limit) {
  if (value === null || value === undefined || limit === null || limit === undefined) return 'n/a';
  return value <= limit ? 'PASS' : 'MISS';
}

const fmtKB = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(0)} KB`);
const fmtRate = (v, unit) => (v === null || v === undefined ? 'n/a' : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`);

/** The sizes at which each target is judged (issue 12). */
const JUDGED = { open: [1000], memory: [10, 100, 1000] };

function buildTable(results, bare, extra) {
  const rows = [];
  const head = ['Metric', 'Docs', 'Ours', 'Peer', 'Ours/Peer', 'Ours/bare parse', 'Target', 'Result'];
  const targets = [];
  const sizes = Object.keys(results).map(Number).sort((a, b) => a - b);
  const budgetNote = (a) => (a && a.overBudget.length ? `n/a (over the ${extra.runBudgetS} s run budget in ${[...new Set(a.overBudget)].join(', ')})` : null);
  const cell = (a, v, fmt) => (v === null || v === undefined ? budgetNote(a) ?? fmt(v) : fmt(v));
  const push = (metric, docs, ours, peer, ratio, bareRatio, target, result) => {
    rows.push([metric, docs, ours, peer, ratio, bareRatio, target, result]);
  };
  const judge = (metric, docs, value, limit, target, atLeast = false) => {
    const result = atLeast ? check(limit, value) : check(value, limit);
    targets.push({ metric, docs, value, limit, target, result });
    return result;
  };
  const byPeer = (factor, judgedAt) => (metric, size, o, p, key, fmt, { bareMs } = {}) => {
    const ov = o?.[key];
    const pv = p?.[key];
    const judged = !judgedAt || judgedAt.includes(size);
    const limit = pv === null || pv === undefined ? null : pv * factor;
    const target = judged ? `≤ ${factor}× peer` : `(≤ ${factor}× peer judged at ${judgedAt.map((n) => n.toLocaleString('en-US')).join(', ')})`;
    const result = judged ? judge(metric, size, ov, limit, target) : '—';
    push(metric, String(size), cell(o, ov, fmt), cell(p, pv, fmt), fmtRatio(ov, pv), bareMs ? fmtRatio(ov, bareMs) : '', target, result);
  };
  for (const size of sizes) {
    const o = results[size].ours;
    const p = results[size].peer;
    const b = bare[size];
    byPeer(0.4, JUDGED.open)('open → diagnostics (cold: first file of a fresh server)', size, o, p, 'openMs', fmtMs, { bareMs: b.warm.medianMs });
    byPeer(0.4, JUDGED.open)('re-open → diagnostics (warm: same server, new URI)', size, o, p, 'reopenMs', fmtMs, { bareMs: b.warm.medianMs });
    {
      const metric = 're-open → diagnostics (warm) vs bare parse';
      const ov = o?.reopenMs;
      const judged = JUDGED.open.includes(size);
      const target = judged ? `≤ 1.0× bare parse (${fmtMs(b.warm.medianMs)})` : '(≤ 1.0× bare judged at 1,000)';
      push(metric, String(size), cell(o, ov, fmtMs), '', '', fmtRatio(ov, b.warm.medianMs), target, judged ? judge(metric, size, ov, b.warm.medianMs, target) : '—');
    }
    byPeer(0.1)('edit → diagnostics (median)', size, o, p, 'editMs', fmtMs);
    push('hover p50', String(size), cell(o, o?.hoverP50, fmtMs), cell(p, p?.hoverP50, fmtMs), fmtRatio(o?.hoverP50, p?.hoverP50), '', '—', '—');
    push('hover p95', String(size), cell(o, o?.hoverP95, fmtMs), cell(p, p?.hoverP95, fmtMs), fmtRatio(o?.hoverP95, p?.hoverP95), '', '≤ 1 ms', judge('hover p95', size, o?.hoverP95, 1, '≤ 1 ms'));
    push('completion p50', String(size), cell(o, o?.completionP50, fmtMs), cell(p, p?.completionP50, fmtMs), fmtRatio(o?.completionP50, p?.completionP50), '', '—', '—');
    push('completion p95 (every-field completion)', String(size), cell(o, o?.completionP95, fmtMs), cell(p, p?.completionP95, fmtMs), fmtRatio(o?.completionP95, p?.completionP95), '', '≤ 5 ms', judge('completion p95', size, o?.completionP95, 5, '≤ 5 ms'));
    byPeer(0.5, JUDGED.memory)('peak RSS (VmHWM)', size, o, p, 'peakRssKB', fmtMB);
    push('bare `yaml` parseAllDocuments: best of 3 in one warm process', String(size), fmtMs(b.warm.medianMs), '', '', '1.00×', 'floor', '—');
    push('bare `yaml` parseAllDocuments: 1st call in a fresh process', String(size), fmtMs(b.cold.medianMs), '', '', fmtRatio(b.cold.medianMs, b.warm.medianMs), 'informational', '—');
  }
  // Start-up does not depend on the file: one row over every run of every size.
  {
    const ov = extra.start.ours;
    const pv = extra.start.peer;
    push('start → initialize response (median of all runs)', 'all', fmtMs(ov), fmtMs(pv), fmtRatio(ov, pv), '', '≤ 0.3× peer', judge('start → initialize', 'all', ov, pv === null ? null : pv * 0.3, '≤ 0.3× peer'));
    const fd = extra.firstDiag;
    push('start → first diagnostics (didOpen right after initialized)', String(fd.docs), fmtMs(fd.ours), fmtMs(fd.peer), fmtRatio(fd.ours, fd.peer), '', 'informational', '—');
  }
  {
    const p10 = results[10]?.peer?.peakRssKB ?? null;
    const floor = p10 === null ? 'informational' : `floor (0.5× peer at 10 docs = ${fmtMB(p10 * 0.5)})`;
    push(`bare node peak RSS, idle (\`node ${extra.oursExecArgv.join(' ')} -e\`)`, '—', fmtMB(extra.nodeRss.idle), fmtMB(p10), fmtRatio(extra.nodeRss.idle, p10), '', floor, '—');
    push('bare node peak RSS, only `require`s yaml + vscode-languageserver', '—', fmtMB(extra.nodeRss.modules), fmtMB(p10), fmtRatio(extra.nodeRss.modules, p10), '', floor, '—');
  }
  const cli = extra.cli;
  if (cli && !cli.skipped) {
    const t = cli.tree;
    const what = `${t.files.toLocaleString('en-US')} files, ${(t.bytes / 1e6).toFixed(1)} MB`;
    push(`CLI \`lint DIR --format json\`, mixed tree (${what}): files/s`, '—', fmtRate(t.filesPerS, 'files/s'), '', '', '', '≥ 1,500 files/s', judge('CLI files/s', 'tree', t.filesPerS, 1500, '≥ 1,500 files/s', true));
    push('CLI, same tree: MB/s', '—', fmtRate(t.mbPerS, 'MB/s'), '', '', '', 'informational', '—');
    push(`CLI, same tree: wall time (median of ${extra.rounds}, incl. node start)`, '—', fmtMs(t.medianMs), '', '', '', 'informational', '—');
    push('CLI, same tree: peak RSS of the process (main + worker threads)', '—', fmtMB(t.peakKB), '', '', '', '≤ 300 MB', judge('CLI peak RSS', 'tree', t.peakKB, 300 * 1024, '≤ 300 MB'));
    push('CLI, same tree, `--jobs 1` (single thread): files/s · MB/s · RSS', '—', `${fmtRate(cli.single.filesPerS, 'files/s')} · ${fmtRate(cli.single.mbPerS, 'MB/s')} · ${fmtMB(cli.single.peakKB)}`, '', '', '', `informational${cli.sameOutput ? '; output identical to the threaded run' : '; OUTPUT DIFFERS from the threaded run'}`, '—');
    push(`CLI, one ${cli.file.docs.toLocaleString('en-US')}-document file`, String(cli.file.docs), fmtMs(cli.file.medianMs), '', '', bare[cli.file.docs] ? fmtRatio(cli.file.medianMs, bare[cli.file.docs].warm.medianMs) : '', 'informational (whole process)', '—');
  }
  if (extra.vsix) {
    const v = extra.vsix;
    push(`VSIX size (${v.name}${v.mtime ? `, built ${v.mtime}` : ''})`, '—', v.bytes === null ? `n/a (${v.reason})` : fmtKB(v.bytes), '', '', '', '≤ 1 MB (1,048,576 bytes)', judge('VSIX size', '—', v.bytes, 1024 * 1024, '≤ 1 MB'));
  }
  const md = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i >= 2 && i <= 5 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { md, targets };
}

/**
 * How each cost grows with the number of documents: the exponent k of
 * cost ∝ docs^k between consecutive sizes, shown as the factor per 10×
 * more documents (10^k: ×10 is linear). Each step is superlinear
 * (k > 1.2, flagged), linear (0.8–1.2), sublinear (0.2–0.8: fixed costs
 * still dominate) or flat (< 0.2: what a per-request cost should be).
 */
function scaleTable(results) {
  const sizes = Object.keys(results).map(Number).sort((a, b) => a - b);
  const costs = [
    ['open (cold)', 'openMs', fmtMs],
    ['re-open (warm)', 'reopenMs', fmtMs],
    ['edit → diagnostics', 'editMs', fmtMs],
    ['hover p95', 'hoverP95', fmtMs],
    ['completion p95', 'completionP95', fmtMs],
    ['peak RSS', 'peakRssKB', fmtMB],
  ];
  const steps = sizes.slice(1).map((n, i) => [sizes[i], n]);
  const head = ['Cost', 'Server', ...sizes.map((n) => `${n.toLocaleString('en-US')} docs`), ...steps.map(([a, b]) => `×/10× docs ${a}→${b}`), 'Growth'];
  const rows = [];
  const flags = [];
  for (const [label, key, fmt] of costs) {
    for (const id of ['ours', 'peer']) {
      const vals = sizes.map((n) => results[n]?.[id]?.[key] ?? null);
      if (vals.every((v) => v === null)) continue;
      const ks = steps.map(([a, b], i) => {
        const v1 = vals[i];
        const v2 = vals[i + 1];
        return v1 && v2 && v1 > 0 && v2 > 0 ? Math.log(v2 / v1) / Math.log(b / a) : null;
      });
      const kind = (k) => (k === null ? null : k > 1.2 ? 'superlinear' : k >= 0.8 ? 'linear' : k >= 0.2 ? 'sublinear' : 'flat');
      const kinds = ks.map(kind);
      const superlinear = steps.filter((_, i) => kinds[i] === 'superlinear');
      if (superlinear.length) flags.push(`${label} (${id}): ${superlinear.map(([a, b]) => `${a}→${b} ×${Math.pow(10, ks[steps.findIndex((st) => st[0] === a)]).toFixed(1)} per 10×`).join(', ')}`);
      const known = kinds.filter(Boolean);
      const verdict = !known.length ? 'n/a' : new Set(known).size === 1 ? known[0] : kinds.map((k, i) => `${steps[i][0]}→${steps[i][1]} ${k ?? 'n/a'}`).join(', ');
      rows.push([label, id, ...vals.map((v) => fmt(v)), ...ks.map((k) => (k === null ? 'n/a' : `×${Math.pow(10, k).toFixed(1)} (k ${k.toFixed(2)})`)), superlinear.length ? `**${verdict}** ⚠` : verdict]);
    }
  }
  const md = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i >= 2 && i < head.length - 1 ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  return { md, flags };
}

function detailTable(results, files) {
  const head = ['Server', 'Docs', 'rounds', 'removed apiVersions in file', 'diags at open', 'diag source · first message', 'first publish empty?', 'hover non-null', 'completion non-empty (avg items)', 'edits (incremental?)', 'diags after edit', 'network attempts', 'errors'];
  const rows = [];
  for (const size of Object.keys(results).map(Number).sort((a, b) => a - b)) {
    for (const id of ['ours', 'peer']) {
      const a = results[size][id];
      if (!a) continue;
      const f = files.find((x) => x.docs === size);
      const sample = a.openSample ? `${a.openSample.source ?? '?'} · ${a.openSample.message.replace(/\s+/g, ' ').replace(/\|/g, '/').slice(0, 70)}` : 'n/a';
      rows.push([id, size, a.rounds, f?.removed ?? '?', a.openCount ?? 'n/a', sample, a.openFirstEmpty ? `yes (non-empty at ${fmtMs(a.openNonEmptyMs)})` : 'no', `${a.hoverNonNull}/${a.hoverN}`, `${a.completionNonEmpty}/${a.completionN} (${a.completionItemsAvg === null ? 'n/a' : a.completionItemsAvg.toFixed(1)})`, `${a.editN} (${a.incremental ? 'yes' : 'no, full text'})`, a.editCount ?? 'n/a', a.netAttempts, a.errors.length ? a.errors.slice(0, 2).join('; ').replace(/\|/g, '/').slice(0, 200) : '—']);
    }
  }
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ------------------------------------------------------------ main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = now();
  const watchdog = setTimeout(() => {
    console.error(`bench: exceeded --max-minutes ${opts.maxMinutes}; killing children and exiting`);
    killAll();
    process.exit(1);
  }, opts.maxMinutes * 60_000);
  watchdog.unref();

  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGB: +(os.freemem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
  };
  console.log(`# KEP Lens benchmark`);
  console.log(`Node ${machine.node} · ${machine.platform} · ${machine.cores} cores (${machine.cpuModel}) · ${machine.memoryGB} GB RAM · load ${machine.loadavg.join(' ')}`);

  const oursPresent = existsSync(OURS_ENTRY);
  const want = { ours: !opts.peerOnly, peer: !opts.oursOnly };
  if (want.ours && !oursPresent) {
    console.log(`\nKEP Lens server not found at ${relative(ROOT, OURS_ENTRY)} (run npm run build); measuring the peer only.`);
    want.ours = false;
  }
  if (want.peer && !existsSync(PEER_ENTRY)) {
    console.log(`\nyaml-language-server not found at ${relative(ROOT, PEER_ENTRY)}; measuring ours only.`);
    want.peer = false;
  }
  if (!want.ours && !want.peer) throw new Error('no server to measure');

  const tmp = mkdtempSync(join(os.tmpdir(), 'kep-lens-bench-'));
  // Measure a snapshot of the bundles taken now, so that a rebuild of dist/
  // during the run (e.g. by a concurrent npm test) can't mix builds. The
  // bundles are self-contained (esbuild, only Node built-ins at run time).
  const original = { ours: OURS_ENTRY, cli: CLI_ENTRY };
  if (opts.snapshot) {
    const snap = (from, rel) => {
      if (!existsSync(from)) return from;
      const to = join(tmp, 'dist-snapshot', rel);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      if (existsSync(`${from}.map`)) copyFileSync(`${from}.map`, `${to}.map`);
      return to;
    };
    const dataDir = join(dirname(OURS_ENTRY), '..', 'data');
    // The server's entry loads the engine, and files of 2 MB or more a worker, from beside it.
    snap(join(dirname(OURS_ENTRY), 'languageServer.js'), 'server/languageServer.js');
    snap(join(dirname(OURS_ENTRY), 'analysisWorker.js'), 'server/analysisWorker.js');
    OURS_ENTRY = snap(OURS_ENTRY, 'server/server.js');
    // The CLI's worker threads load cliWorker.js from beside cli.js: without it the CLI checks every file in its main thread.
    snap(join(dirname(CLI_ENTRY), 'cliWorker.js'), 'cliWorker.js');
    CLI_ENTRY = snap(CLI_ENTRY, 'cli.js');
    // The bundles read their facts from data files beside them.
    if (existsSync(dataDir)) cpSync(dataDir, join(tmp, 'dist-snapshot', 'data'), { recursive: true });
  }
  // Our server is its entry and the engine the entry loads from beside it (a build older than the split has no engine file).
  const oursBuild = (entry) => fingerprint(...[entry, join(dirname(entry), 'languageServer.js')].filter((path) => path === entry || existsSync(path)));
  const fingerprintsAtStart = { ours: oursBuild(OURS_ENTRY), cli: fingerprint(CLI_ENTRY) };
  const defs = serverDefs(tmp);
  const servers = ['ours', 'peer'].filter((id) => want[id]);
  const describe = (id) =>
    id === 'ours'
      ? `${defs.ours.label} (${relative(ROOT, original.ours)}${opts.snapshot ? `, copy taken at start` : ''}, sha256 ${fingerprintsAtStart.ours}, ${isMinified(OURS_ENTRY) ? 'minified' : 'dev'} build)`
      : `${defs[id].label} (${relative(ROOT, defs[id].entry)})`;
  console.log(`Servers: ${servers.map(describe).join(' vs ')}`);
  console.log(`Rounds: ${opts.rounds} · sizes: ${opts.sizes.join(', ')} documents · ${opts.hovers} hovers · ${opts.completions} completions · ${opts.edits} edits per run · budget ${opts.runBudgetS} s per server run · our server's Node options: ${OURS_EXEC_ARGV.join(' ') || 'none'} · workspace ${tmp}\n`);

  try {
    // Fixtures.
    const files = opts.sizes.map((n) => {
      const g = generateManifestWithInfo(n, { seed: opts.seed });
      const path = join(tmp, `manifests-${n}.yaml`);
      writeFileSync(path, g.text);
      const lines = g.text.split('\n');
      const f = { docs: n, path, text: g.text, lines, lineCount: g.lines, bytes: g.bytes, removed: g.docs.filter((d) => d.removed).length };
      f.hovers = hoverPositions(lines, opts.hovers);
      f.completions = completionPositions(lines, opts.completions);
      f.editLines = editLines(lines, opts.edits);
      console.log(`fixture ${n} documents: ${g.lines} lines, ${(g.bytes / 1e6).toFixed(2)} MB, ${f.removed} removed apiVersions, ${f.hovers.length} hover / ${f.completions.length} completion positions, ${f.editLines.length} edit lines`);
      return f;
    });


    // Warm-up (untimed): one start/initialize/shutdown per server, so the first
    // measured spawn doesn't pay for cold disk caches.
    for (const id of servers) {
      const s = new Session(defs[id], tmp);
      try {
        await s.start(T.init);
      } catch (e) {
        console.log(`warm-up of ${id} failed: ${e.message}`);
      } finally {
        await s.stop();
      }
    }

    // Interleaved rounds: for each round and size, ours then peer, each in a fresh process.
    const runs = {};
    const bareRuns = {};
    for (let round = 1; round <= opts.rounds; round++) {
      for (const f of files) {
        // The bare floor, interleaved with the servers so it sees the same machine state.
        const b = await bareParse(f.path);
        (bareRuns[f.docs] ??= []).push(b);
        console.log(`round ${round} · ${String(f.docs).padStart(4)} docs · bare · yaml parseAllDocuments: fresh process 1st call ${fmtMs(b.coldMs)} · best of 3 warm ${fmtMs(b.warmMs)}${b.error ? ` · ERROR ${b.error}` : ''}`);
        for (const id of servers) {
          const t0 = now();
          const r = await measureRun(defs[id], tmp, f, opts);
          r.round = round;
          ((runs[f.docs] ??= {})[id] ??= []).push(r);
          const err = r.errors.length ? ` · ERROR ${r.errors[0]}` : '';
          const net = r.netAttempts.length ? ` · NETWORK ATTEMPTS ${r.netAttempts.length}` : '';
          const over = r.overBudget ? ` · OVER BUDGET (${opts.runBudgetS} s) in ${r.overBudget}` : '';
          console.log(`round ${round} · ${String(f.docs).padStart(4)} docs · ${id.padEnd(4)} · start ${fmtMs(r.startMs)} · open→diag ${fmtMs(r.openMs)} (${r.openCount ?? '?'} diags) · hover p95 ${fmtMs(percentile(r.hover, 95))} · completion p95 ${fmtMs(percentile(r.completion, 95))} · edit→diag ${fmtMs(median(r.edit))} · reopen ${fmtMs(r.reopenMs)} · RSS ${fmtMB(r.rss?.hwmKB)} · ${fmtMs(now() - t0)}${over}${net}${err}`);
        }
      }
    }

    // Start to the first diagnostics of the smallest file, interleaved.
    const firstDiagRuns = {};
    for (let round = 1; round <= opts.rounds; round++) {
      for (const id of servers) (firstDiagRuns[id] ??= []).push(await measureStartToDiagnostics(defs[id], tmp, files[0]));
    }
    const firstDiag = {};
    for (const id of servers) firstDiag[id] = median(firstDiagRuns[id].filter((v) => v !== null));
    console.log(`start → first diagnostics (${files[0].docs} docs): ${servers.map((id) => `${id} ${fmtMs(firstDiag[id])} (${firstDiagRuns[id].map(fmtMs).join(', ')})`).join(' · ')}`);

    // The floor of memory, beside the servers': a bare node with our server's options.
    const nodeRssRuns = [];
    for (let round = 1; round <= opts.rounds; round++) nodeRssRuns.push(await bareNodeRss(OURS_EXEC_ARGV));
    const nodeRss = { idle: median(nodeRssRuns.map((x) => x.idle)), modules: median(nodeRssRuns.map((x) => x.modules)), runs: nodeRssRuns };
    console.log(`bare node peak RSS (${OURS_EXEC_ARGV.join(' ') || 'no options'}): idle ${fmtMB(nodeRss.idle)} · with yaml + vscode-languageserver ${fmtMB(nodeRss.modules)}`);

    // Our server with other Node options (--semi-space-variants): how the launch options were chosen.
    let semiSpace = null;
    if (opts.semiSpaceVariants && want.ours) semiSpace = await benchSemiSpace(opts, defs, tmp, files);

    const bare = {};
    for (const f of files) {
      const bs = bareRuns[f.docs] ?? [];
      bare[f.docs] = { warm: { medianMs: median(bs.map((b) => b.warmMs)) }, cold: { medianMs: median(bs.map((b) => b.coldMs)) }, runs: bs };
    }
    const results = {};
    for (const f of files) {
      results[f.docs] = {};
      for (const id of servers) results[f.docs][id] = aggregate(runs[f.docs][id]);
    }

    // CLI.
    let cli = { skipped: 'disabled with --no-cli' };
    if (opts.cli) {
      cli = await benchCli(opts, files, tmp);
      if (cli.skipped) console.log(`\nCLI: skipped — ${cli.skipped}`);
    }

    // VSIX: the file npm run package wrote (the benchmark does not package: that rebuilds dist/ as production).
    let vsix = null;
    if (opts.vsix) {
      try {
        const st = statSync(VSIX);
        vsix = { name: relative(ROOT, VSIX) || VSIX, bytes: st.size, mtime: st.mtime.toISOString().slice(0, 16).replace('T', ' ') };
      } catch {
        vsix = { name: relative(ROOT, VSIX) || VSIX, bytes: null, reason: 'not found; run npm run package first' };
      }
    }

    machine.loadavgAtEnd = os.loadavg().map((x) => +x.toFixed(2));
    const start = {};
    for (const id of servers) start[id] = median(Object.values(runs).flatMap((byId) => (byId[id] ?? []).map((r) => r.startMs)));
    const { md, targets } = buildTable(results, bare, { start: { ours: start.ours ?? null, peer: start.peer ?? null }, firstDiag: { ours: firstDiag.ours ?? null, peer: firstDiag.peer ?? null, docs: files[0].docs }, nodeRss, cli, vsix, runBudgetS: opts.runBudgetS, oursExecArgv: OURS_EXEC_ARGV, rounds: opts.rounds });
    const scale = scaleTable(results);
    console.log(`\n## Results (median of ${opts.rounds} rounds; hover/completion percentiles pooled over all rounds)\n`);
    console.log(md);
    console.log(`\nNotes: "open"/"edit → diagnostics" = from sending didOpen/didChange to the first textDocument/publishDiagnostics for that URI received after it;`);
    console.log(`yaml-language-server waits a fixed ${PEER_VALIDATION_DELAY_MS} ms (validationDelayMs) before validating, and that delay is included, as a user sees it.`);
    console.log(`open (cold) = first document in a fresh server process; re-open (warm) = same text under a new URI after close, same process. The ≤ 1.0× bare-parse target is judged on the warm re-open, the ≤ 0.4× peer target on both, at 1,000 documents.`);
    console.log(`Bare parse: yaml parseAllDocuments + LineCounter in a fresh node process: the best of 3 calls after a first (cold) call, per round, median over rounds; the 1st call is shown for information.`);
    console.log(`Our server is started with ${OURS_EXEC_ARGV.length ? OURS_EXEC_ARGV.join(' ') : 'no Node options'} (${relative(ROOT, LAUNCH_FILE)}, as the extension starts it); the peer with none, as it is by default.`);
    console.log(`\n## Scale series (how each cost grows per 10× more documents; ×10 is linear)\n`);
    console.log(scale.md);
    console.log(scale.flags.length ? `\nGrowing faster than linearly: ${scale.flags.join('; ')}.` : '\nNo cost grows faster than linearly (k ≤ 1.2 at every step).');
    if (semiSpace) {
      console.log(`\n## Our server under other Node options (median of ${opts.rounds} rounds)\n`);
      console.log(semiSpace.md);
    }
    console.log(`\n## Sanity\n`);
    console.log(detailTable(results, files));
    if (!cli.skipped) {
      console.log(`\n## CLI (node dist/cli.js lint … --format json, wall time incl. node start, median of ${opts.rounds}; peak RSS by ${cli.tree.runs[0]?.rssBy ?? 'n/a'})\n`);
      console.log('| Input | Median | Runs | Peak RSS | Exit codes | Findings |');
      console.log('| --- | ---: | --- | ---: | --- | --- |');
      const row = (label, x) => console.log(`| ${label} | ${fmtMs(x.medianMs)} | ${x.runs.map((r) => fmtMs(r.ms)).join(', ')} | ${fmtMB(x.peakKB)} | ${x.runs.map((r) => (r.timedOut ? 'timeout' : r.code)).join(', ')} | ${x.runs[0]?.findings ?? 'n/a'} |`);
      row(`${cli.file.docs}-document file (${(cli.file.bytes / 1e6).toFixed(2)} MB)`, cli.file);
      row(`mixed tree, ${cli.tree.files} files, ${(cli.tree.bytes / 1e6).toFixed(1)} MB (threads: auto${cli.workerScript ? '' : ', BUT NO cliWorker.js: single-threaded'})`, cli.tree);
      row('same tree, --jobs 1', cli.single);
    }
    const net = Object.values(results).flatMap((r) => Object.entries(r).map(([id, a]) => [id, a.netAttempts]));
    console.log(`\nLoad average at start ${machine.loadavg.join(' ')}, at end ${machine.loadavgAtEnd.join(' ')} (${machine.cores} cores).`);
    const fingerprintsAtEnd = { ours: oursBuild(original.ours), cli: fingerprint(original.cli) };
    const rebuilt = ['ours', 'cli'].filter((k) => fingerprintsAtStart[k] !== fingerprintsAtEnd[k]).map((k) => relative(ROOT, original[k]));
    if (rebuilt.length) {
      console.log(opts.snapshot
        ? `Note: ${rebuilt.join(' and ')} changed during the run; the copy taken at the start (sha256 ${fingerprintsAtStart.ours ?? '-'}) was measured throughout.`
        : `WARNING: ${rebuilt.join(' and ')} changed during the run (--no-snapshot); results mix builds.`);
    }
    const netTotal = net.reduce((s, [, n]) => s + n, 0);
    console.log(`Network attempts blocked by the guard: ${netTotal === 0 ? 'none' : net.filter(([, n]) => n).map(([id, n]) => `${id}: ${n}`).join(', ')}`);
    const misses = targets.filter((t) => t.result === 'MISS');
    const passes = targets.filter((t) => t.result === 'PASS');
    console.log(`Targets: ${passes.length} PASS, ${misses.length} MISS, ${targets.length - passes.length - misses.length} n/a · total time ${fmtMs(now() - started)}`);

    const json = {
      generatedAt: new Date().toISOString(),
      machine,
      peerValidationDelayMs: PEER_VALIDATION_DELAY_MS,
      options: { rounds: opts.rounds, sizes: opts.sizes, hovers: opts.hovers, completions: opts.completions, edits: opts.edits, seed: opts.seed, treeFiles: opts.treeFiles, runBudgetS: opts.runBudgetS },
      servers: Object.fromEntries(servers.map((id) => [id, { label: defs[id].label, entry: relative(ROOT, id === 'ours' ? original.ours : defs[id].entry), sha256: id === 'ours' ? fingerprintsAtStart.ours : fingerprint(defs[id].entry), minified: id === 'ours' ? isMinified(OURS_ENTRY) : undefined }])),
      cliSha256: fingerprintsAtStart.cli,
      rebuiltDuringRun: rebuilt,
      fixtures: files.map((f) => ({ docs: f.docs, lines: f.lineCount, bytes: f.bytes, removedApiVersions: f.removed })),
      oursExecArgv: OURS_EXEC_ARGV,
      bare,
      nodeRss,
      results,
      start,
      firstDiagnostics: { docs: files[0].docs, median: firstDiag, runs: firstDiagRuns },
      targets,
      scaleFlags: scale.flags,
      semiSpace,
      vsix,
      cli,
      runs: Object.fromEntries(Object.entries(runs).map(([size, byId]) => [size, Object.fromEntries(Object.entries(byId).map(([id, rs]) => [id, rs.map((r) => ({ ...r, hover: r.hover.map((x) => +x.toFixed(3)), completion: r.completion.map((x) => +x.toFixed(3)) }))]))])),
      table: md,
    };
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, JSON.stringify(json, null, 2));
    console.log(`JSON: ${relative(process.cwd(), opts.out) || opts.out}`);
    if (opts.strict && misses.length) process.exitCode = 1;
  } finally {
    killAll();
    if (opts.keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench: ${e && e.stack ? e.stack : e}`);
  killAll();
  process.exit(1);
});
