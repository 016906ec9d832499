/**
 * Untrusted workspaces: a repository's own `.vscode/settings.json` must not
 * quietly turn findings off. Every setting a workspace can set that
 * changes what is reported is restricted to the user's own value until the
 * folder is trusted, which VS Code honours only with limited support.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

it('the settings that can hide findings are restricted in untrusted workspaces', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited', 'restrictedConfigurations applies only with limited support');
  assert.ok(trust.description && trust.description.length > 20, 'limited support says what is limited');
  const restricted = new Set(trust.restrictedConfigurations ?? []);
  for (const name of ['kepLens.diagnostics.enable', 'kepLens.diagnostics.disabledCodes', 'kepLens.kubernetesVersion', 'kepLens.featureGates']) {
    assert.ok(restricted.has(name), `${name} is restricted`);
  }
  const properties = manifest.contributes.configuration.properties;
  for (const name of restricted) assert.ok(properties[name], `${name} is a setting KEP Lens has`);
  // A setting a workspace or folder can set is either restricted or only about the editor window.
  for (const [name, property] of Object.entries(properties)) {
    if (property.scope === 'window' || property.scope === 'application' || property.scope === 'machine') continue;
    assert.ok(restricted.has(name), `${name} (scope ${property.scope ?? 'window'}) can be set by a workspace: restrict it or say why not`);
  }
});
