// Python int arithmetic on the VM's number|bigint representation: floor division/modulo with Python signs,
// true division correctly rounded, pow (negative and modular), shifts, bit operations, to/from bytes, isqrt, gcd/lcm, round.
import { NumericError, overflowError, valueError, zeroDivisionError } from "./errors";
import { ratioToDouble } from "./bigFloat";
import { floatPow, POW_NEEDS_COMPLEX } from "./floatOps";
import { big, bitLengthBig, normInt, PyInt } from "./intStr";

const SAFE = 9007199254740991;

function isNeg(n: PyInt): boolean {
  return typeof n === "number" ? n < 0 : n < 0n;
}

function isZero(n: PyInt): boolean {
  return typeof n === "number" ? n === 0 : n === 0n;
}

/** a + b. */
export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r >= -SAFE && r <= SAFE) return r;
  }
  return normInt(big(a) + big(b));
}

/** a - b. */
export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r >= -SAFE && r <= SAFE) return r;
  }
  return normInt(big(a) - big(b));
}

/** a * b. */
export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r >= -SAFE && r <= SAFE) return r === 0 ? 0 : r;
  }
  return normInt(big(a) * big(b));
}

/** a // b (floor division). */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (isZero(b)) throw zeroDivisionError("integer division or modulo by zero");
  if (typeof a === "number" && typeof b === "number") {
    const q = Math.floor(a / b);
    // a / b in doubles can round across an integer boundary for large operands; verify with the exact remainder.
    if (Math.abs(a) < 2 ** 52 && Math.abs(b) < 2 ** 52) {
      const r = a - q * b;
      if (r === 0 || (r < 0) === (b < 0)) {
        if (Math.abs(r) < Math.abs(b)) return q === 0 ? 0 : q;
      }
    }
  }
  return normInt(bigFloorDiv(big(a), big(b)));
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function bigMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** a % b with the sign of b. */
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (isZero(b)) throw zeroDivisionError("integer modulo by zero");
  if (typeof a === "number" && typeof b === "number") {
    const r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) return r + b;
    return r === 0 ? 0 : r;
  }
  return normInt(bigMod(big(a), big(b)));
}

/** divmod(a, b). */
export function intDivmod(a: PyInt, b: PyInt): [PyInt, PyInt] {
  if (isZero(b)) throw zeroDivisionError("integer division or modulo by zero");
  return [intFloorDiv(a, b), intMod(a, b)];
}

/** a / b for ints, correctly rounded even when the operands are far beyond double range. */
export function intTrueDiv(a: PyInt, b: PyInt): number {
  if (isZero(b)) throw zeroDivisionError("division by zero");
  if (typeof a === "number" && typeof b === "number") return a / b;
  const an = big(a);
  const bn = big(b);
  const neg = (an < 0n) !== (bn < 0n);
  const aa = an < 0n ? -an : an;
  const ba = bn < 0n ? -bn : bn;
  if (aa === 0n) return neg ? -0 : 0;
  // Exact when both fit in a double's significand.
  if (aa <= 2n ** 53n && ba <= 2n ** 53n) {
    const r = Number(aa) / Number(ba);
    return neg ? -r : r;
  }
  // Correctly rounded quotient of the exact values (a sticky bit keeps the rounding exact).
  const r = ratioToDouble(aa, 0, ba, 0);
  if (r === Infinity) throw overflowError("integer division result too large for a float");
  return neg ? -r : r;
}

/** Converts an int to float for float arithmetic ("int too large to convert to float"). */
function toFloat(n: PyInt): number {
  const v = Number(n);
  if (!Number.isFinite(v)) throw overflowError("int too large to convert to float");
  return v;
}

/** a ** b for ints (b may be negative: the result is then a float, as in CPython). */
export function intPow(a: PyInt, b: PyInt): PyInt | number {
  if (isNeg(b)) {
    const r = floatPow(toFloat(a), toFloat(b));
    if (r === POW_NEEDS_COMPLEX) throw new Error("unreachable: integral exponent");
    return r;
  }
  if (typeof a === "number" && typeof b === "number") {
    const est = Math.abs(a) ** b;
    if (est < 2 ** 52) {
      let r = 1;
      let base = a;
      let e = b;
      while (e > 0) {
        if (e & 1) r *= base;
        e = Math.floor(e / 2);
        if (e > 0) base *= base;
      }
      return r === 0 ? 0 : r;
    }
  }
  const an = big(a);
  if (an === 0n || an === 1n) return Number(an);
  if (an === -1n) return big(b) % 2n === 0n ? 1 : -1;
  const bn = big(b);
  if (bn > 0x3fffffffn) throw new NumericError("MemoryError", "");
  return normInt(powBig(an, bn));
}

