// Python float arithmetic with CPython's exact semantics: floor division/modulo signs, ** special cases and errors,
// round() via correctly rounded decimal digits, hex()/fromhex(), as_integer_ratio, and exact float <-> int conversion.
import { decompose, fixedDigits, exactDigits, roundDigitsAt } from "./digits";
import { erangeError, overflowError, valueError, zeroDivisionError } from "./errors";
import { ldexpBig } from "./bigFloat";
import { bitLengthBig, normInt, PyInt } from "./intStr";
import { powFinite } from "./powCore";

/** a / b for floats ("float division by zero"). */
export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float division by zero");
  return a / b;
}

/** CPython's _float_div_mod: [floor(a/b), a mod b] with the remainder taking the divisor's sign. b != 0. */
function divMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  // C tests doubles against zero, so NaN counts as true here (JS would treat it as false).
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** a // b for floats. */
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float floor division by zero");
  return divMod(a, b)[0];
}

/** a % b for floats. */
export function floatMod(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float modulo");
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** divmod(a, b) for floats. */
export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw zeroDivisionError("float divmod()");
  return divMod(a, b);
}

/** Returned by floatPow when CPython would delegate to complex ** (negative base, non-integral exponent). */
export const POW_NEEDS_COMPLEX: unique symbol = Symbol("pow needs complex");

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** float ** float with CPython's special cases; returns POW_NEEDS_COMPLEX for negative ** fractional. */
export function floatPow(v: number, w: number): number | typeof POW_NEEDS_COMPLEX {
  if (w === 0) return 1.0;
  if (v !== v) return v;
  if (w !== w) return v === 1.0 ? 1.0 : w;
  if (w === Infinity || w === -Infinity) {
    const av = Math.abs(v);
    if (av === 1.0) return 1.0;
    return w > 0 === av > 1.0 ? Infinity : 0.0;
  }
  if (v === Infinity || v === -Infinity) {
    const odd = isOddInteger(w);
    if (w > 0) return odd ? v : Math.abs(v);
    return odd ? (v < 0 ? -0 : 0) : 0.0;
  }
  if (v === 0) {
    if (w < 0) throw zeroDivisionError("0.0 cannot be raised to a negative power");
    return isOddInteger(w) ? v : 0.0;
  }
  let negate = false;
  if (v < 0) {
    if (w !== Math.floor(w)) return POW_NEEDS_COMPLEX;
    v = -v;
    negate = isOddInteger(w);
  }
  if (v === 1.0) return negate ? -1.0 : 1.0;
  let r = powFinite(v, w);
  if (r === Infinity) throw erangeError();
  if (negate) r = -r;
  return r;
}

/** int(x) / math.trunc(x): exact conversion of a float's integral part to a Python int. */
export function floatToInt(x: number): PyInt {
  if (x !== x) throw valueError("cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert float infinity to integer");
  const t = Math.trunc(x);
  if (t >= -9007199254740991 && t <= 9007199254740991) return t === 0 ? 0 : t;
  return BigInt(t);
}

/** float(n) for a Python int: correctly rounded (V8's BigInt -> Number rounds half-even). */
export function intToFloat(n: PyInt): number {
  if (typeof n === "number") return n;
  const v = Number(n);
  if (v === Infinity || v === -Infinity) throw overflowError("int too large to convert to float");
  return v;
}

/** round(x) with no ndigits: round half to even, as an int. */
export function floatRoundToInt(x: number): PyInt {
  let r = Math.round(x);
  // Math.round rounds halves up; CPython rounds them to even.
  if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2.0 * Math.round(x / 2.0);
  return floatToInt(r);
}

