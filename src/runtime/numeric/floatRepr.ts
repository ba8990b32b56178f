// repr(float) and CPython's PyOS_double_to_string: turning a double into text for the e/f/g/r codes with CPython's rules.
import { NumericError } from "./errors";
import { Digits, fixedDigits, isTieAt, shortestDigits, significantDigits, undoTieRoundUp } from "./digits";

/** Flags of PyOS_double_to_string (same meaning as CPython's Py_DTSF_*). */
export const enum DtsFlags {
  None = 0,
  /** Always emit a sign ('+' for non-negative values). */
  Sign = 1,
  /** Ensure a '.0' on integral results that print without exponent (repr, the '' format type). */
  AddDot0 = 2,
  /** Alternate form ('#'): keep the decimal point and, for 'g', trailing zeros. */
  Alt = 4,
  /** 'z' option: a value that rounds to zero prints without a minus sign. */
  NoNeg0 = 8,
}

/** Conversion codes understood by doubleToString. */
export type DtsCode = "e" | "E" | "f" | "F" | "g" | "G" | "r";

/** repr(x) / str(x) for a Python float. */
export function floatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  // Fast path: small-magnitude values print the same as JS, which also prints shortest round-trip digits.
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e16) {
    const s = String(x);
    return Number.isInteger(x) ? s + ".0" : s;
  }
  return formatDigits(x < 0, shortestDigits(ax), "r", 0, DtsFlags.AddDot0);
}

/** CPython's PyOS_double_to_string(x, code, precision, flags). */
export function doubleToString(x: number, code: DtsCode, precision: number, flags: DtsFlags): string {
  const upper = code === "E" || code === "F" || code === "G";
  if (x !== x || x === Infinity || x === -Infinity) {
    let sign = "";
    if (x === -Infinity) sign = "-";
    else if (flags & DtsFlags.Sign) sign = "+";
    const word = x !== x ? "nan" : "inf";
    return sign + (upper ? word.toUpperCase() : word);
  }
  const neg = x < 0 || Object.is(x, -0);
  const ax = neg ? -x : x;
  if ((code === "f" || code === "F") && ax < 1e21 && precision <= 100) return fixedFast(neg, ax, precision, flags);
  const lc = code.toLowerCase() as "e" | "f" | "g" | "r";
  let digits: Digits;
  let prec = precision;
  switch (lc) {
    case "e":
      prec = precision + 1;
      digits = ax === 0 ? { digits: "0", decpt: 1 } : significantDigits(ax, prec);
      break;
    case "f":
      digits = fixedDigits(ax, precision);
      break;
    case "g":
      if (prec === 0) prec = 1;
      digits = ax === 0 ? { digits: "0", decpt: 1 } : significantDigits(ax, prec);
      break;
    case "r":
      digits = ax === 0 ? { digits: "0", decpt: 1 } : shortestDigits(ax);
      break;
  }
  const s = formatDigits(neg, digits, lc, prec, flags);
  return upper ? s.toUpperCase() : s;
}

/** The 'f' code via V8's exact toFixed, undoing its round-half-up on exact ties (CPython rounds half to even). */
function fixedFast(neg: boolean, ax: number, precision: number, flags: DtsFlags): string {
  let s = ax.toFixed(precision);
  if (isTieAt(ax, precision)) s = undoTieRoundUp(s);
  if (flags & DtsFlags.Alt && precision === 0) s += ".";
  let sign = neg ? "-" : flags & DtsFlags.Sign ? "+" : "";
  if (neg && flags & DtsFlags.NoNeg0 && /^[0.]*$/.test(s)) sign = flags & DtsFlags.Sign ? "+" : "";
  return sign + s;
}

/** CPython's format_float_short layout step: places the digits, the decimal point, padding zeros and the exponent. */
export function formatDigits(neg: boolean, d: Digits, code: "e" | "f" | "g" | "r", precision: number, flags: DtsFlags): string {
  const digits = d.digits;
  const digitsLen = digits.length;
  let decpt = d.decpt;
  const alt = (flags & DtsFlags.Alt) !== 0;
  const addDot0 = (flags & DtsFlags.AddDot0) !== 0;
  if (neg && flags & DtsFlags.NoNeg0 && digits === "0") neg = false;
  let useExp = false;
  let vEnd = digitsLen;
  switch (code) {
    case "e":
      useExp = true;
      vEnd = precision;
      break;
    case "f":
      vEnd = decpt + precision;
      break;
    case "g":
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    case "r":
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  // Output beyond what a JS string can hold is CPython's MemoryError (it would try to allocate it).
  if (vEnd - digitsLen > 0x1fffffe8 || decpt - digitsLen > 0x1fffffe8) throw new NumericError("MemoryError", "");
  let out = neg ? "-" : flags & DtsFlags.Sign ? "+" : "";
  if (decpt <= 0) out += "0." + "0".repeat(-decpt);
  if (0 < decpt && decpt <= digitsLen) out += digits.slice(0, decpt) + "." + digits.slice(decpt);
  else out += digits;
  if (digitsLen < decpt) out += "0".repeat(decpt - digitsLen) + "." + "0".repeat(vEnd - decpt);
  else if (vEnd > digitsLen) out += "0".repeat(vEnd - digitsLen);
  if (out.charCodeAt(out.length - 1) === 46 && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = exp < 0 ? -exp : exp;
    out += (exp < 0 ? "e-" : "e+") + (a < 10 ? "0" + a : String(a));
  }
  return out;
}
