import { generatedReleases } from './generated';
import type { MinorVersion } from './types';

const minorPattern = /^v?1\.(\d{1,3})(?:\.\d+)?$/;

const minors = new Map<string, number | undefined>();

/** Minor number of a version string, or undefined when it is not `1.N`. Remembered: checks compare versions for every field. */
export function minorOf(version: string): number | undefined {
  if (minors.has(version)) return minors.get(version);
  const match = minorPattern.exec(version.trim());
  const minor = match ? Number(match[1]) : undefined;
  // Only the few version strings the data and settings use are remembered, not whatever a file writes.
  if (minors.size < 1_000) minors.set(version, minor);
  return minor;
}

/** Minor versions the data describes, oldest first: every release the import read. */
export const supportedVersions: readonly MinorVersion[] = generatedReleases().versions.map((v) => v.version);

/**
 * The default target: the newest release whose facts all come from final
 * release tags (a release that exists only as a pre-release is offered, but
 * not chosen for the user).
 */
export const releaseVersion: MinorVersion = generatedReleases().newestFinal;

/** True when a version's facts come from final release tags (false for a pre-release). */
export function isFinalRelease(version: MinorVersion): boolean {
  return generatedReleases().versions.find((v) => v.version === version)?.final ?? false;
}

/** The release tags a version's facts were read from, by repository. */
export function releaseTags(version: MinorVersion): Readonly<Record<string, string>> {
  return generatedReleases().versions.find((v) => v.version === version)?.tags ?? {};
}

/** Normalises `v1.31`, `1.31.2` and `1.31` to `1.31`; undefined when unsupported. */
export function parseTargetVersion(input: unknown): MinorVersion | undefined {
  if (typeof input === 'number') input = input.toFixed(2);
  if (typeof input !== 'string') return undefined;
  const minor = minorOf(input);
  if (minor === undefined) return undefined;
  const normalised = `1.${minor}`;
  return supportedVersions.includes(normalised) ? normalised : undefined;
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: MinorVersion, b: MinorVersion): number {
  return (minorOf(a) ?? 0) - (minorOf(b) ?? 0);
}

export function isAtLeast(version: MinorVersion, threshold: MinorVersion | undefined): boolean {
  return threshold !== undefined && compareVersions(version, threshold) >= 0;
}

/** True when `version` lies in [from, to] (open ends allowed). */
export function inRange(version: MinorVersion, from: MinorVersion | undefined, to: MinorVersion | undefined): boolean {
  if (from !== undefined && compareVersions(version, from) < 0) return false;
  if (to !== undefined && compareVersions(version, to) > 0) return false;
  return true;
}

/** The version before `version` ("1.31" → "1.30"). */
export function previousVersion(version: MinorVersion): MinorVersion {
  return `1.${(minorOf(version) ?? 1) - 1}`;
}
