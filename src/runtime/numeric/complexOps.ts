// Python complex arithmetic with CPython's algorithms: repr/str, division (_Py_c_quot), ** (c_powi/_Py_c_pow),
// abs, and complex(str) parsing.
import { overflowError, valueError, zeroDivisionError } from "./errors";
import { doubleToString, DtsFlags } from "./floatRepr";
import { crAtan2, crCos, crExp, crLog, crSin } from "./libm";
import { powFinite } from "./powCore";
import { pyStrRepr, transformDecimalAndSpaceToAscii } from "./unicode";

/** A complex value as two doubles. */
export interface Complex {
  re: number;
  im: number;
}

/** repr(complex) / str(complex): "1j", "(1+2j)", "(-0-1j)", "(nan+infj)". */
export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return doubleToString(im, "r", 0, DtsFlags.None) + "j";
  return "(" + doubleToString(re, "r", 0, DtsFlags.None) + doubleToString(im, "r", 0, DtsFlags.Sign) + "j)";
}

/** a * b (CPython's _Py_c_prod). */
export function complexMul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** _Py_c_quot: returns null on division by zero (CPython sets errno EDOM). */
function quot(a: Complex, b: Complex): Complex | null {
  const absBr = Math.abs(b.re);
  const absBi = Math.abs(b.im);
  if (absBr >= absBi) {
    if (absBr === 0.0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom };
  }
  if (absBi >= absBr) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom };
  }
  return { re: NaN, im: NaN };
}

/** a / b for complex numbers ("complex division by zero"). */
export function complexDiv(a: Complex, b: Complex): Complex {
  const r = quot(a, b);
  if (r === null) throw zeroDivisionError("complex division by zero");
  return r;
}

function powu(x: Complex, n: number): Complex {
  let r: Complex = { re: 1, im: 0 };
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = complexMul(r, p);
    mask *= 2;
    p = complexMul(p, p);
  }
  return r;
}

/** The C errno values CPython inspects after complex **. */
const enum Errno {
  None = 0,
  Edom = 33,
  Erange = 34,
}

/** a ** b for complex numbers (CPython's complex_pow; a third argument is the VM's "complex modulo" error). */
export function complexPow(a: Complex, b: Complex): Complex {
  let p: Complex | null;
  let errno = Errno.None;
  if (b.im === 0.0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100.0) {
    const n = b.re;
    p = n > 0 ? powu(a, n) : quot({ re: 1, im: 0 }, powu(a, -n));
    if (p === null) {
      errno = Errno.Edom;
      p = { re: 0, im: 0 };
    }
  } else {
    [p, errno] = cPow(a, b);
  }
  // _Py_ADJUST_ERANGE2: an infinite part means overflow; otherwise a stray ERANGE (underflow) is forgotten.
  if (Math.abs(p.re) === Infinity || Math.abs(p.im) === Infinity) {
    if (errno === Errno.None) errno = Errno.Erange;
  } else if (errno === Errno.Erange) errno = Errno.None;
  if (errno === Errno.Edom) throw zeroDivisionError("0.0 to a negative or complex power");
  if (errno === Errno.Erange) throw overflowError("complex exponentiation");
  return p;
}

/** glibc-style errno for a libm result: ERANGE when finite arguments gave an infinite or underflowed result. */
function rangeErrno(args: readonly number[], r: number, current: Errno): Errno {
  const finiteArgs = args.every(Number.isFinite);
  if (finiteArgs && (r === Infinity || r === -Infinity)) return Errno.Erange;
  if (finiteArgs && r === 0 && args[0] !== 0) return Errno.Erange;
  return current;
}

/** _Py_c_pow, emulating the errno its libm calls leave behind (EDOM from sin/cos of inf, ERANGE from overflow). */
function cPow(a: Complex, b: Complex): [Complex, Errno] {
  if (b.re === 0 && b.im === 0) return [{ re: 1, im: 0 }, Errno.None];
  if (a.re === 0 && a.im === 0) {
    return [{ re: 0, im: 0 }, b.im !== 0 || b.re < 0 ? Errno.Edom : Errno.None];
  }
  let errno = Errno.None;
  const vabs = libmHypot(a.re, a.im);
  errno = rangeErrno([a.re, a.im], vabs === 0 ? 1 : vabs, errno);
  let len = powFinite(vabs, b.re);
  if (Number.isFinite(vabs) && Number.isFinite(b.re)) errno = rangeErrno([vabs, b.re], len, errno);
  else len = vabs !== vabs || b.re !== b.re ? (b.re === 0 ? 1 : NaN) : infinitePow(vabs, b.re);
  const at = crAtan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0.0) {
    const e = crExp(at * b.im);
    errno = rangeErrno([at * b.im], e, errno);
    len /= e;
    phase += b.im * crLog(vabs);
  }
  if (phase === Infinity || phase === -Infinity) errno = Errno.Edom;
  return [{ re: len * crCos(phase), im: len * crSin(phase) }, errno];
}

