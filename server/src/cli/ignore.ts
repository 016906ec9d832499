/**
 * A small `.gitignore` matcher, enough for the walk of `kep-lens lint`:
 * comments, blank lines, `!` negation, trailing `/` for directories,
 * anchoring by a leading or inner `/`, `*`, `?`, `[…]` classes, `**` and
 * backslash escapes. The last matching pattern wins, deeper files after
 * shallower ones, as in git. `--exclude` globs use the same rules.
 */
import * as path from 'node:path';
import { linesOf } from '../manifest/lineBreaks';

export interface IgnoreRule {
  /** The pattern as written. */
  readonly source: string;
  readonly negate: boolean;
  /** Written with a trailing `/`: matches directories only. */
  readonly dirOnly: boolean;
  /** Contains a `/` before its end: relative to the base directory, not any depth. */
  readonly anchored: boolean;
  readonly regex: RegExp;
}

/** Rules of one `.gitignore` (or of the `--exclude` list) and the directory they are relative to. */
export interface IgnoreList {
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
}

/** `[…]` at `start`; returns the regex class and the index after `]`, or undefined when unclosed. */
function charClass(glob: string, start: number): { re: string; next: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === ']' && !first) {
      return { re: negate ? `[^${body}/]` : `(?!/)[${body}]`, next: i + 1 };
    }
    first = false;
    if (c === '\\' && i + 1 < glob.length) {
      body += `\\${glob[i + 1]}`;
      i += 2;
      continue;
    }
    if (c === '-' && body !== '' && glob[i + 1] !== ']') body += '-';
    else body += c === '[' || c === '^' || c === '\\' || c === ']' || c === '-' ? `\\${c}` : c;
    i++;
  }
  return undefined;
}

/** A glob (without anchoring or negation) as a regular expression source over `/`-separated paths. */
export function globToRegexSource(glob: string): string {
  let re = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const atStart = i === 0 || glob[i - 1] === '/';
      const atEnd = j === glob.length || glob[j] === '/';
      if (j - i >= 2 && atStart && atEnd) {
        if (j === glob.length) {
          // `foo/**` or `**`: everything below.
          re += '.*';
          i = j;
        } else {
          // `**/`: zero or more directories.
          re += '(?:.*/)?';
          i = j + 1;
        }
        continue;
      }
      re += '[^/]*';
      i = j;
      continue;
    }
    if (c === '?') {
      re += '[^/]';
      i++;
      continue;
    }
    if (c === '[') {
      const cls = charClass(glob, i);
      if (cls) {
        re += cls.re;
        i = cls.next;
        continue;
      }
    }
    if (c === '\\' && i + 1 < glob.length) {
      re += escapeRegex(glob[i + 1] as string);
      i += 2;
      continue;
    }
    re += escapeRegex(c);
    i++;
  }
  return re;
}

/** One line of a `.gitignore` (or one `--exclude` glob); undefined for blanks and comments. */
export function compileRule(line: string): IgnoreRule | undefined {
  let text = line.replace(/\r$/, '');
  // Trailing spaces are ignored unless escaped.
  text = text.replace(/(?<!\\)[ \t]+$/, '');
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
  const body = globToRegexSource(text);
  const regex = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`);
  return { source: line, negate, dirOnly, anchored, regex };
}

export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of linesOf(text)) {
    const rule = compileRule(line);
    if (rule) rules.push(rule);
  }
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
      if (rule.regex.test(path.posix.basename(relative))) decision = !rule.negate;
      continue;
    }
    if (rule.regex.test(relative)) decision = !rule.negate;
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
