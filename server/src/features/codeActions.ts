/**
 * Code actions: the fixes each diagnostic carries, a command to enable a
 * feature gate, and "fix all" of the preferred fixes in the file.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DisjointEdits, type TextEdit } from '../manifest/edits';
import type { FileFinding } from '../engine/analyze';
import { diagnosticSource, isDiagnosticData } from './diagnostics';
import { fixAllKind } from '../lsp/capabilities';

export { fixAllKind };
export const enableGateCommand = 'kepLens.enableFeatureGate';

function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
}

function workspaceEdit(document: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: toLspEdits(document, edits) } };
}

export interface CodeActionOptions {
  /** The client handles `kepLens.enableFeatureGate` (the VS Code extension does). */
  clientCommands: boolean;
}

/** Quick fixes for the KEP Lens diagnostics in the request's context. */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource || !isDiagnosticData(diagnostic.data)) continue;
    // Edits computed for an older text would land in the wrong place.
    if (diagnostic.data.version !== document.version) continue;
    for (const fix of diagnostic.data.fixes) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: workspaceEdit(document, fix.edits) });
    }
    const gate = diagnostic.data.gate;
    if (gate) {
      if (options.clientCommands) {
        actions.push({ title: `Enable feature gate ${gate} in KEP Lens settings`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Enable ${gate}`, command: enableGateCommand, arguments: [gate] } });
      }
      actions.push({ title: `Enable feature gate ${gate} for this file (# kep-lens: directive)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        edit: workspaceEdit(document, [{ start: 0, end: 0, newText: `# kep-lens: featureGates=${gate}=true\n` }]) });
    }
  }
  return actions;
}

/** The preferred fixes of `findings`, skipping any whose edits would collide with one already taken. */
function preferredEdits(findings: readonly FileFinding[]): { edits: readonly TextEdit[]; count: number } {
  const taken = new DisjointEdits();
  let count = 0;
  for (const finding of findings) {
    const preferred = finding.fixes.find((f) => f.isPreferred);
    if (preferred && taken.take(preferred.edits)) count++;
  }
  return { edits: taken.edits, count };
}

/** One action applying every preferred fix of the file that does not collide with another. */
export function fixAll(document: TextDocument, findings: readonly FileFinding[]): CodeAction | undefined {
  const { edits } = preferredEdits(findings);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all KEP Lens problems in this file', kind: fixAllKind, edit: workspaceEdit(document, edits) };
}

/** "Fix all N `code` problems in this file", for each code of the request that has more than one fix in the file. */
export function fixAllOfKind(document: TextDocument, diagnostics: readonly Diagnostic[], findings: readonly FileFinding[]): CodeAction[] {
  const codes = new Set(diagnostics.filter((d) => d.source === diagnosticSource).map((d) => String(d.code)));
  const actions: CodeAction[] = [];
  for (const code of codes) {
    const { edits, count } = preferredEdits(findings.filter((f) => f.code === code));
    if (count < 2) continue;
    actions.push({ title: `Fix all ${count} ${code} problems in this file`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(document, edits) });
  }
  return actions;
}
