/**
 * A minimal LSP client for protocol tests: starts the bundled server
 * (`node dist/server/server.js --stdio`), speaks JSON-RPC over its stdio,
 * records what the server pushes, and bounds every wait.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  InitializeResult,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

/** Repository root, from out/test/protocol (compiled). */
export const repoRoot = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'out' ? ['..'] : []));
export const serverPath = path.join(repoRoot, 'dist', 'server', 'server.js');

export const defaultTimeoutMs = 10_000;

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answers `workspace/configuration` (a promise that never settles: a client that never answers); absent = null for every item. */
  configuration?: (params: ConfigurationParams) => unknown[] | Promise<unknown[]>;
  /** Node options for the server process (`-r` a preload, for instance). */
  execArgv?: string[];
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: ShowMessageParams[] = [];
  /** `window/showMessageRequest`s the server sent (answered with null). */
  readonly messageRequests: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly stderr: string[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection, options: StartOptions) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      this.exitCode = code;
      this.notify();
      resolve(code);
    }));
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.notify();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    connection.onRequest('window/showMessageRequest', (params: ShowMessageParams) => {
      this.messageRequests.push(params);
      this.notify();
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      this.notify();
      return options.configuration ? options.configuration(params) : params.items.map(() => null);
    });
    connection.listen();
  }

  /** Starts the server and runs initialize + initialized. */
  static async start(options: StartOptions = {}): Promise<{ client: LspClient; result: InitializeResult }> {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` before the protocol tests`);
    const child = spawn(process.execPath, [...(options.execArgv ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: repoRoot });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
    const client = new LspClient(child, connection, options);
    const result = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
      clientInfo: { name: 'kep-lens-protocol-tests' },
    });
    await client.connection.sendNotification('initialized', {});
    return { client, result };
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves when `check` holds; rejects after `timeoutMs` with `what`. */
  waitUntil(check: () => boolean, what: string, timeoutMs = defaultTimeoutMs): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { check, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.stderr.length ? `\nserver stderr:\n${this.stderr.join('')}` : ''}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** A request with a bounded wait. */
  async request<R>(method: string, params: unknown, timeoutMs = defaultTimeoutMs): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`request ${method} timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest<R>(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Latest diagnostics published for `uri`. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.diagnostics.get(uri);
    return list?.[list.length - 1];
  }

  /** Waits for a publication for `uri` (after `after` earlier ones) that satisfies `accept`. */
  async diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, what = 'diagnostics', timeoutMs = defaultTimeoutMs): Promise<PublishDiagnosticsParams> {
    let found: PublishDiagnosticsParams | undefined;
    await this.waitUntil(() => {
      const latest = this.latest(uri);
      if (latest && accept(latest)) found = latest;
      return found !== undefined;
    }, `${what} for ${uri} (latest: ${JSON.stringify(this.latest(uri)?.diagnostics.map((d) => d.code))})`, timeoutMs);
    return found as PublishDiagnosticsParams;
  }

  /** Waits for the diagnostics of the document's current version. */
  current(uri: string, timeoutMs = defaultTimeoutMs): Promise<PublishDiagnosticsParams> {
    const version = this.versions.get(uri);
    return this.diagnosticsFor(uri, (p) => p.version === version, `diagnostics of version ${version}`, timeoutMs);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async shutdown(timeoutMs = defaultTimeoutMs): Promise<number | null> {
    await this.request('shutdown', null, timeoutMs);
    await this.connection.sendNotification('exit');
    return this.waitForExit(timeoutMs);
  }

  async waitForExit(timeoutMs = defaultTimeoutMs): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.exited,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`server did not exit within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  get hasExited(): boolean {
    return this.exitCode !== undefined;
  }

  /** Ends the connection and kills the child if it is still running. */
  dispose(): void {
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
    this.connection.dispose();
    if (!this.hasExited) this.child.kill('SIGKILL');
  }
}

/** Offset → LSP position. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Position of the `nth` occurrence of `needle`, plus `within`. */
export function positionOf(text: string, needle: string, nth = 0, within = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" not found`);
  }
  return positionAt(text, at + within);
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (lines[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}
