/**
 * What a document is checked against: the Kubernetes version and feature
 * gates from the user's settings, overridden by `# kep-lens:` directives
 * in the file, and which diagnostic codes are switched off.
 */
import type { GateSettings } from '../kep/catalog';
import type { MinorVersion } from '../kep/types';
import { parseTargetVersion, releaseVersion, supportedVersions } from '../kep/versions';
import type { CommentLine } from '../manifest/model';
import { budgets } from './budgets';
import { clip } from './quote';

/** Every diagnostic code KEP Lens emits, with what it means. */
export const diagnosticCodes = {
  'removed-api': 'The apiVersion is no longer served for this kind at the target version.',
  'deprecated-api': 'The apiVersion is deprecated for this kind and will be removed.',
  'not-yet-available': 'The API version, field or value does not exist yet at the target version.',
  'removed-field': 'The field, volume plugin or option no longer works at the target version.',
  'deprecated-field': 'The field, value, annotation or option is deprecated.',
  'feature-gate-off': 'The field needs a feature gate that is off at the target version.',
  'removed-gate': 'A feature gate that no longer exists, or a locked gate set against its lock.',
  'kep-rule': 'A rule an enhancement states is broken.',
  'invalid-value': 'The value is not one the field accepts at the target version.',
  'unknown-field': 'The key is not a field of this object in any Kubernetes version (a typo, or a field in the wrong place).',
  'invalid-type': 'The value has the wrong type for the field, as Kubernetes reads the YAML (a quoted number, a map where a list belongs).',
  'yaml-syntax': 'The YAML could not be parsed.',
  'yaml-portability': 'YAML that kubectl and the API server (go-yaml) read but YAML 1.2 parsers reject.',
  'invalid-directive': 'A `# kep-lens:` directive could not be understood.',
  'unknown-suppression': 'A suppression comment names a code KEP Lens does not have.',
  'too-large': 'Part of the file is past one of KEP Lens\'s budgets and is not checked or not reported.',
} as const;

export type DiagnosticCode = keyof typeof diagnosticCodes;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(diagnosticCodes, code);
}

/** User-level settings, as the client or the CLI supplies them. */
export interface EngineSettings {
  kubernetesVersion: MinorVersion;
  featureGates: GateSettings;
  disabledCodes: readonly string[];
  /** Report YAML syntax errors (off when another YAML extension already does). */
  syntaxDiagnostics: boolean;
  /** Check unknown fields and value types against the schema (off when another schema validator already does). */
  schemaChecks: boolean;
}

export const defaultSettings: EngineSettings = {
  kubernetesVersion: releaseVersion,
  featureGates: {},
  disabledCodes: [],
  syntaxDiagnostics: true,
  schemaChecks: true,
};

/** Problems found while reading settings, reported once to the user. */
export interface SettingsProblem {
  message: string;
}

