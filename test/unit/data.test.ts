/**
 * Invariants over the whole KEP data set, and the catalog queries the
 * features are built on.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { apiVersionLifecycles, currentApiVersions, embeddings, enhancements } from '../../server/src/kep/data';
import {
  allGateNames,
  apiVersionStatusAt,
  factsAt,
  fieldStatusAt,
  findEnhancement,
  findGate,
  gateStateAt,
  indexAt,
  joinPath,
  pathIndexFor,
  splitPath,
  stageAt,
  type Fact,
} from '../../server/src/kep/catalog';
import type { AllowedValue, ApiField, Enhancement, GateSpan, Stage, StageSpan } from '../../server/src/kep/types';
import { compareVersions, supportedVersions } from '../../server/src/kep/versions';
import { repoRoot } from './helpers';

const factTablePath = path.resolve(repoRoot, '..', 'shared', 'kep-facts', 'keps-1.31.json');

interface FactEntry {
  id: string;
  kep?: number | null;
  title: string;
  category: string;
  stage131?: string;
  milestones?: Record<string, string | null> | null;
  history?: Record<string, string>;
  notes?: string;
}

function loadFacts(): FactEntry[] | undefined {
  if (!fs.existsSync(factTablePath)) return undefined;
  return JSON.parse(fs.readFileSync(factTablePath, 'utf8')) as FactEntry[];
}

function byId(id: string): Enhancement {
  const e = enhancements.find((x) => x.id === id);
  assert.ok(e, `no enhancement ${id}`);
  return e;
}

function fieldOf(id: string, kind: string, pathText: string): ApiField {
  const field = byId(id).fields.find((f) => f.kind === kind && f.path === pathText);
  assert.ok(field, `${id} has no field ${kind} ${pathText}`);
  return field;
}

const stageRank: Record<Stage, number> = { alpha: 0, beta: 1, stable: 2, deprecated: 3, removed: 4 };

/** Transitions that need no explanation: graduation, deprecation from anywhere, removal after deprecation. */
function plainTransition(from: Stage, to: Stage): boolean {
  if (from === to) return true;
  if (to === 'deprecated') return from !== 'removed';
  if (to === 'removed') return from === 'deprecated';
  return from !== 'deprecated' && from !== 'removed' && stageRank[to] > stageRank[from];
}

/** Spans sorted by `from`, each `from ≤ to`, only the last open, and no two overlapping. */
function assertSpansOrdered(spans: readonly (StageSpan | GateSpan)[], label: string): void {
  spans.forEach((span, i) => {
    assert.ok(/^1\.\d+$/.test(span.from), `${label}: span ${i} from "${span.from}" is not a minor version`);
    if (span.to !== undefined) {
      assert.ok(/^1\.\d+$/.test(span.to), `${label}: span ${i} to "${span.to}" is not a minor version`);
      assert.ok(compareVersions(span.from, span.to) <= 0, `${label}: span ${i} runs backwards (${span.from}–${span.to})`);
    }
    if (i < spans.length - 1) {
      assert.ok(span.to !== undefined, `${label}: span ${i} (${span.stage} ${span.from}) is open-ended but is not the last`);
      const next = spans[i + 1] as StageSpan;
      assert.ok(compareVersions(next.from, span.to as string) > 0, `${label}: span ${i + 1} (${next.stage} ${next.from}) overlaps span ${i} (…${span.to})`);
    }
  });
}

const identifier = /^[A-Za-z][A-Za-z0-9]*$/;

function assertWellFormedPath(p: string, label: string, allowDot = false): void {
  if (allowDot && p === '.') return;
  const segments = splitPath(p);
  assert.ok(segments.length > 0, `${label}: empty path`);
  assert.equal(joinPath(segments), p, `${label}: "${p}" does not round-trip through splitPath/joinPath`);
  for (const s of segments) assert.ok(s === '[]' || identifier.test(s), `${label}: segment "${s}" of "${p}" is neither an identifier nor []`);
  assert.notEqual(segments[0], '[]', `${label}: "${p}" starts with a list marker`);
}

