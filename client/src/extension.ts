/**
 * The VS Code side of KEP Lens: starts the language server over IPC for
 * YAML documents, shows the target Kubernetes version in the status bar,
 * and registers the commands. Everything it creates is disposed on
 * deactivate.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, State, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { otherExtensionValidatesKubernetesSchema, otherExtensionValidatesYaml, yamlValidatorExtensions } from './yamlValidator';
import serverLaunch from './serverLaunch.json';


/** The versions the setting offers and its default, as package.json declares them (written by the data import). */
function versionChoices(context: vscode.ExtensionContext): { versions: string[]; defaultVersion: string } {
  const setting = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { enum?: string[]; default?: string }> } } })
    .contributes?.configuration?.properties?.['kepLens.kubernetesVersion'];
  return { versions: setting?.enum ?? [], defaultVersion: setting?.default ?? '' };
}

let choices: { versions: string[]; defaultVersion: string } = { versions: [], defaultVersion: '' };


interface KepUse {
  id: string;
  kep?: number;
  title: string;
  stage?: string;
  uses: number;
  position: { line: number; character: number };
}

interface DocumentInfo {
  isKubernetes: boolean;
  version: string;
  pinned: boolean;
  keps: KepUse[];
}

interface EnhancementSummary {
  id: string;
  kep?: number;
  title: string;
  category: string;
  stage?: string;
  sig: string;
}

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let statusBar: vscode.StatusBarItem | undefined;

function isYaml(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'yaml';
}

function createClient(context: vscode.ExtensionContext, channel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  // Node options shared with the benchmark, which measures the server as launched here (serverLaunch.json).
  const execArgv = serverLaunch.execArgv;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-vfs' },
    ],
    synchronize: { configurationSection: 'kepLens' },
    outputChannel: channel,
    middleware: {
      // The status bar asks the server about the document; asking once the server has published
      // diagnostics for a change guarantees the answer is about the text on screen, not the one before.
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) void updateStatusBar();
      },
    },
    // Read at every (re)start: Red Hat YAML or another yaml-language-server client already reports syntax errors
    // (and, with a Kubernetes schema, unknown fields and wrong types); saying it twice helps nobody.
    initializationOptions: () => ({
      clientCommands: true,
      syntaxDiagnostics: !otherExtensionValidatesYaml(context.extension.id),
      otherSchemaValidator: otherExtensionValidatesKubernetesSchema(context.extension.id),
    }),
  };
  return new LanguageClient('kepLens', 'KEP Lens', serverOptions, clientOptions);
}

async function documentInfo(document: vscode.TextDocument): Promise<DocumentInfo | undefined> {
  if (!client || client.state !== State.Running) return undefined;
  try {
    return (await client.sendRequest<DocumentInfo | null>('kepLens/documentInfo', { uri: document.uri.toString() })) ?? undefined;
  } catch {
    return undefined;
  }
}

async function updateStatusBar(): Promise<void> {
  const item = statusBar;
  if (!item) return;
  const document = vscode.window.activeTextEditor?.document;
  if (!isYaml(document)) {
    item.hide();
    return;
  }
  const running = client?.state === State.Running;
  const info = running ? await documentInfo(document) : undefined;
  if (running && info && !info.isKubernetes) {
    item.hide();
    return;
  }
  const configured = vscode.workspace.getConfiguration('kepLens', document.uri).get<string>('kubernetesVersion', choices.defaultVersion);
  const version = info?.version ?? configured;
  item.text = running ? `$(telescope) K8s ${version}${info?.pinned ? ' (pinned)' : ''}` : `$(warning) K8s ${version}`;
  item.tooltip = running
    ? `KEP Lens: checking against Kubernetes ${version}${info?.pinned ? ' (pinned by a # kep-lens: comment in this file)' : ''}. Click to change.`
    : 'KEP Lens: the language server is not running. Click to pick a version, or run "KEP Lens: Restart Server".';
  item.show();
}

