/**
 * The snippets shipped in snippets/kubernetes-1.31.code-snippets: each one
 * is expanded with a tiny snippet expander (defaults, first choice, and then
 * every other choice in turn) and the result is checked by the `yaml`
 * parser and by KEP Lens's own diagnostics at Kubernetes 1.31. Fragments are
 * embedded where they belong in a minimal manifest first.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isMap, parseAllDocuments } from 'yaml';
import { buildModel } from '../../server/src/manifest/model';
import { analyzeModel, type FileFinding } from '../../server/src/engine/analyze';
import { defaultSettings, type EngineSettings } from '../../server/src/engine/target';

// ---------------------------------------------------------------- loading

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

/** From out/test/unit (compiled) or test/unit (source), the repository root is three or two levels up. */
function repoRoot(): string {
  for (const up of ['../../..', '../..']) {
    const candidate = path.resolve(__dirname, up);
    try {
      readFileSync(path.join(candidate, 'package.json'));
      readFileSync(path.join(candidate, 'snippets', 'kubernetes-1.31.code-snippets'));
      return candidate;
    } catch {
      // try the next level
    }
  }
  throw new Error(`cannot find the repository root from ${__dirname}`);
}

const snippetFile = path.join(repoRoot(), 'snippets', 'kubernetes-1.31.code-snippets');
const snippets = JSON.parse(readFileSync(snippetFile, 'utf8')) as Record<string, Snippet>;

