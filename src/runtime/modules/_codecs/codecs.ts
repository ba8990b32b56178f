// The builtin codecs (utf-8/16/32, ascii, latin-1, charmap, unicode_escape, raw_unicode_escape, escape_*): pure
// encode/decode functions with CPython's error ranges, reasons and incremental (`final`) behaviour.
import { PyBaseException, PyBytes, PyObject, None, typeError, valueError, isInt, intValue, isStr, strValue, typeOf, LookupErrorType, isinstance } from "../../core";
import * as ops from "../../ops";
import { toCodePoints } from "../../unicode/codepoints";
import { lookupCodePoint } from "../../../compiler/unicodeNames";
import { callHandler, encodeRunHandler, makeDecodeError, makeEncodeError } from "./errors";

/** Growable byte buffer for encoders. */
export class ByteOut {
  buf = new Uint8Array(64);
  n = 0;
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const nb = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    nb.set(this.buf.subarray(0, this.n));
    this.buf = nb;
  }
  push(b: number): void {
    this.room(1);
    this.buf[this.n++] = b;
  }
  pushAll(d: ArrayLike<number>): void {
    this.room(d.length);
    this.buf.set(d, this.n);
    this.n += d.length;
  }
  pushAscii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** Code units collected into a JS string in chunks (fromCharCode on big arrays overflows the stack). */
class StrOut {
  parts: string[] = [];
  units: number[] = [];
  unit(u: number): void {
    this.units.push(u);
    if (this.units.length >= 8192) this.flush();
  }
  cp(c: number): void {
    if (c > 0xffff) {
      c -= 0x10000;
      this.unit(0xd800 + (c >> 10));
      this.unit(0xdc00 + (c & 0x3ff));
    } else this.unit(c);
  }
  str(s: string): void {
    this.flush();
    this.parts.push(s);
  }
  flush(): void {
    if (this.units.length) {
      this.parts.push(String.fromCharCode.apply(null, this.units));
      this.units = [];
    }
  }
  result(): string {
    this.flush();
    return this.parts.join("");
  }
}

export type DecodeResult = [string, number];

function decodeFail(out: StrOut, errors: string, enc: string, data: Uint8Array, start: number, end: number, reason: string): number {
  const r = callHandler(errors, "decode", () => makeDecodeError(enc, data, start, end, reason), data.length);
  out.str(r.repl as string);
  return r.newpos;
}

// ---- UTF-8 ------------------------------------------------------------------------------------------------------

/** Length of the valid UTF-8 prefix from `i`, or the error at the first invalid sequence: [pos, len, reason]. */
function utf8Scan(d: Uint8Array, from: number): [number, number, string] {
  let i = from;
  const n = d.length;
  while (i < n) {
    const c = d[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return [i, 1, "invalid start byte"];
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return [i, k, "unexpected end of data"];
      const cc = d[i + k];
      if ((cc & 0xc0) !== 0x80) return [i, k, "invalid continuation byte"];
      if (k === 1 && ((c === 0xe0 && cc < 0xa0) || (c === 0xed && cc > 0x9f) || (c === 0xf0 && cc < 0x90) || (c === 0xf4 && cc > 0x8f))) {
        return [i, 1, "invalid continuation byte"];
      }
    }
    i += need + 1;
  }
  return [n, 0, ""];
}
const utf8Dec = new TextDecoder("utf-8", { ignoreBOM: true });

