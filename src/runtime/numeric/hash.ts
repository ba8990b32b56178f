// CPython 3.12's hash algorithms (64-bit builds): numeric hashes mod 2**61-1, the xxHash-based tuple hash,
// and SipHash-1-3 over str/bytes with the key derived from PYTHONHASHSEED exactly as CPython derives it.
import { randomBytes } from "node:crypto";
import { decompose } from "./digits";

/** A Python hash value: a JS number when it is a safe integer, else a bigint (the VM's int representation). */
export type PyHash = number | bigint;

const MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61n;
/** hash(float('inf')); -inf hashes to its negation. */
export const HASH_INF = 314159;
const HASH_IMAG = 1000003n;
const MASK64 = (1n << 64n) - 1n;

/** Converts an unsigned 64-bit hash to the signed Py_hash_t, mapping -1 to -2, as a PyHash. */
function fromUnsigned(u: bigint): PyHash {
  let s = BigInt.asIntN(64, u);
  if (s === -1n) s = -2n;
  return toPyHash(s);
}

function toPyHash(s: bigint): PyHash {
  return s >= -9007199254740991n && s <= 9007199254740991n ? Number(s) : s;
}

/** hash(int). For JS-number ints this is the identity (except -1 -> -2) since |n| < 2**61-1. */
export function hashInt(n: number | bigint): PyHash {
  if (typeof n === "number") return n === -1 ? -2 : n;
  const neg = n < 0n;
  let r = (neg ? -n : n) % MODULUS;
  if (neg) r = -r;
  if (r === -1n) r = -2n;
  return toPyHash(r);
}

/** hash(float). `id` is the object identity used for NaN (3.10+ hashes NaNs by identity like object.__hash__). */
export function hashFloat(x: number, id = 0): PyHash {
  if (Number.isInteger(x) && x >= -9007199254740991 && x <= 9007199254740991) return x === -1 ? -2 : x + 0;
  if (x !== x) return hashPointer(id);
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  const neg = x < 0;
  const { mant, exp } = decompose(neg ? -x : x);
  // mant * 2**exp mod (2**61 - 1): since 2**61 == 1 (mod P), 2**exp == 2**(exp mod 61).
  let e = BigInt(exp) % HASH_BITS;
  if (e < 0n) e += HASH_BITS;
  let r = (mant << e) % MODULUS;
  if (neg) r = -r;
  if (r === -1n) r = -2n;
  return toPyHash(r);
}

/** CPython's _Py_HashPointer applied to an object id: rotate right by 4 bits (64-bit), -1 -> -2. */
export function hashPointer(id: number | bigint): PyHash {
  const y = BigInt.asUintN(64, BigInt(id));
  const r = ((y >> 4n) | (y << 60n)) & MASK64;
  return fromUnsigned(r);
}

function toU64(h: PyHash): bigint {
  return BigInt.asUintN(64, BigInt(h));
}

/** hash(complex(re, im)); `id` is used for NaN parts as in CPython. */
export function hashComplex(re: number, im: number, id = 0): PyHash {
  const hr = toU64(hashFloat(re, id));
  const hi = toU64(hashFloat(im, id));
  return fromUnsigned((hr + HASH_IMAG * hi) & MASK64);
}

// xxHash primes as (hi, lo) uint32 halves.
const P1_H = 0x9e3779b1, P1_L = 0x85ebca87; // 11400714785074694791
const P2_H = 0xc2b2ae3d, P2_L = 0x27d4eb4f; // 14029467366897019727
const P5_H = 0x27d4eb2f, P5_L = 0x165667c5; // 2870177450012600261

let mulH = 0;
let mulL = 0;

