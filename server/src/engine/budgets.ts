/**
 * How much of a file KEP Lens checks, and how much it reports, in one
 * place. Past a budget the rest is not checked and the user gets one
 * `too-large` finding (information) that says which budget and where
 * checking stopped; everything checked before that keeps its findings.
 *
 * The numbers keep the server and the CLI within about ten times the
 * file's size plus 100 MB of memory, and keep every request on a file they
 * admit to a few seconds. The README lists them for users.
 */

const mebibyte = 1024 * 1024;

export const budgets = {
  /** Text of one file that is checked (the CLI reads no more of a file or of standard input). */
  fileBytes: 16 * mebibyte,
  /** Text of one YAML document that is parsed. */
  documentBytes: 8 * mebibyte,
  /**
   * Nodes of one YAML document, estimated before parsing from its lines, its
   * `:`, `,`, `[`, `{` and `- ` indicators and the length of its quoted
   * scalars: parsing costs about a kilobyte of memory per node, whatever the
   * text's length, and about thirty bytes per quoted character.
   */
  documentNodes: 60_000,
  /** Levels of block or flow nesting in one document (the parser recurses per level). */
  nestingDepth: 512,
  /** Documents of one file that are checked. */
  documentsPerFile: 10_000,
  /** Findings reported for one file. */
  findingsPerFile: 10_000,
  /** Serialised diagnostics the server sends for one file in one message. */
  publishBytes: 8 * mebibyte,
  /** A `kep-lens.yaml` config or a `.gitignore` the CLI reads. */
  settingsFileBytes: mebibyte,
  /** Parsed documents kept between requests, in estimated nodes; parsing again is cheaper than holding every tree. */
  retainedNodes: 200_000,
  /** A value from the input quoted in a message. */
  quotedChars: 120,
} as const;

/** `16 MB`, `8 MB`: how budgets are named in messages. */
export function megabytes(bytes: number): string {
  const value = bytes / mebibyte;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/** `10,000`: counts in messages. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
