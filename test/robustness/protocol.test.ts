/**
 * Protocol abuse: the bundled server (`dist/server/server.js --stdio`,
 * built by `npm run build`) is fed requests for documents it never saw,
 * positions outside documents, out-of-order and unknown changes, a storm
 * of edits with cancellations, a 10 MB file, binary junk, and a shutdown
 * while validation is pending. It must answer every request (or refuse it
 * cleanly), stay alive, and exit with code 0 after shutdown + exit. Every
 * wait is bounded.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel } from '../../server/src/manifest/model';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { repoRoot, Rng, seedFromEnv } from './support';

const serverPath = path.join(repoRoot, 'dist', 'server', 'server.js');
const requestBoundMs = 10_000;
const seed = seedFromEnv(0x50524f54);

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  code?: string | number;
  message: string;
}
interface PublishDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** Rejects when `promise` does not settle within `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Settles a request: its result, or the ResponseError it was refused with. */
async function settle<T>(promise: Promise<T>): Promise<{ result?: T; error?: ResponseError<unknown> }> {
  try {
    return { result: await promise };
  } catch (error) {
    if (error instanceof ResponseError) return { error };
    throw error;
  }
}

class Server {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly logs: { type: number; message: string }[] = [];
  /** Logs before this index are not held against later tests. */
  logMark = 0;
  readonly diagnostics: PublishDiagnostics[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  readonly exited: Promise<number | null>;
  private readonly waiters: { test: (p: PublishDiagnostics) => boolean; resolve: (p: PublishDiagnostics) => void }[] = [];

  constructor() {
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => this.logs.push(p));
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => this.logs.push(p));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnostics) => {
      this.diagnostics.push(p);
      for (const w of [...this.waiters]) {
        if (w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    // Whatever the server asks of the client (configuration, registration), answer plainly.
    this.connection.onRequest((method: string) => (method === 'workspace/configuration' ? [{}] : null));
    this.connection.onError(() => undefined);
    this.connection.onClose(() => undefined);
    this.connection.listen();
  }

  get alive(): boolean {
    return this.exitCode === undefined && this.process.exitCode === null && !this.process.killed;
  }

  request<T>(method: string, params: unknown, token?: CancellationTokenSource): Promise<T> {
    return within(token ? this.connection.sendRequest<T>(method, params, token.token) : this.connection.sendRequest<T>(method, params), requestBoundMs, method);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** The next publishDiagnostics (already received or to come) that passes `test`. */
  waitForDiagnostics(test: (p: PublishDiagnostics) => boolean, ms = requestBoundMs, what = 'diagnostics'): Promise<PublishDiagnostics> {
    const seen = this.diagnostics.find(test);
    if (seen) return Promise.resolve(seen);
    return within(new Promise((resolve) => this.waiters.push({ test, resolve })), ms, what);
  }

  /** Log lines that mean a handler threw (the guard logs `<name> failed:`; the process hook logs `uncaught:`), from `since` on. */
  errorsLogged(since = this.logMark): string[] {
    return this.logs.slice(since).filter((l) => /\bfailed:|uncaught:/.test(l.message)).map((l) => l.message.split('\n').slice(0, 3).join(' | '));
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } }, publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings: { kubernetesVersion: '1.31' } },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Kills the process if a test left it running. */
  dispose(): void {
    this.connection.dispose();
    if (this.alive) this.process.kill('SIGKILL');
  }
}

const podText = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: inference',
  'spec:',
  '  containers:',
  '    - name: server',
  '      image: registry.example.com/server:1.0',
  '      volumeMounts:',
  '        - name: model',
  '          mountPath: /models',
  '  volumes:',
  '    - name: model',
  '      image:',
  '        reference: quay.io/example/weights:latest',
  '---',
  'apiVersion: policy/v1beta1',
  'kind: PodDisruptionBudget',
  'metadata:',
  '  name: web',
  '',
].join('\n');

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** A range a client can apply: non-negative, ordered, inside the document's lines. */
function assertRangeInside(range: Range, text: string, what: string): void {
  const lines = lineCount(text);
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.character >= 0, `${what}: negative position ${JSON.stringify(p)}`);
    assert.ok(p.line < lines, `${what}: line ${p.line} past the last line ${lines - 1}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: reversed range ${JSON.stringify(range)}`);
}

