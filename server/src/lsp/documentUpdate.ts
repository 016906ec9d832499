/**
 * Applying a `didChange` to an open document. `TextDocument.update` copies
 * the whole text once per change, so one multi-cursor edit of 40,000 cursors
 * costs 40,000 copies. Editors send such edits last cursor first, each
 * change before the one ahead of it: then every change's range refers to
 * the text as it was, and the whole run is applied in one pass. Changes in
 * any other order are applied one by one, as before.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

interface Edit {
  start: number;
  end: number;
  text: string;
}

type RangeChange = Extract<TextDocumentContentChangeEvent, { range: unknown }>;

export function updateDocument(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  let current = document;
  let run: Edit[] = [];
  const flush = (): void => {
    if (run.length > 0) current = applyRun(current, run, version);
    run = [];
  };
  for (const change of changes) {
    if (!('range' in change)) {
      flush();
      current = TextDocument.create(current.uri, current.languageId, version, change.text);
      continue;
    }
    let edit = editIn(current, change);
    const previous = run[run.length - 1];
    // Strictly before the previous change, the text is as it was (a position past a line's end
    // could otherwise land in what the previous change inserted there); else it sees that change.
    if (previous && edit.end >= previous.start) {
      flush();
      edit = editIn(current, change);
    }
    run.push(edit);
  }
  flush();
  return current === document ? TextDocument.update(document, [], version) : current;
}

function editIn(document: TextDocument, change: RangeChange): Edit {
  const a = document.offsetAt(change.range.start);
  const b = document.offsetAt(change.range.end);
  return { start: Math.min(a, b), end: Math.max(a, b), text: change.text };
}

/** Edits in descending order, each ending at or before the start of the one before: applied to the text in one pass. */
function applyRun(document: TextDocument, run: readonly Edit[], version: number): TextDocument {
  if (run.length === 1) {
    const only = run[0] as Edit;
    return TextDocument.update(document, [{ range: { start: document.positionAt(only.start), end: document.positionAt(only.end) }, text: only.text }], version);
  }
  const text = document.getText();
  const parts: string[] = [];
  let at = 0;
  for (let i = run.length - 1; i >= 0; i--) {
    const edit = run[i] as Edit;
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return TextDocument.create(document.uri, document.languageId, version, parts.join(''));
}
