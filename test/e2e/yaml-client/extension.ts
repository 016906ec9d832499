/**
 * Test-only VS Code extension: starts the yaml-language-server from npm over
 * IPC, with the client settings Red Hat YAML uses (the same settings sections
 * synchronised, its l10n bundle, no output channel popping up), so the
 * real-VS-Code suite sees what a user with Red Hat YAML installed sees.
 * Packaged into a VSIX by the suite (test/e2e/yamlClient.ts); never published.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  client = new LanguageClient(
    'yamlLanguageServerTestClient',
    'YAML Support (yaml-language-server)',
    { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } },
    {
      documentSelector: [{ language: 'yaml' }],
      synchronize: { configurationSection: ['yaml', 'http.proxy', 'http.proxyStrictSSL', 'editor.tabSize', '[yaml]'] },
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: { l10nPath: context.asAbsolutePath('l10n') },
    },
  );
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
