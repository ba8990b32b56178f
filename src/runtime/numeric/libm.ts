// Correctly rounded exp/log/log2/exp2/pow (double-double arithmetic), matching glibc's libm (whose modern exp, log,
// log2, exp2 and pow are correctly rounded in practice) where V8's fdlibm-based Math functions can be an ulp off.
// log10 follows glibc's formula on top of the correctly rounded log.

// ---- double-double primitives: a value is hi + lo with |lo| <= ulp(hi)/2 ----

const SPLITTER = 134217729.0; // 2**27 + 1

let rh = 0;
let rl = 0;

/** Exact a*b as (rh, rl) (Dekker's product). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  rh = p;
  rl = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah, al) / n for a small integer n, into (rh, rl): the remainder of the high part is computed exactly. */
function ddDivInt(ah: number, al: number, n: number): void {
  const qh = ah / n;
  twoProd(qh, n);
  const rem = ah - rh - rl;
  const ql = (rem + al) / n;
  rh = qh + ql;
  rl = ql - (rh - qh);
}

/** (ah, al) + (bh, bl) into (rh, rl). */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  let e = ah - (s - bb) + (bh - bb);
  e += al + bl;
  rh = s + e;
  rl = e - (rh - s);
}

/** (ah, al) * (bh, bl) into (rh, rl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = rh;
  let e = rl;
  e += ah * bl + al * bh;
  rh = p + e;
  rl = e - (rh - p);
}

/** (ah, al) / (bh, bl) into (rh, rl) (long division with two correction steps). */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -rh, -rl);
  const q2 = rh / bh;
  const r1h = rh;
  const r1l = rl;
  ddMul(q2, 0, bh, bl);
  ddAdd(r1h, r1l, -rh, -rl);
  const q3 = rh / bh;
  ddAdd(q1, 0, q2, 0);
  ddAdd(rh, rl, q3, 0);
}

// ln 2 to about 160 bits as three doubles.
const LN2_1 = 0.6931471805599453;
const LN2_2 = 2.3190468138462996e-17;
const LN2_3 = 5.707708438416212e-34;
// 1/ln 2 as a double-double.
const INV_LN2_H = 1.4426950408889634;
const INV_LN2_L = 2.0355273740931033e-17;

// ---- exp ----

const FACTORIALS = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600];
// 1/n! for n <= 5 as double-doubles.
const INV_FACT_H = [1, 1, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333];
const INV_FACT_L = [0, 0, 0, 9.25185853854297e-18, 2.3129646346357427e-18, 1.1564823173178714e-19];

/** exp(xh + xl) as a double-double in (rh, rl), with the power of two returned separately. */
function ddExpCore(xh: number, xl: number): number {
  const k = Math.round(xh * INV_LN2_H);
  // r = x - k*ln2, carried in double-double.
  twoProd(k, LN2_1);
  const ph = rh;
  const pl = rl;
  ddAdd(xh, xl, -ph, -pl);
  const r0h = rh;
  const r0l = rl;
  twoProd(k, LN2_2);
  const qh = rh;
  const ql = rl;
  ddAdd(r0h, r0l, -qh, -ql);
  ddAdd(rh, rl, -k * LN2_3, 0);
  // Scale down by 2**-8 (exact), sum the Taylor series, then square back up eight times.
  const sh = rh / 256;
  const sl = rl / 256;
  // e^s = sum s^n/n!. The terms of order >= 6 are below 2**-60 relative (|s| < 0.0014), so their sum
  // Q = sum_{n>=6} s^(n-6)/n! is formed in plain doubles; the low orders are Horner steps in double-double.
  let q = 1 / FACTORIALS[12];
  for (let n = 11; n >= 6; n--) q = q * sh + 1 / FACTORIALS[n];
  ddMul(q, 0, sh, sl);
  let th = rh;
  let tl = rl;
  for (let n = 5; n >= 0; n--) {
    ddAdd(th, tl, INV_FACT_H[n], INV_FACT_L[n]);
    if (n === 0) break;
    ddMul(rh, rl, sh, sl);
    th = rh;
    tl = rl;
  }
  th = rh;
  tl = rl;
  for (let i = 0; i < 8; i++) {
    ddMul(th, tl, th, tl);
    th = rh;
    tl = rl;
  }
  rh = th;
  rl = tl;
  return k;
}