describe('protocol abuse', { timeout: 180_000 }, () => {
  let server: Server;

  before(async () => {
    assert.ok(fs.existsSync(serverPath), `${serverPath} is missing: run npm run build first`);
    console.log(`protocol abuse: FUZZ_SEED=${seed}`);
    server = new Server();
    const result = await server.initialize();
    assert.ok(result.capabilities.hoverProvider, 'the server announces hover');
  });

  after(() => {
    server?.dispose();
  });

  it('answers requests for documents it never opened with null or empty results', async () => {
    const uri = 'file:///never/opened.yaml';
    const position = { line: 0, character: 0 };
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position }), null);
    const completion = await server.request<null | { items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(completion === null || completion.items.length === 0, 'no completions for an unknown document');
    assert.deepEqual(await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll'] } }), []);
    assert.deepEqual(await server.request('textDocument/documentLink', { textDocument: { uri } }), []);
    assert.equal(await server.request('kepLens/documentInfo', { uri }), null);
    // Unknown methods are refused with MethodNotFound, not a crash.
    const unknown = await settle(server.request('kepLens/noSuchRequest', {}));
    assert.equal(unknown.error?.code, -32601);
    assert.deepEqual(server.errorsLogged(), []);
    // Malformed params (no textDocument): the handler's guard may log the TypeError, but must answer.
    const malformed = await settle(server.request('textDocument/hover', {}));
    assert.ok(malformed.error || malformed.result === null, 'malformed hover params are refused or answered with null');
    const malformedCompletion = await settle(server.request('textDocument/completion', { textDocument: { uri: 'file:///x.yaml' } }));
    assert.ok(malformedCompletion.error || malformedCompletion.result === null, 'malformed completion params are refused or answered with null');
    server.logMark = server.logs.length;
    assert.ok(server.alive);
  });

  it('clamps positions past the end and negative positions', async () => {
    const uri = 'file:///positions.yaml';
    server.open(uri, podText);
    await server.waitForDiagnostics((p) => p.uri === uri, requestBoundMs, 'diagnostics of positions.yaml');
    const positions: Position[] = [
      { line: 0, character: 1_000_000 },
      { line: 1_000_000, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -5 },
      { line: 0, character: -3 },
      { line: 7, character: -100 },
      { line: lineCount(podText), character: 0 },
      { line: 7, character: 12 },
    ];
    for (const position of positions) {
      const what = JSON.stringify(position);
      const hover = await settle(server.request<null | { range?: Range }>('textDocument/hover', { textDocument: { uri }, position }));
      assert.ok(!hover.error, `hover at ${what} answered with an error: ${hover.error?.message}`);
      if (hover.result?.range) assertRangeInside(hover.result.range, podText, `hover at ${what}`);
      const completion = await settle(server.request<null | { items: { label: string; textEdit?: { range: Range } }[] }>('textDocument/completion', { textDocument: { uri }, position }));
      assert.ok(!completion.error, `completion at ${what} answered with an error: ${completion.error?.message}`);
      for (const item of completion.result?.items ?? []) if (item.textEdit) assertRangeInside(item.textEdit.range, podText, `completion ${item.label} at ${what}`);
      const actions = await settle(server.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.kepLens'] } }));
      assert.ok(!actions.error && Array.isArray(actions.result), `codeAction at ${what}`);
    }
    assert.deepEqual(server.errorsLogged(), []);
    assert.ok(server.alive);
  });

  it('survives out-of-order versions, unknown documents and double opens', async () => {
    const uri = 'file:///versions.yaml';
    server.open(uri, podText, 5);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# older\n' }] });
    server.notify('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: podText }] });
    server.notify('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 9 } }, text: 'x' }] });
    // Ranges that run backwards or past the end.
    server.notify('textDocument/didChange', { textDocument: { uri, version: 8 }, contentChanges: [{ range: { start: { line: 3, character: 5 }, end: { line: 1, character: 0 } }, text: '' }] });
    server.notify('textDocument/didChange', { textDocument: { uri: 'file:///unknown.yaml', version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    server.notify('textDocument/didClose', { textDocument: { uri: 'file:///unknown-close.yaml' } });
    server.notify('textDocument/didSave', { textDocument: { uri: 'file:///unknown-save.yaml' } });
    server.open(uri, 'apiVersion: v1\nkind: Pod\n', 10);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 11 }, contentChanges: [] });
    server.notify('workspace/didChangeConfiguration', { settings: { kepLens: { kubernetesVersion: 'not-a-version', featureGates: { ImageVolume: 'maybe' } } } });
    server.notify('workspace/didChangeConfiguration', { settings: null });
    server.notify('$/setTrace', { value: 'verbose' });
    server.notify('$/setTrace', { value: 'off' });
    const hover = await settle(server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }));
    assert.ok(!hover.error, `hover after abuse: ${hover.error?.message}`);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///unknown.yaml' }, position: { line: 0, character: 0 } }), null);
    await server.waitForDiagnostics((p) => p.uri === uri && p.version !== undefined && p.version >= 10, requestBoundMs, 'diagnostics after the version storm');
    server.notify('workspace/didChangeConfiguration', { settings: { kepLens: { kubernetesVersion: '1.31' } } });
    assert.deepEqual(server.errorsLogged(), []);
    assert.ok(server.alive);
  });

  it('keeps up with 1,000 rapid incremental edits interleaved with cancelled requests', async () => {
    const rng = new Rng(seed);
    const uri = 'file:///storm.yaml';
    let text = podText;
    let version = 1;
    server.open(uri, text, version);
    const pending: Promise<{ cancelled: boolean; ok: boolean; detail?: string }>[] = [];
    const offsetToPosition = (offset: number): Position => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
    };
    for (let i = 0; i < 1000; i++) {
      // An incremental edit: insert, delete or replace a small span.
      const start = rng.int(text.length + 1);
      const end = Math.min(text.length, start + (rng.chance(0.5) ? 0 : rng.int(6)));
      const insert = rng.pick(['a', ' ', '\n', ': ', '- ', 'image', '\n  ', '', '\n---\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n', '#', '"', '\t', '🙂', 'é']);
      const range = { start: offsetToPosition(start), end: offsetToPosition(end) };
      text = text.slice(0, start) + insert + text.slice(end);
      version++;
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
      if (i % 3 === 0) {
        const method = rng.chance(0.5) ? 'textDocument/hover' : 'textDocument/completion';
        const position = offsetToPosition(rng.int(text.length + 1));
        const source = new CancellationTokenSource();
        const cancel = rng.chance(0.6);
        const request = settle(server.request(method, { textDocument: { uri }, position }, source)).then(({ error }) => {
          if (!error) return { cancelled: false, ok: true };
          // Cancelled requests may be refused with RequestCancelled; nothing else is acceptable.
          return { cancelled: true, ok: error.code === -32800, detail: `${method}: ${error.code} ${error.message}` };
        });
        if (cancel) {
          if (rng.chance(0.5)) source.cancel();
          else setTimeout(() => source.cancel(), rng.int(5));
        }
        pending.push(request);
      }
    }
    const outcomes = await within(Promise.all(pending), 60_000, 'requests of the edit storm');
    const bad = outcomes.filter((o) => !o.ok).map((o) => o.detail);
    assert.deepEqual(bad, [], 'every request is answered or cancelled cleanly');
    // The debounced validation settles on the last version.
    const last = await server.waitForDiagnostics((p) => p.uri === uri && p.version === version, 20_000, `diagnostics for version ${version}`);
    for (const d of last.diagnostics) assertRangeInside(d.range, text, `diagnostic ${String(d.code)} after the storm`);
    // The server applied the 1,000 incremental edits as we did: its diagnostics are those of our text.
    const local = TextDocument.create(uri, 'yaml', version, text);
    const expected = analyzeModel(buildModel(text), defaultSettings).map((f) => [f.code, local.positionAt(f.start), local.positionAt(f.end)]);
    assert.deepEqual(last.diagnostics.map((d) => [d.code, d.range.start, d.range.end]), expected, 'diagnostics after the storm match a local analysis of the same text');
    console.log(`protocol storm: ${pending.length} requests (${outcomes.filter((o) => o.cancelled).length} cancelled), final version ${version}, ${last.diagnostics.length} diagnostics`);
    assert.deepEqual(server.errorsLogged(), []);
    assert.ok(server.alive);
  });

  it('handles a 10 MB document and binary junk', async () => {
    const bigUri = 'file:///big.yaml';
    const big = `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'a'.repeat(10 * 1024 * 1024)}\n`;
    const started = Date.now();
    server.open(bigUri, big);
    const bigDiagnostics = await server.waitForDiagnostics((p) => p.uri === bigUri, 30_000, 'diagnostics of the 10 MB document');
    const hover = await settle(server.request('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 3, character: 10 } }));
    assert.ok(!hover.error, `hover in the 10 MB document: ${hover.error?.message}`);
    const completion = await settle(server.request('textDocument/completion', { textDocument: { uri: bigUri }, position: { line: 3, character: 4 } }));
    assert.ok(!completion.error, `completion in the 10 MB document: ${completion.error?.message}`);
    console.log(`protocol 10 MB: diagnostics (${bigDiagnostics.diagnostics.map((d) => String(d.code)).join(', ')}) and requests in ${Date.now() - started} ms`);
    server.notify('textDocument/didClose', { textDocument: { uri: bigUri } });

    const rng = new Rng(seed ^ 0x77);
    const junkUri = 'file:///junk.yaml';
    const junk = Buffer.from(Array.from({ length: 64 * 1024 }, () => rng.int(256))).toString('latin1');
    server.open(junkUri, junk);
    const invalidUri = 'file:///invalid-utf8.yaml';
    const invalid = new TextDecoder().decode(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80, 0x3a, 0x0a]));
    server.open(invalidUri, `${invalid}\uD800\u0000apiVersion: v1\nkind: Pod\n`);
    for (const [uri, text] of [[junkUri, junk], [invalidUri, invalid]] as const) {
      await server.waitForDiagnostics((p) => p.uri === uri, requestBoundMs, `diagnostics of ${uri}`);
      for (let i = 0; i < 10; i++) {
        const position = { line: rng.int(lineCount(text) + 2), character: rng.int(200) };
        const h = await settle(server.request('textDocument/hover', { textDocument: { uri }, position }));
        const c = await settle(server.request('textDocument/completion', { textDocument: { uri }, position }));
        const l = await settle(server.request('textDocument/documentLink', { textDocument: { uri } }));
        assert.ok(!h.error && !c.error && !l.error, `requests on ${uri} at ${JSON.stringify(position)}`);
      }
      const info = await settle(server.request<{ isKubernetes: boolean } | null>('kepLens/documentInfo', { uri }));
      assert.ok(!info.error, `documentInfo of ${uri}`);
    }
    assert.deepEqual(server.errorsLogged(), []);
    assert.ok(server.alive);
  });

  it('answers shutdown while validation is pending, stays alive, then exits with code 0', async () => {
    const uri = 'file:///pending.yaml';
    server.open(uri, podText);
    for (let v = 2; v < 12; v++) server.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `${podText}# ${v}\n` }] });
    // No wait: the debounced validation has not run yet.
    const shutdown = await settle(server.request('shutdown', undefined));
    assert.ok(!shutdown.error, `shutdown answered with an error: ${shutdown.error?.message}`);
    assert.equal(shutdown.result ?? null, null);
    // Let the pending validation timer fire after shutdown: it must not take the process down.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(server.alive, 'the server is alive after shutdown with validation pending');
    const hover = await settle(server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }));
    assert.ok(hover.error !== undefined || hover.result !== undefined, 'the server still answers (or refuses) a hover after shutdown');
    assert.ok(server.alive);
    assert.deepEqual(server.errorsLogged(), []);
    server.notify('exit', undefined);
    const code = await within(server.exited, requestBoundMs, 'exit after shutdown + exit');
    assert.equal(code, 0, `exit code after shutdown + exit (stderr: ${server.stderr.slice(0, 500)})`);
  });
});

