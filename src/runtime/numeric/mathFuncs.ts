// The math module's algorithms with CPython's results and errors: fsum, factorial/comb/perm, gamma/lgamma (CPython's
// Lanczos code), logs of huge ints, hypot/dist (vector_norm), nextafter with steps, ulp, fmod/remainder, modf/frexp/ldexp,
// floor/ceil/trunc, sumprod (3.12), isclose, pow.
import { decompose } from "./digits";
import { NumericError, overflowError, typeError, valueError } from "./errors";
import { ldexpBig } from "./bigFloat";
import { floatToInt } from "./floatOps";
import { big, bitLengthBig, normInt, PyInt } from "./intStr";
import { crAcos, crAsin, crAtan, crAtan2, crCos, crExp, crExp2, crLog, crLog10, crLog2, crSin, crTan } from "./libm";
import { powFinite } from "./powCore";

const domainError = (): NumericError => valueError("math domain error");
const rangeError = (): NumericError => overflowError("math range error");

/** CPython's math_1 check: NaN from non-NaN is a domain error; inf from finite is a range error (or domain error). */
export function math1(x: number, r: number, canOverflow: boolean): number {
  if (r !== r && x === x) throw domainError();
  if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) throw canOverflow ? rangeError() : domainError();
  return r;
}

/** CPython's math_2 check for two-argument functions. */
export function math2(x: number, y: number, r: number): number {
  if (r !== r) {
    if (x === x && y === y) throw domainError();
  } else if ((r === Infinity || r === -Infinity) && Number.isFinite(x) && Number.isFinite(y)) {
    throw rangeError();
  }
  return r;
}

// ---- fsum ----

/** math.fsum as an accumulator (the VM feeds items one by one while iterating a Python iterable). */
export class Fsum {
  private partials: number[] = [];
  private specialSum = 0.0;
  private infSum = 0.0;

  add(xIn: number): void {
    let x = xIn;
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const yr = hi - x;
      const lo = y - yr;
      if (lo !== 0.0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x !== 0.0) {
      if (!Number.isFinite(x)) {
        // Non-finite from finite inputs is intermediate overflow; otherwise remember the specials.
        if (Number.isFinite(xIn)) throw overflowError("intermediate overflow in fsum");
        if (xIn === Infinity || xIn === -Infinity) this.infSum += xIn;
        this.specialSum += xIn;
        p.length = 0;
      } else {
        p.push(x);
      }
    }
  }

  result(): number {
    if (this.specialSum !== 0.0) {
      if (this.infSum !== this.infSum) throw valueError("-inf + inf in fsum");
      return this.specialSum;
    }
    const p = this.partials;
    let n = p.length;
    let hi = 0.0;
    if (n > 0) {
      hi = p[--n];
      let lo = 0.0;
      while (n > 0) {
        const x = hi;
        const y = p[--n];
        hi = x + y;
        const yr = hi - x;
        lo = y - yr;
        if (lo !== 0.0) break;
      }
      // Half-even rounding across partials (so fsum is correctly rounded).
      if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
        const y = lo * 2.0;
        const x = hi + y;
        const yr = x - hi;
        if (y === yr) hi = x;
      }
    }
    return hi;
  }
}

/** math.fsum(values). */
export function fsum(values: Iterable<number>): number {
  const acc = new Fsum();
  for (const v of values) acc.add(v);
  return acc.result();
}

// ---- integer combinatorics ----

/** Product of the integers in [lo, hi] by balanced splitting (keeps multiplications of similar sizes). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (lo > hi) return 1n;
  if (hi - lo < 8n) {
    let r = lo;
    for (let i = lo + 1n; i <= hi; i++) r *= i;
    return r;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

const SMALL_FACTORIALS: number[] = [1];
for (let i = 1; i <= 18; i++) SMALL_FACTORIALS.push(SMALL_FACTORIALS[i - 1] * i);

/** math.factorial(n). */
export function factorial(n: PyInt): PyInt {
  if (typeof n === "number" ? n < 0 : n < 0n) throw valueError("factorial() not defined for negative values");
  if (typeof n === "bigint" && n > 9223372036854775807n) {
    throw overflowError("factorial() argument should not exceed 9223372036854775807");
  }
  const k = Number(n);
  if (k <= 18) return SMALL_FACTORIALS[k];
  return normInt(rangeProduct(2n, BigInt(k)));
}

