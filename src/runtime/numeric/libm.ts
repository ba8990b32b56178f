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

// ---- trigonometry: argument reduction modulo pi/2 (Cody-Waite, or Payne-Hanek with an exact 2/pi for huge
// arguments) and Taylor kernels in double-double, correctly rounded in practice like glibc's sin/cos/tan/atan ----

// pi/2 split for Cody-Waite: the first two parts have 33 significant bits so k * part is exact for k < 2**20.
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487959506e-21;
const PIO2_4 = 1.0085854035872483e-37;
const PIO2_H = 1.5707963267948966;
const PIO2_L = 6.123233995736766e-17;
const PI_H = 3.141592653589793;
const PI_L = 1.2246467991473532e-16;
/** floor(2/pi * 2**1200): enough bits to reduce any double exactly enough. */
const TWO_OVER_PI = BigInt("0xa2f9836e4e441529fc2757d1f534ddc0db6295993c439041fe5163abdebbc561b7246e3a424dd2e006492eea09d1921cfe1deb1cb129a73ee88235f52ebb4484e99c7026b45f7e413991d639835339f49c845f8bbdf9283b1ff897ffde05980fef2f118b5a0a6d1f6d367ecf27cb09b74f463f669e5fea2d7527bac7ebe5f17b3d0739f78a5292ea6bfb5fb11f8d5d0856033046fc7b");

/** Reduces x (finite) to r = x - k*pi/2 with |r| <= ~pi/4 into (rh, rl); returns k mod 4. */
function reducePio2(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 0.7853981633974483) {
    rh = x;
    rl = 0;
    return 0;
  }
  if (ax < 823550) {
    const k = Math.round(x * 0.6366197723675814);
    // x - k*P1 and k*P2 are exact; the rest is carried in double-double.
    const a = x - k * PIO2_1;
    const b = k * PIO2_2;
    ddAdd(a, 0, -b, 0);
    const h1 = rh;
    const l1 = rl;
    twoProd(k, PIO2_3);
    ddAdd(h1, l1, -rh, -rl - k * PIO2_4);
    return ((k % 4) + 4) % 4;
  }
  return reduceHuge(x);
}

/** Payne-Hanek reduction with exact bigint arithmetic for |x| >= 2**19 * pi/2. */
function reduceHuge(x: number): number {
  const f = new Float64Array([Math.abs(x)]);
  const u = new BigUint64Array(f.buffer)[0];
  const biased = Number((u >> 52n) & 0x7ffn);
  const m = (u & ((1n << 52n) - 1n)) | (1n << 52n);
  const e = biased - 1075; // |x| = m * 2**e
  // |x| * 2/pi = m * T * 2**(e - 1200); keep the integer part mod 4 and 128 bits of fraction.
  const p = m * TWO_OVER_PI;
  const shift = BigInt(1200 - e);
  let k = Number((p >> shift) & 3n);
  const fracBits = p & ((1n << shift) - 1n);
  const top = shift > 128n ? fracBits >> (shift - 128n) : fracBits << (128n - shift);
  // fraction in [0, 1) as a double-double from its top 128 bits.
  let fh = Number(top >> 75n) * 2 ** -53;
  let fl = Number((top >> 22n) & ((1n << 53n) - 1n)) * 2 ** -106;
  if (fh >= 0.5) {
    // Take the nearer multiple: fraction - 1.
    ddAdd(fh, fl, -1, 0);
    fh = rh;
    fl = rl;
    k = (k + 1) & 3;
  }
  ddMul(fh, fl, PIO2_H, PIO2_L);
  if (x < 0) {
    rh = -rh;
    rl = -rl;
    k = (4 - k) & 3;
  }
  return k;
}

const SIN_H = [1.0, -0.16666666666666666, 0.008333333333333333, -0.0001984126984126984, 2.7557319223985893e-06,
  -2.505210838544172e-08, 1.6059043836821613e-10];
const SIN_L = [0.0, -9.25185853854297e-18, 1.1564823173178714e-19, -1.7209558293420705e-22, -1.858393274046472e-22,
  1.448814070935912e-24, 1.2585294588752098e-26];
const SIN_TAIL = [-7.647163731819816e-13, 2.8114572543455206e-15, -8.22063524662433e-18, 1.9572941063391263e-20,
  -3.868170170630684e-23, 6.446950284384474e-26, -9.183689863795546e-29];
const COS_H = [1.0, -0.5, 0.041666666666666664, -0.001388888888888889, 2.48015873015873e-05, -2.755731922398589e-07,
  2.08767569878681e-09, -1.1470745597729725e-11];
const COS_L = [0.0, 0.0, 2.3129646346357427e-18, 5.300543954373577e-20, 2.1511947866775882e-23, -2.3767714622250297e-23,
  -1.20734505911326e-25, -2.0655512752830745e-28];
const COS_TAIL = [4.779477332387385e-14, -1.5619206968586225e-16, 4.110317623312165e-19, -8.896791392450574e-22,
  1.6117375710961184e-24, -2.4795962632247976e-27, 3.279889237069838e-30];

