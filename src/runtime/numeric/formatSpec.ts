// The format-spec mini-language (format(x, spec), f-strings, str.format) for int, float, complex and str,
// following CPython's Python/formatter_unicode.c: parsing, validation errors, sign/fill/align, grouping, padding.
import { NumericError, overflowError, valueError } from "./errors";
import { doubleToString, DtsCode, DtsFlags, floatRepr } from "./floatRepr";
import { intToDecimalString, PyInt } from "./intStr";
import { decimalValue } from "./unicode";

/** Which thousands separator the spec asked for (CPython's LocaleType). */
export const enum Grouping {
  None = 0,
  /** ',' every three digits. */
  Comma = 1,
  /** '_' every three digits (decimal types). */
  Underscore = 2,
  /** '_' every four digits (b/o/x/X). */
  UnderscoreFour = 3,
  /** 'n': the current locale; the VM runs in the C locale, which has no grouping. */
  CurrentLocale = 4,
}

/** A parsed format spec (CPython's InternalFormatSpec). Absent width/precision are -1; absent type is "". */
export interface FormatSpec {
  fill: string;
  align: "<" | ">" | "=" | "^";
  sign: "" | "+" | "-" | " ";
  noNeg0: boolean;
  alternate: boolean;
  width: number;
  grouping: Grouping;
  precision: number;
  type: string;
}

const SSIZE_MAX = 9223372036854775807n;

function isAlign(c: string | undefined): c is FormatSpec["align"] {
  return c === "<" || c === ">" || c === "=" || c === "^";
}

/** Reads a run of Unicode decimal digits at `pos`; returns [value, next position] (value -1 if none). */
function readInteger(cps: readonly string[], pos: number): [number, number] {
  let acc = 0n;
  let n = 0;
  let i = pos;
  for (; i < cps.length; i++) {
    const d = decimalValue(cps[i].codePointAt(0) as number);
    if (d < 0) break;
    acc = acc * 10n + BigInt(d);
    if (acc > SSIZE_MAX) throw valueError("Too many decimal digits in format string");
    n++;
  }
  return [n === 0 ? -1 : Number(acc), i];
}

function separatorName(g: Grouping): string {
  return g === Grouping.Underscore ? "_" : ",";
}

function describeType(t: string): string {
  const c = t.codePointAt(0) as number;
  return c > 32 && c < 128 ? t : `\\x${c.toString(16)}`;
}

/**
 * CPython's parse_internal_render_format_spec. `typeName` names the object's type in error messages,
 * `defaultType`/`defaultAlign` are the formatting type's defaults ('d'/'>' for int, ''/'>' for float, 's'/'<' for str).
 */
export function parseFormatSpec(spec: string, typeName: string, defaultType = "", defaultAlign: FormatSpec["align"] = ">"): FormatSpec {
  const cps = spec.length < 8 && !/[\ud800-\udfff]/.test(spec) ? spec.split("") : Array.from(spec);
  const end = cps.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: " ", align: defaultAlign, sign: "", noNeg0: false, alternate: false, width: -1,
    grouping: Grouping.None, precision: -1, type: defaultType,
  };
  let fillSpecified = false;
  let alignSpecified = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    f.align = cps[pos + 1] as FormatSpec["align"];
    f.fill = cps[pos];
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    f.align = cps[pos] as FormatSpec["align"];
    alignSpecified = true;
    pos++;
  }
  if (pos < end && (cps[pos] === "+" || cps[pos] === "-" || cps[pos] === " ")) f.sign = cps[pos++] as FormatSpec["sign"];
  if (pos < end && cps[pos] === "z") {
    f.noNeg0 = true;
    pos++;
  }
  if (pos < end && cps[pos] === "#") {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && pos < end && cps[pos] === "0") {
    f.fill = "0";
    if (!alignSpecified && defaultAlign === ">") f.align = "=";
    pos++;
  }
  [f.width, pos] = readInteger(cps, pos);
  if (pos < end && cps[pos] === ",") {
    f.grouping = Grouping.Comma;
    pos++;
  }
  if (pos < end && cps[pos] === "_") {
    if (f.grouping !== Grouping.None) throw valueError("Cannot specify both ',' and '_'.");
    f.grouping = Grouping.Underscore;
    pos++;
  }
  if (pos < end && cps[pos] === "," && f.grouping === Grouping.Underscore) throw valueError("Cannot specify both ',' and '_'.");
  if (pos < end && cps[pos] === ".") {
    pos++;
    [f.precision, pos] = readInteger(cps, pos);
    if (f.precision < 0) throw valueError("Format specifier missing precision");
  }
  if (end - pos > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (end - pos === 1) f.type = cps[pos];
  if (f.grouping !== Grouping.None) validateGrouping(f);
  return f;
}

