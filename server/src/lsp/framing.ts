/**
 * The base protocol's framing (`Content-Length: N` headers, then N bytes),
 * checked before the JSON-RPC reader sees a message. The stock reader trusts
 * every length: one wrong length and it reads the following messages as the
 * rest of a body, then garbage as headers, and answers nothing until stdin
 * closes. Here a frame whose length does not fit what follows it is dropped
 * with a report, and reading starts again at the next header, so a wrong
 * length costs one message, not the connection.
 *
 * A body cannot hold a header: JSON has no raw line breaks inside strings,
 * and `Content-Length:` outside a string is not JSON. So a header seen
 * inside a pending body means the length was too long, and bytes after a
 * body that do not start a header mean it was wrong too.
 */
import { Transform, type TransformCallback } from 'node:stream';

const headerEnd = Buffer.from('\r\n\r\n');
const lengthHeader = Buffer.from('Content-Length:');
const headerPrefix = 'content-';
/** Longest header block accepted; real ones are under 100 bytes. */
const maxHeaderBytes = 4096;

/** Splits the bytes of a connection into well-framed messages (header block and body), dropping what breaks the framing. */
export class FrameParser {
  /** Bytes received and not yet passed on or dropped, in arrival order: a large body is copied once, when complete. */
  private chunks: Buffer[] = [];
  private size = 0;
  /** The frame whose body is awaited: its header block's length and the body's. */
  private frame: { headerLength: number; length: number } | undefined;
  /** Offset up to which the pending body has been searched for a header. */
  private searched = 0;

  private frames: Buffer[][] = [];
  /** Bytes are being dropped to find a header; reported once until a message gets through. */
  private resynchronising = false;

  constructor(private readonly report: (problem: string) => void) {}

  /** Bytes held back: the start of a message not yet complete. */
  get pendingBytes(): number {
    return this.size;
  }

