/**
 * Large files are checked by two threads at once. The findings, the KEPs
 * used and the answers to hover must be the ones one thread gives, on the
 * whole test corpus and the fuzz corpus; a worker that fails or goes silent
 * costs time, never findings.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings, type EngineSettings } from '../../server/src/engine/target';
import { documentInfo } from '../../server/src/features/documentInfo';
import { hoverAt } from '../../server/src/features/hover';
import { ParallelAnalysis } from '../../server/src/lsp/parallelAnalysis';
import { buildModel } from '../../server/src/manifest/model';
import { generateManifest, mutate, nastySeeds } from './generate';
import { readYamlFiles, repoRoot, Rng } from './support';

const workerFile = path.join(repoRoot, 'out', 'server', 'src', 'analysisWorker.js');
const fakeWorker = (name: string): string => path.join(repoRoot, 'test', 'fixtures', 'workers', name);

/** Every YAML file of the test fixtures and examples, as documents of one file. */
function corpusFile(): string {
  const files = [...readYamlFiles(path.join(repoRoot, 'test', 'fixtures')), ...readYamlFiles(path.join(repoRoot, 'examples'))];
  return files.map((f) => (f.endsWith('\n') ? f : `${f}\n`)).join('---\n');
}

/** Generated and mutated manifests and the nasty seeds, as documents of one file. */
function fuzzFile(seed: number, count: number): string {
  const rng = new Rng(seed);
  const docs: string[] = [...nastySeeds];
  for (let i = 0; i < count; i++) {
    const text = generateManifest(rng);
    docs.push(rng.chance(0.5) ? mutate(text, rng).text : text);
  }
  // A document marker inside a mutated document splits it, as it would in a real file.
  return docs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
}

/** Waits (up to two seconds) for a condition set by an event. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    assert.ok(waited < 2_000, 'the condition never came true');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settingsAt = (version: string, extra: Partial<EngineSettings> = {}): EngineSettings => ({ ...defaultSettings, kubernetesVersion: version, ...extra });

async function compareThreads(text: string, settings: EngineSettings, pool: ParallelAnalysis): Promise<void> {
  const serial = buildModel(text);
  const parallel = buildModel(text);
  assert.ok(pool.worthIt(parallel), 'the file is large enough for two threads');
  await pool.prime(parallel, settings);
  assert.deepEqual(analyzeModel(parallel, settings), analyzeModel(serial, settings));
  assert.deepEqual(documentInfo(parallel, settings), documentInfo(serial, settings));
  // Trees of documents the worker did are parsed here when asked for; answers are the same.
  for (let offset = 0; offset < text.length; offset += Math.max(1, Math.floor(text.length / 200))) {
    assert.deepEqual(hoverAt(parallel, offset, settings), hoverAt(serial, offset, settings), `hover at ${offset}`);
  }
}

describe('two threads give the findings of one', () => {
  const pool = new ParallelAnalysis(workerFile, () => undefined, { threads: 2, fromBytes: 0 });

  it('on the whole test corpus, at the oldest, default and newest versions', async () => {
    const text = corpusFile();
    for (const version of ['1.27', defaultSettings.kubernetesVersion, '1.37']) await compareThreads(text, settingsAt(version), pool);
  });

  it('on the fuzz corpus, with gates and codes set', async () => {
    for (const seed of [1, 2, 3]) {
      await compareThreads(fuzzFile(seed, 300), settingsAt('1.31', { featureGates: { ImageVolume: true, DynamicResourceAllocation: false }, disabledCodes: ['kep-rule'] }), pool);
    }
  });

  it('documents already parsed here are not sent; the rest are', async () => {
    const text = fuzzFile(4, 100);
    const model = buildModel(text);
    const first = model.chunks[0]?.chunk;
    assert.ok(first);
    void first.doc;
    await pool.prime(model, defaultSettings);
    assert.deepEqual(analyzeModel(model, defaultSettings), analyzeModel(buildModel(text), defaultSettings));
    pool.dispose();
  });
});

describe('a worker that fails or stays silent costs time, not findings', () => {
  const text = fuzzFile(5, 150);
  const expected = analyzeModel(buildModel(text), defaultSettings);

  it('a worker file that does not exist: this thread does it all', async () => {
    const logged: string[] = [];
    const pool = new ParallelAnalysis(fakeWorker('missing.js'), (m) => logged.push(m), { threads: 2, fromBytes: 0 });
    const model = buildModel(text);
    await pool.prime(model, defaultSettings);
    assert.deepEqual(analyzeModel(model, defaultSettings), expected);
    // The failure may come after this thread has done every document; it is said, and one thread is used from then on.
    await until(() => logged.some((m) => /analysis worker/.test(m)));
    assert.equal(pool.worthIt(model), false);
    pool.dispose();
  });

  it('a worker that throws on its request', async () => {
    const pool = new ParallelAnalysis(fakeWorker('crashing.js'), () => undefined, { threads: 2, fromBytes: 0 });
    const model = buildModel(text);
    await pool.prime(model, defaultSettings);
    assert.deepEqual(analyzeModel(model, defaultSettings), expected);
    pool.dispose();
  });

  it('a worker that takes documents and never answers is given up on after the stall time', async () => {
    const logged: string[] = [];
    const pool = new ParallelAnalysis(fakeWorker('hoarding.js'), (m) => logged.push(m), { threads: 2, fromBytes: 0, stallMs: 300 });
    // The first file starts the worker; this thread may well do all of it before the worker is up.
    const first = buildModel(text);
    await pool.prime(first, defaultSettings);
    assert.deepEqual(analyzeModel(first, defaultSettings), expected);
    // Once the worker is up, it takes documents the moment a file comes; this thread waits for them, then gives up.
    await until(() => pool.workerStarted());
    const model = buildModel(text);
    await pool.prime(model, defaultSettings);
    assert.deepEqual(analyzeModel(model, defaultSettings), expected);
    assert.ok(logged.some((m) => /sent nothing/.test(m)), logged.join('\n'));
    pool.dispose();
  });
});
