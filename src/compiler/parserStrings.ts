// String and bytes literal decoding for the parser: prefixes, quotes, escape sequences (\N{...} included) and
// CPython's "(unicode error)" messages for malformed escapes.
import { lookupCodePoint } from "./unicodeNames";

/** A decoded STRING token. Bytes literals carry their bytes as a string of char codes 0..255. */
export interface DecodedString {
  bytes: boolean;
  /** The `u` prefix: recorded as Constant.kind == "u". */
  u: boolean;
  value: string;
}

/** Raised for a malformed escape; the parser turns it into a SyntaxError located at the literal. */
export class EscapeError {
  constructor(readonly msg: string) {}
}

/** Splits a STRING token's text into prefix flags and body, then decodes escapes. */
export function decodeStringToken(text: string, warnings: string[] | null): DecodedString {
  let i = 0;
  let raw = false;
  let bytes = false;
  let u = false;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x72 /* r */) raw = true;
    else if (c === 0x62 /* b */) bytes = true;
    else if (c === 0x75 /* u */) u = true;
    else break;
    i++;
  }
  const q = text.charCodeAt(i);
  const triple = text.length - i >= 6 && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  const qlen = triple ? 3 : 1;
  const body = text.slice(i + qlen, text.length - qlen);
  if (bytes) {
    for (let k = 0; k < body.length; k++) {
      if (body.charCodeAt(k) >= 0x80) throw new EscapeError("bytes can only contain ASCII literal characters");
    }
  }
  const value = raw || body.indexOf("\\") < 0 ? body : decodeEscapes(body, bytes, warnings);
  return { bytes, u, value };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/**
 * Position of string index `idx` as CPython's escape decoder counts it: it decodes a buffer in which every
 * non-ASCII character of the literal was rewritten as a 10-byte "\\UXXXXXXXX" escape.
 */
function bytePos(s: string, idx: number): number {
  let n = 0;
  for (let i = 0; i < idx; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else {
      n += 10;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < idx) i++;
    }
  }
  return n;
}

/**
 * Decodes backslash escapes of a non-raw literal body (also used for f-string literal parts).
 * Invalid escapes are kept verbatim and reported in `warnings` (a DeprecationWarning/SyntaxWarning in 3.12).
 */
export function decodeEscapes(body: string, bytes: boolean, warnings: string[] | null): string {
  let out = "";
  let i = 0;
  const n = body.length;
  let chunk = 0;
  while (i < n) {
    const bs = body.indexOf("\\", i);
    if (bs < 0) break;
    out += body.slice(chunk, bs);
    i = bs + 1;
    if (i >= n) {
      // A lone trailing backslash (only possible in f-string pieces before '{').
      out += "\\";
      chunk = i;
      break;
    }
    const c = body.charCodeAt(i++);
    switch (c) {
      case 0x0a: // backslash-newline: line continuation inside the literal
        break;
      case 0x5c:
        out += "\\";
        break;
      case 0x27:
        out += "'";
        break;
      case 0x22:
        out += '"';
        break;
      case 0x61:
        out += "\x07";
        break;
      case 0x62:
        out += "\b";
        break;
      case 0x66:
        out += "\f";
        break;
      case 0x6e:
        out += "\n";
        break;
      case 0x72:
        out += "\r";
        break;
      case 0x74:
        out += "\t";
        break;
      case 0x76:
        out += "\v";
        break;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37: {
        let v = c - 0x30;
        let k = 1;
        while (k < 3 && i < n && body.charCodeAt(i) >= 0x30 && body.charCodeAt(i) <= 0x37) {
          v = v * 8 + (body.charCodeAt(i) - 0x30);
          i++;
          k++;
        }
        if (v > 0o377) {
          warnings?.push(`invalid octal escape sequence '\\${v.toString(8)}'`);
          if (bytes) v &= 0xff;
        }
        out += String.fromCharCode(v);
        break;
      }
      case 0x78: // \xhh
        out += String.fromCharCode(readHex(body, i, 2, bs, "\\xXX", bytes));
        i += 2;
        break;
      case 0x75: // \uXXXX
      case 0x55: // \UXXXXXXXX
      case 0x4e: {
        // \N{name}
        if (bytes) {
          warnings?.push(`invalid escape sequence '\\${String.fromCharCode(c)}'`);
          out += "\\" + String.fromCharCode(c);
          break;
        }
        if (c === 0x4e) {
          const r = readNamedEscape(body, i, bs);
          out += String.fromCodePoint(r.cp);
          i = r.next;
          break;
        }
        const digits = c === 0x75 ? 4 : 8;
        const cp = readHex(body, i, digits, bs, c === 0x75 ? "\\uXXXX" : "\\UXXXXXXXX", false);
        if (cp > 0x10ffff) throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(body, bs)}-${bytePos(body, i + digits - 1)}: illegal Unicode character`);
        out += String.fromCodePoint(cp);
        i += digits;
        break;
      }
      default:
        warnings?.push(`invalid escape sequence '\\${String.fromCharCode(c)}'`);
        out += "\\" + String.fromCharCode(c);
        // A surrogate pair after the backslash stays whole.
        break;
    }
    chunk = i;
  }
  return out + body.slice(chunk);
}

function readHex(body: string, i: number, count: number, bs: number, what: string, bytes: boolean): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const h = i + k < body.length ? hexValue(body.charCodeAt(i + k)) : -1;
    if (h < 0) {
      const codec = bytes ? "(value error) invalid \\x escape at position " + bytePos(body, bs) : null;
      if (codec !== null) throw new EscapeError(codec);
      throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(body, bs)}-${bytePos(body, i + k) - 1}: truncated ${what} escape`);
    }
    v = v * 16 + h;
  }
  return v;
}

function readNamedEscape(body: string, i: number, bs: number): { cp: number; next: number } {
  const malformed = (): never => {
    throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(body, bs)}-${bytePos(body, body.length) - 1}: malformed \\N character escape`);
  };
  if (body.charCodeAt(i) !== 0x7b) {
    throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(body, bs)}-${bytePos(body, i) - 1}: malformed \\N character escape`);
  }
  const close = body.indexOf("}", i + 1);
  if (close < 0 || close === i + 1) malformed();
  const name = body.slice(i + 1, close);
  const cp = lookupCodePoint(name);
  if (cp === null) {
    throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(body, bs)}-${bytePos(body, close)}: unknown Unicode character name`);
  }
  return { cp, next: close + 1 };
}

/** Converts the char-code string of a bytes literal into bytes. */
export function latin1ToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
