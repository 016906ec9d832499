/**
 * The condition of a Helm template `if` (a Go template pipeline), decided
 * as far as the target cluster decides it. What the target settles:
 * `semverCompare` over `.Capabilities.KubeVersion.(GitVersion|Version)` or a
 * chart's kubeVersion helper, and `.Capabilities.APIVersions.Has`. What it
 * does not: chart values, and version tests this does not read, which are
 * kept apart because a finding under them is the chart's per-version choice.
 */
import type { MinorVersion } from '../kep/types';
import { clusterSatisfies } from './semverConstraints';

/**
 * `yes`/`no`: the target decides it. `version`: it depends on the cluster's
 * version in a way the target minor does not settle. `values`: it depends on
 * chart values or on what else the cluster has installed.
 */
export type Truth = 'yes' | 'no' | 'version' | 'values';

export interface ClusterFacts {
  version: MinorVersion;
  /** Whether the target serves `group/version[/Kind]`; undefined when the data does not know it (a CRD). */
  serves(apiVersion: string): boolean | undefined;
}

export function and(a: Truth, b: Truth): Truth {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'yes') return b;
  if (b === 'yes') return a;
  return a === 'version' || b === 'version' ? 'version' : 'values';
}

export function or(a: Truth, b: Truth): Truth {
  return not(and(not(a), not(b)));
}

export function not(a: Truth): Truth {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : a;
}

// ---------------------------------------------------------------- tokens and syntax

type Token =
  | { type: 'string'; text: string }
  | { type: 'word'; text: string }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'pipe' };

