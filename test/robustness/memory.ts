/**
 * Peak memory of a child process, as `reportPeakMemory` prints it, and the
 * bound the budgets promise: ten times the input's size plus 100 MB.
 */
import * as path from 'node:path';

export const peakMemoryPreload = path.join(__dirname, 'reportPeakMemory.js');

/** The peak resident memory in bytes from a child's stderr, or undefined when it did not say. */
export function peakRss(stderr: string): number | undefined {
  const match = /peak-rss-kb (\d+)/.exec(stderr);
  return match ? Number(match[1]) * 1024 : undefined;
}

export function memoryBound(inputBytes: number): number {
  return 10 * inputBytes + 100 * 1024 * 1024;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