export function utf8Decode(d: Uint8Array, errors: string, final: boolean, enc = "utf-8"): DecodeResult {
  const out = new StrOut();
  let i = 0;
  while (i < d.length) {
    const [bad, len, reason] = utf8Scan(d, i);
    if (bad > i) out.str(utf8Dec.decode(d.subarray(i, bad)));
    if (bad >= d.length) {
      i = bad;
      break;
    }
    if (reason === "unexpected end of data" && !final) {
      i = bad;
      break;
    }
    i = decodeFail(out, errors, enc, d, bad, bad + len, reason);
  }
  return [out.result(), i];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Appends an encoder's str replacement, each code point checked by `ok` (else the original error is raised). */
function encodeReplacement(out: ByteOut, repl: string | Uint8Array, ok: (c: number) => boolean, put: (c: number) => void, fail: () => PyBaseException): void {
  if (typeof repl !== "string") {
    out.pushAll(repl);
    return;
  }
  for (const c of toCodePoints(repl)) {
    if (!ok(c)) throw fail();
    put(c);
  }
}

function putUtf8(out: ByteOut, c: number): void {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.pushAll([0xc0 | (c >> 6), 0x80 | (c & 0x3f)]);
  else if (c < 0x10000) {
    out.push(0xe0 | (c >> 12));
    out.push(0x80 | ((c >> 6) & 0x3f));
    out.push(0x80 | (c & 0x3f));
  } else {
    out.push(0xf0 | (c >> 18));
    out.push(0x80 | ((c >> 12) & 0x3f));
    out.push(0x80 | ((c >> 6) & 0x3f));
    out.push(0x80 | (c & 0x3f));
  }
}
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

export function utf8Encode(s: string, errors: string, enc = "utf-8"): Uint8Array {
  if (!LONE_SURROGATE.test(s)) return new Uint8Array(Buffer.from(s, "utf8"));
  const cps = toCodePoints(s);
  const out = new ByteOut();
  let i = 0;
  while (i < cps.length) {
    const c = cps[i];
    if (!isSurrogate(c)) {
      putUtf8(out, c);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < cps.length && isSurrogate(cps[j])) j++;
    const mk = (): PyBaseException => makeEncodeError(enc, s, i, j, "surrogates not allowed");
    const r = encodeRunHandler(errors, enc, s, cps, i, j, "surrogates not allowed");
    encodeReplacement(out, r.repl, (x) => !isSurrogate(x), (x) => putUtf8(out, x), mk);
    i = r.newpos;
  }
  return out.result();
}

// ---- ASCII / Latin-1 --------------------------------------------------------------------------------------------

export function charLimitDecode(d: Uint8Array, errors: string, limit: 0x80 | 0x100): string {
  if (limit === 0x100) return Buffer.from(d.buffer, d.byteOffset, d.length).toString("latin1");
  const out = new StrOut();
  let i = 0;
  while (i < d.length) {
    const c = d[i];
    if (c < 0x80) {
      out.unit(c);
      i++;
    } else i = decodeFail(out, errors, "ascii", d, i, i + 1, "ordinal not in range(128)");
  }
  return out.result();
}

export function charLimitEncode(s: string, errors: string, limit: 0x80 | 0x100): Uint8Array {
  const enc = limit === 0x80 ? "ascii" : "latin-1";
  const cps = toCodePoints(s);
  const out = new ByteOut();
  let i = 0;
  while (i < cps.length) {
    const c = cps[i];
    if (c < limit) {
      out.push(c);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < cps.length && cps[j] >= limit) j++;
    const mk = (): PyBaseException => makeEncodeError(enc, s, i, j, `ordinal not in range(${limit})`);
    const r = encodeRunHandler(errors, enc, s, cps, i, j, `ordinal not in range(${limit})`);
    encodeReplacement(out, r.repl, (x) => x < limit, (x) => out.push(x), mk);
    i = r.newpos;
  }
  return out.result();
}

// ---- UTF-16 / UTF-32 --------------------------------------------------------------------------------------------

/** byteorder: -1 little, 1 big, 0 detect a BOM (else native little-endian). Returns [text, consumed, byteorder]. */
export function utf16Decode(d: Uint8Array, errors: string, byteorder: number, final: boolean): [string, number, number] {
  let bo = byteorder;
  let q = 0;
  if (bo === 0 && d.length >= 2) {
    if (d[0] === 0xff && d[1] === 0xfe) {
      bo = -1;
      q = 2;
    } else if (d[0] === 0xfe && d[1] === 0xff) {
      bo = 1;
      q = 2;
    }
  }
  const le = bo <= 0;
  const enc = le ? "utf-16-le" : "utf-16-be";
  const unitAt = (p: number): number => (le ? d[p] | (d[p + 1] << 8) : (d[p] << 8) | d[p + 1]);
  const out = new StrOut();
  const n = d.length;
  while (q < n) {
    if (n - q < 2) {
      if (!final) break;
      q = decodeFail(out, errors, enc, d, q, n, "truncated data");
      continue;
    }
    const ch = unitAt(q);
    if (ch < 0xd800 || ch > 0xdfff) {
      out.unit(ch);
      q += 2;
      continue;
    }
    if (ch >= 0xdc00) {
      q = decodeFail(out, errors, enc, d, q, q + 2, "illegal encoding");
      continue;
    }
    if (n - q < 4) {
      if (!final) break;
      q = decodeFail(out, errors, enc, d, q, n, "unexpected end of data");
      continue;
    }
    const ch2 = unitAt(q + 2);
    if (ch2 < 0xdc00 || ch2 > 0xdfff) {
      q = decodeFail(out, errors, enc, d, q, q + 2, "illegal UTF-16 surrogate");
      continue;
    }
    out.unit(ch);
    out.unit(ch2);
    q += 4;
  }
  return [out.result(), q, bo];
}

export function utf32Decode(d: Uint8Array, errors: string, byteorder: number, final: boolean): [string, number, number] {
  let bo = byteorder;
  let q = 0;
  if (bo === 0 && d.length >= 4) {
    if (d[0] === 0xff && d[1] === 0xfe && d[2] === 0 && d[3] === 0) {
      bo = -1;
      q = 4;
    } else if (d[0] === 0 && d[1] === 0 && d[2] === 0xfe && d[3] === 0xff) {
      bo = 1;
      q = 4;
    }
  }
  const le = bo <= 0;
  const enc = le ? "utf-32-le" : "utf-32-be";
  const out = new StrOut();
  const n = d.length;
  while (q < n) {
    if (n - q < 4) {
      if (!final) break;
      q = decodeFail(out, errors, enc, d, q, n, "truncated data");
      continue;
    }
    const ch = le ? (d[q] | (d[q + 1] << 8) | (d[q + 2] << 16)) + d[q + 3] * 0x1000000 : d[q] * 0x1000000 + ((d[q + 1] << 16) | (d[q + 2] << 8) | d[q + 3]);
    if (ch > 0x10ffff) q = decodeFail(out, errors, enc, d, q, q + 4, "code point not in range(0x110000)");
    else if (isSurrogate(ch)) q = decodeFail(out, errors, enc, d, q, q + 4, "code point in surrogate code point range(0xd800, 0xe000)");
    else {
      out.cp(ch);
      q += 4;
    }
  }
  return [out.result(), q, bo];
}

/** UTF-16/32 encoder: width 2 or 4; byteorder 0 writes a BOM then native (little-endian) order. */
export function utfWideEncode(s: string, errors: string, byteorder: number, width: 2 | 4): Uint8Array {
  const le = byteorder <= 0;
  const enc = `utf-${width * 8}${byteorder === 0 ? "" : le ? "-le" : "-be"}`;
  const out = new ByteOut();
  const putUnit = (u: number): void => {
    if (width === 2) out.pushAll(le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]);
    else if (le) out.pushAll([u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff, 0]);
    else out.pushAll([0, (u >> 16) & 0xff, (u >> 8) & 0xff, u & 0xff]);
  };
  const put = (c: number): void => {
    if (width === 2 && c > 0xffff) {
      putUnit(0xd800 + ((c - 0x10000) >> 10));
      putUnit(0xdc00 + ((c - 0x10000) & 0x3ff));
    } else putUnit(c);
  };
  if (byteorder === 0) putUnit(0xfeff);
  const cps = toCodePoints(s);
  let i = 0;
  while (i < cps.length) {
    const c = cps[i];
    if (!isSurrogate(c)) {
      put(c);
      i++;
      continue;
    }
    // UTF-16/32 report one character at a time; a bytes replacement must be whole code units.
    const mk = (): PyBaseException => makeEncodeError(enc, s, i, i + 1, "surrogates not allowed");
    const r = encodeRunHandler(errors, enc, s, cps, i, i + 1, "surrogates not allowed");
    if (typeof r.repl !== "string" && r.repl.length % width !== 0) throw mk();
    encodeReplacement(out, r.repl, (x) => x < 0x80, put, mk);
    i = r.newpos;
  }
  return out.result();
}

