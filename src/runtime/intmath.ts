// Arbitrary-precision int arithmetic on the runtime's int representation (JS number when safe, bigint otherwise).
// Pure functions: errors are returned as Python exceptions built by core.ts helpers.
import { normBig, overflowError, zeroDivisionError } from "./core";

export type Int = number | bigint;

const big = (x: Int): bigint => (typeof x === "bigint" ? x : BigInt(x));

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) + big(b));
}
export function intSub(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) - big(b));
}
export function intMul(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    // Exact when the true product is safe (then the double product is exact); -0 must not leak as an int.
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normBig(big(a) * big(b));
}
export function intNeg(a: Int): Int {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return normBig(-a);
}
/** Floor division (Python //). */
export function intFloorDiv(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("integer division or modulo by zero");
    const r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q === 0 ? 0 : q;
  }
  const bb = big(b);
  if (bb === 0n) throw zeroDivisionError("integer division or modulo by zero");
  const ba = big(a);
  let q = ba / bb;
  if (ba % bb !== 0n && ba < 0n !== bb < 0n) q -= 1n;
  return normBig(q);
}
/** Python % on ints (result has the sign of the divisor). */
export function intMod(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("integer modulo by zero");
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  const bb = big(b);
  if (bb === 0n) throw zeroDivisionError("integer modulo by zero");
  let r = big(a) % bb;
  if (r !== 0n && r < 0n !== bb < 0n) r += bb;
  return normBig(r);
}
export function intPow(a: Int, b: Int): Int {
  // b >= 0 (negative exponents give floats and are handled by the caller)
  if (typeof a === "number" && typeof b === "number") {
    const r = Math.pow(a, b);
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normBig(big(a) ** big(b));
}
export function intPowMod(a: Int, b: Int, m: Int): Int {
  let mod = big(m);
  if (mod === 0n) throw newValueErrorPowMod();
  let base = big(a);
  let e = big(b);
  const negMod = mod < 0n;
  if (negMod) mod = -mod;
  if (e < 0n) {
    base = modInverse(base, mod);
    e = -e;
  }
  let result = 1n % mod;
  base = ((base % mod) + mod) % mod;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    e >>= 1n;
  }
  if (negMod && result !== 0n) result -= mod;
  return normBig(result);
}
import { valueError } from "./core";
function newValueErrorPowMod() {
  return valueError("pow() 3rd argument cannot be 0");
}
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError("base is not invertible for the given modulus");
  return ((oldS % m) + m) % m;
}
export function intLshift(a: Int, b: Int): Int {
  if (b < 0) throw valueError("negative shift count");
  if (typeof a === "number" && typeof b === "number" && b < 31 && a >= -0x100000 && a <= 0x100000) {
    return a * 2 ** b;
  }
  if (typeof b === "bigint" || b > 1e7) {
    if (a === 0 || a === 0n) return 0;
    throw overflowError("too many digits in integer");
  }
  return normBig(big(a) << BigInt(b));
}
export function intRshift(a: Int, b: Int): Int {
  if (b < 0) throw valueError("negative shift count");
  if (typeof a === "number" && typeof b === "number") {
    if (b >= 60) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b);
  }
  if (typeof b === "bigint") return big(a) < 0n ? -1 : 0;
  return normBig(big(a) >> BigInt(b));
}
export function intAnd(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a & b;
  return normBig(big(a) & big(b));
}
export function intOr(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a | b;
  return normBig(big(a) | big(b));
}
export function intXor(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a ^ b;
  return normBig(big(a) ^ big(b));
}
export function intInvert(a: Int): Int {
  return intSub(intNeg(a), 1);
}
/** -1, 0, 1 */
export function intCmp(a: Int, b: Int): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function intAbs(a: Int): Int {
  return a < 0 ? intNeg(a) : a;
}

/** int -> float, correctly rounded; OverflowError when too large. */
export function intToFloat(a: Int): number {
  if (typeof a === "number") return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw overflowError("int too large to convert to float");
  return f;
}

/** True division of ints, correctly rounded as CPython's long_true_divide. */
export function intTrueDiv(a: Int, b: Int): number {
  if (b === 0 || b === 0n) throw zeroDivisionError("division by zero");
  if (typeof a === "number" && typeof b === "number") return a / b;
  const ba = big(a);
  const bb = big(b);
  const neg = ba < 0n !== bb < 0n;
  const na = ba < 0n ? -ba : ba;
  const nb = bb < 0n ? -bb : bb;
  // Scale so that the quotient has at least 55 significant bits, then round once via Number() on a 2-bit-extended value.
  const la = na.toString(2).length;
  const lb = nb.toString(2).length;
  let shift = 55 - (la - lb);
  let q: bigint;
  let rem: bigint;
  if (shift >= 0) {
    const num = na << BigInt(shift);
    q = num / nb;
    rem = num % nb;
  } else {
    const den = nb << BigInt(-shift);
    q = na / den;
    rem = na % den;
  }
  // Sticky bit: make q odd if there was a remainder so Number() rounding sees it (q has >= 55 bits, so 2 guard bits).
  if (rem !== 0n) q |= 1n;
  // Compute q * 2^-shift carefully: Number(q) is exact-rounded to 53 bits from >=55 bits with the sticky bit.
  let result = Number(q);
  if (shift > 1000) {
    result = result / 2 ** 1000;
    shift -= 1000;
  }
  result = shift >= 0 ? result / 2 ** shift : result * 2 ** -shift;
  if (!Number.isFinite(result)) throw overflowError("integer division result too large for a float");
  return neg ? -result : result;
}
