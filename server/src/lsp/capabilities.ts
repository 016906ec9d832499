/**
 * What the server tells the client in its `initialize` reply. It depends on
 * nothing the client sends, so the start-up path can answer `initialize`
 * before the engine and the protocol library are loaded (`main.ts`); the
 * library answers the same request again from the same function, and the
 * two replies are compared there.
 *
 * Only type imports: loading this module must cost nothing.
 */
import type { InitializeResult } from 'vscode-languageserver/node';

/** The code-action kind of "fix all KEP Lens problems" (`source.fixAll` is the protocol's). */
export const fixAllKind = 'source.fixAll.kepLens';

const quickFixKind = 'quickfix';
/** TextDocumentSyncKind.Incremental: the client sends only what changed. */
const incrementalSync = 2;

export function initializeResult(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: incrementalSync },
      hoverProvider: true,
      completionProvider: { resolveProvider: true, triggerCharacters: [':'] },
      codeActionProvider: { codeActionKinds: [quickFixKind, fixAllKind], resolveProvider: true },
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'kep-lens', version: '0.1.0' },
  };
}
