// The unicodedata native module (functions, ucd_3_2_0 methods, argument errors) vs CPython 3.12.7 (Pyodide).
import { describe, expect, it } from "vitest";
import {
  PyBaseException, PyBuiltinFunction, PyByteArray, PyBytes, PyFloat, PyMethodDescr, PyModule, None,
  type PyObject,
} from "../../../src/runtime/core";
import { nativeModuleFactory } from "../../../src/runtime/modules/registry";
import { PyUCD, UCDType } from "../../../src/runtime/modules/unicodedata";
import { runPyodide } from "../../support/oracles";

/** A call argument: JSON values map to str/int/None; objects to bytes or bytearray. */
type Arg = string | number | null | { bytes: string } | { bytearray: string };
interface Case { on: "u" | "o"; fn: string; args: Arg[]; kw?: boolean }
/** A result: str as code points, int (or bool) as number, float, None, or the exception type and first arg. */
type Outcome = { s: number[] } | { i: number } | { f: number } | { none: true } | { exc: string; msg: string };

function toPy(a: Arg): PyObject {
  if (a === null) return None;
  if (typeof a === "string" || typeof a === "number") return a;
  if ("bytes" in a) return new PyBytes(Buffer.from(a.bytes, "latin1"));
  return new PyByteArray(Buffer.from(a.bytearray, "latin1"));
}

function outcome(run: () => PyObject): Outcome {
  try {
    const r = run();
    if (typeof r === "string") return { s: [...r].map((c) => c.codePointAt(0) as number) };
    if (typeof r === "number") return { i: r };
    if (typeof r === "boolean") return { i: r ? 1 : 0 };
    if (r instanceof PyFloat) return { f: r.value };
    if (r === None) return { none: true };
    throw new Error(`unexpected result ${String(r)}`);
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    const first = e.args.items[0];
    return { exc: e.type.name, msg: typeof first === "string" ? first : String(first) };
  }
}

function ours(mod: PyModule, c: Case): Outcome {
  const args = c.args.map(toPy);
  const kwnames = c.kw ? ["x"] : null;
  if (c.on === "u") {
    const f = mod.dict.getStr(c.fn);
    if (!(f instanceof PyBuiltinFunction)) throw new Error(`unicodedata.${c.fn} missing`);
    return outcome(() => f.fn(args, kwnames));
  }
  const m = UCDType.dict.getStr(c.fn);
  if (!(m instanceof PyMethodDescr)) throw new Error(`UCD.${c.fn} missing`);
  return outcome(() => m.fn(mod.dict.getStr("ucd_3_2_0") as PyUCD, args, kwnames));
}

const CHAR_FUNCTIONS = ["category", "bidirectional", "combining", "east_asian_width", "mirrored", "decomposition",
  "decimal", "digit", "numeric", "name"];
// ASCII, Latin-1, CJK (3.2 and later), Hangul, surrogate, private use, unassigned, 15.0 additions, numerics.
const CHARS = [0x41, 0x31, 0xbd, 0x2153, 0xc5, 0x4e00, 0x9fa6, 0xac00, 0xd800, 0xe000, 0x378, 0x1f600, 0x11f00,
  0x1e4d0, 0x0f33, 0x3405, 0x2160, 0x1369, 0x1f100, 0x0220, 0x2f868, 0xfdd0, 0x10ffff, 0x0345];
const NAMES = ["LATIN SMALL LETTER A", "latin small letter a", "LATIN CAPITAL LETTER GHA", "GRINNING FACE",
  "LATIN SMALL LETTER A WITH MACRON AND GRAVE", "HANGUL SYLLABLE GA", "hangul syllable ga", "CJK UNIFIED IDEOGRAPH-4E00",
  "CJK UNIFIED IDEOGRAPH-9FA6", "CJK UNIFIED IDEOGRAPH-4e00", "KAWI SIGN CANDRABINDU", "LINE FEED", "BYTE ORDER MARK",
  "", "x".repeat(256), "x".repeat(257), "LATIN SMALL LETTER A\0", "é", "NO SUCH NAME"];

