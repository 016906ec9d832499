/**
 * Read-only access to a local git snapshot (bare or not) of a source
 * repository: tags, trees and file contents at a revision, each read
 * recorded with its blob id so every fact can be traced to exact bytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface BlobRead {
  readonly path: string;
  readonly blob: string;
  readonly text: string;
}

const maxBuffer = 1 << 30;

export class GitSnapshot {
  private tags?: string[];

  /** `gitDir` is the repository's git directory; `name` is how provenance names it (`kubernetes/api`). */
  constructor(readonly name: string, readonly gitDir: string) {}

  private git(args: readonly string[], input?: string): string {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], { encoding: 'utf8', maxBuffer, input, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  allTags(): string[] {
    this.tags ??= this.git(['tag', '--list']).split('\n').filter(Boolean);
    return this.tags;
  }

  /** The commit a revision (tag or commit id) points to. */
  commitOf(revision: string): string {
    return this.git(['rev-parse', `${revision}^{commit}`]).trim();
  }

  /** Paths of all files under `dir` (or the whole tree) at `revision`. */
  listFiles(revision: string, dir = ''): string[] {
    const args = ['ls-tree', '-r', '--name-only', revision];
    if (dir) args.push('--', dir);
    return this.git(args).split('\n').filter(Boolean);
  }

  /** Contents of several files at one revision, in one git call; missing paths are left out. */
  readFiles(revision: string, paths: readonly string[]): BlobRead[] {
    if (paths.length === 0) return [];
    const raw = execFileSync('git', ['--git-dir', this.gitDir, 'cat-file', '--batch'], {
      input: paths.map((p) => `${revision}:${p}`).join('\n') + '\n',
      maxBuffer,
    });
    const out: BlobRead[] = [];
    let at = 0;
    for (const path of paths) {
      const headerEnd = raw.indexOf(10, at);
      const header = raw.subarray(at, headerEnd).toString('utf8');
      at = headerEnd + 1;
      if (header.endsWith(' missing')) continue;
      const [blob = '', type = '', size = '0'] = header.split(' ');
      const length = Number(size);
      if (type === 'blob') out.push({ path, blob, text: raw.subarray(at, at + length).toString('utf8') });
      at += length + 1;
    }
    return out;
  }

  readFile(revision: string, path: string): BlobRead | undefined {
    return this.readFiles(revision, [path])[0];
  }
}

/**
 * Finds the git directory of `owner/name` under a snapshot folder, in any of
 * the usual layouts: `owner+name/repo`, `owner+name` (bare or not),
 * `owner/name.git`, `owner/name`.
 */
export function locateSnapshot(root: string, repository: string): string | undefined {
  const [owner = '', name = ''] = repository.split('/');
  const flat = `${owner}+${name}`;
  const candidates = [join(root, flat, 'repo'), join(root, flat, '.git'), join(root, flat), join(root, owner, `${name}.git`), join(root, owner, name, '.git'), join(root, owner, name)];
  return candidates.find((dir) => existsSync(join(dir, 'HEAD')) || existsSync(join(dir, 'objects')));
}
