// Correctly rounded conversion of exact binary rationals (bigint mantissas and power-of-two scales) to doubles.
import { bitLengthBig } from "./intStr";

/**
 * The double nearest to m * 2**e (m >= 0), rounding half to even, honouring subnormals.
 * Returns Infinity when the rounded value overflows (callers raise their own OverflowError).
 */
export function ldexpBig(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bl = bitLengthBig(m);
  const top = bl + e;
  if (top > 1024) return Infinity;
  if (top < -1075) return 0;
  const lsb = Math.max(top, -1021) - 53;
  if (e >= lsb) return Number(m) * 2 ** e;
  const shift = BigInt(lsb - e);
  let q = m >> shift;
  const rem = m & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return Number(q) * 2 ** lsb;
}

/** The double nearest to (a * 2**ea) / (b * 2**eb) for positive bigints, rounding half-even. */
export function ratioToDouble(a: bigint, ea: number, b: bigint, eb: number): number {
  const s = 56 - (bitLengthBig(a) - bitLengthBig(b));
  const num = s >= 0 ? a << BigInt(s) : a;
  const den = s >= 0 ? b : b << BigInt(-s);
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  return ldexpBig(q, ea - eb - s);
}