/** Reads untrusted settings (from a client or a config file) into EngineSettings. */
export function readSettings(raw: unknown): { settings: EngineSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const source = isRecord(raw) ? raw : {};
  let version = releaseVersion;
  if (source.kubernetesVersion !== undefined && source.kubernetesVersion !== null && source.kubernetesVersion !== '') {
    const parsed = parseTargetVersion(source.kubernetesVersion);
    if (parsed) version = parsed;
    else problems.push({ message: `kepLens.kubernetesVersion "${clip(String(source.kubernetesVersion))}" is not a version KEP Lens knows (${supportedVersions[0]}–${supportedVersions[supportedVersions.length - 1]}); using ${releaseVersion}.` });
  }
  const gates: Record<string, boolean> = {};
  if (isRecord(source.featureGates)) {
    for (const [name, value] of Object.entries(source.featureGates)) {
      if (typeof value === 'boolean') gates[name] = value;
      else if (value === 'true' || value === 'false') gates[name] = value === 'true';
      else problems.push({ message: `kepLens.featureGates.${clip(name)} must be true or false.` });
    }
  }
  const disabledCodes = Array.isArray(source.disabledCodes) ? source.disabledCodes.filter((c): c is string => typeof c === 'string') : [];
  const syntaxDiagnostics = typeof source.syntaxDiagnostics === 'boolean' ? source.syntaxDiagnostics : true;
  // `auto` is the client's to resolve (it knows whether another schema validator runs); a server on its own checks.
  const schemaChecks = source.schemaChecks === false || source.schemaChecks === 'off' ? false : true;
  return { settings: { kubernetesVersion: version, featureGates: gates, disabledCodes, syntaxDiagnostics, schemaChecks }, problems };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The effective target of one document. */
export interface Target {
  readonly version: MinorVersion;
  readonly gates: GateSettings;
  readonly disabledCodes: ReadonlySet<string>;
  readonly schemaChecks: boolean;
  /** Where the version came from, for the status bar and hover. */
  readonly pinnedBy?: 'directive';
}

export interface Directive {
  kubernetesVersion?: MinorVersion;
  featureGates?: Record<string, boolean>;
  /** Problems with the directive (offset relative to its comment). */
  problems: string[];
}

/** Parses `kep-lens: kubernetesVersion=1.30 featureGates=ImageVolume=true,Foo=false`. */
export function parseDirective(commentText: string): Directive | undefined {
  // `[\s\S]`, not `.`: a stray `\r` (or U+2028) inside the line must not make the directive vanish.
  const match = /^kep-lens\s*:\s*([\s\S]*)$/.exec(commentText);
  if (!match) return undefined;
  const directive: Directive = { problems: [] };
  for (const setting of (match[1] ?? '').split(/\s+/).filter(Boolean)) {
    if (directive.problems.length > budgets.findingsPerFile) break;
    const eq = setting.indexOf('=');
    const name = eq === -1 ? setting : setting.slice(0, eq);
    const value = eq === -1 ? '' : setting.slice(eq + 1);
    if (name === 'kubernetesVersion') {
      const version = parseTargetVersion(value);
      if (version) directive.kubernetesVersion = version;
      else directive.problems.push(`"${clip(value)}" is not a Kubernetes version KEP Lens knows (${supportedVersions.join(', ')}).`);
    } else if (name === 'featureGates') {
      directive.featureGates ??= {};
      for (const gate of value.split(',').filter(Boolean)) {
        const [gateName, state] = gate.split('=');
        if (gateName && (state === 'true' || state === 'false')) directive.featureGates[gateName] = state === 'true';
        else directive.problems.push(`Feature gate setting "${clip(gate)}" should look like Name=true or Name=false.`);
      }
    } else {
      directive.problems.push(`Unknown setting "${clip(name)}"; use kubernetesVersion=1.NN or featureGates=Name=true,…`);
    }
  }
  return directive;
}

export function directivesIn(comments: readonly CommentLine[]): { comment: CommentLine; directive: Directive }[] {
  const out: { comment: CommentLine; directive: Directive }[] = [];
  for (const comment of comments) {
    if (!comment.ownLine) continue;
    const directive = parseDirective(comment.text);
    if (directive) out.push({ comment, directive });
  }
  return out;
}

/** Applies directives, in order, on top of the settings. */
export function resolveTarget(settings: EngineSettings, directives: readonly Directive[]): Target {
  let version = settings.kubernetesVersion;
  const gates: Record<string, boolean> = { ...settings.featureGates };
  let pinned = false;
  for (const d of directives) {
    if (d.kubernetesVersion) {
      version = d.kubernetesVersion;
      pinned = true;
    }
    Object.assign(gates, d.featureGates ?? {});
  }
  return { version, gates, disabledCodes: new Set(settings.disabledCodes), schemaChecks: settings.schemaChecks, pinnedBy: pinned ? 'directive' : undefined };
}

/** A stable key of a target, for caches. */
export function targetKey(target: Target): string {
  const gates = Object.entries(target.gates).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',');
  return `${target.version}|${gates}|${[...target.disabledCodes].sort().join(',')}|${target.schemaChecks ? 'schema' : ''}`;
}
