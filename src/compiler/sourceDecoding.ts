// Decoding of Python source files: UTF-8 BOM and PEP 263 coding declarations, with CPython's error messages.
import { PySyntaxError } from "./errors";

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** CPython's get_normal_name(): canonical spelling of the two encodings it special-cases. */
function normalName(name: string): string {
  const n = name.toLowerCase().replace(/_/g, "-");
  if (n === "utf-8" || n.startsWith("utf-8-")) return "utf-8";
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(n)) return "iso-8859-1";
  return name;
}

/** The first two lines as Latin-1 text (enough to find a coding cookie). */
function headLines(bytes: Uint8Array, from: number): string[] {
  const lines: string[] = [];
  let start = from;
  for (let i = from; i < bytes.length && lines.length < 2; i++) {
    if (bytes[i] === 10) {
      lines.push(latin1(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  if (lines.length < 2 && start < bytes.length) lines.push(latin1(bytes.subarray(start, Math.min(bytes.length, start + 4096))));
  return lines;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function findCookie(bytes: Uint8Array, from: number): string | null {
  const lines = headLines(bytes, from);
  for (let i = 0; i < lines.length; i++) {
    const m = COOKIE.exec(lines[i]);
    if (m !== null) return m[1];
    // Only a blank or comment-only first line lets the cookie sit on line 2.
    if (i === 0 && !/^[ \t\f]*(#.*)?\r?$/.test(lines[0])) break;
  }
  return null;
}

function fail(msg: string, filename: string): never {
  throw new PySyntaxError("SyntaxError", msg, filename, 0, -1, null, 0, -1);
}

/** Decodes source bytes the way CPython's tokenizer does before tokenizing. */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  let start = 0;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) start = 3;
  const cookie = findCookie(bytes, start);
  const encoding = cookie === null ? "utf-8" : normalName(cookie);
  if (bom && encoding !== "utf-8") fail(`encoding problem: ${encoding} with BOM`, filename);
  const body = bytes.subarray(start);
  if (encoding === "utf-8") return decodeUtf8(body, filename, cookie !== null);
  if (encoding === "iso-8859-1") return latin1(body);
  const lower = encoding.toLowerCase();
  if (lower === "ascii" || lower === "us-ascii") {
    for (let i = 0; i < body.length; i++) {
      if (body[i] >= 0x80) {
        fail(`(unicode error) 'ascii' codec can't decode byte 0x${body[i].toString(16)} in position ${i}: ordinal not in range(128)`, filename);
      }
    }
    return latin1(body);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(lower.replace(/_/g, "-"), { fatal: true });
  } catch {
    fail(`encoding problem: ${encoding}`, filename);
  }
  try {
    return decoder.decode(body);
  } catch {
    fail(`(unicode error) '${encoding}' codec can't decode source`, filename);
  }
}

function decodeUtf8(body: Uint8Array, filename: string, declared: boolean): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Locate the first invalid byte for CPython's message.
    let line = 1;
    let i = 0;
    while (i < body.length) {
      const b = body[i];
      let len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (len > 1) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(body.subarray(i, i + len));
        } catch {
          len = 0;
        }
      }
      if (len === 0) break;
      if (b === 10) line++;
      i += len;
    }
    const byte = body[i] ?? 0;
    if (declared) fail(`(unicode error) 'utf-8' codec can't decode byte 0x${byte.toString(16)} in position ${i}: invalid start byte`, filename);
    fail(`Non-UTF-8 code starting with '\\x${byte.toString(16)}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`, filename);
  }
}
