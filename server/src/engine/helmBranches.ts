/**
 * Helm template branches: the `if`/`else if`/`else` (and `with`, `range`)
 * blocks of a templated document, where each branch's text lies, and
 * whether the target cluster renders it. A finding is judged only where
 * the target renders its text; an apiVersion written once per branch is a
 * set of alternatives, judged together.
 */
import { isScalar } from 'yaml';
import { apiVersionStatusAt, kindsOfGroupVersion } from '../kep/catalog';
import type { MinorVersion } from '../kep/types';
import { lineStartAt } from '../manifest/lineBreaks';
import { isTemplated, type ParsedChunk, type Resource } from '../manifest/model';
import { and, evaluateCondition, not, type ClusterFacts, type Truth } from './templateConditions';

export type { Truth };

interface Branch {
  /** The pipeline after `if`/`else if`/`with`/`range`; undefined for a plain `else`. */
  readonly condition: string | undefined;
  /** Text of the branch: from the end of the action that opens it to the start of the next clause. */
  readonly start: number;
  end: number;
  readonly children: Block[];
  /** Truth of "this branch renders", per target version. */
  readonly taken: Map<MinorVersion, Truth>;
}

interface Block {
  readonly keyword: 'if' | 'with' | 'range' | 'define' | 'block';
  /** From the start of the opening action to the end of `{{ end }}`. */
  readonly start: number;
  end: number;
  readonly branches: Branch[];
}

/** A template action: `{{- if .Values.x }}` → body `if .Values.x`. */
interface Action {
  start: number;
  end: number;
  body: string;
}

function actionsOf(text: string): Action[] {
  const actions: Action[] = [];
  for (const match of text.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    // `{{- ` and ` -}}` trim whitespace; `{{-3}}` is a number, so the dash needs a space after it.
    const body = (match[1] ?? '').replace(/^-(?=\s)/, '').replace(/(?<=\s)-$/, '').trim();
    if (!body.startsWith('/*')) actions.push({ start: match.index, end: match.index + match[0].length, body });
  }
  return actions;
}

function newBranch(condition: string | undefined, start: number): Branch {
  return { condition, start, end: start, children: [], taken: new Map() };
}

/** The blocks of a document, nested as the template nests them; an unclosed block runs to the end of the text. */
function blocksOf(text: string): Block[] {
  const top: Block[] = [];
  const open: Block[] = [];
  const add = (block: Block): void => {
    const parent = open[open.length - 1];
    (parent ? (parent.branches[parent.branches.length - 1] as Branch).children : top).push(block);
    open.push(block);
  };
  for (const action of actionsOf(text)) {
    const opening = /^(if|with|range|define|block)\b\s*([\s\S]*)$/.exec(action.body);
    const current = open[open.length - 1];
    if (opening) {
      add({ keyword: opening[1] as Block['keyword'], start: action.start, end: text.length, branches: [newBranch(opening[2], action.end)] });
    } else if (current && /^else\b/.test(action.body)) {
      const last = current.branches[current.branches.length - 1] as Branch;
      last.end = action.start;
      current.branches.push(newBranch(/^else\s+(?:if|with)\b\s*([\s\S]*)$/.exec(action.body)?.[1], action.end));
    } else if (current && action.body === 'end') {
      (current.branches[current.branches.length - 1] as Branch).end = action.start;
      current.end = action.end;
      open.pop();
    }
  }
  for (const block of open) (block.branches[block.branches.length - 1] as Branch).end = text.length;
  return top;
}

const flows = new WeakMap<ParsedChunk, Block[]>();

function flowOf(chunk: ParsedChunk): Block[] {
  let blocks = flows.get(chunk);
  if (!blocks) {
    blocks = chunk.templated ? blocksOf(chunk.text) : [];
    flows.set(chunk, blocks);
  }
  return blocks;
}

// ---------------------------------------------------------------- the cluster

/** `.Capabilities.APIVersions.Has "group/version[/Kind]"`: true exactly when the target serves it. */
export function servesAt(apiVersion: string, version: MinorVersion): boolean | undefined {
  const parts = apiVersion.trim().split('/');
  const last = parts[parts.length - 1] ?? '';
  const hasKind = parts.length > 1 && /^[A-Z]/.test(last);
  const groupVersion = hasKind ? parts.slice(0, -1).join('/') : parts.join('/');
  const states = (hasKind ? [last] : kindsOfGroupVersion(groupVersion)).map((kind) => apiVersionStatusAt(groupVersion, kind, version).state).filter((s) => s !== 'unknown');
  if (states.length === 0) return undefined;
  return states.some((s) => s === 'served' || s === 'deprecated');
}

function clusterAt(version: MinorVersion): ClusterFacts {
  return { version, serves: (apiVersion) => servesAt(apiVersion, version) };
}

// ---------------------------------------------------------------- rendering

/** Whether the condition that opens a branch holds (`yes` for a plain `else`). */
function conditionHolds(block: Block, index: number, cluster: ClusterFacts): Truth {
  const branch = block.branches[index] as Branch;
  if (branch.condition === undefined) return 'yes';
  // A range body renders when its list is not empty, which the chart's values decide.
  if (block.keyword === 'range' && index === 0) return 'values';
  return evaluateCondition(branch.condition, cluster);
}

/** Whether a branch renders: its own condition holds and no earlier branch of its block was taken. */
function branchTaken(block: Block, index: number, version: MinorVersion): Truth {
  const branch = block.branches[index] as Branch;
  const cached = branch.taken.get(version);
  if (cached) return cached;
  let truth: Truth;
  if (block.keyword === 'define') {
    // A named template's body renders where it is included, not here.
    truth = 'no';
  } else if (block.keyword === 'block') {
    truth = 'values';
  } else {
    const cluster = clusterAt(version);
    truth = conditionHolds(block, index, cluster);
    for (let i = 0; i < index; i++) truth = and(truth, not(conditionHolds(block, i, cluster)));
  }
  branch.taken.set(version, truth);
  return truth;
}