  /** The messages completed by `chunk`, each with its header, as the pieces it arrived in. */
  feed(chunk: Buffer): Buffer[][] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.size += chunk.length;
      this.drain();
    }
    const frames = this.frames;
    this.frames = [];
    return frames;
  }

  private drain(): void {
    while (this.size > 0) {
      if (!this.frame) {
        const header = this.readHeader();
        if (header === 'incomplete') return;
        if (header === 'dropped') continue;
      }
      const { headerLength, length } = this.frame as { headerLength: number; length: number };
      const bodyEnd = headerLength + length;
      // A header inside the body: the length is too long for this message.
      const inner = this.findHeader(Math.max(headerLength, this.searched), Math.min(bodyEnd, this.size));
      if (inner.at !== -1) {
        this.drop(inner.at, `a message claimed ${length} bytes, but the next message began after ${inner.at - headerLength}`);
        continue;
      }
      this.searched = inner.searched;
      // Wait for the whole body, and for what may be a header in it to show whether it is one.
      if (this.size < bodyEnd || inner.undecided) return;
      // What follows a body must be the next header, or nothing yet; else the length was too short, or
      // junk follows a good message: the body's own JSON tells which (checked only then, so rarely).
      const after = this.bytesAt(bodyEnd, headerPrefix.length).toString('latin1').toLowerCase();
      if (!headerPrefix.startsWith(after) && !isJson(this.bytesAt(headerLength, length))) {
        this.drop(this.keepFrom(headerLength, bodyEnd), `a message claimed ${length} bytes, but what followed them was not a message header`);
        continue;
      }
      this.frames.push(this.take(bodyEnd));
      this.frame = undefined;
      this.resynchronising = false;
    }
  }

  /** Reads the header block at the start: a frame to wait for, more bytes needed, or bytes dropped to find one. */
  private readHeader(): 'frame' | 'incomplete' | 'dropped' {
    const head = this.head(Math.min(this.size, maxHeaderBytes + headerEnd.length));
    const end = head.indexOf(headerEnd);
    if (end === -1) {
      if (head.length <= maxHeaderBytes) return 'incomplete';
      this.resynchronise('a message header longer than 4 KB was received');
      return 'dropped';
    }
    const lines = head.subarray(0, end).toString('latin1').split('\r\n');
    const length = lines.map((line) => /^content-length: *(\d+) *$/i.exec(line)?.[1]).find((value) => value !== undefined);
    if (length === undefined || !lines.every((line) => /^[A-Za-z-]+: *\S/.test(line))) {
      this.resynchronise(`bytes that are not a message header were received (${JSON.stringify(lines.join(' ').slice(0, 40))})`);
      return 'dropped';
    }
    this.frame = { headerLength: end + headerEnd.length, length: Number(length) };
    this.searched = this.frame.headerLength;
    return 'frame';
  }

  /** Drops everything before the next header after the first byte (keeping what may be the start of one). */
  private resynchronise(problem: string): void {
    this.drop(this.keepFrom(1, 1), problem);
  }

  /**
   * Where to resume after bytes that break the framing: the next header after `from`, or one that
   * may be arriving (cut off at the end), or else the last bytes, which may begin one; never before `least`.
   */
  private keepFrom(from: number, least: number): number {
    const next = this.findHeader(from, this.size);
    if (next.at !== -1) return next.at;
    if (next.undecided) return Math.max(least, next.searched);
    return Math.max(least, this.size - lengthHeader.length + 1);
  }

  private drop(count: number, problem: string): void {
    // One report per loss of framing, however many pieces it takes to find the next header.
    if (!this.resynchronising) this.report(`${problem}; dropping bytes up to the next message header.`);
    this.resynchronising = true;
    this.take(count);
    this.frame = undefined;
    this.searched = 0;
  }

  /**
   * The first real header (`Content-Length: <digits>` and a line break) starting in
   * [from, to), or -1; `searched` is where a later search may resume (a candidate
   * cut off by the end of what has arrived is looked at again).
   */
  private findHeader(from: number, to: number): { at: number; searched: number; undecided: boolean } {
    let start = from;
    for (;;) {
      const at = this.find(lengthHeader, start, to);
      if (at === -1) {
        // The last bytes so far may be the first of a header.
        const tail = this.partialHeaderAtEnd(Math.max(start, this.size - lengthHeader.length + 1));
        if (tail !== -1 && tail < to) return { at: -1, searched: tail, undecided: true };
        return { at: -1, searched: Math.max(from, to - lengthHeader.length + 1), undecided: false };
      }
      const text = this.bytesAt(at, lengthHeader.length + 24).toString('latin1');
      if (/^content-length: *\d+\r\n/i.test(text)) return { at, searched: at, undecided: false };
      // Cut off by the end of the bytes so far: decide when more arrive.
      if (at + text.length >= this.size && /^content-length: *\d*\r?$/i.test(text)) return { at: -1, searched: at, undecided: true };
      start = at + 1;
    }
  }

  /** Where, at or after `from`, the bytes up to the end are the beginning of `Content-Length:`; -1 if nowhere. */
  private partialHeaderAtEnd(from: number): number {
    const tail = this.bytesAt(from, this.size - from).toString('latin1').toLowerCase();
    const header = lengthHeader.toString('latin1').toLowerCase();
    for (let i = 0; i < tail.length; i++) if (header.startsWith(tail.slice(i))) return from + i;
    return -1;
  }

  /** Up to `count` bytes from `offset`, wherever the chunks divide them. */
  private bytesAt(offset: number, count: number): Buffer {
    const parts: Buffer[] = [];
    let chunkStart = 0;
    let wanted = count;
    for (const chunk of this.chunks) {
      const chunkEnd = chunkStart + chunk.length;
      if (chunkEnd > offset && wanted > 0) {
        const part = chunk.subarray(Math.max(0, offset - chunkStart), Math.max(0, offset - chunkStart) + wanted);
        parts.push(part);
        wanted -= part.length;
        offset += part.length;
      }
      if (wanted === 0) break;
      chunkStart = chunkEnd;
    }
    return Buffer.concat(parts);
  }

  /** The first `count` bytes as one buffer (joining the leading chunks once). */
  private head(count: number): Buffer {
    const first = this.chunks[0];
    if (!first || first.length >= count || this.chunks.length === 1) return (first ?? Buffer.alloc(0)).subarray(0, count);
    let joined = 0;
    let taken = 0;
    while (taken < this.chunks.length && joined < count) joined += (this.chunks[taken++] as Buffer).length;
    this.chunks.splice(0, taken, Buffer.concat(this.chunks.slice(0, taken), joined));
    return (this.chunks[0] as Buffer).subarray(0, count);
  }

  /** Removes and returns the first `count` bytes. */
  /** Removes and returns the first `count` bytes, as the pieces they arrived in: a large message is not copied here. */
  private take(count: number): Buffer[] {
    const taken: Buffer[] = [];
    let left = count;
    while (left > 0 && this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer;
      if (first.length <= left) {
        taken.push(first);
        this.chunks.shift();
        left -= first.length;
      } else {
        taken.push(first.subarray(0, left));
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.size -= count - left;
    return taken;
  }

  /** Offset of `pattern` starting in [from, to) of the pending bytes, or -1; the bytes before each chunk are carried over, for a pattern split across chunks. */
  private find(pattern: Buffer, from: number, to: number): number {
    let offset = 0;
    let carried: Buffer = Buffer.alloc(0);
    for (const chunk of this.chunks) {
      if (offset >= to) break;
      const chunkEnd = offset + chunk.length;
      // Chunks wholly before the search are passed over without copying.
      if (chunkEnd + pattern.length <= from) {
        offset = chunkEnd;
        continue;
      }
      const window = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
      const windowStart = offset - carried.length;
      if (chunkEnd > from) {
        const at = window.indexOf(pattern, Math.max(0, from - windowStart));
        if (at !== -1 && windowStart + at < to) return windowStart + at;
      }
      carried = window.subarray(Math.max(0, window.length - pattern.length + 1));
      offset = chunkEnd;
    }
    return -1;
  }
}

function isJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** One message framed for the connection: its header, then its JSON body. */
export function frameMessage(body: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
}

/** A stream of the connection's bytes with only well-framed messages left in, for the stock JSON-RPC reader. */
export function checkedFrames(report: (problem: string) => void): Transform {
  const parser = new FrameParser(report);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      for (const frame of parser.feed(chunk)) for (const piece of frame) this.push(piece);
      done();
    },
  });
}