// ---- charmap ----------------------------------------------------------------------------------------------------

function isLookupError(e: unknown): boolean {
  return e instanceof PyBaseException && isinstance(e, LookupErrorType);
}

export function charmapDecode(d: Uint8Array, errors: string, mapping: PyObject): string {
  if (mapping === None) return charLimitDecode(d, errors, 0x100);
  const out = new StrOut();
  const table = isStr(mapping) ? toCodePoints(strValue(mapping)) : null;
  let i = 0;
  while (i < d.length) {
    const b = d[i];
    let ok = false;
    if (table !== null) {
      if (b < table.length && table[b] !== 0xfffe) {
        out.cp(table[b]);
        ok = true;
      }
    } else {
      let v: PyObject | undefined;
      try {
        v = ops.getItem(mapping, b);
      } catch (e) {
        if (!isLookupError(e)) throw e;
      }
      if (v !== undefined && v !== None) {
        if (isInt(v)) {
          const c = intValue(v);
          if (c < 0 || c > 0x10ffff) throw typeError("character mapping must be in range(0x110000)");
          out.cp(Number(c));
          ok = true;
        } else if (isStr(v)) {
          const t = strValue(v);
          if (t !== "\ufffe") {
            out.str(t);
            ok = true;
          }
        } else throw typeError("character mapping must return integer, None or str");
      }
    }
    if (ok) i++;
    else i = decodeFail(out, errors, "charmap", d, i, i + 1, "character maps to <undefined>");
  }
  return out.result();
}

