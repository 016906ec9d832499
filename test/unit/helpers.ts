/**
 * Shared helpers for the unit tests: settings at a version, models from
 * inline YAML, offsets of marked text.
 */
import * as path from 'node:path';
import { buildModel, type ManifestModel } from '../../server/src/manifest/model';
import { analyzeModel, type FileFinding } from '../../server/src/engine/analyze';
import { defaultSettings, type EngineSettings } from '../../server/src/engine/target';

/** Repository root, from out/test/unit (compiled) or test/unit (sources). */
export const repoRoot = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'out' ? ['..'] : []));

export function settings(version = '1.31', featureGates: Record<string, boolean> = {}, extra: Partial<EngineSettings> = {}): EngineSettings {
  return { ...defaultSettings, kubernetesVersion: version, featureGates, ...extra };
}

export function model(text: string): ManifestModel {
  return buildModel(text);
}

export function analyze(text: string, version = '1.31', featureGates: Record<string, boolean> = {}, extra: Partial<EngineSettings> = {}): FileFinding[] {
  return analyzeModel(buildModel(text), settings(version, featureGates, extra));
}

/** Findings as `code@text` strings, sorted, for exact-set assertions. */
export function summary(text: string, findings: readonly FileFinding[]): string[] {
  return findings.map((f) => `${f.code}@${text.slice(f.start, f.end)}`).sort();
}

/** Offset of the `nth` (0-based) occurrence of `needle`, plus `within` characters. Throws when absent. */
export function offsetOf(text: string, needle: string, nth = 0, within = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) not found in text`);
  }
  return at + within;
}

/** Zero-based line and character of an offset. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Removes the common leading indentation of a template literal and its first empty line. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n').replace(/[ \t]+$/, '');
}