function allValues(e: Enhancement): { where: string; value: AllowedValue }[] {
  const out: { where: string; value: AllowedValue }[] = [];
  for (const f of e.fields) {
    for (const v of f.values ?? []) out.push({ where: `${f.kind} ${f.path}`, value: v });
    for (const c of f.children ?? []) for (const v of c.values ?? []) out.push({ where: `${f.kind} ${f.path}.${c.key}`, value: v });
  }
  for (const c of e.config) for (const v of [...(c.values ?? []), ...(c.entries ?? [])]) out.push({ where: `${c.component} ${c.kind ?? c.flag ?? ''} ${c.path ?? ''}`, value: v });
  return out;
}

const componentConfigKinds = new Set(enhancements.flatMap((e) => e.config.map((c) => c.kind)).filter((k): k is string => !!k));
const knownKinds = new Set<string>([
  ...currentApiVersions.map((k) => k.kind),
  ...componentConfigKinds,
  ...embeddings.flatMap((e) => [e.hostKind, e.embeddedKind]),
]);

// ---------------------------------------------------------------- identity

describe('data: identity', () => {
  test('ids are unique and well formed', () => {
    const seen = new Set<string>();
    for (const e of enhancements) {
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
      assert.match(e.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `id ${e.id}`);
      if (e.kep !== undefined) assert.equal(e.id, `kep-${e.kep}`, `an entry with a KEP number has id kep-N (${e.id})`);
    }
  });

  test('KEP numbers are unique', () => {
    const seen = new Map<number, string>();
    for (const e of enhancements) {
      if (e.kep === undefined) continue;
      assert.ok(Number.isInteger(e.kep) && e.kep > 0, `${e.id}: KEP number ${e.kep}`);
      assert.ok(!seen.has(e.kep), `KEP-${e.kep} appears in ${seen.get(e.kep)} and ${e.id}`);
      seen.set(e.kep, e.id);
    }
  });

  test('gate names are owned by one enhancement, or repeated with identical spans', () => {
    const first = new Map<string, { id: string; spans: string; removedIn?: string }>();
    for (const e of enhancements) {
      for (const g of e.gates) {
        const spans = JSON.stringify(g.spans.map((s) => [s.stage, s.defaultOn, s.from, s.to, !!s.locked]));
        const seen = first.get(g.name);
        if (!seen) first.set(g.name, { id: e.id, spans, removedIn: g.removedIn });
        else {
          assert.equal(spans, seen.spans, `gate ${g.name} has different spans in ${seen.id} and ${e.id}`);
          assert.equal(g.removedIn, seen.removedIn, `gate ${g.name} has different removedIn in ${seen.id} and ${e.id}`);
        }
      }
    }
  });

  test('every entry has a source, a summary and something to watch out for', () => {
    for (const e of enhancements) {
      assert.ok(e.sources.length >= 1 && e.sources.every((s) => s.trim() !== ''), `${e.id}: sources`);
      assert.ok(e.summary.trim().length > 0, `${e.id}: summary`);
      assert.ok(e.watchOut.length >= 1 && e.watchOut.every((w) => w.trim() !== ''), `${e.id}: watchOut`);
      assert.ok(e.title.trim() !== '' && e.sig.trim() !== '', `${e.id}: title and sig`);
      for (const f of e.fields) assert.ok(f.description.trim() !== '', `${e.id}: ${f.kind} ${f.path} has no description`);
    }
  });
});

// ---------------------------------------------------------------- time

