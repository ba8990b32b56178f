// Serialised code: every constant kind round-trips, bytes are deterministic, and damaged data is refused with a clear error.
import { describe, expect, it } from "vitest";
import { BytesConst, ComplexConst, EllipsisConst } from "../../src/compiler/ast";
import { CodeObject, ConstFrozenset, ConstTuple } from "../../src/compiler/code";
import { compileSource } from "../../src/compiler/compile";
import {
  codeEquals, deserializeCode, loadPyc, MarshalError, pycIsFresh, serializeCode, writePyc,
} from "../../src/compiler/marshal";

const SRC = `
"doc \\ufeff \\ud800 é 😀"
a = (None, True, False, 0, -1, 1267650600228229401496703205376, -1180591620717411303424, 1.5, -0.0, 1e309, 1e300, 2j, 1+2j, b"\\x00\\xff", ..., "s")
b = x in {1, 2, "a"}
def f(x, /, y=1, *a, z, **k):
    def g():
        return x + y
    return g
class C:
    def m(self): return super().m()
async def h():
    async with a as b:
        async for i in b:
            yield i
`;

describe("marshal", () => {
  it("round-trips every constant kind and nested code", () => {
    const code = compileSource(SRC, "m.py", "exec");
    const back = deserializeCode(serializeCode(code));
    expect(codeEquals(code, back)).toBe(true);
    const t = back.co_consts.find((c) => c instanceof ConstTuple && c.items.length === 16) as ConstTuple;
    expect(t).toBeDefined();
    expect(t.items[5]).toBe(2n ** 100n);
    expect(t.items[6]).toBe(-(2n ** 70n));
    expect(Object.is(t.items[8], -0)).toBe(true);
    expect(t.items[11]).toEqual(new ComplexConst(0, 2));
    expect(t.items[13]).toEqual(new BytesConst(Uint8Array.from([0, 255])));
    expect(t.items[14]).toBe(EllipsisConst);
    expect(back.co_consts[0]).toBe("doc \ufeff \ud800 é 😀");
    expect(back.co_consts.some((c) => c instanceof ConstFrozenset)).toBe(true);
    expect(back.co_consts.filter((c) => c instanceof CodeObject).length).toBe(3);
  });

  it("is deterministic", () => {
    const a = serializeCode(compileSource(SRC, "m.py", "exec"));
    const b = serializeCode(compileSource(SRC, "m.py", "exec"));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("refuses bad magic, version, truncation and corruption", () => {
    const good = serializeCode(compileSource("x = 1\n", "m.py", "exec"));
    const bad = (mutate: (b: Uint8Array) => Uint8Array, msg: RegExp): void => {
      expect(() => deserializeCode(mutate(good.slice()))).toThrow(msg);
      expect(() => deserializeCode(mutate(good.slice()))).toThrow(MarshalError);
    };
    bad((b) => ((b[0] ^= 1), b), /magic/);
    bad((b) => ((b[4] = 99), b), /version/);
    bad((b) => b.subarray(0, b.length - 1), /length/);
    bad((b) => ((b[b.length - 1] ^= 0x55), b), /hash/);
    bad((b) => b.subarray(0, 10), /too short/);
  });

  it("writes cache files validated by mtime+size or by source hash", () => {
    const src = new TextEncoder().encode("x = 1\n");
    const code = compileSource("x = 1\n", "m.py", "exec");
    const byTime = writePyc(code, src, 1000, false);
    expect(pycIsFresh(byTime, src, 1000)).toBe(true);
    expect(pycIsFresh(byTime, src, 1001)).toBe(false);
    expect(pycIsFresh(byTime, new TextEncoder().encode("x = 12\n"), 1000)).toBe(false);
    const byHash = writePyc(code, src, 0, true);
    expect(pycIsFresh(byHash, src, 12345)).toBe(true);
    expect(pycIsFresh(byHash, new TextEncoder().encode("x = 2\n"), 0)).toBe(false);
    expect(codeEquals(loadPyc(byHash), code)).toBe(true);
  });
});
