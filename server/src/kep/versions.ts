import type { MinorVersion } from './types';

/** Minor versions the data describes, oldest first. */
export const supportedVersions: readonly MinorVersion[] = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34'];

/** The release this data set was built for; the default target. */
export const releaseVersion: MinorVersion = '1.31';

const minorPattern = /^v?1\.(\d{1,3})(?:\.\d+)?$/;

/** Minor number of a version string, or undefined when it is not `1.N`. */
export function minorOf(version: string): number | undefined {
  const match = minorPattern.exec(version.trim());
  return match ? Number(match[1]) : undefined;
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
