/**
 * Which files `kep-lens lint` reads, and how: explicit files as given,
 * directories walked for `*.yaml`/`*.yml` (honouring `.gitignore` files met
 * on the way and `--exclude` globs), `-` for stdin. Symbolic links are
 * followed while they stay inside the directory being linted, with real
 * paths tracked so that loops end; links that lead out of it are not
 * followed, and said so once. Only regular files are read in a walk; a
 * named path may also be a pipe (`<(helm template …)`). Every read is
 * bounded. Problems (missing paths, dangling links, unreadable, binary or
 * special files) are collected, never thrown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { budgets, megabytes } from '../engine/budgets';
import { clip } from '../engine/quote';
import { isIgnored, parseIgnoreFile, type IgnoreList } from './ignore';

/** One input: a file on disk or standard input. */
export interface Source {
  /** Path as shown in reports: as given, joined with the walked names, `/`-separated. */
  readonly display: string;
  /** Absolute path; undefined for stdin. */
  readonly absolute?: string;
  readonly stdin?: boolean;
}

/** A path that could not be checked. */
export interface IoProblem {
  readonly file: string;
  readonly message: string;
}

export interface Discovery {
  readonly sources: Source[];
  readonly problems: IoProblem[];
  /** Things worth a warning that do not stop the run (links not followed, .gitignore files not read). */
  readonly notices: string[];
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** `--exclude` and config `exclude` globs, each list with the directory it is relative to. */
  readonly excludes: readonly IgnoreList[];
  /** Name shown for `-`. */
  readonly stdinName: string;
}

export const yamlExtension = /\.ya?ml$/i;


function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `examples/` → `examples`, `./a//b.yaml` → `a/b.yaml`. */
export function displayPath(given: string): string {
  const normal = path.posix.normalize(toPosix(given));
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

function joinDisplay(dir: string, name: string): string {
  return dir === '.' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return e?.message ?? String(error);
  }
}

