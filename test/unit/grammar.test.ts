/**
 * The TextMate injection grammar for YAML comments
 * (syntaxes/kep-lens.injection.tmLanguage.json). VS Code runs it with
 * Oniguruma; here every regex must also compile in JavaScript, stay clear of
 * syntax the two engines read differently, and tokenize sample comments as
 * intended. A small tokenizer below mimics how vscode-textmate applies
 * `match` rules and their capture patterns inside one comment.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { allGateNames } from '../../server/src/kep/catalog';
import { diagnosticCodes } from '../../server/src/engine/target';
import { kepReferences } from '../../server/src/features/links';

interface Capture {
  name?: string;
  patterns?: Rule[];
}

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  comment?: string;
  captures?: Record<string, Capture>;
  patterns?: Rule[];
}

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

function repoRoot(): string {
  for (const up of ['../../..', '../..']) {
    const candidate = path.resolve(__dirname, up);
    try {
      readFileSync(path.join(candidate, 'syntaxes', 'kep-lens.injection.tmLanguage.json'));
      return candidate;
    } catch {
      // try the next level
    }
  }
  throw new Error(`cannot find the repository root from ${__dirname}`);
}

const grammarPath = path.join(repoRoot(), 'syntaxes', 'kep-lens.injection.tmLanguage.json');
const grammarText = readFileSync(grammarPath, 'utf8');
const grammar = JSON.parse(grammarText) as Grammar;

// ---------------------------------------------------------------- walking the grammar

/** Every rule of the grammar, with where it sits, including capture patterns. */
function allRules(): { where: string; rule: Rule }[] {
  const out: { where: string; rule: Rule }[] = [];
  const visit = (rule: Rule, where: string): void => {
    out.push({ where, rule });
    (rule.patterns ?? []).forEach((r, i) => visit(r, `${where}.patterns[${i}]`));
    for (const [n, capture] of Object.entries(rule.captures ?? {})) {
      (capture.patterns ?? []).forEach((r, i) => visit(r, `${where}.captures[${n}].patterns[${i}]`));
    }
  };
  grammar.patterns.forEach((r, i) => visit(r, `patterns[${i}]`));
  for (const [key, rule] of Object.entries(grammar.repository)) visit(rule, `repository.${key}`);
  return out;
}

function regexesOf(rule: Rule): string[] {
  return [rule.match, rule.begin, rule.end, rule.while].filter((r): r is string => typeof r === 'string');
}