/** The encoding table charmap_build makes from a decoding table. */
export type EncodingTable = Map<number, number>;

export function charmapEncode(s: string, errors: string, mapping: PyObject, table: EncodingTable | null): Uint8Array {
  if (mapping === None) return charLimitEncode(s, errors, 0x100);
  const out = new ByteOut();
  /** Encodes one code point into `out`; false when it maps to <undefined>. */
  const put = (c: number): boolean => {
    if (table !== null) {
      const b = table.get(c);
      if (b === undefined) return false;
      out.push(b);
      return true;
    }
    let v: PyObject | undefined;
    try {
      v = ops.getItem(mapping, c);
    } catch (e) {
      if (!isLookupError(e)) throw e;
      return false;
    }
    if (v === None) return false;
    if (isInt(v)) {
      const b = intValue(v);
      if (b < 0 || b > 255) throw typeError("character mapping must be in range(256)");
      out.push(Number(b));
      return true;
    }
    if (v instanceof PyBytes) {
      out.pushAll(v.data);
      return true;
    }
    throw typeError(`character mapping must return integer, bytes or None, not ${typeOf(v).name}`);
  };
  const cps = toCodePoints(s);
  let i = 0;
  while (i < cps.length) {
    if (put(cps[i])) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    // The failing run: CPython extends it over following characters that do not map either (probing a copy).
    while (j < cps.length) {
      const saved = out.n;
      const ok = put(cps[j]);
      out.n = saved;
      if (ok) break;
      j++;
    }
    const mk = (): PyBaseException => makeEncodeError("charmap", s, start, j, "character maps to <undefined>");
    const r = encodeRunHandler(errors, "charmap", s, cps, start, j, "character maps to <undefined>");
    if (typeof r.repl !== "string") out.pushAll(r.repl);
    else for (const c of toCodePoints(r.repl)) if (!put(c)) throw mk();
    i = r.newpos;
  }
  return out.result();
}

export function charmapBuild(map: string): EncodingTable {
  const cps = toCodePoints(map);
  const t: EncodingTable = new Map();
  for (let i = 0; i < cps.length; i++) if (cps[i] !== 0xfffe) t.set(cps[i], i);
  return t;
}

// ---- unicode_escape / raw_unicode_escape ------------------------------------------------------------------------

const hexVal = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);

