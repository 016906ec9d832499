/**
 * The language server's entry (`kep-lens-language-server`). Over stdio it
 * answers `initialize` before loading the engine (`lsp/earlyInitialize.ts`);
 * over IPC, a socket or a pipe it loads the engine and starts at once.
 *
 * The engine is a bundle of its own beside this one, loaded on demand:
 * this file must load nothing but Node built-ins and a few small modules.
 */
import { join } from 'node:path';
import type * as LanguageServer from './server';
import { initializeResult } from './lsp/capabilities';
import { answerFirstFrame, readFirstFrame, withoutReplayedReply } from './lsp/earlyInitialize';
import { PassThrough } from 'node:stream';

function loadServer(): typeof LanguageServer {
  // A path, not a module name: the bundler leaves it to run time, so the engine is its own file.
  const engine = join(__dirname, 'languageServer.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(engine) as typeof LanguageServer;
}

/** Reads the first message, answers it when it is `initialize`, and hands the connection, every byte kept, to the engine. */
function startOverStdio(): void {
  readFirstFrame(process.stdin, (received, firstFrame, ended) => {
    const result = initializeResult();
    const early = firstFrame ? answerFirstFrame(firstFrame, result) : undefined;
    const input = new PassThrough();
    let output: NodeJS.WritableStream = process.stdout;
    if (early) {
      // Written before the engine loads, and ahead of anything the engine writes (on Linux a write to a pipe
      // or a file is even complete when the call returns).
      process.stdout.write(early.reply);
      const filtered = withoutReplayedReply((bytes, done) => process.stdout.write(bytes, done), result, (problem) => process.stderr.write(`kep-lens: ${problem}\n`));
      process.stdout.on('error', (error) => filtered.destroy(error));
      output = filtered;
    }
    loadServer().startLanguageServer({ input, output });
    // Everything received, with the first message swapped for its replay when it was answered here.
    input.write(early && firstFrame ? Buffer.concat([early.replay, received.subarray(firstFrame.length)]) : received);
    if (ended) input.end();
    else process.stdin.pipe(input);
  });
}

const argv = process.argv;
if (argv.includes('--version')) {
  process.stdout.write(loadServer().versionText());
} else if (argv.includes('--help')) {
  process.stdout.write('Usage: kep-lens-language-server --stdio | --node-ipc | --socket=PORT\n');
} else if (argv.includes('--stdio') || !(argv.includes('--node-ipc') || argv.some((a) => a.startsWith('--socket') || a.startsWith('--pipe')) || process.send)) {
  // With no transport named, stdio: every editor speaks it, and createConnection would fail obscurely.
  if (!argv.includes('--stdio')) argv.push('--stdio');
  startOverStdio();
} else {
  loadServer().startLanguageServer();
}
