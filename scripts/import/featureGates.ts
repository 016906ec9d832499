/**
 * Feature-gate tables of a Go source file: every
 * `map[featuregate.Feature]featuregate.FeatureSpec{…}` (one spec, the state
 * of the release the file belongs to) and
 * `map[featuregate.Feature]featuregate.VersionedSpecs{…}` (the gate's whole
 * history, one spec per version that changed it) literal in the file.
 */
import { parseGoFile, goStringValue } from './goSource';

export type GateStage = 'alpha' | 'beta' | 'stable' | 'deprecated';

export interface GateSpec {
  /** Minor version the spec takes effect from (`1.27`); absent in an unversioned spec. */
  readonly version?: string;
  readonly stage: GateStage;
  readonly default: boolean;
  readonly locked: boolean;
}

export interface GateEntry {
  /** The gate's name (the string value of its constant). */
  readonly name: string;
  /** Go identifier of the map key, as written. */
  readonly key: string;
  /** Versioned specs, oldest first; or a single unversioned spec. */
  readonly specs: readonly GateSpec[];
  readonly versioned: boolean;
}

const preReleases: Record<string, GateStage> = { Alpha: 'alpha', Beta: 'beta', GA: 'stable', Deprecated: 'deprecated' };

/** Offset just past the brace group that opens at `open` (which must be `{`). */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = text.indexOf('"', i + 1);
      if (i === -1) return text.length;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Removes line comments so commented-out entries and notes are not read as specs. */
function withoutLineComments(text: string): string {
  return text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*/g, (_match, literal: string | undefined) => literal ?? '');
}

/** Top-level `key: {…}` entries of a map literal body. */
function mapEntries(body: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const keyPattern = /([A-Za-z_][\w.]*)\s*:\s*\{/g;
  let at = 0;
  while (at < body.length) {
    keyPattern.lastIndex = at;
    const match = keyPattern.exec(body);
    if (!match) break;
    const open = match.index + match[0].length - 1;
    const close = matchBrace(body, open);
    out.push({ key: match[1] ?? '', value: body.slice(open + 1, close - 1) });
    at = close;
  }
  return out;
}

export class GateParseError extends Error {}

function boolValue(expression: string, boolConsts: ReadonlyMap<string, boolean>, context: string): boolean {
  const text = expression.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  const known = boolConsts.get(text);
  if (known !== undefined) return known;
  throw new GateParseError(`${context}: default "${text}" is not a boolean literal or constant`);
}

function parseSpec(text: string, boolConsts: ReadonlyMap<string, boolean>, context: string): GateSpec {
  // A value runs to the next comma or brace outside parentheses (`version.MajorMinor(1, 32)`).
  const field = (name: string): string | undefined => new RegExp(`\\b${name}\\s*:\\s*((?:[^,}(]|\\([^)]*\\))+)`).exec(text)?.[1]?.trim();
  const preRelease = field('PreRelease')?.replace(/^featuregate\./, '');
  const stage = preRelease !== undefined ? preReleases[preRelease] : undefined;
  if (!stage) throw new GateParseError(`${context}: unknown PreRelease "${preRelease ?? ''}"`);
  const versionText = field('Version');
  let version: string | undefined;
  if (versionText !== undefined) {
    const parsed = /MustParse\(\s*"v?(\d+)\.(\d+)(?:\.\d+)?"\s*\)|MajorMinor\(\s*(\d+)\s*,\s*(\d+)\s*\)/.exec(versionText);
    if (!parsed) throw new GateParseError(`${context}: cannot read version "${versionText}"`);
    version = `${parsed[1] ?? parsed[3]}.${parsed[2] ?? parsed[4]}`;
  }
  const defaultText = field('Default');
  if (defaultText === undefined) throw new GateParseError(`${context}: no Default`);
  const lockText = field('LockToDefault');
  return {
    version,
    stage,
    default: boolValue(defaultText, boolConsts, context),
    locked: lockText !== undefined && boolValue(lockText, boolConsts, context),
  };
}

/** `Feature` constants of a file: Go identifier → gate name. */
export function featureConstants(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of parseGoFile(source).consts) {
    const value = goStringValue(c.value);
    if (value !== undefined && (c.type === 'featuregate.Feature' || c.type === 'Feature')) names.set(c.name, value);
  }
  return names;
}

function boolConstants(source: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const c of parseGoFile(source).consts) if (c.value === 'true' || c.value === 'false') out.set(c.name, c.value === 'true');
  return out;
}

/**
 * Every gate entry of every gate table in a file. `resolveName` maps a
 * qualified key (`genericfeatures.Foo`) to a gate name; unqualified keys are
 * resolved through the file's own constants.
 */
export function parseGateTables(source: string, resolveName: (key: string) => string | undefined = () => undefined): GateEntry[] {
  const own = featureConstants(source);
  const bools = boolConstants(source);
  const text = withoutLineComments(source);
  const entries: GateEntry[] = [];
  const tablePattern = /map\[(?:featuregate\.)?Feature\](?:featuregate\.)?(VersionedSpecs|FeatureSpec)\s*\{/g;
  for (let match = tablePattern.exec(text); match; match = tablePattern.exec(text)) {
    const versioned = match[1] === 'VersionedSpecs';
    const open = match.index + match[0].length - 1;
    const close = matchBrace(text, open);
    for (const { key, value } of mapEntries(text.slice(open + 1, close - 1))) {
      const name = own.get(key) ?? resolveName(key) ?? (key.includes('.') ? undefined : key);
      if (name === undefined) throw new GateParseError(`gate key ${key} cannot be resolved to a name`);
      const context = `gate ${name}`;
      let specs: GateSpec[];
      if (versioned) {
        specs = [];
        for (let at = value.indexOf('{'); at !== -1; at = value.indexOf('{', at)) {
          const end = matchBrace(value, at);
          specs.push(parseSpec(value.slice(at + 1, end - 1), bools, context));
          at = end;
        }
        if (specs.length === 0) throw new GateParseError(`${context}: no versioned specs`);
      } else {
        specs = [parseSpec(value, bools, context)];
      }
      entries.push({ name, key, specs, versioned });
    }
    tablePattern.lastIndex = close;
  }
  return entries;
}

/** The spec in force at `minor` ("1.33"): the last versioned spec at or before it, or the single spec. */
export function specAt(entry: GateEntry, minor: string): GateSpec | undefined {
  if (!entry.versioned) return entry.specs[0];
  let found: GateSpec | undefined;
  for (const spec of entry.specs) if (spec.version !== undefined && compareMinor(spec.version, minor) <= 0) found = spec;
  return found;
}

/** Orders `1.9` before `1.10`. */
export function compareMinor(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
