// The main job's last step: start the bundled language server exactly as an
// editor would (stdio), open every manifest in examples/, and print what the
// editor would show — diagnostics with file:line:col, one hover card and one
// completion list — then where the VSIX is and how to install it.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';

const root = resolve(import.meta.dirname, '..');
const serverPath = join(root, 'dist', 'server', 'server.js');
const examplesDir = join(root, 'examples');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const vsix = join(root, `kep-lens-${version}.vsix`);
const severityNames = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function withTimeout(promise, ms, what) {
  // unref: a pending timeout must not keep the process alive once the work is done.
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms).unref())]);
}

const started = performance.now();
const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const diagnostics = new Map();
const waiters = new Map();
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  diagnostics.set(params.uri, params.diagnostics);
  waiters.get(params.uri)?.();
});
connection.listen();

try {
  await withTimeout(connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} }), 10_000, 'initialize');
  const startupMs = performance.now() - started;
  connection.sendNotification('initialized', {});

  const files = readdirSync(examplesDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  let total = 0;
  console.log(`\nKEP Lens ${version} — what the editor shows for examples/ (Kubernetes 1.31, default feature gates)\n`);
  for (const file of files) {
    const path = join(examplesDir, file);
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const published = new Promise((resolveWait) => waiters.set(uri, resolveWait));
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await withTimeout(published, 10_000, `diagnostics for ${file}`);
    const found = diagnostics.get(uri) ?? [];
    total += found.length;
    if (found.length === 0) console.log(`${relative(root, path)}: no problems`);
    for (const d of found) {
      console.log(`${relative(root, path)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityNames[d.severity] ?? d.severity} ${d.code} ${d.message}`);
    }
  }

  const hoverFile = join(examplesDir, 'alpha-features.yaml');
  const hoverUri = pathToFileURL(hoverFile).href;
  const hoverLines = readFileSync(hoverFile, 'utf8').split('\n');
  const imageLine = hoverLines.findIndex((l) => /^\s+image:\s*$/.test(l));
  const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: hoverUri }, position: { line: imageLine, character: hoverLines[imageLine].indexOf('image') + 1 } });
  console.log(`\n── Hover on \`image:\` (examples/alpha-features.yaml:${imageLine + 1}) ──────────────────────────────`);
  console.log(hover?.contents?.value ?? '(no hover)');

  const serviceFile = join(examplesDir, 'clean-1.31-features.yaml');
  const serviceUri = pathToFileURL(serviceFile).href;
  const serviceLines = readFileSync(serviceFile, 'utf8').split('\n');
  const trafficLine = serviceLines.findIndex((l) => l.includes('trafficDistribution'));
  const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri: serviceUri }, position: { line: trafficLine, character: serviceLines[trafficLine].indexOf(':') + 2 } });
  console.log(`\n── Completion of the trafficDistribution value (examples/clean-1.31-features.yaml:${trafficLine + 1}) ──`);
  for (const item of completion?.items ?? []) console.log(`  ${item.label.padEnd(16)} ${item.detail ?? ''}`);

  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  console.log(`\n${total} findings in ${files.length} files; server answered initialize in ${startupMs.toFixed(0)} ms.`);
  if (existsSync(vsix)) {
    console.log(`\nVSIX: ${relative(root, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KiB)`);
    console.log(`Install it with:  code --install-extension ${relative(root, vsix)}`);
  }
  console.log('Other editors: run `npx kep-lens-language-server --stdio` (see README, "Other editors").');
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  child.kill();
  process.exitCode = 1;
}
