// repr(float) and PyOS_double_to_string against CPython on many random and edge-case doubles.
import { describe, expect, it } from "vitest";
import { floatRepr } from "../../../src/runtime/numeric";
import { fromBits, pyJson, PY_DOUBLE_HELPERS } from "./oracle";

describe("floatRepr", () => {
  const cases = pyJson<[string, string][]>(`${PY_DOUBLE_HELPERS}
rng = random.Random(1234)
xs = [rand_double(rng) for _ in range(20000)] + [float('inf'), -float('inf'), float('nan'), 1e16, 1e-5, 0.0001, -0.0, 1.5e300, 2e16+8, 1e15, 9999999999999998.0, 0.1+0.2]
print(json.dumps([[str(bits(x)), repr(x)] for x in xs]))
`);
  it("matches CPython repr on 20000 doubles", () => {
    const bad: string[] = [];
    for (const [b, want] of cases) {
      const got = floatRepr(fromBits(b));
      if (got !== want) bad.push(`${want} -> ${got}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
  it("handles the specials", () => {
    expect(floatRepr(NaN)).toBe("nan");
    expect(floatRepr(-Infinity)).toBe("-inf");
    expect(floatRepr(1e16)).toBe("1e+16");
    expect(floatRepr(1e-5)).toBe("1e-05");
    expect(floatRepr(-0)).toBe("-0.0");
  });
});