function checkNonNegative(v: PyInt, name: string): bigint {
  const b = big(v);
  if (b < 0n) throw valueError(`${name} must be a non-negative integer`);
  return b;
}

/** math.perm(n, k). */
export function perm(n: PyInt, k: PyInt): PyInt {
  const nb = checkNonNegative(n, "n");
  const kb = checkNonNegative(k, "k");
  if (kb > nb) return 0;
  if (kb === 0n) return 1;
  return normInt(rangeProduct(nb - kb + 1n, nb));
}

/** math.comb(n, k). */
export function comb(n: PyInt, k: PyInt): PyInt {
  const nb = checkNonNegative(n, "n");
  let kb = checkNonNegative(k, "k");
  if (kb > nb) return 0;
  if (nb - kb < kb) kb = nb - kb;
  if (kb === 0n) return 1;
  if (kb > 9223372036854775807n) throw overflowError("min(n - k, k) must not exceed 9223372036854775807");
  return normInt(rangeProduct(nb - kb + 1n, nb) / rangeProduct(1n, kb));
}

// ---- gamma / lgamma (CPython's m_tgamma / m_lgamma, Lanczos approximation) ----

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
  1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
  6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
  121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];
const LOG_PI = 1.144729885849400174143427351353058711647;

function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** sin(pi * x) with exact zeros at integers (CPython's m_sinpi). */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0: r = crSin(Math.PI * y); break;
    case 1: r = crCos(Math.PI * (y - 0.5)); break;
    case 2: r = crSin(Math.PI * (1.0 - y)); break;
    case 3: r = -crCos(Math.PI * (y - 1.5)); break;
    default: r = crSin(Math.PI * (y - 2.0)); break;
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** math.gamma(x). */
export function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    throw domainError();
  }
  if (x === 0) throw domainError();
  if (x === Math.floor(x)) {
    if (x < 0) throw domainError();
    if (x <= 23) return GAMMA_INTEGRAL[x - 1];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (!Number.isFinite(r)) throw rangeError();
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    throw rangeError();
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0.0) {
    r = ((-Math.PI / sinpi(absx) / absx) * crExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= powFinite(y, absx - 0.5);
    else {
      const sqrtpow = powFinite(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / crExp(y);
    r += z * r;
    if (absx < 140.0) r *= powFinite(y, absx - 0.5);
    else {
      const sqrtpow = powFinite(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) throw rangeError();
  return r;
}

/** math.lgamma(x). */
export function lgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) throw domainError();
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -crLog(absx);
  let r = crLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (crLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOG_PI - crLog(Math.abs(sinpi(absx))) - crLog(absx) - r;
  if (!Number.isFinite(r)) throw rangeError();
  return r;
}

// ---- logarithms (accepting huge ints) ----

/** Which logarithm loghelper applies. */
export type LogKind = "log" | "log2" | "log10";

function logFn(kind: LogKind): (x: number) => number {
  return kind === "log" ? crLog : kind === "log2" ? crLog2 : crLog10;
}

/** CPython's loghelper: log/log2/log10 of a float or an int of any size. */
export function mathLog(kind: LogKind, x: PyInt | number, xIsInt: boolean): number {
  const f = logFn(kind);
  if (xIsInt) {
    const b = big(x as PyInt);
    if (b <= 0n) throw domainError();
    const d = Number(b);
    if (Number.isFinite(d)) return f(d);
    // Too big for a double: log(m * 2**e) = log(m) + e*log(2) with m in [0.5, 1).
    const e = bitLengthBig(b);
    const m = ldexpBig(b, -e);
    return f(m) + f(2.0) * e;
  }
  const v = x as number;
  if (v !== v) return v;
  if (v <= 0) throw domainError();
  return math1(v, f(v), false);
}

/** math.log(x, base). */
export function mathLogBase(x: PyInt | number, xIsInt: boolean, base: PyInt | number, baseIsInt: boolean): number {
  const num = mathLog("log", x, xIsInt);
  const den = mathLog("log", base, baseIsInt);
  if (den === 0) throw new NumericError("ZeroDivisionError", "float division by zero");
  return num / den;
}

// ---- hypot / dist ----

/** Exact product as a double-length pair (Dekker's algorithm). */
function dlMul(x: number, y: number): [number, number] {
  const tx = x * 134217729.0;
  const xh = tx - (tx - x);
  const xl = x - xh;
  const ty = y * 134217729.0;
  const yh = ty - (ty - y);
  const yl = y - yh;
  const p = xh * yh;
  const q = xh * yl + xl * yh;
  const z = p + q;
  const zz = p - z + q + xl * yl;
  return [z, zz];
}

/** CPython 3.12's vector_norm: a nearly correctly rounded Euclidean norm of non-negative values. */
function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0.0 || vec.length <= 1) return max;
  const maxE = frexp(max)[1];
  if (maxE < -1023) {
    const DBL_MIN = 2.2250738585072014e-308;
    return DBL_MIN * vectorNorm(vec.map((v) => v / DBL_MIN), max / DBL_MIN, foundNan);
  }
  const scale = 2 ** -maxE;
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  for (const v of vec) {
    const x = v * scale;
    const [prHi, prLo] = dlMul(x, x);
    const smHi = csum + prHi;
    const smLo = prHi - (smHi - csum);
    csum = smHi;
    frac1 += prLo;
    frac2 += smLo;
  }
  let h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
  const [prHi, prLo] = dlMul(-h, h);
  const smHi = csum + prHi;
  const smLo = prHi - (smHi - csum);
  csum = smHi;
  frac1 += prLo;
  frac2 += smLo;
  const x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

/** math.hypot(*coordinates). */
export function hypot(coords: readonly number[]): number {
  let max = 0.0;
  let foundNan = false;
  const abs = coords.map((c) => {
    const a = Math.abs(c);
    if (a !== a) foundNan = true;
    if (a > max) max = a;
    return a;
  });
  return vectorNorm(abs, max, foundNan);
}

/** math.dist(p, q). */
export function dist(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw valueError("both points must have the same number of dimensions");
  return hypot(p.map((v, i) => v - q[i]));
}

// ---- float bit-level functions ----

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

function toBits(x: number): bigint {
  f64[0] = x;
  return BigInt.asUintN(64, i64[0]);
}

function fromBits(b: bigint): number {
  i64[0] = BigInt.asIntN(64, b);
  return f64[0];
}

const SIGN_BIT = 1n << 63n;

/** C's nextafter(x, y). */
function nextafter1(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const b = toBits(x);
  // Moving away from zero increments the magnitude bits; toward zero decrements them.
  return fromBits(x < y === x > 0 ? b + 1n : b - 1n);
}

/** math.nextafter(x, y, steps=None) (3.12). */
export function nextafter(x: number, y: number, steps?: PyInt): number {
  if (steps === undefined) return nextafter1(x, y);
  let s = big(steps);
  if (s < 0n) throw valueError("steps must be a non-negative integer");
  if (s > 0xffffffffffffffffn) s = 0xffffffffffffffffn;
  if (s === 0n) return x;
  if (x !== x) return x;
  if (y !== y) return y;
  const ux = toBits(x);
  const uy = toBits(y);
  if (ux === uy) return x;
  const ax = ux & ~SIGN_BIT;
  const ay = uy & ~SIGN_BIT;
  if ((ux ^ uy) & SIGN_BIT) {
    if (ax + ay <= s) return y;
    if (ax < s) return fromBits((uy & SIGN_BIT) | (s - ax));
    return fromBits(ux - s);
  }
  if (ax > ay) return ax - ay >= s ? fromBits(ux - s) : y;
  return ay - ax >= s ? fromBits(ux + s) : y;
}

/** math.ulp(x). */
export function ulp(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a === Infinity) return a;
  const x2 = nextafter1(a, Infinity);
  if (x2 === Infinity) return a - nextafter1(a, -Infinity);
  return x2 - a;
}

/** math.fmod(x, y). */
export function fmod(x: number, y: number): number {
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) return x;
  const r = x % y;
  if (r !== r && x === x && y === y) throw domainError();
  return r;
}