function powBig(a: bigint, b: bigint): bigint {
  try {
    return a ** b;
  } catch (e) {
    if (e instanceof RangeError) throw new NumericError("MemoryError", "");
    throw e;
  }
}

/** Modular inverse of a modulo m (m > 0), or null when gcd(a, m) != 1. */
function modInverse(a: bigint, m: bigint): bigint | null {
  let [oldR, r] = [bigMod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return null;
  return bigMod(oldS, m);
}

/** pow(a, b, m) for ints. */
export function intPowMod(a: PyInt, b: PyInt, m: PyInt): PyInt {
  let mod = big(m);
  if (mod === 0n) throw valueError("pow() 3rd argument cannot be 0");
  const negativeOutput = mod < 0n;
  if (negativeOutput) mod = -mod;
  let base = big(a);
  let exp = big(b);
  if (exp < 0n) {
    const inv = modInverse(base, mod);
    if (inv === null) throw valueError("base is not invertible for the given modulus");
    base = inv;
    exp = -exp;
  }
  if (mod === 1n) return 0;
  base = bigMod(base, mod);
  let result = 1n;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    exp >>= 1n;
    if (exp > 0n) base = (base * base) % mod;
  }
  if (negativeOutput && result !== 0n) result -= mod;
  return normInt(result);
}

/** -a. */
export function intNeg(a: PyInt): PyInt {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return normInt(-a);
}

/** abs(a). */
export function intAbs(a: PyInt): PyInt {
  if (typeof a === "number") return Math.abs(a);
  return normInt(a < 0n ? -a : a);
}

/** ~a. */
export function intInvert(a: PyInt): PyInt {
  if (typeof a === "number") return -a - 1 < -SAFE ? normInt(-BigInt(a) - 1n) : -a - 1;
  return normInt(~a);
}

/** a << n. */
export function intLshift(a: PyInt, n: PyInt): PyInt {
  if (isNeg(n)) throw valueError("negative shift count");
  if (isZero(a)) return 0;
  if (typeof a === "number" && typeof n === "number" && n < 53) {
    const r = a * 2 ** n;
    if (r >= -SAFE && r <= SAFE) return r;
  }
  const nb = big(n);
  if (nb > 0x3fffffffn) throw new NumericError("MemoryError", "");
  try {
    return normInt(big(a) << nb);
  } catch (e) {
    if (e instanceof RangeError) throw new NumericError("MemoryError", "");
    throw e;
  }
}

/** a >> n (arithmetic, floors). */
export function intRshift(a: PyInt, n: PyInt): PyInt {
  if (isNeg(n)) throw valueError("negative shift count");
  const nb = big(n);
  if (typeof a === "number" && nb < 53n) {
    const r = Math.floor(a / 2 ** Number(nb));
    return r === 0 ? 0 : r;
  }
  if (nb > 0x7fffffffn) return isNeg(a) ? -1 : 0;
  return normInt(big(a) >> nb);
}

/** a & b, a | b, a ^ b. */
export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number" && a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return a & b;
  return normInt(big(a) & big(b));
}

export function intOr(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number" && a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return a | b;
  return normInt(big(a) | big(b));
}

export function intXor(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number" && a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return a ^ b;
  return normInt(big(a) ^ big(b));
}

/** int.bit_length(). */
export function intBitLength(a: PyInt): number {
  if (typeof a === "number") {
    const v = Math.abs(a);
    if (v <= 0xffffffff) return v === 0 ? 0 : 32 - Math.clz32(v);
    return bitLengthBig(BigInt(v));
  }
  return bitLengthBig(a < 0n ? -a : a);
}

/** int.bit_count(): popcount of |a|. */
export function intBitCount(a: PyInt): number {
  let v = big(a);
  if (v < 0n) v = -v;
  let count = 0;
  const hex = v.toString(16);
  for (let i = 0; i < hex.length; i++) {
    let d = parseInt(hex[i], 16);
    while (d) {
      count += d & 1;
      d >>= 1;
    }
  }
  return count;
}

