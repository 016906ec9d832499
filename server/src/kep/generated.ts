/**
 * The generated fact files (written by `npm run data:import`, never by
 * hand), read lazily from disk the first time a query needs them, so
 * start-up pays for none of them and a session pays only for the API
 * packages its manifests use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MinorVersion } from './types';

export type GeneratedStage = 'alpha' | 'beta' | 'stable' | 'deprecated';

export interface GeneratedGate {
  readonly components: readonly string[];
  readonly keps?: readonly number[];
  /** State per span of versions as each release's own code states it; the last span is open when it holds at the newest version. */
  readonly versions: readonly { readonly from: MinorVersion; readonly to?: MinorVersion; readonly stage: GeneratedStage; readonly default: boolean; readonly locked?: boolean }[];
  readonly removedIn?: MinorVersion;
  /** First version whose sources for the gate's component are missing from the data: its state there is carried on from the version before. */
  readonly unknownFrom?: MinorVersion;
  /** Fields the gate guards and fields whose accepted values it changes (`package.Type.field`). */
  readonly fields?: readonly string[];
  readonly valueFields?: readonly string[];
  /** Kinds (`group/version/Kind`) served only with the gate on. */
  readonly kinds?: readonly string[];
  /** The code's own history of the gate (versioned specs), which may reach before the tracked versions. */
  readonly history?: readonly { readonly version: MinorVersion; readonly stage: GeneratedStage; readonly default: boolean; readonly locked?: boolean }[];
}

export interface GeneratedKep {
  readonly title: string;
  readonly sig: string;
  readonly status?: string;
  readonly milestones: Readonly<Partial<Record<'alpha' | 'beta' | 'stable' | 'deprecated' | 'removed', MinorVersion>>>;
  readonly latestMilestone?: MinorVersion;
  readonly gates: readonly string[];
  readonly stages: readonly { readonly from: MinorVersion; readonly to?: MinorVersion; readonly stage: GeneratedStage }[];
  readonly stageSource: string;
  readonly releases: readonly MinorVersion[];
  readonly disagreements?: readonly { readonly stage: string; readonly kepYaml?: MinorVersion; readonly code?: MinorVersion }[];
  readonly path: string;
}

export interface GeneratedKind {
  readonly introduced?: MinorVersion;
  readonly deprecated?: MinorVersion;
  readonly removed?: MinorVersion;
  /** `group/version/Kind` of the replacement. */
  readonly replacement?: string;
  /** Gates that must be on for the kind to be served. */
  readonly gates?: readonly string[];
  /** The kind's Go package, when it is not the group/version's. */
  readonly package?: string;
}

export interface GeneratedGroupVersion {
  readonly package: string;
  readonly kinds: Readonly<Record<string, GeneratedKind>>;
}

export interface GeneratedReleases {
  readonly versions: readonly { readonly version: MinorVersion; readonly final: boolean; readonly tags: Readonly<Record<string, string>> }[];
  readonly newest: MinorVersion;
  readonly newestFinal: MinorVersion;
  readonly enhancements: string;
  readonly fieldHistoryFrom: MinorVersion;
  readonly partial?: readonly string[];
}

/** Presence of a type, field or value over versions. */
export interface GeneratedPresence {
  readonly since?: MinorVersion;
  readonly until?: MinorVersion;
  readonly ranges?: readonly (readonly [MinorVersion, MinorVersion])[];
}

export type GeneratedField = string | (GeneratedPresence & { readonly type: string; readonly gates?: readonly string[]; readonly valueGates?: readonly string[] });

export type GeneratedType =
  | (GeneratedPresence & { readonly fields: Readonly<Record<string, GeneratedField>> })
  | { readonly enum: string; readonly values: readonly (string | (GeneratedPresence & { readonly value: string }))[]; readonly open?: boolean };

export interface GeneratedSchemaFile {
  readonly package: string;
  readonly types: Readonly<Record<string, GeneratedType>>;
}

let dataDir: string | undefined;

/**
 * Where the generated files are: next to the bundles (`dist/data`) in the
 * extension and the CLI, or the committed sources when running compiled
 * sources from `out/`.
 */
function locateDataDir(): string {
  const candidates = [join(__dirname, 'data'), join(__dirname, '..', 'data'), join(__dirname, '..', '..', '..', '..', 'server', 'src', 'kep', 'generated')];
  const found = candidates.find((dir) => existsSync(join(dir, 'releases.json')));
  if (!found) throw new Error(`KEP Lens data files are missing (looked in ${candidates.join(', ')})`);
  return found;
}

const cache = new Map<string, unknown>();

export function readGenerated<T>(file: string): T {
  let value = cache.get(file);
  if (value === undefined) {
    dataDir ??= locateDataDir();
    value = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as unknown;
    cache.set(file, value);
  }
  return value as T;
}

export const generatedGates = (): Readonly<Record<string, GeneratedGate>> => readGenerated('gates.json');
export const generatedKeps = (): Readonly<Record<string, GeneratedKep>> => readGenerated('keps.json');
export const generatedApis = (): Readonly<Record<string, GeneratedGroupVersion>> => readGenerated('apis.json');
export const generatedReleases = (): GeneratedReleases => readGenerated('releases.json');
const schemaIndex = (): Readonly<Record<string, string>> => readGenerated('schema-index.json');

/** The schema file of a Go package (`core/v1`), or undefined when the import has none. */
export function generatedSchema(pkg: string): GeneratedSchemaFile | undefined {
  const file = schemaIndex()[pkg];
  return file ? readGenerated<GeneratedSchemaFile>(file) : undefined;
}
