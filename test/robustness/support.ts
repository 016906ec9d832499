/**
 * Shared pieces of the robustness suite: a seeded PRNG, the repository
 * paths, random engine settings, and the range checks every result must
 * pass. Not a test file itself (no `.test` in its name).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineSettings } from '../../server/src/engine/target';
import { allGateNames } from '../../server/src/kep/catalog';
import { supportedVersions } from '../../server/src/kep/versions';

/** out/test/robustness → repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'robustness');
export const examplesDir = path.join(repoRoot, 'examples');

/** The text of every YAML file under a directory, depth first (none when it does not exist). */
export function readYamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...readYamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(fs.readFileSync(full, 'utf8'));
  }
  return out;
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[this.int(items.length)] as T;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
  /** A derived generator, so one consumer's draws do not shift another's. */
  fork(): Rng {
    return new Rng((this.int(0x7fffffff) ^ 0x5bd1e995) >>> 0);
  }
}

/** The seed of this run: FUZZ_SEED (decimal or 0x hex) or a fixed default. */
export function seedFromEnv(fallback: number): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isFinite(value)) throw new Error(`FUZZ_SEED must be a number, got ${JSON.stringify(raw)}`);
  return value >>> 0;
}

const diagnosticCodeList = [
  'removed-api', 'deprecated-api', 'not-yet-available', 'removed-field', 'deprecated-field', 'feature-gate-off',
  'removed-gate', 'kep-rule', 'invalid-value', 'unknown-field', 'invalid-type', 'yaml-syntax', 'invalid-directive', 'unknown-suppression',
];

/** Random but valid engine settings: a supported version, some gates, some disabled codes. */
export function randomSettings(rng: Rng): EngineSettings {
  const gates: Record<string, boolean> = {};
  const names = allGateNames();
  const count = rng.chance(0.5) ? 0 : rng.range(1, 6);
  for (let i = 0; i < count; i++) gates[rng.pick(names)] = rng.chance(0.5);
  if (rng.chance(0.05)) gates.NoSuchGateAnywhere = true;
  const disabledCodes = rng.chance(0.8) ? [] : diagnosticCodeList.filter(() => rng.chance(0.2));
  return { kubernetesVersion: rng.pick(supportedVersions), featureGates: gates, disabledCodes, syntaxDiagnostics: rng.chance(0.85), schemaChecks: rng.chance(0.9) };
}

/** Problems with an [start, end] offset pair in a text of `length` characters. */
export function rangeProblem(what: string, start: unknown, end: unknown, length: number): string | undefined {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
    return `${what}: non-integer range ${String(start)}..${String(end)}`;
  }
  if (start < 0 || end < start || end > length) return `${what}: range ${start}..${end} outside 0..${length}`;
  return undefined;
}

/** A short printable excerpt of a (possibly huge) input, for failure messages. */
export function excerpt(text: string, max = 300): string {
  const shown = text.length > max ? `${text.slice(0, max)}… (+${text.length - max} chars)` : text;
  return JSON.stringify(shown);
}
