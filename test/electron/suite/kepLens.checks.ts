// The same user-visible checks as test/e2e (code-server + Chromium), expressed through the
// VS Code API: hover, completion, diagnostics, quick fix, plus activation and commands.
// The language server starts asynchronously, so each check polls until a deadline and
// then fails with what it last saw.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface Check {
  name: string;
  timeoutMs?: number;
  run(): Promise<void>;
}

const EXTENSION_ID = 'kep-lens.kep-lens';
const FEATURE_WAIT_MS = 30_000;

function workspaceFile(name: string): vscode.Uri {
  const root = process.env.KEP_LENS_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) throw new Error('no test workspace: KEP_LENS_TEST_WORKSPACE is unset and no folder is open');
  return vscode.Uri.file(path.join(root, name));
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'yaml', `${name} opened as ${doc.languageId}, not yaml`);
  return doc;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `probe` returns a value (not undefined); then fails describing the last attempt. */
async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, lastSeen: () => string): Promise<T> {
  const deadline = Date.now() + FEATURE_WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${FEATURE_WAIT_MS} ms waiting for ${what}; last seen: ${lastSeen()}`);
    await sleep(300);
  }
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function codeOf(d: vscode.Diagnostic): string {
  if (d.code === undefined) return '';
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Position of the first `word` on the first line matching `lineRegex` (from the bottom if asked). */
function positionOf(doc: vscode.TextDocument, lineRegex: RegExp, word: string, fromBottom = false): vscode.Position {
  const indices = [...Array(doc.lineCount).keys()];
  if (fromBottom) indices.reverse();
  const line = indices.find((i) => lineRegex.test(doc.lineAt(i).text));
  assert.ok(line !== undefined, `no line matching ${lineRegex} in ${path.basename(doc.fileName)}`);
  const column = doc.lineAt(line).text.indexOf(word);
  assert.ok(column >= 0, `"${word}" not on line ${line + 1}`);
  return new vscode.Position(line, column + 1);
}

async function removedApiDiagnostic(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  let seen: vscode.Diagnostic[] = [];
  return eventually(
    'a "removed-api" diagnostic',
    () => {
      seen = vscode.languages.getDiagnostics(uri);
      return seen.find((d) => codeOf(d) === 'removed-api');
    },
    () => JSON.stringify(seen.map((d) => ({ code: codeOf(d), message: d.message }))),
  );
}

export const checks: Check[] = [
  {
    name: 'extension activates on a Kubernetes manifest',
    run: async () => {
      await open('pod-image-volume.yaml');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed in the test instance`);
      await extension.activate();
      assert.ok(extension.isActive, `${EXTENSION_ID} did not activate`);
    },
  },
  {
    name: 'the KEP Lens commands are registered and the target version is 1.31',
    run: async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['kepLens.selectKubernetesVersion', 'kepLens.showOutput', 'kepLens.restartServer']) {
        assert.ok(commands.includes(id), `command ${id} is not registered`);
      }
      // The status bar item ("K8s 1.31") cannot be read through the API; the code-server suite checks it.
      assert.equal(vscode.workspace.getConfiguration('kepLens').get<string>('kubernetesVersion'), '1.31');
    },
  },
  {
    name: 'a. hover on spec.volumes[0].image of a Pod shows KEP-4639',
    run: async () => {
      const doc = await open('pod-image-volume.yaml');
      // The volume's `image:` is the one without a value on its line.
      const position = positionOf(doc, /^\s+image:\s*$/, 'image', true);
      let text = '';
      await eventually(
        'a hover mentioning KEP-4639',
        async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
          text = hoverText(hovers ?? []);
          return text.includes('KEP-4639') ? true : undefined;
        },
        () => JSON.stringify(text.slice(0, 800)),
      );
    },
  },
  {
    name: 'b. completion under a Service spec offers trafficDistribution',
    run: async () => {
      const doc = await open('service.yaml');
      const spec = [...Array(doc.lineCount).keys()].find((i) => /^spec:\s*$/.test(doc.lineAt(i).text));
      assert.ok(spec !== undefined, 'no "spec:" line in service.yaml');
      const blank = [...Array(doc.lineCount).keys()].find((i) => i > spec && /^\s*$/.test(doc.lineAt(i).text));
      assert.ok(blank !== undefined, 'no blank line under "spec:" in service.yaml');
      // Make the blank line exactly two spaces of indentation (editors may strip trailing spaces).
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(blank).range, '  ');
      assert.ok(await vscode.workspace.applyEdit(edit), 'could not prepare the blank line');
      const position = new vscode.Position(blank, 2);
      let labels: string[] = [];
      await eventually(
        'a "trafficDistribution" completion',
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            doc.uri,
            position,
          );
          // Snippets are excluded: the field must come from the language server.
          labels = (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
          return labels.includes('trafficDistribution') ? true : undefined;
        },
        () => JSON.stringify(labels.slice(0, 60)),
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
  {
    name: 'c. policy/v1beta1 PodDisruptionBudget has a removed-api diagnostic pointing to policy/v1',
    run: async () => {
      const doc = await open('pdb-removed.yaml');
      const diagnostic = await removedApiDiagnostic(doc.uri);
      assert.match(diagnostic.message, /removed/i, `message does not say "removed": ${diagnostic.message}`);
      assert.match(diagnostic.message, /policy\/v1(?!beta)/, `message does not point to policy/v1: ${diagnostic.message}`);
      assert.equal(diagnostic.range.start.line, 0, 'the diagnostic is not on the apiVersion line');
    },
  },
  {
    name: 'd. the quick fix rewrites apiVersion to policy/v1',
    run: async () => {
      const doc = await open('pdb-removed.yaml');
      const diagnostic = await removedApiDiagnostic(doc.uri);
      let titles: string[] = [];
      const fix = await eventually(
        'a quick fix mentioning policy/v1',
        async () => {
          const actions =
            (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
              'vscode.executeCodeActionProvider',
              doc.uri,
              diagnostic.range,
              vscode.CodeActionKind.QuickFix.value,
              // Resolve the actions: a provider may fill in `edit` lazily (codeAction/resolve).
              20,
            )) ?? [];
          titles = actions.map((a) => a.title);
          return actions.find((a) => /policy\/v1(?!beta)/.test(a.title)) ?? actions.find((a) => a.title.includes('policy/v1'));
        },
        () => JSON.stringify(titles),
      );
      if (typeof fix.command === 'string') {
        // A bare Command (legacy code action shape).
        const command = fix as vscode.Command;
        await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
      } else {
        const action = fix as vscode.CodeAction;
        assert.ok(action.edit || action.command, `the quick fix "${action.title}" has neither an edit nor a command`);
        if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'applying the fix failed');
        if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
      }
      assert.equal(doc.lineAt(0).text.trimEnd(), 'apiVersion: policy/v1');
      assert.equal(doc.lineAt(1).text, 'kind: PodDisruptionBudget', 'the fix changed more than the apiVersion');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
];
