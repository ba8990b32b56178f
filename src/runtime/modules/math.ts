// The `math` native module: argument conversion and dispatch onto the CPython-exact algorithms of src/runtime/numeric.
import { FloatType, isInt, intValue, None, PyFloat, PyObject, PyTuple, typeError, typeName, valueError } from "../core";
import { arity, makeModule, parseArgs } from "../define";
import * as ops from "../ops";
import * as num from "../numeric";
import type { NativeFn } from "../core";
import { registerNativeModule } from "./registry";

type Int = number | bigint;

const f = (x: number): PyFloat => new PyFloat(x);

/** Converts an argument like PyFloat_AsDouble: float, int, __float__ or __index__. */
const toDouble = ops.asFloat;

/** An int argument (int or __index__), as math's integer functions take them. */
function toInt(x: PyObject): Int {
  if (isInt(x)) return intValue(x);
  if (x instanceof PyFloat) throw typeError(`'float' object cannot be interpreted as an integer`);
  return ops.index(x);
}

/** One-argument float functions (math.sin & co). */
function unary(name: string, fn: (x: number) => number): NativeFn {
  return (args, kw) => {
    arity(name, args, kw, 1);
    return f(fn(toDouble(args[0])));
  };
}
function binary(name: string, fn: (x: number, y: number) => number): NativeFn {
  return (args, kw) => {
    arity(name, args, kw, 2);
    return f(fn(toDouble(args[0]), toDouble(args[1])));
  };
}

/** floor/ceil/trunc: floats are converted exactly, ints returned unchanged, other types asked for __floor__ & co. */
function rounding(name: string, dunder: string, fn: (x: number) => Int): NativeFn {
  return (args, kw) => {
    arity(name, args, kw, 1);
    const x = args[0];
    if (x instanceof PyFloat && x.type === FloatType) return fn(x.value);
    if (typeof x === "number" || typeof x === "bigint") return x;
    if (typeof x === "boolean") return x ? 1 : 0;
    const m = ops.callSpecial(x, dunder, []);
    if (m !== undefined) return m;
    if (name === "trunc") throw typeError(`type ${typeName(x)} doesn't define __trunc__ method`);
    return fn(toDouble(x));
  };
}

/** The logarithm functions accept ints of any size (CPython's loghelper). */
function logArg(x: PyObject): [Int | number, boolean] {
  if (isInt(x)) return [intValue(x), true];
  return [toDouble(x), false];
}
function logFn(kind: num.LogKind): NativeFn {
  return (args, kw) => {
    arity(kind, args, kw, 1);
    const [v, isI] = logArg(args[0]);
    return f(num.mathLog(kind, v, isI));
  };
}

/** A sequence of floats from an iterable of reals (hypot, dist, fsum). */
function floats(iterable: PyObject): number[] {
  return ops.toArray(iterable).map(toDouble);
}

function gcdLcm(name: string, fn: (a: Int, b: Int) => Int, empty: Int): NativeFn {
  return (args, kw) => {
    if (kw !== null && kw.length) throw typeError(`${name}() takes no keyword arguments`);
    if (args.length === 0) return empty;
    let acc = toInt(args[0]);
    if (args.length === 1) return num.intAbs(acc);
    for (let i = 1; i < args.length; i++) acc = fn(acc, toInt(args[i]));
    return acc;
  };
}

function isFiniteArg(x: PyObject): number {
  return toDouble(x);
}