/** Horner in double-double over z = r*r: plain-double tail coefficients, then double-double ones. */
function ddPoly(zh: number, zl: number, tail: readonly number[], hs: readonly number[], ls: readonly number[]): void {
  let t = 0;
  for (let i = tail.length - 1; i >= 0; i--) t = t * zh + tail[i];
  let th = t;
  let tl = 0;
  for (let i = hs.length - 1; i >= 0; i--) {
    ddMul(th, tl, zh, zl);
    ddAdd(rh, rl, hs[i], ls[i]);
    th = rh;
    tl = rl;
  }
}

/** sin(r) for |r| <= ~pi/4 in double-double into (rh, rl). */
function ddSinK(r0: number, r1: number): void {
  ddMul(r0, r1, r0, r1);
  ddPoly(rh, rl, SIN_TAIL, SIN_H, SIN_L);
  ddMul(rh, rl, r0, r1);
}

/** cos(r) for |r| <= ~pi/4 in double-double into (rh, rl). */
function ddCosK(r0: number, r1: number): void {
  ddMul(r0, r1, r0, r1);
  ddPoly(rh, rl, COS_TAIL, COS_H, COS_L);
}

/** sin(x), correctly rounded. */
export function crSin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  const k = reducePio2(x);
  const r0 = rh;
  const r1 = rl;
  if (k & 1) ddCosK(r0, r1);
  else ddSinK(r0, r1);
  const v = rh + rl;
  return k & 2 ? -v : v;
}

/** cos(x), correctly rounded. */
export function crCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 7.450580596923828e-9) return 1;
  const k = reducePio2(x);
  const r0 = rh;
  const r1 = rl;
  if (k & 1) ddSinK(r0, r1);
  else ddCosK(r0, r1);
  const v = rh + rl;
  return k === 1 || k === 2 ? -v : v;
}

/** tan(x), correctly rounded. */
export function crTan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  const k = reducePio2(x);
  const r0 = rh;
  const r1 = rl;
  ddSinK(r0, r1);
  const sh = rh;
  const sl = rl;
  ddCosK(r0, r1);
  if (k & 1) {
    ddDiv(rh, rl, sh, sl);
    return -(rh + rl);
  }
  const ch = rh;
  const cl = rl;
  ddDiv(sh, sl, ch, cl);
  return rh + rl;
}

const ATAN_H = [0.0, 0.06241880999595735, 0.12435499454676144, 0.18534794999569476, 0.24497866312686414,
  0.3028848683749714, 0.35877067027057225, 0.4124104415973873, 0.4636476090008061, 0.5123894603107377,
  0.5585993153435624, 0.6022873461349642, 0.6435011087932844, 0.6823165548747481, 0.7188299996216245,
  0.7531512809621944, 0.7853981633974483];
const ATAN_L = [0.0, -1.5490756308295046e-18, -3.1253241424539383e-18, 4.180692268843079e-18, 1.0698755618734451e-17,
  -1.1010827903001369e-17, -2.4623815582638635e-17, -1.587652227770689e-17, 2.2698777452961687e-17,
  -2.5462781472855804e-17, -5.4556305485916264e-18, 2.950430737228402e-17, 1.5834785051444286e-17,
  6.943223671560008e-18, -2.1478388444456983e-17, -2.4256934659182068e-17, 3.061616997868383e-17];

/** atan(a) for a double-double 0 <= a <= 1 into (rh, rl): atan(c) + atan((a - c) / (1 + a c)) with c = j/16. */
function ddAtanUnit(ah: number, al: number): void {
  const j = Math.round(ah * 16);
  const c = j / 16;
  // t = (a - c) / (1 + a*c)
  ddAdd(ah, al, -c, 0);
  const nh = rh;
  const nl = rl;
  ddMul(ah, al, c, 0);
  ddAdd(rh, rl, 1, 0);
  ddDiv(nh, nl, rh, rl);
  const th = rh;
  const tl = rl;
  // atan(t) = t * (1 - t^2/3 + t^4/5 - ...), |t| <= 1/32: orders >= 13 in plain doubles.
  ddMul(th, tl, th, tl);
  const zh = rh;
  const zl = rl;
  let tail = 0;
  for (let n = 14; n >= 6; n--) tail = tail * zh + (n % 2 ? -1 : 1) / (2 * n + 1);
  let sh = tail;
  let sl = 0;
  for (let n = 5; n >= 0; n--) {
    ddMul(sh, sl, zh, zl);
    ddDivInt(n % 2 ? -1 : 1, 0, 2 * n + 1);
    const ch = rh;
    const cl = rl;
    ddMul(sh, sl, zh, zl);
    ddAdd(rh, rl, ch, cl);
    sh = rh;
    sl = rl;
  }
  ddMul(sh, sl, th, tl);
  ddAdd(rh, rl, ATAN_H[j], ATAN_L[j]);
}