/** Tokens of a pipeline; undefined for syntax this does not read (declarations, chained parentheses). */
function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '|') {
      tokens.push(c === '(' ? { type: 'open' } : c === ')' ? { type: 'close' } : { type: 'pipe' });
      i++;
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) text += source[j] === '\\' ? source[++j] ?? '' : source[j];
      if (j >= source.length) return undefined;
      tokens.push({ type: 'string', text });
      i = j + 1;
    } else if (c === '`') {
      const close = source.indexOf('`', i + 1);
      if (close === -1) return undefined;
      tokens.push({ type: 'string', text: source.slice(i + 1, close) });
      i = close + 1;
    } else {
      const word = /^[$.\w][\w.$-]*/.exec(source.slice(i))?.[0];
      if (!word) return undefined;
      tokens.push({ type: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

type Operand = { type: 'string'; text: string } | { type: 'word'; text: string } | { type: 'pipeline'; commands: Operand[][] };

/** pipeline := command ('|' command)*; command := operand+; operand := string | word | '(' pipeline ')'. */
function parsePipeline(tokens: Token[], at: { i: number }): Operand[][] | undefined {
  const commands: Operand[][] = [];
  let command: Operand[] = [];
  while (at.i < tokens.length) {
    const token = tokens[at.i] as Token;
    if (token.type === 'close') break;
    at.i++;
    if (token.type === 'pipe') {
      if (command.length === 0) return undefined;
      commands.push(command);
      command = [];
    } else if (token.type === 'open') {
      const inner = parsePipeline(tokens, at);
      if (!inner || tokens[at.i]?.type !== 'close') return undefined;
      at.i++;
      command.push({ type: 'pipeline', commands: inner });
    } else {
      command.push(token);
    }
  }
  if (command.length === 0) return undefined;
  commands.push(command);
  return commands;
}

// ---------------------------------------------------------------- values

/** What an operand evaluates to: a truth, a literal text, or the cluster's version string. */
type Value = { type: 'truth'; truth: Truth } | { type: 'text'; text: string } | { type: 'clusterVersion' };

const byValues: Value = { type: 'truth', truth: 'values' };
const byVersion: Value = { type: 'truth', truth: 'version' };

function truthOf(value: Value): Truth {
  if (value.type === 'truth') return value.truth;
  if (value.type === 'text') return value.text === '' ? 'no' : 'yes';
  return 'yes';
}

/** An undecided result, marked as version-dependent when any of its inputs is. */
function undecided(inputs: readonly Value[]): Value {
  return inputs.some((v) => v.type === 'clusterVersion' || (v.type === 'truth' && v.truth === 'version')) ? byVersion : byValues;
}

/** `.Capabilities…`, `$.Capabilities…` or `$root.Capabilities…` → the path after `Capabilities`. */
function capabilitiesPath(word: string): string | undefined {
  return /^\$?\w*\.Capabilities\.([\w.]+)$/.exec(word)?.[1];
}

function fieldValue(word: string, args: readonly Value[], facts: ClusterFacts): Value {
  const capability = capabilitiesPath(word);
  if (capability === undefined) return byValues;
  if (capability === 'KubeVersion.GitVersion' || capability === 'KubeVersion.Version') return args.length === 0 ? { type: 'clusterVersion' } : byVersion;
  if (capability === 'APIVersions.Has') {
    const [apiVersion] = args;
    if (args.length !== 1 || apiVersion?.type !== 'text') return byVersion;
    const served = facts.serves(apiVersion.text);
    return served === undefined ? byValues : { type: 'truth', truth: served ? 'yes' : 'no' };
  }
  return capability.startsWith('KubeVersion') || capability.startsWith('APIVersions') ? byVersion : byValues;
}

/** A chart helper that returns the cluster's version (`common.capabilities.kubeVersion`, `app.kubeVersion`). */
const kubeVersionHelper = /kube-?version$/i;
/** Other capability helpers (`common.capabilities.psp.supported`) answer per cluster in ways this does not read. */
const capabilityHelper = /capabilit/i;

function callValue(name: string, args: readonly Value[], facts: ClusterFacts): Value {
  switch (name) {
    case 'not':
      return args.length === 1 ? { type: 'truth', truth: not(truthOf(args[0] as Value)) } : byValues;
    case 'and':
      return { type: 'truth', truth: args.map(truthOf).reduce(and, 'yes') };
    case 'or':
      return { type: 'truth', truth: args.map(truthOf).reduce(or, 'no') };
    case 'semverCompare': {
      const [constraint, version] = args;
      if (args.length !== 2 || constraint?.type !== 'text' || version?.type !== 'clusterVersion') return undecided(args);
      const answer = clusterSatisfies(constraint.text, facts.version);
      return answer === undefined ? byVersion : { type: 'truth', truth: answer ? 'yes' : 'no' };
    }
    case 'include':
    case 'template': {
      const helper = args[0]?.type === 'text' ? args[0].text : '';
      if (kubeVersionHelper.test(helper)) return { type: 'clusterVersion' };
      return capabilityHelper.test(helper) ? byVersion : byValues;
    }
    case 'default': {
      // `default .Capabilities.KubeVersion.Version .Values.kubeVersion`: the cluster's version unless a value overrides it.
      const [fallback, given] = args;
      if (fallback?.type === 'clusterVersion' && (given === undefined || given.type !== 'text')) return fallback;
      return undecided(args);
    }
    case 'eq':
    case 'ne': {
      const [a, b] = args;
      if (args.length === 2 && a?.type === 'text' && b?.type === 'text') return { type: 'truth', truth: (a.text === b.text) === (name === 'eq') ? 'yes' : 'no' };
      return undecided(args);
    }
    case 'true':
    case 'false':
      return { type: 'truth', truth: name === 'true' ? 'yes' : 'no' };
    default:
      return undecided(args);
  }
}

function evaluateOperand(operand: Operand, facts: ClusterFacts): Value {
  if (operand.type === 'string') return { type: 'text', text: operand.text };
  if (operand.type === 'pipeline') return evaluateCommands(operand.commands, facts);
  if (/^-?\d/.test(operand.text)) return { type: 'text', text: operand.text };
  if (operand.text.startsWith('.') || operand.text.startsWith('$')) return fieldValue(operand.text, [], facts);
  return callValue(operand.text, [], facts);
}

function evaluateCommand(command: readonly Operand[], piped: Value | undefined, facts: ClusterFacts): Value {
  const [head, ...rest] = command as [Operand, ...Operand[]];
  const args = rest.map((o) => evaluateOperand(o, facts));
  if (piped) args.push(piped);
  if (head.type !== 'word' || /^-?\d/.test(head.text)) return args.length === 0 ? evaluateOperand(head, facts) : undecided(args);
  if (head.text.startsWith('.') || head.text.startsWith('$')) return fieldValue(head.text, args, facts);
  return callValue(head.text, args, facts);
}

function evaluateCommands(commands: readonly Operand[][], facts: ClusterFacts): Value {
  let value: Value | undefined;
  for (const command of commands) value = evaluateCommand(command, value, facts);
  return value ?? byValues;
}

/** Words that mark a condition as version-dependent when its syntax is not one this reads. */
const versionWords = /semverCompare|\.Capabilities\.(?:KubeVersion|APIVersions)|capabilit|kube-?version/i;

/** The truth of an `if`/`else if`/`with` pipeline at the target. */
export function evaluateCondition(pipeline: string, facts: ClusterFacts): Truth {
  const tokens = tokenize(pipeline);
  const at = { i: 0 };
  const commands = tokens ? parsePipeline(tokens, at) : undefined;
  if (!tokens || !commands || at.i !== tokens.length) return versionWords.test(pipeline) ? 'version' : 'values';
  return truthOf(evaluateCommands(commands, facts));
}
