/**
 * Property/fuzz tests of the engine: thousands of generated and mutated
 * manifests through buildModel, analyzeModel, hoverAt, completionsAt and
 * documentInfo, plus a set of pathological inputs. Seeded (mulberry32):
 * FUZZ_SEED=<n> replays a run, FUZZ_ITERATIONS=<n> changes its length.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { buildModel, type ManifestModel } from '../../server/src/manifest/model';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { callBoundMs, exercise, minimize, Stats, type ExerciseOptions } from './harness';
import { generateManifest, mutate, nastySeeds } from './generate';
import { examplesDir, excerpt, fixturesDir, readYamlFiles, Rng, seedFromEnv } from './support';

const seed = seedFromEnv(0x4b45504c);
const iterations = Number(process.env.FUZZ_ITERATIONS ?? 10_000);
// Printed first, so a failing run can be replayed with FUZZ_SEED.
console.log(`engine fuzz: FUZZ_SEED=${seed} (0x${seed.toString(16)}), FUZZ_ITERATIONS=${iterations}, per-call bound ${callBoundMs} ms`);

/** The failures of a run, with small reproductions, as an assertion message. */
function report(stats: Stats, what: string): string {
  const rngFor = (): Rng => new Rng(seed);
  const repros = stats.failures.map((f) => {
    const small = minimize(f, rngFor);
    return `  [${f.kind}] minimal input (${small.length} chars): ${excerpt(small, 400)}`;
  });
  return `${what}: invariants broken (FUZZ_SEED=${seed})\n${stats.summary()}\nreproductions:\n${repros.join('\n')}`;
}

function describe(stats: Stats): string {
  return `${stats.inputs} inputs, ${stats.calls} calls, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB, ${stats.findings} findings, ${stats.hovers} hovers, ${stats.completions} completion items; slowest call ${stats.maxMs.toFixed(1)} ms (${stats.maxWhat})`;
}

test('engine fuzz: generated and mutated manifests', (t) => {
  const rng = new Rng(seed);
  const stats = new Stats();
  const started = performance.now();
  const corpus = [...readYamlFiles(examplesDir), ...readYamlFiles(fixturesDir), ...nastySeeds];
  assert.ok(corpus.length >= 4, 'examples/*.yaml should be readable');
  const generated = Array.from({ length: 300 }, () => generateManifest(rng));
  const pool = [...corpus, ...generated];
  const models = new Map<string, ManifestModel>();
  const modelOf = (text: string): ManifestModel => {
    let model = models.get(text);
    if (!model) {
      model = buildModel(text);
      models.set(text, model);
    }
    return model;
  };

  // Every seed as it is, then mutations; a chain keeps mutating its own output, like an edit session.
  let previous: { text: string; model: ManifestModel } | undefined;
  for (const text of pool) {
    const model = exercise(text, rng, stats, 'seed', { previous: previous?.model });
    if (model) previous = { text, model };
  }
  let chain: { text: string; model: ManifestModel } | undefined;
  for (let i = 0; stats.inputs < iterations + pool.length && i < iterations * 2; i++) {
    const roll = rng.float();
    let parent: { text: string; model: ManifestModel };
    if (chain && roll < 0.35) parent = chain;
    else {
      const text = roll < 0.55 ? generateManifest(rng) : rng.pick(pool);
      parent = { text, model: modelOf(text) };
    }
    const { text, applied } = mutate(parent.text, rng);
    // Every input is checked against reuse of its parent's model; every other one also against a second fresh parse.
    const model = exercise(text, rng, stats, `#${i} ${applied.join('+')}`, { previous: parent.model, determinism: i % 2 === 0 });
    chain = model && rng.chance(0.9) ? { text, model } : undefined;
    if (models.size > 2000) models.clear();
  }
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`${describe(stats)}; ${seconds.toFixed(1)} s`);
  console.log(`engine fuzz (mutations): ${describe(stats)}; ${seconds.toFixed(1)} s`);
  assert.ok(stats.inputs >= iterations, `ran ${stats.inputs} inputs, expected at least ${iterations}`);
  assert.equal(stats.failures.length, 0, report(stats, 'mutated inputs'));
});

test('engine fuzz: typing a manifest keystroke by keystroke reuses the model faithfully', (t) => {
  const rng = new Rng(seed ^ 0x1234567);
  const stats = new Stats();
  const sources = readYamlFiles(examplesDir);
  for (let round = 0; round < 4; round++) {
    const target = round < sources.length && rng.chance(0.5) ? (sources[round] as string) : generateManifest(rng);
    // Type the file into an existing document: a prefix is already there, the rest arrives in bursts at a cursor.
    const cut = rng.int(target.length);
    let text = target.slice(0, cut);
    let model = buildModel(text);
    let at = cut;
    while (at < target.length) {
      const burst = rng.range(1, 6);
      text = text + target.slice(at, at + burst);
      at += burst;
      const next = exercise(text, rng, stats, `typing round ${round} at ${at}`, { previous: model, positions: 1, determinism: false });
      if (!next) break;
      model = next;
    }
    // Then delete lines from the middle, as a user would.
    for (let d = 0; d < 30; d++) {
      const lines = text.split('\n');
      if (lines.length < 2) break;
      lines.splice(rng.int(lines.length), 1);
      text = lines.join('\n');
      const next = exercise(text, rng, stats, `deleting round ${round}`, { previous: model, positions: 1, determinism: false });
      if (!next) break;
      model = next;
    }
  }
  t.diagnostic(describe(stats));
  assert.equal(stats.failures.length, 0, report(stats, 'typing'));
});

