// The `binascii` native module: hex, base64 and uuencode conversions, crc32 and crc_hqx, with CPython's errors.
import { PyObject, PyBytes, PyTuple, PyDict, PyType, TypeType, ValueErrorType, ExceptionType, newException, typeError, isStr, strValue, typeOf, valueError } from "../core";
import { arity, makeModule, parseArgs } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { bytesArg } from "../objects/bytes";

/** A module-level exception class, as PyErr_NewException makes it. */
export function newExceptionClass(module: string, name: string, bases: PyType[]): PyType {
  const ns = new PyDict();
  ns.setStr("__module__", module);
  return ops.call(TypeType, [name, new PyTuple(bases), ns]) as PyType;
}

const ErrorType = newExceptionClass("binascii", "Error", [ValueErrorType]);
const IncompleteType = newExceptionClass("binascii", "Incomplete", [ExceptionType]);
const binErr = (msg: string): ReturnType<typeof newException> => newException(ErrorType, msg);

/** Arguments of the a2b_* functions: bytes-like or an ASCII-only str. */
function asciiArg(x: PyObject): Uint8Array {
  if (isStr(x)) {
    const s = strValue(x);
    if (/[^\x00-\x7f]/.test(s)) throw valueError("string argument should contain only ASCII characters");
    return new Uint8Array(Buffer.from(s, "latin1"));
  }
  try {
    return bytesArg(x);
  } catch {
    throw typeError(`argument should be bytes, buffer or ASCII string, not '${typeOf(x).name}'`);
  }
}
function binArg(x: PyObject): Uint8Array {
  try {
    return bytesArg(x);
  } catch {
    throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
  }
}

// ---- CRCs ---------------------------------------------------------------------------------------------------------

const CRC32_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
/** zlib's CRC-32 continuing from `crc` (an unsigned 32-bit value). */
export function crc32(d: Uint8Array, crc: number): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < d.length; i++) c = CRC32_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
/** The starting value argument of crc32/adler32: any int, reduced modulo 2**32 (as C's unsigned int conversion). */
export function u32Arg(x: PyObject): number {
  const v = ops.index(x);
  return Number(BigInt.asUintN(32, BigInt(v)));
}
function crcHqx(d: Uint8Array, crc: number): number {
  let c = crc & 0xffff;
  for (let i = 0; i < d.length; i++) {
    c ^= d[i] << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  }
  return c;
}

// ---- hex ------------------------------------------------------------------------------------------------------------

function hexlify(args: PyObject[], kw: readonly string[] | null, name: string): PyObject {
  const [data, sep, per] = parseArgs(name, args, kw, ["data", "sep", "bytes_per_sep"], 1, 1);
  const d = binArg(data!);
  const hexArgs: PyObject[] = [];
  if (sep !== undefined) hexArgs.push(sep, per ?? 1);
  const h = ops.callMethod(new PyBytes(d), "hex", hexArgs);
  return new PyBytes(new Uint8Array(Buffer.from(ops.pyStr(h), "latin1")));
}
function unhexlify(args: PyObject[], kw: readonly string[] | null, name: string): PyObject {
  const [data] = parseArgs(name, args, kw, ["hexstr"], 1, 1);
  const d = asciiArg(data!);
  if (d.length % 2) throw binErr("Odd-length string");
  const out = new Uint8Array(d.length / 2);
  for (let i = 0; i < d.length; i += 2) {
    const hi = hexDigit(d[i]);
    const lo = hexDigit(d[i + 1]);
    if (hi < 0 || lo < 0) throw binErr("Non-hexadecimal digit found");
    out[i / 2] = hi * 16 + lo;
  }
  return new PyBytes(out);
}
const hexDigit = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);

