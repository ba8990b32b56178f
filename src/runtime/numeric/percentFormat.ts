// printf-style '%' formatting of numbers (str % args) for the d i u o x X e E f F g G c conversions, following
// CPython's unicode_format_arg_format/_output: precision zero-fill for ints, '#' prefixes, sign and zero padding.
import { DtsCode, DtsFlags, doubleToString } from "./floatRepr";
import { NumericError, overflowError, typeError } from "./errors";
import { floatToInt } from "./floatOps";
import { intToDecimalString, PyInt } from "./intStr";

/** The conversion flags of one %-specifier (CPython's F_LJUST, F_SIGN, F_BLANK, F_ALT, F_ZERO). */
export interface PercentFlags {
  /** '-': left-justify. */
  left: boolean;
  /** '+': always a sign. */
  sign: boolean;
  /** ' ': a space for non-negative numbers. */
  blank: boolean;
  /** '#': alternate form. */
  alt: boolean;
  /** '0': zero padding. */
  zero: boolean;
}

/** Parses a flag string such as "-#0" into PercentFlags. */
export function parsePercentFlags(flags: string): PercentFlags {
  return {
    left: flags.includes("-"), sign: flags.includes("+"), blank: flags.includes(" "), alt: flags.includes("#"),
    zero: flags.includes("0"),
  };
}

/** A %-formatting argument: an int (number|bigint) or a float (a JS number tagged as float). */
export type PercentValue = { kind: "int"; value: PyInt } | { kind: "float"; value: number };

/** CPython's _PyUnicode_FormatLong: digits with precision zero-fill, '#' prefix and X upper-casing. */
function formatLong(n: PyInt, alt: boolean, prec: number, type: string): string {
  const neg = typeof n === "number" ? n < 0 : n < 0n;
  const abs = neg ? (typeof n === "number" ? -n : -n) : n;
  let digits: string;
  let prefix = "";
  switch (type) {
    case "o": digits = abs.toString(8); prefix = "0o"; break;
    case "x": case "X": digits = abs.toString(16); prefix = "0x"; break;
    default: digits = intToDecimalString(abs);
  }
  if (!alt) prefix = "";
  if (prec > 0x1fffffe8) throw new NumericError("MemoryError", "");
  if (prec > digits.length) digits = "0".repeat(prec - digits.length) + digits;
  let s = (neg ? "-" : "") + prefix + digits;
  if (type === "X") s = s.toUpperCase();
  return s;
}

/**
 * Formats one numeric %-conversion. `width`/`precision` are -1 when absent. Throws NumericError with CPython's
 * messages for wrong argument types and out-of-range values.
 */
export function formatPercent(conversion: string, flags: PercentFlags, width: number, precision: number, arg: PercentValue): string {
  let body: string;
  let hasSign = true;
  switch (conversion) {
    case "d": case "i": case "u": case "o": case "x": case "X": {
      let n: PyInt;
      if (arg.kind === "float") {
        if (conversion !== "d" && conversion !== "i" && conversion !== "u") {
          throw typeError(`%${conversion} format: an integer is required, not float`);
        }
        n = floatToInt(arg.value);
      } else n = arg.value;
      body = formatLong(n, flags.alt, precision, conversion);
      break;
    }
    case "e": case "E": case "f": case "F": case "g": case "G": {
      let x: number;
      if (arg.kind === "int") {
        x = Number(arg.value);
        if (!Number.isFinite(x)) throw overflowError("int too large to convert to float");
      } else x = arg.value;
      body = doubleToString(x, conversion as DtsCode, precision < 0 ? 6 : precision, flags.alt ? DtsFlags.Alt : DtsFlags.None);
      break;
    }
    case "c": {
      if (arg.kind === "float") throw typeError("%c requires int or char");
      const n = arg.value;
      if (n < 0 || n > 0x10ffff) throw overflowError("%c arg not in range(0x110000)");
      body = String.fromCodePoint(Number(n));
      hasSign = false;
      break;
    }
    default:
      throw new Error(`formatPercent: not a numeric conversion: '${conversion}'`);
  }
  return padPercent(body, hasSign, conversion, flags, width);
}

/** CPython's unicode_format_arg_output for numbers: sign, '#' prefix and padding placement. */
function padPercent(str: string, hasSign: boolean, ch: string, flags: PercentFlags, widthArg: number): string {
  const fill = hasSign && flags.zero ? "0" : " ";
  // Length in code points: a %c of an astral character is one character wide.
  let len = hasSign ? str.length : Array.from(str).length;
  if ((widthArg === -1 || widthArg <= len) && !(flags.sign || flags.blank)) return str;
  let width = widthArg;
  if (width > 0x1fffffe8) throw new NumericError("MemoryError", "");
  let pos = 0;
  let signChar = "";
  let sign = hasSign;
  if (sign) {
    const c = str[0];
    if (c === "-" || c === "+") {
      signChar = c;
      len--;
      pos++;
    } else if (flags.sign) signChar = "+";
    else if (flags.blank) signChar = " ";
    else sign = false;
  }
  if (width < len) width = len;
  let out = "";
  if (sign) {
    if (fill !== " ") out += signChar;
    if (width > len) width--;
  }
  const prefixed = flags.alt && (ch === "x" || ch === "X" || ch === "o");
  if (prefixed) {
    if (fill !== " ") {
      out += str.slice(pos, pos + 2);
      pos += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !flags.left) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === " ") {
    if (sign) out += signChar;
    if (prefixed) {
      out += str.slice(pos, pos + 2);
      pos += 2;
    }
  }
  out += str.slice(pos);
  if (width > len) out += " ".repeat(width - len);
  return out;
}