const functions: Record<string, NativeFn> = {
  sin: unary("sin", num.sin),
  cos: unary("cos", num.cos),
  tan: unary("tan", num.tan),
  asin: unary("asin", num.asin),
  acos: unary("acos", num.acos),
  atan: unary("atan", num.atan),
  atan2: binary("atan2", num.atan2),
  sinh: unary("sinh", num.sinh),
  cosh: unary("cosh", num.cosh),
  tanh: unary("tanh", num.tanh),
  asinh: unary("asinh", num.asinh),
  acosh: unary("acosh", num.acosh),
  atanh: unary("atanh", num.atanh),
  exp: unary("exp", num.exp),
  exp2: unary("exp2", num.exp2),
  expm1: unary("expm1", num.expm1),
  log1p: unary("log1p", num.log1p),
  sqrt: unary("sqrt", num.sqrt),
  cbrt: unary("cbrt", num.cbrt),
  erf: unary("erf", num.erf),
  erfc: unary("erfc", num.erfc),
  gamma: unary("gamma", num.gamma),
  lgamma: unary("lgamma", num.lgamma),
  fabs: unary("fabs", Math.abs),
  degrees: unary("degrees", (x) => x * (180.0 / Math.PI)),
  radians: unary("radians", (x) => x * (Math.PI / 180.0)),
  fmod: binary("fmod", num.fmod),
  remainder: binary("remainder", num.remainder),
  copysign: binary("copysign", num.copysign),
  pow: binary("pow", num.mathPow),
  ulp: unary("ulp", num.ulp),
  floor: rounding("floor", "__floor__", num.floorToInt),
  ceil: rounding("ceil", "__ceil__", num.ceilToInt),
  trunc: rounding("trunc", "__trunc__", num.truncToInt),
  log2: logFn("log2"),
  log10: logFn("log10"),
  log: (args, kw) => {
    arity("log", args, kw, 1, 2);
    const [x, xi] = logArg(args[0]);
    if (args.length === 1) return f(num.mathLog("log", x, xi));
    const [b, bi] = logArg(args[1]);
    return f(num.mathLogBase(x, xi, b, bi));
  },
  isfinite: (args, kw) => {
    arity("isfinite", args, kw, 1);
    return Number.isFinite(isFiniteArg(args[0]));
  },
  isinf: (args, kw) => {
    arity("isinf", args, kw, 1);
    const x = isFiniteArg(args[0]);
    return x === Infinity || x === -Infinity;
  },
  isnan: (args, kw) => {
    arity("isnan", args, kw, 1);
    return Number.isNaN(isFiniteArg(args[0]));
  },
  isclose: (args, kw) => {
    const [a, b, relTol, absTol] = parseArgs("isclose", args, kw, ["a", "b", "rel_tol", "abs_tol"], 2, 2, 2);
    const rt = relTol === undefined ? 1e-9 : toDouble(relTol);
    const at = absTol === undefined ? 0.0 : toDouble(absTol);
    if (rt < 0 || at < 0) throw valueError("tolerances must be non-negative");
    return num.isclose(toDouble(a!), toDouble(b!), rt, at);
  },
  modf: (args, kw) => {
    arity("modf", args, kw, 1);
    const [frac, whole] = num.modf(toDouble(args[0]));
    return new PyTuple([f(frac), f(whole)]);
  },
  frexp: (args, kw) => {
    arity("frexp", args, kw, 1);
    const [m, e] = num.frexp(toDouble(args[0]));
    return new PyTuple([f(m), e]);
  },
  ldexp: (args, kw) => {
    arity("ldexp", args, kw, 2);
    if (args[1] instanceof PyFloat) throw typeError("Expected an int as second argument to ldexp.");
    return f(num.ldexp(toDouble(args[0]), toInt(args[1])));
  },
  fsum: (args, kw) => {
    arity("fsum", args, kw, 1);
    const acc = new num.Fsum();
    ops.iterate(args[0], (v) => {
      acc.add(toDouble(v));
    });
    return f(acc.result());
  },
  hypot: (args, kw) => {
    if (kw !== null && kw.length) throw typeError("hypot() takes no keyword arguments");
    return f(num.hypot(args.map(toDouble)));
  },
  dist: (args, kw) => {
    arity("dist", args, kw, 2);
    const p = floats(args[0]);
    const q = floats(args[1]);
    if (p.length !== q.length) throw valueError("both points must have the same number of dimensions");
    return f(num.dist(p, q));
  },
  nextafter: (args, kw) => {
    const [x, y, steps] = parseArgs("nextafter", args, kw, ["x", "y", "steps"], 2, 2, 2);
    if (steps === undefined || steps === None) return f(num.nextafter(toDouble(x!), toDouble(y!)));
    return f(num.nextafter(toDouble(x!), toDouble(y!), toInt(steps)));
  },
  factorial: (args, kw) => {
    arity("factorial", args, kw, 1);
    return num.factorial(toInt(args[0]));
  },
  perm: (args, kw) => {
    arity("perm", args, kw, 1, 2);
    const n = toInt(args[0]);
    if (args.length === 1 || args[1] === None) return num.factorial(n);
    return num.perm(n, toInt(args[1]));
  },
  comb: (args, kw) => {
    arity("comb", args, kw, 2);
    return num.comb(toInt(args[0]), toInt(args[1]));
  },
  isqrt: (args, kw) => {
    arity("isqrt", args, kw, 1);
    return num.isqrt(toInt(args[0]));
  },
  gcd: gcdLcm("gcd", num.intGcd, 0),
  lcm: gcdLcm("lcm", num.intLcm, 1),
  prod: (args, kw) => {
    const [iterable, start] = parseArgs("prod", args, kw, ["iterable", "start"], 1, 1, 1);
    let acc: PyObject = start ?? 1;
    ops.iterate(iterable!, (v) => {
      acc = ops.binaryOp(acc, v, ops.BinOp.Mul);
    });
    return acc;
  },
  sumprod: (args, kw) => {
    arity("sumprod", args, kw, 2);
    const p = ops.toArray(args[0]);
    const q = ops.toArray(args[1]);
    if (p.length !== q.length) throw valueError("Inputs are not the same length");
    // All-float inputs use the extended-precision path; anything else sums exact products like CPython's fallback.
    if (p.every((v) => v instanceof PyFloat) && q.every((v) => v instanceof PyFloat)) {
      return f(num.sumprodFloats(p.map((v) => (v as PyFloat).value), q.map((v) => (v as PyFloat).value)));
    }
    let acc: PyObject = 0;
    for (let i = 0; i < p.length; i++) acc = ops.binaryOp(acc, ops.binaryOp(p[i], q[i], ops.BinOp.Mul), ops.BinOp.Add);
    return acc;
  },
};

registerNativeModule("math", () =>
  makeModule(
    "math",
    {
      ...functions,
      pi: f(Math.PI),
      e: f(Math.E),
      tau: f(2 * Math.PI),
      inf: f(Infinity),
      nan: f(NaN),
    },
    "This module provides access to the mathematical functions\ndefined by the C standard.",
  ),
);