// ---- base64 ---------------------------------------------------------------------------------------------------------

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** CPython's a2b_base64: non-alphabet characters are skipped unless strict_mode; padding ends the data. */
export function a2bBase64(d: Uint8Array, strict: boolean): Uint8Array {
  const out: number[] = [];
  let quad = 0;
  let left = 0;
  let pads = 0;
  let paddingStarted = false;
  if (strict && d.length > 0 && d[0] === 61) throw binErr("Leading padding not allowed");
  for (let i = 0; i < d.length; i++) {
    const c = d[i];
    if (c === 61) {
      paddingStarted = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < d.length) throw binErr("Excess data after padding");
        return Uint8Array.from(out);
      }
      continue;
    }
    const v = B64_INDEX[c];
    if (v < 0) {
      if (strict) throw binErr("Only base64 data is allowed");
      continue;
    }
    if (strict && paddingStarted) throw binErr("Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
      case 0:
        quad = 1;
        left = v;
        break;
      case 1:
        quad = 2;
        out.push((left << 2) | (v >> 4));
        left = v & 0x0f;
        break;
      case 2:
        quad = 3;
        out.push(((left << 4) | (v >> 2)) & 0xff);
        left = v & 0x03;
        break;
      default:
        quad = 0;
        out.push(((left << 6) | v) & 0xff);
        left = 0;
    }
  }
  if (quad === 1) {
    const n = Math.floor(out.length / 3) * 4 + 1;
    throw binErr(`Invalid base64-encoded string: number of data characters (${n}) cannot be 1 more than a multiple of 4`);
  }
  if (quad !== 0) throw binErr("Incorrect padding");
  return Uint8Array.from(out);
}

export function b2aBase64(d: Uint8Array, newline: boolean): Uint8Array {
  const s = Buffer.from(d).toString("base64") + (newline ? "\n" : "");
  return new Uint8Array(Buffer.from(s, "latin1"));
}

// ---- uuencode -------------------------------------------------------------------------------------------------------

function a2bUu(d: Uint8Array): Uint8Array {
  let p = 0;
  let n = d.length;
  // An empty line reads as the C string's NUL terminator: length (0 - 32) & 63 = 32.
  let binLen = ((n > 0 ? d[p++] : 0) - 32) & 0o77;
  n = Math.max(0, n - 1);
  const out = new Uint8Array(binLen);
  let o = 0;
  let left = 0;
  let bits = 0;
  for (; binLen > 0; n--, p++) {
    let c: number;
    if (n <= 0) c = 0;
    else {
      c = d[p];
      if (c === 10 || c === 13) c = 0;
      else {
        if (c < 32 || c > 32 + 64) throw binErr("Illegal char");
        c = (c - 32) & 0o77;
      }
    }
    left = (left << 6) | c;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (left >> bits) & 0xff;
      left &= (1 << bits) - 1;
      binLen--;
    }
  }
  for (; n > 0; n--, p++) {
    const c = d[p];
    if (c !== 32 && c !== 32 + 64 && c !== 10 && c !== 13) throw binErr("Trailing garbage");
  }
  return out;
}

function b2aUu(d: Uint8Array, backtick: boolean): Uint8Array {
  if (d.length > 45) throw binErr("At most 45 bytes at once");
  const out: number[] = [];
  const enc = (v: number): number => (backtick && v === 0 ? 96 : 32 + v);
  out.push(enc(d.length & 0o77));
  for (let i = 0; i < d.length; i += 3) {
    const b0 = d[i];
    const b1 = i + 1 < d.length ? d[i + 1] : 0;
    const b2 = i + 2 < d.length ? d[i + 2] : 0;
    out.push(enc(b0 >> 2), enc(((b0 << 4) | (b1 >> 4)) & 0o77), enc(((b1 << 2) | (b2 >> 6)) & 0o77), enc(b2 & 0o77));
  }
  out.push(10);
  return Uint8Array.from(out);
}

// ---- quoted-printable ---------------------------------------------------------------------------------------------

function a2bQp(d: Uint8Array, header: boolean): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < d.length) {
    if (d[i] === 61) {
      i++;
      if (i >= d.length) break;
      if (d[i] === 10 || d[i] === 13) {
        // soft line break
        if (d[i] !== 10) while (i < d.length && d[i] !== 10) i++;
        if (i < d.length) i++;
      } else if (d[i] === 61) {
        out.push(61);
        i++;
      } else if (i + 1 < d.length && hexDigit(d[i]) >= 0 && hexDigit(d[i + 1]) >= 0) {
        out.push(hexDigit(d[i]) * 16 + hexDigit(d[i + 1]));
        i += 2;
      } else out.push(61);
    } else if (header && d[i] === 95) {
      out.push(32);
      i++;
    } else out.push(d[i++]);
  }
  return Uint8Array.from(out);
}

