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

// Python's cp1252 for bytes 0x80..0x9F (0 = undefined); Node's TextDecoder treats windows-1252 as Latin-1.
const CP1252_HIGH = [0x20ac, 0x0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x0, 0x17d, 0x0, 0x0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x0, 0x17e, 0x178];

function decodeCp1252(body: Uint8Array, filename: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b >= 0x80 && b < 0xa0) {
      const cp = CP1252_HIGH[b - 0x80];
      if (cp === 0) fail(`'charmap' codec can't decode byte 0x${b.toString(16)} in position ${i}: character maps to <undefined>`, filename);
      out += String.fromCharCode(cp);
    } else out += String.fromCharCode(b);
  }
  return out;
}

/** Python codec names → WHATWG encoding labels (TextDecoder); Python's cp125x are the windows-125x encodings. */
function whatwgLabel(pythonName: string): string {
  const n = pythonName.replace(/_/g, "-");
  const cp = /^(?:cp|windows-)(125[0-8])$/.exec(n);
  if (cp !== null) return `windows-${cp[1]}`;
  const iso = /^iso-?8859-?(\d+)$/.exec(n);
  if (iso !== null) return `iso-8859-${iso[1]}`;
  if (n === "utf8") return "utf-8";
  if (n === "sjis" || n === "shift-jis") return "shift_jis";
  return n;
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
export interface DecodeOptions {
  /**
   * Word errors as `python3 FILE` does for the main script ("encoding problem: X", "Non-UTF-8 code starting with ...")
   * instead of as compile(bytes) / import does (the default).
   */
  script?: boolean;
}

export function decodeSource(bytes: Uint8Array, filename: string, opts: DecodeOptions = {}): string {
  const script = opts.script === true;
  if (script && bytes.indexOf(0) >= 0) fail("source code cannot contain null bytes", filename);
  let start = 0;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) start = 3;
  const cookie = findCookie(bytes, start);
  const encoding = cookie === null ? "utf-8" : normalName(cookie);
  if (bom && encoding !== "utf-8") fail(`encoding problem: ${encoding} with BOM`, filename);
  const body = bytes.subarray(start);
  if (encoding === "utf-8") return decodeUtf8(body, filename, cookie !== null, script);
  if (encoding === "iso-8859-1" || /^(latin1|l1|latin|iso8859-1|iso88591|8859|cp819)$/i.test(encoding.replace(/_/g, "-"))) return latin1(body);
  const lower = encoding.toLowerCase();
  if (lower === "ascii" || lower === "us-ascii") {
    for (let i = 0; i < body.length; i++) {
      if (body[i] >= 0x80) {
        if (script) fail(`encoding problem: ${encoding}`, filename);
        fail(`'ascii' codec can't decode byte 0x${body[i].toString(16)} in position ${i + start}: ordinal not in range(128)`, filename);
      }
    }
    return latin1(body);
  }
  if (whatwgLabel(lower) === "windows-1252") return decodeCp1252(body, filename);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(whatwgLabel(lower), { fatal: true });
  } catch {
    fail(script ? `encoding problem: ${encoding}` : `unknown encoding: ${encoding}`, filename);
  }
  try {
    return decoder.decode(body);
  } catch {
    fail(script ? `encoding problem: ${encoding}` : `(unicode error) '${encoding}' codec can't decode source`, filename);
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

/** The single-line string literal of `line` (bytes) containing byte index `i`: token start, body start and end. */
function stringAround(body: Uint8Array, lineStart: number, lineEnd: number, i: number): { tokenStart: number; bodyStart: number; bodyEnd: number } | null {
  let k = lineStart;
  while (k < lineEnd) {
    const c = body[k];
    if (c === 0x23 /* # */) return null;
    if (c === 0x27 || c === 0x22) {
      let tokenStart = k;
      while (tokenStart > lineStart && /[a-zA-Z]/.test(String.fromCharCode(body[tokenStart - 1]))) tokenStart--;
      let e = k + 1;
      while (e < lineEnd && body[e] !== c) e += body[e] === 0x5c ? 2 : 1;
      if (i > k && i < e) return { tokenStart, bodyStart: k + 1, bodyEnd: e };
      k = e + 1;
      continue;
    }
    k++;
  }
  return null;
}

function decodeUtf8(body: Uint8Array, filename: string, declared: boolean, script: boolean): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Locate the first invalid sequence for CPython's message. Inside a string literal CPython reports it while
    // decoding the literal (position within its body, located at the literal); elsewhere at the byte in the line.
    const lenient = new TextDecoder("utf-8");
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
      if (prob !== null && script && !declared) {
        // The main script's file tokenizer checks the raw bytes of every line, comments included.
        fail(`Non-UTF-8 code starting with '\\x${body[i].toString(16)}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`, filename);
      }
      if (prob !== null) {
        let lineEnd = body.indexOf(10, i);
        if (lineEnd < 0) lineEnd = body.length;
        const text = lenient.decode(body.subarray(lineStart, lineEnd)) + "\n";
        const lit = stringAround(body, lineStart, lineEnd, i);
        if (lit !== null) {
          const inBody = utf8Problem(body.subarray(lit.bodyStart, lit.bodyEnd), i - lit.bodyStart) ?? prob;
          const pos = i - lit.bodyStart;
          const where = inBody.reason === "unexpected end of data" && inBody.len > 1 ? `bytes in position ${pos}-${pos + inBody.len - 1}` : `byte 0x${body[i].toString(16)} in position ${pos}`;
          const offset = [...lenient.decode(body.subarray(lineStart, lit.tokenStart))].length + 1;
          throw new PySyntaxError("SyntaxError", `(unicode error) 'utf-8' codec can't decode ${where}: ${inBody.reason}`, filename, line, offset, text, line, offset + (lit.bodyEnd - lit.bodyStart));
        }
        const pos = i - lineStart;
        const where = prob.len > 1 && prob.reason === "unexpected end of data" ? `bytes in position ${pos}-${pos + prob.len - 1}` : `byte 0x${body[i].toString(16)} in position ${pos}`;
        const offset = [...lenient.decode(body.subarray(lineStart, i))].length + 1;
        throw new PySyntaxError("SyntaxError", `(unicode error) 'utf-8' codec can't decode ${where}: ${prob.reason}`, filename, line, offset, text, line, -1);
      }
      const c = body[i];
      i += c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    }
    throw new PySyntaxError("SyntaxError", "(unicode error) 'utf-8' codec can't decode source", filename, 1, -1, null, 1, -1);
  }
}
