/**
 * Whether another extension already reports YAML syntax errors. Red Hat YAML
 * (`redhat.vscode-yaml`) and every other client of yaml-language-server
 * contribute that server's `yaml.validate` setting, and validate unless the
 * user set it to false; recognising the setting rather than one extension id
 * covers them all, and a user who turns their validation off gets KEP Lens's
 * syntax errors back.
 */
import * as vscode from 'vscode';

function contributesSetting(manifest: unknown, key: string): boolean {
  const configuration = (manifest as { contributes?: { configuration?: unknown } } | undefined)?.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.some((section: unknown) => {
    const properties = (section as { properties?: unknown } | null)?.properties;
    return typeof properties === 'object' && properties !== null && Object.prototype.hasOwnProperty.call(properties, key);
  });
}

/** Ids of the installed extensions (other than `ownId`) that bring yaml-language-server's validation. */
export function yamlValidatorExtensions(ownId: string): string[] {
  return vscode.extensions.all.filter((e) => e.id !== ownId && contributesSetting(e.packageJSON, 'yaml.validate')).map((e) => e.id);
}

/** True when such an extension is installed and its validation is on. */
export function otherExtensionValidatesYaml(ownId: string): boolean {
  return yamlValidatorExtensions(ownId).length > 0 && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
}

/**
 * True when such an extension also validates against a Kubernetes schema
 * (`yaml.schemas` maps `kubernetes`, or a Kubernetes JSON schema, to files):
 * then it reports unknown fields and wrong types itself.
 */
export function otherExtensionValidatesKubernetesSchema(ownId: string): boolean {
  if (!otherExtensionValidatesYaml(ownId)) return false;
  const schemas = vscode.workspace.getConfiguration('yaml').get<Record<string, unknown>>('schemas') ?? {};
  return Object.entries(schemas).some(([key, value]) => /kubernetes/i.test(key) || (typeof value === 'string' && /kubernetes/i.test(value)));
}