/** The innermost branches holding an offset, outermost first, with their blocks. */
function enclosingBranches(chunk: ParsedChunk, offset: number): { block: Block; index: number }[] {
  const chain: { block: Block; index: number }[] = [];
  let blocks = flowOf(chunk);
  for (;;) {
    const block = blockAt(blocks, offset);
    const index = block ? block.branches.findIndex((b) => offset >= b.start && offset < b.end) : -1;
    if (!block || index === -1) return chain;
    chain.push({ block, index });
    blocks = (block.branches[index] as Branch).children;
  }
}

/** The block holding an offset among sibling blocks, which are disjoint and in text order. */
function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid] as Block;
    if (offset < block.start) high = mid - 1;
    else if (offset >= block.end) low = mid + 1;
    else return block;
  }
  return undefined;
}

/** Whether the target renders the text at an offset: `yes` outside every template block. */
export function renderingAt(chunk: ParsedChunk, offset: number, version: MinorVersion): Truth {
  if (!chunk.templated) return 'yes';
  return enclosingBranches(chunk, offset).reduce<Truth>((truth, { block, index }) => and(truth, branchTaken(block, index, version)), 'yes');
}

/**
 * A finding about the cluster's version is judged where the target renders
 * its text, or where chart values decide; not where the chart itself picks
 * per cluster version in a way the target does not settle.
 */
export function judgedAtTarget(chunk: ParsedChunk, offset: number, version: MinorVersion): boolean {
  const rendering = renderingAt(chunk, offset, version);
  return rendering === 'yes' || rendering === 'values';
}

// ---------------------------------------------------------------- apiVersion alternatives

export interface ApiVersionEntry {
  readonly apiVersion: string;
  /** Range of the value (relative offsets). */
  readonly range: readonly [number, number];
  readonly rendering: Truth;
}

export type ApiVersionJudgement =
  /** Nothing to judge: no entry renders at the target, or the chart picks by a version test the target does not settle. */
  | { readonly kind: 'none' }
  /** The entry the target renders (or the only one, under conditions on chart values). */
  | { readonly kind: 'one'; readonly entry: ApiVersionEntry }
  /** Entries the chart chooses among in ways the target does not settle: a problem only if every one is. */
  | { readonly kind: 'alternatives'; readonly entries: readonly ApiVersionEntry[] };

/** The object's apiVersion entries (one per if/else branch in a Helm template), with their rendering at the target. */
export function apiVersionEntries(chunk: ParsedChunk, resource: Resource, version: MinorVersion): ApiVersionEntry[] {
  const entries: ApiVersionEntry[] = [];
  for (const pair of resource.node.items) {
    if (!isScalar(pair.key) || pair.key.value !== 'apiVersion' || !isScalar(pair.value) || !pair.value.range) continue;
    const [start, end] = pair.value.range;
    entries.push({ apiVersion: String(pair.value.value).trim(), range: [start, end], rendering: renderingAt(chunk, start, version) });
  }
  return entries;
}

/** Which of an object's apiVersion entries to judge at the target. */
export function apiVersionsToJudge(entries: readonly ApiVersionEntry[]): ApiVersionJudgement {
  const live = entries.filter((e) => e.rendering !== 'no');
  const rendered = live.find((e) => e.rendering === 'yes');
  if (rendered) return { kind: 'one', entry: rendered };
  if (live.length === 0) return { kind: 'none' };
  if (live.length === 1) return (live[0] as ApiVersionEntry).rendering === 'values' ? { kind: 'one', entry: live[0] as ApiVersionEntry } : { kind: 'none' };
  return { kind: 'alternatives', entries: live };
}

/** True for an entry whose value is template text: what it renders is the chart's choice. */
export function isTemplatedEntry(entry: ApiVersionEntry): boolean {
  return isTemplated(entry.apiVersion);
}

/**
 * The lines of the if/else that holds the entries, when its branches hold
 * nothing but one entry each and it has an `else`: replacing those lines by
 * one apiVersion is then exact. Undefined otherwise.
 */
export function alternativesBlock(chunk: ParsedChunk, entries: readonly ApiVersionEntry[]): { start: number; end: number } | undefined {
  const first = entries[0];
  if (!first) return undefined;
  const chain = enclosingBranches(chunk, first.range[0]);
  const innermost = chain[chain.length - 1]?.block;
  if (!innermost || innermost.keyword !== 'if' || innermost.branches.length !== entries.length) return undefined;
  if ((innermost.branches[innermost.branches.length - 1] as Branch).condition !== undefined) return undefined;
  const text = chunk.text;
  for (const branch of innermost.branches) {
    const holds = entries.filter((e) => e.range[0] >= branch.start && e.range[1] <= branch.end);
    if (holds.length !== 1 || branch.children.length > 0) return undefined;
    const entry = holds[0] as ApiVersionEntry;
    const before = text.slice(branch.start, entry.range[0]);
    const after = text.slice(entry.range[1], branch.end);
    if (!/^\s*apiVersion\s*:\s*$/.test(before) || after.trim() !== '') return undefined;
  }
  const start = lineStartAt(text, innermost.start);
  if (text.slice(start, innermost.start).trim() !== '') return undefined;
  const lineEnd = /^[ \t]*(\r\n|\r|\n|$)/.exec(text.slice(innermost.end));
  if (!lineEnd) return undefined;
  return { start, end: innermost.end + (lineEnd[0]?.length ?? 0) };
}
