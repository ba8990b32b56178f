// Decimal digit generation for doubles (CPython's _Py_dg_dtoa modes 0, 2 and 3): shortest, N significant, N after the point.
// Fast paths use V8's correctly rounded toExponential/toFixed and fix their one flaw (ties go away from zero, CPython
// rounds half-even on the exact binary value); an exact BigInt expansion covers everything else.

/** A decimal digit string with no trailing zeros and the position of the decimal point: value = 0.DIGITS * 10**decpt. */
export interface Digits {
  digits: string;
  decpt: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high 32-bit word of a double in the Uint32Array view (platform endianness).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** Splits a finite positive double into an integer mantissa and binary exponent: x == mant * 2**exp, mant odd (or x == 0). */
export function decompose(x: number): { mant: bigint; exp: number } {
  f64[0] = x;
  const hi = u32[HI];
  let lo = u32[LO];
  const biased = (hi >>> 20) & 0x7ff;
  let mantHi = hi & 0xfffff;
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mantHi |= 0x100000;
    exp = biased - 1075;
  }
  if (mantHi === 0 && lo === 0) return { mant: 0n, exp: 0 };
  // Strip trailing zero bits on the 32-bit halves (cheap) before building the bigint.
  if (lo === 0) {
    lo = mantHi;
    mantHi = 0;
    exp += 32;
  }
  const tz = 31 - Math.clz32(lo & -lo);
  if (tz > 0) {
    lo = ((lo >>> tz) | (mantHi << (32 - tz))) >>> 0;
    mantHi >>>= tz;
    exp += tz;
  }
  const mant = mantHi === 0 ? BigInt(lo) : BigInt(mantHi * 4294967296 + lo);
  return { mant, exp };
}

/** Exact decimal expansion of a finite positive double (every double is a finite decimal). */
export function exactDigits(x: number): Digits {
  const { mant, exp } = decompose(x);
  let s: string;
  let decpt: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    decpt = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    decpt = s.length + exp;
  }
  return { digits: stripZeros(s), decpt };
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

const ZERO: Digits = { digits: "0", decpt: 1 };

/** Rounds exact digits half-even, keeping `fracDigits` digits after the decimal point (negative: round to tens, ...). */
export function roundDigitsAt(d: Digits, fracDigits: number): Digits {
  return roundKeep(d, d.decpt + fracDigits, d.digits.length);
}

function roundKeep(d: Digits, keepCount: number, len: number): Digits {
  if (keepCount >= len) return d;
  if (keepCount < 0) return ZERO;
  const s = d.digits;
  const next = s.charCodeAt(keepCount) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (keepCount + 1 < len) up = true; // digits are stripped, so anything after the 5 is nonzero
  else up = keepCount > 0 && (s.charCodeAt(keepCount - 1) - 48) % 2 === 1; // exact tie: round half to even
  if (!up) {
    if (keepCount === 0) return ZERO;
    return { digits: stripZeros(s.slice(0, keepCount)), decpt: d.decpt };
  }
  if (keepCount === 0) return { digits: "1", decpt: d.decpt + 1 };
  // Increment the kept prefix, propagating carries through trailing nines.
  let i = keepCount - 1;
  while (i >= 0 && s.charCodeAt(i) === 57) i--;
  if (i < 0) return { digits: "1", decpt: d.decpt + 1 };
  return { digits: s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1), decpt: d.decpt };
}

/** Parses V8's toExponential output ("d.ddde+x") of a positive number into Digits. */
function fromExponential(s: string): Digits {
  const e = s.indexOf("e");
  const mant = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
  return { digits: stripZeros(mant), decpt: Number(s.slice(e + 1)) + 1 };
}

/** Mode 0: the shortest digit string that round-trips (what repr uses). x finite and > 0. */
export function shortestDigits(x: number): Digits {
  return fromExponential(x.toExponential());
}

/** True when x's fractional part is an odd multiple of 2**-(q+1), i.e. x * 10**q lies exactly halfway between integers. */
export function isTieAt(x: number, q: number): boolean {
  if (q < 0 || q + 1 > 1074) return false;
  const frac = x - Math.trunc(x);
  if (frac === 0) return false;
  // Scale in two steps so neither factor overflows; scaling by powers of two is exact here.
  const a = Math.min(q + 1, 1000);
  const y = frac * 2 ** a * 2 ** (q + 1 - a);
  return Number.isInteger(y) && !Number.isInteger(y / 2);
}

/** Decrements the last digit of a digit string whose last digit is odd (undoing V8's round-half-up on a tie). */
export function undoTieRoundUp(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  if ((last - 48) % 2 === 0) return s;
  return s.slice(0, -1) + String.fromCharCode(last - 1);
}

/** Mode 2: round to `nd` (>= 1) significant digits, half-even on the exact value. x finite and > 0. */
export function significantDigits(x: number, nd: number): Digits {
  if (nd <= 100) {
    const s = x.toExponential(nd - 1);
    const e = s.indexOf("e");
    let mant = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
    const exp10 = Number(s.slice(e + 1));
    if (isTieAt(x, nd - 1 - exp10)) mant = undoTieRoundUp(mant);
    else if (nd - 1 - exp10 < 0 && Number.isInteger(x)) return slowSignificant(x, nd);
    return { digits: stripZeros(mant), decpt: exp10 + 1 };
  }
  return slowSignificant(x, nd);
}

function slowSignificant(x: number, nd: number): Digits {
  const d = exactDigits(x);
  return roundKeep(d, nd, d.digits.length);
}

/** Mode 3: round to `nd` (>= 0) digits after the decimal point, half-even on the exact value. x finite and >= 0. */
export function fixedDigits(x: number, nd: number): Digits {
  if (x === 0) return ZERO;
  if (nd <= 100 && x < 1e21) {
    let s = x.toFixed(nd);
    if (isTieAt(x, nd)) s = undoTieRoundUp(s);
    return fromFixed(s);
  }
  const d = exactDigits(x);
  return roundKeep(d, d.decpt + nd, d.digits.length);
}

/** Parses "123.4500" / "0.0012" into Digits (zero becomes the canonical "0", decpt 1). */
function fromFixed(s: string): Digits {
  const dot = s.indexOf(".");
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const fracPart = dot < 0 ? "" : s.slice(dot + 1);
  const all = intPart + fracPart;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  if (start === all.length) return ZERO;
  return { digits: stripZeros(all.slice(start)), decpt: intPart.length - start };
}
