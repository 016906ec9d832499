/**
 * Shared helpers for the unit tests: settings at a version, models from
 * inline YAML, offsets of marked text.
 */
import * as fs from 'node:fs';
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

export function indent(block: string, by: number): string {
  return block.split('\n').map((l) => (l.trim() === '' ? l : ' '.repeat(by) + l)).join('\n');
}

/** `a.b` + block → `a:\n  b:\n    block`. */
export function nest(prefix: string, block: string): string {
  let out = block;
  for (const key of prefix.split('.').filter(Boolean).reverse()) out = `${key}:\n${indent(out, 2)}`;
  return out;
}

export const podSpecWithImageVolume = yaml`
  spec:
    containers:
      - name: app
        image: registry.example.com/app:1
        volumeMounts:
          - name: models
            mountPath: /models
    volumes:
      - name: models
        image:
          reference: quay.io/example/models:v1
          pullPolicy: IfNotPresent
`;

export const podTemplateHosts: { kind: string; apiVersion: string; prefix: string }[] = [
  { kind: 'Pod', apiVersion: 'v1', prefix: '' },
  { kind: 'PodTemplate', apiVersion: 'v1', prefix: 'template' },
  { kind: 'ReplicationController', apiVersion: 'v1', prefix: 'spec.template' },
  { kind: 'Deployment', apiVersion: 'apps/v1', prefix: 'spec.template' },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', prefix: 'spec.template' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', prefix: 'spec.template' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', prefix: 'spec.template' },
  { kind: 'Job', apiVersion: 'batch/v1', prefix: 'spec.template' },
  { kind: 'CronJob', apiVersion: 'batch/v1', prefix: 'spec.jobTemplate.spec.template' },
];

export function hostDocument(kind: string, apiVersion: string, prefix: string): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: example\n${nest(prefix, podSpecWithImageVolume)}\n`;
}


/** A file under test/fixtures, as text. */
export function readFixture(...segments: string[]): string {
  return fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', ...segments), 'utf8');
}
