/**
 * The language server at its limits, over stdio: a client that never
 * answers `workspace/configuration`, frames with a wrong Content-Length,
 * a file whose findings would not fit in one message, one `didChange` of
 * 40,000 cursors, and files the budgets cut short, with the server's peak
 * memory. Everything the server is sent is generated here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { budgets } from '../../server/src/engine/budgets';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { buildModel } from '../../server/src/manifest/model';
import { updateDocument } from '../../server/src/lsp/documentUpdate';
import { positionsOf } from '../../server/src/features/diagnostics';
import { FrameParser } from '../../server/src/lsp/framing';
import { LspClient } from '../protocol/lspClient';
import { memoryBound, mb, peakMemoryPreload, peakRss } from './memory';
import { Rng, seedFromEnv } from './support';

const seed = seedFromEnv(0x4c494d54);
const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n';
const flowSchema = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\n';

function frame(body: unknown, lengthDelta = 0): Buffer {
  const bytes = Buffer.from(JSON.stringify(body));
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length + lengthDelta}\r\n\r\n`), bytes]);
}

describe('server: a client that never answers workspace/configuration', { timeout: 60_000 }, () => {
  it('falls back to the initialization settings, and a cancelled request is released at once', async () => {
    const { client } = await LspClient.start({
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { settings: { kubernetesVersion: '1.32' } },
      configuration: () => new Promise<unknown[]>(() => undefined),
    });
    try {
      const uri = 'file:///never-answered.yaml';
      const second = 'file:///second.yaml';
      await client.open(uri, flowSchema);
      // While the settings are awaited: a hover, cancelled; its answer must come before the fallback does.
      const events: string[] = [];
      const source = new CancellationTokenSource();
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }, source.token)
        .then(() => events.push('hover answered'), (error: { code?: number }) => events.push(`hover refused ${error.code}`));
      setTimeout(() => source.cancel(), 50);
      // A second document opened half a second later waits for its own settings, half a second longer.
      setTimeout(() => void client.open(second, flowSchema), 500);
      const published = await client.diagnosticsFor(uri, () => true, 'diagnostics without an answer to workspace/configuration', 15_000);
      events.push('published');
      assert.deepEqual(events, ['hover refused -32800', 'published']);
      // The initialization settings are the ones used: at 1.32 this apiVersion is removed (at the default 1.31, only deprecated).
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['removed-api']);
      assert.ok(client.logs.some((l) => l.includes('did not answer workspace/configuration')), client.logs.join('\n'));
      // The first document does not wait again: its hover is answered while the second still waits.
      const order: string[] = [];
      const hover = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } }).then(() => order.push('hover'));
      await client.diagnosticsFor(second, () => true, 'diagnostics of the second document', 15_000);
      order.push('second published');
      await hover;
      assert.deepEqual(order, ['hover', 'second published']);
    } finally {
      client.dispose();
    }
  });
});

describe('server: framing', { timeout: 60_000 }, () => {
  it('a Content-Length too long or too short costs that message, not the connection', async () => {
    const { client } = await LspClient.start();
    try {
      const uri = 'file:///framing.yaml';
      await client.open(uri, pdb);
      await client.current(uri);
      const stdin = client.child.stdin as NodeJS.WritableStream;
      const hover = { jsonrpc: '2.0', id: 9001, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 2 } } };
      for (const delta of [+40, -5]) {
        stdin.write(frame(hover, delta));
        const answer = await client.request<{ contents?: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } });
        assert.ok(answer?.contents, `a hover after a frame ${delta > 0 ? 'too long' : 'too short'} is answered`);
      }
      assert.ok(client.logs.some((l) => l.includes('Malformed message from the client')), client.logs.join('\n'));
      assert.ok(!client.hasExited);
    } finally {
      client.dispose();
    }
  });

  it('frames split anywhere come through whole; after garbage or a wrong length, the next frame does', () => {
    const rng = new Rng(seed);
    for (let round = 0; round < 200; round++) {
      const bodies = Array.from({ length: rng.range(1, 6) }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'm', params: { text: rng.chance(0.3) ? 'Content-Length: 12\\r\\n' : 'é🙂'.repeat(rng.int(50)) } }));
      const corrupt = rng.chance(0.5) ? rng.int(bodies.length) : -1;
      // Junk before a frame loses the junk; a wrong length loses (at most) that frame.
      const junk = rng.chance(0.5);
      const parts = bodies.map((b, i) => (i !== corrupt ? frame(b) : junk ? Buffer.concat([Buffer.from('junk\r\n\r\n'), frame(b)]) : frame(b, rng.pick([-3, 7, 100]))));
      const bytes = Buffer.concat(parts);
      const parser = new FrameParser(() => undefined);
      const out: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = rng.range(1, 200);
        for (const pieces of parser.feed(bytes.subarray(at, at + size))) out.push(Buffer.concat(pieces));
        at += size;
      }
      const received = out.map((f) => f.subarray(f.indexOf('\r\n\r\n') + 4).toString('utf8'));
      // Every frame after a broken one arrives intact; a broken one is dropped or passed on as it is.
      const expected = bodies.map((b) => JSON.stringify(b));
      const intact = expected.filter((_, i) => i !== corrupt || junk);
      assert.deepEqual(received.filter((r) => expected.includes(r)), intact, `round ${round} (FUZZ_SEED=${seed})`);
    }
  });
});

describe('server: findings past the publish and findings budgets', { timeout: 60_000 }, () => {
  it('127,000 findings in a 254 KB file: one message of the first 10,000 and a too-large diagnostic', async () => {
    const { client } = await LspClient.start();
    try {
      const uri = 'file:///flood.yaml';
      await client.open(uri, `# kep-lens-disable ${'x '.repeat(127_000)}\napiVersion: v1\nkind: Pod\n`);
      const published = await client.current(uri, 30_000);
      assert.equal(published.diagnostics.length, budgets.findingsPerFile + 1);
      assert.equal(published.diagnostics[published.diagnostics.length - 1]?.code, 'too-large');
      assert.ok(Buffer.byteLength(JSON.stringify(published)) <= budgets.publishBytes + 1024);
      assert.deepEqual(client.logs.filter((l) => /failed/.test(l)), []);
    } finally {
      client.dispose();
    }
  });
});

describe('server: one didChange of many cursors', { timeout: 60_000 }, () => {
  /** Changes applied one by one, as the protocol defines them. */
  function sequential(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
    const document = TextDocument.create('file:///x', 'yaml', 1, text);
    for (const change of changes) TextDocument.update(document, [change], 2);
    return document.getText();
  }

  it('positions of findings, found in one pass, are the document\'s own', () => {
    const rng = new Rng(seed ^ 0x1111);
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: rng.int(30) }, () => rng.pick(['a', '\n', '\r', '\r\n', '🙂', ' '])).join('');
      const document = TextDocument.create('file:///p', 'yaml', 1, text);
      const offsets = Array.from({ length: 8 }, () => rng.int(text.length + 3) - 1);
      const positionAt = positionsOf(text, offsets);
      for (const offset of offsets) assert.deepEqual(positionAt(offset), document.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
    }
  });

  it('applies descending, ascending, overlapping and full-text changes exactly as one by one', () => {
    const rng = new Rng(seed ^ 0x5a5a);
    for (let round = 0; round < 300; round++) {
      let text = Array.from({ length: rng.range(1, 30) }, () => rng.pick(['apiVersion: v1', 'kind: Pod', '  a: 🙂', '\r', '- x', ''])).join(rng.chance(0.2) ? '\r\n' : '\n');
      const changes: TextDocumentContentChangeEvent[] = [];
      let scratch = TextDocument.create('file:///x', 'yaml', 1, text);
      const descending = rng.chance(0.5);
      let cursor = descending ? text.length : 0;
      for (let i = 0; i < rng.range(1, 20); i++) {
        if (rng.chance(0.03)) {
          changes.push({ text: rng.pick(['', 'kind: Pod\n', text]) });
        } else {
          const start = descending && rng.chance(0.9) ? rng.int(cursor + 1) : rng.int(scratch.getText().length + 2);
          const end = Math.min(scratch.getText().length + 3, start + rng.int(4));
          const range = { start: scratch.positionAt(start), end: scratch.positionAt(end) };
          if (rng.chance(0.05)) range.end = { line: range.end.line, character: range.end.character + 50 };
          changes.push({ range, text: rng.pick(['', '#', 'x', '\n', '🙂', ': ']) });
          cursor = start;
        }
        scratch = TextDocument.create('file:///x', 'yaml', 1, sequential(scratch.getText(), [changes[changes.length - 1] as TextDocumentContentChangeEvent]));
      }
      const expected = sequential(text, changes);
      assert.equal(updateDocument(TextDocument.create('file:///x', 'yaml', 1, text), changes, 2).getText(), expected, `round ${round} (FUZZ_SEED=${seed})`);
      text = expected;
    }
  });

  it('40,000 cursors in one didChange give what the editor has', async () => {
    const { client } = await LspClient.start();
    try {
      const uri = 'file:///cursors.yaml';
      const lines = 40_000;
      // 40,000 keys: past the node budget, until every one of them is commented out.
      const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n${'  k: v\n'.repeat(lines)}`;
      await client.open(uri, text);
      assert.deepEqual((await client.current(uri)).diagnostics.map((d) => d.code), ['too-large']);
      // A cursor at the start of every key, the last line first as editors send them; then two at the top.
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let line = lines + 2; line >= 3; line--) changes.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' });
      changes.push({ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 14 } }, text: 'policy/v1beta1' }, { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } }, text: 'PodDisruptionBudget' });
      const version = await client.change(uri, changes);
      const published = await client.diagnosticsFor(uri, (p) => p.version === version, 'diagnostics after 40,000 cursors', 30_000);
      // What the editor has (applying 40,000 changes one by one here would take as long as the server once did).
      const local = `apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\ndata:\n${'#  k: v\n'.repeat(lines)}`;
      const expected = analyzeModel(buildModel(local), defaultSettings).map((f) => f.code);
      assert.deepEqual(expected, ['removed-api']);
      assert.deepEqual(published.diagnostics.map((d) => d.code), expected);
    } finally {
      client.dispose();
    }
  });
});

describe('server: memory stays within ten times the file plus 100 MB', { timeout: 120_000 }, () => {
  const cases: { name: string; text: () => string }[] = [
    { name: 'three million --- lines (12 MB)', text: () => '---\n'.repeat(3_000_000) },
    { name: '50 MB of small documents', text: () => `${pdb}---\n`.repeat(Math.ceil((50 * 1024 * 1024) / (pdb.length + 4))) },
  ];
  for (const input of cases) {
    it(input.name, async () => {
      const { client } = await LspClient.start({ execArgv: ['-r', peakMemoryPreload] });
      const text = input.text();
      try {
        const uri = 'file:///big.yaml';
        await client.open(uri, text);
        const published = await client.current(uri, 60_000);
        assert.ok(published.diagnostics.some((d) => d.code === 'too-large'), 'a too-large diagnostic says where checking stopped');
        assert.equal(await client.shutdown(30_000), 0);
      } finally {
        client.dispose();
      }
      const peak = peakRss(client.stderr.join(''));
      assert.ok(peak !== undefined, `no peak memory reported: ${client.stderr.join('').slice(0, 300)}`);
      console.log(`server memory: ${input.name}: peak ${mb(peak)} (bound ${mb(memoryBound(text.length))})`);
      assert.ok(peak <= memoryBound(text.length), `peak ${mb(peak)} over ${mb(memoryBound(text.length))}`);
    });
  }
});