/** int.to_bytes(length, byteorder, signed=False). */
export function intToBytes(a: PyInt, length: number, byteorder: string, signed = false): Uint8Array {
  const little = byteOrder(byteorder);
  if (length < 0) throw valueError("length argument must be non-negative");
  let v = big(a);
  if (v < 0n && !signed) throw overflowError("can't convert negative int to unsigned");
  const bits = BigInt(length * 8);
  if (signed && length === 0 && v === -1n) return new Uint8Array(0);
  if (signed) {
    const lim = length === 0 ? 0n : 1n << (bits - 1n);
    if (v >= lim || v < -lim) throw overflowError("int too big to convert");
  } else if (v >= 1n << bits) {
    throw overflowError("int too big to convert");
  }
  if (v < 0n) v += 1n << bits;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[little ? i : length - 1 - i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function byteOrder(byteorder: string): boolean {
  if (byteorder === "little") return true;
  if (byteorder === "big") return false;
  throw valueError("byteorder must be either 'little' or 'big'");
}

/** int.from_bytes(bytes, byteorder, signed=False). */
export function intFromBytes(bytes: Uint8Array, byteorder: string, signed = false): PyInt {
  const little = byteOrder(byteorder);
  const n = bytes.length;
  if (n === 0) return 0;
  let hex = "";
  for (let i = 0; i < n; i++) {
    const b = bytes[little ? n - 1 - i : i];
    hex += (b < 16 ? "0" : "") + b.toString(16);
  }
  let v = BigInt("0x" + hex);
  if (signed && bytes[little ? n - 1 : 0] & 0x80) v -= 1n << BigInt(n * 8);
  return normInt(v);
}

/** math.isqrt(n). */
export function isqrt(n: PyInt): PyInt {
  if (isNeg(n)) throw valueError("isqrt() argument must be nonnegative");
  if (typeof n === "number") {
    let r = Math.floor(Math.sqrt(n));
    // Correct the (at most one off) floating estimate exactly.
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    return r;
  }
  // Newton iteration from an estimate above the root.
  const x = n;
  const bl = bitLengthBig(x);
  let r = 1n << BigInt(Math.ceil(bl / 2));
  for (;;) {
    const y = (r + x / r) >> 1n;
    if (y >= r) break;
    r = y;
  }
  return normInt(r);
}

/** math.gcd(a, b) (non-negative). */
export function intGcd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y) [x, y] = [y, x % y];
    return x;
  }
  let x = big(a);
  let y = big(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  while (y) [x, y] = [y, x % y];
  return normInt(x);
}

/** math.lcm(a, b) (non-negative). */
export function intLcm(a: PyInt, b: PyInt): PyInt {
  if (isZero(a) || isZero(b)) return 0;
  const g = big(intGcd(a, b));
  let r = (big(a) / g) * big(b);
  if (r < 0n) r = -r;
  return normInt(r);
}

/** round(n, ndigits) for ints: negative ndigits round half-even to a multiple of 10**-ndigits. */
export function intRound(n: PyInt, ndigits: PyInt): PyInt {
  if (!isNeg(ndigits)) return n;
  const k = -big(ndigits);
  // 10**k has more than V8's maximum BigInt size (2**30 bits) beyond this; CPython would run out of memory too.
  if (k > 300_000_000n) throw new NumericError("MemoryError", "");
  const p = powBig(10n, k);
  const v = big(n);
  // Round half to even: q = nearest multiple count.
  let q = bigFloorDiv(v, p);
  const r = v - q * p;
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return normInt(q * p);
}

/** Compare helper used by the VM for mixed int/float comparisons: sign of (a - x) for int a and float x (NaN -> null). */
export function compareIntFloat(a: PyInt, x: number): -1 | 0 | 1 | null {
  if (x !== x) return null;
  if (x === Infinity) return -1;
  if (x === -Infinity) return 1;
  if (typeof a === "number") return a < x ? -1 : a > x ? 1 : 0;
  const fl = Math.floor(x);
  const ai = a;
  const xi = BigInt(fl);
  if (ai < xi) return -1;
  if (ai > xi) return 1;
  return fl === x ? 0 : -1;
}