/** math.remainder(x, y): IEEE 754 remainder (CPython's m_remainder). */
export function remainder(x: number, y: number): number {
  let r: number;
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0.0) r = NaN;
    else {
      const absx = Math.abs(x);
      const absy = Math.abs(y);
      const m = absx % absy;
      const c = absy - m;
      let rr: number;
      if (m < c) rr = m;
      else if (m > c) rr = -c;
      else rr = m - 2.0 * ((0.5 * (absx - m)) % absy);
      r = (x < 0 || Object.is(x, -0) ? -1 : 1) * rr;
    }
  } else if (x !== x) r = x;
  else if (y !== y) r = y;
  else if (x === Infinity || x === -Infinity) r = NaN;
  else r = x;
  return math2(x, y, r);
}

/** math.modf(x): [fractional part, integral part], both with x's sign. */
export function modf(x: number): [number, number] {
  if (x === Infinity || x === -Infinity) return [x < 0 ? -0 : 0, x];
  if (x !== x) return [x, x];
  const ip = Math.trunc(x);
  const fp = x - ip;
  const neg = x < 0 || Object.is(x, -0);
  return [neg ? -Math.abs(fp) : Math.abs(fp), ip];
}

/** math.frexp(x): [m, e] with x == m * 2**e and 0.5 <= |m| < 1. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const { mant, exp } = decompose(Math.abs(x));
  const bl = bitLengthBig(mant);
  const e = exp + bl;
  const m = Number(mant) * 2 ** -bl;
  return [x < 0 ? -m : m, e];
}

/** math.ldexp(x, i). */
export function ldexp(x: number, i: PyInt): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const ib = big(i);
  if (ib > 2147483647n) throw rangeError();
  if (ib < -2147483648n) return x < 0 ? -0 : 0;
  const n = Number(ib);
  const { mant, exp } = decompose(Math.abs(x));
  const r = ldexpBig(mant, exp + n);
  if (r === Infinity) throw rangeError();
  return x < 0 ? -r : r;
}