/** Multiplies a double-double by 2**k and rounds to a double (handles overflow and subnormal results). */
function scaleToDouble(h: number, l: number, k: number): number {
  if (k > 1020) return scaleToDouble(h * 2 ** 20, l * 2 ** 20, k - 20);
  if (k < -1020) {
    // Subnormal range: round once at the final precision via exact scaling of both parts.
    const v = h * 2 ** (k + 1074) + l * 2 ** (k + 1074);
    return (Math.round(v) === v ? v : roundHalfEvenInt(h * 2 ** (k + 1074), l * 2 ** (k + 1074))) * 2 ** -1074;
  }
  const s = 2 ** k;
  return (h + l) * s;
}

/** Rounds the double-double h + l (|h| < 2**53) to an integer, half to even. */
function roundHalfEvenInt(h: number, l: number): number {
  const fh = Math.floor(h);
  const frac = h - fh + l;
  if (frac > 0.5) return fh + 1;
  if (frac < 0.5) return fh;
  return fh % 2 === 0 ? fh : fh + 1;
}

/** exp(x), correctly rounded (glibc's exp). */
export function crExp(x: number): number {
  if (x !== x) return x;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (x === 0) return 1;
  const k = ddExpCore(x, 0);
  return scaleToDouble(rh, rl, k);
}

/** 2**x, correctly rounded (glibc's exp2). */
export function crExp2(x: number): number {
  if (x !== x) return x;
  if (Number.isInteger(x)) {
    if (x > 1023) return Infinity;
    if (x < -1074) return 0;
    return x >= -1022 ? 2 ** x : 2 ** (x + 100) * 2 ** -100;
  }
  if (x > 1024) return Infinity;
  if (x < -1076) return 0;
  twoProd(x, LN2_1);
  ddAdd(rh, rl, x * LN2_2, 0);
  const k = ddExpCore(rh, rl);
  return scaleToDouble(rh, rl, k);
}

// ---- log ----

/** log(x) for finite x > 0 as a double-double in (rh, rl). */
function ddLog(x: number): void {
  // x = m * 2**e with m in [sqrt(1/2), sqrt(2)).
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 2 ** 54;
    e -= 54;
  }
  const fe = Math.floor(Math.log2(m));
  let ee = fe;
  m = m * 2 ** -ee;
  // Math.log2 can be off by one near powers of two; normalise exactly.
  while (m >= 2) { m /= 2; ee++; }
  while (m < 1) { m *= 2; ee--; }
  if (m > Math.SQRT2) {
    m /= 2;
    ee++;
  }
  e += ee;
  // log(m) = 2 atanh(s), s = (m - 1) / (m + 1).
  const num = m - 1; // exact (Sterbenz)
  const den = m + 1;
  const bb = den - m;
  const denL = m - (den - bb) + (1 - bb);
  ddDiv(num, 0, den, denL);
  const sh = rh;
  const sl = rl;
  ddMul(sh, sl, sh, sl);
  const s2h = rh;
  const s2l = rl;
  let powH = sh;
  let powL = sl;
  let sumH = sh;
  let sumL = sl;
  // Orders 3..15 in double-double; from order 17 on the terms are below 2**-40 relative (s^2 < 0.03), so that
  // tail is summed in plain doubles.
  for (let n = 3; n <= 15; n += 2) {
    ddMul(powH, powL, s2h, s2l);
    powH = rh;
    powL = rl;
    ddDivInt(powH, powL, n);
    ddAdd(sumH, sumL, rh, rl);
    sumH = rh;
    sumL = rl;
  }
  let tail = 0;
  for (let n = 41; n >= 17; n -= 2) tail = tail * s2h + 1 / n;
  ddAdd(sumH, sumL, tail * powH * s2h, 0);
  sumH = rh;
  sumL = rl;
  // 2 * sum + e * ln2.
  const lh = 2 * sumH;
  const ll = 2 * sumL;
  twoProd(e, LN2_1);
  const eh = rh;
  const el = rl + e * LN2_2;
  ddAdd(eh, el, lh, ll);
  ddAdd(rh, rl, e * LN2_3, 0);
}

/** log(x) for x > 0 finite, correctly rounded (glibc's log). Other inputs follow C: log(0) = -inf, log(<0) = nan. */
export function crLog(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  if (x === 1) return 0;
  ddLog(x);
  return rh + rl;
}

/** log2(x), correctly rounded (glibc's log2); exact for powers of two. */
export function crLog2(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  ddLog(x);
  ddMul(rh, rl, INV_LN2_H, INV_LN2_L);
  return rh + rl;
}

const IVLN10 = 4.34294481903251816668e-01;
const LOG10_2HI = 3.01029995663611771306e-01;
const LOG10_2LO = 3.69423907715893078616e-13;

