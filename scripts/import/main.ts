/**
 * `npm run data:import -- --snapshots DIR`: reads git snapshots of the
 * Kubernetes sources and writes the generated fact files under
 * server/src/kep/generated/. Facts only (names, versions, paths, types);
 * each with the repository, tag, path and blob it came from. Running it
 * twice on the same snapshots writes the same bytes.
 *
 * `--check` compares instead of writing and exits 1 when the committed
 * files differ from what the snapshots give.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GitSnapshot, locateSnapshot } from './git';
import { readPackage, type PackageSnapshot } from './apiTypes';
import { parseGateTables, featureConstants } from './featureGates';
import { readKep, type KepRecord } from './keps';
import { apiSources, enhancementsRepository, fieldHistoryFrom, gateSources, tagForMinor, targetsFrom, type ApiSource } from './sources';
import { addGates, addKinds, addToUnion, flattenUniverse, minorName, type UnionGate, type UnionKind, type UnionType } from './union';
import { buildOutputs, type GateOverrides, type ImportInputs, type SourceRecord } from './outputs';

/** The repository the importer belongs to (it runs compiled, from out/scripts/import). */
const repoRoot = join(__dirname, '..', '..', '..');
const defaultOut = join(repoRoot, 'server', 'src', 'kep', 'generated');

interface Options {
  snapshots: string;
  out: string;
  check: boolean;
  /** Skip repositories that have no snapshot (for trying the importer on a subset). */
  partial: boolean;
  /** The checked-in decisions on gates the types state only in prose. */
  overrides: string;
}

function parseArgs(argv: readonly string[]): Options {
  let snapshots = process.env.KEP_LENS_SNAPSHOTS ?? '';
  let out = defaultOut;
  let check = false;
  let partial = false;
  let overrides = join(repoRoot, 'scripts', 'import', 'gate-overrides.json');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--snapshots') snapshots = argv[++i] ?? '';
    else if (arg === '--out') out = argv[++i] ?? out;
    else if (arg === '--check') check = true;
    else if (arg === '--partial') partial = true;
    else if (arg === '--overrides') overrides = resolve(argv[++i] ?? overrides);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!snapshots) throw new Error('usage: data:import --snapshots DIR [--out DIR] [--check] [--partial] [--overrides FILE]  (DIR holds git snapshots, e.g. DIR/kubernetes+api/repo)');
  return { snapshots: resolve(snapshots), out: resolve(out), check, partial, overrides };
}

class Snapshots {
  private readonly opened = new Map<string, GitSnapshot | null>();
  readonly missing = new Set<string>();
  constructor(private readonly root: string, private readonly partial: boolean) {}
  /** The snapshot of a repository; without one, an error unless the run is partial. */
  get(repository: string): GitSnapshot | undefined {
    if (!this.opened.has(repository)) {
      const dir = locateSnapshot(this.root, repository);
      this.opened.set(repository, dir ? new GitSnapshot(repository, dir) : null);
      if (!dir) {
        if (!this.partial) throw new Error(`no snapshot of ${repository} under ${this.root}`);
        this.missing.add(repository);
        process.stderr.write(`warning: no snapshot of ${repository}; its facts are left out\n`);
      }
    }
    return this.opened.get(repository) ?? undefined;
  }
}

/** Directories of API packages a source has at a tag. */
function packageDirectories(snapshot: GitSnapshot, tag: string, source: ApiSource): string[] {
  if (Array.isArray(source.directories)) return [...source.directories];
  const pattern = source.directories as RegExp;
  const dirs = new Set<string>();
  for (const path of snapshot.listFiles(tag)) {
    if (pattern.test(path)) dirs.add(path.slice(0, path.lastIndexOf('/')));
  }
  return [...dirs].sort();
}

