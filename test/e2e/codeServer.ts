// code-server lifecycle for the e2e suite: install (via scripts/setup-code-server.sh),
// install the VSIX, start on a free port, stop. Every step has a hard timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as http from 'node:http';
import * as path from 'node:path';
import { findFiles, killGroup, log, pollUntil, repoRoot, writePidFile } from './util';

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in its own process group; on timeout kills the group and rejects. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; echo?: boolean },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (options.echo) process.stdout.write(d);
    });
    const timer = setTimeout(() => {
      if (child.pid) void killGroup(child.pid, 1000);
      reject(new Error(`timed out after ${options.timeoutMs} ms: ${command} ${args.join(' ')}\n${stderr.slice(-2000)}`));
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Installs code-server into the cache if needed (idempotent); returns its package dir. */
export async function setupCodeServer(timeoutMs: number): Promise<string> {
  const script = path.join(repoRoot, 'scripts', 'setup-code-server.sh');
  const started = Date.now();
  const result = await runCommand('bash', [script], { cwd: repoRoot, timeoutMs, echo: true });
  if (result.code !== 0) {
    throw new Error(
      `scripts/setup-code-server.sh failed (exit ${result.code ?? result.signal}):\n${result.stderr.slice(-3000)}`,
    );
  }
  const dir = result.stdout.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(path.join(dir, 'out', 'node', 'entry.js'))) {
    throw new Error(`setup-code-server.sh printed "${dir}", which has no out/node/entry.js`);
  }
  log(`code-server ready at ${dir} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return dir;
}

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
  /** XDG config/data homes, so code-server never writes into the real ~/.config. */
  xdgDir: string;
}

function codeServerEnv(dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdgDir, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdgDir, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdgDir, 'cache'),
    // code-server reads these; make sure nothing from the environment leaks in.
    PASSWORD: '',
    HASHED_PASSWORD: '',
    VSCODE_PROXY_URI: '',
  };
}

/** Installs the VSIX and checks that the extension landed in the extensions dir. */
export async function installExtension(
  codeServerDir: string,
  dirs: CodeServerDirs,
  vsix: string,
  extensionId: string,
): Promise<string> {
  const result = await runCommand(
    process.execPath,
    [
      path.join(codeServerDir, 'out', 'node', 'entry.js'),
      '--install-extension',
      vsix,
      '--force',
      '--extensions-dir',
      dirs.extensionsDir,
      '--user-data-dir',
      dirs.userDataDir,
    ],
    { env: codeServerEnv(dirs), timeoutMs: 60_000 },
  );
  const output = `${result.stdout}\n${result.stderr}`.trim();
  if (result.code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (exit ${result.code}):\n${output}`);
  }
  const installed = fs
    .readdirSync(dirs.extensionsDir)
    .filter((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (installed.length === 0) {
    throw new Error(`VSIX installed but no ${extensionId}-* directory in ${dirs.extensionsDir}:\n${output}`);
  }
  return path.join(dirs.extensionsDir, installed[0]);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy(new Error('request timeout')));
    req.on('error', reject);
  });
}

export interface RunningCodeServer {
  url: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export async function startCodeServer(
  codeServerDir: string,
  dirs: CodeServerDirs,
  folder: string,
  logFile: string,
): Promise<RunningCodeServer> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      path.join(codeServerDir, 'out', 'node', 'entry.js'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      folder,
    ],
    { env: codeServerEnv(dirs), detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  if (!child.pid) throw new Error('failed to spawn code-server');
  const pgid = child.pid;
  writePidFile({ codeServerPgid: pgid });
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `code-server exited (code ${code}, signal ${signal})`;
  });
  const url = `http://127.0.0.1:${port}/`;
  await pollUntil(
    `code-server to answer on ${url}`,
    30_000,
    async () => {
      if (exited) throw new Error(`${exited}; see ${logFile}`);
      const status = await httpStatus(url).catch(() => 0);
      return status > 0 && status < 500 ? status : undefined;
    },
    () => exited ?? fs.readFileSync(logFile, 'utf8').slice(-1000),
  );
  log(`code-server listening on ${url} (pid ${pgid})`);
  return {
    url,
    process: child,
    logFile,
    stop: async () => {
      await killGroup(pgid);
    },
  };
}

/** The remote extension host log: activation lines and activation errors land here. */
export function extensionHostLogs(userDataDir: string): string[] {
  return findFiles(path.join(userDataDir, 'logs'), /exthost\d*[\\/]remoteexthost\.log$/);
}

/** Output channels created by extensions are mirrored into N-<Channel Name>.log files. */
export function outputChannelLogs(userDataDir: string, channelName: string): string[] {
  const escaped = channelName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return findFiles(path.join(userDataDir, 'logs'), new RegExp(`output_logging_[^\\\\/]+[\\\\/]\\d+-${escaped}\\.log$`));
}
