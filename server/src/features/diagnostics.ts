/**
 * Diagnostics: the engine's findings as LSP diagnostics, with a stable
 * code, a link to read more, and the fixes carried along for code actions.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
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

export function toDiagnostic(document: TextDocument, finding: FileFinding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
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
  for (const [index, finding] of findings.entries()) {
    const diagnostic = toDiagnostic(document, finding);
    bytes += Buffer.byteLength(JSON.stringify(diagnostic)) + 1;
    if (bytes > budgetBytes) {
      if (reportCut) {
        const message = `KEP Lens sends at most ${megabytes(budgetBytes)} of diagnostics for a file; ${count(findings.length - index)} more findings from here on are not shown.`;
        out.push(toDiagnostic(document, { code: 'too-large', severity: 'information', message, start: finding.start, end: finding.start, fixes: [], document: finding.document }));
      }
      break;
    }
    out.push(diagnostic);
  }
  return out;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && Array.isArray((value as DiagnosticData).fixes) && typeof (value as DiagnosticData).version === 'number';
}
