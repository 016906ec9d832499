/**
 * What a scalar becomes when Kubernetes reads the manifest. kubectl and the
 * API server convert YAML to JSON with a YAML 1.1 reader, so a plain `yes`
 * is the boolean true and a plain `0x1F` the number 31, while anything
 * quoted stays a string. The parser here keeps every scalar as written
 * (failsafe schema), and this module says what Kubernetes will see.
 */
import { Scalar } from 'yaml';

export type JsonKind = 'null' | 'boolean' | 'integer' | 'float' | 'string';

const nulls = new Set(['', '~', 'null', 'Null', 'NULL']);
const booleans = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const truthy = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
// What Go's strconv.ParseInt(text, 0, 64) takes: a sign, a 0b/0o/0x prefix in either case (or a leading 0 for octal),
// and underscores between digits once a prefix is written. Base-60 forms such as 12:30 stay strings.
const integerPattern = /^[-+]?(?:0[bB]_?[01](?:_?[01])*|0[oO]?_?[0-7](?:_?[0-7])*|0[xX]_?[0-9a-fA-F](?:_?[0-9a-fA-F])*|[0-9]+)$/;
const floatPattern = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const specialFloatPattern = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whether an integer literal fits Go's int64 or uint64: beyond that the YAML reader keeps the text a string. */
function fitsInt64(text: string): boolean {
  const negative = text.startsWith('-');
  const digits = text.replace(/^[-+]/, '').replace(/_/g, '');
  let value: bigint;
  try {
    value = /^0[oO]/.test(digits) ? BigInt(`0o${digits.slice(2)}`) : /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits.replace(/^0([bBxX])/, (_m, p: string) => `0${p.toLowerCase()}`));
  } catch {
    return false;
  }
  return negative ? value <= 2n ** 63n : value < 2n ** 64n;
}

/** The JSON kind of a plain (unquoted) scalar's text under YAML 1.1, as go-yaml reads it. */
export function plainScalarKind(text: string): JsonKind {
  if (nulls.has(text)) return 'null';
  if (booleans.has(text)) return 'boolean';
  if (integerPattern.test(text)) return fitsInt64(text) ? 'integer' : 'string';
  if (specialFloatPattern.test(text)) return 'float';
  // A float too large for float64 is not a number to the reader either.
  if (floatPattern.test(text)) return Number.isFinite(Number(text)) ? 'float' : 'string';
  return 'string';
}

const tagKinds: Record<string, JsonKind> = {
  'tag:yaml.org,2002:str': 'string',
  'tag:yaml.org,2002:int': 'integer',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'boolean',
  'tag:yaml.org,2002:null': 'null',
};

/**
 * The JSON kind of a parsed scalar node: an explicit standard tag (`!!str 8080`,
 * `!!int "80"`) decides; otherwise quoted and block scalars are strings.
 * Undefined for a tag the reader has no JSON kind for.
 */
export function scalarKind(node: Scalar): JsonKind | undefined {
  const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  if (node.tag) return tagKinds[node.tag];
  if (node.type === Scalar.PLAIN || node.type === undefined) return plainScalarKind(text);
  return 'string';
}

/** `yes` → true, `Off` → false; undefined for a non-boolean. */
export function booleanOf(text: string): boolean | undefined {
  if (!booleans.has(text)) return undefined;
  return truthy.has(text);
}
