/**
 * Invariants over the generated facts and the overlay, the agreement of the
 * two where both state a fact, and the catalog queries the features are
 * built on.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  allGates,
  apiVersionStatusAt,
  categoryAt,
  enhancements,
  enhancementsOfRelease,
  factsOfField,
  fieldStatusAt,
  findEnhancement,
  findGate,
  gateStateAt,
  lifecycleOf,
  resolveLocation,
  splitPath,
  stageAt,
  unresolvedLocations,
} from '../../server/src/kep/catalog';
import { apiLifecycleOverlays, enhancementOverlays } from '../../server/src/kep/overlay';
import { generatedApis, generatedGates, generatedKeps, generatedReleases, readGenerated, type GeneratedSchemaFile } from '../../server/src/kep/generated';
import { enumSpec, isScalar, listItemOf, mapValueOf, presentAt, rootTypeOf, structSpec, typeSpec } from '../../server/src/kep/schema';
import { placeAt } from '../../server/src/kep/placeAt';
import type { GateSpan, StageSpan } from '../../server/src/kep/types';
import { compareVersions, releaseVersion, supportedVersions } from '../../server/src/kep/versions';
import { repoRoot } from './helpers';


function spansInOrder(spans: readonly { from: string; to?: string }[], what: string): void {
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as { from: string; to?: string };
    if (span.to !== undefined) assert.ok(compareVersions(span.from, span.to) <= 0, `${what}: span ${span.from}–${span.to} runs backwards`);
    const next = spans[i + 1];
    if (next) {
      assert.ok(span.to !== undefined, `${what}: an open span ${span.from} is followed by ${next.from}`);
      assert.ok(compareVersions(span.to, next.from) < 0, `${what}: span ending ${span.to} overlaps the one from ${next.from}`);
    }
  }
}

describe('generated facts', () => {
  test('releases: every supported version, oldest first, the default is the newest final one', () => {
    const releases = generatedReleases();
    assert.deepEqual(supportedVersions, releases.versions.map((v) => v.version));
    for (let i = 1; i < supportedVersions.length; i++) assert.equal(compareVersions(supportedVersions[i - 1] as string, supportedVersions[i] as string), -1);
    assert.equal(releaseVersion, releases.newestFinal);
    const final = releases.versions.filter((v) => v.final).map((v) => v.version);
    assert.equal(final[final.length - 1], releaseVersion);
    assert.ok(supportedVersions.includes('1.27') && supportedVersions.includes('1.36'), 'the data covers 1.27 to at least 1.36');
    for (const v of releases.versions) assert.ok(Object.keys(v.tags).length > 0, `${v.version} names its source tags`);
    assert.equal(releases.partial, undefined, 'the committed data comes from a complete import');
  });

  test('gate versions are ordered, do not overlap, and end before the gate is removed', () => {
    for (const [name, gate] of Object.entries(generatedGates())) {
      spansInOrder(gate.versions, name);
      assert.ok(gate.versions.length > 0, `${name} has versions`);
      const last = gate.versions[gate.versions.length - 1];
      if (gate.removedIn) assert.ok(last?.to !== undefined && compareVersions(last.to, gate.removedIn) < 0, `${name} ends before its removal`);
      if (gate.removedIn && gate.unknownFrom) assert.fail(`${name} is both removed and unknown`);
      for (const v of gate.versions) if (v.locked) assert.equal(v.stage === 'stable' || v.stage === 'deprecated', true, `${name}: only GA or deprecated gates lock (${v.from})`);
    }
  });

  test('KEP stages are ordered and every gate a KEP names exists in some release', () => {
    const gates = generatedGates();
    for (const [number, kep] of Object.entries(generatedKeps())) {
      spansInOrder(kep.stages, `KEP-${number}`);
      assert.ok(kep.title.length > 0, `KEP-${number} has a title`);
      if (kep.stageSource.startsWith('gate ')) assert.ok(gates[kep.stageSource.slice(5)], `KEP-${number} stage source exists`);
    }
  });

  test('every type a schema names resolves to a scalar or an imported type', () => {
    const index = readGenerated<Record<string, string>>('schema-index.json');
    const unresolved: string[] = [];
    const check = (ref: string, where: string): void => {
      const item = listItemOf(ref) ?? mapValueOf(ref);
      if (item !== undefined) return check(item, where);
      if (!isScalar(ref) && !typeSpec(ref)) unresolved.push(`${where} → ${ref}`);
    };
    for (const file of Object.values(index)) {
      const schema = readGenerated<GeneratedSchemaFile>(file);
      for (const [name, type] of Object.entries(schema.types)) {
        if ('enum' in type) continue;
        for (const [fieldName, field] of Object.entries(type.fields)) check(typeof field === 'string' ? field : field.type, `${schema.package}.${name}.${fieldName}`);
      }
    }
    assert.deepEqual(unresolved, []);
  });

  test('every kind of every group/version has a root type, and lifecycles run forward', () => {
    for (const [gv, entry] of Object.entries(generatedApis())) {
      for (const [kind, k] of Object.entries(entry.kinds)) {
        assert.ok(rootTypeOf(gv, kind), `${gv} ${kind} has a root type`);
        const order = [k.introduced, k.deprecated, k.removed].filter((v): v is string => v !== undefined);
        for (let i = 1; i < order.length; i++) assert.ok(compareVersions(order[i - 1] as string, order[i] as string) < 0, `${gv} ${kind}: ${order.join(' < ')}`);
      }
    }
  });

  test('the generated files are facts only: no prose from the sources', () => {
    // Names, versions, paths and types are short tokens; a sentence of upstream documentation is not.
    const dir = path.join(repoRoot, 'server', 'src', 'kep', 'generated');
    const files = ['gates.json', 'apis.json', 'releases.json', ...fs.readdirSync(path.join(dir, 'schema')).map((f) => path.join('schema', f))];
    for (const file of files) {
      const strings = JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
      const prose = strings.filter((s) => s.split(' ').length > 6);
      assert.deepEqual(prose.slice(0, 3), [], `${file} holds sentences`);
    }
  });
});

describe('overlay', () => {
  test('ids and KEP numbers are unique, prose is present', () => {
    const ids = new Set<string>();
    const keps = new Set<number>();
    for (const o of enhancementOverlays) {
      assert.ok(!ids.has(o.id), `duplicate id ${o.id}`);
      ids.add(o.id);
      assert.match(o.id, o.kep !== undefined ? new RegExp(`^kep-${o.kep}$`) : /^(?:removal|deprecation)-[a-z0-9-]+$/);
      if (o.kep !== undefined) {
        assert.ok(!keps.has(o.kep), `duplicate KEP ${o.kep}`);
        keps.add(o.kep);
      } else assert.ok(o.title && o.sig, `${o.id} without a KEP has its own title and SIG`);
      assert.ok(o.summary.length > 20, `${o.id} has a summary`);
    }
  });

  test('every overlay location resolves in the schema of its kind', () => {
    factsOfField('core/v1.PodSpec', 'volumes');
    assert.deepEqual(unresolvedLocations, []);
  });

  test('every gate the overlay names exists in the import', () => {
    const gates = generatedGates();
    for (const o of enhancementOverlays) {
      for (const g of o.gates ?? []) assert.ok(gates[g], `${o.id} names gate ${g}`);
      for (const f of o.fields ?? []) {
        for (const g of f.gates ?? []) assert.ok(gates[g], `${o.id} ${f.path} names gate ${g}`);
        for (const v of f.values ?? []) if (v.gate) assert.ok(gates[v.gate], `${o.id} ${f.path}=${v.value} names gate ${v.gate}`);
      }
    }
  });

  test('a field\'s `since` agrees with the import, or the field carries a note saying why not', () => {
    const disagreements: string[] = [];
    for (const o of enhancementOverlays) {
      for (const f of o.fields ?? []) {
        if (f.since === undefined || f.note) continue;
        // Without an apiVersion the field means the kind's, at whichever group/version first had it.
        const versions = f.apiVersion ? [f.apiVersion] : Object.keys(generatedApis()).filter((gv) => rootTypeOf(gv, f.kind));
        const firsts: string[] = [];
        for (const gv of versions) {
          const root = rootTypeOf(gv, f.kind);
          if (!root) continue;
          // A field is available from the latest appearance along its path and its group/version's.
          const segments = splitPath(f.path);
          const bounds: (string | undefined)[] = [lifecycleOf(gv, f.kind)?.introducedIn, generatedReleases().fieldHistoryFrom];
          let complete = true;
          for (let i = 1; i <= segments.length; i++) {
            if (segments[i - 1] === '[]') continue;
            const place = placeAt(root, segments.slice(0, i));
            if (!place.field) complete = false;
            bounds.push(place.field?.since, place.owner?.since);
          }
          if (complete) firsts.push(bounds.filter((v): v is string => v !== undefined).sort(compareVersions).pop() as string);
        }
        const first = firsts.sort(compareVersions)[0];
        if (first !== undefined && first !== f.since && compareVersions(first, generatedReleases().fieldHistoryFrom) > 0) disagreements.push(`${o.id} ${f.kind} ${f.path}: overlay since ${f.since}, import ${first}`);
      }
    }
    assert.deepEqual(disagreements, []);
  });

  test('lifecycle facts stated in the overlay agree with the import, or carry a note', () => {
    const disagreements: string[] = [];
    for (const row of apiLifecycleOverlays) {
      for (const kind of row.kinds) {
        const imported = generatedApis()[row.groupVersion]?.kinds[kind];
        if (!imported || row.note) continue;
        const pairs: [string, string | undefined, string | undefined][] = [
          ['introduced', row.introducedIn, imported.introduced],
          ['deprecated', row.deprecatedIn, imported.deprecated],
          ['removed', row.removedIn, imported.removed],
        ];
        for (const [what, ours, theirs] of pairs) if (ours !== undefined && theirs !== undefined && ours !== theirs) disagreements.push(`${row.groupVersion} ${kind} ${what}: overlay ${ours}, import ${theirs}`);
      }
    }
    assert.deepEqual(disagreements, []);
  });

  test('overlay stages only where no gate decides, or with a note on every span', () => {
    for (const o of enhancementOverlays) {
      if (!o.stages) continue;
      const kep = o.kep !== undefined ? generatedKeps()[String(o.kep)] : undefined;
      if (kep?.stageSource.startsWith('gate ')) for (const s of o.stages) assert.ok(s.note, `${o.id}: a curated stage span over a gated KEP says why (${s.stage} ${s.from})`);
      spansInOrder(o.stages as StageSpan[], o.id);
    }
  });
});

describe('releases and stages, by the code', () => {
  test('KEP-1287 is stable in 1.35, KEP-2837 beta at 1.34, KEP-753 stable at 1.33', () => {
    assert.equal(stageAt(findEnhancement(1287)!, '1.35')?.stage, 'stable');
    assert.equal(stageAt(findEnhancement(2837)!, '1.34')?.stage, 'beta');
    assert.equal(stageAt(findEnhancement(753)!, '1.33')?.stage, 'stable');
    assert.equal(stageAt(findEnhancement(753)!, '1.28')?.stage, 'alpha');
    assert.equal(stageAt(findEnhancement(2837)!, '1.31'), undefined, 'pod-level resources did not exist at 1.31');
  });

  test('1.31 lists every curated 1.31 entry, including KEP-4191 and KEP-4355', () => {
    const listed = new Set([...enhancementsOfRelease('1.31').values()].flat().map((e) => e.id));
    const curated = enhancementOverlays.filter((o) => o.releases?.['1.31']).map((o) => o.id);
    assert.ok(curated.length >= 47, `${curated.length} curated 1.31 entries`);
    for (const id of curated) assert.ok(listed.has(id), `${id} listed in 1.31`);
    assert.ok(listed.has('kep-4191') && listed.has('kep-4355'));
    assert.equal(stageAt(findEnhancement(4191)!, '1.31')?.stage, 'beta');
    assert.equal(stageAt(findEnhancement(4355)!, '1.31')?.stage, 'alpha');
  });

  test('every release lists enhancements, each with a stage or a category there', () => {
    for (const version of supportedVersions) {
      const all = [...enhancementsOfRelease(version).values()].flat();
      assert.ok(all.length >= 20, `${version} lists ${all.length}`);
      for (const e of all) assert.ok(categoryAt(e, version), `${e.id} has a category at ${version}`);
    }
  });

  test('KEP-4569 is stable from 1.31 while 1.31 counts it as a deprecation', () => {
    const e = findEnhancement(4569)!;
    for (const v of ['1.31', '1.32', '1.33', '1.34']) assert.equal(stageAt(e, v)?.stage, 'stable', v);
    assert.equal(categoryAt(e, '1.31'), 'deprecation');
  });
});

describe('gates, by the code', () => {
  test('KEP-2395: both gates locked at 1.31 and 1.32; DisableKubeletCloudCredentialProviders gone from 1.33', () => {
    for (const name of ['DisableCloudProviders', 'DisableKubeletCloudCredentialProviders']) {
      for (const v of ['1.31', '1.32']) assert.equal(gateStateAt(name, v).locked, true, `${name} locked at ${v}`);
    }
    assert.equal(gateStateAt('DisableKubeletCloudCredentialProviders', '1.33').removed, true);
    assert.equal(gateStateAt('DisableKubeletCloudCredentialProviders', '1.34').removed, true);
  });

  test('ImageVolume: alpha off at 1.31, beta off at 1.33, beta on at 1.35, GA locked at 1.36', () => {
    const at = (v: string): string => {
      const s = gateStateAt('ImageVolume', v);
      return `${s.span?.stage}/${s.defaultOn ? 'on' : 'off'}${s.locked ? '/locked' : ''}`;
    };
    assert.equal(at('1.31'), 'alpha/off');
    assert.equal(at('1.33'), 'beta/off');
    assert.equal(at('1.35'), 'beta/on');
    assert.equal(at('1.36'), 'stable/on/locked');
    assert.equal(gateStateAt('ImageVolume', '1.30').notYet, true);
  });

  test('user settings enable an off gate and disable an on one; locked gates ignore them', () => {
    assert.equal(gateStateAt('ImageVolume', '1.31', { ImageVolume: true }).enabled, true);
    assert.equal(gateStateAt('ImageVolume', '1.35', { ImageVolume: false }).enabled, false);
    assert.equal(gateStateAt('ImageVolume', '1.36', { ImageVolume: false }).enabled, true);
    assert.equal(gateStateAt('NoSuchGate', '1.31', { NoSuchGate: true }).unknown, true);
  });

  test('a gate whose newest sources are missing is carried on, marked unconfirmed, never called removed', () => {
    for (const gate of allGates().filter((g) => g.unknownFrom)) {
      const state = gateStateAt(gate.name, gate.unknownFrom as string);
      assert.equal(state.removed, false, gate.name);
      assert.equal(state.unconfirmed, true, gate.name);
      assert.ok(state.span, `${gate.name} has a state at ${gate.unknownFrom}`);
    }
  });

  test('every gate span agrees with its state queries', () => {
    for (const gate of allGates()) {
      for (const span of gate.spans as GateSpan[]) {
        const state = gateStateAt(gate.name, span.from);
        assert.equal(state.span?.stage, span.stage, `${gate.name}@${span.from}`);
        assert.equal(state.defaultOn, span.defaultOn, `${gate.name}@${span.from}`);
      }
    }
  });

  test('findGate finds the KEP that names a gate', () => {
    assert.equal(findGate('ImageVolume')?.enhancement?.kep, 4639);
    assert.equal(findGate('SidecarContainers')?.enhancement?.kep, 753);
  });
});

describe('API versions, by the code', () => {
  test('policy/v1beta1 PodDisruptionBudget: deprecated from 1.21, removed from 1.25', () => {
    assert.equal(apiVersionStatusAt('policy/v1beta1', 'PodDisruptionBudget', '1.24').state, 'deprecated');
    assert.equal(apiVersionStatusAt('policy/v1beta1', 'PodDisruptionBudget', '1.27').state, 'removed');
    assert.equal(apiVersionStatusAt('policy/v1', 'PodDisruptionBudget', '1.36').state, 'served');
  });

  test('kinds served before the oldest tag read are in the table with their removal', () => {
    assert.equal(lifecycleOf('extensions/v1beta1', 'ThirdPartyResource')?.removedIn, '1.8');
    assert.equal(lifecycleOf('admissionregistration.k8s.io/v1alpha1', 'InitializerConfiguration')?.removedIn, '1.14');
    assert.ok(lifecycleOf('extensions/v1beta1', 'Job')?.removedIn, 'extensions/v1beta1 Job has a removal');
    for (const [gv, kind] of [['extensions/v1beta1', 'ThirdPartyResource'], ['admissionregistration.k8s.io/v1alpha1', 'InitializerConfiguration'], ['extensions/v1beta1', 'Job']] as const) {
      assert.equal(apiVersionStatusAt(gv, kind, '1.27').state, 'removed', `${gv} ${kind}`);
    }
  });

  test('ServiceCIDR: networking.k8s.io/v1alpha1 served from 1.29, not 1.27; SelfSubjectRulesReview v1beta1 from 1.8', () => {
    assert.equal(lifecycleOf('networking.k8s.io/v1alpha1', 'ServiceCIDR')?.introducedIn, '1.29');
    assert.equal(apiVersionStatusAt('networking.k8s.io/v1alpha1', 'ServiceCIDR', '1.28').state, 'notYet');
    assert.equal(lifecycleOf('authorization.k8s.io/v1beta1', 'SelfSubjectRulesReview')?.introducedIn, '1.8');
  });

  test('alpha APIs are served only with their gate', () => {
    const status = apiVersionStatusAt('networking.k8s.io/v1beta1', 'ServiceCIDR', '1.31');
    assert.deepEqual(status.gates, ['MultiCIDRServiceAllocator']);
  });
});

describe('fields, by type', () => {
  test('a fact stated for Pod lands on the type, so it holds in every pod template', () => {
    const facts = factsOfField('core/v1.Volume', 'image').facts;
    assert.ok(facts.some((f) => f.type === 'field' && f.enhancement.kep === 4639));
    const cronJob = rootTypeOf('batch/v1', 'CronJob') as string;
    const place = placeAt(cronJob, splitPath('spec.jobTemplate.spec.template.spec.volumes[].image'));
    assert.ok(place.facts.some((f) => f.type === 'field' && f.enhancement.kep === 4639));
    assert.deepEqual(resolveLocation('Pod', 'spec.volumes[].image', 'v1'), [{ key: 'core/v1.Volume.image', tail: 'key' }]);
  });

  test('the schema knows every field of Deployment spec, and when pod-level resources appeared', () => {
    const spec = structSpec('apps/v1.DeploymentSpec');
    for (const f of ['replicas', 'strategy', 'revisionHistoryLimit', 'minReadySeconds', 'progressDeadlineSeconds', 'selector', 'template']) assert.ok(spec?.fields.has(f), f);
    const resources = structSpec('core/v1.PodSpec')?.fields.get('resources');
    assert.equal(resources?.since, '1.32');
    assert.deepEqual(resources?.gates, ['PodLevelResources']);
    assert.equal(presentAt(resources!, '1.31'), false);
    assert.equal(presentAt(resources!, '1.35'), true);
  });

  test('enum values carry the version they appeared in', () => {
    const operators = enumSpec('core/v1.TolerationOperator');
    const gt = operators?.values.find((v) => v.value === 'Gt');
    assert.equal(gt?.since, '1.35');
    assert.ok(operators?.values.some((v) => v.value === 'Exists' && v.since === undefined));
  });

  test('fieldStatusAt: image volume not yet at 1.30, gate off at 1.31, available with the gate on', () => {
    const e = findEnhancement(4639)!;
    const field = e.fields.find((f) => f.path.endsWith('volumes[].image') || f.path.endsWith('volumes.image') || f.path.endsWith('.image'))!;
    assert.equal(fieldStatusAt(e, field, '1.30').state, 'notYet');
    assert.equal(fieldStatusAt(e, field, '1.31').state, 'gateOff');
    assert.equal(fieldStatusAt(e, field, '1.31', { ImageVolume: true }).state, 'available');
  });
});

describe('the repository speaks of itself only', () => {
  test('no source, doc or data file names a machine path outside the repository', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', 'out', 'dist', '.git', '.cache', '.vscode-test', 'test-results'].includes(entry.name)) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(?:ts|md|json|mjs|sh|yaml|yml)$/.test(entry.name) && entry.name !== 'package-lock.json') {
          const text = fs.readFileSync(full, 'utf8');
          if (/\/work\/|\.\.\/shared\b|\/root\//.test(text)) offenders.push(path.relative(repoRoot, full));
        }
      }
    };
    walk(repoRoot);
    assert.deepEqual(offenders, []);
  });

  test('every enhancement shows a title and a SIG', () => {
    for (const e of enhancements()) assert.ok(e.title && (e.sig || e.kep === undefined), e.id);
  });
});
