// Test helper: runs a python3 script once and parses the JSON it prints (CPython is the oracle for expected values).
import { execFileSync } from "node:child_process";

/** Runs `script` under python3 and returns JSON.parse of its stdout. */
export function pyJson<T>(script: string): T {
  const out = execFileSync("python3", ["-c", script], { encoding: "utf8", maxBuffer: 1 << 28 });
  return JSON.parse(out) as T;
}

/** Encodes a double losslessly for transport between Python and JS (float.hex would need a parser on both sides). */
export const PY_DOUBLE_HELPERS = `
import json, struct, random, math, sys
def bits(x): return struct.unpack('<q', struct.pack('<d', x))[0]
def rand_double(rng):
    # Mix of: uniform random bit patterns, "nice" decimals, small integers, halfway cases.
    k = rng.randrange(6)
    if k == 0:
        while True:
            x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
            if math.isfinite(x): return x
    if k == 1: return round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
    if k == 2: return float(rng.randrange(-10**6, 10**6)) / 2**rng.randrange(0, 12)
    if k == 3: return rng.uniform(-1, 1) * 10.0 ** rng.randrange(-30, 30)
    if k == 4: return float(rng.randrange(-100, 100)) + 0.5
    return rng.choice([0.0, -0.0, 1e16, 1e-5, 1e-4, 0.1, 2.5, 0.125, 1e22, 5e-324, 1.7976931348623157e308, 123456789.0, 9.5, 99.5, 0.5, 1.5])
`;

/** Decodes a double sent as a decimal string of its signed 64-bit pattern. */
export function fromBits(s: string): number {
  const b = BigInt.asUintN(64, BigInt(s));
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, b);
  return view.getFloat64(0);
}