/** atan of a non-negative double-double of any size into (rh, rl). */
function ddAtanPos(ah: number, al: number): void {
  if (ah <= 1) {
    ddAtanUnit(ah, al);
    return;
  }
  if (ah > 2 ** 60) {
    // atan(a) = pi/2 - 1/a - ..., and 1/a is far below the double-double's resolution of pi/2's low part.
    rh = PIO2_H;
    rl = PIO2_L - 1 / ah;
    return;
  }
  ddDiv(1, 0, ah, al);
  ddAtanUnit(rh, rl);
  ddAdd(PIO2_H, PIO2_L, -rh, -rl);
}

/** atan(x), correctly rounded. */
export function crAtan(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return PIO2_H;
  if (x === -Infinity) return -PIO2_H;
  if (Math.abs(x) > 2 ** 60) return x > 0 ? PIO2_H : -PIO2_H;
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  ddAtanPos(Math.abs(x), 0);
  const v = rh + rl;
  return x < 0 ? -v : v;
}

/** atan2(y, x) for finite nonzero-or-zero arguments as the C library computes it (special values by C99 rules). */
export function crAtan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  const negY = y < 0 || Object.is(y, -0);
  const negX = x < 0 || Object.is(x, -0);
  if (y === Infinity || y === -Infinity) {
    if (x === Infinity || x === -Infinity) return (negY ? -1 : 1) * (negX ? 3 * 0.7853981633974483 : 0.7853981633974483);
    return negY ? -PIO2_H : PIO2_H;
  }
  if (x === Infinity || x === -Infinity || y === 0) {
    if (!negX) return negY ? -0 : 0;
    return negY ? -PI_H : PI_H;
  }
  if (x === 0) return negY ? -PIO2_H : PIO2_H;
  let ay = Math.abs(y);
  let ax = Math.abs(x);
  // Scale both by the same power of two so the double-double division cannot overflow (Dekker's split needs
  // |v| < 2**996); the ratio is unchanged unless the smaller one underflows, where the angle is that tiny ratio anyway.
  const big = Math.max(ax, ay);
  if (big > 2 ** 500 || big < 2 ** -500) {
    const e = Math.floor(Math.log2(big));
    const sc1 = 2 ** Math.trunc(-e / 2);
    const sc2 = 2 ** (-e - Math.trunc(-e / 2));
    ax = ax * sc1 * sc2;
    ay = ay * sc1 * sc2;
  }
  // angle in [0, pi/2] for (|x|, |y|), then fold into the quadrant.
  if (ay <= ax) {
    ddDiv(ay, 0, ax, 0);
    ddAtanPos(rh, rl);
  } else {
    ddDiv(ax, 0, ay, 0);
    ddAtanPos(rh, rl);
    ddAdd(PIO2_H, PIO2_L, -rh, -rl);
  }
  if (negX) ddAdd(PI_H, PI_L, -rh, -rl);
  const v = rh + rl;
  return negY ? -v : v;
}

/** sqrt of a positive double-double into (rh, rl) (one Newton correction of the double sqrt). */
function ddSqrt(ah: number, al: number): void {
  const s = Math.sqrt(ah);
  twoProd(s, s);
  ddAdd(ah, al, -rh, -rl);
  const corr = rh / (2 * s);
  rh = s + corr;
  rl = corr - (rh - s);
}

/** sqrt(1 - x*x) for |x| <= 1 as a double-double ((1 - x)(1 + x), each factor exact or double-double). */
function ddSqrtOneMinusSq(x: number): void {
  const ax = Math.abs(x);
  const a = 1 - ax; // exact for ax >= 0.5
  if (ax >= 0.5) {
    ddAdd(1, 0, ax, 0);
    ddMul(rh, rl, a, 0);
  } else {
    twoProd(ax, ax);
    ddAdd(1, 0, -rh, -rl);
  }
  ddSqrt(rh, rl);
}

/** asin(x), correctly rounded (NaN outside [-1, 1]). */
export function crAsin(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  if (Math.abs(x) === 1) return x * PIO2_H;
  ddSqrtOneMinusSq(x);
  const ch = rh;
  const cl = rl;
  // asin(|x|) = atan(|x| / sqrt(1 - x^2)).
  ddDiv(Math.abs(x), 0, ch, cl);
  ddAtanPos(rh, rl);
  const v = rh + rl;
  return x < 0 ? -v : v;
}

/** acos(x), correctly rounded (NaN outside [-1, 1]). */
export function crAcos(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  if (x === 1) return 0;
  if (x === -1) return PI_H;
  // acos(x) = pi/2 - x - ... rounds to pi/2 when |x| is far below pi/2's low part.
  if (Math.abs(x) < 2 ** -60) return PIO2_H;
  ddSqrtOneMinusSq(x);
  // acos(|x|) = atan(sqrt(1 - x^2) / |x|); acos(-x) = pi - acos(x).
  ddDiv(rh, rl, Math.abs(x), 0);
  ddAtanPos(rh, rl);
  if (x < 0) ddAdd(PI_H, PI_L, -rh, -rl);
  return rh + rl;
}
