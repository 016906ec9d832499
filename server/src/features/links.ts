/**
 * Document links: `KEP-4639` and `kep.k8s.io/4639` in comments (and
 * anywhere in the text) open the KEP.
 */
import type { DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { budgets } from '../engine/budgets';

const kepReference = /\b(?:KEP-(\d{1,5})|kep\.k8s\.io\/(\d{1,5}))\b/gi;

export interface KepReference {
  kep: number;
  start: number;
  end: number;
}

export function kepReferences(text: string): KepReference[] {
  const references: KepReference[] = [];
  for (const match of text.matchAll(kepReference)) {
    // As many as findings, at most: a file of nothing but references must not make an answer of millions.
    if (references.length >= budgets.findingsPerFile) break;
    const start = match.index ?? 0;
    references.push({ kep: Number(match[1] ?? match[2]), start, end: start + match[0].length });
  }
  return references;
}

export function documentLinks(document: TextDocument): DocumentLink[] {
  const text = document.getText();
  // Cheap guard: most manifests mention no KEP at all.
  if (!/kep/i.test(text)) return [];
  return kepReferences(text).map((ref) => ({
    range: { start: document.positionAt(ref.start), end: document.positionAt(ref.end) },
    target: `https://kep.k8s.io/${ref.kep}`,
    tooltip: `Open KEP-${ref.kep}`,
  }));
}
