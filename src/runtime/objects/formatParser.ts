// The PEP 3101 format-string parser shared by str.format and the _string module (CPython's MarkupIterator and field-name split).
import { valueError } from "../core";

/** One chunk of a format string: literal text, then optionally a replacement field. */
export interface FormatChunk {
  literal: string;
  /** null when the chunk has no replacement field. */
  field: { name: string; spec: string; conversion: string | null } | null;
}

/** Splits a format string into chunks exactly as CPython's MarkupIterator does, with its error messages. */
export function parseFormatString(fmt: string): FormatChunk[] {
  const chunks: FormatChunk[] = [];
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    let literal = "";
    let fieldStart = -1;
    while (i < n) {
      const c = fmt[i];
      if (c === "{" || c === "}") {
        if (i + 1 < n && fmt[i + 1] === c) {
          // A doubled brace ends this chunk's literal with one brace.
          literal += c;
          i += 2;
          break;
        }
        if (c === "}") throw valueError("Single '}' encountered in format string");
        if (i + 1 >= n) throw valueError("Single '{' encountered in format string");
        fieldStart = i + 1;
        i++;
        break;
      }
      literal += c;
      i++;
    }
    if (fieldStart < 0) {
      chunks.push({ literal, field: null });
      continue;
    }
    const parsed = parseField(fmt, fieldStart);
    chunks.push({ literal, field: parsed.field });
    i = parsed.end;
  }
  return chunks;
}

/**
 * Parses a replacement field starting just after its '{' (CPython's parse_field): the name (brackets may hold
 * ':' and '!'), an optional '!c' conversion, then a spec up to the brace matching the field's '{'.
 * Returns the field and the index just past its closing '}'.
 */
function parseField(fmt: string, start: number): { field: NonNullable<FormatChunk["field"]>; end: number } {
  const n = fmt.length;
  let i = start;
  let c = "";
  while (i < n) {
    c = fmt[i++];
    if (c === "[") {
      while (i < n && fmt[i] !== "]") i++;
      continue;
    }
    if (c === "{") throw valueError("unexpected '{' in field name");
    if (c === "}" || c === ":" || c === "!") break;
  }
  const nameEnd = c === "}" || c === ":" || c === "!" ? i - 1 : i;
  const name = fmt.slice(start, nameEnd);
  let conversion: string | null = null;
  if (c === "}") return { field: { name, spec: "", conversion }, end: i };
  if (c === "!") {
    if (i >= n) throw valueError("end of string while looking for conversion specifier");
    conversion = fmt[i++];
    if (i < n) {
      const next = fmt[i++];
      if (next === "}") return { field: { name, spec: "", conversion }, end: i };
      if (next !== ":") throw valueError("expected ':' after conversion specifier");
    }
  } else if (c !== ":") {
    throw valueError("expected '}' before end of string");
  }
  const specStart = i;
  let depth = 1;
  while (i < n) {
    const d = fmt[i++];
    if (d === "{") depth++;
    else if (d === "}" && --depth === 0) return { field: { name, spec: fmt.slice(specStart, i - 1), conversion }, end: i };
  }
  throw valueError("unmatched '{' in format spec");
}

/** A field-name part: `.attr` or `[key]`; keys made of digits are ints. */
export interface FieldAccessor {
  isAttr: boolean;
  key: string | number;
}

function intOrStr(s: string): string | number {
  return /^[0-9]+$/.test(s) ? Number(s) : s;
}

/** Splits "a.b[0]" into its first part and accessors, with CPython's messages for malformed names. */
export function splitFieldName(name: string): { first: string | number; rest: FieldAccessor[] } {
  let i = 0;
  while (i < name.length && name[i] !== "." && name[i] !== "[") i++;
  const first = intOrStr(name.slice(0, i));
  const rest: FieldAccessor[] = [];
  while (i < name.length) {
    if (name[i] === ".") {
      let j = i + 1;
      while (j < name.length && name[j] !== "." && name[j] !== "[") j++;
      const attr = name.slice(i + 1, j);
      if (attr === "") throw valueError("Empty attribute in format string");
      rest.push({ isAttr: true, key: attr });
      i = j;
    } else {
      const j = name.indexOf("]", i + 1);
      if (j < 0) throw valueError("Missing ']' in format string");
      const key = name.slice(i + 1, j);
      if (key === "") throw valueError("Empty attribute in format string");
      rest.push({ isAttr: false, key: intOrStr(key) });
      i = j + 1;
      if (i < name.length && name[i] !== "." && name[i] !== "[") {
        throw valueError("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
  }
  return { first, rest };
}
