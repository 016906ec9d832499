// Bundles the client, the language server and the CLI (with its worker) with
// esbuild, so the VSIX carries the client and server bundles instead of a
// node_modules tree (the CLI is not in the VSIX).
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // yaml-language-server ships UMD builds that esbuild cannot follow; prefer CommonJS entry points.
  mainFields: ['module', 'main'],
  // The ES-module build of yaml (the same code as its CommonJS build) is bundled in place: imported from
  // CommonJS, every use of one of its functions would go through a property getter, a few per cent of a check.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

const allEntries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  // The server's entry answers `initialize` over stdio and then loads the engine, a bundle of its own.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/languageServer.js' },
  { entryPoints: ['server/src/analysisWorker.ts'], outfile: 'dist/server/analysisWorker.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads (kep-lens lint on many files) load this beside dist/cli.js.
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cliWorker.js' },
];
const entries = allEntries.filter((e) => existsSync(e.entryPoints[0]));
for (const e of allEntries) if (!entries.includes(e)) console.warn(`build: skipping ${e.entryPoints[0]} (not present)`);

if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}

// The generated facts travel as data files beside the bundles, read lazily at run time
// (so start-up parses none of them). Provenance stays in the repository.
const generated = 'server/src/kep/generated';
const dataDir = 'dist/data';
rmSync(dataDir, { recursive: true, force: true });
const copyMinified = (from, to) => {
  mkdirSync(join(to, '..'), { recursive: true });
  writeFileSync(to, JSON.stringify(JSON.parse(readFileSync(from, 'utf8'))));
};
for (const file of readdirSync(generated)) {
  if (file.endsWith('.json') && file !== 'provenance.json') copyMinified(join(generated, file), join(dataDir, file));
}
for (const file of readdirSync(join(generated, 'schema'))) copyMinified(join(generated, 'schema', file), join(dataDir, 'schema', file));
