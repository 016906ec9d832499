/**
 * `.gitignore` rules for the walk of `kep-lens lint`: comments, blank
 * lines, `!` negation, trailing `/` for directories, anchoring by a
 * leading or inner `/`, and git's globs (see glob.ts). The last matching
 * pattern wins, deeper files after shallower ones, as in git. `--exclude`
 * globs use the same rules.
 */
import * as path from 'node:path';
import { linesOf } from '../manifest/lineBreaks';
import { compileGlob, globMatches, InvalidGlob, type Glob } from './glob';

export interface IgnoreRule {
  /** The pattern as written. */
  readonly source: string;
  readonly negate: boolean;
  /** Written with a trailing `/`: matches directories only. */
  readonly dirOnly: boolean;
  /** Contains a `/` before its end: relative to the base directory, not any depth. */
  readonly anchored: boolean;
  readonly glob: Glob;
}

/** Rules of one `.gitignore` (or of the `--exclude` list) and the directory they are relative to. */
export interface IgnoreList {
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

/** A pattern KEP Lens refuses, with the line it is on (1-based; 0 for a single pattern). */
export class InvalidPattern extends Error {
  constructor(readonly pattern: string, readonly line: number, reason: string) {
    super(reason);
  }
}

/** The line without its trailing blanks, unless a backslash keeps the last one (a loop: a pattern would backtrack on long runs). */
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t') && text[end - 2] !== '\\') end--;
  return text.slice(0, end);
}

/** One line of a `.gitignore` (or one `--exclude` glob); undefined for blanks and comments. Throws InvalidPattern. */
export function compileRule(line: string, lineNumber = 0): IgnoreRule | undefined {
  let text = withoutTrailingBlanks(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (text === '' || text.startsWith('#')) return undefined;
  let negate = false;
  if (text.startsWith('!')) {
    negate = true;
    text = text.slice(1);
  } else if (text.startsWith('\\!') || text.startsWith('\\#')) {
    text = text.slice(1);
  }
  let dirOnly = false;
  while (text.endsWith('/') && !text.endsWith('\\/')) {
    dirOnly = true;
    text = text.slice(0, -1);
  }
  if (text === '') return undefined;
  const anchored = text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  if (text.startsWith('./')) text = text.slice(2);
  try {
    return { source: line, negate, dirOnly, anchored, glob: compileGlob(text) };
  } catch (error) {
    if (error instanceof InvalidGlob) throw new InvalidPattern(line, lineNumber, error.message);
    throw error;
  }
}

/**
 * The rules of a `.gitignore`. A line that is not a valid pattern (`[z-a]`,
 * an unclosed `[`) matches nothing, as in git; `onInvalid` hears of it.
 */
export function parseIgnoreFile(text: string, onInvalid: (problem: InvalidPattern) => void = () => undefined): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  linesOf(text).forEach((line, index) => {
    try {
      const rule = compileRule(line, index + 1);
      if (rule) rules.push(rule);
    } catch (error) {
      if (!(error instanceof InvalidPattern)) throw error;
      onInvalid(error);
    }
  });
  return rules;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/**
 * Whether the rules of one list decide about a path: true (ignored), false
 * (re-included by a `!` rule) or undefined (no rule matches).
 */
export function matchList(list: IgnoreList, absolutePath: string, isDirectory: boolean): boolean | undefined {
  const relative = toPosix(path.relative(list.base, absolutePath));
  if (relative === '') return undefined;
  const outside = relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);
  let decision: boolean | undefined;
  for (const rule of list.rules) {
    if (rule.dirOnly && !isDirectory) continue;
    if (outside) {
      // Patterns relative to a directory never reach outside it; a plain name still matches the last segment.
      if (rule.anchored) continue;
      if (globMatches(rule.glob, path.posix.basename(relative))) decision = !rule.negate;
      continue;
    }
    // A pattern without a slash matches the last segment at any depth; with one, the path from the base.
    if (globMatches(rule.glob, rule.anchored ? relative : path.posix.basename(relative))) decision = !rule.negate;
  }
  return decision;
}

/** Lists in order from the outermost directory to the innermost; the last decision wins. */
export function isIgnored(lists: readonly IgnoreList[], absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const list of lists) {
    const decision = matchList(list, absolutePath, isDirectory);
    if (decision !== undefined) ignored = decision;
  }
  return ignored;
}
