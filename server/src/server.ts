/**
 * The KEP Lens language server: wires the connection to the features.
 * Runs over IPC inside VS Code and over stdio for any other LSP client
 * (`kep-lens-language-server --stdio`); `main.ts` starts it. No network
 * access, ever.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CompletionItem,
  type InitializeParams,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { format } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeModel } from './engine/analyze';
import { defaultSettings, type EngineSettings } from './engine/target';
import { buildModel } from './manifest/model';
import { primingManifest } from './engine/priming';
import { enhancementsOfRelease, findEnhancement, stageAt } from './kep/catalog';
import { parseTargetVersion, releaseVersion, supportedVersions } from './kep/versions';
import { quickFixes, fixAll, fixAllKind, fixAllOfKind, enableGateCommand } from './features/codeActions';
import { completionsAt, type CompletionKind } from './features/completion';
import { diagnosticSource, diagnosticsWithinBudget } from './features/diagnostics';
import { documentInfo } from './features/documentInfo';
import { hoverAt } from './features/hover';
import { documentLinks } from './features/links';
import { enhancementCard } from './features/cards';
import { guard } from './lsp/runner';
import { ModelCache } from './lsp/modelCache';
import { ValidationScheduler } from './lsp/validation';
import { updateDocument } from './lsp/documentUpdate';
import { checkedFrames } from './lsp/framing';
import { SettingsStore, type InitOptions } from './lsp/settings';
import { initializeResult } from './lsp/capabilities';
import { ParallelAnalysis } from './lsp/parallelAnalysis';
import { join } from 'node:path';

/** What `--version` prints. */
export function versionText(): string {
  return `kep-lens-language-server (data for Kubernetes ${supportedVersions.join(', ')}; default target ${releaseVersion})\n`;
}