function validateGrouping(f: FormatSpec): void {
  switch (f.type) {
    case "d": case "e": case "f": case "g": case "E": case "G": case "%": case "F": case "":
      return;
    case "b": case "o": case "x": case "X":
      if (f.grouping === Grouping.Underscore) {
        f.grouping = Grouping.UnderscoreFour;
        return;
      }
      break;
  }
  throw valueError(`Cannot specify '${separatorName(f.grouping)}' with '${describeType(f.type)}'.`);
}

function unknownType(type: string, typeName: string): NumericError {
  return valueError(`Unknown format code '${describeType(type)}' for object of type '${typeName}'`);
}

// Parsed specs are cached per defaults (type, align): the same few specs are formatted over and over in f-strings
// and loops. Specs that fail to parse are not cached, so their errors are raised every time.
const specCaches = new Map<string, Map<string, FormatSpec>>();

function cachedSpec(spec: string, typeName: string, defaultType: string, defaultAlign: FormatSpec["align"]): FormatSpec {
  const cacheKey = defaultType + defaultAlign;
  let cache = specCaches.get(cacheKey);
  if (cache === undefined) {
    cache = new Map();
    specCaches.set(cacheKey, cache);
  }
  let f = cache.get(spec);
  if (f === undefined) {
    f = parseFormatSpec(spec, typeName, defaultType, defaultAlign);
    if (cache.size > 512) cache.clear();
    cache.set(spec, f);
  }
  return f;
}

// ---- the number layout machinery (calc_number_widths / fill_number / _PyUnicode_InsertThousandsGrouping) ----

/** Groups `digits` from the right with `sep` every `size` digits, zero-padding to `minWidth` chars (separators included). */
export function groupDigits(digits: string, minWidth: number, size: number, sep: string): string {
  let remaining = digits.length;
  let pos = digits.length;
  const parts: string[] = [];
  if (size > 0) {
    for (;;) {
      const len = Math.min(size, Math.max(remaining, minWidth, 1));
      const zeros = Math.max(0, len - remaining);
      const chars = Math.max(0, Math.min(remaining, len));
      parts.push("0".repeat(zeros) + digits.slice(pos - chars, pos));
      pos -= chars;
      remaining -= chars;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) break;
      minWidth -= sep.length;
    }
    return parts.reverse().join(sep);
  }
  const len = Math.max(remaining, minWidth, 1);
  return "0".repeat(Math.max(0, len - remaining)) + digits;
}

function groupingOf(g: Grouping): [number, string] {
  switch (g) {
    case Grouping.Comma: return [3, ","];
    case Grouping.Underscore: return [3, "_"];
    case Grouping.UnderscoreFour: return [4, "_"];
    default: return [0, ""];
  }
}

/** How layoutNumber splits a number's text into digits, decimal point and remainder. */
const enum BodyKind {
  Float,
  Int,
  Char,
}

/**
 * Lays out one number: [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad].
 * `body` is the text after any '-' sign: leading ASCII digits, optional '.', then the remainder (exponent, '%', 'inf'...).
 * `kind` says how to split the body: parse it as a float ('float'), all digits (an int in any base), all remainder ('c').
 */
function layoutNumber(negative: boolean, prefix: string, body: string, f: FormatSpec, fill: string, width: number,
  align: FormatSpec["align"], upper: boolean, kind: BodyKind = BodyKind.Float): string {
  let nd = 0;
  if (kind === BodyKind.Int) nd = body.length;
  else if (kind === BodyKind.Float) while (nd < body.length && body.charCodeAt(nd) >= 48 && body.charCodeAt(nd) <= 57) nd++;
  const digits = body.slice(0, nd);
  const hasDecimal = nd < body.length && body.charCodeAt(nd) === 46;
  const remainder = body.slice(hasDecimal ? nd + 1 : nd);
  let sign = "";
  if (f.sign === "+") sign = negative ? "-" : "+";
  else if (f.sign === " ") sign = negative ? "-" : " ";
  else if (negative) sign = "-";
  const nonDigit = sign.length + prefix.length + (hasDecimal ? 1 : 0) + strLen(remainder);
  const minWidth = fill === "0" && align === "=" ? width - nonDigit : 0;
  checkWidth(minWidth);
  const [size, sep] = groupingOf(f.grouping);
  let grouped = nd === 0 ? "" : groupDigits(digits, minWidth, size, sep);
  if (upper) grouped = grouped.toUpperCase();
  const padding = width - (nonDigit + grouped.length);
  checkWidth(padding);
  let lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    if (align === "<") rpad = padding;
    else if (align === "^") {
      lpad = padding >> 1;
      rpad = padding - lpad;
    } else if (align === "=") spad = padding;
    else lpad = padding;
  }
  return fill.repeat(lpad) + sign + (upper ? prefix.toUpperCase() : prefix) + fill.repeat(spad) + grouped +
    (hasDecimal ? "." : "") + remainder + fill.repeat(rpad);
}