// ---------------------------------------------------------------- pathological inputs

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n';

function aliasBomb(): string {
  let text = `${pod}spec:\n  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  for (let i = 1; i <= 9; i++) text += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  text += '  containers: *a9\n  volumes: [*a9, *a9]\n  securityContext: {<<: [*a9, *a9]}\n  affinity: *a9\n';
  return text;
}

function mergeBomb(): string {
  let text = `%YAML 1.1\n---\n${pod}spec:\n  m0: &m0 {a: 1, b: 2}\n`;
  for (let i = 1; i <= 12; i++) text += `  m${i}: &m${i}\n    <<: [*m${i - 1}, *m${i - 1}]\n    k${i}: v\n`;
  text += '  securityContext:\n    <<: *m12\n';
  return text;
}

/** Inputs that stress size, depth and repetition, with how to treat each. */
const pathological: { name: string; make: () => string; options?: ExerciseOptions; edit?: boolean }[] = [
  // Each parse of these takes the yaml parser about a second (it recurses until the stack overflows): no edit round.
  { name: 'block nesting: 10,000 levels of compact sequences (- - - …)', make: () => `${pod}spec:\n  containers:\n  ${'- '.repeat(10_000)}x\n`, edit: false },
  { name: 'block nesting: 10,000 levels of compact sequences at the root', make: () => `${'- '.repeat(10_000)}apiVersion: v1\n`, edit: false },
  { name: 'block nesting: 2,000 levels of indented maps (2 MB, past the nesting budget)', make: () => `${pod}spec:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`, options: { determinism: false } },
  { name: 'block nesting: 500 levels of one-space maps (parsed)', make: () => `${pod}spec:\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n` },
  { name: 'block nesting: 10,000 levels of indented maps (50 MB, above the parse cap)', make: () => `${pod}spec:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} x\n`, options: { determinism: false, positions: 2 }, edit: false },
  { name: 'flow nesting: 10,000 levels of sequences', make: () => `${pod}spec:\n  containers: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  { name: 'flow nesting: 10,000 levels of maps', make: () => `${pod}spec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n` },
  { name: 'flow nesting: 10,000 unclosed brackets', make: () => `${pod}spec: ${'[{'.repeat(5_000)}\n` },
  { name: 'one million documents (9 MB, past the documents budget)', make: () => 'a: 1\n---\n'.repeat(1_000_000), options: { determinism: false, positions: 2 } },
  { name: '127,000 unknown suppression codes in 254 KB (past the findings budget)', make: () => `# kep-lens-disable ${'x '.repeat(127_000)}\n${pod}`, options: { determinism: false } },
  { name: 'a line of 200,000 blanks after a key, and the cursor below it', make: () => `${pod}spec:\n  a${' '.repeat(200_000)}\n  k: x${' '.repeat(200_000)}y\n  \n`, options: { determinism: false } },
  { name: 'a 3.6 MB single-line JSON List (past the node budget)', make: () => `{"apiVersion":"v1","kind":"List","items":[${'{"apiVersion":"policy/v1beta1","kind":"PodDisruptionBudget","metadata":{"name":"x"}},'.repeat(43_000)}{}]}\n`, options: { determinism: false } },
  { name: '720 KB of the word kep-lens without #', make: () => `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: ${'kep-lens '.repeat(80_000)}\n`, options: { determinism: false } },
  { name: 'a 10 MB single-line value (above the parse cap)', make: () => `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'a'.repeat(10 * 1024 * 1024)}\n`, options: { determinism: false } },
  { name: 'a 7 MB single-line image (parsed, reaches the image rule regex)', make: () => `${pod}spec:\n  containers:\n    - name: c\n      image: ${'a/'.repeat(3_500_000)}:\n`, options: { determinism: false } },
  { name: 'a 7 MB single-line managedBy (parsed, reaches the length rule)', make: () => `apiVersion: batch/v1\nkind: Job\nspec:\n  managedBy: ${'x'.repeat(7 * 1024 * 1024)}\n`, options: { determinism: false } },
  { name: 'billion laughs: 9^9 aliases in pod fields', make: aliasBomb },
  { name: 'merge-key bomb: 2^12 merges under YAML 1.1', make: mergeBomb },
  { name: 'an alias to itself and undefined aliases', make: () => `${pod}spec: &s\n  containers: *s\n  volumes: *nope\n  affinity: &a [*a]\n` },
  { name: '50,000 --- markers', make: () => '---\n'.repeat(50_000), options: { determinism: false } },
  { name: '10,000 removed-API documents', make: () => 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n---\n'.repeat(10_000), options: { determinism: false } },
  { name: 'a List of 5,000 removed-API items', make: () => `apiVersion: v1\nkind: List\nitems:\n${'  - apiVersion: policy/v1beta1\n    kind: PodDisruptionBudget\n'.repeat(5_000)}`, options: { determinism: false } },
  { name: 'a List of 5,000 removed-API items and one suppression comment', make: () => `apiVersion: v1\nkind: List\nitems:\n  # kep-lens-disable-next-line kep-rule\n${'  - apiVersion: policy/v1beta1\n    kind: PodDisruptionBudget\n'.repeat(5_000)}`, options: { determinism: false } },
  { name: '14,000 suppression comments', make: () => `${'# kep-lens-disable-next-line kep-rule\n'.repeat(14_000)}apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n`, options: { determinism: false }, edit: false },
  { name: '14,000 directive comments', make: () => `${'# kep-lens: kubernetesVersion=1.30\n'.repeat(14_000)}apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n`, options: { determinism: false }, edit: false },
  { name: 'a ConfigMap of 25,000 keys (0.4 MB)', make: () => `apiVersion: v1\nkind: ConfigMap\ndata:\n${Array.from({ length: 25_000 }, (_, i) => `  k${i}: v${i}\n`).join('')}`, options: { determinism: false } },
  // A file embedded in a ConfigMap: the yaml parser reads it in ~0.3 s; anything quadratic in lines shows.
  { name: 'a ConfigMap with a 300,000-line block scalar (1.8 MB)', make: () => `apiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n${'    a\n'.repeat(300_000)}`, options: { determinism: false }, edit: false },
  { name: 'a 0.25 MB flow sequence on one line', make: () => `${pod}spec:\n  containers: [${'{name: a, image: "b:latest"}, '.repeat(8_500)}]\n`, options: { determinism: false } },
  { name: 'a 1 MB line of tabs, CRs and BOMs', make: () => `\uFEFF${pod}spec:\r\n${'\t\r\uFEFF \u2028'.repeat(200_000)}\n`, options: { determinism: false } },
  { name: '50,000 lines of Helm control structures', make: () => `{{- if .Values.a }}\n${pod}${'{{- if .Values.x }}\n{{- end }}\n'.repeat(25_000)}{{- end }}\n`, options: { determinism: false } },
  { name: '1 MB of binary junk', make: () => { const r = new Rng(seed); return Buffer.from(Array.from({ length: 1024 * 1024 }, () => r.int(256))).toString('latin1'); }, options: { determinism: false } },
  { name: '0.5 MB of invalid UTF-8', make: () => { const r = new Rng(seed + 1); return new TextDecoder().decode(Buffer.from(Array.from({ length: 512 * 1024 }, () => r.pick([0x80, 0xff, 0xc3, 0x3a, 0x0a, 0x20, 0x2d, 0x61])))); }, options: { determinism: false } },
];