/** math.floor / math.ceil / math.trunc of a float, as an int. */
export function floorToInt(x: number): PyInt {
  return floatToInt(Math.floor(x));
}

export function ceilToInt(x: number): PyInt {
  return floatToInt(Math.ceil(x));
}

export function truncToInt(x: number): PyInt {
  return floatToInt(Math.trunc(x));
}

/** math.copysign(x, y). */
export function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (y !== y && toBits(y) >> 63n === 1n);
  const a = Math.abs(x);
  return neg ? -a : a;
}

/** math.isclose(a, b, rel_tol, abs_tol). */
export function isclose(a: number, b: number, relTol = 1e-9, absTol = 0.0): boolean {
  if (relTol < 0.0 || absTol < 0.0) throw valueError("tolerances must be non-negative");
  if (a === b) return true;
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
}

/**
 * math.sumprod(p, q) for two float vectors (3.12): the correctly rounded dot product when every product is finite
 * (exact products as double-length pairs summed with fsum), else plain left-to-right float arithmetic like CPython's
 * fallback path.
 */
export function sumprodFloats(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw valueError("Inputs are not the same length");
  const acc = new Fsum();
  let exact = true;
  for (let i = 0; i < p.length && exact; i++) {
    const [hi, lo] = dlMul(p[i], q[i]);
    if (!Number.isFinite(hi)) exact = false;
    else {
      try {
        acc.add(hi);
        acc.add(lo);
      } catch {
        exact = false;
      }
    }
  }
  if (exact) {
    try {
      return acc.result();
    } catch {
      // Fall through to plain arithmetic on special values.
    }
  }
  let total = 0.0;
  for (let i = 0; i < p.length; i++) total += p[i] * q[i];
  return total;
}

