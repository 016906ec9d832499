/**
 * What the checks produce: findings with a stable code, a severity, a
 * message in our own words, a range and the fixes that apply.
 */
import type { TextEdit } from '../manifest/edits';
import type { DiagnosticCode } from './target';
import { clip } from './quote';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix, applied by "fix all". */
  isPreferred?: boolean;
}

export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Offsets relative to the document (chunk) text. */
  start: number;
  end: number;
  /** Where to read more: the KEP, the API reference, or the deprecation guide. */
  url?: string;
  enhancementId?: string;
  /** Gate the user could enable to silence a feature-gate finding. */
  gate?: string;
  fixes: Fix[];
  deprecated?: boolean;
}

export function finding(partial: Omit<Finding, 'fixes'> & { fixes?: Fix[] }): Finding {
  return { fixes: [], ...partial };
}

export { clip };

/** Inline code for messages: clipped, with line breaks and control characters shown as escapes. */
export function code(text: string): string {
  const visible = clip(text).replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return `\`${visible.replace(/`/g, "'")}\``;
}

export function rangeOf(node: { range?: [number, number, number] | null } | null | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}