/** (ah, al) * (bh, bl) mod 2**64 into (mulH, mulL). */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  // al * bl as a full 64-bit product from 16-bit pieces.
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const p00 = a0 * b0;
  const mid = a1 * b0 + a0 * b1 + (p00 >>> 16);
  const lo = ((mid & 0xffff) * 0x10000 + (p00 & 0xffff)) >>> 0;
  const carry = a1 * b1 + Math.floor(mid / 0x10000);
  mulL = lo;
  mulH = (carry + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** hash(tuple) from the hashes of its items (CPython 3.8+ xxHash-derived algorithm). */
export function tupleHash(itemHashes: readonly PyHash[]): PyHash {
  let accH = P5_H, accL = P5_L;
  for (const h of itemHashes) {
    let laneH: number, laneL: number;
    if (typeof h === "number") {
      laneL = h >>> 0;
      laneH = Math.floor(h / 4294967296) >>> 0;
    } else {
      const u = BigInt.asUintN(64, h);
      laneL = Number(u & 0xffffffffn);
      laneH = Number(u >> 32n);
    }
    mul64(laneH, laneL, P2_H, P2_L);
    const lo = (accL + mulL) >>> 0;
    accH = (accH + mulH + (lo < accL ? 1 : 0)) >>> 0;
    accL = lo;
    // Rotate left by 31 bits.
    const rh = ((accH << 31) | (accL >>> 1)) >>> 0;
    const rl = ((accL << 31) | (accH >>> 1)) >>> 0;
    mul64(rh, rl, P1_H, P1_L);
    accH = mulH;
    accL = mulL;
  }
  // acc += len ^ (PRIME5 ^ 3527539)
  const xl = (itemHashes.length ^ (P5_L ^ 3527539)) >>> 0;
  const xh = (P5_H ^ 0) >>> 0;
  const lo = (accL + xl) >>> 0;
  accH = (accH + xh + (lo < accL ? 1 : 0)) >>> 0;
  accL = lo;
  if (accH === 0xffffffff && accL === 0xffffffff) return 1546275796;
  return fromHiLo(accH, accL);
}

// ---- SipHash-1-3 with 64-bit words held as (hi, lo) uint32 pairs for speed ----

/** The 24-byte _Py_HashSecret; SipHash uses its first 16 bytes as k0, k1 (little-endian). */
let secret: Uint8Array = new Uint8Array(24);
let k0hi = 0;
let k0lo = 0;
let k1hi = 0;
let k1lo = 0;

function readLE32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function installSecret(bytes: Uint8Array): void {
  secret = bytes;
  k0lo = readLE32(bytes, 0);
  k0hi = readLE32(bytes, 4);
  k1lo = readLE32(bytes, 8);
  k1hi = readLE32(bytes, 12);
}

/** CPython's lcg_urandom: the deterministic secret for PYTHONHASHSEED=N. */
function lcgSecret(seed: number): Uint8Array {
  const out = new Uint8Array(24);
  let x = seed >>> 0;
  for (let i = 0; i < 24; i++) {
    x = (Math.imul(x, 214013) + 2531011) >>> 0;
    out[i] = (x >>> 16) & 0xff;
  }
  return out;
}

/**
 * Installs the hash key the way CPython does from the PYTHONHASHSEED environment value: unset/"" or "random" picks a
 * random key, "0" disables randomisation (all-zero key), N in [1, 2**32-1] uses CPython's LCG. Returns the seed used
 * (undefined when random) or throws Error with CPython's fatal message for a bad value.
 */
export function initHashSeed(env: string | undefined): number | undefined {
  if (env === undefined || env === "" || env === "random") {
    installSecret(new Uint8Array(randomBytes(24)));
    return undefined;
  }
  const seed = /^\s*\d+\s*$/.test(env) ? Number(env) : NaN;
  if (!(seed >= 0 && seed <= 4294967295)) {
    throw new Error('PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]');
  }
  installSecret(seed === 0 ? new Uint8Array(24) : lcgSecret(seed));
  return seed;
}

/** The current 24-byte hash secret (for code that needs the raw key). */
export function hashSecret(): Uint8Array {
  return secret;
}

// Start randomised, like CPython without PYTHONHASHSEED; the VM calls initHashSeed(process.env.PYTHONHASHSEED) at startup.
installSecret(new Uint8Array(randomBytes(24)));

/**
 * SipHash-1-3 of bytes[0..len) under the installed key, as CPython's _Py_HashBytes (empty -> 0, -1 -> -2).
 * The 64-bit state words are (hi, lo) uint32 pairs in locals; the one round body serves every compression and
 * finalisation round so that it stays in registers.
 */
export function bytesHash(bytes: Uint8Array, len = bytes.length): PyHash {
  if (len === 0) return 0;
  let v0h = (k0hi ^ 0x736f6d65) >>> 0, v0l = (k0lo ^ 0x70736575) >>> 0;
  let v1h = (k1hi ^ 0x646f7261) >>> 0, v1l = (k1lo ^ 0x6e646f6d) >>> 0;
  let v2h = (k0hi ^ 0x6c796765) >>> 0, v2l = (k0lo ^ 0x6e657261) >>> 0;
  let v3h = (k1hi ^ 0x74656462) >>> 0, v3l = (k1lo ^ 0x79746573) >>> 0;
  const nblocks = len >>> 3;
  // Final block: remaining bytes little-endian, with the length in the top byte.
  const tail = nblocks * 8;
  let fl = 0;
  let fh = ((len & 0xff) << 24) >>> 0;
  for (let j = 0; tail + j < len; j++) {
    if (j < 4) fl |= bytes[tail + j] << (8 * j);
    else fh |= bytes[tail + j] << (8 * (j - 4));
  }
  fl >>>= 0;
  fh >>>= 0;
  // Steps 0..nblocks compress a message word; the 3 after them are finalisation rounds.
  const steps = nblocks + 4;
  for (let step = 0; step < steps; step++) {
    let ml = 0, mh = 0;
    if (step < nblocks) {
      const i = step * 8;
      ml = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
      mh = (bytes[i + 4] | (bytes[i + 5] << 8) | (bytes[i + 6] << 16) | (bytes[i + 7] << 24)) >>> 0;
    } else if (step === nblocks) {
      ml = fl;
      mh = fh;
    } else if (step === nblocks + 1) {
      v2l = (v2l ^ 0xff) >>> 0;
    }
    v3h = (v3h ^ mh) >>> 0; v3l = (v3l ^ ml) >>> 0;
    // HALF_ROUND(v0, v1, v2, v3, 13, 16)
    let lo = (v0l + v1l) >>> 0; v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
    lo = (v2l + v3l) >>> 0; v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
    let hi = ((v1h << 13) | (v1l >>> 19)) >>> 0; lo = ((v1l << 13) | (v1h >>> 19)) >>> 0;
    v1h = (hi ^ v0h) >>> 0; v1l = (lo ^ v0l) >>> 0;
    hi = ((v3h << 16) | (v3l >>> 16)) >>> 0; lo = ((v3l << 16) | (v3h >>> 16)) >>> 0;
    v3h = (hi ^ v2h) >>> 0; v3l = (lo ^ v2l) >>> 0;
    let t = v0h; v0h = v0l; v0l = t;
    // HALF_ROUND(v2, v1, v0, v3, 17, 21)
    lo = (v2l + v1l) >>> 0; v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
    lo = (v0l + v3l) >>> 0; v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
    hi = ((v1h << 17) | (v1l >>> 15)) >>> 0; lo = ((v1l << 17) | (v1h >>> 15)) >>> 0;
    v1h = (hi ^ v2h) >>> 0; v1l = (lo ^ v2l) >>> 0;
    hi = ((v3h << 21) | (v3l >>> 11)) >>> 0; lo = ((v3l << 21) | (v3h >>> 11)) >>> 0;
    v3h = (hi ^ v0h) >>> 0; v3l = (lo ^ v0l) >>> 0;
    t = v2h; v2h = v2l; v2l = t;
    v0h = (v0h ^ mh) >>> 0; v0l = (v0l ^ ml) >>> 0;
  }
  const hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  const lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  return fromHiLo(hi, lo);
}

/** Scratch for building a signed 64-bit bigint from two halves with one allocation. */
const hiLoView = new DataView(new ArrayBuffer(8));

/** Signed 64-bit (hi, lo) to PyHash, -1 -> -2. */
function fromHiLo(hi: number, lo: number): PyHash {
  if (hi === 0xffffffff && lo === 0xffffffff) return -2;
  // Safe-integer range check on the signed value: |v| < 2**53 iff hi (signed) is in [-2**21, 2**21).
  const shi = hi | 0;
  if (shi >= -0x200000 && shi < 0x200000) return shi * 4294967296 + lo;
  hiLoView.setUint32(0, hi);
  hiLoView.setUint32(4, lo);
  return hiLoView.getBigInt64(0);
}

let scratch = new Uint8Array(256);

/**
 * hash(str): SipHash-1-3 over CPython's compact representation (1, 2 or 4 bytes per code point, little-endian,
 * chosen by the largest code point). `s` is a JS string; well-formed surrogate pairs count as one astral code point.
 */
export function strHash(s: string): PyHash {
  const n = s.length;
  if (n === 0) return 0;
  let max = 0;
  let astral = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) astral = true;
    }
  }
  if (astral) return hashUcs4(s);
  const width = max < 256 ? 1 : 2;
  const size = n * width;
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  const buf = scratch;
  if (width === 1) {
    for (let i = 0; i < n; i++) buf[i] = s.charCodeAt(i);
  } else {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      buf[2 * i] = c & 0xff;
      buf[2 * i + 1] = c >>> 8;
    }
  }
  return bytesHash(buf, size);
}

function hashUcs4(s: string): PyHash {
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0) as number);
  const size = cps.length * 4;
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  const buf = scratch;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    buf[4 * i] = c & 0xff;
    buf[4 * i + 1] = (c >>> 8) & 0xff;
    buf[4 * i + 2] = (c >>> 16) & 0xff;
    buf[4 * i + 3] = 0;
  }
  return bytesHash(buf, size);
}

/** CPython's _shuffle_bits for frozenset hashing (64-bit unsigned arithmetic). */
function shuffleBits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ ((h << 16n) & MASK64)) * 3644798167n) & MASK64;
}

/**
 * hash(frozenset) from the hashes of its elements (order-independent, like CPython's frozenset_hash; the
 * contributions of empty and dummy table slots cancel out there, so only the elements matter).
 */
export function frozensetHash(itemHashes: readonly PyHash[]): PyHash {
  let hash = 0n;
  for (const h of itemHashes) hash ^= shuffleBits(toU64(h));
  hash ^= ((BigInt(itemHashes.length) + 1n) * 1927868237n) & MASK64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & MASK64;
  if (hash === MASK64) return 590923713;
  return toPyHash(BigInt.asIntN(64, hash));
}