/** math.pow(x, y): C99 pow semantics with CPython's errors. */
export function mathPow(x: number, y: number): number {
  let r: number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) r = y === 0 ? 1.0 : x;
    else if (y !== y) r = x === 1.0 ? 1.0 : y;
    else if (x === Infinity || x === -Infinity) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2.0 === 1.0;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1.0;
      else r = oddY ? (x < 0 ? -0 : 0) : 0.0;
    } else {
      if (Math.abs(x) === 1.0) r = 1.0;
      else if (y > 0 && Math.abs(x) > 1.0) r = y;
      else if (y < 0 && Math.abs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return r;
  }
  r = powFinite(x, y);
  if (r !== r) throw domainError();
  if (r === Infinity || r === -Infinity) {
    if (x === 0) throw domainError();
    throw rangeError();
  }
  return r;
}

/** math.exp2(x). */
export function exp2(x: number): number {
  return math1(x, crExp2(x), true);
}

const CBRT2 = 1.2599210498948731648; // 2**(1/3)
const SQR_CBRT2 = 1.5874010519681994748; // 2**(2/3)
const CBRT_FACTOR = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

/**
 * math.cbrt(x) as glibc computes it (CPython calls the C library): a polynomial guess refined by one Halley step,
 * which is not correctly rounded (cbrt(27.0) is 3.0000000000000004 there), unlike V8's Math.cbrt.
 */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [m, xe] = frexp(Math.abs(x));
  const u = 0.354895765043919860 + (1.50819193781584896 + (-2.11499494167371287 + (2.44693122563534430 +
    (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * m) * m) * m) * m) * m) * m;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2.0 * m)) / (2.0 * t2 + m)) * CBRT_FACTOR[2 + (xe % 3)];
  const r = ldexp(ym, Math.trunc(xe / 3));
  return x < 0 ? -r : r;
}

/** math.sqrt(x). */
export function sqrt(x: number): number {
  if (x < 0) throw domainError();
  return Math.sqrt(x);
}

/** math.exp(x). */
export function exp(x: number): number {
  return math1(x, crExp(x), true);
}

/** math.expm1(x). */
export function expm1(x: number): number {
  return math1(x, Math.expm1(x), true);
}

/** math.log1p(x). */
export function log1p(x: number): number {
  if (x <= -1) throw domainError();
  return math1(x, Math.log1p(x), false);
}

/** Raises TypeError for non-integral arguments where CPython requires an int (used by the VM's argument checks). */
export function requireIntegral(typeName: string): never {
  throw typeError(`'${typeName}' object cannot be interpreted as an integer`);
}

// ---- hyperbolic functions: glibc's (fdlibm-derived) formulas on top of the correctly rounded exp/log, since V8's
// Math.sinh/cosh/asinh/acosh follow the same formulas but with V8's own exp/log; tanh/atanh only need expm1/log1p,
// where V8's fdlibm ports agree with glibc ----

const hiWordBits = new DataView(new ArrayBuffer(8));

/** The double whose high 32 bits are `hi` and low bits zero (fdlibm compares |x| by its high word). */
function fromHighWord(hi: number): number {
  hiWordBits.setUint32(0, hi);
  hiWordBits.setUint32(4, 0);
  return hiWordBits.getFloat64(0);
}

const T_TINY_28 = fromHighWord(0x3e300000); // 2**-28
const T_HALF_LN2 = fromHighWord(0x3fd62e43);
const T_ONE = 1.0;
const T_22 = fromHighWord(0x40360000);
const T_LOG_MAX = fromHighWord(0x40862e42);
// Overflow threshold of sinh/cosh: high word 0x408633ce with low word <= 0x8fb9f87d.
const T_OVF = (() => {
  hiWordBits.setUint32(0, 0x408633ce);
  hiWordBits.setUint32(4, 0x8fb9f87d);
  return hiWordBits.getFloat64(0);
})();
const T_2_POW_28 = fromHighWord(0x41b00000);
const T_TWO = fromHighWord(0x40000000);
const LN2 = 6.93147180559945286227e-01;

