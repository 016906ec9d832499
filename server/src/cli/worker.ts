/**
 * Entry of a `kep-lens lint` worker thread: bundled to dist/cliWorker.js
 * beside dist/cli.js, compiled to out/server/src/cli/worker.js for tests.
 */
import { serve } from './workerLoop';

serve();