describe('data: stages move forward in time', () => {
  test('stage spans are ordered and do not overlap', () => {
    for (const e of enhancements) {
      assert.ok(e.stages.length >= 1, `${e.id}: no stages`);
      assertSpansOrdered(e.stages, e.id);
    }
  });

  test('stages go alpha→beta→stable or deprecated→removed, other moves are explained', () => {
    for (const e of enhancements) {
      for (let i = 1; i < e.stages.length; i++) {
        const before = e.stages[i - 1] as StageSpan;
        const after = e.stages[i] as StageSpan;
        if (plainTransition(before.stage, after.stage)) continue;
        const explained = !!after.note || !!before.note || (e.discrepancies?.length ?? 0) > 0;
        assert.ok(explained, `${e.id}: ${before.stage} ${before.from} → ${after.stage} ${after.from} is not a forward move and no note or discrepancy explains it`);
      }
    }
  });

  test('gate spans are ordered, do not overlap, and end before the gate is removed', () => {
    for (const e of enhancements) {
      for (const g of e.gates) {
        const label = `${e.id} gate ${g.name}`;
        assertSpansOrdered(g.spans, label);
        for (let i = 1; i < g.spans.length; i++) {
          const before = g.spans[i - 1] as GateSpan;
          const after = g.spans[i] as GateSpan;
          assert.ok(plainTransition(before.stage, after.stage) || !!after.note || !!g.note, `${label}: ${before.stage} → ${after.stage} unexplained`);
          if (before.locked) assert.ok(after.locked || after.stage === 'deprecated', `${label}: a locked span is followed by an unlocked one`);
        }
        if (g.removedIn !== undefined) {
          assert.match(g.removedIn, /^1\.\d+$/, label);
          for (const span of g.spans) {
            assert.ok(compareVersions(span.from, g.removedIn) < 0, `${label}: span from ${span.from} starts at or after removal in ${g.removedIn}`);
            assert.ok(span.to !== undefined && compareVersions(span.to, g.removedIn) < 0, `${label}: span ${span.stage} ${span.from} must end before removal in ${g.removedIn}`);
          }
        }
        assert.ok(g.components.every((c) => c.trim() !== ''), `${label}: empty component name`);
      }
    }
  });

  test('fields and values have since < deprecatedIn < removedIn', () => {
    const ordered = (label: string, since?: string, deprecatedIn?: string, removedIn?: string): void => {
      const chain = [since, deprecatedIn, removedIn].filter((v): v is string => v !== undefined);
      for (let i = 1; i < chain.length; i++) assert.ok(compareVersions(chain[i - 1] as string, chain[i] as string) < 0, `${label}: ${chain.join(' → ')} is not increasing`);
    };
    for (const e of enhancements) {
      for (const f of e.fields) ordered(`${e.id} ${f.kind} ${f.path}`, f.since, f.deprecatedIn, f.removedIn);
      for (const { where, value } of allValues(e)) ordered(`${e.id} ${where} = ${value.value}`, value.since, value.deprecatedIn, value.removedIn);
      for (const c of e.config) ordered(`${e.id} config ${c.kind ?? c.flag}`, undefined, c.deprecatedIn, c.removedIn);
    }
  });
});

// ---------------------------------------------------------------- references

describe('data: references resolve', () => {
  test('every gate a field or a value names exists in some enhancement', () => {
    const names = new Set(allGateNames());
    for (const e of enhancements) {
      for (const f of e.fields) for (const g of f.gates ?? []) assert.ok(names.has(g), `${e.id}: field ${f.kind} ${f.path} names unknown gate ${g}`);
      for (const { where, value } of allValues(e)) {
        if (value.gate !== undefined) assert.ok(names.has(value.gate), `${e.id}: value ${value.value} of ${where} names unknown gate ${value.gate}`);
      }
    }
  });

  test('every field path is well formed and its kind is one the data knows', () => {
    const unknownKinds: string[] = [];
    for (const e of enhancements) {
      for (const f of e.fields) {
        assertWellFormedPath(f.path, `${e.id} ${f.kind}`);
        if (!knownKinds.has(f.kind)) unknownKinds.push(`${e.id}: ${f.kind} ${f.path}`);
        for (const c of f.children ?? []) assert.ok(identifier.test(c.key), `${e.id}: child key "${c.key}" of ${f.path}`);
      }
      for (const c of e.config) if (c.path) assertWellFormedPath(c.path, `${e.id} config ${c.kind}`);
    }
    assert.deepEqual(unknownKinds, [], `fields stated for kinds that are neither in currentApiVersions, a component-config kind, nor an embedding kind:\n${unknownKinds.join('\n')}`);
  });

  test('every rule has a well-formed trigger and check paths, on a known kind', () => {
    const ids = new Set<string>();
    for (const e of enhancements) {
      for (const r of e.rules) {
        const label = `${e.id} rule ${r.id}`;
        assert.ok(!ids.has(r.id), `duplicate rule id ${r.id}`);
        ids.add(r.id);
        assertWellFormedPath(r.trigger.path, label);
        assert.ok(knownKinds.has(r.trigger.kind), `${label}: kind ${r.trigger.kind}`);
        const check = r.check as Record<string, unknown>;
        for (const key of ['path', 'otherPath', 'unlessPresent']) {
          if (typeof check[key] === 'string') assertWellFormedPath(check[key] as string, `${label} check.${key}`, true);
        }
        if (r.check.type === 'notMatching') assert.doesNotThrow(() => new RegExp((r.check as { pattern: string }).pattern), label);
        if (r.fix?.type === 'set') assertWellFormedPath(r.fix.path, `${label} fix`);
        if (r.from && r.to) assert.ok(compareVersions(r.from, r.to) <= 0, `${label}: from ${r.from} after to ${r.to}`);
        assert.ok(r.message.trim() !== '', label);
      }
    }
  });

  test('annotation key patterns compile', () => {
    for (const e of enhancements) for (const a of e.annotations ?? []) assert.doesNotThrow(() => new RegExp(a.keyPattern), `${e.id} ${a.display}`);
  });
});