function sinhRaw(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) return x;
  const h = x < 0 ? -0.5 : 0.5;
  if (ax < T_22) {
    if (ax < T_TINY_28) return x;
    const t = Math.expm1(ax);
    if (ax < T_ONE) return h * (2.0 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < T_LOG_MAX) return h * crExp(ax);
  if (ax <= T_OVF) {
    const w = crExp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307 * 1.0e307;
}

function coshRaw(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) return x * x;
  if (ax < T_22) {
    if (ax < T_HALF_LN2) {
      if (ax < 2 ** -55) return 1;
      const t = Math.expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = crExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax < T_LOG_MAX) return 0.5 * crExp(ax);
  if (ax <= T_OVF) {
    const w = crExp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

function asinhRaw(x: number): number {
  const ax = Math.abs(x);
  if (ax < T_TINY_28) return x;
  let w: number;
  if (ax > T_2_POW_28) {
    if (!Number.isFinite(x)) return x + x;
    w = crLog(ax) + LN2;
  } else if (ax > T_TWO) {
    w = crLog(2.0 * ax + 1 / (Math.sqrt(ax * ax + 1) + ax));
  } else {
    const t = ax * ax;
    w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

function acoshRaw(x: number): number {
  if (x < 1) return NaN;
  if (x >= T_2_POW_28) return Number.isFinite(x) ? crLog(x) + LN2 : x + x;
  if (x === 1) return 0;
  if (x > T_TWO) return crLog(2.0 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}

/** math.sinh(x). */
export function sinh(x: number): number {
  return math1(x, sinhRaw(x), true);
}

/** math.cosh(x). */
export function cosh(x: number): number {
  return math1(x, coshRaw(x), true);
}

/** math.tanh(x). */
export function tanh(x: number): number {
  return math1(x, Math.tanh(x), false);
}

/** math.asinh(x). */
export function asinh(x: number): number {
  return math1(x, asinhRaw(x), false);
}

/** math.acosh(x). */
export function acosh(x: number): number {
  return math1(x, acoshRaw(x), false);
}

/** math.atanh(x) (math domain error at and beyond +-1, as CPython's m_atanh). */
export function atanh(x: number): number {
  if (Math.abs(x) >= 1) throw domainError();
  return math1(x, Math.atanh(x), false);
}

// ---- trigonometric math functions with CPython's errors (ValueError "math domain error" for NaN from non-NaN) ----

/** math.sin(x). */
export function sin(x: number): number {
  return math1(x, crSin(x), false);
}

/** math.cos(x). */
export function cos(x: number): number {
  return math1(x, crCos(x), false);
}

/** math.tan(x). */
export function tan(x: number): number {
  return math1(x, crTan(x), false);
}

/** math.asin(x). */
export function asin(x: number): number {
  return math1(x, crAsin(x), false);
}

/** math.acos(x). */
export function acos(x: number): number {
  return math1(x, crAcos(x), false);
}

/** math.atan(x). */
export function atan(x: number): number {
  return math1(x, crAtan(x), false);
}

/** math.atan2(y, x) (CPython's m_atan2 special cases, which crAtan2 follows). */
export function atan2(y: number, x: number): number {
  return math2(y, x, crAtan2(y, x));
}

/**
 * The float accumulator of CPython 3.12's builtin sum(): Neumaier-compensated addition of float items; int items
 * that fit in a C long are added plainly (no compensation), as in builtin_sum_impl. The VM switches to generic
 * addition (after taking result()) when an item is neither.
 */
export class CompensatedSum {
  private sum: number;
  private c = 0.0;

  constructor(start: number) {
    this.sum = start;
  }

  /** Adds a float item. */
  addFloat(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.c += this.sum - t + x;
    else this.c += x - t + this.sum;
    this.sum = t;
  }

  /** Adds an int item that fits in a C long (64-bit), converted to double as C does. */
  addInt(v: PyInt): void {
    this.sum += Number(v);
  }

  /** The sum with the compensation applied (unless it is zero or non-finite, as CPython does). */
  result(): number {
    if (this.c !== 0 && Number.isFinite(this.c)) return this.sum + this.c;
    return this.sum;
  }
}
