/**
 * A reader for the gofmt-formatted Go files the importer needs: API type
 * declarations (structs, named types, constants) and feature-gate tables.
 * It is not a Go parser; it relies on gofmt's layout (one field per line,
 * `}` closing a declaration in column 0), which every file it reads has.
 * Comments are kept only so that markers (`+featureGate=…`) and gate names
 * mentioned in them can be found; their prose is never written out.
 */

export interface GoField {
  /** Go name; absent for an embedded field. */
  readonly name?: string;
  /** Type expression with spaces removed, e.g. `*[]v1.Container`. */
  readonly type: string;
  /** Raw struct tag, without backquotes. */
  readonly tag: string;
  /** Comment lines directly above the field, without `//`. */
  readonly comments: readonly string[];
}

export interface GoStruct {
  readonly name: string;
  readonly comments: readonly string[];
  readonly fields: readonly GoField[];
}

export interface GoNamedType {
  readonly name: string;
  /** Underlying type expression (`string`, `[]Foo`, `map[string]string`). */
  readonly underlying: string;
  readonly comments: readonly string[];
  /** `type A = B`. */
  readonly alias: boolean;
}

export interface GoConst {
  readonly name: string;
  /** Declared type, when written. */
  readonly type?: string;
  /** The expression after `=`, trimmed. */
  readonly value: string;
}

export interface GoFile {
  readonly packageName: string;
  /** Import name (alias or last path element) → import path. */
  readonly imports: ReadonlyMap<string, string>;
  readonly structs: readonly GoStruct[];
  readonly namedTypes: readonly GoNamedType[];
  readonly consts: readonly GoConst[];
  /** Comment lines before the `package` clause (package markers such as `+groupName=`). */
  readonly packageComments: readonly string[];
}

/** Removes `/* … *\/` comments, keeping line breaks so line structure is unchanged. */
export function stripBlockComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = findCode(text, '/*', i);
    if (start === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start);
    const end = text.indexOf('*/', start + 2);
    const comment = end === -1 ? text.slice(start) : text.slice(start, end + 2);
    out += comment.replace(/[^\n]/g, '');
    i = end === -1 ? text.length : end + 2;
  }
  return out;
}

/** Index of `needle` outside string literals and line comments, from `from`. */
function findCode(text: string, needle: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i, '"');
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (text.startsWith(needle, i)) return i;
    i++;
  }
  return -1;
}

function skipString(text: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** `"a\"b"` → `a"b`; other expressions are returned trimmed. */
export function goStringValue(expression: string): string | undefined {
  const trimmed = expression.trim();
  if (trimmed.startsWith('`') && trimmed.endsWith('`') && trimmed.length >= 2) return trimmed.slice(1, -1);
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"') || trimmed.length < 2) return undefined;
  try {
    return JSON.parse(trimmed) as string;
  } catch {
    return undefined;
  }
}

/** Text of a line comment (`// +optional` → `+optional`), or undefined for a code line. */
function commentText(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('//')) return undefined;
  return trimmed.slice(2).replace(/^ /, '');
}

/** A line's code with any trailing line comment removed (string- and tag-aware). */
function codeOf(line: string): string {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '"') i = skipString(line, i, '"');
    else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      i = end === -1 ? line.length : end + 1;
    } else if (c === '/' && line[i + 1] === '/') return line.slice(0, i).trim();
    else i++;
  }
  return line.trim();
}