function prefixesOf(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

function bodyOf(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

// ---------------------------------------------------------------- a tiny snippet expander

type SnippetNode =
  | { kind: 'text'; text: string }
  | { kind: 'stop'; index: number; placeholder?: SnippetNode[]; choices?: string[] };

/**
 * Parses the subset of VS Code snippet syntax the snippets use: `$N`, `${N}`,
 * `${N:placeholder}` (nestable), `${N|a,b|}` and `\$`, `\}`, `\\` escapes.
 * Anything else after a `$` (variables, transforms, a stray `$`) is an error:
 * a literal dollar must be escaped.
 */
export function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(source.slice(pos, pos + 30))}`);
  };
  const parseChoices = (): string[] => {
    const choices: string[] = [];
    let current = '';
    while (pos < source.length) {
      const ch = source[pos] as string;
      if (ch === '\\' && pos + 1 < source.length && ',|\\'.includes(source[pos + 1] as string)) {
        current += source[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        choices.push(current);
        current = '';
        pos++;
      } else if (ch === '|' && source[pos + 1] === '}') {
        choices.push(current);
        pos += 2;
        return choices;
      } else {
        current += ch;
        pos++;
      }
    }
    return fail('unterminated choice');
  };
  const parseSequence = (inPlaceholder: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos] as string;
      if (ch === '\\' && pos + 1 < source.length && '$}\\'.includes(source[pos + 1] as string)) {
        text += source[pos + 1];
        pos += 2;
        continue;
      }
      if (inPlaceholder && ch === '}') {
        flush();
        pos++;
        return nodes;
      }
      if (ch === '$') {
        const rest = source.slice(pos);
        const simple = /^\$(\d+)/.exec(rest);
        const braced = /^\$\{(\d+)([:|}])/.exec(rest);
        flush();
        if (simple) {
          nodes.push({ kind: 'stop', index: Number(simple[1]) });
          pos += simple[0].length;
        } else if (braced) {
          const index = Number(braced[1]);
          pos += braced[0].length;
          if (braced[2] === '}') nodes.push({ kind: 'stop', index });
          else if (braced[2] === ':') nodes.push({ kind: 'stop', index, placeholder: parseSequence(true) });
          else nodes.push({ kind: 'stop', index, choices: parseChoices() });
        } else {
          fail('unsupported or unescaped $');
        }
        continue;
      }
      text += ch;
      pos++;
    }
    if (inPlaceholder) fail('unterminated placeholder');
    flush();
    return nodes;
  };
  return parseSequence(false);
}

interface StopInfo {
  index: number;
  occurrences: number;
  /** Raw text of each placeholder given for the stop (a mirror may give none). */
  placeholders: string[];
  choices: string[][];
}

function render(nodes: readonly SnippetNode[], value: (index: number) => string): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : value(n.index))).join('');
}

function collectStops(nodes: readonly SnippetNode[], into = new Map<number, StopInfo>()): Map<number, StopInfo> {
  for (const node of nodes) {
    if (node.kind !== 'stop') continue;
    const info = into.get(node.index) ?? { index: node.index, occurrences: 0, placeholders: [], choices: [] };
    info.occurrences++;
    if (node.placeholder) {
      info.placeholders.push(render(node.placeholder, (i) => `$${i}`));
      collectStops(node.placeholder, into);
    }
    if (node.choices) info.choices.push(node.choices);
    into.set(node.index, info);
  }
  return into;
}

/**
 * Expands a snippet as a user who accepts every default would get it, except
 * for the tab stops given in `picks`. `$0` becomes empty; a stop with neither
 * placeholder nor choice anywhere gets `value<N>`.
 */
export function expandSnippet(source: string, picks: ReadonlyMap<number, string> = new Map()): string {
  const nodes = parseSnippet(source);
  const stops = collectStops(nodes);
  const firstPlaceholder = new Map<number, SnippetNode[]>();
  const visit = (list: readonly SnippetNode[]): void => {
    for (const n of list) {
      if (n.kind === 'stop' && n.placeholder) {
        if (!firstPlaceholder.has(n.index)) firstPlaceholder.set(n.index, n.placeholder);
        visit(n.placeholder);
      }
    }
  };
  visit(nodes);
  const value = (index: number): string => {
    if (index === 0) return '';
    const picked = picks.get(index);
    if (picked !== undefined) return picked;
    const choice = stops.get(index)?.choices[0]?.[0];
    if (choice !== undefined) return choice;
    const placeholder = firstPlaceholder.get(index);
    if (placeholder) return render(placeholder, value);
    return `value${index}`;
  };
  return render(nodes, value);
}

/** The default expansion, then one expansion per further option of every choice. */
function expansions(source: string): { label: string; text: string }[] {
  const out = [{ label: 'defaults', text: expandSnippet(source) }];
  for (const info of collectStops(parseSnippet(source)).values()) {
    for (const option of (info.choices[0] ?? []).slice(1)) {
      out.push({ label: `$${info.index}=${option}`, text: expandSnippet(source, new Map([[info.index, option]])) });
    }
  }
  return out;
}

// ---------------------------------------------------------------- where fragments go

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : pad + line))
    .join('\n');
}

interface Host {
  /** The fragment embedded in a minimal manifest. */
  embed(fragment: string): string;
  /** Path (in the first document) that must exist once the fragment is in place. */
  expectPath: (string | number)[];
}

const containerLevel = (expectPath: (string | number)[]): Host => ({
  embed: (fragment) =>
    ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: fragment-host', 'spec:', '  containers:', '    - name: app', '      image: registry.k8s.io/pause:3.10', indent(fragment, 6)].join('\n'),
  expectPath,
});

/** Fragment snippets, by first prefix. Every snippet not starting with apiVersion must have one. */
const hosts: Record<string, Host> = {
  'k8s-container-apparmor-profile': containerLevel(['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'type']),
  'k8s-container-apparmor-localhost': containerLevel(['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'localhostProfile']),
  'k8s-pod-supplemental-groups-policy': {
    embed: (fragment) =>
      ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: fragment-host', 'spec:', indent(fragment, 2), '  containers:', '    - name: app', '      image: registry.k8s.io/pause:3.10'].join('\n'),
    expectPath: ['spec', 'securityContext', 'supplementalGroupsPolicy'],
  },
  'k8s-volume-mount-recursive-read-only': {
    embed: (fragment) =>
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: fragment-host',
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: registry.k8s.io/pause:3.10',
        '      volumeMounts:',
        indent(fragment, 8),
        '  volumes:',
        // The fragment's default volume name.
        '    - name: data',
        '      emptyDir: {}',
      ].join('\n'),
    expectPath: ['spec', 'containers', 0, 'volumeMounts', 0, 'recursiveReadOnly'],
  },
};

// ---------------------------------------------------------------- what KEP Lens may say

/**
 * Warnings that are expected: alpha features whose gate is off by default in
 * 1.31. Anything else at warning or error severity fails the test.
 */
const expectedWarnings: Record<string, string[]> = {
  'k8s-pod-image-volume': ['feature-gate-off:ImageVolume'],
  'k8s-pod-supplemental-groups-policy': ['feature-gate-off:SupplementalGroupsPolicy'],
};

const settings131: EngineSettings = { ...defaultSettings, kubernetesVersion: '1.31', featureGates: {}, disabledCodes: [] };

function describeFinding(f: FileFinding, text: string): string {
  return `${f.severity} ${f.code}${f.gate ? ` (${f.gate})` : ''} at ${JSON.stringify(text.slice(f.start, f.end))}: ${f.message}`;
}

function nodeAt(value: unknown, keys: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The manifests a snippet produces, one per expansion. */
function manifestsOf(firstPrefix: string, body: string): { label: string; text: string; host?: Host }[] {
  return expansions(body).map(({ label, text }) => {
    if (text.startsWith('apiVersion:')) return { label, text };
    const host = hosts[firstPrefix];
    assert.ok(host, `fragment snippet ${firstPrefix} has no host manifest in the test`);
    return { label, text: host.embed(text.replace(/\s+$/, '')), host };
  });
}

// ---------------------------------------------------------------- tests

describe('snippet expander', () => {
  it('expands defaults, first choices, mirrors and escapes', () => {
    const body = 'a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: ${3:pre-${4:in}}\ne: \\$HOME $0';
    assert.equal(expandSnippet(body), 'a: x\nb: x\nc: p\nd: pre-in\ne: $HOME ');
    assert.equal(expandSnippet(body, new Map([[2, 'q']])), 'a: x\nb: x\nc: q\nd: pre-in\ne: $HOME ');
    assert.equal(expandSnippet('n: ${7}'), 'n: value7');
  });

  it('rejects syntax it does not understand', () => {
    assert.throws(() => parseSnippet('a: $HOME'));
    assert.throws(() => parseSnippet('a: ${1:open'));
    assert.throws(() => parseSnippet('a: ${1|x,y'));
  });
});

describe('snippets/kubernetes-1.31.code-snippets', () => {
  const entries = Object.entries(snippets);

  it('is JSON with the snippets of every 1.31 feature the extension documents', () => {
    const prefixes = new Set(entries.flatMap(([, s]) => prefixesOf(s)));
    for (const wanted of [
      'k8s-pod-image-volume',
      'k8s-service-traffic-distribution',
      'k8s-deployment-anti-affinity-match-label-keys',
      'k8s-job-success-policy',
      'k8s-job-pod-failure-policy',
      'k8s-pdb-unhealthy-pod-eviction-policy',
      'k8s-statefulset-ordinals',
      'k8s-volume-attributes-class',
      'k8s-crd-selectable-fields',
      'k8s-container-apparmor-profile',
      'k8s-pod-supplemental-groups-policy',
      'k8s-volume-mount-recursive-read-only',
    ]) {
      assert.ok(prefixes.has(wanted), `no snippet with prefix ${wanted}`);
    }
  });

  it('uses every prefix once', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of entries) {
      for (const p of prefixesOf(s)) {
        assert.ok(!seen.has(p), `prefix ${p} used by both "${seen.get(p)}" and "${name}"`);
        seen.set(p, name);
      }
    }
  });

  for (const [name, snippet] of entries) {
    describe(name, () => {
      const prefixes = prefixesOf(snippet);
      const firstPrefix = prefixes[0] ?? '';

      it('has prefix, body and a description naming its KEP', () => {
        assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^k8s-[a-z0-9-]+$/.test(p)), `bad prefix ${JSON.stringify(snippet.prefix)}`);
        assert.ok(Array.isArray(snippet.body) ? snippet.body.every((l) => typeof l === 'string') && snippet.body.length > 0 : typeof snippet.body === 'string' && snippet.body !== '');
        assert.equal(typeof snippet.description, 'string');
        assert.match(snippet.description, /\bKEP-\d+\b/);
        assert.doesNotMatch(bodyOf(snippet), /\t/, 'YAML bodies must indent with spaces');
      });

      it('numbers its tab stops from 1 without gaps, ends with $0, and keeps mirrors consistent', () => {
        const body = bodyOf(snippet);
        const stops = collectStops(parseSnippet(body));
        const numbered = [...stops.keys()].filter((i) => i !== 0).sort((a, b) => a - b);
        assert.ok(numbered.length > 0, 'no tab stops');
        assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `tab stops ${numbered.join(', ')}`);
        assert.equal(stops.get(0)?.occurrences, 1, 'exactly one final $0');
        assert.match(body, /\$0\s*$/, '$0 is the last thing in the body');
        for (const info of stops.values()) {
          assert.ok(new Set(info.placeholders).size <= 1, `tab stop ${info.index} has different placeholders: ${info.placeholders.join(' | ')}`);
          assert.ok(new Set(info.choices.map((c) => c.join(','))).size <= 1, `tab stop ${info.index} has different choices`);
          assert.ok(!(info.placeholders.length > 0 && info.choices.length > 0), `tab stop ${info.index} mixes placeholder and choice`);
          for (const choices of info.choices) assert.ok(choices.length >= 2 && choices.every((c) => c !== ''), `choice ${info.index} needs two or more options`);
        }
      });

      it('puts a tab stop on every value the user must choose', () => {
        // Keys whose value is always the user's decision when a snippet writes them.
        const userKeys = /^\s*(?:- )?(name|image|reference|mountPath|topologyKey|replicas|completions|parallelism|backoffLimit|start|serviceName|containerName|port|targetPort|storage|storageClassName|driverName|volumeAttributesClassName|localhostProfile|group|plural|singular|app\.kubernetes\.io\/name|pullPolicy|trafficDistribution|unhealthyPodEvictionPolicy|supplementalGroupsPolicy|recursiveReadOnly|operator|succeededIndexes|succeededCount|minAvailable|maxUnavailable|scope):\s*(.*)$/;
        // Policy fields with a closed set of values are offered as a choice.
        const choiceKeys = new Set(['pullPolicy', 'unhealthyPodEvictionPolicy', 'supplementalGroupsPolicy', 'recursiveReadOnly', 'operator', 'topologyKey', 'scope']);
        const lines = Array.isArray(snippet.body) ? snippet.body : snippet.body.split('\n');
        for (const line of lines) {
          const m = userKeys.exec(line);
          if (!m) continue;
          const [, key = '', value = ''] = m;
          // A key opening a nested block, and the storage flag of a CRD version, are not values to choose.
          if (value === '' || (key === 'storage' && /^(?:true|false)$/.test(value))) continue;
          assert.match(value, /\$\{?\d/, `${key} in ${JSON.stringify(line)} should be a tab stop`);
          if (choiceKeys.has(key)) assert.match(value, /^\$\{\d+\|/, `${key} in ${JSON.stringify(line)} should offer its values as a choice`);
        }
        // The feature's own field, in apiVersion-first snippets, is a tab stop or a required literal.
        assert.ok(collectStops(parseSnippet(bodyOf(snippet))).size > 1);
      });

      for (const { label, text, host } of manifestsOf(firstPrefix, bodyOf(snippet))) {
        it(`expanded with ${label} is valid YAML that KEP Lens accepts at 1.31`, () => {
          const docs = parseAllDocuments(text);
          assert.ok(Array.isArray(docs), 'parseAllDocuments returned an empty stream');
          assert.ok(docs.length > 0, 'no YAML documents');
          for (const doc of docs) {
            assert.deepEqual(doc.errors.map((e) => e.message), [], `YAML errors in:\n${text}`);
            assert.deepEqual(doc.warnings.map((e) => e.message), [], `YAML warnings in:\n${text}`);
            assert.ok(isMap(doc.contents), 'each document is a mapping');
            const js = doc.toJS() as Record<string, unknown>;
            assert.equal(typeof js.apiVersion, 'string');
            assert.equal(typeof js.kind, 'string');
            assert.equal(typeof (js.metadata as Record<string, unknown> | undefined)?.name, 'string', 'metadata.name is a string');
          }
          if (host) {
            const first = (docs[0]?.toJS() ?? {}) as unknown;
            assert.notEqual(nodeAt(first, host.expectPath), undefined, `fragment did not land at ${host.expectPath.join('.')}:\n${text}`);
          }

          const model = buildModel(text);
          for (const { chunk } of model.chunks) assert.ok(chunk.resources.length > 0, `KEP Lens saw no Kubernetes object in:\n${chunk.text}`);
          const findings = analyzeModel(model, settings131);
          const errors = findings.filter((f) => f.severity === 'error');
          assert.deepEqual(errors.map((f) => describeFinding(f, text)), [], `errors for:\n${text}`);
          const warnings = findings
            .filter((f) => f.severity === 'warning')
            .map((f) => `${f.code}:${f.gate ?? ''}`)
            .sort();
          assert.deepEqual(
            warnings,
            [...(expectedWarnings[firstPrefix] ?? [])].sort(),
            `warnings for:\n${text}\n${findings.filter((f) => f.severity === 'warning').map((f) => describeFinding(f, text)).join('\n')}`,
          );
        });
      }

      if (expectedWarnings[firstPrefix]) {
        it('has no warnings left once its gates are on', () => {
          const gates = Object.fromEntries((expectedWarnings[firstPrefix] ?? []).map((w) => [w.split(':')[1] ?? '', true]));
          const { text } = manifestsOf(firstPrefix, bodyOf(snippet))[0] ?? { text: '' };
          const findings = analyzeModel(buildModel(text), { ...settings131, featureGates: gates });
          assert.deepEqual(findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => describeFinding(f, text)), []);
        });
      }
    });
  }

  it('has a host manifest only for fragments that exist', () => {
    const fragments = entries.filter(([, s]) => !bodyOf(s).startsWith('apiVersion:')).map(([, s]) => prefixesOf(s)[0]);
    assert.deepEqual(Object.keys(hosts).sort(), [...fragments].sort());
  });
});