export function unicodeEscapeDecode(d: Uint8Array, errors: string, final: boolean): DecodeResult {
  const out = new StrOut();
  const n = d.length;
  let s = 0;
  const SIMPLE: Record<number, number> = { 92: 92, 39: 39, 34: 34, 98: 8, 102: 12, 116: 9, 110: 10, 114: 13, 118: 11, 97: 7 };
  while (s < n) {
    const c = d[s];
    if (c !== 92) {
      out.unit(c);
      s++;
      continue;
    }
    const startinpos = s;
    s++;
    let message = "\\ at end of string";
    let incomplete = false;
    let failed = true;
    if (s >= n) incomplete = true;
    else {
      const e = d[s++];
      if (e === 10) failed = false;
      else if (SIMPLE[e] !== undefined) {
        out.unit(SIMPLE[e]);
        failed = false;
      } else if (e >= 48 && e <= 55) {
        let v = e - 48;
        for (let k = 0; k < 2 && s < n && d[s] >= 48 && d[s] <= 55; k++) v = v * 8 + (d[s++] - 48);
        out.unit(v);
        failed = false;
      } else if (e === 120 || e === 117 || e === 85) {
        let count = e === 120 ? 2 : e === 117 ? 4 : 8;
        message = e === 120 ? "truncated \\xXX escape" : e === 117 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        let ch = 0;
        for (; count; s++, count--) {
          if (s >= n) {
            incomplete = true;
            break;
          }
          const h = hexVal(d[s]);
          if (h < 0) break;
          ch = ch * 16 + h;
        }
        if (!incomplete && count === 0) {
          if (ch > 0x10ffff) message = "illegal Unicode character";
          else {
            out.cp(ch);
            failed = false;
          }
        }
      } else if (e === 78) {
        message = "malformed \\N character escape";
        if (s >= n) incomplete = true;
        else if (d[s] === 123) {
          const start = ++s;
          while (s < n && d[s] !== 125) s++;
          if (s >= n) incomplete = true;
          else if (s > start) {
            const name = Buffer.from(d.subarray(start, s)).toString("latin1");
            s++;
            const cp = lookupCodePoint(name);
            if (cp !== null) {
              out.cp(cp);
              failed = false;
            } else message = "unknown Unicode character name";
          }
        }
      } else {
        // Unknown escapes are kept as they are (CPython also warns with DeprecationWarning).
        out.unit(92);
        s--;
        failed = false;
      }
    }
    if (!failed) continue;
    if (incomplete && !final) return [out.result(), startinpos];
    s = decodeFail(out, errors, "unicodeescape", d, startinpos, s, message);
  }
  return [out.result(), s];
}

export function rawUnicodeEscapeDecode(d: Uint8Array, errors: string, final: boolean): DecodeResult {
  const out = new StrOut();
  const n = d.length;
  let s = 0;
  while (s < n) {
    let c = d[s++];
    if (c !== 92 || (s >= n && final)) {
      out.unit(c);
      continue;
    }
    const startinpos = s - 1;
    if (s >= n) return [out.result(), startinpos];
    c = d[s++];
    if (c !== 117 && c !== 85) {
      out.unit(92);
      out.unit(c);
      continue;
    }
    let count = c === 117 ? 4 : 8;
    let message = c === 117 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
    let ch = 0;
    let incomplete = false;
    for (; count; s++, count--) {
      if (s >= n) {
        incomplete = true;
        break;
      }
      const h = hexVal(d[s]);
      if (h < 0) break;
      ch = ch * 16 + h;
    }
    if (!incomplete && count === 0) {
      if (ch <= 0x10ffff) {
        out.cp(ch);
        continue;
      }
      message = "\\Uxxxxxxxx out of range";
    }
    if (incomplete && !final) return [out.result(), startinpos];
    s = decodeFail(out, errors, "rawunicodeescape", d, startinpos, s, message);
  }
  return [out.result(), s];
}

const hex2 = (c: number): string => c.toString(16).padStart(2, "0");

