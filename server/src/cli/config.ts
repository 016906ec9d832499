/**
 * Settings of a `kep-lens` run: a repository-wide config file
 * (`kep-lens.yaml`), overridden by command-line options.
 *
 *     kubernetesVersion: "1.31"
 *     featureGates: { ImageVolume: true }
 *     disabledCodes: [kep-rule]
 *     exclude: ["charts/**", "*.tmpl.yaml"]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findGate } from '../kep/catalog';
import { parseTargetVersion, releaseVersion, supportedVersions } from '../kep/versions';
import type { MinorVersion } from '../kep/types';
import { isDiagnosticCode, isRecord } from '../engine/target';
import { UsageError } from './args';
import { budgets, megabytes } from '../engine/budgets';
import { clip } from '../engine/quote';
import { withLineFeeds } from '../manifest/lineBreaks';
import { decode, readBounded } from './files';
import { compileRule, InvalidPattern, type IgnoreList, type IgnoreRule } from './ignore';

export const configNames = ['kep-lens.yaml', '.kep-lens.yaml'];

export interface FileConfig {
  /** Where it was read from. */
  readonly file: string;
  readonly kubernetesVersion?: MinorVersion;
  readonly featureGates: Record<string, boolean>;
  readonly disabledCodes: string[];
  /** Globs relative to the config file's directory. */
  readonly exclude: string[];
}

const knownKeys = new Set(['kubernetesVersion', 'featureGates', 'disabledCodes', 'exclude']);

function versionRange(): string {
  return `${supportedVersions[0]}–${supportedVersions[supportedVersions.length - 1]}`;
}

/** `1.31`, `v1.31.2` → `1.31`; a usage error for versions the data does not cover. */
export function targetVersion(value: unknown, where: string): MinorVersion {
  const version = parseTargetVersion(value);
  if (!version) throw new UsageError(`${where} "${clip(String(value))}" is not a Kubernetes version KEP Lens knows (${versionRange()})`);
  return version;
}

/** `ImageVolume=true,Foo=false` (as kube components take it). */
export function parseGateList(text: string, where: string): Record<string, boolean> {
  const gates: Record<string, boolean> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const name = eq === -1 ? '' : item.slice(0, eq).trim();
    const value = eq === -1 ? '' : item.slice(eq + 1).trim().toLowerCase();
    if (!name || (value !== 'true' && value !== 'false')) throw new UsageError(`${where}: "${clip(item)}" should look like Name=true or Name=false`);
    gates[name] = value === 'true';
  }
  return gates;
}

/** Diagnostic codes from `--disable a,b` and config lists; unknown codes are a usage error. */
export function parseCodes(items: readonly string[], where: string): string[] {
  const codes: string[] = [];
  for (const item of items.flatMap((i) => i.split(',')).map((s) => s.trim()).filter(Boolean)) {
    if (!isDiagnosticCode(item)) throw new UsageError(`${where}: unknown diagnostic code "${clip(item)}"`);
    codes.push(item);
  }
  return codes;
}

/** Gate names the data does not know, for a warning (a cluster may well have gates KEP Lens does not describe). */
export function unknownGates(gates: Record<string, boolean>): string[] {
  return Object.keys(gates).filter((name) => !findGate(name));
}

/** The config file to use: `--config`, else `kep-lens.yaml`/`.kep-lens.yaml` in the working directory. */
export function locateConfig(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return path.resolve(cwd, explicit);
  for (const name of configNames) {
    const candidate = path.join(cwd, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there.
    }
  }
  return undefined;
}

export function loadConfig(file: string, shownAs: string, warn: (message: string) => void): FileConfig {
  // Bounded, and a file or a pipe only: `--config /dev/zero` must end.
  const read = readBounded(file, budgets.settingsFileBytes, true);
  if ('problem' in read) throw new UsageError(`cannot read config ${shownAs}: ${read.problem.replace(/^cannot read: /, '')}`);
  if (read.truncated) throw new UsageError(`config ${shownAs} is larger than ${megabytes(budgets.settingsFileBytes)}`);
  const decoded = decode(read.bytes);
  if ('problem' in decoded) throw new UsageError(`config ${shownAs} is not text: ${decoded.problem}`);
  const text = decoded.text;
  let raw: unknown;
  try {
    raw = parseYaml(withLineFeeds(text));
  } catch (error) {
    throw new UsageError(`config ${shownAs} is not valid YAML: ${clip(String((error as Error).message).split('\n')[0] ?? '')}`);
  }
  if (raw === null || raw === undefined) raw = {};
  if (!isRecord(raw)) throw new UsageError(`config ${shownAs} must be a mapping`);
  for (const key of Object.keys(raw)) if (!knownKeys.has(key)) warn(`config ${shownAs}: unknown key "${clip(key)}" ignored (known: ${[...knownKeys].join(', ')})`);
  const where = (key: string): string => `config ${shownAs}: ${key}`;
  const kubernetesVersion = raw.kubernetesVersion === undefined || raw.kubernetesVersion === null ? undefined : targetVersion(raw.kubernetesVersion, where('kubernetesVersion'));
  const featureGates: Record<string, boolean> = {};
  if (raw.featureGates !== undefined && raw.featureGates !== null) {
    if (typeof raw.featureGates === 'string') Object.assign(featureGates, parseGateList(raw.featureGates, where('featureGates')));
    else if (isRecord(raw.featureGates)) {
      for (const [name, value] of Object.entries(raw.featureGates)) {
        if (typeof value === 'boolean') featureGates[name] = value;
        else if (value === 'true' || value === 'false') featureGates[name] = value === 'true';
        else throw new UsageError(`${where('featureGates')}.${clip(name)} must be true or false`);
      }
    } else throw new UsageError(`${where('featureGates')} must be a map of gate names to true/false`);
  }
  const list = (key: string): string[] => {
    const value = raw[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    throw new UsageError(`${where(key)} must be a list of strings`);
  };
  return { file, kubernetesVersion, featureGates, disabledCodes: parseCodes(list('disabledCodes'), where('disabledCodes')), exclude: list('exclude') };
}

/** `--exclude` or config `exclude` globs relative to `base`; a glob git would not honour is a usage error naming `where`. */
export function excludeList(base: string, globs: readonly string[], where: string): IgnoreList | undefined {
  const rules: IgnoreRule[] = [];
  for (const glob of globs) {
    try {
      const rule = compileRule(glob);
      if (rule) rules.push(rule);
    } catch (error) {
      if (error instanceof InvalidPattern) throw new UsageError(`${where} "${clip(glob)}" is not a valid pattern: ${error.message}`);
      throw error;
    }
  }
  return rules.length > 0 ? { base, rules } : undefined;
}

export { releaseVersion };
