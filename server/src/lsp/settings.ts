/**
 * Settings from the client: pulled per document through
 * `workspace/configuration` where the client supports it (VS Code does,
 * with per-folder scopes), else taken from `initializationOptions` and
 * `didChangeConfiguration` (Neovim, Helix, Emacs).
 */
import { DidChangeConfigurationNotification, MessageType, ShowMessageNotification, type Connection, type InitializeParams } from 'vscode-languageserver';
import { defaultSettings, isRecord, readSettings, type EngineSettings } from '../engine/target';

/** How long a `workspace/configuration` request may take before the fallback settings are used: hovers and checks wait for it. */
export const configurationTimeoutMs = 3000;

const unanswered = Symbol('unanswered');

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** What a client may put in `initializationOptions`. */
export interface InitOptions {
  /** Same shape as the `kepLens` settings section. */
  settings?: unknown;
  /** The client handles `kepLens.enableFeatureGate`. */
  clientCommands?: boolean;
  /** Report YAML syntax errors (the VS Code client turns this off when Red Hat YAML does it already). */
  syntaxDiagnostics?: boolean;
  /** Another extension validates these files against a Kubernetes schema, so `schemaChecks: auto` means off. */
  otherSchemaValidator?: boolean;
}

/** `kepLens.schemaChecks`: `on`, `off`, or `auto` (off only beside another Kubernetes schema validator). */
export function resolveSchemaChecks(value: unknown, otherSchemaValidator: boolean): boolean {
  if (value === 'off' || value === false) return false;
  if (value === 'on' || value === true) return true;
  return !otherSchemaValidator;
}

/** The client's `kepLens` section → engine settings input. */
function flatten(section: unknown, syntaxDiagnostics: boolean, otherSchemaValidator: boolean): unknown {
  const s = isRecord(section) ? section : {};
  const diagnostics = isRecord(s.diagnostics) ? s.diagnostics : {};
  return { kubernetesVersion: s.kubernetesVersion, featureGates: s.featureGates, disabledCodes: diagnostics.disabledCodes, syntaxDiagnostics, schemaChecks: resolveSchemaChecks(s.schemaChecks, otherSchemaValidator) };
}

export class SettingsStore {
  private pull = false;
  private dynamicRegistration = false;
  private pushed: unknown = {};
  private syntaxDiagnostics = true;
  private otherSchemaValidator = false;
  private readonly perDocument = new Map<string, Promise<{ settings: EngineSettings; enabled: boolean }>>();
  private readonly listeners: (() => void)[] = [];
  private readonly reported = new Set<string>();
  private unansweredReported = false;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams, options: InitOptions): void {
    this.pull = params.capabilities.workspace?.configuration === true;
    this.dynamicRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.syntaxDiagnostics = options.syntaxDiagnostics !== false;
    this.otherSchemaValidator = options.otherSchemaValidator === true;
    this.pushed = isRecord(options.settings) && isRecord(options.settings.kepLens) ? options.settings.kepLens : options.settings ?? {};
  }

  listen(): void {
    if (this.pull && this.dynamicRegistration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'kepLens' });
    this.connection.onDidChangeConfiguration((change) => {
      const settings = change.settings as unknown;
      if (isRecord(settings) && settings.kepLens !== undefined) this.pushed = settings.kepLens;
      // The client re-sends this when another validator starts or stops.
      if (isRecord(settings) && typeof settings.otherSchemaValidator === 'boolean') this.otherSchemaValidator = settings.otherSchemaValidator;
      this.perDocument.clear();
      for (const listener of this.listeners) listener();
    });
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private async load(uri: string | undefined): Promise<{ settings: EngineSettings; enabled: boolean }> {
    let section: unknown = this.pushed;
    if (this.pull) {
      const asked = this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'kepLens' } : { section: 'kepLens' });
      try {
        const answer = await Promise.race([asked, delay(configurationTimeoutMs).then(() => unanswered)]);
        if (answer === unanswered) {
          section = this.pushed;
          this.reportUnanswered();
          if (uri) this.adoptLateAnswer(uri, asked);
        } else {
          section = answer;
        }
      } catch {
        section = this.pushed;
      }
    }
    return this.read(section);
  }

  /** A client that never answers `workspace/configuration` gets the initialization (or default) settings, said once in the log. */
  private reportUnanswered(): void {
    if (this.unansweredReported) return;
    this.unansweredReported = true;
    this.connection.console.warn(`The client did not answer workspace/configuration within ${configurationTimeoutMs / 1000} s; using the initialization settings (or the defaults) until it does.`);
  }

  /** When the answer does come, it replaces the fallback and the document is checked again. */
  private adoptLateAnswer(uri: string, asked: Promise<unknown>): void {
    asked.then(
      (section) => {
        if (!this.perDocument.has(uri)) return;
        this.perDocument.set(uri, Promise.resolve(this.read(section)));
        for (const listener of this.listeners) listener();
      },
      () => undefined,
    );
  }

  private read(section: unknown): { settings: EngineSettings; enabled: boolean } {
    const { settings, problems } = readSettings(flatten(section, this.syntaxDiagnostics, this.otherSchemaValidator));
    for (const problem of problems) {
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      // A notification, not a request: nothing for the user to answer.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `KEP Lens: ${problem.message}` });
    }
    const diagnostics = isRecord(section) && isRecord(section.diagnostics) ? section.diagnostics : {};
    return { settings, enabled: diagnostics.enable !== false };
  }

  private entry(uri: string): Promise<{ settings: EngineSettings; enabled: boolean }> {
    let entry = this.perDocument.get(uri);
    if (!entry) {
      entry = this.load(uri).catch(() => ({ settings: defaultSettings, enabled: true }));
      this.perDocument.set(uri, entry);
    }
    return entry;
  }

  async forDocument(uri: string): Promise<EngineSettings> {
    return (await this.entry(uri)).settings;
  }

  async diagnosticsEnabled(uri: string): Promise<boolean> {
    return (await this.entry(uri)).enabled;
  }

  async global(): Promise<EngineSettings> {
    return (await this.load(undefined)).settings;
  }
}
