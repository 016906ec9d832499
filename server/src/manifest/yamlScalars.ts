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
const integerPattern = /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const sexagesimalPattern = /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/;
const floatPattern = /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/;
const specialFloatPattern = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The JSON kind of a plain (unquoted) scalar's text under YAML 1.1. */
export function plainScalarKind(text: string): JsonKind {
  if (nulls.has(text)) return 'null';
  if (booleans.has(text)) return 'boolean';
  if (integerPattern.test(text) || sexagesimalPattern.test(text)) return 'integer';
  if (floatPattern.test(text) || specialFloatPattern.test(text)) return 'float';
  return 'string';
}

/** The JSON kind of a parsed scalar node: quoted and block scalars are always strings. */
export function scalarKind(node: Scalar): JsonKind {
  const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  if (node.type === Scalar.PLAIN || node.type === undefined) return plainScalarKind(text);
  return 'string';
}

/** `yes` → true, `Off` → false; undefined for a non-boolean. */
export function booleanOf(text: string): boolean | undefined {
  if (!booleans.has(text)) return undefined;
  return truthy.has(text);
}