async function selectKubernetesVersion(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const config = vscode.workspace.getConfiguration('kepLens', document?.uri);
  const current = config.get<string>('kubernetesVersion', choices.defaultVersion);
  const picked = await vscode.window.showQuickPick(
    choices.versions.slice().reverse().map((v) => ({ label: v, description: [v === current ? 'current' : '', v === choices.defaultVersion ? 'default' : ''].filter(Boolean).join(', ') || undefined })),
    { title: 'KEP Lens: target Kubernetes version', placeHolder: `Currently ${current}` },
  );
  if (!picked) return;
  const scopes: (vscode.QuickPickItem & { target: vscode.ConfigurationTarget })[] = [
    { label: 'Workspace', description: 'this workspace only', target: vscode.ConfigurationTarget.Workspace },
    { label: 'User', description: 'all workspaces', target: vscode.ConfigurationTarget.Global },
  ];
  const scope = vscode.workspace.workspaceFolders?.length ? await vscode.window.showQuickPick(scopes, { title: `Save Kubernetes ${picked.label} for…` }) : scopes[1];
  if (!scope) return;
  await config.update('kubernetesVersion', picked.label, scope.target);
}

async function showKepsInFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isYaml(editor.document)) {
    void vscode.window.showInformationMessage('KEP Lens: open a Kubernetes YAML file first.');
    return;
  }
  const info = await documentInfo(editor.document);
  if (!info || info.keps.length === 0) {
    void vscode.window.showInformationMessage('KEP Lens: this file uses no field that a known enhancement added or changed.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    info.keps.map((k) => ({
      label: k.kep !== undefined ? `KEP-${k.kep}` : k.title,
      description: k.kep !== undefined ? k.title : undefined,
      detail: `${k.stage ?? 'not available'} in ${info.version} · used ${k.uses} time${k.uses === 1 ? '' : 's'} · line ${k.position.line + 1}`,
      use: k,
    })),
    { title: `KEPs used in this file (Kubernetes ${info.version})`, matchOnDescription: true },
  );
  if (!picked) return;
  const position = new vscode.Position(picked.use.position.line, picked.use.position.character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}

async function browseEnhancements(): Promise<void> {
  if (!client) return;
  const document = vscode.window.activeTextEditor?.document;
  const current = vscode.workspace.getConfiguration('kepLens', document?.uri).get<string>('kubernetesVersion', choices.defaultVersion);
  const release = await vscode.window.showQuickPick(
    choices.versions.slice().reverse().map((v) => ({ label: v, description: v === current ? 'your target' : undefined })),
    { title: 'KEP Lens: browse the enhancements of which Kubernetes release?', placeHolder: current },
  );
  if (!release) return;
  const result = await client.sendRequest<{ version: string; enhancements: EnhancementSummary[] } | null>('kepLens/enhancements', {
    uri: document?.uri.toString(),
    version: release.label,
  });
  if (!result) return;
  const order = ['stable', 'beta', 'alpha', 'deprecation', 'removal'];
  const titles: Record<string, string> = { stable: 'Graduated to stable', beta: 'Beta', alpha: 'Alpha', deprecation: 'Deprecations', removal: 'Removals' };
  const items: (vscode.QuickPickItem & { id?: string })[] = [];
  for (const category of order) {
    const group = result.enhancements.filter((e) => e.category === category);
    if (group.length === 0) continue;
    items.push({ label: titles[category] ?? category, kind: vscode.QuickPickItemKind.Separator });
    for (const e of group) {
      items.push({ label: e.kep !== undefined ? `KEP-${e.kep}` : e.title, description: e.kep !== undefined ? e.title : undefined, detail: `sig-${e.sig} · ${e.stage ?? 'not available'} in ${result.version}`, id: e.id });
    }
  }
  const picked = await vscode.window.showQuickPick(items, { title: `Kubernetes ${result.version} enhancements (stages at ${result.version})`, matchOnDescription: true, matchOnDetail: true });
  if (!picked?.id) return;
  const card = await client.sendRequest<string | null>('kepLens/card', { id: picked.id, uri: document?.uri.toString(), version: result.version });
  if (!card) return;
  const uri = vscode.Uri.parse(`kep-lens:${encodeURIComponent(picked.label)}.md?${encodeURIComponent(picked.id)}`);
  cardContents.set(uri.toString(), card);
  cardChanged.fire(uri);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/** Read-only documents holding KEP cards, for the markdown preview. */
const cardContents = new Map<string, string>();
const cardChanged = new vscode.EventEmitter<vscode.Uri>();

async function enableFeatureGate(gate?: unknown): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const name = typeof gate === 'string' ? gate : await vscode.window.showInputBox({ title: 'KEP Lens: enable feature gate', prompt: 'Feature gate name, e.g. ImageVolume', validateInput: (v) => (/^[A-Za-z][A-Za-z0-9]*$/.test(v) ? undefined : 'A gate name is letters and digits') });
  if (!name) return;
  const config = vscode.workspace.getConfiguration('kepLens', document?.uri);
  const gates = { ...(config.get<Record<string, boolean>>('featureGates') ?? {}), [name]: true };
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('featureGates', gates, target);
  void vscode.window.showInformationMessage(`KEP Lens: feature gate ${name} is now treated as enabled.`);
}

