// float(str) and int(str, base) parsing with CPython's exact acceptance rules (whitespace, underscores, Unicode
// digits, prefixes) and errors, including the int_max_str_digits limit on non-power-of-two bases.
import { NumericError, valueError } from "./errors";
import { getIntMaxStrDigits, MAX_STR_DIGITS_THRESHOLD, normInt, PyInt } from "./intStr";
import { pyStrRepr, transformDecimalAndSpaceToAscii, truncatedRepr } from "./unicode";

/** C's isspace in the "C" locale (CPython's Py_ISSPACE). */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** CPython's _Py_string_to_number_with_underscores check: '_' only between two digits. Returns the string without them. */
function stripUnderscores(s: string): string | null {
  let out = "";
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      if (!isDigit(prev)) return null;
    } else {
      if (prev === 0x5f && !isDigit(c)) return null;
      out += s[i];
    }
    prev = c;
  }
  return prev === 0x5f ? null : out;
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** float(s) for a str (or ASCII-decoded bytes): the value, or null when CPython raises "could not convert string to float". */
export function parseFloatLiteral(s: string, fromBytes = false): number | null {
  // bytes (passed latin-1 decoded, fromBytes) are parsed as-is: no Unicode digits or spaces, like PyFloat_FromString.
  let t = fromBytes ? s : transformDecimalAndSpaceToAscii(s);
  if (t.includes("\0")) return null;
  if (t.includes("_")) {
    const u = stripUnderscores(t);
    if (u === null) return null;
    t = u;
  }
  let start = 0;
  let end = t.length;
  while (start < end && isAsciiSpace(t.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(t.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  const body = start === 0 && end === t.length ? t : t.slice(start, end);
  if (DECIMAL_FLOAT.test(body)) return Number(body);
  const m = SPECIAL_FLOAT.exec(body);
  if (m === null) return null;
  const v = m[2].toLowerCase() === "nan" ? NaN : Infinity;
  return m[1] === "-" ? -v : v;
}

/** The ValueError float(s) raises for an unparsable string. */
export function floatParseError(s: string): NumericError {
  return valueError(`could not convert string to float: ${pyStrRepr(s)}`);
}

/** Value of an ASCII digit/letter in bases up to 36, or 99. */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 99;
}

function invalidLiteral(base: number, original: string): NumericError {
  return valueError(`invalid literal for int() with base ${base}: ${truncatedRepr(original)}`);
}

/** The ValueError for too many digits when converting str -> int. */
function toIntLimitError(limit: number, digits: number): NumericError {
  return valueError(
    `Exceeds the limit (${limit} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/**
 * int(s, base) for a str: base 0 (auto from prefix) or 2..36. Throws NumericError("ValueError", CPython's message)
 * for bad literals, bases and the int_max_str_digits limit.
 */
export function parseIntLiteral(s: string, base = 10): PyInt {
  if ((base !== 0 && base < 2) || base > 36) throw valueError("int() base must be >= 2 and <= 36, or 0");
  const fast = fastDecimal(s, base);
  if (fast !== null) return fast;
  const t = transformDecimalAndSpaceToAscii(s);
  const r = parseAsciiInt(t, base);
  if (r === null) throw invalidLiteral(base, s);
  return r;
}

/**
 * int(b, base) for bytes/bytearray (passed latin-1 decoded): no Unicode transformation, and the error message shows
 * `reprText` (the VM's repr of the bytes object, e.g. "b'12x'") as CPython's _PyLong_FromBytes does.
 */
export function parseIntBytes(latin1: string, base: number, reprText: string): PyInt {
  if ((base !== 0 && base < 2) || base > 36) throw valueError("int() base must be >= 2 and <= 36, or 0");
  const fast = fastDecimal(latin1, base);
  if (fast !== null) return fast;
  const r = parseAsciiInt(latin1, base);
  if (r === null) throw valueError(`invalid literal for int() with base ${base}: ${Array.from(reprText).slice(0, 200).join("")}`);
  return r;
}

/** Short plain decimal strings (optionally signed) parse directly. */
function fastDecimal(s: string, base: number): number | null {
  if ((base !== 10 && base !== 0) || s.length === 0 || s.length > 15) return null;
  let i = s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b ? 1 : 0;
  if (i === s.length) return null;
  if (base === 0 && s.charCodeAt(i) === 0x30 && s.length > i + 1) return null;
  for (; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return null;
  const v = Number(s);
  return v === 0 ? 0 : v;
}

/** CPython's PyLong_FromString on an ASCII-transformed string; null means "invalid literal". */
function parseAsciiInt(t: string, baseArg: number): PyInt | null {
  let base = baseArg;
  let i = 0;
  const n = t.length;
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  let negative = false;
  if (t[i] === "+") i++;
  else if (t[i] === "-") {
    negative = true;
    i++;
  }
  let errorIfNonzero = false;
  const c1 = (t[i + 1] ?? "").toLowerCase();
  if (base === 0) {
    if (t[i] !== "0") base = 10;
    else if (c1 === "x") base = 16;
    else if (c1 === "o") base = 8;
    else if (c1 === "b") base = 2;
    else {
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (t[i] === "0" && ((base === 16 && c1 === "x") || (base === 8 && c1 === "o") || (base === 2 && c1 === "b"))) {
    i += 2;
    if (t[i] === "_") i++;
  }
  if (t[i] === "_") return null;
  // Scan digits with single underscores between them.
  let digits = "";
  let prevUnderscore = false;
  const start = i;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5f) {
      if (prevUnderscore) return null;
      prevUnderscore = true;
      continue;
    }
    if (digitValue(c) >= base) break;
    prevUnderscore = false;
    digits += t[i];
  }
  if (prevUnderscore || i === start) return null;
  if ((base & (base - 1)) !== 0 && digits.length > MAX_STR_DIGITS_THRESHOLD) {
    const limit = getIntMaxStrDigits();
    if (limit > 0 && digits.length > limit) throw toIntLimitError(limit, digits.length);
  }
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  if (i !== n) return null;
  const value = digitsToBigInt(digits, base);
  if (errorIfNonzero && value !== 0n) return null;
  return normInt(negative ? -value : value);
}

/** Converts validated digits in `base` to a bigint (V8 parses bases 2/8/10/16 natively in subquadratic time). */
function digitsToBigInt(digits: string, base: number): bigint {
  switch (base) {
    case 10: return BigInt(digits);
    case 16: return BigInt("0x" + digits);
    case 8: return BigInt("0o" + digits);
    case 2: return BigInt("0b" + digits);
  }
  return otherBaseToBigInt(digits, base);
}

/** Divide and conquer conversion for the other bases (halves the digit string, combines with base**k). */
function otherBaseToBigInt(digits: string, base: number): bigint {
  if (digits.length <= 10) return BigInt(parseInt(digits, base));
  const half = digits.length >> 1;
  const lowLen = digits.length - half;
  return otherBaseToBigInt(digits.slice(0, half), base) * BigInt(base) ** BigInt(lowLen) + otherBaseToBigInt(digits.slice(half), base);
}
