/**
 * The CLI against a repository that attacks it: endless input, devices and
 * pipes where files belong, links out of the tree, patterns built to
 * backtrack or to be invalid, file names and values that carry terminal
 * or workflow commands, and files past the budgets. Every run ends, says
 * what it skipped, and prints nothing a terminal or GitHub would obey.
 * Trees are made in a scratch directory; nothing outside it is read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { run, type CliIO } from '../../server/src/cli/main';
import { decode } from '../../server/src/cli/files';
import { budgets } from '../../server/src/engine/budgets';
import { memoryBound, mb, peakMemoryPreload, peakRss } from './memory';
import { repoRoot } from './support';

const cliPath = path.join(repoRoot, 'dist', 'cli.js');
const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n';

let scratch: string;

before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-hostile-'));
});

after(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A directory in the scratch area with the given files (a string is text, a Buffer bytes). */
function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(scratch, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function lint(args: string[], options: { cwd?: string; stdin?: () => NodeJS.ReadableStream } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: options.cwd ?? scratch,
    env: {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: options.stdin ?? (() => Readable.from([])),
  };
  const code = await run(['lint', ...args], io);
  return { code, stdout, stderr };
}

/** A stream that never ends: `chunk` again and again, as `/dev/zero` or `yes` would give. */
function endless(chunk: string | Buffer): () => NodeJS.ReadableStream {
  const bytes = Buffer.from(chunk);
  return () => new Readable({ read() { this.push(bytes); } });
}

function canMakeFifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** No raw control character a terminal would act on (newlines between lines aside). */
function assertNothingInvisible(text: string, what: string): void {
  const found = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/.exec(text);
  assert.equal(found, null, `${what} holds a raw control character ${JSON.stringify(found?.[0])} near ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 40), (found?.index ?? 0) + 40))}`);
}

describe('CLI: bounded reads', () => {
  it('endless zeros on standard input: reading stops at the file budget and the input is refused as binary', async () => {
    const r = await lint(['-'], { stdin: endless(Buffer.alloc(64 * 1024)) });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /<stdin>: binary file/);
  });

  it('endless manifests on standard input: reading stops at the file budget; what was read is checked, and the cut is a finding', async () => {
    const r = await lint(['-', '--format', 'json'], { stdin: endless(`${pdb}---\n`) });
    const rows = JSON.parse(r.stdout) as { code: string; severity: string; message: string }[];
    assert.equal(r.code, 1);
    assert.equal(rows.filter((x) => x.code === 'removed-api').length, budgets.findingsPerFile);
    // The findings budget and the file budget each say where they cut, once.
    assert.deepEqual(rows.filter((x) => x.code === 'too-large').map((x) => [x.severity, /findings per file|larger than 16 MB/.exec(x.message)?.[0]]), [['information', 'findings per file'], ['information', 'larger than 16 MB']]);
  });

  it('a named device is refused without reading it; so is a config that is one', async () => {
    if (!fs.existsSync('/dev/null')) return;
    const named = await lint(['/dev/null']);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /\/dev\/null: a character device, not a file; skipped/);
    const config = await lint(['--config', '/dev/null', '.']);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /cannot read config \/dev\/null: a character device, not a file/);
    assert.doesNotMatch(config.stderr, /internal error|\n\s+at /);
  });

  it('a config past its budget is a usage error', async () => {
    const dir = tree('big-config', { 'kep-lens.yaml': `# ${'x'.repeat(budgets.settingsFileBytes)}\n`, 'a.yaml': pdb });
    const r = await lint(['.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /config kep-lens\.yaml is larger than 1 MB/);
  });

  it('a .gitignore that is a link out of the tree, or a pipe, is not read, and the run goes on', async () => {
    const dir = tree('gitignore-special', { 'a.yaml': pdb, 'sub/b.yaml': pdb });
    fs.symlinkSync(path.join(scratch, 'elsewhere'), path.join(dir, '.gitignore'));
    fs.mkdirSync(path.join(scratch, 'elsewhere'), { recursive: true });
    let fifo = false;
    if (canMakeFifo()) {
      execFileSync('mkfifo', [path.join(dir, 'sub', '.gitignore')]);
      fifo = true;
    } else console.log('cli: mkfifo is not available here; the pipe-as-.gitignore case is not run');
    const r = await lint(['.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 2);
    assert.match(r.stderr, /not following a symbolic link that leads outside the directory being linted \(\.gitignore → /);
    if (fifo) assert.match(r.stderr, /sub\/\.gitignore not used: a pipe, not a file/);
  });
});

describe('CLI: links, devices and patterns', () => {
  it('links out of the tree are not followed, and are reported once', async () => {
    const dir = tree('links-out', { 'a.yaml': pdb, 'inner/b.yaml': pdb });
    fs.symlinkSync(path.parse(scratch).root, path.join(dir, 'root'));
    fs.symlinkSync(scratch, path.join(dir, 'up'));
    fs.symlinkSync(path.join(dir, 'inner'), path.join(dir, 'inside'));
    const r = await lint(['.', '--format', 'json'], { cwd: dir });
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file).sort();
    assert.deepEqual(files, ['a.yaml', 'inner/b.yaml']);
    assert.equal(r.stderr.match(/warning/g)?.length, 1, r.stderr);
    assert.match(r.stderr, /not following 2 symbolic links that lead outside the directory being linted \(root → /);
  });

  it('a pipe or a device met in a walk is reported and skipped, never opened', async () => {
    if (!canMakeFifo()) {
      console.log('cli: mkfifo is not available here; the pipe-in-a-walk case is not run');
      return;
    }
    const dir = tree('walk-fifo', { 'a.yaml': pdb });
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const r = await lint(['.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pipe\.yaml: not a regular file; skipped/);
    assert.match(r.stdout, /a\.yaml:1:13 error removed-api/);
  });

  it('a pattern built to backtrack matches in linear time, with git\'s meaning', async () => {
    const long = `${'a'.repeat(240)}.yaml`;
    const dir = tree('backtrack', { '.gitignore': '*a*a*a*a*a*a*a*a*b\n*a*a*a*a*a*a*a*a*.yaml\n!keep*\n', [long]: pdb, 'keep.yaml': pdb });
    const r = await lint(['.', '--format', 'json', '--exclude', '*a*a*a*a*a*a*a*a*b'], { cwd: dir });
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file), ['keep.yaml']);
  });

  it('an invalid pattern is a usage error naming it from --exclude or a config; in a .gitignore it matches nothing, as in git, with a notice', async () => {
    const dir = tree('invalid-pattern', { 'a.yaml': pdb, 'sub/.gitignore': '# fine\n*.tmp\n[z-a]\n', 'sub/b.yaml': pdb });
    const option = await lint(['.', '--exclude', '[z-a]'], { cwd: dir });
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--exclude "\[z-a\]" is not a valid pattern: the range z-a runs backwards/);
    const ignore = await lint(['.', '--format', 'json'], { cwd: dir });
    assert.equal(ignore.code, 1, 'the lint runs and reports the findings');
    assert.match(ignore.stderr, /sub\/\.gitignore:3: pattern "\[z-a\]" matches nothing \(the range z-a runs backwards\), as in git/);
    assert.deepEqual((JSON.parse(ignore.stdout) as { file: string }[]).map((x) => x.file).sort(), ['a.yaml', 'sub/b.yaml']);
    fs.writeFileSync(path.join(dir, 'kep-lens.yaml'), 'exclude: ["[[:nope:]]"]\n');
    const config = await lint(['a.yaml'], { cwd: dir });
    assert.equal(config.code, 2);
    assert.match(config.stderr, /config kep-lens\.yaml: exclude "\[\[:nope:\]\]" is not a valid pattern/);
    for (const r of [option, ignore, config]) assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  });
});

describe('CLI: output cannot be turned into commands', () => {
  const evil = 'x\n::error file=evil.yaml,line=1::pwned\r\x1b]0;title\x07.yaml';

  it('a file name with line breaks, a workflow command and escape sequences prints as visible escapes', async () => {
    const dir = tree('injection', { [evil]: pdb });
    const text = await lint(['.'], { cwd: dir });
    assertNothingInvisible(text.stdout, 'text output');
    assert.equal(text.stdout.split('\n').filter((l) => l.startsWith('::')).length, 0);
    assert.match(text.stdout, /x\\n::error file=evil\.yaml,line=1::pwned\\r\\x1b\]0;title\\x07\.yaml:1:13 error removed-api/);
    const github = await lint(['.', '--format', 'github'], { cwd: dir });
    const lines = github.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, github.stdout);
    assert.match(lines[0] ?? '', /^::error file=x%0A%3A%3Aerror file=evil\.yaml%2Cline=1%3A%3Apwned%0D\\x1b\]0;title\\x07\.yaml,line=1,/);
    assertNothingInvisible(github.stdout, 'github output');
    for (const format of ['json', 'sarif']) assertNothingInvisible((await lint(['.', '--format', format], { cwd: dir })).stdout, `${format} output`);
  });

  it('a directive carrying escape sequences and a megabyte of text is clipped and escaped in every message', async () => {
    const dir = tree('directive', { 'd.yaml': `# kep-lens: kubernetesVersion=\x1b[2J\x1b]0;pwned\x07${'v'.repeat(1024 * 1024)}\n${pdb}` });
    const r = await lint(['.'], { cwd: dir });
    assertNothingInvisible(r.stdout, 'text output');
    const directiveLine = r.stdout.split('\n').find((l) => l.includes('invalid-directive')) ?? '';
    assert.match(directiveLine, /"\\x1b\[2J\\x1b\]0;pwned\\x07v+…"/);
    assert.ok(directiveLine.length < 400, `a ${directiveLine.length}-character line`);
  });

  it('config and usage messages clip and escape what they echo', async () => {
    const dir = tree('config-echo', { 'kep-lens.yaml': `? ${'k'.repeat(100_000)}\n: 1\nkubernetesVersion: "\\e]0;${'9'.repeat(100_000)}"\n`, 'a.yaml': pdb });
    const r = await lint(['.'], { cwd: dir });
    assert.equal(r.code, 2);
    assertNothingInvisible(r.stderr, 'stderr');
    assert.ok(r.stderr.length < 1000, `${r.stderr.length} characters on stderr`);
    assert.match(r.stderr, /unknown key "k+…" ignored/);
    assert.match(r.stderr, /kubernetesVersion "\\x1b\]0;9+…" is not a Kubernetes version/);
    const unknown = await lint(['.', `--exclude=\x1b[2J${'z'.repeat(100_000)}[`], { cwd: tree('usage-echo', { 'a.yaml': pdb }) });
    assert.equal(unknown.code, 2);
    assertNothingInvisible(unknown.stderr, 'stderr');
    assert.ok(unknown.stderr.length < 1000, `${unknown.stderr.length} characters on stderr`);
  });
});

