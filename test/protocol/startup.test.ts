/**
 * Start-up over stdio: the server answers `initialize` before its engine
 * loads. Whatever the client sends first, and however its bytes are split,
 * every message is answered as before and none is lost in the handover.
 */
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { StreamMessageReader, type Message } from 'vscode-jsonrpc/node';
import { repoRoot, serverPath } from './lspClient';
import { initializeResult } from '../../server/src/lsp/capabilities';
import { frameMessage } from '../../server/src/lsp/framing';

const testTimeout = { timeout: 30_000 };
const removedPdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n';

const initialize = (id: number | string) => ({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { settings: { kubernetesVersion: '1.31' } } } });
const initialized = { jsonrpc: '2.0', method: 'initialized', params: {} };
const didOpen = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///pdb.yaml', languageId: 'yaml', version: 1, text: removedPdb } } };

interface RawServer {
  child: ChildProcessWithoutNullStreams;
  messages: Message[];
  stderr: string[];
  waitFor(what: string, accept: (m: Message) => boolean): Promise<Message>;
}

const started: RawServer[] = [];

function startRaw(): RawServer {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: repoRoot });
  const messages: Message[] = [];
  const stderr: string[] = [];
  const listeners = new Set<() => void>();
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  new StreamMessageReader(child.stdout).listen((message) => {
    messages.push(message);
    for (const listener of [...listeners]) listener();
  });
  const server: RawServer = {
    child,
    messages,
    stderr,
    waitFor: (what, accept) => new Promise((resolve, reject) => {
      const check = (): void => {
        const found = messages.find(accept);
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages).slice(0, 2000)}; stderr ${stderr.join('')}`));
      }, 10_000);
      listeners.add(check);
      check();
    }),
  };
  started.push(server);
  return server;
}

const replyTo = (id: number | string) => (m: Message): boolean => (m as { id?: unknown }).id === id && !('method' in m);
const diagnosticsWith = (code: string) => (m: Message): boolean => {
  const n = m as { method?: string; params?: { diagnostics?: { code?: unknown }[] } };
  return n.method === 'textDocument/publishDiagnostics' && (n.params?.diagnostics ?? []).some((d) => d.code === code);
};

describe('protocol: start-up over stdio', () => {
  afterEach(() => {
    for (const server of started.splice(0)) server.child.kill('SIGKILL');
  });

  test('initialize, initialized and didOpen in one write: one reply, the capabilities, then diagnostics', testTimeout, async () => {
    const server = startRaw();
    server.child.stdin.write(Buffer.concat([frameMessage(initialize(1)), frameMessage(initialized), frameMessage(didOpen)]));
    const reply = await server.waitFor('the initialize reply', replyTo(1));
    assert.deepEqual((reply as { result?: unknown }).result, initializeResult());
    await server.waitFor('removed-api diagnostics', diagnosticsWith('removed-api'));
    assert.equal(server.messages.filter((m) => 'id' in m && !('method' in m)).length, 1, 'exactly one reply');
    assert.deepEqual(server.stderr, []);
  });

  test('an initialize that arrives a few bytes at a time is answered', testTimeout, async () => {
    const server = startRaw();
    const bytes = frameMessage(initialize('first'));
    for (let at = 0; at < bytes.length; at += 13) {
      server.child.stdin.write(bytes.subarray(at, at + 13));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const reply = await server.waitFor('the initialize reply', replyTo('first'));
    assert.deepEqual((reply as { result?: unknown }).result, initializeResult());
    server.child.stdin.write(Buffer.concat([frameMessage(initialized), frameMessage(didOpen)]));
    await server.waitFor('removed-api diagnostics', diagnosticsWith('removed-api'));
  });

  test('a notification before initialize: the library answers initialize, with the same capabilities', testTimeout, async () => {
    const server = startRaw();
    server.child.stdin.write(frameMessage({ jsonrpc: '2.0', method: '$/setTrace', params: { value: 'off' } }));
    server.child.stdin.write(Buffer.concat([frameMessage(initialize(7)), frameMessage(initialized), frameMessage(didOpen)]));
    const reply = await server.waitFor('the initialize reply', replyTo(7));
    assert.deepEqual((reply as { result?: unknown }).result, initializeResult());
    await server.waitFor('removed-api diagnostics', diagnosticsWith('removed-api'));
  });

  test('junk before initialize is reported once, and the session goes on', testTimeout, async () => {
    const server = startRaw();
    server.child.stdin.write(Buffer.concat([Buffer.from('hello\r\n\r\n'), frameMessage(initialize(3)), frameMessage(initialized), frameMessage(didOpen)]));
    const reply = await server.waitFor('the initialize reply', replyTo(3));
    assert.deepEqual((reply as { result?: unknown }).result, initializeResult());
    await server.waitFor('removed-api diagnostics', diagnosticsWith('removed-api'));
    const logs = server.messages.filter((m) => (m as { method?: string }).method === 'window/logMessage').map((m) => JSON.stringify(m));
    assert.equal(logs.filter((l) => l.includes('Malformed message')).length, 1, logs.join('\n'));
  });

  test('stdin closed before a whole message: the server exits', testTimeout, async () => {
    const server = startRaw();
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.stdin.end('Content-Length: 40\r\n\r\n{"jsonrpc"');
    assert.equal(await exited, 1);
  });
});