/** C pow(x, y) for x >= 0 when x or y is infinite. */
function infinitePow(x: number, y: number): number {
  if (y === Infinity) return x > 1 ? Infinity : x === 1 ? 1 : 0;
  if (y === -Infinity) return x > 1 ? 0 : x === 1 ? 1 : Infinity;
  // x is +inf, y finite.
  return y > 0 ? Infinity : y < 0 ? 0 : 1;
}

/** abs(complex) ("absolute value too large" on overflow). */
export function complexAbs(re: number, im: number): number {
  if (!Number.isFinite(re) || !Number.isFinite(im)) {
    if (re === Infinity || re === -Infinity) return Infinity;
    if (im === Infinity || im === -Infinity) return Infinity;
    return NaN;
  }
  const r = libmHypot(re, im);
  if (!Number.isFinite(r)) throw overflowError("absolute value too large");
  return r;
}

/**
 * The C library's hypot(x, y) as glibc (2.35+, x86-64 without FMA) computes it, which complex abs() uses: one sqrt
 * then a correction step (Borges' algorithm), with power-of-two scaling for huge and tiny inputs.
 */
export function libmHypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
    return x + y;
  }
  x = Math.abs(x);
  y = Math.abs(y);
  const ax = x < y ? y : x;
  const ay = x < y ? x : y;
  const SCALE = 2 ** -600;
  const EPS = 2 ** -54;
  if (ax > 2 ** 511) {
    if (ay <= ax * EPS) return ax + ay;
    return hypotKernel(ax * SCALE, ay * SCALE) / SCALE;
  }
  if (ay < 2 ** -511) {
    if (ax >= ay / EPS) return ax + ay;
    return hypotKernel(ax / SCALE, ay / SCALE) * SCALE;
  }
  if (ay <= ax * EPS) return ax + ay;
  return hypotKernel(ax, ay);
}

function hypotKernel(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2.0 * ay) {
    const delta = h - ay;
    t1 = ax * (2.0 * delta - ax);
    t2 = (delta - 2.0 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2.0 * delta * (ax - 2.0 * ay);
    t2 = (4.0 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2.0 * h);
  return h;
}

const FLOAT_PREFIX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i;

/** PyOS_string_to_double on a prefix of s starting at pos: [value, end] (end === pos when nothing parses). */
function floatPrefix(s: string, pos: number): [number, number] {
  const m = FLOAT_PREFIX.exec(s.slice(pos));
  if (m === null) return [0, pos];
  const t = m[0];
  const body = t.replace(/^[+-]/, "").toLowerCase();
  let v: number;
  if (body.startsWith("inf")) v = Infinity;
  else if (body === "nan") v = NaN;
  else v = Number(t.replace(/^[+-]/, ""));
  return [t[0] === "-" ? -v : v, pos + t.length];
}

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
}

/** complex(s) for a str: CPython's complex_from_string_inner, with underscores and Unicode digits/spaces. */
export function parseComplex(input: string): Complex {
  const bad = (): Error => valueError("complex() arg is a malformed string");
  const badUnderscore = (): Error => valueError(`could not convert string to complex: ${pyStrRepr(input)}`);
  let s = transformDecimalAndSpaceToAscii(input);
  if (s.includes("\0")) throw bad();
  if (s.includes("_")) {
    let out = "";
    let prev = "";
    for (const c of s) {
      const digit = c >= "0" && c <= "9";
      if (c === "_") {
        if (!(prev >= "0" && prev <= "9")) throw badUnderscore();
      } else {
        if (prev === "_" && !digit) throw badUnderscore();
        out += c;
      }
      prev = c;
    }
    if (prev === "_") throw badUnderscore();
    s = out;
  }
  let i = 0;
  let x = 0.0;
  let y = 0.0;
  while (isSpace(s[i])) i++;
  let bracket = false;
  if (s[i] === "(") {
    bracket = true;
    i++;
    while (isSpace(s[i])) i++;
  }
  const [z, end] = floatPrefix(s, i);
  if (end !== i) {
    i = end;
    if (s[i] === "+" || s[i] === "-") {
      x = z;
      const [w, end2] = floatPrefix(s, i);
      if (end2 !== i) {
        y = w;
        i = end2;
      } else {
        y = s[i] === "+" ? 1.0 : -1.0;
        i++;
      }
      if (s[i] !== "j" && s[i] !== "J") throw bad();
      i++;
    } else if (s[i] === "j" || s[i] === "J") {
      i++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (s[i] === "+" || s[i] === "-") {
      y = s[i] === "+" ? 1.0 : -1.0;
      i++;
    } else {
      y = 1.0;
    }
    if (s[i] !== "j" && s[i] !== "J") throw bad();
    i++;
  }
  while (isSpace(s[i])) i++;
  if (bracket) {
    if (s[i] !== ")") throw bad();
    i++;
    while (isSpace(s[i])) i++;
  }
  if (i !== s.length) throw bad();
  return { re: x, im: y };
}