function readPackagesAt(snapshots: Snapshots, minor: number, knownGates: ReadonlySet<string>, sources: SourceRecord[]): { packages: Map<string, PackageSnapshot>; tags: Record<string, string>; final: boolean } {
  const packages = new Map<string, PackageSnapshot>();
  const tags: Record<string, string> = {};
  let final = true;
  for (const source of apiSources) {
    const snapshot = snapshots.get(source.repository);
    if (!snapshot) continue;
    const chosen = tagForMinor(snapshot.allTags(), minor);
    if (!chosen) continue;
    tags[source.repository] = chosen.tag;
    final &&= chosen.final;
    const all = snapshot.listFiles(chosen.tag);
    for (const dir of packageDirectories(snapshot, chosen.tag, source)) {
      const files = all.filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/') && p.endsWith('.go'));
      if (!files.some((f) => f.endsWith('/types.go'))) continue;
      const read = snapshot.readFiles(chosen.tag, files);
      const pkg = readPackage({ importPath: `${source.module}/${dir}`, files: read }, knownGates);
      packages.set(pkg.id, pkg);
      for (const f of read) sources.push({ repository: source.repository, tag: chosen.tag, path: f.path, blob: f.blob, minor: minorName(minor) });
    }
  }
  return { packages, tags, final };
}

function newestMinor(snapshots: Snapshots): number {
  const api = snapshots.get('kubernetes/api');
  if (!api) throw new Error('no snapshot of kubernetes/api');
  let newest = targetsFrom;
  for (let minor = targetsFrom; minor < targetsFrom + 40; minor++) if (tagForMinor(api.allTags(), minor)) newest = minor;
  return newest;
}

function readGates(snapshots: Snapshots, newest: number, sources: SourceRecord[]): { gates: Map<string, UnionGate>; sourceOf: Map<string, string>; tagsByMinor: Map<number, Record<string, string>> } {
  const gates = new Map<string, UnionGate>();
  const sourceOf = new Map<string, string>();
  const tagsByMinor = new Map<number, Record<string, string>>();
  for (let minor = targetsFrom; minor <= newest; minor++) {
    const tags: Record<string, string> = {};
    // Names of every gate constant at this minor, so relisted keys (`genericfeatures.X`) resolve.
    const constants = new Map<string, string>();
    const files: { source: (typeof gateSources)[number]; path: string; text: string }[] = [];
    for (const source of gateSources) {
      const snapshot = snapshots.get(source.repository);
      if (!snapshot) continue;
      const chosen = tagForMinor(snapshot.allTags(), minor);
      if (!chosen) continue;
      tags[source.repository] = chosen.tag;
      for (const read of snapshot.readFiles(chosen.tag, source.paths)) {
        files.push({ source, path: read.path, text: read.text });
        sources.push({ repository: source.repository, tag: chosen.tag, path: read.path, blob: read.blob, minor: minorName(minor) });
        for (const [key, name] of featureConstants(read.text)) constants.set(key, name);
      }
    }
    tagsByMinor.set(minor, tags);
    for (const file of files) {
      const label = `${file.source.repository}@${tags[file.source.repository]} ${file.path}`;
      const entries = parseGateTables(file.text, (key) => constants.get(key.slice(key.indexOf('.') + 1)) ?? key.slice(key.indexOf('.') + 1));
      addGates(gates, minor, label, entries);
      for (const entry of entries) if (!entry.key.includes('.') && !sourceOf.has(entry.name)) sourceOf.set(entry.name, file.source.repository);
    }
  }
  return { gates, sourceOf, tagsByMinor };
}

function readKeps(snapshots: Snapshots, sources: SourceRecord[]): { keps: KepRecord[]; revision: string } {
  const snapshot = snapshots.get(enhancementsRepository);
  if (!snapshot) throw new Error(`no snapshot of ${enhancementsRepository}`);
  const revision = snapshot.commitOf('HEAD');
  const paths = snapshot.listFiles(revision, 'keps').filter((p) => p.endsWith('/kep.yaml'));
  const keps: KepRecord[] = [];
  for (const read of snapshot.readFiles(revision, paths)) {
    const kep = readKep(read.path, read.text);
    if (!kep) continue;
    keps.push(kep);
    sources.push({ repository: enhancementsRepository, tag: revision, path: read.path, blob: read.blob });
  }
  keps.sort((a, b) => a.number - b.number);
  return { keps, revision };
}