/** CPython's b2a_qp: 76-column lines with soft breaks, CRLF kept when the data uses it. */
function b2aQp(d: Uint8Array, quotetabs: boolean, istext: boolean, header: boolean): Uint8Array {
  const MAX = 76;
  const nl = d.indexOf(10);
  const crlf = nl > 0 && d[nl - 1] === 13;
  const out: number[] = [];
  const hex = (c: number): void => void out.push(..."0123456789ABCDEF"[c >> 4].split("").map((x) => x.charCodeAt(0)), "0123456789ABCDEF".charCodeAt(c & 15));
  const softBreak = (): void => {
    out.push(61);
    if (crlf) out.push(13);
    out.push(10);
  };
  let i = 0;
  let linelen = 0;
  const n = d.length;
  while (i < n) {
    const c = d[i];
    const encode =
      c > 126 ||
      c === 61 ||
      (header && c === 95) ||
      (c === 46 && linelen === 0 && (i + 1 === n || d[i + 1] === 10 || d[i + 1] === 13 || d[i + 1] === 0)) ||
      (!istext && (c === 13 || c === 10)) ||
      ((c === 9 || c === 32) && i + 1 === n) ||
      (c < 33 && c !== 13 && c !== 10 && (quotetabs || (c !== 9 && c !== 32)));
    if (encode) {
      if (linelen + 3 >= MAX) {
        softBreak();
        linelen = 0;
      }
      out.push(61);
      hex(c);
      i++;
      linelen += 3;
    } else if (istext && (c === 10 || (i + 1 < n && c === 13 && d[i + 1] === 10))) {
      linelen = 0;
      // Protect whitespace at the end of a line.
      const last = out.length ? out[out.length - 1] : -1;
      if (last === 32 || last === 9) {
        out[out.length - 1] = 61;
        hex(last);
      }
      if (crlf) out.push(13);
      out.push(10);
      i += c === 13 ? 2 : 1;
    } else {
      if (i + 1 !== n && d[i + 1] !== 10 && linelen + 1 >= MAX) {
        softBreak();
        linelen = 0;
      }
      linelen++;
      if (header && c === 32) {
        out.push(95);
        i++;
      } else out.push(d[i++]);
    }
  }
  return Uint8Array.from(out);
}

registerNativeModule("binascii", () =>
  makeModule("binascii", {
    Error: ErrorType,
    Incomplete: IncompleteType,
    hexlify: (a, kw) => hexlify(a, kw, "hexlify"),
    b2a_hex: (a, kw) => hexlify(a, kw, "b2a_hex"),
    unhexlify: (a, kw) => unhexlify(a, kw, "unhexlify"),
    a2b_hex: (a, kw) => unhexlify(a, kw, "a2b_hex"),
    a2b_base64: (a, kw) => {
      const [data, strict] = parseArgs("a2b_base64", a, kw, ["data", "strict_mode"], 1, 1, 1);
      return new PyBytes(a2bBase64(asciiArg(data!), strict !== undefined && ops.truthy(strict)));
    },
    b2a_base64: (a, kw) => {
      const [data, newline] = parseArgs("b2a_base64", a, kw, ["data", "newline"], 1, 1, 1);
      return new PyBytes(b2aBase64(binArg(data!), newline === undefined || ops.truthy(newline)));
    },
    a2b_uu: (a, kw) => {
      const [data] = parseArgs("a2b_uu", a, kw, ["data"], 1, 1);
      return new PyBytes(a2bUu(asciiArg(data!)));
    },
    b2a_uu: (a, kw) => {
      const [data, backtick] = parseArgs("b2a_uu", a, kw, ["data", "backtick"], 1, 1, 1);
      return new PyBytes(b2aUu(binArg(data!), backtick !== undefined && ops.truthy(backtick)));
    },
    a2b_qp: (a, kw) => {
      const [data, header] = parseArgs("a2b_qp", a, kw, ["data", "header"], 1);
      return new PyBytes(a2bQp(asciiArg(data!), header !== undefined && ops.truthy(header)));
    },
    b2a_qp: (a, kw) => {
      const [data, quotetabs, istext, header] = parseArgs("b2a_qp", a, kw, ["data", "quotetabs", "istext", "header"], 1);
      const flag = (x: PyObject | undefined, d: boolean): boolean => (x === undefined ? d : ops.truthy(x));
      return new PyBytes(b2aQp(binArg(data!), flag(quotetabs, false), flag(istext, true), flag(header, false)));
    },
    crc32: (a, kw) => {
      const [data, crc] = parseArgs("crc32", a, kw, ["data", "crc"], 1, 2);
      return crc32(binArg(data!), crc === undefined ? 0 : u32Arg(crc));
    },
    crc_hqx: (a, kw) => {
      arity("crc_hqx", a, kw, 2);
      return crcHqx(binArg(a[0]), u32Arg(a[1]));
    },
  }),
);

