/**
 * A lint worker that misbehaves on purpose, for threads.test.ts: the real
 * worker loop, with a check that throws, exits or runs out of memory on
 * files named for it, and stops with an uncaught error on `crashes*`;
 * every other file is checked as the real worker checks it. No tests here;
 * compiled to out/test/unit/cli/faultyWorker.js.
 */
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { checkFile, serve } from '../../../server/src/cli/workerLoop';

serve((job, settings) => {
  const name = path.basename(job.absolute);
  if (name.startsWith('crashes') && parentPort) {
    // The answer to this file never leaves, and an uncaught error stops the thread: a crash with the file in hand.
    const port = parentPort;
    const post = port.postMessage.bind(port);
    port.postMessage = () => {
      port.postMessage = post;
    };
    process.nextTick(() => {
      throw new Error('worker crashed on purpose');
    });
    return checkFile(job, settings);
  }
  if (name.startsWith('throws')) throw new Error('check failed on purpose');
  if (name.startsWith('exits')) process.exit(3);
  if (name.startsWith('oom')) {
    const hog: string[][] = [];
    for (;;) hog.push(new Array<string>(1 << 16).fill(`${hog.length}`));
  }
  return checkFile(job, settings);
});