// ---------------------------------------------------------------- the shared fact table

describe('data: agrees with the shared fact table', () => {
  const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const runs = (text: string, n: number): Set<string> => {
    const w = words(text);
    const out = new Set<string>();
    for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
    return out;
  };
  const copied = (facts: FactEntry[], texts: (e: Enhancement) => { where: string; text: string }[]): string[] => {
    const problems: string[] = [];
    for (const fact of facts) {
      const e = enhancements.find((x) => x.id === fact.id);
      if (!e || !fact.notes) continue;
      const notes = runs(fact.notes, 12);
      for (const { where, text } of texts(e)) {
        for (const run of runs(text, 12)) if (notes.has(run)) problems.push(`${e.id} ${where}: "${run}"`);
      }
    }
    return [...new Set(problems)];
  };

  test('summaries and field descriptions share no 12-word run with the fact table notes', (t) => {
    const facts = loadFacts();
    if (!facts) {
      t.skip(`SKIPPED LOUDLY: shared fact table not found at ${factTablePath}; cannot check for copied prose`);
      return;
    }
    const problems = copied(facts, (e) => [{ where: 'summary', text: e.summary }, ...e.fields.map((f) => ({ where: `field ${f.path}`, text: f.description }))]);
    assert.deepEqual(problems, [], `prose copied from the fact table:\n${problems.join('\n')}`);
  });

  test('watchOut, config and value descriptions share no 12-word run with the fact table notes', (t) => {
    const facts = loadFacts();
    if (!facts) {
      t.skip(`SKIPPED LOUDLY: shared fact table not found at ${factTablePath}`);
      return;
    }
    const problems = copied(facts, (e) => [
      ...e.watchOut.map((w, i) => ({ where: `watchOut[${i}]`, text: w })),
      ...e.config.map((c) => ({ where: `config ${c.kind ?? c.flag}`, text: c.description })),
      ...allValues(e).map(({ where, value }) => ({ where: `value ${where}=${value.value}`, text: value.description })),
    ]);
    assert.deepEqual(problems, [], `prose copied from the fact table:\n${problems.join('\n')}`);
  });

  test('all 49 entries of the fact table are present with matching ids, KEP numbers and categories', () => {
    const facts = loadFacts();
    assert.ok(facts, `fact table missing at ${factTablePath} (CI runs with shared/ beside the repo)`);
    assert.equal(facts.length, 49);
    for (const fact of facts) {
      const e = enhancements.find((x) => x.id === fact.id);
      assert.ok(e, `fact table entry ${fact.id} (${fact.title}) is missing from the data`);
      assert.equal(e.kep, fact.kep ?? undefined, `${fact.id}: KEP number`);
      assert.equal(e.category, fact.category.split(' ')[0], `${fact.id}: category`);
    }
  });

  test('the 1.31 stage agrees with the fact table, or a note says why not', () => {
    const facts = loadFacts();
    assert.ok(facts);
    for (const fact of facts) {
      const e = byId(fact.id);
      const span = stageAt(e, '1.31');
      assert.ok(span, `${fact.id}: no stage at 1.31`);
      const expected = (fact.stage131 ?? '').split(/[\s(]/)[0];
      if (span.stage !== expected) assert.ok(span.note || e.discrepancies?.length, `${fact.id}: stage at 1.31 is ${span.stage}, fact table says ${fact.stage131}, and no note explains it`);
    }
  });

  test('versions 1.27–1.34 are covered by stages wherever the fact table has the enhancement', () => {
    const facts = loadFacts();
    assert.ok(facts);
    const minor = (v: string): number => Number(v.replace(/^v/, '').split('.')[1]);
    for (const fact of facts) {
      const e = byId(fact.id);
      const milestones = Object.values(fact.milestones ?? {}).filter((v): v is string => typeof v === 'string' && /^v?1\.\d+/.test(v)).map(minor);
      const earliest = Math.min(31, ...milestones);
      const first = e.stages[0] as StageSpan;
      for (const version of supportedVersions) {
        if (minor(version) < earliest) continue;
        if (!stageAt(e, version)) {
          // Starting later than the fact table is allowed only when the first span says why.
          assert.ok(compareVersions(version, first.from) < 0 && first.note, `${fact.id}: no stage at ${version} although the fact table has the enhancement from 1.${earliest}`);
        }
      }
      for (const version of Object.keys(fact.history ?? {})) {
        if (supportedVersions.includes(version)) assert.ok(stageAt(e, version), `${fact.id}: fact table has history for ${version}, data has no stage`);
      }
    }
  });
});

// ---------------------------------------------------------------- API lifecycles

describe('data: API version lifecycles', () => {
  test('rows are well formed: introduced < deprecated < removed, kinds listed', () => {
    for (const l of apiVersionLifecycles) {
      const label = `${l.groupVersion} ${l.kinds.join(',')}`;
      assert.match(l.groupVersion, /^(?:[a-z0-9.-]+\/)?v\d+(?:(?:alpha|beta)\d+)?$/, label);
      assert.ok(l.kinds.length > 0, label);
      const chain = [l.introducedIn, l.deprecatedIn, l.removedIn].filter((v): v is string => v !== undefined);
      for (let i = 1; i < chain.length; i++) assert.ok(compareVersions(chain[i - 1] as string, chain[i] as string) < 0, `${label}: ${chain.join(' → ')}`);
      if (l.deprecatedIn && l.removedIn) assert.ok(compareVersions(l.removedIn, l.deprecatedIn) > 0, `${label}: removedIn must be after deprecatedIn`);
      assert.ok(l.sources.length > 0, `${label}: sources`);
      if (l.enhancementId) assert.ok(findEnhancement(l.enhancementId), `${label}: enhancement ${l.enhancementId}`);
    }
  });

  test('no two rows describe the same group/version and kind', () => {
    const seen = new Set<string>();
    for (const l of apiVersionLifecycles) {
      for (const k of l.kinds) {
        const key = `${l.groupVersion} ${k}`;
        assert.ok(!seen.has(key), `duplicate lifecycle row for ${key}`);
        seen.add(key);
      }
    }
  });

  test('a replacement is named unless the row documents why there is none', () => {
    for (const l of apiVersionLifecycles) {
      if (l.replacement) {
        assert.notEqual(l.replacement, l.groupVersion, `${l.groupVersion}: replaced by itself`);
        continue;
      }
      assert.ok(l.note || l.changes?.length, `${l.groupVersion} ${l.kinds.join(',')}: no replacement and no note or changes saying why`);
    }
  });

  test('non-drop-in rows say what changes; migrations paths are well formed', () => {
    for (const l of apiVersionLifecycles) {
      if (!l.dropIn && l.replacement) assert.ok(l.changes?.length, `${l.groupVersion} ${l.kinds.join(',')}: not a drop-in but no changes listed`);
      for (const m of l.migrations ?? []) {
        if (m.type === 'rename') {
          assertWellFormedPath(m.from, l.groupVersion);
          assertWellFormedPath(m.to, l.groupVersion);
        } else assertWellFormedPath(m.path, l.groupVersion);
      }
    }
  });

  test('resource.k8s.io/v1alpha2 is removed in 1.31', () => {
    const rows = apiVersionLifecycles.filter((l) => l.groupVersion === 'resource.k8s.io/v1alpha2');
    assert.ok(rows.length > 0);
    for (const row of rows) assert.equal(row.removedIn, '1.31', row.kinds.join(','));
    assert.equal(apiVersionStatusAt('resource.k8s.io/v1alpha2', 'ResourceClaim', '1.31').state, 'removed');
    assert.equal(apiVersionStatusAt('resource.k8s.io/v1alpha2', 'ResourceClaim', '1.30').state, 'served');
  });

  test('currentApiVersions: every kind once, ranges ordered', () => {
    const seen = new Set<string>();
    for (const k of currentApiVersions) {
      assert.ok(!seen.has(k.kind), `kind ${k.kind} listed twice`);
      seen.add(k.kind);
      assert.ok(k.groupVersions.length > 0, k.kind);
      for (const gv of k.groupVersions) if (gv.since && gv.until) assert.ok(compareVersions(gv.since, gv.until) <= 0, `${k.kind} ${gv.groupVersion}`);
    }
  });
});

// ---------------------------------------------------------------- queries

describe('catalog: gateStateAt', () => {
  test('ImageVolume is alpha and off at 1.31', () => {
    const s = gateStateAt('ImageVolume', '1.31');
    assert.equal(s.unknown, false);
    assert.equal(s.span?.stage, 'alpha');
    assert.equal(s.defaultOn, false);
    assert.equal(s.enabled, false);
    assert.equal(s.locked, false);
  });

  test('ImageVolume is beta and still off at 1.33', () => {
    const s = gateStateAt('ImageVolume', '1.33');
    assert.equal(s.span?.stage, 'beta');
    assert.equal(s.defaultOn, false);
    assert.equal(s.enabled, false);
  });

  test('a user setting of true enables an off gate', () => {
    const s = gateStateAt('ImageVolume', '1.31', { ImageVolume: true });
    assert.equal(s.enabled, true);
    assert.equal(s.setting, true);
  });

  test('a user setting of false disables an on-by-default beta gate', () => {
    const s = gateStateAt('ServiceTrafficDistribution', '1.31', { ServiceTrafficDistribution: false });
    assert.equal(s.defaultOn, true);
    assert.equal(s.enabled, false);
  });

  test('before the gate exists it is not yet, and off whatever the settings say', () => {
    const s = gateStateAt('ImageVolume', '1.30', { ImageVolume: true });
    assert.equal(s.notYet, true);
    assert.equal(s.enabled, false);
  });

  test('locked gates ignore overrides', () => {
    const s = gateStateAt('JobPodFailurePolicy', '1.31', { JobPodFailurePolicy: false });
    assert.equal(s.span?.stage, 'stable');
    assert.equal(s.locked, true);
    assert.equal(s.enabled, true);
    assert.equal(s.setting, false);
  });

  test('a removed gate is removed after its removal, with the graduated behaviour permanent', () => {
    const before = gateStateAt('PersistentVolumeLastPhaseTransitionTime', '1.32');
    assert.equal(before.removed, false);
    const after = gateStateAt('PersistentVolumeLastPhaseTransitionTime', '1.33', { PersistentVolumeLastPhaseTransitionTime: false });
    assert.equal(after.removed, true);
    assert.equal(after.locked, true);
    assert.equal(after.enabled, true);
  });

  test('a withdrawn (deprecated) gate stays off after removal', () => {
    const s = gateStateAt('CSIMigrationRBD', '1.31', { CSIMigrationRBD: true });
    assert.equal(s.removed, true);
    assert.equal(s.enabled, false);
  });

  test('unknown gates are reported as unknown and follow the setting', () => {
    assert.deepEqual(
      { unknown: gateStateAt('NoSuchGate', '1.31').unknown, on: gateStateAt('NoSuchGate', '1.31', { NoSuchGate: true }).enabled },
      { unknown: true, on: true },
    );
    assert.equal(findGate('NoSuchGate'), undefined);
  });
});

describe('catalog: stageAt', () => {
  test('KEP-4639 has no stage before 1.31, alpha at 1.31–1.32, beta at 1.33', () => {
    const e = byId('kep-4639');
    assert.equal(stageAt(e, '1.30'), undefined);
    assert.equal(stageAt(e, '1.31')?.stage, 'alpha');
    assert.equal(stageAt(e, '1.32')?.stage, 'alpha');
    assert.equal(stageAt(e, '1.33')?.stage, 'beta');
  });

  test('a closed last span extends past its end; an open one is found at every later version', () => {
    const e = byId('kep-4639');
    const last = e.stages[e.stages.length - 1] as StageSpan;
    assert.equal(stageAt(e, '1.40')?.stage, last.stage);
    assert.equal(stageAt(byId('kep-3017'), '1.34')?.stage, 'stable');
  });

  test('withdrawn KEP-3063 is removed from 1.32; cephfs removal is removed from 1.31 and deprecated before', () => {
    assert.equal(stageAt(byId('kep-3063'), '1.32')?.stage, 'removed');
    assert.equal(stageAt(byId('removal-cephfs-volume-plugin'), '1.31')?.stage, 'removed');
    assert.equal(stageAt(byId('removal-cephfs-volume-plugin'), '1.30')?.stage, 'deprecated');
  });

  test('findEnhancement accepts ids, numbers and KEP-N', () => {
    assert.equal(findEnhancement('KEP-4639')?.id, 'kep-4639');
    assert.equal(findEnhancement(4639)?.id, 'kep-4639');
    assert.equal(findEnhancement('4639')?.id, 'kep-4639');
    assert.equal(findEnhancement('removal-cephfs-volume-plugin')?.id, 'removal-cephfs-volume-plugin');
    assert.equal(findEnhancement('kep-1'), undefined);
  });
});

describe('catalog: apiVersionStatusAt', () => {
  test('policy/v1beta1 PodDisruptionBudget: served, deprecated from 1.21, removed from 1.25', () => {
    assert.equal(apiVersionStatusAt('policy/v1beta1', 'PodDisruptionBudget', '1.20').state, 'served');
    assert.equal(apiVersionStatusAt('policy/v1beta1', 'PodDisruptionBudget', '1.24').state, 'deprecated');
    for (const v of ['1.25', '1.27', '1.31', '1.34']) {
      const s = apiVersionStatusAt('policy/v1beta1', 'PodDisruptionBudget', v);
      assert.equal(s.state, 'removed', v);
      assert.equal(s.lifecycle?.replacement, 'policy/v1');
      assert.equal(s.preferred, 'policy/v1');
    }
  });

  test('flowcontrol v1beta3 is served at 1.28, deprecated at 1.29–1.31, removed at 1.32', () => {
    for (const kind of ['FlowSchema', 'PriorityLevelConfiguration']) {
      assert.equal(apiVersionStatusAt('flowcontrol.apiserver.k8s.io/v1beta3', kind, '1.28').state, 'served', kind);
      assert.equal(apiVersionStatusAt('flowcontrol.apiserver.k8s.io/v1beta3', kind, '1.29').state, 'deprecated', kind);
      assert.equal(apiVersionStatusAt('flowcontrol.apiserver.k8s.io/v1beta3', kind, '1.31').state, 'deprecated', kind);
      assert.equal(apiVersionStatusAt('flowcontrol.apiserver.k8s.io/v1beta3', kind, '1.32').state, 'removed', kind);
    }
  });

  test('current versions are served; unknown pairs are unknown; future versions are not yet', () => {
    assert.equal(apiVersionStatusAt('apps/v1', 'Deployment', '1.31').state, 'served');
    assert.equal(apiVersionStatusAt('example.com/v1', 'Widget', '1.31').state, 'unknown');
    const s = apiVersionStatusAt('networking.k8s.io/v1beta1', 'ServiceCIDR', '1.30');
    assert.equal(s.state, 'notYet');
    assert.equal(s.since, '1.31');
  });
});

describe('catalog: fieldStatusAt', () => {
  const imageVolume = (): ApiField => fieldOf('kep-4639', 'Pod', 'spec.volumes[].image');

  test('image volume: not yet at 1.30, gate off at 1.31 and 1.33, available with the gate on', () => {
    const e = byId('kep-4639');
    assert.deepEqual(fieldStatusAt(e, imageVolume(), '1.30'), { state: 'notYet', since: '1.31' });
    const off = fieldStatusAt(e, imageVolume(), '1.31');
    assert.equal(off.state, 'gateOff');
    assert.equal(off.state === 'gateOff' ? off.gate.name : '', 'ImageVolume');
    assert.equal(fieldStatusAt(e, imageVolume(), '1.33').state, 'gateOff');
    assert.deepEqual(fieldStatusAt(e, imageVolume(), '1.31', { ImageVolume: true }), { state: 'available' });
  });

  test('cephfs volume: deprecated at 1.30, removed at 1.31', () => {
    const e = byId('removal-cephfs-volume-plugin');
    const f = fieldOf('removal-cephfs-volume-plugin', 'Pod', 'spec.volumes[].cephfs');
    assert.deepEqual(fieldStatusAt(e, f, '1.30'), { state: 'deprecated', since: '1.28' });
    assert.deepEqual(fieldStatusAt(e, f, '1.31'), { state: 'removed', since: '1.31' });
  });

  test('trafficDistribution: gate off at 1.30 (alpha), available at 1.31 (beta, on)', () => {
    const e = byId('kep-4444');
    const f = fieldOf('kep-4444', 'Service', 'spec.trafficDistribution');
    assert.equal(fieldStatusAt(e, f, '1.30').state, 'gateOff');
    assert.deepEqual(fieldStatusAt(e, f, '1.31'), { state: 'available' });
    assert.equal(fieldStatusAt(e, f, '1.31', { ServiceTrafficDistribution: false }).state, 'gateOff');
  });
});

// ---------------------------------------------------------------- embeddings

describe('catalog: facts stated for Pod apply in every pod-template host', () => {
  const hosts: [string, string][] = [
    ['Pod', ''],
    ['PodTemplate', 'template'],
    ['ReplicationController', 'spec.template'],
    ['Deployment', 'spec.template'],
    ['ReplicaSet', 'spec.template'],
    ['StatefulSet', 'spec.template'],
    ['DaemonSet', 'spec.template'],
    ['Job', 'spec.template'],
    ['CronJob', 'spec.jobTemplate.spec.template'],
  ];

  test('pathIndexFor(CronJob) has spec.jobTemplate.spec.template.spec.volumes[].image', () => {
    const node = indexAt('CronJob', splitPath('spec.jobTemplate.spec.template.spec.volumes[].image'));
    assert.ok(node, 'no index node');
    assert.ok(node.facts.some((f) => f.type === 'field' && f.enhancement.id === 'kep-4639'));
    assert.ok(pathIndexFor('CronJob').children.get('spec')?.children.get('jobTemplate'));
  });

  for (const [host, prefix] of hosts) {
    test(`${host}: ${prefix ? `${prefix}.` : ''}spec.volumes[].image is KEP-4639, and so is every Pod fact`, () => {
      const imagePath = splitPath(`${prefix ? `${prefix}.` : ''}spec.volumes[].image`);
      assert.ok(factsAt(host, imagePath).some((f) => f.type === 'field' && f.enhancement.id === 'kep-4639'), `${host}: image volume`);
      const podFacts = enhancements.flatMap((e) => e.fields.filter((f) => f.kind === 'Pod').map((field) => ({ e, field })));
      assert.ok(podFacts.length > 10);
      for (const { e, field } of podFacts) {
        const segments = splitPath(`${prefix ? `${prefix}.` : ''}${field.path}`);
        const node = indexAt(host, segments);
        assert.ok(node?.facts.some((f: Fact) => f.type === 'field' && f.field === field), `${host}: ${e.id} ${field.path} not found at ${joinPath(segments)}`);
      }
    });
  }

  test('facts stated for Job apply under CronJob spec.jobTemplate', () => {
    const jobFacts = enhancements.flatMap((e) => e.fields.filter((f) => f.kind === 'Job'));
    assert.ok(jobFacts.length > 0);
    for (const field of jobFacts) {
      const node = indexAt('CronJob', splitPath(`spec.jobTemplate.${field.path}`));
      assert.ok(node?.facts.some((f) => f.type === 'field' && f.field === field), `CronJob: spec.jobTemplate.${field.path}`);
    }
  });

  test('Pod facts do not leak into unrelated kinds', () => {
    assert.equal(indexAt('Service', splitPath('spec.volumes[].image')), undefined);
    assert.equal(indexAt('ConfigMap', splitPath('spec.template.spec.volumes[].image')), undefined);
  });
});