/** Finds the files to check. Order: arguments in order, directory entries sorted by name. */
export function discover(args: readonly string[], options: DiscoverOptions): Discovery {
  const sources: Source[] = [];
  const problems: IoProblem[] = [];
  const notices: string[] = [];
  const linksOut = new Set<string>();
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();
  let stdinTaken = false;

  /** `knownReal`: the real path when the walk already knows it (a plain entry of a directory whose real path it has), saving a realpath call per file. */
  const addFile = (display: string, absolute: string, knownReal?: string): void => {
    let real = knownReal ?? absolute;
    if (knownReal === undefined) {
      try {
        real = fs.realpathSync(absolute);
      } catch {
        // Reported when it is read.
      }
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    sources.push({ display, absolute });
  };

  const excluded = (absolute: string, isDirectory: boolean): boolean => options.excludes.length > 0 && isIgnored(options.excludes, absolute, isDirectory);

  /** `knownReal`: the directory's real path when the walk knows it (an entry that is no link, of a directory whose real path it has). */
  const walk = (directory: string, display: string, inherited: readonly IgnoreList[], root: string, knownReal?: string): void => {
    let real: string;
    if (knownReal !== undefined) real = knownReal;
    else {
      try {
        real = fs.realpathSync(directory);
      } catch (error) {
        problems.push({ file: display, message: describeError(error) });
        return;
      }
    }
    // A directory reached twice (a link loop, or two links to one place) is walked once.
    if (seenDirectories.has(real)) return;
    seenDirectories.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: display, message: `cannot read directory: ${describeError(error)}` });
      return;
    }
    let lists = inherited;
    const ignoreFile = entries.find((e) => e.name === '.gitignore' && !e.isDirectory());
    if (ignoreFile) {
      const rules = readIgnoreFile(path.join(directory, '.gitignore'), joinDisplay(display, '.gitignore'), root, notices, linksOut);
      if (rules.length > 0) lists = [...inherited, { base: directory, rules }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const shown = joinDisplay(display, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      const link = entry.isSymbolicLink();
      if (link) {
        const manifest = yamlExtension.test(entry.name);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(absolute);
        } catch (error) {
          // A dangling link named like a manifest is a manifest we cannot read.
          if (manifest && !excluded(absolute, false) && !isIgnored(lists, absolute, false)) {
            problems.push({ file: shown, message: `cannot read: ${describeError(error)}${(error as NodeJS.ErrnoException).code === 'ENOENT' ? ' (dangling symbolic link)' : ''}` });
          }
          continue;
        }
        if (!stat.isDirectory() && !manifest) continue;
        const target = leavesRoot(absolute, root);
        if (target !== undefined) {
          linksOut.add(`${shown} → ${target}`);
          continue;
        }
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDirectory) {
        if (entry.name === '.git') continue;
        if (excluded(absolute, true) || isIgnored(lists, absolute, true)) continue;
        walk(absolute, shown, lists, root, link ? undefined : path.join(real, entry.name));
      } else if (yamlExtension.test(entry.name)) {
        if (excluded(absolute, false) || isIgnored(lists, absolute, false)) continue;
        // Devices, pipes and sockets are never opened in a walk: a pipe would wait, a device never end.
        if (isFile) addFile(shown, absolute, link ? undefined : path.join(real, entry.name));
        else problems.push({ file: shown, message: 'not a regular file; skipped' });
      }
    }
  };

  for (const arg of args) {
    if (arg === '-') {
      if (!stdinTaken) sources.push({ display: options.stdinName, stdin: true });
      stdinTaken = true;
      continue;
    }
    const absolute = path.resolve(options.cwd, arg);
    const display = displayPath(arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push({ file: display, message: describeError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      let root = absolute;
      try {
        root = fs.realpathSync(absolute);
      } catch {
        // Reported by the walk.
      }
      walk(absolute, display, [], root);
      continue;
    }
    // Named files are read whatever their extension, and may be pipes (`<(helm template …)`); devices are not files.
    const special = specialKind(stat);
    if (special && !stat.isFIFO()) problems.push({ file: display, message: `${special}, not a file; skipped` });
    else addFile(display, absolute);
  }
  if (linksOut.size > 0) {
    const [first] = linksOut;
    notices.push(`not following ${linksOut.size === 1 ? 'a symbolic link' : `${linksOut.size} symbolic links`} that lead${linksOut.size === 1 ? 's' : ''} outside the directory being linted (${first}${linksOut.size > 1 ? ', …' : ''})`);
  }
  return { sources, problems, notices };
}

/** The real path of a link when it lies outside `root`, else undefined. */
function leavesRoot(absolute: string, root: string): string | undefined {
  let target: string;
  try {
    target = fs.realpathSync(absolute);
  } catch {
    return undefined;
  }
  const relative = path.relative(root, target);
  const inside = relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  return inside ? undefined : target;
}

/** What a path is when it is not a regular file or a directory, in words. */
function specialKind(stat: fs.Stats): string | undefined {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

/**
 * The rules of a `.gitignore` met in a walk: read only when it is a regular
 * file inside the linted directory and within the settings-file budget,
 * else it is not used and a notice says why. A line that is not a valid
 * pattern matches nothing, as in git, and a notice names its file and line.
 */
function readIgnoreFile(absolute: string, shown: string, root: string, notices: string[], linksOut: Set<string>): IgnoreList['rules'] {
  const outside = leavesRoot(absolute, root);
  if (outside !== undefined) {
    linksOut.add(`${shown} → ${outside}`);
    return [];
  }
  const read = readBounded(absolute, budgets.settingsFileBytes, false);
  if ('problem' in read) {
    notices.push(`${shown} not used: ${read.problem}`);
    return [];
  }
  if (read.truncated) {
    notices.push(`${shown} not used: it is larger than ${megabytes(budgets.settingsFileBytes)}`);
    return [];
  }
  // A committed .gitignore git accepts must not stop the lint: such a line matches nothing there, as in git.
  return parseIgnoreFile(read.bytes.toString('utf8'), (problem) => notices.push(`${shown}:${problem.line}: pattern "${clip(problem.pattern)}" matches nothing (${problem.message}), as in git`));
}

/** A file's text, `truncated` when it went past the file budget (the text then holds the first part). */
export type ReadResult = { text: string; truncated?: boolean } | { problem: string };

/**
 * Reads at most `limit + 1` bytes of a path, so whatever it is (a file that
 * grows, a pipe, a device) the read ends; `truncated` says there was more.
 * Devices and sockets are refused, pipes too unless `allowPipes`.
 */
export function readBounded(absolute: string, limit: number, allowPipes: boolean): { bytes: Buffer; truncated: boolean } | { problem: string } {
  const refusal = (stat: fs.Stats): string | undefined => {
    if (stat.isDirectory()) return 'is a directory';
    const special = specialKind(stat);
    return special && !(allowPipes && stat.isFIFO()) ? `${special}, not a file` : undefined;
  };
  let fd: number | undefined;
  try {
    // Looked at before opening (opening a pipe waits for a writer), and again after (it may have changed).
    const before = refusal(fs.statSync(absolute));
    if (before) return { problem: before };
    fd = fs.openSync(absolute, 'r');
    const opened = fs.fstatSync(fd);
    const after = refusal(opened);
    if (after) return { problem: after };
    // A regular file is read into one buffer of its size; a pipe, or a file that grows, into more.
    const size = opened.size;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total + 1, 64 * 1024), limit + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > limit) break;
    }
    const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    return total > limit ? { bytes: bytes.subarray(0, limit), truncated: true } : { bytes, truncated: false };
  } catch (error) {
    return { problem: `cannot read: ${describeError(error)}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** UTF-32 with a byte-order mark: four bytes a character, either order. */
function decodeUtf32(bytes: Buffer, littleEndian: boolean): string {
  const parts: string[] = [];
  let run: number[] = [];
  for (let at = 4; at + 4 <= bytes.length; at += 4) {
    const code = littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at);
    run.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    // In pieces: fromCodePoint takes its characters as arguments.
    if (run.length === 8192) {
      parts.push(String.fromCodePoint(...run));
      run = [];
    }
  }
  if (bytes.length % 4 !== 0) run.push(0xfffd);
  parts.push(String.fromCodePoint(...run));
  return parts.join('');
}

/** Text of a file from its bytes: binary files (a NUL byte in the first 8 KB) are refused; a BOM is dropped. */
export function decode(bytes: Buffer): ReadResult {
  // UTF-32 first: its little-endian mark begins with UTF-16's.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return { text: decodeUtf32(bytes, true) };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { text: decodeUtf32(bytes, false) };
  // UTF-16 with a byte-order mark is text (YAML allows it), not binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return { text: swapped.toString('utf16le') };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { problem: 'binary file (NUL byte in the first 8 KB); skipped' };
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function decoded(bytes: Buffer, truncated: boolean): ReadResult {
  const result = decode(bytes);
  return 'text' in result && truncated ? { ...result, truncated } : result;
}

export function readSourceFile(absolute: string): ReadResult {
  const read = readBounded(absolute, budgets.fileBytes, true);
  return 'problem' in read ? read : decoded(read.bytes, read.truncated);
}

/** Reads a stream (stdin) up to the file budget. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(buffer);
      total += buffer.length;
      if (total > budgets.fileBytes) break;
    }
  } catch (error) {
    return { problem: `cannot read: ${describeError(error)}` };
  }
  const bytes = Buffer.concat(chunks);
  return total > budgets.fileBytes ? decoded(bytes.subarray(0, budgets.fileBytes), true) : decoded(bytes, false);
}
