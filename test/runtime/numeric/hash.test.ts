// Hashes of int/float/complex/tuple/str/bytes against CPython (64-bit), with PYTHONHASHSEED fixed.
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import {
  bytesHash, frozensetHash, hashComplex, hashFloat, hashInt, hashPointer, initHashSeed, PyHash, strHash, tupleHash,
} from "../../../src/runtime/numeric";
import { fromBits, pyJson, PY_DOUBLE_HELPERS } from "./oracle";

const str = (h: PyHash): string => String(h);

describe("numeric hashes", () => {
  const data = pyJson<{ ints: [string, string][]; floats: [string, string][]; complexes: [string, string, string][]; tuples: [string[], string][]; frozensets: [string[], string][] }>(`${PY_DOUBLE_HELPERS}
rng = random.Random(99)
ints = [0, 1, -1, -2, 2**61-2, 2**61-1, 2**61, -(2**61-1), 2**53, -2**53, 2**53-1, 10**100, -10**100, 2**64-1, -2**64]
ints += [rng.randrange(-2**rng.randrange(1, 300), 2**rng.randrange(1, 300)) for _ in range(2000)]
floats = [rand_double(rng) for _ in range(5000)] + [float('inf'), -float('inf'), -1.0, 0.5, -0.5, 1e300, 5e-324, 2.0**61, 2.0**62]
cs = [(rand_double(rng), rand_double(rng)) for _ in range(500)]
tups = [[rng.randrange(-2**70, 2**70) for _ in range(rng.randrange(0, 6))] for _ in range(500)]
fsets = [list({rng.randrange(-2**70, 2**70) if rng.random() < 0.5 else rng.randrange(-5, 5) for _ in range(rng.randrange(0, 8))}) for _ in range(500)]
print(json.dumps({
  'ints': [[str(i), str(hash(i))] for i in ints],
  'floats': [[str(bits(x)), str(hash(x))] for x in floats],
  'complexes': [[str(bits(a)), str(bits(b)), str(hash(complex(a, b)))] for a, b in cs],
  'tuples': [[[str(hash(i)) for i in t], str(hash(tuple(t)))] for t in tups] + [[[], str(hash(()))]],
  'frozensets': [[[str(hash(i)) for i in t], str(hash(frozenset(t)))] for t in fsets] + [[[], str(hash(frozenset()))], [[str(hash(frozenset([1])))], str(hash(frozenset([frozenset([1])])))]],
}))
`);
  it("hashInt", () => {
    for (const [n, h] of data.ints) {
      const v = BigInt(n);
      const arg = v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
      expect(str(hashInt(arg)), n).toBe(h);
    }
  });
  it("hashFloat", () => {
    for (const [b, h] of data.floats) expect(str(hashFloat(fromBits(b))), b).toBe(h);
  });
  it("hashComplex", () => {
    for (const [a, b, h] of data.complexes) expect(str(hashComplex(fromBits(a), fromBits(b)))).toBe(h);
  });
  it("tupleHash", () => {
    for (const [items, h] of data.tuples) expect(str(tupleHash(items.map((x) => BigInt(x))))).toBe(h);
  });
  it("frozensetHash", () => {
    for (const [items, h] of data.frozensets) expect(str(frozensetHash(items.map((x) => BigInt(x))))).toBe(h);
  });
  it("NaN hashes by identity (pointer rotation)", () => {
    expect(hashFloat(NaN, 0x7f00_1234_5670)).toBe(hashPointer(0x7f00_1234_5670));
    expect(hashPointer(16)).toBe(1);
  });
});

describe("str/bytes SipHash-1-3 with PYTHONHASHSEED", () => {
  const strings = ["", "a", "abc", "abcdefgh", "abcdefghi", "hello world, this is long", "\u00e9t\u00e9", "\u20ac", "\u4e2d\u6587\u5b57",
    "\u{1F600}", "a\u{1F600}b", "x".repeat(1000), "\u0100", "\uffff", "\ud800"];
  const seeds = ["0", "1", "42", "4294967295", "12345"];
  const expected: Record<string, { s: string[]; b: string[] }> = {};
  for (const seed of seeds) {
    const script = `import json,sys
ss = json.loads(sys.stdin.read())
print(json.dumps({'s': [str(hash(s)) for s in ss], 'b': [str(hash(s.encode('utf-8', 'surrogatepass'))) for s in ss]}))`;
    const out = execFileSync("python3", ["-c", script], {
      input: JSON.stringify(strings), encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: seed },
    });
    expected[seed] = JSON.parse(out) as { s: string[]; b: string[] };
  }
  afterAll(() => { initHashSeed(undefined); });
  for (const seed of seeds) {
    it(`seed ${seed}`, () => {
      initHashSeed(seed);
      expect(strings.map((s) => str(strHash(s)))).toEqual(expected[seed].s);
      expect(strings.map((s) => str(bytesHash(utf8Surrogatepass(s))))).toEqual(expected[seed].b);
    });
  }
  it("rejects bad seeds", () => {
    expect(() => initHashSeed("-1")).toThrow('PYTHONHASHSEED must be "random"');
    expect(() => initHashSeed("4294967296")).toThrow();
    expect(initHashSeed("random")).toBeUndefined();
  });
});

/** UTF-8 with lone surrogates encoded as 3-byte sequences (Python's 'surrogatepass'). */
function utf8Surrogatepass(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}