function cases(): Case[] {
  const out: Case[] = [];
  for (const on of ["u", "o"] as const) {
    for (const fn of CHAR_FUNCTIONS) {
      for (const cp of CHARS) out.push({ on, fn, args: [String.fromCodePoint(cp)] });
      out.push({ on, fn, args: ["x", "dflt"] }, { on, fn, args: [] }, { on, fn, args: ["ab"] }, { on, fn, args: [1] });
      out.push({ on, fn, args: ["a", 1, 2] }, { on, fn, args: ["a"], kw: true });
    }
    for (const name of NAMES) out.push({ on, fn: "lookup", args: [name] });
    out.push({ on, fn: "lookup", args: [{ bytes: "LATIN SMALL LETTER B" }] }, { on, fn: "lookup", args: [1] });
    out.push({ on, fn: "lookup", args: [{ bytearray: "LATIN SMALL LETTER B" }] }, { on, fn: "lookup", args: [] });
    out.push({ on, fn: "lookup", args: ["\ud800"] }, { on, fn: "lookup", args: ["A"], kw: true });
    for (const fn of ["normalize", "is_normalized"]) {
      for (const form of ["NFC", "NFD", "NFKC", "NFKD", "nfc", "X"]) {
        for (const s of ["", "abc", "A\u030a", "\uf951\u2f868", "\ufb01\u1e9b\u0323", "\u0d4a\u0d57"]) {
          out.push({ on, fn, args: [form, s] });
        }
      }
      out.push({ on, fn, args: [1, "a"] }, { on, fn, args: ["NFC", 1] }, { on, fn, args: ["NFC"] });
      out.push({ on, fn, args: ["NFC", "a"], kw: true });
    }
  }
  return out;
}

const ORACLE = `
import json, unicodedata
def arg(a):
    if a is None or isinstance(a, (str, int)): return a
    if "bytes" in a: return a["bytes"].encode("latin1")
    return bytearray(a["bytearray"].encode("latin1"))
def outcome(c):
    target = unicodedata if c["on"] == "u" else unicodedata.ucd_3_2_0
    args = [arg(a) for a in c["args"]]
    try:
        f = getattr(target, c["fn"])
        if c.get("kw"):
            r = f(*args[:-1], x=args[-1]) if args else f(x=None)
        else:
            r = f(*args)
    except Exception as e:
        return {"exc": type(e).__name__, "msg": str(e.args[0])}
    if isinstance(r, str): return {"s": [ord(ch) for ch in r]}
    if isinstance(r, bool): return {"i": int(r)}
    if isinstance(r, int): return {"i": r}
    if isinstance(r, float): return {"f": r}
    if r is None: return {"none": True}
    raise TypeError(type(r))
json.dumps([outcome(c) for c in json.loads(INPUT)])
`;

describe("unicodedata module vs CPython 3.12.7", () => {
  it("every function and ucd_3_2_0 method agrees, errors included", async () => {
    const factory = nativeModuleFactory("unicodedata");
    if (!factory) throw new Error("unicodedata not registered");
    const mod = factory();
    const all = cases();
    const expected = JSON.parse(await runPyodide(ORACLE, all)) as Outcome[];
    const bad: string[] = [];
    all.forEach((c, i) => {
      const got = ours(mod, c);
      if (JSON.stringify(got) !== JSON.stringify(expected[i]) && bad.length < 20) {
        bad.push(`${c.on}.${c.fn}(${JSON.stringify(c.args)}${c.kw ? ", kw" : ""}): ours ${JSON.stringify(got)}, CPython ${JSON.stringify(expected[i])}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it("has the module attributes CPython has", () => {
    const mod = (nativeModuleFactory("unicodedata") as () => PyModule)();
    expect(mod.dict.getStr("unidata_version")).toBe("15.0.0");
    const ucd = mod.dict.getStr("ucd_3_2_0");
    expect(ucd).toBeInstanceOf(PyUCD);
    expect((ucd as PyUCD).db.version).toBe("3.2.0");
    expect(mod.dict.getStr("UCD")).toBe(UCDType);
    expect(UCDType.dict.getStr("__module__")).toBe("unicodedata");
  });
});
