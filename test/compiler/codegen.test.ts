// Code generation per construct, checked against hand-written expectations (CPython 3.12's instruction sequences, adapted to
// pypack's table: no RESUME/CACHE, FOR_ITER pops the exhausted iterator, SET_FUNCTION_ATTRIBUTE).
import { describe, expect, it } from "vitest";
import { CodeObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NESTED, CO_VARARGS, CO_VARKEYWORDS } from "../../src/compiler/code";
import { compileSource } from "../../src/compiler/compile";
import { constRepr } from "../../src/compiler/disassembler";
import { ArgKind, BINARY_OP_NAMES, COMPARE_OP_NAMES, instrArg, instrOp, opInfo } from "../../src/compiler/opcodes";

function find(code: CodeObject, qualname: string): CodeObject {
  if (code.co_qualname === qualname) return code;
  for (const c of code.co_consts) {
    if (c instanceof CodeObject) {
      try {
        return find(c, qualname);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`no code object ${qualname}`);
}

/** "OPNAME arg" per instruction, with names/consts/locals resolved and jump targets as instruction indices. */
function ops(code: CodeObject): string[] {
  return Array.from(code.co_code, (w) => {
    const info = opInfo(instrOp(w));
    const a = instrArg(w);
    switch (info.arg) {
      case ArgKind.None:
        return info.name;
      case ArgKind.Const:
        return `${info.name} ${code.co_consts[a] instanceof CodeObject ? (code.co_consts[a] as CodeObject).co_qualname : constRepr(code.co_consts[a])}`;
      case ArgKind.Name:
        return `${info.name} ${code.co_names[a]}`;
      case ArgKind.GlobalName:
      case ArgKind.AttrName:
        return `${info.name} ${a & 1 ? "NULL+" : ""}${code.co_names[a >> 1]}`;
      case ArgKind.SuperAttrName:
        return `${info.name} ${a & 1 ? "NULL+" : ""}${code.co_names[a >> 2]}`;
      case ArgKind.Local:
      case ArgKind.Deref:
        return `${info.name} ${code.co_localsplusnames[a]}`;
      case ArgKind.BinaryOp:
        return `${info.name} ${BINARY_OP_NAMES[a]}`;
      case ArgKind.Compare:
        return `${info.name} ${COMPARE_OP_NAMES[a]}`;
      default:
        return `${info.name} ${a}`;
    }
  });
}

const mod = (src: string, optimize: 0 | 1 | 2 = 0): CodeObject => compileSource(src, "t.py", "exec", { optimize });

describe("codegen", () => {
  it("module with a call", () => {
    expect(ops(mod('print("hello")\n'))).toEqual(["PUSH_NULL", "LOAD_NAME print", "LOAD_CONST 'hello'", "CALL 1", "POP_TOP", "RETURN_CONST None"]);
  });

  it("folds constants like CPython (arithmetic, `in` list/set, tuples, __debug__)", () => {
    expect(ops(mod("x = 2*3+1\ny = x in [1, 2]\nz = x not in {1, 2}\nt = (1, 'a', None)\nd = __debug__\n"))).toEqual([
      "LOAD_CONST 7", "STORE_NAME x",
      "LOAD_NAME x", "LOAD_CONST (1, 2)", "CONTAINS_OP 0", "STORE_NAME y",
      "LOAD_NAME x", "LOAD_CONST frozenset({1, 2})", "CONTAINS_OP 1", "STORE_NAME z",
      "LOAD_CONST (1, 'a', None)", "STORE_NAME t",
      "LOAD_CONST True", "STORE_NAME d",
      "RETURN_CONST None",
    ]);
    expect(ops(mod("d = __debug__\n", 1))[0]).toBe("LOAD_CONST False");
    // 2**100 exceeds CPython's 128-bit folding limit and stays a BINARY_OP.
    expect(ops(mod("x = 2**100\n"))).toContain("BINARY_OP **");
  });

  it("locals, LOAD_FAST_CHECK for maybe-unbound, cells and closures", () => {
    const code = mod("def f(a):\n    if a:\n        b = 1\n    print(b)\n    def g():\n        return a\n    return g\n");
    const f = find(code, "f");
    expect(ops(f)).toEqual([
      "MAKE_CELL a",
      "LOAD_DEREF a", "POP_JUMP_IF_FALSE 5",
      "LOAD_CONST 1", "STORE_FAST b",
      "LOAD_GLOBAL NULL+print", "LOAD_FAST_CHECK b", "CALL 1", "POP_TOP",
      "LOAD_CLOSURE a", "BUILD_TUPLE 1", "LOAD_CONST f.<locals>.g", "MAKE_FUNCTION", "SET_FUNCTION_ATTRIBUTE 8", "STORE_FAST g",
      "LOAD_FAST g", "RETURN_VALUE",
    ]);
    expect(f.co_cellvars).toEqual(["a"]);
    expect(f.co_varnames).toEqual(["a", "b", "g"]);
    const g = find(code, "f.<locals>.g");
    expect(ops(g)).toEqual(["COPY_FREE_VARS 1", "LOAD_DEREF a", "RETURN_VALUE"]);
    expect(g.co_freevars).toEqual(["a"]);
    expect(g.co_flags & CO_NESTED).toBeTruthy();
  });

  it("defaults, keyword-only defaults, annotations and decorators", () => {
    expect(ops(mod("@d\ndef f(a: int, b=1, *, c=2) -> str: pass\n"))).toEqual([
      "LOAD_NAME d",
      "LOAD_CONST (1,)",
      "LOAD_CONST 2", "LOAD_CONST ('c',)", "BUILD_CONST_KEY_MAP 1",
      "LOAD_CONST 'a'", "LOAD_NAME int", "LOAD_CONST 'return'", "LOAD_NAME str", "BUILD_TUPLE 4",
      "LOAD_CONST f", "MAKE_FUNCTION",
      "SET_FUNCTION_ATTRIBUTE 4", "SET_FUNCTION_ATTRIBUTE 2", "SET_FUNCTION_ATTRIBUTE 1",
      "CALL 0", "STORE_NAME f", "RETURN_CONST None",
    ]);
    // from __future__ import annotations: strings, unparsed like CPython.
    const fut = mod("from __future__ import annotations\ndef f(a: list[int | None], *b: 'x') -> A.B[1:2]: pass\n");
    // The name/annotation pairs are folded into one constant tuple, as CPython does.
    expect(ops(fut)).toContain("LOAD_CONST ('a', 'list[int | None]', 'b', \"'x'\", 'return', 'A.B[1:2]')");
  });

  it("method calls, zero-argument super() and keyword arguments", () => {
    const code = mod("class C(B):\n    def m(self):\n        return super().m(1, k=2)\n");
    expect(ops(find(code, "C.m"))).toEqual([
      "COPY_FREE_VARS 1",
      "LOAD_GLOBAL super", "LOAD_DEREF __class__", "LOAD_FAST self", "LOAD_SUPER_ATTR NULL+m",
      "LOAD_CONST 1", "LOAD_CONST 2", "KW_NAMES ('k',)", "CALL 2", "RETURN_VALUE",
    ]);
    expect(ops(find(code, "C"))).toEqual([
      "MAKE_CELL __class__",
      "LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'C'", "STORE_NAME __qualname__",
      "LOAD_CLOSURE __class__", "BUILD_TUPLE 1", "LOAD_CONST C.m", "MAKE_FUNCTION", "SET_FUNCTION_ATTRIBUTE 8", "STORE_NAME m",
      "LOAD_CLOSURE __class__", "COPY 1", "STORE_NAME __classcell__", "RETURN_VALUE",
    ]);
    expect(ops(mod("o.m(*a, **k)\n"))).toEqual([
      "PUSH_NULL", "LOAD_NAME o", "LOAD_ATTR m", "LOAD_NAME a", "BUILD_MAP 0", "LOAD_NAME k", "DICT_MERGE 1", "CALL_FUNCTION_EX 1", "POP_TOP", "RETURN_CONST None",
    ]);
  });

  it("for/else with break and try/finally running the finally body on break and return", () => {
    const f = find(mod("def f(xs):\n    for x in xs:\n        try:\n            if x: break\n            return x\n        finally:\n            print(x)\n"), "f");
    expect(ops(f)).toEqual([
      "LOAD_FAST xs", "GET_ITER", "FOR_ITER 30",
      "STORE_FAST x",
      "LOAD_FAST x", "POP_JUMP_IF_FALSE 13",
      "NOP", "LOAD_GLOBAL NULL+print", "LOAD_FAST x", "CALL 1", "POP_TOP", "POP_TOP", "RETURN_CONST None",
      "LOAD_FAST x", "LOAD_GLOBAL NULL+print", "LOAD_FAST x", "CALL 1", "POP_TOP", "SWAP 2", "POP_TOP", "RETURN_VALUE",
      "PUSH_EXC_INFO", "LOAD_GLOBAL NULL+print", "LOAD_FAST x", "CALL 1", "POP_TOP", "RERAISE 0",
      "COPY 3", "POP_EXCEPT", "RERAISE 1",
      "RETURN_CONST None",
    ]);
    expect(f.co_exceptiontable).toEqual([
      { start: 4, end: 7, target: 21, depth: 1, lasti: false },
      { start: 13, end: 14, target: 21, depth: 1, lasti: false },
      { start: 21, end: 27, target: 27, depth: 2, lasti: true },
    ]);
  });

  it("try/except with a named handler clears the name", () => {
    const code = mod("try:\n    f()\nexcept E as e:\n    g(e)\n");
    expect(ops(code)).toEqual([
      "PUSH_NULL", "LOAD_NAME f", "CALL 0", "POP_TOP", "RETURN_CONST None",
      "PUSH_EXC_INFO", "LOAD_NAME E", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE 24",
      "STORE_NAME e", "PUSH_NULL", "LOAD_NAME g", "LOAD_NAME e", "CALL 1", "POP_TOP",
      "POP_EXCEPT", "LOAD_CONST None", "STORE_NAME e", "DELETE_NAME e", "RETURN_CONST None",
      "LOAD_CONST None", "STORE_NAME e", "DELETE_NAME e", "RERAISE 1",
      "RERAISE 0",
      "COPY 3", "POP_EXCEPT", "RERAISE 1",
    ]);
    expect(code.co_exceptiontable).toEqual([
      { start: 0, end: 4, target: 5, depth: 0, lasti: false },
      { start: 5, end: 10, target: 25, depth: 1, lasti: true },
      { start: 10, end: 15, target: 20, depth: 1, lasti: true },
      { start: 20, end: 25, target: 25, depth: 1, lasti: true },
    ]);
  });

  it("with statement: __exit__ on both paths", () => {
    expect(ops(mod("with a as b:\n    c\n"))).toEqual([
      "LOAD_NAME a", "BEFORE_WITH", "STORE_NAME b",
      "LOAD_NAME c", "POP_TOP",
      "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL 2", "POP_TOP", "RETURN_CONST None",
      "PUSH_EXC_INFO", "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE 15", "RERAISE 2",
      "POP_TOP", "POP_EXCEPT", "POP_TOP", "POP_TOP", "RETURN_CONST None",
      "COPY 3", "POP_EXCEPT", "RERAISE 1",
    ]);
  });

  it("inlines list comprehensions (PEP 709) and keeps generator expressions as functions", () => {
    const f = find(mod("def f(a):\n    return [i for i in a]\n"), "f");
    expect(ops(f)).toEqual([
      "LOAD_FAST a", "GET_ITER", "LOAD_FAST_AND_CLEAR i", "SWAP 2", "BUILD_LIST 0", "SWAP 2",
      "FOR_ITER 11", "STORE_FAST i", "LOAD_FAST i", "LIST_APPEND 2", "JUMP_BACKWARD 6",
      "SWAP 2", "STORE_FAST i", "RETURN_VALUE",
      "SWAP 2", "POP_TOP", "SWAP 2", "STORE_FAST i", "RERAISE 0",
    ]);
    const m = mod("g = (x for x in y)\n");
    const ge = find(m, "<genexpr>");
    expect(ge.co_flags & CO_GENERATOR).toBeTruthy();
    expect(ge.co_argcount).toBe(1);
    expect(ge.co_varnames).toEqual([".0", "x"]);
    expect(ops(m).slice(0, 5)).toEqual(["LOAD_CONST <genexpr>", "MAKE_FUNCTION", "LOAD_NAME y", "GET_ITER", "CALL 0"]);
    // At module level the comprehension variable is a hidden fast local of the module code.
    const top = mod("r = [x for x in y]\n");
    expect(top.co_varnames).toEqual(["x"]);
    expect(ops(top)).toContain("LOAD_FAST_AND_CLEAR x");
  });

  it("generators, coroutines and async generators get their flags and yield/await sequences", () => {
    const code = mod("def g():\n    yield 1\nasync def c():\n    await x\nasync def ag():\n    yield 1\ndef v(*a, **k): pass\n");
    expect(find(code, "g").co_flags & CO_GENERATOR).toBeTruthy();
    expect(find(code, "c").co_flags & CO_COROUTINE).toBeTruthy();
    expect(find(code, "ag").co_flags & CO_ASYNC_GENERATOR).toBeTruthy();
    expect(find(code, "v").co_flags & (CO_VARARGS | CO_VARKEYWORDS)).toBe(CO_VARARGS | CO_VARKEYWORDS);
    expect(ops(find(code, "c"))).toEqual([
      "LOAD_GLOBAL x", "GET_AWAITABLE 0", "LOAD_CONST None",
      "SEND 7", "YIELD_VALUE 0", "JUMP_BACKWARD_NO_INTERRUPT 3", "CLEANUP_THROW", "END_SEND",
      "POP_TOP", "RETURN_CONST None",
      "CALL_INTRINSIC_1 3", "RERAISE 1",
    ]);
    expect(ops(find(code, "ag")).slice(0, 3)).toEqual(["LOAD_CONST 1", "CALL_INTRINSIC_1 4", "YIELD_VALUE 0"]);
  });

  it("assert and docstrings under -O and -OO", () => {
    const src = '"""doc"""\nassert x, "m"\n';
    expect(ops(mod(src))).toEqual([
      "LOAD_CONST 'doc'", "STORE_NAME __doc__",
      "LOAD_NAME x", "POP_JUMP_IF_TRUE 8", "LOAD_ASSERTION_ERROR", "LOAD_CONST 'm'", "CALL 0", "RAISE_VARARGS 1",
      "RETURN_CONST None",
    ]);
    expect(ops(mod(src, 1))).toEqual(["LOAD_CONST 'doc'", "STORE_NAME __doc__", "RETURN_CONST None"]);
    expect(ops(mod(src, 2))).toEqual(["RETURN_CONST None"]);
    expect(find(mod('def f():\n    "d"\n', 2), "f").co_consts[0]).toBe(null);
  });

  it("match statement with sequence, mapping, class, or and capture patterns", () => {
    expect(ops(mod("match x:\n    case [1, *rest]: pass\n"))).toEqual([
      "LOAD_NAME x", "MATCH_SEQUENCE", "POP_JUMP_IF_FALSE 13", "GET_LEN", "LOAD_CONST 1", "COMPARE_OP >=", "POP_JUMP_IF_FALSE 13",
      "UNPACK_EX 1", "LOAD_CONST 1", "COMPARE_OP ==", "POP_JUMP_IF_FALSE 13", "STORE_NAME rest", "RETURN_CONST None",
      "POP_TOP", "RETURN_CONST None",
    ]);
    expect(() => mod("match x:\n    case [a] | [b]: pass\n")).toThrow("alternative patterns bind different names");
    expect(() => mod("match x:\n    case a | b: pass\n")).toThrow("name capture 'a' makes remaining patterns unreachable");
    expect(ops(mod("match x:\n    case C(a=1): pass\n")).slice(0, 5)).toEqual(["LOAD_NAME x", "LOAD_NAME C", "LOAD_CONST ('a',)", "MATCH_CLASS 0", "COPY 1"]);
  });

  it("class bodies: __module__/__qualname__, annotations and qualnames of nested scopes", () => {
    const code = mod("class A:\n    x: int = 1\n    def f(self):\n        def g(): pass\n        return lambda: g\n");
    expect(ops(find(code, "A")).slice(0, 9)).toEqual([
      "LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'A'", "STORE_NAME __qualname__", "SETUP_ANNOTATIONS",
      "LOAD_CONST 1", "STORE_NAME x", "LOAD_NAME int", "LOAD_NAME __annotations__",
    ]);
    for (const q of ["A", "A.f", "A.f.<locals>.g", "A.f.<locals>.<lambda>"]) expect(find(code, q).co_qualname).toBe(q);
  });

  it("PEP 695 generic functions, classes and type aliases", () => {
    const code = mod("def f[T](x: T) -> T: pass\nclass C[T]: pass\ntype A[K] = list[K]\n");
    expect(find(code, "<generic parameters of f>").co_varnames).toEqual([".defaults", "T"]);
    expect(ops(find(code, "<generic parameters of C>"))).toContain("CALL_INTRINSIC_1 10");
    expect(ops(find(code, "<generic parameters of A>"))).toContain("CALL_INTRINSIC_1 11");
  });

  it("records CPython's positions (columns in UTF-8 bytes) for every instruction", () => {
    const code = mod("é = a.b(\n    c)\n");
    const calls = Array.from(code.co_code).map((w, i) => [opInfo(instrOp(w)).name, code.position(i)] as const);
    expect(calls.find(([n]) => n === "LOAD_ATTR")?.[1]).toEqual([1, 1, 5, 8]);
    expect(calls.find(([n]) => n === "CALL")?.[1]).toEqual([1, 2, 5, 6]);
    expect(calls.find(([n]) => n === "STORE_NAME")?.[1]).toEqual([1, 1, 0, 2]);
  });
});
