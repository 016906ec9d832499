/**
 * Command-line parsing for `kep-lens`: `--name value`, `--name=value`,
 * repeatable options, flags, `--` ending options and `-` as a path.
 */
import { clip } from '../engine/quote';

export class UsageError extends Error {}

export interface OptionSpec {
  /** Takes a value (otherwise a flag). */
  readonly value?: boolean;
  /** May be given more than once; values are collected in order. */
  readonly repeat?: boolean;
  /** Single-letter alias, without the dash. */
  readonly short?: string;
}

export interface Parsed {
  readonly positionals: string[];
  readonly values: Map<string, string[]>;
  readonly flags: Set<string>;
}

export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>): Parsed {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const long = byShort.get(arg.slice(1));
      if (!long) throw new UsageError(`unknown option ${clip(arg)}`);
      name = long;
    }
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${clip(name)}`);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && next.length > 1)) throw new UsageError(`option --${name} needs a value`);
      value = next;
      i++;
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !spec.repeat) throw new UsageError(`option --${name} given more than once`);
    list.push(value);
    values.set(name, list);
  }
  return { positionals, values, flags };
}

export function single(parsed: Parsed, name: string): string | undefined {
  return parsed.values.get(name)?.[0];
}

export function all(parsed: Parsed, name: string): string[] {
  return parsed.values.get(name) ?? [];
}

/** One of `choices`, or a usage error naming them. */
export function choice<T extends string>(value: string | undefined, choices: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  const found = choices.find((c) => c === value.toLowerCase());
  if (!found) throw new UsageError(`--${option} must be one of ${choices.join(', ')} (got "${clip(value)}")`);
  return found;
}
