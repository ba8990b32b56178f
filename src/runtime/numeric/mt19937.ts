// The Mersenne Twister behind CPython's _random.Random: init_genrand/init_by_array seeding (ints split into 32-bit
// words), random() with 53-bit resolution, getrandbits, and getstate/setstate, so seeded sequences match CPython.
import { randomBytes } from "node:crypto";
import { overflowError, valueError } from "./errors";
import { normInt, PyInt } from "./intStr";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** One generator's state (CPython's RandomObject). */
export class MersenneTwister {
  readonly state = new Uint32Array(N);
  index = N + 1;

  /** init_genrand(s). */
  private initGenrand(s: number): void {
    const mt = this.state;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** init_by_array(key). */
  seedByArray(key: ArrayLike<number>): void {
    const mt = this.state;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = key.length;
    for (let k = N > len ? N : len; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /**
   * random_seed for an int argument (CPython uses |n|; for other hashable objects the VM passes hash(obj) reduced to
   * an unsigned 64-bit value). `undefined` seeds from system entropy like seed(None).
   */
  seed(n?: PyInt): void {
    if (n === undefined) {
      const bytes = randomBytes(N * 4);
      const key = new Uint32Array(N);
      for (let i = 0; i < N; i++) key[i] = bytes.readUInt32LE(i * 4);
      this.seedByArray(key);
      return;
    }
    let v = typeof n === "bigint" ? n : BigInt(n);
    if (v < 0n) v = -v;
    const key: number[] = [];
    while (v > 0n) {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.seedByArray(key);
  }

  /** genrand_uint32(). */
  nextUint32(): number {
    const mt = this.state;
    if (this.index >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random(): a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** getrandbits(k). */
  getrandbits(k: number): PyInt {
    if (k < 0) throw valueError("number of bits must be non-negative");
    if (k === 0) return 0;
    if (k <= 32) return this.nextUint32() >>> (32 - k);
    // 32-bit words from least to most significant; the last one keeps only its top bits.
    let result = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let r = this.nextUint32();
      if (left < 32) r >>>= 32 - left;
      result |= BigInt(r) << shift;
      shift += 32n;
    }
    return normInt(result);
  }

  /** getstate(): the 624 state words followed by the index. */
  getState(): number[] {
    return [...this.state, this.index];
  }

  /** setstate(values): 625 ints (the VM checks the tuple type: "state vector must be a tuple"). */
  setState(values: readonly PyInt[]): void {
    if (values.length !== N + 1) throw valueError("state vector is the wrong size");
    const next = new Uint32Array(N);
    for (let i = 0; i < N; i++) {
      const v = values[i];
      if (typeof v === "number" ? v < 0 : v < 0n) throw overflowError("can't convert negative value to unsigned int");
      if (typeof v === "bigint" && v > 0xffffffffffffffffn) {
        throw overflowError("Python int too large to convert to C unsigned long");
      }
      next[i] = Number(BigInt.asUintN(32, BigInt(v)));
    }
    const index = Number(values[N]);
    if (index < 0 || index > N) throw valueError("invalid state");
    this.state.set(next);
    this.index = index;
  }
}