/** Syntax that Oniguruma accepts but JavaScript rejects or reads differently. */
const onigurumaOnly: { pattern: RegExp; what: string }[] = [
  { pattern: /\\[GAzZhHRXKy]/, what: 'Oniguruma-only escape (\\G, \\A, \\z, \\Z, \\h, \\H, \\R, \\X, \\K, \\y)' },
  { pattern: /\(\?>/, what: 'atomic group' },
  { pattern: /\(\?[imx-]+[):]/, what: 'inline flag group' },
  { pattern: /\(\?#/, what: 'comment group' },
  { pattern: /[*+?}][+]/, what: 'possessive quantifier' },
  { pattern: /\\x\{/, what: '\\x{...} code point' },
  { pattern: /\\p\{|\\P\{/, what: 'Unicode property (needs the u flag in JavaScript)' },
  { pattern: /\[[^\]]*&&/, what: 'character class intersection' },
  { pattern: /\[\[:/, what: 'POSIX bracket' },
];

/** Lookbehind bodies, which Oniguruma needs to be of fixed length (alternatives may differ). */
function lookbehinds(source: string): string[] {
  const out: string[] = [];
  for (let i = source.indexOf('(?<'); i !== -1; i = source.indexOf('(?<', i + 1)) {
    if (source[i + 3] !== '=' && source[i + 3] !== '!') continue;
    let depth = 0;
    let j = i;
    for (; j < source.length; j++) {
      const ch = source[j];
      if (ch === '\\') {
        j++;
        continue;
      }
      if (ch === '(') depth++;
      if (ch === ')' && --depth === 0) break;
    }
    out.push(source.slice(i + 4, j));
  }
  return out;
}

function resolve(rule: Rule): Rule[] {
  if (!rule.include) return [rule];
  assert.ok(rule.include.startsWith('#'), `only repository includes are expected, got ${rule.include}`);
  const target = grammar.repository[rule.include.slice(1)];
  assert.ok(target, `include ${rule.include} has no repository entry`);
  return target.match ? [target] : (target.patterns ?? []).flatMap(resolve);
}

// ---------------------------------------------------------------- a small tokenizer

interface Token {
  text: string;
  scope: string;
}

/**
 * Applies `match` rules the way vscode-textmate does inside one line: at each
 * position the earliest match wins (ties go to the first rule); a capture
 * with patterns is tokenized again over the line cut at the capture's end.
 */
function tokenize(line: string, rules: readonly Rule[], from: number, to: number, out: Token[] = []): Token[] {
  const flat = rules.flatMap(resolve);
  const subject = line.slice(0, to);
  let position = from;
  while (position < to) {
    let best: { match: RegExpExecArray; rule: Rule } | undefined;
    for (const rule of flat) {
      const re = new RegExp(rule.match ?? '(?!)', 'dg');
      re.lastIndex = position;
      const match = re.exec(subject);
      if (match && match[0].length > 0 && (!best || match.index < best.match.index)) best = { match, rule };
    }
    if (!best) break;
    const { match, rule } = best;
    const start = match.index;
    const end = start + match[0].length;
    if (rule.name) out.push({ text: match[0], scope: rule.name });
    const indices = match.indices ?? [];
    for (const [group, capture] of Object.entries(rule.captures ?? {})) {
      const span = indices[Number(group)];
      if (!span) continue;
      if (capture.name) out.push({ text: line.slice(span[0], span[1]), scope: capture.name });
      if (capture.patterns) tokenize(line, capture.patterns, span[0], span[1], out);
    }
    position = end;
  }
  return out;
}

/** Tokens the injection adds to the comment of a YAML line (from after its `#`). */
function commentTokens(line: string): Token[] {
  const hash = line.search(/(?:^|[ \t])#/);
  assert.ok(hash !== -1, `no comment in ${line}`);
  const start = line.indexOf('#', hash) + 1;
  return tokenize(line, grammar.patterns, start, line.length);
}

function scopesOf(line: string, text: string): string[] {
  return commentTokens(line)
    .filter((t) => t.text === text)
    .map((t) => t.scope);
}

function hasToken(line: string, text: string, scope: string): void {
  assert.ok(scopesOf(line, text).includes(scope), `${JSON.stringify(text)} in ${JSON.stringify(line)} should be ${scope}; tokens: ${JSON.stringify(commentTokens(line))}`);
}

function lacksScope(line: string, scopePart: string): void {
  const hits = commentTokens(line).filter((t) => t.scope.includes(scopePart));
  assert.deepEqual(hits, [], `${JSON.stringify(line)} should have no ${scopePart} token`);
}

// ---------------------------------------------------------------- tests

describe('syntaxes/kep-lens.injection.tmLanguage.json', () => {
  it('is an injection grammar for YAML comments', () => {
    assert.doesNotThrow(() => JSON.parse(grammarText));
    assert.equal(grammar.scopeName, 'kep-lens.injection');
    assert.equal(typeof grammar.injectionSelector, 'string');
    assert.match(grammar.injectionSelector, /^L:.*\bsource\.yaml\b.*\bcomment\.line\.number-sign\.yaml\b/);
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
    assert.equal(typeof grammar.repository, 'object');
  });

  it('matches the grammar contribution in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const contribution = pkg.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(contribution, 'package.json contributes no grammar with this scopeName');
    assert.equal(path.resolve(repoRoot(), contribution.path), grammarPath);
    assert.deepEqual(contribution.injectTo, ['source.yaml']);
  });

  it('resolves every include and gives every scope the kep-lens suffix', () => {
    for (const { where, rule } of allRules()) {
      if (rule.include) resolve(rule);
      const names = [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter((n): n is string => !!n);
      for (const name of names) assert.match(name, /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.kep-lens$/, `${where}: scope ${name}`);
      assert.ok(!rule.begin && !rule.while, `${where}: begin/end rules are not used (the tokenizer in this test handles match rules only)`);
    }
  });

  it('has regexes that compile in JavaScript and avoid Oniguruma-only syntax', () => {
    const all = allRules().flatMap(({ where, rule }) => regexesOf(rule).map((source) => ({ where, source })));
    assert.ok(all.length >= 8, `only ${all.length} regexes`);
    for (const { where, source } of all) {
      assert.doesNotThrow(() => new RegExp(source), `${where}: ${source}`);
      assert.doesNotThrow(() => new RegExp(source, 'dg'), `${where}: ${source}`);
      for (const { pattern, what } of onigurumaOnly) assert.doesNotMatch(source, pattern, `${where}: ${what} in ${source}`);
      for (const body of lookbehinds(source)) {
        for (const alternative of body.split('|')) {
          assert.doesNotMatch(alternative.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x'), /[*+?{]/, `${where}: lookbehind must have a fixed length: (?<…${body})`);
        }
      }
    }
  });

  describe('KEP references', () => {
    it('marks KEP-NNNN and kep.k8s.io/NNNN as links', () => {
      hasToken('# see KEP-4639 for image volumes', 'KEP-4639', 'markup.underline.link.kep-lens');
      hasToken('  image: x  # kep-4639', 'kep-4639', 'markup.underline.link.kep-lens');
      hasToken('# kep.k8s.io/3619', 'kep.k8s.io/3619', 'markup.underline.link.kep-lens');
      hasToken('# https://kep.k8s.io/3619 explains it', 'https://kep.k8s.io/3619', 'markup.underline.link.kep-lens');
    });

    it('leaves other words alone', () => {
      for (const line of ['# KEPs are design documents', '# KEP- without a number', '# sKEP-12 is not one', '# kepler-452', '# KEP-123456 is too long', '# notkep.k8s.io/1']) {
        lacksScope(line, 'link');
      }
    });

    it('links the same references the language server links', () => {
      for (const line of ['# KEP-24, kep-3619 and kep.k8s.io/4639', '# KEPs, KEP-, https://kep.k8s.io/3857.', '# xKEP-1 KEP-99999 kep-1-2']) {
        const fromGrammar = commentTokens(line)
          .filter((t) => t.scope === 'markup.underline.link.kep-lens')
          .map((t) => Number(/(\d+)$/.exec(t.text)?.[1]));
        const fromServer = kepReferences(line).map((r) => r.kep);
        assert.deepEqual(fromGrammar, fromServer, line);
      }
    });
  });

  describe('# kep-lens: directives', () => {
    const line = '# kep-lens: kubernetesVersion=1.30 featureGates=ImageVolume=true,SupplementalGroupsPolicy=false';

    it('marks the keyword, settings and values', () => {
      hasToken(line, 'kep-lens', 'keyword.control.directive.kep-lens');
      hasToken(line, ':', 'punctuation.separator.key-value.kep-lens');
      hasToken(line, 'kubernetesVersion', 'variable.parameter.setting.kep-lens');
      hasToken(line, '1.30', 'constant.numeric.version.kep-lens');
      hasToken(line, 'featureGates', 'variable.parameter.setting.kep-lens');
      hasToken(line, 'ImageVolume', 'support.constant.feature-gate.kep-lens');
      hasToken(line, 'SupplementalGroupsPolicy', 'support.constant.feature-gate.kep-lens');
      hasToken(line, 'true', 'constant.language.boolean.kep-lens');
      hasToken(line, 'false', 'constant.language.boolean.kep-lens');
      hasToken(line, ',', 'punctuation.separator.comma.kep-lens');
    });

    it('accepts the spacing the server accepts', () => {
      hasToken('#kep-lens:kubernetesVersion=1.29', 'kep-lens', 'keyword.control.directive.kep-lens');
      hasToken('#   kep-lens :  kubernetesVersion=1.29', '1.29', 'constant.numeric.version.kep-lens');
      hasToken('# kep-lens: featureGates=Foo=true', 'Foo', 'support.constant.feature-gate.kep-lens');
    });

    it('is only a directive right after the comment sign', () => {
      for (const l of ['# note: kep-lens: kubernetesVersion=1.30', '## kep-lens: kubernetesVersion=1.30', '# kep-lenses: x', '# kep-lens-disable']) {
        lacksScope(l, 'keyword.control.directive.kep-lens');
        lacksScope(l, 'constant.numeric.version');
      }
    });
  });

  describe('suppression comments', () => {
    it('marks kep-lens-disable and kep-lens-disable-next-line with their codes', () => {
      const next = '    # kep-lens-disable-next-line feature-gate-off, kep-rule';
      hasToken(next, 'kep-lens-disable-next-line', 'keyword.control.directive.suppression.kep-lens');
      hasToken(next, 'feature-gate-off', 'constant.other.diagnostic-code.kep-lens');
      hasToken(next, 'kep-rule', 'constant.other.diagnostic-code.kep-lens');
      hasToken('# kep-lens-disable', 'kep-lens-disable', 'keyword.control.directive.suppression.kep-lens');
      hasToken('# kep-lens-disable removed-api', 'removed-api', 'constant.other.diagnostic-code.kep-lens');
    });

    it('knows exactly the diagnostic codes of the engine', () => {
      const codes = Object.keys(diagnosticCodes);
      for (const code of codes) hasToken(`# kep-lens-disable-next-line ${code}`, code, 'constant.other.diagnostic-code.kep-lens');
      const alternation = /\(\?:([a-z|-]+)\)/.exec(grammar.repository['diagnostic-code']?.match ?? '')?.[1] ?? '';
      assert.deepEqual(alternation.split('|').sort(), [...codes].sort());
    });

    it('does not mark codes outside a suppression, or look-alikes', () => {
      lacksScope('# this feature-gate-off warning is fine', 'diagnostic-code');
      lacksScope('# kep-lens-disabled feature-gate-off', 'suppression');
      lacksScope('# kep-lens-disable-next-line not-a-code feature-gate-offish', 'diagnostic-code');
    });
  });

  describe('feature gates', () => {
    it('marks gates set to a value and gates named after "gate"', () => {
      hasToken('# needs --feature-gates=ImageVolume=true on the kubelet', 'ImageVolume', 'support.constant.feature-gate.kep-lens');
      hasToken('# needs --feature-gates=ImageVolume=true on the kubelet', 'true', 'constant.language.boolean.kep-lens');
      hasToken('# PDBUnhealthyPodEvictionPolicy=false', 'PDBUnhealthyPodEvictionPolicy', 'support.constant.feature-gate.kep-lens');
      hasToken('# enable the feature gate SupplementalGroupsPolicy first', 'SupplementalGroupsPolicy', 'support.constant.feature-gate.kep-lens');
      hasToken('# gate: VolumeAttributesClass', 'VolumeAttributesClass', 'support.constant.feature-gate.kep-lens');
    });

    it('recognises every gate of the data module', () => {
      const names = allGateNames();
      assert.ok(names.length > 10);
      for (const name of names) {
        hasToken(`# ${name}=true`, name, 'support.constant.feature-gate.kep-lens');
        hasToken(`# feature gate ${name}`, name, 'support.constant.feature-gate.kep-lens');
      }
    });

    it('leaves ordinary CamelCase and lower-case words alone', () => {
      for (const line of [
        '# ImageVolume is alpha in 1.31',
        '# Enabled=true',
        '# HTTP=true',
        '# imageVolume=true',
        '# gate imageVolume',
        '# the gate is off',
        '# ImageVolume=yes',
        '# KUBECTL_DEBUG_CUSTOM_PROFILE is set by default',
      ]) {
        lacksScope(line, 'feature-gate');
      }
    });
  });
});
