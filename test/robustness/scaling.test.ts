/**
 * Every path the hostile-input report found quadratic, at a size and at four
 * times that size in the same run: the time must grow less than eightfold
 * (a linear path grows fourfold, a quadratic one sixteenfold). Ratios, not absolute times, so a slow
 * or busy machine does not fail them; each side is the fastest of a few
 * runs, interleaved, so a pause in one run does not either. Sizes stay
 * inside the budgets, where the algorithms themselves do the work.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { buildModel } from '../../server/src/manifest/model';
import { completionsAt } from '../../server/src/features/completion';
import { fixAll, fixAllOfKind } from '../../server/src/features/codeActions';
import { diagnosticsWithinBudget, toDiagnostic } from '../../server/src/features/diagnostics';
import { updateDocument } from '../../server/src/lsp/documentUpdate';
import { FrameParser, frameMessage } from '../../server/src/lsp/framing';
import { compileGlob, globMatches } from '../../server/src/cli/glob';

/** A workload of size `n`, prepared outside the timing; `run` is what is timed. */
type Workload = (n: number) => () => unknown;

function timeOf(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Time at 2n over time at n/2: the fastest of `rounds` runs each, the two
 * sizes taking turns. Four times the input, not two: a linear cost then grows
 * ×4 and a quadratic one ×16, and the line between them (×8) stands clear of
 * what a collection of garbage at the wrong moment does to a doubling. The
 * larger size is the one the budgets were chosen for.
 */
function growth(workload: Workload, n: number, rounds = 3): { ratio: number; small: number; large: number } {
  const small = workload(Math.floor(n / 2));
  const large = workload(2 * n);
  // No separate warm-up: the fastest of the runs is never the first, cold one.
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < rounds; i++) {
    a = Math.min(a, timeOf(small));
    b = Math.min(b, timeOf(large));
  }
  return { ratio: b / a, small: a, large: b };
}

const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n';

/** A fast operation done `times` over, so that what is timed is well above the clock's noise. */
function repeat(times: number, run: () => unknown): unknown {
  let last: unknown;
  for (let i = 0; i < times; i++) last = run();
  return last;
}

const workloads: { name: string; n: number; workload: Workload }[] = [
  {
    name: 'fix-all and fix-all-of-a-kind on n small documents',
    n: 3_000,
    workload: (n) => {
      const text = `${pdb}---\n`.repeat(n);
      const document = TextDocument.create('file:///fix.yaml', 'yaml', 1, text);
      const findings = analyzeModel(buildModel(text), defaultSettings);
      const diagnostics = findings.slice(0, 1).map((f) => toDiagnostic(document, f));
      return () => repeat(5, () => [fixAll(document, findings), fixAllOfKind(document, diagnostics, findings)]);
    },
  },
  {
    name: 'completion below a line of n blanks',
    n: 200_000,
    workload: (n) => {
      const model = buildModel(`apiVersion: v1\nkind: Pod\nspec:\n  a${' '.repeat(n)}\n  k: x${' '.repeat(n)}y\n  `);
      return () => repeat(5, () => [completionsAt(model, 5, 2, defaultSettings), completionsAt(model, 4, n + 8, defaultSettings), completionsAt(model, 3, n + 3, defaultSettings)]);
    },
  },
  {
    name: 'a single-line List of n removed-API items',
    n: 2_000,
    workload: (n) => {
      // Long plain names make a long line with few nodes: a cost per finding that grows with the line (what it was) shows.
      const item = `{apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: ${'x'.repeat(1000)}}}`;
      const text = `{apiVersion: v1, kind: List, items: [${Array(n).fill(item).join(', ')}]}\n`;
      // Parsed once; each run checks it for another target, so the checks run again and the parse does not.
      const model = buildModel(text);
      assert.equal(model.chunks[0]?.chunk.resources.length, n, 'the List is within the budgets');
      let run = 0;
      return () => analyzeModel(model, { ...defaultSettings, featureGates: { [`Run${run++}`]: true } });
    },
  },
  {
    name: 'n words "kep-lens" without a #, and on comment lines',
    n: 20_000,
    workload: (n) => {
      const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: ${'kep-lens '.repeat(n)}\n${'# kep-lens-disable-next-line kep-rule # kep-lens\n'.repeat(n / 10)}`;
      return () => analyzeModel(buildModel(text), defaultSettings);
    },
  },
  {
    name: 'n distinct unknown suppression codes',
    n: 8_000,
    workload: (n) => {
      const text = `# kep-lens-disable ${Array.from({ length: n }, (_, i) => `c${i.toString(36)}`).join(' ')}\napiVersion: v1\nkind: Pod\n`;
      return () => analyzeModel(buildModel(text), defaultSettings);
    },
  },
  {
    name: 'n cursors in one change',
    n: 40_000,
    workload: (n) => {
      const text = 'apiVersion: v1\n'.repeat(n);
      const changes = Array.from({ length: n }, (_, i) => ({ range: { start: { line: n - 1 - i, character: 0 }, end: { line: n - 1 - i, character: 0 } }, text: '#' }));
      return () => updateDocument(TextDocument.create('file:///c.yaml', 'yaml', 1, text), changes, 2);
    },
  },
  {
    name: 'a .gitignore pattern of many stars against a name of n characters',
    n: 100_000,
    workload: (n) => {
      const glob = compileGlob('*a*a*a*a*a*a*a*a*b');
      const name = 'a'.repeat(n);
      return () => globMatches(glob, name);
    },
  },
  {
    name: 'n Helm actions on one line',
    n: 20_000,
    workload: (n) => {
      const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: ${'{{ .Values.x }} '.repeat(n)}\n`;
      return () => buildModel(text).chunks[0]?.chunk.resources;
    },
  },
  {
    name: 'a message of n bytes arriving in 64 KB pieces',
    n: 4 * 1024 * 1024,
    workload: (n) => {
      const bytes = frameMessage({ jsonrpc: '2.0', method: 'x', params: { text: 'a'.repeat(n) } });
      return () => repeat(10, () => {
        const parser = new FrameParser(() => undefined);
        for (let at = 0; at < bytes.length; at += 65_536) parser.feed(bytes.subarray(at, at + 65_536));
      });
    },
  },
  {
    name: 'publishing the diagnostics of n findings',
    n: 2_000,
    workload: (n) => {
      const text = `# kep-lens-disable ${'x '.repeat(n)}\napiVersion: v1\nkind: Pod\n`;
      const document = TextDocument.create('file:///d.yaml', 'yaml', 1, text);
      const findings = analyzeModel(buildModel(text), defaultSettings);
      return () => diagnosticsWithinBudget(document, findings);
    },
  },
];

describe('scaling: four times the input takes less than eight times the time', () => {
  for (const { name, n, workload } of workloads) {
    it(name, () => {
      let result = growth(workload, n);
      // A ratio over the line is measured again, with more runs, before it counts: a run can be unlucky,
      // while a quadratic path stays near ×16 however often it is measured.
      for (let attempt = 2; result.ratio >= 8 && attempt <= 3; attempt++) result = growth(workload, n, 3 * attempt);
      console.log(`scaling: ${name}: n/2 ${result.small.toFixed(1)} ms, 2n ${result.large.toFixed(1)} ms, ×${result.ratio.toFixed(2)}`);
      assert.ok(result.ratio < 8, `four times the input multiplied the time by ${result.ratio.toFixed(2)} (${result.small.toFixed(1)} → ${result.large.toFixed(1)} ms)`);
    });
  }
});
