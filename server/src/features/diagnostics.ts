/**
 * Diagnostics: the engine's findings as LSP diagnostics, with a stable
 * code, a link to read more, and the fixes carried along for code actions.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileFinding, Fix, Severity } from '../engine/analyze';

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

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && Array.isArray((value as DiagnosticData).fixes) && typeof (value as DiagnosticData).version === 'number';
}
