/**
 * Which files `kep-lens lint` reads: explicit files as given, directories
 * walked for `*.yaml`/`*.yml` (honouring `.gitignore` files met on the way
 * and `--exclude` globs), `-` for stdin. Symbolic links are followed, with
 * real paths tracked so that loops end. Problems (missing paths, dangling
 * links, unreadable, binary or huge files) are collected, never thrown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** `--exclude` and config `exclude` globs, each list with the directory it is relative to. */
  readonly excludes: readonly IgnoreList[];
  /** Name shown for `-`. */
  readonly stdinName: string;
}

export const yamlExtension = /\.ya?ml$/i;

/** Largest file read; beyond it a file is reported and skipped. */
export const maxFileBytes = 64 * 1024 * 1024;

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
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();
  let stdinTaken = false;

  const addFile = (display: string, absolute: string): void => {
    let real = absolute;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      // Reported when it is read.
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    sources.push({ display, absolute });
  };

  const excluded = (absolute: string, isDirectory: boolean): boolean => options.excludes.length > 0 && isIgnored(options.excludes, absolute, isDirectory);

  const walk = (directory: string, display: string, inherited: readonly IgnoreList[]): void => {
    let real: string;
    try {
      real = fs.realpathSync(directory);
    } catch (error) {
      problems.push({ file: display, message: describeError(error) });
      return;
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
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      try {
        const rules = parseIgnoreFile(fs.readFileSync(path.join(directory, '.gitignore'), 'utf8'));
        if (rules.length > 0) lists = [...inherited, { base: directory, rules }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const shown = joinDisplay(display, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(absolute);
          isDirectory = stat.isDirectory();
          isFile = stat.isFile();
        } catch (error) {
          // A dangling link named like a manifest is a manifest we cannot read.
          if (yamlExtension.test(entry.name) && !excluded(absolute, false) && !isIgnored(lists, absolute, false)) {
            problems.push({ file: shown, message: `cannot read: ${describeError(error)}${(error as NodeJS.ErrnoException).code === 'ENOENT' ? ' (dangling symbolic link)' : ''}` });
          }
          continue;
        }
      }
      if (isDirectory) {
        if (entry.name === '.git') continue;
        if (excluded(absolute, true) || isIgnored(lists, absolute, true)) continue;
        walk(absolute, shown, lists);
      } else if (yamlExtension.test(entry.name)) {
        if (excluded(absolute, false) || isIgnored(lists, absolute, false)) continue;
        if (isFile) addFile(shown, absolute);
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
    if (stat.isDirectory()) walk(absolute, display, []);
    // Named files are read whatever their extension, and may be pipes (`<(helm template …)`).
    else addFile(display, absolute);
  }
  return { sources, problems };
}

export type ReadResult = { text: string } | { problem: string };

/** Text of a file from its bytes: binary files (a NUL byte in the first 8 KB) are refused; a BOM is dropped. */
export function decode(bytes: Buffer): ReadResult {
  // UTF-16 with a byte-order mark is text (YAML allows it), not binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le') };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { problem: 'binary file (NUL byte in the first 8 KB); skipped' };
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function tooLarge(bytes: number): string {
  return `file is larger than ${maxFileBytes / 1024 / 1024} MB (${Math.ceil(bytes / 1024 / 1024)} MB); skipped`;
}

export function readSourceFile(absolute: string): ReadResult {
  try {
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) return { problem: 'is a directory' };
    if (stat.isFile() && stat.size > maxFileBytes) return { problem: tooLarge(stat.size) };
    const bytes = fs.readFileSync(absolute);
    if (bytes.length > maxFileBytes) return { problem: tooLarge(bytes.length) };
    return decode(bytes);
  } catch (error) {
    return { problem: `cannot read: ${describeError(error)}` };
  }
}

/** Reads a stream (stdin) up to the size limit. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buffer.length;
      if (total > maxFileBytes) return { problem: tooLarge(total) };
      chunks.push(buffer);
    }
  } catch (error) {
    return { problem: `cannot read: ${describeError(error)}` };
  }
  return decode(Buffer.concat(chunks));
}
