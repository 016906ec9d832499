/**
 * `--format sarif` against a SARIF 2.1.0 schema (the subset kep-lens
 * writes, test/fixtures/cli/sarif-2.1.0-subset.schema.json), with ajv when
 * it resolves (yaml-language-server brings it) and a small validator of
 * our own otherwise, so the check never silently disappears.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fixtures, removeTree, runCli, scratchTree } from './cliHarness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const schema = JSON.parse(fs.readFileSync(path.join(fixtures, 'sarif-2.1.0-subset.schema.json'), 'utf8')) as Schema;

/** A validator for the keywords the subset schema uses; returns error paths. */
function miniValidate(root: Schema, value: Json, at = '$', s: Schema = root): string[] {
  const errors: string[] = [];
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/definitions/', '');
    return miniValidate(root, value, at, (root.definitions as Record<string, Schema>)[name] as Schema);
  }
  const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value as never)) errors.push(`${at}: must be one of ${s.enum.join(', ')}`);
  if (typeof s.type === 'string') {
    const t = typeOf(value);
    const ok = s.type === t || (s.type === 'number' && (t === 'integer' || t === 'number'));
    if (!ok) return [...errors, `${at}: must be ${s.type}, is ${t}`];
  }
  if (typeof value === 'number' && typeof s.minimum === 'number' && value < s.minimum) errors.push(`${at}: must be >= ${s.minimum}`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.length < s.minLength) errors.push(`${at}: too short`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(value)) errors.push(`${at}: must match ${s.pattern}`);
    if (s.format === 'uri' && !/^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value)) errors.push(`${at}: must be a URI`);
    if (s.format === 'uri-reference' && /[\s<>"{}|\\^`]/.test(value)) errors.push(`${at}: must be a URI reference`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${at}: needs ${s.minItems}+ items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${at}: at most ${s.maxItems} items`);
    if (s.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${at}: items must be unique`);
    if (s.items && typeof s.items === 'object') value.forEach((v, i) => errors.push(...miniValidate(root, v, `${at}[${i}]`, s.items as Schema)));
  } else if (value !== null && typeof value === 'object') {
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in value)) errors.push(`${at}: missing ${key}`);
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const [key, sub] of Object.entries(properties)) if (key in value) errors.push(...miniValidate(root, value[key] as Json, `${at}.${key}`, sub));
  }
  return errors;
}

interface AjvLike {
  addFormat(name: string, format: RegExp): unknown;
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null };
}

/** ajv from node_modules, when present. */
function loadAjv(): AjvLike | undefined {
  try {
    const load = createRequire(__filename);
    const mod = load('ajv') as { default?: new (options: object) => AjvLike } & (new (options: object) => AjvLike);
    const Ajv = mod.default ?? mod;
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
    ajv.addFormat('uri-reference', /^[^\s<>"{}|\\^`]*$/);
    return ajv;
  } catch {
    return undefined;
  }
}

function validate(log: unknown): string[] {
  const errors = miniValidate(schema, log as Json);
  const ajv = loadAjv();
  if (ajv) {
    const check = ajv.compile(schema);
    if (!check(log)) errors.push(...(check.errors ?? []).map((e) => `ajv: ${JSON.stringify(e)}`));
  }
  return errors;
}

let root = '';
before(() => {
  root = scratchTree();
});
after(() => {
  removeTree(root);
});

interface SarifLog {
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

test('ajv resolves (so the schema check is the real one)', () => {
  assert.ok(loadAjv(), 'ajv is not resolvable from the tests; only the built-in validator ran');
});

test('SARIF output is valid against the SARIF 2.1.0 subset schema', () => {
  const run = runCli(['lint', 'manifests', '--format', 'sarif', '--kubernetes-version', '1.31'], { cwd: root });
  assert.equal(run.code, 1);
  const log = JSON.parse(run.stdout) as SarifLog & { $schema: string; version: string };
  assert.deepEqual(validate(log), []);
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  const [only] = log.runs;
  assert.ok(only);
  const rules = only.tool.driver.rules;
  // One rule per code used, each results' ruleIndex pointing at its rule.
  assert.deepEqual(rules.map((r) => r.id), [...new Set(only.results.map((r) => r.ruleId))].sort());
  for (const r of only.results) assert.equal(rules[r.ruleIndex]?.id, r.ruleId);
  assert.ok(rules.every((r) => r.shortDescription.text.length > 10));
  const levels = new Set(only.results.map((r) => r.level));
  assert.ok(levels.has('error') && levels.has('warning'));
  for (const r of only.results) assert.match(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '', /^manifests\/[\w./-]+$/);
  assert.equal(only.invocations[0]?.executionSuccessful, true);
});

test('SARIF: I/O problems become notifications; notes for information and hints; stdin is a valid URI', () => {
  fs.writeFileSync(path.join(root, 'bin.yaml'), Buffer.from([0, 1, 2]));
  const run = runCli(['lint', 'bin.yaml', '-', '--format', 'sarif', '--kubernetes-version', '1.31'], {
    cwd: root,
    input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n      securityContext:\n        procMount: Unmasked\n',
  });
  assert.equal(run.code, 2);
  const log = JSON.parse(run.stdout) as SarifLog;
  assert.deepEqual(validate(log), []);
  const only = log.runs[0];
  assert.ok(only);
  assert.equal(only.invocations[0]?.executionSuccessful, false);
  assert.match(only.invocations[0]?.toolExecutionNotifications[0]?.message.text ?? '', /binary file/);
  assert.ok(only.results.some((r) => r.level === 'note'), JSON.stringify(only.results.map((r) => r.level)));
  assert.equal(only.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, '%3Cstdin%3E');
});

test('the validators reject what SARIF forbids', () => {
  const run = runCli(['lint', 'manifests', '--format', 'sarif', '--kubernetes-version', '1.31'], { cwd: root });
  const broken = JSON.parse(run.stdout) as SarifLog;
  const result = broken.runs[0]?.results[0] as unknown as Record<string, unknown>;
  result.level = 'fatal';
  (broken.runs[0]?.results[1]?.locations[0]?.physicalLocation.region as Record<string, number>).startLine = 0;
  (broken.runs[0]?.tool.driver.rules[0] as unknown as Record<string, unknown>).helpUri = undefined;
  delete (broken.runs[0]?.tool.driver.rules[0] as unknown as Record<string, unknown>).helpUri;
  const errors = miniValidate(schema, broken as unknown as Json);
  assert.ok(errors.some((e) => /level/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /startLine/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /helpUri/.test(e)), errors.join('\n'));
  const ajv = loadAjv();
  if (ajv) assert.equal(ajv.compile(schema)(broken), false);
});