/** package.json with the `kepLens.kubernetesVersion` setting offering exactly the imported versions. */
function withVersionChoices(manifest: string, versions: readonly string[], defaultVersion: string): string {
  const json = JSON.parse(manifest) as { contributes?: { configuration?: { properties?: Record<string, { enum?: string[]; default?: string }> } } };
  const setting = json.contributes?.configuration?.properties?.['kepLens.kubernetesVersion'];
  if (!setting) return manifest;
  setting.enum = [...versions];
  setting.default = defaultVersion;
  return `${JSON.stringify(json, null, 2)}\n`;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const snapshots = new Snapshots(options.snapshots, options.partial);
  const newest = newestMinor(snapshots);
  const sources: SourceRecord[] = [];
  const { gates, sourceOf, tagsByMinor } = readGates(snapshots, newest, sources);
  const knownGates = new Set(gates.keys());
  const types = new Map<string, UnionType>();
  const kinds = new Map<string, UnionKind>();
  const releases: ImportInputs['releases'] = [];
  for (let minor = newest; minor >= fieldHistoryFrom; minor--) {
    const { packages, tags, final } = readPackagesAt(snapshots, minor, knownGates, sources);
    addToUnion(types, minor, flattenUniverse(packages));
    addKinds(kinds, minor, packages);
    if (minor >= targetsFrom) {
      const gateTags = tagsByMinor.get(minor) ?? {};
      const allFinal = final && Object.values(gateTags).every((t) => !/-(?:alpha|beta|rc)\./.test(t));
      releases.push({ minor: minorName(minor), final: allFinal, tags: { ...tags, ...gateTags } });
    }
    process.stderr.write(`read ${minorName(minor)}: ${packages.size} packages\n`);
  }
  const { keps, revision } = readKeps(snapshots, sources);
  const overrides = JSON.parse(readFileSync(options.overrides, 'utf8')) as GateOverrides;
  const gateSourcesRead = new Map([...tagsByMinor].map(([minor, tags]) => [minor, new Set(Object.keys(tags))]));
  const outputs = buildOutputs({ partial: [...snapshots.missing].sort(), newest, gates, gateSourceOf: sourceOf, gateSourcesRead, types, kinds, keps, enhancementsRevision: revision, releases: releases.reverse(), sources, overrides });
  if (outputs.errors.length > 0) {
    process.stderr.write(`${options.partial ? 'warning (partial run)' : 'import failed'}:\n${outputs.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    if (!options.partial) process.exit(1);
  }
  // The version setting's choices are data too: every release the import read, the newest final one by default.
  const manifestPath = join(repoRoot, 'package.json');
  if (options.out === defaultOut && existsSync(manifestPath)) outputs.files[relative(options.out, manifestPath)] = withVersionChoices(readFileSync(manifestPath, 'utf8'), outputs.versions, outputs.newestFinal);
  if (options.check) {
    const differing = Object.entries(outputs.files).filter(([name, text]) => !existsSync(join(options.out, name)) || readFileSync(join(options.out, name), 'utf8') !== text);
    if (differing.length > 0) {
      process.stderr.write(`generated files differ: ${differing.map(([n]) => n).join(', ')}\n`);
      process.exit(1);
    }
    process.stderr.write('generated files are up to date\n');
    return;
  }
  // Stale schema files of packages that no longer exist must not linger.
  if (existsSync(join(options.out, 'schema'))) for (const f of readdirSync(join(options.out, 'schema'))) rmSync(join(options.out, 'schema', f));
  for (const [name, text] of Object.entries(outputs.files)) {
    const path = join(options.out, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  process.stderr.write(`wrote ${Object.keys(outputs.files).length} files to ${options.out}\n${outputs.summary}\n`);
}

main();