const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** round(x, ndigits) for floats: correctly rounded half-even on the exact value (CPython's double_round). */
export function floatRound(x: number, ndigits: number | bigint): number {
  if (!Number.isFinite(x)) return x;
  const nd = typeof ndigits === "bigint" ? (ndigits > 1000n ? 1000 : ndigits < -1000n ? -1000 : Number(ndigits)) : ndigits;
  if (nd > NDIGITS_MAX) return x;
  if (nd < NDIGITS_MIN) return 0.0 * x;
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let d;
  if (ax === 0) d = { digits: "0", decpt: 1 };
  else if (nd >= 0) d = fixedDigits(ax, nd);
  else d = roundDigitsAt(exactDigits(ax), nd);
  const r = Number(`${d.digits}e${d.decpt - d.digits.length}`);
  if (r === Infinity) throw overflowError("rounded value too large to represent");
  return neg ? -r : r;
}

/** float.is_integer(). */
export function floatIsInteger(x: number): boolean {
  return Number.isFinite(x) && Math.floor(x) === x;
}

/** float.as_integer_ratio(): the exact [numerator, denominator] in lowest terms. */
export function floatAsIntegerRatio(x: number): [PyInt, PyInt] {
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert Infinity to integer ratio");
  if (x !== x) throw valueError("cannot convert NaN to integer ratio");
  if (x === 0) return [0, 1];
  const { mant, exp } = decompose(Math.abs(x));
  const sign = x < 0 ? -1n : 1n;
  if (exp >= 0) return [normInt(sign * (mant << BigInt(exp))), 1];
  return [normInt(sign * mant), normInt(1n << BigInt(-exp))];
}

/** float.hex(). */
export function floatHex(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0x0.0p+0" : "0x0.0p+0";
  const ax = Math.abs(x);
  const { mant, exp } = decompose(ax);
  // Normalise to a 53-bit significand 1.xxx (or 0.xxx for subnormals with exponent -1022).
  const bl = bitLengthBig(mant);
  let e = exp + bl - 1;
  let sig: bigint;
  if (e < -1022) {
    sig = mant << BigInt(exp + 1074);
    e = -1022;
  } else {
    sig = mant << BigInt(53 - bl);
  }
  const lead = sig >> 52n;
  const frac = (sig & ((1n << 52n) - 1n)).toString(16).padStart(13, "0");
  return `${x < 0 ? "-" : ""}0x${lead}.${frac}p${e < 0 ? "-" : "+"}${Math.abs(e)}`;
}

function hexValue(c: string): number {
  const v = parseInt(c, 16);
  return Number.isNaN(v) ? -1 : v;
}

/** float.fromhex(s). */
export function floatFromHex(s: string): number {
  const bad = (): Error => valueError("invalid hexadecimal floating-point string");
  const m = /^[ \t\n\v\f\r]*(.*?)[ \t\n\v\f\r]*$/s.exec(s) as RegExpExecArray;
  const body = m[1];
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(body);
  if (special !== null) {
    const v = special[2].toLowerCase() === "nan" ? NaN : Infinity;
    return special[1] === "-" ? -v : v;
  }
  const h = /^([+-]?)(?:0[xX])?([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/.exec(body);
  if (h === null) throw bad();
  const intDigits = h[2];
  const fracDigits = h[3] ?? "";
  if (intDigits.length + fracDigits.length === 0) throw bad();
  if (h[3] === undefined && /^[+-]?0[xX]$/.test(body)) throw bad();
  const negate = h[1] === "-";
  let mant = 0n;
  const all = intDigits + fracDigits;
  for (let i = 0; i < all.length; i++) if (hexValue(all[i]) < 0) throw bad();
  mant = BigInt("0x" + all);
  let exp: number;
  if (h[4] === undefined) exp = 0;
  else {
    const big = BigInt(h[4]);
    // Exponents beyond what any result could need saturate (CPython clamps to LONG_MIN/2 .. LONG_MAX/2).
    exp = big > 1n << 40n ? 2 ** 40 : big < -(1n << 40n) ? -(2 ** 40) : Number(big);
  }
  let x: number;
  if (mant === 0n) x = 0;
  else {
    x = ldexpBig(mant, exp - 4 * fracDigits.length);
    if (x === Infinity) throw overflowError("hexadecimal value too large to represent as a float");
  }
  return negate ? -x : x;
}

/** The exact decimal value of a double as a string (debugging and Decimal(float) support). */
export function floatExactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw valueError("cannot convert non-finite float to exact decimal");
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const d = exactDigits(Math.abs(x));
  const sign = x < 0 ? "-" : "";
  if (d.decpt <= 0) return `${sign}0.${"0".repeat(-d.decpt)}${d.digits}`;
  if (d.decpt >= d.digits.length) return sign + d.digits + "0".repeat(d.decpt - d.digits.length);
  return `${sign}${d.digits.slice(0, d.decpt)}.${d.digits.slice(d.decpt)}`;
}

/** struct's 'e' format (CPython's PyFloat_Pack2): the IEEE half-precision bits of x, rounded half to even. */
export function packFloat16(x: number): number {
  let sign = 0;
  let e: number;
  let bits: number;
  if (x === 0) {
    sign = Object.is(x, -0) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (x === Infinity || x === -Infinity) {
    sign = x < 0 ? 1 : 0;
    e = 0x1f;
    bits = 0;
  } else if (x !== x) {
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0 ? 1 : 0;
    let f = Math.abs(x);
    // Normalise to f in [1, 2) with x = f * 2**e.
    const d = decompose(f);
    e = d.exp + bitLengthBig(d.mant) - 1;
    f = f * 2 ** -e;
    if (e >= 16) throw overflowError("float too large to pack with e format");
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = f * 2 ** (14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = Math.trunc(f);
    if (f - bits > 0.5 || (f - bits === 0.5 && bits % 2 === 1)) {
      bits++;
      if (bits === 1024) {
        bits = 0;
        e++;
        if (e === 31) throw overflowError("float too large to pack with e format");
      }
    }
  }
  return bits | (e << 10) | (sign << 15);
}

/** struct's 'e' format unpacking (PyFloat_Unpack2). */
export function unpackFloat16(h: number): number {
  const sign = (h >> 15) & 1;
  let e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0x1f) return f === 0 ? (sign ? -Infinity : Infinity) : NaN;
  let x = f / 1024.0;
  if (e === 0) e = -14;
  else {
    x += 1.0;
    e -= 15;
  }
  x = x * 2 ** e;
  return sign ? -x : x;
}

/** struct's 'f' format (PyFloat_Pack4): x rounded to single precision, OverflowError when a finite x overflows. */
export function packFloat32(x: number): number {
  const y = Math.fround(x);
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) {
    throw overflowError("float too large to pack with f format");
  }
  return y;
}
