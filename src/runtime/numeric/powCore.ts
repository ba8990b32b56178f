// C99 pow() for finite arguments as CPython sees it from glibc: exact special cases, integral exponents computed
// correctly rounded from the exact rational value, the rest correctly rounded in double-double (V8's Math.pow is often
// an ulp off where glibc's pow is right).
import { decompose } from "./digits";
import { ldexpBig, ratioToDouble } from "./bigFloat";
import { crPowPositive } from "./libm";

/** pow(x, y) for finite x and y with C99 semantics (NaN for negative ** non-integer, +-inf for 0 ** negative). */
export function powFinite(x: number, y: number): number {
  if (y === 0 || x === 1) return 1.0;
  const yInt = Number.isInteger(y);
  const yOdd = yInt && Math.abs(y % 2) === 1;
  if (x === 0) {
    if (y < 0) return yOdd ? (Object.is(x, -0) ? -Infinity : Infinity) : Infinity;
    return yOdd ? x : 0;
  }
  if (x < 0) {
    if (!yInt) return NaN;
    const r = powPositive(-x, y);
    return yOdd ? -r : r;
  }
  return powPositive(x, y);
}

function powPositive(v: number, y: number): number {
  // sqrt is correctly rounded, so it equals a correctly rounded pow(v, 0.5).
  if (y === 0.5) return Math.sqrt(v);
  if (Number.isInteger(y) && y >= -256 && y <= 256) return powIntegral(v, y);
  return crPowPositive(v, y);
}

/** v ** n for finite v > 0 and a small integral n, correctly rounded from the exact rational value. */
function powIntegral(v: number, n: number): number {
  if (n === 1) return v;
  if (n === 2) return v * v;
  if (n === -1) return 1 / v;
  const approx = Math.log2(v) * n;
  // Certain overflow/underflow needs no big arithmetic.
  if (approx > 1100) return Infinity;
  if (approx < -1200) return 0;
  const { mant, exp } = decompose(v);
  const k = Math.abs(n);
  const m = mant ** BigInt(k);
  if (n > 0) return ldexpBig(m, exp * k);
  return ratioToDouble(1n, 0, m, exp * k);
}
