/**
 * Protocol tests: the real bundled server over stdio, driven by a bare
 * JSON-RPC client. Build first (`npm run build`); `npm test` does.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentLink,
  Hover,
  InitializeResult,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits, LspClient, positionOf } from './lspClient';
import { releaseVersion } from '../../server/src/kep/versions';
import { initializeResult } from '../../server/src/lsp/capabilities';

const testTimeout = { timeout: 30_000 };

const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';

const imagePod = [
  '# Uses KEP-4639 (image volumes); see also kep.k8s.io/3619.',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  containers:',
  '    - name: server',
  '      image: registry.example/model-server:1.0',
  '      volumeMounts:',
  '        - name: models',
  '          mountPath: /models',
  '  volumes:',
  '    - name: models',
  '      image:',
  '        reference: quay.io/example/models:v1',
  '        pullPolicy: IfNotPresent',
  '',
].join('\n');

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  \n  ports:\n    - port: 80\n';

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `action "${action.title}" has no edits for ${uri}`);
  return edits;
}

function itemsOf(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

// ---------------------------------------------------------------- a client without workspace/configuration

describe('protocol: stdio server, settings pushed by the client', () => {
  let client: LspClient;
  let init: InitializeResult;

  before(async () => {
    ({ client, result: init } = await LspClient.start({
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } } },
      // The fixtures are written about 1.31; the client says so, as an editor's settings would.
      initializationOptions: { settings: { kubernetesVersion: '1.31' } },
    }));
  });
  after(() => client?.dispose());

  test('initialize announces the capabilities', testTimeout, () => {
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider);
    assert.deepEqual(caps.completionProvider.triggerCharacters, [':']);
    const codeActions = caps.codeActionProvider;
    assert.ok(codeActions && typeof codeActions === 'object');
    assert.deepEqual([...(codeActions.codeActionKinds ?? [])].sort(), ['quickfix', 'source.fixAll.kepLens']);
    assert.equal(codeActions.resolveProvider, true);
    assert.ok(caps.documentLinkProvider);
    assert.equal(init.serverInfo?.name, 'kep-lens');
    // Start-up answers before the engine loads, from the same function the engine uses.
    assert.deepEqual(init, initializeResult());
  });

  test('didOpen publishes diagnostics with code, range, severity, source and a link', testTimeout, async () => {
    const uri = 'file:///project/pdb.yaml';
    await client.open(uri, pdb);
    const published = await client.current(uri);
    assert.equal(published.diagnostics.length, 1);
    const d = published.diagnostics[0] as Diagnostic;
    assert.equal(d.code, 'removed-api');
    assert.equal(d.source, 'kep-lens');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 26 } });
    assert.equal(d.codeDescription?.href, 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/');
    assert.match(d.message, /removed in 1\.25/);
  });

  test('image volume: feature-gate-off warning linking the KEP', testTimeout, async () => {
    const uri = 'file:///project/pod.yaml';
    await client.open(uri, imagePod);
    const published = await client.current(uri);
    assert.deepEqual(codes(published.diagnostics), ['feature-gate-off']);
    const d = published.diagnostics[0] as Diagnostic;
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'kep-lens');
    assert.equal(d.codeDescription?.href, 'https://kep.k8s.io/4639');
    assert.deepEqual(d.range, { start: positionOf(imagePod, '      image:\n', 0, 6), end: positionOf(imagePod, '      image:\n', 0, 11) });
  });

  test('hover on the image volume shows the KEP-4639 card', testTimeout, async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///project/pod.yaml' }, position: positionOf(imagePod, '      image:\n', 0, 8) });
    const markdown = markdownOf(hover);
    assert.match(markdown, /KEP-4639/);
    assert.match(markdown, /\*\*alpha\*\* in 1\.31/);
    assert.deepEqual(hover?.range, { start: positionOf(imagePod, '      image:\n', 0, 6), end: positionOf(imagePod, '      image:\n', 0, 11) });
  });

  test('hover on any other field shows the card its facts make; on a free-text value, nothing', testTimeout, async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///project/pod.yaml' }, position: positionOf(imagePod, 'mountPath', 0, 2) });
    assert.match(markdownOf(hover), /^\*\*`spec\.containers\[0\]\.volumeMounts\[0\]\.mountPath`\*\* · string · Pod v1 · Kubernetes 1\.31/);
    const value = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///project/pod.yaml' }, position: positionOf(imagePod, 'mountPath: ', 0, 12) });
    assert.equal(value, null);
  });

  test('completion under a Service spec includes trafficDistribution as a snippet', testTimeout, async () => {
    const uri = 'file:///project/service.yaml';
    await client.open(uri, service);
    const position = { line: 7, character: 2 };
    const items = itemsOf(await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position }));
    const td = items.find((i) => i.label === 'trafficDistribution');
    assert.ok(td, `no trafficDistribution among ${items.map((i) => i.label).join(', ')}`);
    assert.equal(td.insertTextFormat, 2);
    assert.match(String(td.detail), /KEP-4444/);
    assert.ok(td.textEdit && 'range' in td.textEdit);
    assert.deepEqual(td.textEdit.range, { start: position, end: position });
    assert.match(td.textEdit.newText, /^trafficDistribution: /);
    assert.ok(!items.some((i) => i.label === 'selector' || i.label === 'ports'), 'present keys are not offered');
    // The list carries no cards; resolving an item brings its card.
    assert.equal(td.documentation, undefined);
    const resolved = await client.request<CompletionItem>('completionItem/resolve', td);
    assert.equal(resolved.label, 'trafficDistribution');
    assert.match(typeof resolved.documentation === 'object' ? resolved.documentation.value : String(resolved.documentation), /KEP-4444/);
    // An item from a list of an older version of the document resolves to itself.
    const stale = await client.request<CompletionItem>('completionItem/resolve', { ...td, data: { ...(td.data as object), version: -1 } });
    assert.equal(stale.documentation, undefined);
  });

  test('codeAction for removed-api returns a quick fix whose edit changes apiVersion', testTimeout, async () => {
    const uri = 'file:///project/pdb.yaml';
    const diagnostics = client.latest(uri)?.diagnostics ?? [];
    assert.equal(diagnostics.length, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: (diagnostics[0] as Diagnostic).range,
      context: { diagnostics, only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.match(fix.title, /policy\/v1/);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['removed-api']);
    assert.equal(applyTextEdits(pdb, editsFor(fix, uri)), pdb.replace('policy/v1beta1', 'policy/v1'));
    assert.ok(actions.some((a) => a.title === 'Suppress removed-api on this line'));
  });

  test('code actions ignore diagnostics of other tools', testTimeout, async () => {
    const uri = 'file:///project/pdb.yaml';
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, message: 'x', source: 'yaml', code: 'removed-api', data: { version: 1, fixes: [] } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: foreign.range, context: { diagnostics: [foreign] } });
    assert.deepEqual(actions, []);
  });

  test('source.fixAll.kepLens fixes the whole file', testTimeout, async () => {
    const uri = 'file:///project/fixall.yaml';
    const text = `${pdb}---\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n`;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 2, 'two removed-api diagnostics');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kepLens'] },
    });
    assert.equal(actions.length, 1);
    const [all] = actions as [CodeAction];
    assert.equal(all.kind, 'source.fixAll.kepLens');
    const fixed = applyTextEdits(text, editsFor(all, uri));
    assert.match(fixed, /^apiVersion: policy\/v1$/m);
    assert.match(fixed, /^apiVersion: batch\/v1$/m);
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } });
    assert.ok(quick.some((a) => a.kind === 'source.fixAll.kepLens'), 'a request for all source actions includes fix-all');
  });

  test('a CR-only document: diagnostics, hover and completion on the lines an editor shows', testTimeout, async () => {
    const uri = 'file:///project/cr-only.yaml';
    const text = `# classic Mac OS line endings\n${pdb}---\n${service}`.replace(/\n/g, '\r');
    // The LSP text document is what editors and language clients count lines with.
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    await client.open(uri, text);
    const published = await client.current(uri);
    assert.deepEqual(codes(published.diagnostics), ['removed-api']);
    const at = text.indexOf('policy/v1beta1');
    assert.deepEqual(published.diagnostics[0]?.range, { start: doc.positionAt(at), end: doc.positionAt(at + 'policy/v1beta1'.length) });
    assert.equal(published.diagnostics[0]?.range.start.line, 1);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(at + 3) });
    assert.match(markdownOf(hover), /policy\/v1beta1.*PodDisruptionBudget/);
    assert.deepEqual(hover?.range, { start: doc.positionAt(at), end: doc.positionAt(at + 'policy/v1beta1'.length) });
    const position = doc.positionAt(text.indexOf('  \r  ports:') + 2);
    assert.equal(position.line, 18);
    const items = itemsOf(await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position }));
    const td = items.find((i) => i.label === 'trafficDistribution');
    assert.ok(td, `no trafficDistribution among ${items.map((i) => i.label).join(', ')}`);
    assert.ok(td.textEdit && 'range' in td.textEdit);
    assert.deepEqual(td.textEdit.range, { start: position, end: position });
  });

  test('documentLink for KEP-4639 in a comment', testTimeout, async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: 'file:///project/pod.yaml' } });
    const kep = links.find((l) => l.target === 'https://kep.k8s.io/4639');
    assert.ok(kep, JSON.stringify(links));
    assert.deepEqual(kep.range, { start: positionOf(imagePod, 'KEP-4639'), end: positionOf(imagePod, 'KEP-4639', 0, 8) });
    assert.ok(links.some((l) => l.target === 'https://kep.k8s.io/3619'));
  });

  test('didChange (incremental) updates the diagnostics', testTimeout, async () => {
    const uri = 'file:///project/pdb.yaml';
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 26 } }, text: 'policy/v1' }]);
    const published = await client.current(uri);
    assert.equal(published.version, version);
    assert.deepEqual(published.diagnostics, []);
    const again = await client.change(uri, [{ range: { start: { line: 0, character: 21 }, end: { line: 0, character: 21 } }, text: 'beta1' }]);
    const back = await client.current(uri);
    assert.equal(back.version, again);
    assert.deepEqual(codes(back.diagnostics), ['removed-api']);
  });

  test('a quick fix computed for an older version is not offered', testTimeout, async () => {
    const uri = 'file:///project/pdb.yaml';
    const stale = client.latest(uri)?.diagnostics ?? [];
    await client.change(uri, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, text: 'web2' }]);
    await client.current(uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: (stale[0] as Diagnostic).range, context: { diagnostics: stale } });
    assert.deepEqual(actions.filter((a) => a.edit), []);
  });

  test('custom request kepLens/documentInfo', testTimeout, async () => {
    const info = await client.request<{ isKubernetes: boolean; version: string; pinned: boolean; keps: { id: string; kep?: number; stage?: string; position: { line: number; character: number } }[] }>('kepLens/documentInfo', { uri: 'file:///project/pod.yaml' });
    assert.equal(info.isKubernetes, true);
    assert.equal(info.version, '1.31');
    assert.equal(info.pinned, false);
    const kep = info.keps.find((k) => k.id === 'kep-4639');
    assert.ok(kep, JSON.stringify(info.keps));
    assert.equal(kep.stage, 'alpha');
    assert.deepEqual(kep.position, positionOf(imagePod, '      image:\n', 0, 6));
    assert.equal(await client.request('kepLens/documentInfo', { uri: 'file:///project/not-open.yaml' }), null);
  });

  test('custom request kepLens/enhancements', testTimeout, async () => {
    const list = await client.request<{ version: string; enhancements: { id: string; kep?: number; stage?: string; category: string; title: string; sig: string }[] }>('kepLens/enhancements', {});
    assert.equal(list.version, '1.31');
    assert.ok(list.enhancements.length >= 49);
    const e = list.enhancements.find((x) => x.id === 'kep-4639');
    assert.equal(e?.stage, 'alpha');
    assert.equal(e?.category, 'alpha');
    const at133 = await client.request<typeof list>('kepLens/enhancements', { version: '1.33' });
    assert.equal(at133.version, '1.33');
    assert.equal(at133.enhancements.find((x) => x.id === 'kep-4639')?.stage, 'beta');
  });

  test('didChangeConfiguration {kepLens: {kubernetesVersion: "1.33"}} changes results', testTimeout, async () => {
    const uri = 'file:///project/pod.yaml';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kepLens: { kubernetesVersion: '1.33' } } });
    const published = await client.diagnosticsFor(uri, (p) => p.diagnostics[0]?.severity === 3, 'information severity at 1.33');
    assert.deepEqual(codes(published.diagnostics), ['feature-gate-off']);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(imagePod, '      image:\n', 0, 8) });
    assert.match(markdownOf(hover), /\*\*beta\*\* in 1\.33/);
    const list = await client.request<{ version: string }>('kepLens/enhancements', {});
    assert.equal(list.version, '1.33');
  });

  test('feature gates from the settings silence the gate finding', testTimeout, async () => {
    const uri = 'file:///project/pod.yaml';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kepLens: { kubernetesVersion: '1.31', featureGates: { ImageVolume: true } } } });
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0, 'no diagnostics with ImageVolume on');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(imagePod, '      image:\n', 0, 8) });
    assert.match(markdownOf(hover), /on in your settings/);
  });

  test(`an invalid version falls back to the default, ${releaseVersion}`, testTimeout, async () => {
    const uri = 'file:///project/pod.yaml';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kepLens: { kubernetesVersion: '1.99' } } });
    // ImageVolume is GA by the default target: the warning of 1.31 is gone.
    const published = await client.diagnosticsFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'feature-gate-off'), `no gate finding at the ${releaseVersion} fallback`);
    assert.deepEqual(codes(published.diagnostics), []);
    const list = await client.request<{ version: string }>('kepLens/enhancements', {});
    assert.equal(list.version, releaseVersion);
  });

  test('an invalid version is reported once as a window/showMessage warning notification', testTimeout, async () => {
    const about = (m: { message: string }): boolean => /1\.99/.test(m.message);
    // Either way the user is told; wait for whichever the server sends.
    await client.waitUntil(() => client.messages.some(about) || client.messageRequests.some(about), 'a message about 1.99');
    const requests = client.messageRequests.filter(about);
    // A notice without actions is a notification: a request waits on an answer some clients never give.
    assert.deepEqual(requests.map((r) => r.message), [], 'sent as window/showMessageRequest instead of window/showMessage');
    const messages = client.messages.filter(about);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.type, 2);
    assert.match(messages[0]?.message ?? '', new RegExp(`using ${releaseVersion.replace('.', '\\.')}`));
  });

  test('didClose clears the diagnostics', testTimeout, async () => {
    const uri = 'file:///project/service.yaml';
    await client.close(uri);
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0 && p.version === undefined, 'cleared diagnostics');
  });

  test('the server wrote nothing to stderr', () => {
    assert.equal(client.stderr.join(''), '');
  });
});

// ---------------------------------------------------------------- resolveSupport

describe('protocol: code actions with client resolveSupport', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start({
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
    }));
  });
  after(() => client?.dispose());

  test('actions come without edit, and codeAction/resolve fills it', testTimeout, async () => {
    const uri = 'file:///project/pdb-lazy.yaml';
    await client.open(uri, pdb);
    const { diagnostics } = await client.current(uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: (diagnostics[0] as Diagnostic).range, context: { diagnostics } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix);
    assert.equal(fix.edit, undefined);
    assert.ok(fix.data, 'the action carries data to resolve');
    const resolved = await client.request<CodeAction>('codeAction/resolve', fix);
    assert.equal(resolved.title, fix.title);
    assert.equal(applyTextEdits(pdb, editsFor(resolved, uri)), pdb.replace('policy/v1beta1', 'policy/v1'));
  });

  test('fix-all is resolved the same way', testTimeout, async () => {
    const uri = 'file:///project/pdb-lazy.yaml';
    const [all] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.kepLens'] } });
    assert.ok(all);
    assert.equal(all.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    assert.equal(applyTextEdits(pdb, editsFor(resolved, uri)), pdb.replace('policy/v1beta1', 'policy/v1'));
  });
});

// ---------------------------------------------------------------- workspace/configuration

describe('protocol: settings pulled through workspace/configuration', () => {
  let client: LspClient;
  let version = '1.30';
  before(async () => {
    ({ client } = await LspClient.start({
      capabilities: { workspace: { configuration: true } },
      configuration: (params) => params.items.map(() => ({ kubernetesVersion: version })),
    }));
  });
  after(() => client?.dispose());

  test('the server asks for the kepLens section and uses the answer', testTimeout, async () => {
    const uri = 'file:///project/pulled.yaml';
    await client.open(uri, imagePod);
    const published = await client.current(uri);
    assert.deepEqual(codes(published.diagnostics), ['not-yet-available']);
    const request = client.configurationRequests.find((r) => r.items.some((i) => i.scopeUri === uri));
    assert.ok(request, JSON.stringify(client.configurationRequests));
    assert.equal(request.items[0]?.section, 'kepLens');
  });

  test('didChangeConfiguration makes the server pull again', testTimeout, async () => {
    const uri = 'file:///project/pulled.yaml';
    version = '1.33';
    const asked = client.configurationRequests.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const published = await client.diagnosticsFor(uri, (p) => p.diagnostics[0]?.code === 'feature-gate-off', 'diagnostics at 1.33');
    assert.equal(published.diagnostics[0]?.severity, 3);
    assert.ok(client.configurationRequests.length > asked);
  });
});

// ---------------------------------------------------------------- lifecycle

describe('protocol: shutdown and exit', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(() => client?.dispose());

  test('shutdown then exit ends the process with code 0', testTimeout, async () => {
    await client.open('file:///project/x.yaml', pdb);
    await client.current('file:///project/x.yaml');
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.hasExited, true);
  });
});

describe('protocol: exit without shutdown', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(() => client?.dispose());

  test('exit before shutdown ends the process with code 1', testTimeout, async () => {
    await client.connection.sendNotification('exit');
    assert.equal(await client.waitForExit(), 1);
  });
});
