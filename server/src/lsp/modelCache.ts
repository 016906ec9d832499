/**
 * One parsed model per open document version. A new version reuses the
 * documents of the previous model whose text did not change.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, type ManifestModel } from '../manifest/model';

export class ModelCache {
  private readonly models = new Map<string, { version: number; model: ManifestModel }>();

  get(document: TextDocument): ManifestModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = buildModel(document.getText(), cached?.model);
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }
}