export function unicodeEscapeEncode(s: string): Uint8Array {
  const out = new ByteOut();
  for (const c of toCodePoints(s)) {
    if (c >= 0x10000) out.pushAscii("\\U" + c.toString(16).padStart(8, "0"));
    else if (c >= 0x100) out.pushAscii("\\u" + c.toString(16).padStart(4, "0"));
    else if (c === 92) out.pushAscii("\\\\");
    else if (c === 9) out.pushAscii("\\t");
    else if (c === 10) out.pushAscii("\\n");
    else if (c === 13) out.pushAscii("\\r");
    else if (c < 0x20 || c >= 0x7f) out.pushAscii("\\x" + hex2(c));
    else out.push(c);
  }
  return out.result();
}

export function rawUnicodeEscapeEncode(s: string): Uint8Array {
  const out = new ByteOut();
  for (const c of toCodePoints(s)) {
    if (c >= 0x10000) out.pushAscii("\\U" + c.toString(16).padStart(8, "0"));
    else if (c >= 0x100) out.pushAscii("\\u" + c.toString(16).padStart(4, "0"));
    else out.push(c);
  }
  return out.result();
}

// ---- escape_encode / escape_decode (bytes <-> bytes, the bytes-literal escapes) --------------------------------

export function escapeEncode(d: Uint8Array): Uint8Array {
  const out = new ByteOut();
  for (const c of d) {
    if (c === 39 || c === 92) out.pushAll([92, c]);
    else if (c === 9) out.pushAscii("\\t");
    else if (c === 10) out.pushAscii("\\n");
    else if (c === 13) out.pushAscii("\\r");
    else if (c < 0x20 || c >= 0x7f) out.pushAscii("\\x" + hex2(c));
    else out.push(c);
  }
  return out.result();
}

export function escapeDecode(d: Uint8Array, errors: string | null): Uint8Array {
  const out = new ByteOut();
  const n = d.length;
  const SIMPLE: Record<number, number> = { 92: 92, 39: 39, 34: 34, 98: 8, 102: 12, 116: 9, 110: 10, 114: 13, 118: 11, 97: 7 };
  let s = 0;
  while (s < n) {
    if (d[s] !== 92) {
      out.push(d[s++]);
      continue;
    }
    s++;
    if (s === n) throw valueError("Trailing \\ in string");
    const c = d[s++];
    if (c === 10) continue;
    if (SIMPLE[c] !== undefined) {
      out.push(SIMPLE[c]);
      continue;
    }
    if (c >= 48 && c <= 55) {
      let v = c - 48;
      for (let k = 0; k < 2 && s < n && d[s] >= 48 && d[s] <= 55; k++) v = v * 8 + (d[s++] - 48);
      out.push(v & 0xff);
      continue;
    }
    if (c === 120) {
      if (s + 1 < n) {
        const h1 = hexVal(d[s]);
        const h2 = hexVal(d[s + 1]);
        if (h1 >= 0 && h2 >= 0) {
          out.push(h1 * 16 + h2);
          s += 2;
          continue;
        }
      }
      if (errors === null || errors === "strict") throw valueError(`invalid \\x escape at position ${s - 2}`);
      if (errors === "replace") out.push(63);
      else if (errors !== "ignore") throw valueError(`decoding error; unknown error handling code: ${errors}`);
      if (s < n && hexVal(d[s]) >= 0) s++;
      continue;
    }
    out.push(92);
    s--;
  }
  return out.result();
}

// ---- UTF-7 (RFC 2152, CPython's choices: optional-direct characters direct, whitespace direct) --------------------

const B64CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const isB64 = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
const fromB64 = (c: number): number => B64CHARS.indexOf(String.fromCharCode(c));
/** Characters written as themselves: printable ASCII except '+', '\\', '~', plus space, tab, CR, LF. */
const encodeDirect = (c: number): boolean => (c >= 32 && c < 127 && c !== 43 && c !== 92 && c !== 126) || c === 9 || c === 10 || c === 13;

