// sys.hash_info / float_info / int_info constants against CPython.
import { describe, expect, it } from "vitest";
import { FLOAT_INFO, HASH_INFO, INT_INFO, floatRepr } from "../../../src/runtime/numeric";
import { pyJson } from "./oracle";

describe("sys numeric info", () => {
  it("matches CPython", () => {
    const py = pyJson<Record<string, [string, string][]>>(`
import sys, json
def f(info): return [[k, repr(getattr(info, k))] for k in info.__match_args__] if hasattr(info, '__match_args__') else [[k, repr(getattr(info, k))] for k in dir(info) if not k.startswith('_') and k not in ('count', 'index', 'n_fields', 'n_sequence_fields', 'n_unnamed_fields')]
print(json.dumps({'hash': f(sys.hash_info), 'float': f(sys.float_info), 'int': f(sys.int_info)}))
`);
    const render = (v: unknown): string => (typeof v === "string" ? `'${v}'` : typeof v === "number" && !Number.isInteger(v) ? floatRepr(v) : String(v));
    const mine = (o: Record<string, unknown>): [string, string][] => Object.entries(o).map(([k, v]) => [k, render(v)]);
    expect(mine(HASH_INFO)).toEqual(py.hash);
    expect(mine(INT_INFO)).toEqual(py.int);
    expect(mine(FLOAT_INFO)).toEqual(py.float);
  });
});