/** log10(x) computed like glibc's __ieee754_log10 (exponent split around its correctly rounded log). */
export function crLog10(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  let k = 0;
  let v = x;
  if (v < 2.2250738585072014e-308) {
    k -= 54;
    v *= 2 ** 54;
  }
  let e = Math.floor(Math.log2(v));
  if (2 ** e > v) e--;
  if (2 ** (e + 1) <= v) e++;
  k += e;
  const i = k < 0 ? 1 : 0;
  // Mantissa scaled into [1, 2) for k >= 0, [0.5, 1) for k < 0.
  const m = v * 2 ** -e * (i ? 0.5 : 1);
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * crLog(m);
  return z + y * LOG10_2HI;
}

/** pow(x, y) for finite x > 0 and finite y, correctly rounded from exp(y * log(x)) in double-double. */
export function crPowPositive(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (y === 1) return x;
  ddLog(x);
  const lh = rh;
  const ll = rl;
  // Certain overflow/underflow first: the double-double product below would turn inf into NaN.
  const est = y * lh;
  if (est > 709.8) return Infinity;
  if (est < -745.2) return 0;
  twoProd(y, lh);
  ddAdd(rh, rl, y * ll, 0);
  const th = rh;
  const tl = rl;
  if (th > 709.8) return Infinity;
  if (th < -745.2) return 0;
  const k = ddExpCore(th, tl);
  return scaleToDouble(rh, rl, k);
}

// ---- erf / erfc: the series and continued fraction CPython falls back on without libm erf, evaluated in
// double-double so the results are (nearly always) correctly rounded, like glibc's within-an-ulp erf/erfc ----

const INV_SQRTPI_H = 0.5641895835477563;
const INV_SQRTPI_L = 7.66772980658294e-18;

/** e**(-x*x) * scale-free double-double into (rh, rl), returning the binary exponent to apply. */
function ddExpNegSquare(x: number): number {
  twoProd(x, x);
  return ddExpCore(-rh, -rl);
}

/** erf(x) for 0 <= x < 2.5 as a double-double: (2x/sqrt(pi)) e^(-x^2) sum_k (2x^2)^k / (2k+1)!!. */
function ddErfSeries(x: number): [number, number] {
  twoProd(2 * x, x);
  const t2h = rh;
  const t2l = rl;
  let termH = 1;
  let termL = 0;
  let sumH = 1;
  let sumL = 0;
  for (let k = 1; k < 400; k++) {
    ddMul(termH, termL, t2h, t2l);
    ddDivInt(rh, rl, 2 * k + 1);
    termH = rh;
    termL = rl;
    ddAdd(sumH, sumL, termH, termL);
    sumH = rh;
    sumL = rl;
    if (termH < sumH * 1e-34) break;
  }
  const k = ddExpNegSquare(x);
  const eh = rh * 2 ** k;
  const el = rl * 2 ** k;
  ddMul(sumH, sumL, eh, el);
  ddMul(rh, rl, INV_SQRTPI_H, INV_SQRTPI_L);
  ddMul(rh, rl, 2 * x, 0);
  return [rh, rl];
}

/** erfc(x) for x >= 2 as a double-double times 2**exp: e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))). */
function ddErfcContFrac(x: number): [number, number, number] {
  const n = Math.min(3000, Math.ceil(2000 / (x * x)) + 40);
  let th = x;
  let tl = 0;
  for (let i = n; i >= 1; i--) {
    ddDiv(i / 2, 0, th, tl);
    ddAdd(x, 0, rh, rl);
    th = rh;
    tl = rl;
  }
  ddDiv(INV_SQRTPI_H, INV_SQRTPI_L, th, tl);
  const qh = rh;
  const ql = rl;
  const k = ddExpNegSquare(x);
  ddMul(qh, ql, rh, rl);
  return [rh, rl, k];
}

/** math.erf(x). */
export function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax >= 6) return x > 0 ? 1 : -1;
  if (ax === 0) return x;
  let r: number;
  if (ax < 2.5) {
    const [h, l] = ddErfSeries(ax);
    r = h + l;
  } else {
    const [h, l, k] = ddErfcContFrac(ax);
    ddAdd(1, 0, -h * 2 ** k, -l * 2 ** k);
    r = rh + rl;
  }
  return x < 0 ? -r : r;
}

/** math.erfc(x). */
export function erfc(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  if (x > 27.3) return 0;
  if (x < -6) return 2;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    const [h, l] = ddErfSeries(ax);
    ddAdd(1, 0, x < 0 ? h : -h, x < 0 ? l : -l);
    return rh + rl;
  }
  const [h, l, k] = ddErfcContFrac(ax);
  if (x < 0) {
    ddAdd(2, 0, -h * 2 ** k, -l * 2 ** k);
    return rh + rl;
  }
  return scaleToDouble(h, l, k);
}