const fieldPattern = /^([A-Za-z_]\w*)\s+([^`]+?)\s*(?:`([^`]*)`)?$/;
const embeddedPattern = /^(\*?[A-Za-z_][\w.]*)\s*(?:`([^`]*)`)?$/;

/** Parses one struct body line; undefined for blank lines and nested braces. */
function parseFieldLine(code: string, comments: readonly string[]): GoField | undefined {
  if (code === '' || code === '}' || code.endsWith('{')) return undefined;
  const embedded = embeddedPattern.exec(code);
  if (embedded && !/\s/.test(embedded[1] ?? '')) {
    return { type: embedded[1] ?? '', tag: embedded[2] ?? '', comments };
  }
  const named = fieldPattern.exec(code);
  if (!named) return undefined;
  return { name: named[1], type: (named[2] ?? '').replace(/\s+/g, ''), tag: named[3] ?? '', comments };
}

/** Parses the declarations of one Go file. */
export function parseGoFile(source: string): GoFile {
  const lines = stripBlockComments(source).split('\n');
  const imports = new Map<string, string>();
  const structs: GoStruct[] = [];
  const namedTypes: GoNamedType[] = [];
  const consts: GoConst[] = [];
  const packageComments: string[] = [];
  let packageName = '';
  let pending: string[] = [];
  let i = 0;
  const addImport = (spec: string): void => {
    const match = /^(?:([A-Za-z_.]\w*)\s+)?"([^"]+)"$/.exec(spec.trim());
    if (!match) return;
    const path = match[2] ?? '';
    const name = match[1] ?? path.split('/').pop() ?? path;
    if (name !== '_' && name !== '.') imports.set(name, path);
  };
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const comment = commentText(line);
    if (comment !== undefined) {
      pending.push(comment);
      i++;
      continue;
    }
    const code = codeOf(line);
    if (code === '') {
      // A blank line keeps the block above for type-level markers, which may sit one block up.
      if (pending.length > 0) pending.push('');
      i++;
      continue;
    }
    const comments = pending;
    pending = [];
    if (code.startsWith('package ')) {
      packageName = code.slice(8).trim();
      packageComments.push(...comments);
      i++;
      continue;
    }
    if (code === 'import (') {
      for (i++; i < lines.length && codeOf(lines[i] ?? '') !== ')'; i++) addImport(codeOf(lines[i] ?? ''));
      i++;
      continue;
    }
    if (code.startsWith('import ')) {
      addImport(code.slice(7));
      i++;
      continue;
    }
    if (code === 'const (') {
      for (i++; i < lines.length && codeOf(lines[i] ?? '') !== ')'; i++) {
        const constCode = codeOf(lines[i] ?? '');
        const match = /^([A-Za-z_]\w*)(?:\s+([\w.*[\]]+))?\s*=\s*(.+)$/.exec(constCode);
        if (!match) continue;
        consts.push({ name: match[1] ?? '', type: match[2], value: (match[3] ?? '').trim() });
      }
      i++;
      continue;
    }
    const single = /^const\s+([A-Za-z_]\w*)(?:\s+([\w.*[\]]+))?\s*=\s*(.+)$/.exec(code);
    if (single) {
      consts.push({ name: single[1] ?? '', type: single[2], value: (single[3] ?? '').trim() });
      i++;
      continue;
    }
    const structStart = /^type\s+([A-Za-z_]\w*)\s+struct\s*\{\s*(\}?)$/.exec(code);
    if (structStart) {
      const fields: GoField[] = [];
      if (structStart[2] !== '}') {
        let fieldComments: string[] = [];
        let depth = 1;
        for (i++; i < lines.length; i++) {
          const bodyLine = lines[i] ?? '';
          const bodyComment = commentText(bodyLine);
          if (bodyComment !== undefined) {
            fieldComments.push(bodyComment);
            continue;
          }
          const bodyCode = codeOf(bodyLine);
          if (bodyCode === '}' && depth === 1) break;
          if (bodyCode.endsWith('{')) depth++;
          else if (bodyCode.startsWith('}')) depth--;
          else if (depth === 1) {
            const field = parseFieldLine(bodyCode, fieldComments);
            if (field) fields.push(field);
          }
          fieldComments = [];
        }
      }
      structs.push({ name: structStart[1] ?? '', comments, fields });
      i++;
      continue;
    }
    const named = /^type\s+([A-Za-z_]\w*)\s+(=\s*)?(.+)$/.exec(code);
    if (named && !(named[3] ?? '').startsWith('interface')) {
      namedTypes.push({ name: named[1] ?? '', underlying: (named[3] ?? '').replace(/\s+/g, ''), comments, alias: named[2] !== undefined });
      i++;
      continue;
    }
    i++;
  }
  return { packageName, imports, structs, namedTypes, consts, packageComments };
}

/** Value of a `+name=value` marker in comment lines (last one wins, as in gengo). */
export function markerValues(comments: readonly string[], name: string): string[] {
  const out: string[] = [];
  const prefix = `+${name}=`;
  for (const line of comments) {
    const trimmed = line.trim();
    if (trimmed.startsWith(prefix)) out.push(trimmed.slice(prefix.length).trim());
  }
  return out;
}

/** Whether a `+name` marker (without value) is present. */
export function hasMarker(comments: readonly string[], name: string): boolean {
  return comments.some((line) => {
    const trimmed = line.trim();
    return trimmed === `+${name}` || trimmed.startsWith(`+${name}=`) || trimmed.startsWith(`+${name} `);
  });
}

/** The `json` name of a struct tag: `json:"name,omitempty"` → { name, inline: false }. */
export function jsonTag(tag: string): { name: string; inline: boolean; omitempty: boolean } | undefined {
  const match = /(?:^|\s)json:"([^"]*)"/.exec(tag);
  if (!match) return undefined;
  const [name = '', ...options] = (match[1] ?? '').split(',');
  return { name, inline: options.includes('inline'), omitempty: options.includes('omitempty') || options.includes('omitzero') };
}
