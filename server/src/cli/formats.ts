/**
 * Output formats of `kep-lens lint`: text for people, JSON for scripts,
 * SARIF 2.1.0 for code scanning, and GitHub Actions workflow commands.
 */
import { diagnosticCodes, isDiagnosticCode } from '../engine/target';
import type { Severity } from '../engine/analyze';
import type { IoProblem } from './files';
import { lastAtOrBefore, lineStartsOf } from '../manifest/model';

export const formats = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof formats)[number];

export const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A finding placed in a file: 1-based lines and columns (UTF-16 code units), end exclusive. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly url?: string;
}

export interface Report {
  readonly problems: readonly Problem[];
  /** Files analysed. */
  readonly filesChecked: number;
  /** Paths that could not be checked. */
  readonly ioProblems: readonly IoProblem[];
  readonly toolVersion: string;
}

/** Offsets → 1-based line/column, for offsets up to `upTo` (the lines after it are not indexed). */
export class LineMap {
  private readonly starts: number[];

  constructor(text: string, upTo = text.length) {
    this.starts = lineStartsOf(upTo >= text.length ? text : text.slice(0, upTo + 1));
  }

  position(offset: number): { line: number; column: number } {
    const line = lastAtOrBefore(this.starts, offset);
    return { line: line + 1, column: offset - (this.starts[line] as number) + 1 };
  }
}

// ---------------------------------------------------------------- text