export function utf7Encode(s: string): Uint8Array {
  const out = new ByteOut();
  let inShift = false;
  let bits = 0;
  let buf = 0;
  const emit = (): void => {
    while (bits >= 6) {
      out.push(B64CHARS.charCodeAt((buf >> (bits - 6)) & 0x3f));
      bits -= 6;
    }
    buf &= (1 << bits) - 1;
  };
  const encodeChar = (ch: number): void => {
    if (ch >= 0x10000) {
      buf = (buf << 16) | (0xd800 + ((ch - 0x10000) >> 10));
      bits += 16;
      emit();
      ch = 0xdc00 + ((ch - 0x10000) & 0x3ff);
    }
    buf = (buf << 16) | ch;
    bits += 16;
    emit();
  };
  for (const ch of toCodePoints(s)) {
    if (inShift) {
      if (encodeDirect(ch)) {
        if (bits) {
          out.push(B64CHARS.charCodeAt((buf << (6 - bits)) & 0x3f));
          buf = 0;
          bits = 0;
        }
        inShift = false;
        // Only base64 characters and '-' itself need the explicit '-' terminator.
        if (isB64(ch) || ch === 45) out.push(45);
        out.push(ch);
      } else encodeChar(ch);
    } else if (ch === 43) out.pushAll([43, 45]);
    else if (encodeDirect(ch)) out.push(ch);
    else {
      out.push(43);
      inShift = true;
      encodeChar(ch);
    }
  }
  if (bits) out.push(B64CHARS.charCodeAt((buf << (6 - bits)) & 0x3f));
  if (inShift) out.push(45);
  return out.result();
}

export function utf7Decode(d: Uint8Array, errors: string, final: boolean): DecodeResult {
  const out = new StrOut();
  const n = d.length;
  let s = 0;
  let inShift = false;
  let bits = 0;
  let buf = 0;
  let surrogate = 0;
  let startinpos = 0;
  let shiftOutParts = 0;
  const fail = (start: number, end: number, msg: string): void => {
    s = decodeFail(out, errors, "utf7", d, start, end, msg);
  };
  while (s < n) {
    const ch = d[s];
    if (inShift) {
      if (isB64(ch)) {
        buf = (buf << 6) | fromB64(ch);
        bits += 6;
        s++;
        if (bits >= 16) {
          const outCh = (buf >> (bits - 16)) & 0xffff;
          bits -= 16;
          buf &= (1 << bits) - 1;
          if (surrogate) {
            if (outCh >= 0xdc00 && outCh <= 0xdfff) {
              out.unit(surrogate);
              out.unit(outCh);
              surrogate = 0;
              continue;
            }
            out.unit(surrogate);
            surrogate = 0;
          }
          if (outCh >= 0xd800 && outCh <= 0xdbff) surrogate = outCh;
          else out.unit(outCh);
        }
        continue;
      }
      inShift = false;
      if (bits > 0) {
        if (bits >= 6) {
          s++;
          fail(startinpos, s, "partial character in shift sequence");
          continue;
        }
        if (buf !== 0) {
          s++;
          fail(startinpos, s, "non-zero padding bits in shift sequence");
          continue;
        }
      }
      if (surrogate && ch <= 127 && ch !== 43) out.unit(surrogate);
      surrogate = 0;
      if (ch === 45) s++;
    } else if (ch === 43) {
      startinpos = s;
      s++;
      if (s < n && d[s] === 45) {
        s++;
        out.unit(43);
      } else if (s < n && !isB64(d[s])) {
        s++;
        fail(startinpos, s, "ill-formed sequence");
      } else {
        inShift = true;
        surrogate = 0;
        bits = 0;
        buf = 0;
        out.flush();
        shiftOutParts = out.parts.length;
      }
    } else if (ch <= 127) {
      out.unit(ch);
      s++;
    } else {
      startinpos = s;
      s++;
      fail(startinpos, s, "unexpected special character");
    }
  }
  if (inShift && final) {
    inShift = false;
    if (surrogate || bits >= 6 || (bits > 0 && buf !== 0)) {
      s = decodeFail(out, errors, "utf7", d, startinpos, n, "unterminated shift sequence");
    }
  }
  if (inShift && !final) {
    // An open shift sequence is not consumed: its output is dropped and decoded again with the next input.
    out.flush();
    out.parts.length = shiftOutParts;
    return [out.result(), startinpos];
  }
  return [out.result(), s];
}
