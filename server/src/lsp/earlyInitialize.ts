/**
 * Answering `initialize` over stdio before the engine loads.
 *
 * Loading the protocol library and the engine takes most of the server's
 * start-up, and the `initialize` reply needs neither (`capabilities.ts`).
 * So the start-up path reads the first message itself, answers it at once,
 * and then hands the connection to the library with that message replayed
 * under an id of our own, so the library sets itself up from the same
 * parameters. The library's reply to the replay is dropped on the way out,
 * after checking that it says what the early reply said. The editor gets on
 * with its own start-up while the engine loads; later messages wait in the
 * stream, in order.
 *
 * Anything unexpected first (no `initialize`, broken framing, a message
 * too large) is handed over untouched, and the library answers it as it
 * would have without this path.
 *
 * Node built-ins and type imports only: this runs before anything is loaded.
 */
import { Writable } from 'node:stream';
import { FrameParser, frameMessage } from './framing';

/** The id the replayed `initialize` carries; no client request can have it, since clients send numbers or their own strings. */
export const replayedInitializeId = 'kep-lens/replayed-initialize';
/** Largest first message read here; VS Code's `initialize` is about 10 KB. A larger one goes to the library as it is. */
export const firstMessageLimit = 1024 * 1024;

const headerEnd = Buffer.from('\r\n\r\n');

/** A stream chunk as bytes (streams in object or string mode hand over strings). */
function asBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/** The JSON body of a frame, or undefined when it is not JSON. */
function bodyOf(frameBytes: Buffer): unknown {
  const start = frameBytes.indexOf(headerEnd);
  if (start === -1) return undefined;
  try {
    return JSON.parse(frameBytes.subarray(start + headerEnd.length).toString('utf8'));
  } catch {
    return undefined;
  }
}

interface InitializeRequest {
  jsonrpc: '2.0';
  id: number | string;
  method: 'initialize';
  params?: unknown;
}

function isInitializeRequest(message: unknown): message is InitializeRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.jsonrpc === '2.0' && m.method === 'initialize' && (typeof m.id === 'number' || typeof m.id === 'string') && m.id !== replayedInitializeId;
}

/** What to send at once and what to give the library instead of the first message, when it is an `initialize` request. */
export interface EarlyAnswer {
  /** The reply to the client's own request id. */
  reply: Buffer;
  /** The same request with `replayedInitializeId`, for the library. */
  replay: Buffer;
}

/** The early answer to the connection's first frame, or undefined when that frame is anything but an `initialize` request. */
export function answerFirstFrame(firstFrame: Buffer, result: unknown): EarlyAnswer | undefined {
  const message = bodyOf(firstFrame);
  if (!isInitializeRequest(message)) return undefined;
  return {
    reply: frameMessage({ jsonrpc: '2.0', id: message.id, result }),
    replay: frameMessage({ ...message, id: replayedInitializeId }),
  };
}

/**
 * Reads the connection's first frame from `input` and stops reading: calls `done` with every byte
 * received (none lost, none changed) and the first frame when it arrived whole and well framed.
 */
export function readFirstFrame(input: NodeJS.ReadableStream, done: (received: Buffer, firstFrame: Buffer | undefined, ended: boolean) => void): void {
  let broken = false;
  const parser = new FrameParser(() => {
    broken = true;
  });
  const received: Buffer[] = [];
  let size = 0;
  const finish = (firstFrame: Buffer | undefined, ended: boolean): void => {
    // Paused before the listener goes: a stream left flowing without one would lose what arrives next.
    input.pause();
    input.off('data', onData);
    input.off('end', onEnd);
    input.off('error', onEnd);
    done(Buffer.concat(received, size), firstFrame, ended);
  };
  const onData = (chunk: Buffer | string): void => {
    const bytes = asBuffer(chunk);
    received.push(bytes);
    size += bytes.length;
    const frames = parser.feed(bytes);
    if (broken) finish(undefined, false);
    else if (frames.length > 0) finish(Buffer.concat(frames[0] as Buffer[]), false);
    else if (size > firstMessageLimit) finish(undefined, false);
  };
  // A read error ends the connection as its end does; the engine then sees no more input and exits.
  const onEnd = (): void => finish(undefined, true);
  input.on('data', onData);
  input.on('end', onEnd);
  input.on('error', onEnd);
}

/** Writes bytes on, calling `done` once they are handed over (or failed), so the library's writer keeps its pace. */
export type WriteOn = (bytes: Buffer, done?: (error?: Error | null) => void) => void;

/**
 * The library's output on its way to `write`, without its reply to the replayed `initialize`.
 * `differs` hears of a reply that does not say what the early one said. Once that reply has
 * gone by, bytes pass straight through.
 */
export function withoutReplayedReply(write: WriteOn, earlyResult: unknown, differs: (problem: string) => void): Writable {
  let dropped = false;
  const parser = new FrameParser((problem) => differs(`the server's own output broke framing: ${problem}`));
  const expected = JSON.stringify(earlyResult);
  return new Writable({
    write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
      const bytes = asBuffer(chunk);
      // Straight through once the reply is gone and no message is held half-read.
      if (dropped && parser.pendingBytes === 0) return write(bytes, callback);
      const passed: Buffer[] = [];
      for (const pieces of parser.feed(bytes)) {
        const whole = Buffer.concat(pieces);
        const message = dropped ? undefined : (bodyOf(whole) as { id?: unknown; result?: unknown; error?: unknown } | undefined);
        if (message?.id === replayedInitializeId) {
          dropped = true;
          const said = message.error === undefined ? JSON.stringify(message.result) : `an error: ${JSON.stringify(message.error)}`;
          if (said !== expected) differs(`the early initialize reply was ${expected}, but the server's own was ${said}`);
          continue;
        }
        passed.push(whole);
      }
      if (passed.length === 0) return callback();
      // The write is done when the last of its messages is handed over.
      passed.forEach((message, i) => write(message, i === passed.length - 1 ? callback : undefined));
    },
  });
}