export interface Paint {
  file(s: string): string;
  severity(severity: Severity, s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string): string => `\x1b[${open}m${s}\x1b[${close}m`;

export function paint(colour: boolean): Paint {
  if (!colour) return { file: (s) => s, severity: (_, s) => s, dim: (s) => s, bold: (s) => s };
  const bySeverity: Record<Severity, (s: string) => string> = { error: sgr(31, 39), warning: sgr(33, 39), information: sgr(36, 39), hint: sgr(90, 39) };
  return { file: sgr(1, 22), severity: (severity, s) => bySeverity[severity](s), dim: sgr(2, 22), bold: sgr(1, 22) };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

export function summaryLine(report: Report): string {
  const c = countBySeverity(report.problems);
  const parts = [plural(c.error, 'error', 'errors'), plural(c.warning, 'warning', 'warnings'), `${c.information} information`, plural(c.hint, 'hint', 'hints')];
  let line = `${plural(report.problems.length, 'problem', 'problems')} (${parts.join(', ')}) in ${plural(report.filesChecked, 'file', 'files')}`;
  if (report.ioProblems.length > 0) line += `; ${plural(report.ioProblems.length, 'path', 'paths')} could not be checked`;
  return line;
}

// ---------------------------------------------------------------- escaping

/** Characters a terminal or a log viewer would obey rather than show: C0 and C1 controls, DEL, line and paragraph separators, direction overrides. */
const invisible = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOf(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text from the input (a file name, a value, a message quoting one) as it may be printed: every control character as a visible escape (`\n`, `\x1b`). */
export function visible(text: string): string {
  return text.replace(invisible, escapeOf);
}

/** Like `visible`, but line breaks stay, for formats that escape them their own way. */
function visibleButLineBreaks(text: string): string {
  return text.replace(invisible, (c) => (c === '\n' || c === '\r' ? c : escapeOf(c)));
}

/** JSON output with the controls JSON leaves raw (DEL, C1, separators, direction overrides) as `\u` escapes: the same JSON, safe on a terminal. */
function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatText(report: Report, p: Paint): string {
  return report.problems
    .map((x) => `${p.file(`${visible(x.file)}:${x.line}:${x.column}`)} ${p.severity(x.severity, x.severity)} ${p.dim(visible(x.code))} ${visible(x.message)}\n`)
    .join('');
}

// ---------------------------------------------------------------- json

export function formatJson(report: Report): string {
  const rows = report.problems.map((x) => ({
    file: x.file,
    line: x.line,
    column: x.column,
    endLine: x.endLine,
    endColumn: x.endColumn,
    severity: x.severity,
    code: x.code,
    message: x.message,
    url: x.url ?? null,
  }));
  return `${jsonSafe(JSON.stringify(rows, null, 2))}\n`;
}

// ---------------------------------------------------------------- sarif

/** Where each code is explained in general; results carry their own KEP links. */
const ruleHelp: Record<keyof typeof diagnosticCodes, string> = {
  'removed-api': 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
  'deprecated-api': 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
  'not-yet-available': 'https://kubernetes.io/docs/reference/using-api/#api-versioning',
  'removed-field': 'https://kubernetes.io/docs/reference/using-api/deprecation-policy/',
  'deprecated-field': 'https://kubernetes.io/docs/reference/using-api/deprecation-policy/',
  'feature-gate-off': 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/',
  'removed-gate': 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates-removed/',
  'kep-rule': 'https://github.com/kubernetes/enhancements/tree/master/keps',
  'invalid-value': 'https://kubernetes.io/docs/reference/kubernetes-api/',
  'unknown-field': 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  'invalid-type': 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  'yaml-syntax': 'https://yaml.org/spec/1.2.2/',
  'yaml-portability': 'https://yaml.org/spec/1.2.2/#73-flow-scalar-styles',
  'invalid-directive': 'https://marketplace.visualstudio.com/items?itemName=kep-lens.kep-lens',
  'unknown-suppression': 'https://marketplace.visualstudio.com/items?itemName=kep-lens.kep-lens',
  'too-large': 'https://marketplace.visualstudio.com/items?itemName=kep-lens.kep-lens',
};

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative, `/`-separated path as a URI reference (each segment percent-encoded). */
export function sarifUri(file: string): string {
  return file.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

export function formatSarif(report: Report): string {
  const codes = [...new Set(report.problems.map((p) => p.code))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    const known = isDiagnosticCode(code);
    const worst = severities.find((s) => report.problems.some((p) => p.code === code && p.severity === s)) ?? 'warning';
    return {
      id: code,
      name: code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: known ? diagnosticCodes[code] : code },
      helpUri: known ? ruleHelp[code] : ruleHelp['kep-rule'],
      defaultConfiguration: { level: sarifLevel(worst) },
    };
  });
  const results = report.problems.map((x) => ({
    ruleId: x.code,
    ruleIndex: ruleIndex.get(x.code) as number,
    level: sarifLevel(x.severity),
    message: { text: x.url ? `${x.message} (${x.url})` : x.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: sarifUri(x.file) },
          region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
        },
      },
    ],
    ...(x.url ? { properties: { url: x.url, severity: x.severity } } : { properties: { severity: x.severity } }),
  }));
  const notifications = report.ioProblems.map((p) => ({
    level: 'error',
    message: { text: p.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(p.file) } } }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kep-lens',
            version: report.toolVersion,
            informationUri: 'https://marketplace.visualstudio.com/items?itemName=kep-lens.kep-lens',
            rules,
          },
        },
        invocations: [{ executionSuccessful: report.ioProblems.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${jsonSafe(JSON.stringify(log, null, 2))}\n`;
}

// ---------------------------------------------------------------- github

/** A workflow command's message: `%`, CR and LF escaped as the runner expects, other controls made visible. */
function escapeData(s: string): string {
  return visibleButLineBreaks(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

export function formatGithub(report: Report): string {
  const lines = report.problems.map((x) => {
    const props = `file=${escapeProperty(x.file)},line=${x.line},col=${x.column},endLine=${x.endLine},endColumn=${x.endColumn},title=${escapeProperty(`kep-lens ${x.code}`)}`;
    return `::${githubCommand(x.severity)} ${props}::${escapeData(x.url ? `${x.message} ${x.url}` : x.message)}\n`;
  });
  for (const p of report.ioProblems) lines.push(`::error file=${escapeProperty(p.file)},title=kep-lens I/O::${escapeData(p.message)}\n`);
  return lines.join('');
}
