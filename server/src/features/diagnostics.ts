/**
 * Diagnostics: the engine's findings as LSP diagnostics, with a stable
 * code, a link to read more, and the fixes carried along for code actions.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileFinding, Fix, Severity } from '../engine/analyze';
import { budgets, count, megabytes } from '../engine/budgets';

export const diagnosticSource = 'kep-lens';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its code actions. */
export interface DiagnosticData {
  version: number;
  fixes: Fix[];
  gate?: string;
}

export function toDiagnostic(document: TextDocument, finding: FileFinding, positionAt: (offset: number) => Position = (offset) => document.positionAt(offset)): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: positionAt(finding.start), end: positionAt(finding.end) },
    severity: severities[finding.severity],
    code: finding.code,
    source: diagnosticSource,
    message: finding.message,
    data: { version: document.version, fixes: finding.fixes, gate: finding.gate } satisfies DiagnosticData,
  };
  if (finding.url) diagnostic.codeDescription = { href: finding.url };
  if (finding.deprecated) diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

/**
 * The findings of a file as the diagnostics of one publish, within the
 * publish budget: past it, one `too-large` diagnostic says how many were
 * left out, so a client never gets a message it cannot take, nor silence.
 */
export function diagnosticsWithinBudget(document: TextDocument, findings: readonly FileFinding[], reportCut = true, budgetBytes: number = budgets.publishBytes): Diagnostic[] {
  const out: Diagnostic[] = [];
  let bytes = 0;
  const positionAt = positionsOf(document.getText(), findings.flatMap((f) => [f.start, f.end]));
  for (const [index, finding] of findings.entries()) {
    const diagnostic = toDiagnostic(document, finding, positionAt);
    bytes += Buffer.byteLength(JSON.stringify(diagnostic)) + 1;
    if (bytes > budgetBytes) {
      if (reportCut) {
        const message = `KEP Lens sends at most ${megabytes(budgetBytes)} of diagnostics for a file; ${count(findings.length - index)} more findings from here on are not shown.`;
        out.push(toDiagnostic(document, { code: 'too-large', severity: 'information', message, start: finding.start, end: finding.start, fixes: [], document: finding.document }, positionAt));
      }
      break;
    }
    out.push(diagnostic);
  }
  return out;
}

/**
 * The positions of some offsets of a text, found by one pass up to the last
 * of them, with the line breaks LSP counts (`\n`, `\r`, `\r\n`) and the
 * document's own rule for an offset inside a line break (it moves before
 * it). Publishing the few findings of a huge file then builds no table of
 * its millions of lines.
 */
export function positionsOf(text: string, offsets: readonly number[]): (offset: number) => Position {
  const sorted = [...new Set(offsets.map((o) => Math.max(0, Math.min(o, text.length))))].sort((a, b) => a - b);
  const found = new Map<number, Position>();
  let line = 0;
  let lineStart = 0;
  let at = 0;
  for (const offset of sorted) {
    for (; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) {
        line++;
        lineStart = at + 1;
      }
    }
    let end = offset;
    while (end > lineStart && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    found.set(offset, { line, character: end - lineStart });
  }
  return (offset) => found.get(Math.max(0, Math.min(offset, text.length))) ?? { line, character: 0 };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && Array.isArray((value as DiagnosticData).fixes) && typeof (value as DiagnosticData).version === 'number';
}