/** The connection's streams when start-up has already answered `initialize` over stdio (`main.ts`). */
export interface EarlyStart {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Wires the connection to the features and starts listening. */
export function startLanguageServer(early?: EarlyStart): void {
  // Over stdio, messages pass a framing check first: a wrong Content-Length costs one message, not the connection.
  const stdio = early !== undefined || process.argv.includes('--stdio');
  const input = early?.input ?? process.stdin;
  const connection = stdio
    ? createConnection(ProposedFeatures.all, input.pipe(checkedFrames((problem) => connection.console.error(`Malformed message from the client: ${problem}`))), early?.output ?? process.stdout)
    : createConnection(ProposedFeatures.all);
  if (stdio) {
    // What the library does for its own stdio transport: stray console output must not corrupt the protocol stream.
    console.log = (...args: unknown[]) => connection.console.log(format(...args));
    console.info = (...args: unknown[]) => connection.console.info(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
  }
  const documents = new TextDocuments({ create: TextDocument.create, update: updateDocument });
  const models = new ModelCache();
  const settingsStore = new SettingsStore(connection);
  const parallel = new ParallelAnalysis(join(__dirname, 'analysisWorker.js'), (message) => connection.console.warn(message));
  let clientCommands = false;
  let resolveEditsLazily = false;

  const completionKinds: Record<CompletionKind, CompletionItemKind> = {
    field: CompletionItemKind.Property,
    value: CompletionItemKind.EnumMember,
    snippet: CompletionItemKind.Snippet,
    module: CompletionItemKind.Module,
    gate: CompletionItemKind.Constant,
  };

  async function settingsFor(uri: string): Promise<EngineSettings> {
    return settingsStore.forDocument(uri);
  }

  const validation = new ValidationScheduler(async (uri) => {
    const document = documents.get(uri);
    if (!document) return;
    const settings = await settingsFor(uri);
    if (documents.get(uri)?.version !== document.version) return;
    const enabled = await settingsStore.diagnosticsEnabled(uri);
    const model = models.get(document);
    if (enabled && parallel.worthIt(model)) {
      await parallel.prime(model, settings);
      if (documents.get(uri)?.version !== document.version) return;
    }
    const findings = enabled ? analyzeModel(model, settings) : [];
    const diagnostics = diagnosticsWithinBudget(document, findings, !settings.disabledCodes.includes('too-large'));
    publish(uri, { uri, version: document.version, diagnostics });
  }, (error) => connection.console.error(`validation failed: ${String(error)}`));

  /** Sends diagnostics; a failed send is logged, never lost without a word. */
  function publish(uri: string, params: PublishDiagnosticsParams): void {
    connection.sendDiagnostics(params).catch((error: unknown) => connection.console.error(`publishing diagnostics for ${uri} failed: ${String(error)}`));
  }

  connection.onInitialize((params: InitializeParams) => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    clientCommands = options.clientCommands === true;
    settingsStore.initialize(params, options);
    resolveEditsLazily = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return initializeResult();
  });

  connection.onInitialized(() => {
    settingsStore.listen();
    // Run the parser and the checks once on a small manifest while the editor is still opening files,
    // so the user's first document is not also the engine's cold start. When a document is open
    // already, checking it warms the same paths, and priming first would only delay its findings.
    setTimeout(() => {
      if (documents.all().length === 0) analyzeModel(buildModel(primingManifest), defaultSettings);
    }, 0);
  });

  settingsStore.onChange(() => {
    for (const document of documents.all()) validation.schedule(document.uri, 0);
  });

  // TextDocuments reports an open as a content change too; the open must not wait for the typing debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    validation.schedule(uri, justOpened.delete(uri) ? 0 : debounceFor(e.document.getText().length));
  });

  /** Typing pause before re-checking: a few milliseconds for small files, more for large ones. */
  function debounceFor(length: number): number {
    return Math.min(150, 5 + Math.round(length / 50_000));
  }
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    validation.cancel(e.document.uri);
    models.delete(e.document.uri);
    settingsStore.forget(e.document.uri);
    publish(e.document.uri, { uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(guard(connection, 'hover', null, async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const settings = await settingsFor(document.uri);
    const hover = hoverAt(models.get(document), document.offsetAt(params.position), settings);
    if (!hover) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hover.markdown },
      range: { start: document.positionAt(hover.start), end: document.positionAt(hover.end) },
    };
  }));

  /** Where a completion list was asked for, so resolving one of its items finds the list again. */
  interface CompletionAt {
    uri: string;
    version: number;
    line: number;
    character: number;
    index: number;
  }

  /** The last list computed: resolving its items (one per item the user looks at) need not compute it again. */
  let lastCompletions: { key: string; items: ReturnType<typeof completionsAt> } | undefined;

  async function completionsFor(document: TextDocument, line: number, character: number): Promise<ReturnType<typeof completionsAt>> {
    const key = `${document.uri}|${document.version}|${line}|${character}`;
    if (lastCompletions?.key === key) return lastCompletions.items;
    const items = completionsAt(models.get(document), line, character, await settingsFor(document.uri));
    lastCompletions = { key, items };
    return items;
  }

  connection.onCompletion(guard(connection, 'completion', null, async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { line, character } = params.position;
    const items = await completionsFor(document, line, character);
    return {
      isIncomplete: false,
      // Documentation comes on resolve: a card per field would make every list tens of kilobytes.
      items: items.map((item, index): CompletionItem => ({
        label: item.label,
        kind: completionKinds[item.kind],
        detail: item.detail,
        sortText: item.sortText,
        filterText: item.filterText,
        tags: item.deprecated ? [1] : undefined,
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.adjustIndentation,
        textEdit: { range: { start: document.positionAt(item.replaceStart), end: document.positionAt(item.replaceEnd) }, newText: item.insertSnippet },
        data: { uri: document.uri, version: document.version, line, character, index } satisfies CompletionAt,
      })),
    };
  }));

  connection.onCompletionResolve((item, token) => guard(connection, 'completionResolve', item, async (asked: CompletionItem) => {
    const at = asked.data as Partial<CompletionAt> | undefined;
    const document = at?.uri ? documents.get(at.uri) : undefined;
    if (!document || document.version !== at?.version || typeof at.line !== 'number' || typeof at.character !== 'number' || typeof at.index !== 'number') return asked;
    const found = (await completionsFor(document, at.line, at.character))[at.index];
    const documentation = found?.label === asked.label ? found.documentation : undefined;
    return documentation ? { ...asked, documentation: { kind: MarkupKind.Markdown, value: documentation } } : asked;
  })(item, token));

  connection.onCodeAction(guard(connection, 'codeAction', [] as CodeAction[], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    // The file's findings, computed once however many kinds of action the request asks for.
    let findings: ReturnType<typeof analyzeModel> | undefined;
    const fileFindings = async (): Promise<ReturnType<typeof analyzeModel>> => (findings ??= analyzeModel(models.get(document), await settingsFor(document.uri)));
    if (!only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) {
      actions.push(...quickFixes(document, params.context.diagnostics, { clientCommands }));
      if (params.context.diagnostics.some((d) => d.source === diagnosticSource)) {
        actions.push(...fixAllOfKind(document, params.context.diagnostics, await fileFindings()));
      }
    }
    if (only?.some((k) => fixAllKind.startsWith(k))) {
      const all = fixAll(document, await fileFindings());
      if (all) actions.push(all);
    }
    if (!resolveEditsLazily) return actions;
    // Large edits are sent on demand: the list shows titles, the chosen one is resolved.
    return actions.map((action) => (action.edit ? { ...action, edit: undefined, data: { edit: action.edit } } : action));
  }));

  connection.onCodeActionResolve(guard(connection, 'codeActionResolve', { title: '' } as CodeAction, (action) => {
    const data = action.data as { edit?: CodeAction['edit'] } | undefined;
    return data?.edit ? { ...action, edit: data.edit, data: undefined } : action;
  }));

  connection.onDocumentLinks(guard(connection, 'documentLinks', [], (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? documentLinks(document) : [];
  }));

  connection.onRequest('kepLens/documentInfo', guard(connection, 'documentInfo', null, async (params: { uri: string }) => {
    const document = documents.get(params.uri);
    if (!document) return null;
    const info = documentInfo(models.get(document), await settingsFor(document.uri));
    return { ...info, keps: info.keps.map((k) => ({ ...k, position: document.positionAt(k.offset) })) };
  }));

  connection.onRequest('kepLens/enhancements', guard(connection, 'enhancements', null, async (params: { uri?: string; version?: string }) => {
    const settings = params.uri ? await settingsFor(params.uri) : (await settingsStore.global());
    const version = parseTargetVersion(params.version) ?? settings.kubernetesVersion;
    const out: { id: string; kep?: number; title: string; category: string; stage?: string; sig: string }[] = [];
    for (const [category, list] of enhancementsOfRelease(version)) {
      for (const e of list) out.push({ id: e.id, kep: e.kep, title: e.title, category, stage: stageAt(e, version)?.stage, sig: e.sig });
    }
    return { version, enhancements: out };
  }));

  connection.onRequest('kepLens/card', guard(connection, 'card', null, async (params: { id: string; uri?: string; version?: string }) => {
    const enhancement = findEnhancement(params.id);
    if (!enhancement) return null;
    const settings = params.uri ? await settingsFor(params.uri) : await settingsStore.global();
    return enhancementCard(enhancement, { version: parseTargetVersion(params.version) ?? settings.kubernetesVersion, gates: settings.featureGates });
  }));

  connection.onExecuteCommand(guard(connection, 'executeCommand', null, (params) => {
    // The enable-gate command belongs to the client; a client without it gets the directive fix instead.
    if (params.command === enableGateCommand) connection.console.info(`${enableGateCommand} is handled by the editor extension.`);
    return null;
  }));

  connection.onShutdown(() => {
    validation.dispose();
    parallel.dispose();
  });
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));

  documents.listen(connection);
  connection.listen();
}