/** Padding beyond what a JS string can hold is CPython's MemoryError (it would try to allocate it). */
function checkWidth(padding: number): void {
  if (padding > 0x1fffffe8) throw new NumericError("MemoryError", "");
}

/** Length in code points (Python's len) of a JS string. */
function strLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** CPython's calc_padding + writing: pads `s` (of `len` code points) to `width` with `fill` per `align`. */
function pad(s: string, len: number, width: number, align: FormatSpec["align"], fill: string): string {
  const total = width > len ? width : len;
  checkWidth(total - len);
  let lpad = 0;
  if (align === ">") lpad = total - len;
  else if (align === "^") lpad = (total - len) >> 1;
  const rpad = total - len - lpad;
  return fill.repeat(lpad) + s + fill.repeat(rpad);
}

// ---- float ----

/** format(x, spec) for a Python float (for float subclasses with an empty spec CPython uses str(obj): the VM's job). */
export function formatFloat(x: number, spec: string): string {
  if (spec === "") return floatRepr(x);
  const f = cachedSpec(spec, "float", "", ">");
  switch (f.type) {
    case "": case "e": case "E": case "f": case "F": case "g": case "G": case "n": case "%":
      return formatFloatSpec(x, f);
    default:
      throw unknownType(f.type, "float");
  }
}

/** CPython's format_float_internal for an already parsed spec. */
export function formatFloatSpec(x: number, f: FormatSpec): string {
  if (f.precision > 2147483647) throw valueError("precision too big");
  let flags = DtsFlags.None;
  if (f.alternate) flags |= DtsFlags.Alt;
  if (f.noNeg0) flags |= DtsFlags.NoNeg0;
  let type = f.type;
  let defaultPrecision = 6;
  if (type === "") {
    flags |= DtsFlags.AddDot0;
    type = "r";
    defaultPrecision = 0;
  }
  if (type === "n") type = "g";
  let addPct = false;
  let val = x;
  if (type === "%") {
    type = "f";
    val *= 100;
    addPct = true;
  }
  let precision = f.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  let buf = doubleToString(val, type as DtsCode, precision, flags);
  if (addPct) buf += "%";
  if (f.sign !== "+" && f.sign !== " " && f.width === -1 && f.type !== "n" && f.grouping === Grouping.None) return buf;
  const negative = buf.charCodeAt(0) === 45;
  return layoutNumber(negative, "", negative ? buf.slice(1) : buf, f, f.fill, f.width, f.align, false);
}

// ---- int ----

/** Python int -> float for formatting with a float type (OverflowError like int.__float__). */
function intAsFloat(n: PyInt): number {
  const v = Number(n);
  if (!Number.isFinite(v)) throw overflowError("int too large to convert to float");
  return v;
}

/**
 * format(n, spec) for a Python int (`typeName` is 'int', or 'bool' etc. for subclasses, used in error messages).
 * Note: for an int subclass and an empty spec CPython returns str(obj) (format(True, '') == 'True'); the VM must
 * handle that case itself, as here '' gives the decimal digits.
 */
export function formatInt(n: PyInt, spec: string, typeName = "int"): string {
  if (spec === "") return intToDecimalString(n);
  const f = cachedSpec(spec, typeName, "d", ">");
  switch (f.type) {
    case "b": case "c": case "d": case "o": case "x": case "X": case "n":
      return formatIntSpec(n, f);
    case "e": case "E": case "f": case "F": case "g": case "G": case "%":
      return formatFloatSpec(intAsFloat(n), f);
    default:
      throw unknownType(f.type, typeName);
  }
}

