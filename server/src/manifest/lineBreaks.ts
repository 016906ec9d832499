/**
 * Line breaks as YAML, go-yaml (and so kubectl) and LSP count them: `\n`,
 * `\r\n`, and a lone `\r` (classic Mac OS files, and files whose endings
 * were mixed by an editor). Everything that maps offsets to lines goes
 * through here, so a finding's line is the line the user sees.
 */

const loneCarriageReturn = /\r(?!\n)/;

/** True when the text has a `\r` that is not part of `\r\n`. */
export function hasLoneCarriageReturn(text: string): boolean {
  // indexOf first: most files have no `\r` at all, and CRLF-only files need the full test.
  return text.indexOf('\r') !== -1 && loneCarriageReturn.test(text);
}

/**
 * The text with every lone `\r` turned into `\n`. Same length and offsets,
 * so scans and parsers that know only `\n` and `\r\n` see the lines YAML sees,
 * and every offset they report holds for the original text.
 */
export function withLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Offsets at which the lines of a text start. */
export function lineStartsOf(text: string): number[] {
  const scanned = withLineFeeds(text);
  const starts = [0];
  for (let i = scanned.indexOf('\n'); i !== -1; i = scanned.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The lines of a text, without their line breaks. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Length of the line break at `offset` (2 for `\r\n`, 1 for `\n` or a lone `\r`, 0 when there is none). */
export function lineBreakLength(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === 13) return text.charCodeAt(offset + 1) === 10 ? 2 : 1;
  return c === 10 ? 1 : 0;
}

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const before = offset - 1;
  const newline = text.lastIndexOf('\n', before);
  // A lone `\r` can only sit between that `\n` and the offset; scanning just that stretch keeps this linear in the line.
  for (let i = before; i > newline; i--) if (text.charCodeAt(i) === 13) return i + 1;
  return newline + 1;
}

/** Offset where the line holding `offset` ends, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  for (let i = offset; i < end; i++) if (text.charCodeAt(i) === 13) return i;
  return end;
}

/** The line break a file uses, so inserted lines match it: CRLF, a lone CR (when it has no LF at all), else LF. */
export function lineBreakOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}
