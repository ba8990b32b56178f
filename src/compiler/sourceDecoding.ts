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
        fail(`'ascii' codec can't decode byte 0x${body[i].toString(16)} in position ${i + start}: ordinal not in range(128)`, filename);
      }
    }
    return latin1(body);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(lower.replace(/_/g, "-"), { fatal: true });
  } catch {
    fail(`unknown encoding: ${encoding}`, filename);
  }
  try {
    return decoder.decode(body);
  } catch {
    fail(`(unicode error) '${encoding}' codec can't decode source`, filename);
  }
}

/** Why a UTF-8 sequence starting at `i` is invalid (as Python's codec words it), with its length, or null when valid. */
function utf8Problem(b: Uint8Array, i: number): { reason: string; len: number } | null {
  const c = b[i];
  if (c < 0x80) return null;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return { reason: "invalid start byte", len: 1 };
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return { reason: "unexpected end of data", len: k };
    const x = b[i + k];
    if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return { reason: "invalid continuation byte", len: k };
  }
  return null;
}

function decodeUtf8(body: Uint8Array, filename: string, _declared: boolean): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Locate the first invalid sequence for CPython's message (its position counts bytes from the line start).
    let line = 1;
    let lineStart = 0;
    let i = 0;
    for (; i < body.length; i++) {
      if (body[i] === 10) {
        line++;
        lineStart = i + 1;
        continue;
      }
      const prob = utf8Problem(body, i);
      if (prob !== null) {
        let lineEnd = body.indexOf(10, i);
        if (lineEnd < 0) lineEnd = body.length;
        const text = new TextDecoder("utf-8").decode(body.subarray(lineStart, lineEnd)) + "\n";
        const pos = i - lineStart;
        const where = prob.len > 1 && prob.reason === "unexpected end of data" ? `bytes in position ${pos}-${pos + prob.len - 1}` : `byte 0x${body[i].toString(16)} in position ${pos}`;
        const msg = `(unicode error) 'utf-8' codec can't decode ${where}: ${prob.reason}`;
        const offset = [...new TextDecoder("utf-8").decode(body.subarray(lineStart, i))].length + 1;
        throw new PySyntaxError("SyntaxError", msg, filename, line, offset, text, line, -1);
      }
      const c = body[i];
      i += c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    }
    throw new PySyntaxError("SyntaxError", "(unicode error) 'utf-8' codec can't decode source", filename, 1, -1, null, 1, -1);
  }
}
