// int <-> decimal string with CPython's int_max_str_digits limit (3.11+), and base-N rendering used by format/repr.
import { valueError } from "./errors";

/** A Python int as the VM holds it: a JS integer number when |n| <= 2**53-1, else a bigint. */
export type PyInt = number | bigint;

/** Default of sys.get_int_max_str_digits() (CPython's _PY_LONG_DEFAULT_MAX_STR_DIGITS). */
export const DEFAULT_MAX_STR_DIGITS = 4300;
/** Smallest nonzero limit CPython accepts (_PY_LONG_MAX_STR_DIGITS_THRESHOLD). */
export const MAX_STR_DIGITS_THRESHOLD = 640;

let maxStrDigits = DEFAULT_MAX_STR_DIGITS;

/** sys.get_int_max_str_digits(). */
export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}

/** sys.set_int_max_str_digits(n): 0 disables the limit; otherwise n must be >= 640. */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < MAX_STR_DIGITS_THRESHOLD) {
    throw valueError(`maxdigits must be 0 or larger than ${MAX_STR_DIGITS_THRESHOLD}`);
  }
  maxStrDigits = n;
}

/** Normalises a bigint result to the VM's representation (number when it is a safe integer). */
export function normInt(n: bigint): PyInt {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

/** Widens a PyInt to bigint. */
export function big(n: PyInt): bigint {
  return typeof n === "bigint" ? n : BigInt(n);
}

function toStrLimitError(): Error {
  return valueError(
    `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/** str(int) / repr(int), enforcing the digit limit like CPython's long_to_decimal_string. */
export function intToDecimalString(n: PyInt): string {
  if (typeof n === "number") return String(n);
  if (maxStrDigits > 0) {
    // Cheap early rejection on the bit length (every b-bit number has more than (b-1)*log10(2) digits).
    const bits = bitLengthBig(n < 0n ? -n : n);
    if ((bits - 1) * 0.30102999566398120 > maxStrDigits + 1) throw toStrLimitError();
  }
  const s = n.toString();
  if (maxStrDigits > 0 && s.length - (n < 0n ? 1 : 0) > maxStrDigits) throw toStrLimitError();
  return s;
}

/** Bit length of a non-negative bigint. */
export function bitLengthBig(n: bigint): number {
  if (n === 0n) return 0;
  // toString(16) is linear time; the leading hex digit gives the exact count.
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** bin()/oct()/hex() text with the 0b/0o/0x prefix after any minus sign (CPython's _PyLong_Format). */
export function intToBaseString(n: PyInt, base: 2 | 8 | 16, alternate = true): string {
  const neg = typeof n === "number" ? n < 0 : n < 0n;
  const body = (neg ? (typeof n === "number" ? -n : -n) : n).toString(base);
  const prefix = alternate ? (base === 2 ? "0b" : base === 8 ? "0o" : "0x") : "";
  return (neg ? "-" : "") + prefix + body;
}