describe('protocol lifecycle', { timeout: 60_000 }, () => {
  it('exits with code 1 on exit without shutdown, and 0 when stdin closes after shutdown', async () => {
    const a = new Server();
    try {
      await a.initialize();
      a.notify('exit', undefined);
      assert.equal(await within(a.exited, requestBoundMs, 'exit without shutdown'), 1);
    } finally {
      a.dispose();
    }
    const b = new Server();
    try {
      await b.initialize();
      await b.request('shutdown', undefined);
      b.process.stdin?.end();
      assert.equal(await within(b.exited, requestBoundMs, 'stdin closed after shutdown'), 0);
    } finally {
      b.dispose();
    }
  });

  it('survives garbage on the wire before initialize', async () => {
    const c = new Server();
    try {
      // A well-framed message whose body is not JSON, then a normal session.
      const body = Buffer.from('{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {', 'utf8');
      c.process.stdin?.write(`Content-Length: ${body.length}\r\n\r\n`);
      c.process.stdin?.write(body);
      const hover = await settle(c.request('textDocument/hover', { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } }));
      assert.ok(hover.error !== undefined || hover.result !== undefined, 'a request before initialize is answered or refused');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(c.alive, `the server is alive after a malformed message (stderr: ${c.stderr.slice(0, 300)})`);
    } finally {
      c.dispose();
    }
  });
});
