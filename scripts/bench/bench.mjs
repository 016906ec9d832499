#!/usr/bin/env node
// Side-by-side benchmark: KEP Lens language server vs yaml-language-server,
// both driven over stdio LSP by this script, in the same run, interleaved.
// See docs/benchmark.md for the method. Usage:
//
//   npm run bench                       # build, then run everything
//   node scripts/bench/bench.mjs [--rounds 3] [--sizes 10,100,1000]
//        [--hovers 200] [--completions 50] [--edits 5] [--peer-only | --ours-only]
//        [--no-cli] [--tree-files 2000] [--out test-results/bench.json] [--keep] [--strict]
//        [--ours dist/server/server.js] [--cli dist/cli.js] [--seed 1] [--max-minutes 45]
//
// Plain ESM; uses vscode-jsonrpc (and yaml, in a child process) from node_modules.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';
import { generateManifestWithInfo, writeTree } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const NET_GUARD = join(HERE, 'net-guard.cjs');
const SCHEMA = join(HERE, 'removed-apis.schema.json');
let OURS_ENTRY = join(ROOT, 'dist/server/server.js');
let CLI_ENTRY = join(ROOT, 'dist/cli.js');
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
    sizes: [10, 100, 1000],
    hovers: 200,
    completions: 50,
    edits: 5,
    peerOnly: false,
    oursOnly: false,
    cli: true,
    treeFiles: 2000,
    out: join(ROOT, 'test-results/bench.json'),
    keep: false,
    snapshot: true,
    strict: false,
    maxMinutes: 45,
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
      case '--ours': OURS_ENTRY = resolve(v()); break;
      case '--cli': CLI_ENTRY = resolve(v()); break;
      case '-h':
      case '--help':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
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