/** CPython's format_long_internal for an already parsed spec with an integer type. */
export function formatIntSpec(n: PyInt, f: FormatSpec): string {
  if (f.precision !== -1) throw valueError("Precision not allowed in integer format specifier");
  if (f.noNeg0) throw valueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type === "c") {
    if (f.sign !== "") throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof n === "bigint" && (n < -(2n ** 63n) || n >= 2n ** 63n)) {
      throw overflowError("Python int too large to convert to C long");
    }
    if (n < 0 || n > 0x10ffff) throw overflowError("%c arg not in range(0x110000)");
    return layoutNumber(false, "", String.fromCodePoint(Number(n)), f, f.fill, f.width, f.align, false, BodyKind.Char);
  }
  const negative = typeof n === "number" ? n < 0 : n < 0n;
  const abs = negative ? (typeof n === "number" ? -n : -n) : n;
  let body: string;
  let prefix = "";
  switch (f.type) {
    case "b": body = abs.toString(2); prefix = "0b"; break;
    case "o": body = abs.toString(8); prefix = "0o"; break;
    case "x": case "X": body = abs.toString(16); prefix = "0x"; break;
    default: body = intToDecimalString(abs);
  }
  if (!f.alternate) prefix = "";
  if (f.sign !== "+" && f.sign !== " " && f.width === -1 && f.type !== "X" && f.type !== "n" && f.grouping === Grouping.None) {
    return (negative ? "-" : "") + prefix + body;
  }
  return layoutNumber(negative, prefix, body, f, f.fill, f.width, f.align, f.type === "X", BodyKind.Int);
}

// ---- complex ----

/** format(complex(re, im), spec). */
export function formatComplex(re: number, im: number, spec: string): string {
  const f = cachedSpec(spec, "complex", "", ">");
  switch (f.type) {
    case "": case "e": case "E": case "f": case "F": case "g": case "G": case "n":
      break;
    default:
      throw unknownType(f.type, "complex");
  }
  if (f.fill === "0") throw valueError("Zero padding is not allowed in complex format specifier");
  if (f.align === "=") throw valueError("'=' alignment flag is not allowed in complex format specifier");
  let flags = DtsFlags.None;
  if (f.alternate) flags |= DtsFlags.Alt;
  if (f.noNeg0) flags |= DtsFlags.NoNeg0;
  let type: string = f.type;
  let defaultPrecision = 6;
  let skipRe = false;
  let addParens = false;
  if (type === "") {
    type = "r";
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else addParens = true;
  }
  if (type === "n") type = "g";
  let precision = f.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  const reBuf = doubleToString(re, type as DtsCode, precision, flags);
  const imBuf = doubleToString(im, type as DtsCode, precision, flags);
  const sub: FormatSpec = { ...f, fill: "", align: "<", width: -1 };
  const reNeg = reBuf.charCodeAt(0) === 45;
  const imNeg = imBuf.charCodeAt(0) === 45;
  const reText = skipRe ? "" : layoutNumber(reNeg, "", reNeg ? reBuf.slice(1) : reBuf, sub, "", -1, "<", false);
  if (!skipRe) sub.sign = "+";
  const imText = layoutNumber(imNeg, "", imNeg ? imBuf.slice(1) : imBuf, sub, "", -1, "<", false);
  const body = (addParens ? "(" : "") + reText + imText + "j" + (addParens ? ")" : "");
  return pad(body, strLen(body), f.width, f.align, f.fill);
}

// ---- str ----

/** format(s, spec) for a Python str. */
export function formatStr(s: string, spec: string, typeName = "str"): string {
  if (spec === "") return s;
  const f = cachedSpec(spec, typeName, "s", "<");
  if (f.type !== "s") throw unknownType(f.type, typeName);
  if (f.sign !== "") {
    throw valueError(f.sign === " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
  }
  if (f.noNeg0) throw valueError("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) throw valueError("Alternate form (#) not allowed in string format specifier");
  if (f.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  let len = strLen(s);
  if ((f.width === -1 || f.width <= len) && (f.precision === -1 || f.precision >= len)) return s;
  let text = s;
  if (f.precision >= 0 && len >= f.precision) {
    text = len === s.length ? s.slice(0, f.precision) : Array.from(s).slice(0, f.precision).join("");
    len = f.precision;
  }
  return pad(text, len, f.width, f.align, f.fill);
}

