/**
 * Helm's `semverCompare "<constraint>" <version>` (sprig over
 * Masterminds/semver v3), evaluated for a cluster of a target minor
 * version. A cluster at 1.31 may report v1.31.0 or v1.31.9, and managed
 * clusters report prerelease-tagged builds (v1.31.5-gke.1200): a
 * constraint is decided only when every such build gives the same answer.
 */
import type { MinorVersion } from '../kep/types';

interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Prerelease identifiers (`0`, `gke.1200` → ['gke', '1200']), empty for a release. */
  pre: string[];
}

type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '^';

interface Comparator {
  op: Operator;
  version: SemVer;
  /** Which parts were left out or written as x/X/* (`1.19` leaves out the patch). */
  minorGiven: boolean;
  patchGiven: boolean;
}

/** OR of AND-groups, as Masterminds writes them: `>=1.14-0, <1.19-0 || >=1.20-0`. */
type Constraint = Comparator[][];

const comparatorPattern = /^(=|!=|>=|=>|<=|=<|>|<|~>|~|\^)?\s*v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?/;

const operators: Record<string, Operator> = { '': '=', '=': '=', '!=': '!=', '>': '>', '>=': '>=', '=>': '>=', '<': '<', '<=': '<=', '=<': '<=', '~': '~', '~>': '~', '^': '^' };

function isWildcard(part: string | undefined): boolean {
  return part === undefined || part === 'x' || part === 'X' || part === '*';
}

/** One AND-group: comparators separated by commas and/or spaces. Undefined when any part is not understood. */
function parseGroup(text: string): Comparator[] | undefined {
  const comparators: Comparator[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const match = comparatorPattern.exec(rest);
    if (!match) return undefined;
    const [whole, op = '', major = '', minor, patch, pre] = match;
    if (isWildcard(major)) {
      // `*` alone matches every release; keep it as `>=0.0.0`.
      comparators.push({ op: '>=', version: { major: 0, minor: 0, patch: 0, pre: [] }, minorGiven: true, patchGiven: true });
    } else {
      const minorGiven = !isWildcard(minor);
      const patchGiven = minorGiven && !isWildcard(patch);
      comparators.push({
        op: operators[op] ?? '=',
        version: { major: Number(major), minor: minorGiven ? Number(minor) : 0, patch: patchGiven ? Number(patch) : 0, pre: pre ? pre.split('.') : [] },
        minorGiven,
        patchGiven,
      });
    }
    rest = rest.slice(whole.length).replace(/^[\s,]+/, '');
  }
  return comparators.length > 0 ? comparators : undefined;
}

export function parseConstraint(text: string): Constraint | undefined {
  const groups = text.split('||').map(parseGroup);
  return groups.every((g): g is Comparator[] => g !== undefined) ? groups : undefined;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Number(a) - Number(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semantic Versioning 2.0.0 precedence. */
function compare(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const c = compareIdentifiers(a.pre[i] as string, b.pre[i] as string);
    if (c !== 0) return c;
  }
  return a.pre.length - b.pre.length;
}

/** The parts a comparator wrote match (`=1.19` matches every 1.19.x). */
function matchesGivenParts(v: SemVer, c: Comparator): boolean {
  if (v.major !== c.version.major) return false;
  if (c.minorGiven && v.minor !== c.version.minor) return false;
  if (c.patchGiven && v.patch !== c.version.patch) return false;
  return !c.patchGiven || compare(v, c.version) === 0;
}

function satisfies(v: SemVer, c: Comparator): boolean {
  // Masterminds: a constraint without a prerelease never matches a prerelease version (hence charts' `-0`).
  if (v.pre.length > 0 && c.version.pre.length === 0) return false;
  const cmp = compare(v, c.version);
  switch (c.op) {
    case '=':
      return matchesGivenParts(v, c);
    case '!=':
      return !matchesGivenParts(v, c);
    case '>=':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '>':
      if (c.patchGiven) return cmp > 0;
      if (v.major !== c.version.major) return v.major > c.version.major;
      return c.minorGiven && v.minor > c.version.minor;
    case '<=':
      if (c.patchGiven) return cmp <= 0;
      if (v.major !== c.version.major) return v.major < c.version.major;
      return !c.minorGiven || v.minor <= c.version.minor;
    case '~':
      return cmp >= 0 && v.major === c.version.major && (!c.minorGiven || v.minor === c.version.minor);
    case '^':
      if (cmp < 0) return false;
      // ^1.2 keeps the major; below 1.0 the first non-zero part given is the one kept.
      if (c.version.major > 0 || !c.minorGiven) return v.major === c.version.major;
      if (c.version.minor > 0 || !c.patchGiven) return v.major === 0 && v.minor === c.version.minor;
      return v.major === 0 && v.minor === 0 && v.patch === c.version.patch;
    default:
      return false;
  }
}

function check(constraint: Constraint, v: SemVer): boolean {
  return constraint.some((group) => group.every((c) => satisfies(v, c)));
}

/** Builds a cluster of the target minor can report: first and late patches, plain and distribution-tagged. */
function clusterBuilds(version: MinorVersion): SemVer[] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return [0, 99].flatMap((patch) => [
    { major, minor, patch, pre: [] },
    { major, minor, patch, pre: ['gke', '1200'] },
  ]);
}

/**
 * `semverCompare constraint <cluster version>` at a target: true or false
 * when every build of that minor agrees, undefined when they differ or the
 * constraint is not one this reads.
 */
export function clusterSatisfies(constraintText: string, version: MinorVersion): boolean | undefined {
  const constraint = parseConstraint(constraintText);
  if (!constraint) return undefined;
  const answers = new Set(clusterBuilds(version).map((v) => check(constraint, v)));
  return answers.size === 1 ? [...answers][0] : undefined;
}