async function restartServer(): Promise<void> {
  if (!client) return;
  await client.restart();
  await updateStatusBar();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  choices = versionChoices(context);
  output = vscode.window.createOutputChannel('KEP Lens');
  statusBar = vscode.window.createStatusBarItem('kepLens.version', vscode.StatusBarAlignment.Right, 100);
  statusBar.name = 'KEP Lens Kubernetes version';
  statusBar.command = 'kepLens.selectKubernetesVersion';
  client = createClient(context, output);
  const active = client;
  const ownId = context.extension.id;
  // What another YAML validator already reports: syntax errors, and unknown fields and types when it has a Kubernetes schema.
  const leftToOthers = (): { syntax: boolean; schema: boolean } => ({ syntax: otherExtensionValidatesYaml(ownId), schema: otherExtensionValidatesKubernetesSchema(ownId) });
  let owner = leftToOthers();
  const logSyntaxOwner = (): void => {
    output?.appendLine(owner.syntax ? `YAML syntax errors are left to ${yamlValidatorExtensions(ownId).join(', ')} (yaml.validate is on).` : 'KEP Lens reports YAML syntax errors (no other YAML validator is active).');
    if (owner.schema) output?.appendLine('Unknown fields and value types are left to the Kubernetes schema of that extension (kepLens.schemaChecks: auto).');
  };
  const followSyntaxOwner = (): void => {
    const now = leftToOthers();
    if (now.syntax === owner.syntax && now.schema === owner.schema) return;
    owner = now;
    logSyntaxOwner();
    void restartServer();
  };
  logSyntaxOwner();
  context.subscriptions.push(
    output,
    statusBar,
    cardChanged,
    vscode.workspace.registerTextDocumentContentProvider('kep-lens', { onDidChange: cardChanged.event, provideTextDocumentContent: (uri) => cardContents.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand('kepLens.selectKubernetesVersion', selectKubernetesVersion),
    vscode.commands.registerCommand('kepLens.showKepsInFile', showKepsInFile),
    vscode.commands.registerCommand('kepLens.browseEnhancements', browseEnhancements),
    vscode.commands.registerCommand('kepLens.enableFeatureGate', enableFeatureGate),
    vscode.commands.registerCommand('kepLens.restartServer', restartServer),
    vscode.commands.registerCommand('kepLens.showOutput', () => output?.show(true)),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatusBar()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kepLens')) setTimeout(() => void updateStatusBar(), 100);
      // Red Hat YAML's validation and schema mapping decide what it reports, and so what KEP Lens leaves to it.
      if (e.affectsConfiguration('yaml.validate') || e.affectsConfiguration('yaml.schemas')) followSyntaxOwner();
    }),
    vscode.extensions.onDidChange(followSyntaxOwner),
    active.onDidChangeState(() => void updateStatusBar()),
    { dispose: () => void active.stop() },
  );
  await active.start();
  await updateStatusBar();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