for (const input of pathological) {
  test(`engine pathological: ${input.name}`, (t) => {
    const text = input.make();
    const stats = new Stats();
    const started = performance.now();
    exercise(text, new Rng(seed), stats, input.name, { positions: 4, settings: defaultSettings, ...input.options });
    // Reuse: an edit at the end of the file must give what a fresh parse gives.
    if (input.edit ?? text.length < 600_000) {
      const model = buildModel(text);
      exercise(`${text}\n# edited\n`, new Rng(seed + 1), stats, `${input.name} + edit`, { previous: model, positions: 1, determinism: false, settings: defaultSettings });
    }
    const total = performance.now() - started;
    t.diagnostic(`${(text.length / 1024 / 1024).toFixed(2)} MB; ${(total / 1000).toFixed(2)} s in all; slowest call ${stats.maxMs.toFixed(0)} ms (${stats.maxWhat})`);
    assert.equal(stats.failures.length, 0, `${input.name}:\n${stats.summary()}`);
  });
}

test('engine pathological: analysing a model is deterministic across settings changes', () => {
  // The findings cache is keyed by target; flipping between targets must not leak findings between them.
  const rng = new Rng(seed ^ 0xabcdef);
  const text = readYamlFiles(examplesDir).join('---\n');
  const model = buildModel(text);
  const versions = ['1.27', '1.31', '1.34'] as const;
  const first = versions.map((v) => analyzeModel(model, { ...defaultSettings, kubernetesVersion: v }));
  for (let i = 0; i < 30; i++) {
    const index = rng.int(versions.length);
    const again = analyzeModel(model, { ...defaultSettings, kubernetesVersion: versions[index] as string });
    assert.deepEqual(again, first[index]);
  }
});
