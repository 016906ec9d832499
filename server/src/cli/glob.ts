/**
 * Glob patterns as git reads them in `.gitignore` (its wildmatch, with
 * paths): `*` and `?` never match `/`; `[…]` classes take `!` or `^` for
 * negation, ranges, backslash escapes and `[:alpha:]`-style names, and never
 * match `/`; `**` as a whole path segment matches any number of
 * directories, anywhere else it is `*`.
 *
 * Matching follows every place in the pattern at once instead of trying
 * one and backtracking, so it costs at most the text's length times the
 * pattern's: `*a*a*a*a*a*a*a*a*b` against a long name is microseconds, not
 * minutes.
 *
 * Where git quietly matches nothing (an unclosed `[`, an unknown class name,
 * a lone trailing backslash) or a range runs backwards (`[z-a]`), the
 * pattern is refused: such a line is a mistake, and a mistake in what to
 * skip should be seen.
 */

export class InvalidGlob extends Error {}

type ClassItem = { lo: number; hi: number } | { named: (c: number) => boolean };

type Token =
  | { type: 'char'; code: number }
  | { type: 'any' }
  | { type: 'class'; negated: boolean; items: readonly ClassItem[] }
  /** `*`: any run of characters but `/`. */
  | { type: 'star' }
  /** `**` at the end of a pattern or alone: anything, `/` included. */
  | { type: 'globstar' }
  /** `**\/`: nothing, or any run ending in `/` (whole directories). */
  | { type: 'dirs' };

export interface Glob {
  readonly tokens: readonly Token[];
}

const slash = 47;

const namedClasses: Record<string, (c: number) => boolean> = {
  alnum: (c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)),
  alpha: (c) => /[A-Za-z]/.test(String.fromCharCode(c)),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => /[!-/:-@[-`{-~]/.test(String.fromCharCode(c)),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => /[0-9A-Fa-f]/.test(String.fromCharCode(c)),
};

export function compileGlob(pattern: string): Glob {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      if (i + 1 >= pattern.length) throw new InvalidGlob('it ends with a lone backslash');
      tokens.push({ type: 'char', code: pattern.charCodeAt(i + 1) });
      i += 2;
    } else if (c === '?') {
      tokens.push({ type: 'any' });
      i++;
    } else if (c === '*') {
      let end = i;
      while (pattern[end] === '*') end++;
      const segmentStart = i === 0 || pattern[i - 1] === '/';
      const segmentEnd = end === pattern.length || pattern[end] === '/';
      if (end - i >= 2 && segmentStart && segmentEnd) {
        tokens.push({ type: end === pattern.length ? 'globstar' : 'dirs' });
        i = end === pattern.length ? end : end + 1;
      } else {
        tokens.push({ type: 'star' });
        i = end;
      }
    } else if (c === '[') {
      const parsed = characterClass(pattern, i);
      tokens.push(parsed.token);
      i = parsed.next;
    } else {
      tokens.push({ type: 'char', code: pattern.charCodeAt(i) });
      i++;
    }
  }
  return { tokens };
}

/** The class opening at `start` (a `[`), as git's wildmatch reads it. */
function characterClass(pattern: string, start: number): { token: Token; next: number } {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const items: ClassItem[] = [];
  let previous: number | undefined;
  for (let first = true; ; first = false) {
    if (i >= pattern.length) throw new InvalidGlob(`the class opened by "[" at ${start + 1} is never closed`);
    const c = pattern[i] as string;
    if (c === ']' && !first) return { token: { type: 'class', negated, items }, next: i + 1 };
    if (c === '\\') {
      if (i + 1 >= pattern.length) throw new InvalidGlob('it ends with a lone backslash');
      previous = pattern.charCodeAt(i + 1);
      items.push({ lo: previous, hi: previous });
      i += 2;
    } else if (c === '-' && previous !== undefined && i + 1 < pattern.length && pattern[i + 1] !== ']') {
      let hiAt = i + 1;
      if (pattern[hiAt] === '\\') {
        hiAt++;
        if (hiAt >= pattern.length) throw new InvalidGlob('it ends with a lone backslash');
      }
      const hi = pattern.charCodeAt(hiAt);
      if (hi < previous) throw new InvalidGlob(`the range ${String.fromCharCode(previous)}-${String.fromCharCode(hi)} runs backwards`);
      // The single character before the dash was added on its own; the range covers it.
      items.push({ lo: previous, hi });
      previous = undefined;
      i = hiAt + 1;
    } else if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) throw new InvalidGlob(`the class opened by "[" at ${start + 1} is never closed`);
      if (pattern[close - 1] !== ':' || close - 1 < i + 2) {
        // Not `[:name:]`: the `[` is an ordinary character.
        previous = 91;
        items.push({ lo: 91, hi: 91 });
        i++;
        continue;
      }
      const name = pattern.slice(i + 2, close - 1);
      const named = namedClasses[name];
      if (!named) throw new InvalidGlob(`"[:${name}:]" is not a character class (alnum, alpha, digit, lower, upper, space, …)`);
      items.push({ named });
      previous = undefined;
      i = close + 1;
    } else {
      previous = pattern.charCodeAt(i);
      items.push({ lo: previous, hi: previous });
      i++;
    }
  }
}

function inClass(token: Extract<Token, { type: 'class' }>, c: number): boolean {
  if (c === slash) return false;
  const listed = token.items.some((item) => ('named' in item ? item.named(c) : c >= item.lo && c <= item.hi));
  return listed !== token.negated;
}

/** Whether the whole of `text` matches. */
export function globMatches(glob: Glob, text: string): boolean {
  const { tokens } = glob;
  const start = new Uint8Array(tokens.length + 1);
  start[0] = 1;
  let states = closure(tokens, start);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let k = 0; k < tokens.length; k++) {
      if (!states[k]) continue;
      const token = tokens[k] as Token;
      switch (token.type) {
        case 'char':
          if (c === token.code) next[k + 1] = 1;
          break;
        case 'any':
          if (c !== slash) next[k + 1] = 1;
          break;
        case 'class':
          if (inClass(token, c)) next[k + 1] = 1;
          break;
        case 'star':
          if (c !== slash) next[k] = 1;
          break;
        case 'globstar':
          next[k] = 1;
          break;
        case 'dirs':
          next[k] = 1;
          if (c === slash) next[k + 1] = 1;
          break;
      }
    }
    for (let k = 0; k <= tokens.length; k++) if (next[k]) any = true;
    if (!any) return false;
    states = closure(tokens, next);
  }
  return states[tokens.length] === 1;
}

/** Adds the places reachable without reading a character: past a star, a globstar, or no directories. */
function closure(tokens: readonly Token[], states: Uint8Array): Uint8Array {
  for (let k = 0; k < tokens.length; k++) {
    const type = (tokens[k] as Token).type;
    if (states[k] && (type === 'star' || type === 'globstar' || type === 'dirs')) states[k + 1] = 1;
  }
  return states;
}
