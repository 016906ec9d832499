/**
 * The start-up path that answers `initialize` before the engine loads:
 * every byte the client sent reaches the library, in order; the library's
 * own reply to the replayed request, and only that, is kept from the client.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { answerFirstFrame, firstMessageLimit, readFirstFrame, replayedInitializeId, withoutReplayedReply } from '../../server/src/lsp/earlyInitialize';
import { initializeResult } from '../../server/src/lsp/capabilities';
import { frameMessage } from '../../server/src/lsp/framing';

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { settings: { kubernetesVersion: '1.33' } } } };
const initialized = { jsonrpc: '2.0', method: 'initialized', params: {} };

/** The JSON bodies of a byte stream of frames. */
function bodies(bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  let rest = bytes;
  while (rest.length > 0) {
    const headerEnd = rest.indexOf('\r\n\r\n');
    const length = Number(/Content-Length: (\d+)/.exec(rest.subarray(0, headerEnd).toString('latin1'))?.[1]);
    out.push(JSON.parse(rest.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    rest = rest.subarray(headerEnd + 4 + length);
  }
  return out;
}

/** Feeds `chunks` to `readFirstFrame` and returns what it handed over. */
function readFrom(chunks: (Buffer | 'end' | 'error')[]): Promise<{ received: Buffer; firstFrame: Buffer | undefined; ended: boolean; left: Buffer }> {
  const input = new PassThrough();
  return new Promise((resolve) => {
    readFirstFrame(input, (received, firstFrame, ended) => {
      // What the reader left in the stream (it paused it) is still there for whoever reads next.
      const left: Buffer[] = [];
      input.on('data', (chunk: Buffer) => left.push(chunk));
      // The reader paused it; a new reader resumes it, as a pipe does.
      input.resume();
      setImmediate(() => resolve({ received, firstFrame, ended, left: Buffer.concat(left) }));
    });
    for (const chunk of chunks) {
      if (chunk === 'end') input.end();
      else if (chunk === 'error') input.emit('error', new Error('EIO'));
      else input.write(chunk);
    }
  });
}

describe('early initialize: the first frame', () => {
  test('an initialize request is answered with the capabilities and replayed under the reserved id', () => {
    const answer = answerFirstFrame(frameMessage(initialize), initializeResult());
    assert.ok(answer);
    assert.deepEqual(bodies(answer.reply), [{ jsonrpc: '2.0', id: 1, result: initializeResult() }]);
    assert.deepEqual(bodies(answer.replay), [{ ...initialize, id: replayedInitializeId }]);
  });

  test('a string id is answered with that id', () => {
    const answer = answerFirstFrame(frameMessage({ ...initialize, id: 'abc' }), {});
    assert.deepEqual(bodies(answer?.reply ?? Buffer.alloc(0)), [{ jsonrpc: '2.0', id: 'abc', result: {} }]);
  });

  test('anything else first is left to the library', () => {
    for (const first of [initialized, { ...initialize, method: 'shutdown' }, { ...initialize, id: undefined }, { ...initialize, id: null }, { ...initialize, jsonrpc: '1.0' }, { ...initialize, id: replayedInitializeId }, [initialize], 42]) {
      assert.equal(answerFirstFrame(frameMessage(first), {}), undefined, JSON.stringify(first));
    }
    assert.equal(answerFirstFrame(Buffer.from('Content-Length: 5\r\n\r\n{"a":'), {}), undefined);
    assert.equal(answerFirstFrame(Buffer.from('no header at all'), {}), undefined);
  });
});

describe('early initialize: reading the first frame', () => {
  test('stops after the first whole frame and hands over every byte received, in order', async () => {
    const bytes = Buffer.concat([frameMessage(initialize), frameMessage(initialized)]);
    const pieces = [bytes.subarray(0, 7), bytes.subarray(7, 30), bytes.subarray(30)];
    const { received, firstFrame, ended, left } = await readFrom(pieces);
    assert.deepEqual(firstFrame, frameMessage(initialize));
    assert.equal(ended, false);
    assert.deepEqual(Buffer.concat([received, left]), bytes);
  });

  test('a frame arriving a byte at a time is read whole', async () => {
    const bytes = frameMessage(initialize);
    const { firstFrame, received } = await readFrom([...bytes].map((b) => Buffer.from([b])));
    assert.deepEqual(firstFrame, bytes);
    assert.deepEqual(received, bytes);
  });

  test('broken framing hands over at once, with no first frame', async () => {
    const junk = Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const { firstFrame, received, left } = await readFrom([junk, frameMessage(initialize)]);
    assert.equal(firstFrame, undefined);
    assert.deepEqual(Buffer.concat([received, left]), Buffer.concat([junk, frameMessage(initialize)]));
  });

  test('a first message larger than the limit is not waited for', async () => {
    const header = Buffer.from(`Content-Length: ${firstMessageLimit * 2}\r\n\r\n`);
    const { firstFrame, received } = await readFrom([header, Buffer.alloc(firstMessageLimit + 1, 0x20)]);
    assert.equal(firstFrame, undefined);
    assert.equal(received.length, header.length + firstMessageLimit + 1);
  });

  test('input that ends first hands over what came, and says it ended', async () => {
    const { firstFrame, received, ended } = await readFrom([Buffer.from('Content-Len'), 'end']);
    assert.equal(firstFrame, undefined);
    assert.equal(ended, true);
    assert.equal(received.toString(), 'Content-Len');
  });

  test('a read error ends reading as the end of input does', async () => {
    const { firstFrame, received, ended } = await readFrom([Buffer.from('Content-'), 'error']);
    assert.equal(firstFrame, undefined);
    assert.equal(ended, true);
    assert.equal(received.toString(), 'Content-');
  });
});

describe('early initialize: the library output', () => {
  const result = initializeResult();
  const replayReply = frameMessage({ jsonrpc: '2.0', id: replayedInitializeId, result });
  const log = frameMessage({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'hello' } });
  const config = frameMessage({ jsonrpc: '2.0', id: 0, method: 'workspace/configuration', params: { items: [] } });

  function run(chunks: Buffer[], expected: unknown = result): { out: Buffer; problems: string[] } {
    const written: Buffer[] = [];
    const problems: string[] = [];
    const filter = withoutReplayedReply((bytes, done) => {
      written.push(bytes);
      done?.();
    }, expected, (problem) => problems.push(problem));
    for (const chunk of chunks) filter.write(chunk);
    return { out: Buffer.concat(written), problems };
  }

  test('drops the reply to the replay and passes the rest unchanged', () => {
    const { out, problems } = run([log, replayReply, config, log]);
    assert.deepEqual(out, Buffer.concat([log, config, log]));
    assert.deepEqual(problems, []);
  });

  test('the same when writes split frames anywhere', () => {
    const all = Buffer.concat([log, replayReply, config, log]);
    for (const cut of [1, 17, log.length + 3, log.length + replayReply.length - 1, log.length + replayReply.length + 5]) {
      const { out, problems } = run([all.subarray(0, cut), all.subarray(cut, cut + 9), all.subarray(cut + 9)]);
      assert.deepEqual(out, Buffer.concat([log, config, log]), `cut at ${cut}`);
      assert.deepEqual(problems, []);
    }
  });

  test('only one reply is dropped: a later message with that id is the library\'s business', () => {
    const { out } = run([replayReply, replayReply]);
    assert.deepEqual(out, replayReply);
  });

  test('each write completes only when what it passes on has been handed over', () => {
    const pending: (() => void)[] = [];
    const filter = withoutReplayedReply((_bytes, done) => {
      if (done) pending.push(() => done());
    }, result, () => undefined);
    let completed = 0;
    filter.write(Buffer.concat([log, config]), () => completed++);
    assert.equal(completed, 0, 'not before the output took it');
    assert.equal(pending.length, 1, 'one completion for the last message of the write');
    pending.shift()?.();
    return new Promise<void>((resolve) => setImmediate(() => {
      assert.equal(completed, 1);
      resolve();
    }));
  });

  test('a reply that says something else is reported', () => {
    const { problems } = run([replayReply], { capabilities: {} });
    assert.equal(problems.length, 1);
    assert.match(problems[0] as string, /early initialize reply/);
    const failed = run([frameMessage({ jsonrpc: '2.0', id: replayedInitializeId, error: { code: -32603, message: 'boom' } })]);
    assert.match(failed.problems[0] as string, /an error/);
  });
});