/** sha256 (first 12 hex) of a file, to notice a rebuild during the run. */
function fingerprint(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
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
      settings: { kepLens: kepLensSettings },
      sections: { kepLens: kepLensSettings },
    },
    peer: {
      id: 'peer',
      label: `yaml-language-server ${peerVersion()}`,
      entry: PEER_ENTRY,
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
    this.child = spawn(process.execPath, ['--require', NET_GUARD, this.def.entry, '--stdio'], {
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
    const first = await s.waitDiagnostics(uri, tOpen, T.openDiag);
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
      await s.diagQuiet(uri, 300, 5000);
      version++;
      const character = lines[ln].length;
      lines[ln] += 'x';
      const change = s.syncKind === 2
        ? { range: { start: { line: ln, character }, end: { line: ln, character } }, text: 'x' }
        : { text: lines.join('\n') };
      const tEdit = now();
      s.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const ev = await s.waitDiagnostics(uri, tEdit, T.editDiag);
      r.edit.push(ev.t - tEdit);
      r.editCounts.push(ev.count);
    }
    r.incremental = s.syncKind === 2;

    // Warm re-open: close, then open the same text under a new URI.
    await s.diagQuiet(uri, 300, 5000);
    s.notify('textDocument/didClose', { textDocument: { uri } });
    const uri2 = pathToFileURL(file.path.replace(/\.yaml$/, '-reopen.yaml')).href;
    await sleep(50);
    const tRe = now();
    s.notify('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'yaml', version: 1, text: file.text } });
    const re = await s.waitDiagnostics(uri2, tRe, T.openDiag);
    r.reopenMs = re.t - tRe;
    await s.diagQuiet(uri2, 300, 5000);

    r.rss = s.peakRss();
  } catch (e) {
    r.errors.push(String(e && e.message ? e.message : e));
    if (!r.rss && s.pid && !s.exited) r.rss = s.peakRss();
  } finally {
    r.netAttempts = s.netAttempts.slice();
    r.configRequests = s.configRequests;
    r.serverInfo = s.serverInfo;
    if (s.stderrTail && r.errors.length) r.stderrTail = s.stderrTail.slice(-1500);
    await s.stop();
  }
  return r;
}

// ------------------------------------------------------------ bare floor

/**
 * The floor: yaml's parseAllDocuments with a LineCounter on the same file, in
 * a fresh node process (away from the benchmark's own heap): the first call
 * (cold JIT, what a freshly started server pays) and then, after `warmup`
 * untimed calls, `runs` timed calls (steady state).
 */
async function bareParse(path, { runs = 5, warmup = 2 } = {}) {
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
    for (let i = 0; i < ${warmup}; i++) time();
    const warm = [];
    for (let i = 0; i < ${runs}; i++) warm.push(time());
    process.stdout.write(JSON.stringify({ cold, warm }));`;
  const r = await runTimed(process.execPath, ['-e', script, path], { timeoutMs: 120_000 });
  try {
    const j = JSON.parse(r.stdout);
    return { coldMs: j.cold, warmMs: median(j.warm), warmRuns: j.warm };
  } catch {
    return { coldMs: null, warmMs: null, warmRuns: [], error: (r.stderr || `exit ${r.code}`).slice(-300) };
  }
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

async function benchCli(opts, files, tmp) {
  if (!existsSync(CLI_ENTRY)) {
    return { skipped: `${relative(ROOT, CLI_ENTRY)} not found; run npm run build` };
  }
  const big = files.reduce((a, b) => (b.docs > a.docs ? b : a));
  const treeDir = join(tmp, 'tree');
  const t0 = now();
  const n = writeTree(treeDir, opts.treeFiles, { seed: opts.seed + 6 });
  const genMs = now() - t0;
  const res = { file: { docs: big.docs, runs: [] }, tree: { files: n, runs: [] }, treeGenerateMs: genMs };
  const summarize = (r) => {
    let findings = null;
    try {
      const j = JSON.parse(r.stdout);
      findings = countFindings(j);
    } catch {
      findings = 'unparsable JSON';
    }
    return { ms: r.ms, code: r.code, signal: r.signal, timedOut: r.timedOut, stdoutBytes: r.stdoutBytes, findings, stderr: r.code !== 0 && r.code !== 1 ? r.stderr.slice(-800) : undefined };
  };
  for (let i = 0; i < opts.rounds; i++) {
    res.file.runs.push(summarize(await runTimed(process.execPath, ['--require', NET_GUARD, CLI_ENTRY, 'lint', big.path, '--format', 'json'], { timeoutMs: 300_000 })));
    res.tree.runs.push(summarize(await runTimed(process.execPath, ['--require', NET_GUARD, CLI_ENTRY, 'lint', treeDir, '--format', 'json'], { timeoutMs: 600_000 })));
  }
  res.file.medianMs = median(res.file.runs.filter((r) => !r.timedOut).map((r) => r.ms));
  res.tree.medianMs = median(res.tree.runs.filter((r) => !r.timedOut).map((r) => r.ms));
  return res;
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
  };
}

function check(value, limit) {
  if (value === null || value === undefined || limit === null || limit === undefined) return 'n/a';
  return value <= limit ? 'PASS' : 'MISS';
}

function buildTable(results, bare) {
  const rows = [];
  const head = ['Metric', 'Docs', 'Ours', 'Peer', 'Ours/Peer', 'Target', 'Result'];
  const targets = [];
  for (const size of Object.keys(results).map(Number).sort((a, b) => a - b)) {
    const o = results[size].ours;
    const p = results[size].peer;
    const b = bare[size];
    const add = (metric, ov, pv, fmt, target, limit, value = ov) => {
      const res = target === '—' ? '—' : check(value, limit);
      rows.push([metric, String(size), fmt(ov), fmt(pv), fmtRatio(ov, pv), target, res]);
      if (target !== '—') targets.push({ metric, docs: size, value, limit, result: res });
    };
    const half = (v) => (v === null || v === undefined ? null : v * 0.5);
    add('start → initialize', o?.startMs, p?.startMs, fmtMs, '≤ 0.5× peer', half(p?.startMs));
    add('open → diagnostics', o?.openMs, p?.openMs, fmtMs, '≤ 0.5× peer', half(p?.openMs));
    add('open → diagnostics', o?.openMs, p?.openMs, fmtMs, `≤ 1.3× bare parse (${fmtMs(b.warm.medianMs)})`, b.warm.medianMs * 1.3);
    add('re-open → diagnostics (warm)', o?.reopenMs, p?.reopenMs, fmtMs, `≤ 1.3× bare parse (${fmtMs(b.warm.medianMs)})`, b.warm.medianMs * 1.3);
    add('edit → diagnostics', o?.editMs, p?.editMs, fmtMs, '≤ 0.2× peer', p?.editMs === null || p?.editMs === undefined ? null : p.editMs * 0.2);
    add('hover p50', o?.hoverP50, p?.hoverP50, fmtMs, '—', null);
    add('hover p95', o?.hoverP95, p?.hoverP95, fmtMs, '≤ 2 ms', 2);
    add('completion p50', o?.completionP50, p?.completionP50, fmtMs, '—', null);
    add('completion p95', o?.completionP95, p?.completionP95, fmtMs, '≤ 10 ms', 10);
    add('peak RSS (VmHWM)', o?.peakRssKB, p?.peakRssKB, fmtMB, '≤ 0.5× peer', half(p?.peakRssKB));
    rows.push(['bare `yaml` parse (warm)', String(size), fmtMs(b.warm.medianMs), '', '', 'floor', '—']);
    rows.push(['bare `yaml` parse (1st call in fresh process)', String(size), fmtMs(b.cold.medianMs), '', '', 'floor', '—']);
  }
  const md = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i >= 1 && i <= 4 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { md, targets };
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
    OURS_ENTRY = snap(OURS_ENTRY, 'server/server.js');
    CLI_ENTRY = snap(CLI_ENTRY, 'cli.js');
    // The bundles read their facts from data files beside them.
    if (existsSync(dataDir)) cpSync(dataDir, join(tmp, 'dist-snapshot', 'data'), { recursive: true });
  }
  const fingerprintsAtStart = { ours: fingerprint(OURS_ENTRY), cli: fingerprint(CLI_ENTRY) };
  const defs = serverDefs(tmp);
  const servers = ['ours', 'peer'].filter((id) => want[id]);
  const describe = (id) =>
    id === 'ours'
      ? `${defs.ours.label} (${relative(ROOT, original.ours)}${opts.snapshot ? `, copy taken at start` : ''}, sha256 ${fingerprintsAtStart.ours}, ${isMinified(OURS_ENTRY) ? 'minified' : 'dev'} build)`
      : `${defs[id].label} (${relative(ROOT, defs[id].entry)})`;
  console.log(`Servers: ${servers.map(describe).join(' vs ')}`);
  console.log(`Rounds: ${opts.rounds} · sizes: ${opts.sizes.join(', ')} documents · ${opts.hovers} hovers · ${opts.completions} completions · ${opts.edits} edits per run · workspace ${tmp}\n`);

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
        console.log(`round ${round} · ${String(f.docs).padStart(4)} docs · bare · yaml parseAllDocuments: fresh process 1st call ${fmtMs(b.coldMs)} · warm median ${fmtMs(b.warmMs)}${b.error ? ` · ERROR ${b.error}` : ''}`);
        for (const id of servers) {
          const t0 = now();
          const r = await measureRun(defs[id], tmp, f, opts);
          r.round = round;
          ((runs[f.docs] ??= {})[id] ??= []).push(r);
          const err = r.errors.length ? ` · ERROR ${r.errors[0]}` : '';
          const net = r.netAttempts.length ? ` · NETWORK ATTEMPTS ${r.netAttempts.length}` : '';
          console.log(`round ${round} · ${String(f.docs).padStart(4)} docs · ${id.padEnd(4)} · start ${fmtMs(r.startMs)} · open→diag ${fmtMs(r.openMs)} (${r.openCount ?? '?'} diags) · hover p95 ${fmtMs(percentile(r.hover, 95))} · completion p95 ${fmtMs(percentile(r.completion, 95))} · edit→diag ${fmtMs(median(r.edit))} · reopen ${fmtMs(r.reopenMs)} · RSS ${fmtMB(r.rss?.hwmKB)} · ${fmtMs(now() - t0)}${net}${err}`);
        }
      }
    }

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

    machine.loadavgAtEnd = os.loadavg().map((x) => +x.toFixed(2));
    const { md, targets } = buildTable(results, bare);
    console.log(`\n## Results (median of ${opts.rounds} rounds; hover/completion percentiles pooled over all rounds)\n`);
    console.log(md);
    console.log(`\nNotes: "open"/"edit → diagnostics" = from sending didOpen/didChange to the first textDocument/publishDiagnostics for that URI received after it;`);
    console.log(`yaml-language-server waits a fixed ${PEER_VALIDATION_DELAY_MS} ms (validationDelayMs) before validating, and that delay is included, as a user sees it.`);
    console.log(`open = first document in a fresh server process (cold); re-open = same text under a new URI after close, same process (warm). Bare parse: yaml parseAllDocuments + LineCounter in a fresh node process: warm = median of 5 calls after 2 untimed; 1st call = cold JIT.`);
    console.log(`\n## Sanity\n`);
    console.log(detailTable(results, files));
    if (!cli.skipped) {
      console.log(`\n## CLI (node dist/cli.js lint … --format json, wall time incl. node start, median of ${opts.rounds})\n`);
      console.log('| Input | Median | Runs | Exit codes | Findings |');
      console.log('| --- | ---: | --- | --- | --- |');
      const big = files.reduce((a, b) => (b.docs > a.docs ? b : a));
      console.log(`| ${big.docs}-document file (${big.lineCount} lines) | ${fmtMs(cli.file.medianMs)} | ${cli.file.runs.map((r) => fmtMs(r.ms)).join(', ')} | ${cli.file.runs.map((r) => (r.timedOut ? 'timeout' : r.code)).join(', ')} | ${cli.file.runs[0]?.findings ?? 'n/a'} |`);
      console.log(`| tree of ${cli.tree.files} small files | ${fmtMs(cli.tree.medianMs)} | ${cli.tree.runs.map((r) => fmtMs(r.ms)).join(', ')} | ${cli.tree.runs.map((r) => (r.timedOut ? 'timeout' : r.code)).join(', ')} | ${cli.tree.runs[0]?.findings ?? 'n/a'} |`);
    }
    const net = Object.values(results).flatMap((r) => Object.entries(r).map(([id, a]) => [id, a.netAttempts]));
    console.log(`\nLoad average at start ${machine.loadavg.join(' ')}, at end ${machine.loadavgAtEnd.join(' ')} (${machine.cores} cores).`);
    const fingerprintsAtEnd = { ours: fingerprint(original.ours), cli: fingerprint(original.cli) };
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
      options: { rounds: opts.rounds, sizes: opts.sizes, hovers: opts.hovers, completions: opts.completions, edits: opts.edits, seed: opts.seed },
      servers: Object.fromEntries(servers.map((id) => [id, { label: defs[id].label, entry: relative(ROOT, id === 'ours' ? original.ours : defs[id].entry), sha256: id === 'ours' ? fingerprintsAtStart.ours : fingerprint(defs[id].entry), minified: id === 'ours' ? isMinified(OURS_ENTRY) : undefined }])),
      cliSha256: fingerprintsAtStart.cli,
      rebuiltDuringRun: rebuilt,
      fixtures: files.map((f) => ({ docs: f.docs, lines: f.lineCount, bytes: f.bytes, removedApiVersions: f.removed })),
      bare,
      results,
      targets,
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