describe('CLI: encodings and files past the budget', () => {
  it('UTF-32 with a byte-order mark, either order, is read as UTF-32', () => {
    const text = `${pdb}# 🙂\n`;
    const points = [...text].map((c) => c.codePointAt(0) as number);
    for (const littleEndian of [true, false]) {
      const bytes = Buffer.alloc(4 * (points.length + 1));
      [0xfeff, ...points].forEach((p, i) => (littleEndian ? bytes.writeUInt32LE(p, 4 * i) : bytes.writeUInt32BE(p, 4 * i)));
      assert.deepEqual(decode(bytes), { text });
    }
  });

  it('a UTF-32 manifest is checked, not reported clean', async () => {
    const points = [...pdb].map((c) => c.codePointAt(0) as number);
    const bytes = Buffer.alloc(4 * (points.length + 1));
    [0xfeff, ...points].forEach((p, i) => bytes.writeUInt32LE(p, 4 * i));
    const dir = tree('utf32', { 'a.yaml': bytes });
    const r = await lint(['.'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /a\.yaml:1:13 error removed-api/);
  });
});

describe('CLI: memory stays within ten times the input plus 100 MB', { timeout: 120_000 }, () => {
  const cases: { name: string; text: () => string }[] = [
    { name: 'three million --- lines (12 MB)', text: () => '---\n'.repeat(3_000_000) },
    { name: 'one million documents (9 MB)', text: () => 'a: 1\n---\n'.repeat(1_000_000) },
  ];
  for (const input of cases) {
    it(input.name, () => {
      assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run npm run build first`);
      const file = path.join(scratch, 'big.yaml');
      const text = input.text();
      fs.writeFileSync(file, text);
      const r = spawnSync(process.execPath, ['-r', peakMemoryPreload, cliPath, 'lint', file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as { code: string }[]).map((x) => x.code), ['too-large']);
      const peak = peakRss(r.stderr);
      assert.ok(peak !== undefined, `no peak memory reported: ${r.stderr.slice(0, 300)}`);
      console.log(`cli memory: ${input.name}: peak ${mb(peak)} (bound ${mb(memoryBound(text.length))})`);
      assert.ok(peak <= memoryBound(text.length), `peak ${mb(peak)} over ${mb(memoryBound(text.length))}`);
    });
  }
});
