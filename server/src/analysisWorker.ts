/**
 * The language server's analysis worker: parses and checks documents of a
 * large file beside the main thread (see lsp/parallelAnalysis.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyseRequest, type AnalysisRequest } from './lsp/parallelAnalysis';

const port = parentPort;
if (port) port.on('message', (request: AnalysisRequest) => analyseRequest(request, (reply) => port.postMessage(reply)));
