// complex: construction (numbers, strings, __complex__), CPython's repr, arithmetic with int/float operands, hashing,
// comparison for equality, format().
import { ComplexType, PyComplex, PyFloat, PyObject, PyType, PyTuple, PyDict, None, NotImplemented, typeError, valueError, zeroDivisionError, typeOf, isInt, intValue, isStr, strValue, overflowError } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod } from "../define";
import { doubleToString, DtsFlags } from "../numeric/floatRepr";
import { hashComplex } from "../numeric/hash";
import { formatComplex } from "../numeric/formatSpec";
import { parseFloatLiteral } from "../numeric/parse";
import { intToFloat } from "../intmath";
import { setComplexPowHook } from "./float";

function C(x: PyObject): PyComplex {
  return x as PyComplex;
}
function part(x: number): string {
  return doubleToString(x, "r", 0, DtsFlags.None);
}
export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return part(im) + "j";
  const imS = doubleToString(im, "r", 0, DtsFlags.Sign);
  return `(${part(re)}${imS}j)`;
}
ComplexType.slots.repr = (x) => complexRepr(C(x).real, C(x).imag);
ComplexType.slots.hash = (x) => hashComplex(C(x).real, C(x).imag, ops.identityHash(x));
ComplexType.slots.bool = (x) => C(x).real !== 0 || C(x).imag !== 0;

/** Operand as [re, im] or null when not a number this type handles. */
function operand(x: PyObject): [number, number] | null {
  if (x instanceof PyComplex) return [x.real, x.imag];
  if (x instanceof PyFloat) return [x.value, 0];
  if (isInt(x)) return [intToFloat(intValue(x)), 0];
  return null;
}
function mk(re: number, im: number): PyComplex {
  return new PyComplex(re, im);
}
function div(a: [number, number], b: [number, number]): PyComplex {
  const [ar, ai] = a;
  const [br, bi] = b;
  if (br === 0 && bi === 0) throw zeroDivisionError("complex division by zero");
  // Smith's algorithm, as CPython's _Py_c_quot
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return mk((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return mk((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
  }
  return mk(NaN, NaN);
}
function cpow(a: [number, number], b: [number, number]): PyComplex {
  const [ar, ai] = a;
  const [br, bi] = b;
  if (br === 0 && bi === 0) return mk(1, 0);
  if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) throw zeroDivisionError("0.0 to a negative or complex power");
    return mk(0, 0);
  }
  if (bi === 0 && Number.isInteger(br) && Math.abs(br) <= 100) {
    // repeated multiplication (CPython's c_powi)
    let n = Math.abs(br);
    let rr = 1;
    let ri = 0;
    let xr = ar;
    let xi = ai;
    while (n > 0) {
      if (n & 1) [rr, ri] = [rr * xr - ri * xi, rr * xi + ri * xr];
      [xr, xi] = [xr * xr - xi * xi, 2 * xr * xi];
      n >>= 1;
    }
    if (br < 0) return div([1, 0], [rr, ri]);
    return mk(rr, ri);
  }
  const vabs = Math.hypot(ar, ai);
  let len = Math.pow(vabs, br);
  const at = Math.atan2(ai, ar);
  let phase = at * br;
  if (bi !== 0) {
    len /= Math.exp(at * bi);
    phase += bi * Math.log(vabs);
  }
  const r = mk(len * Math.cos(phase), len * Math.sin(phase));
  if (!Number.isFinite(r.real) || !Number.isFinite(r.imag)) throw overflowError("complex exponentiation");
  return r;
}
setComplexPowHook((a, b) => cpow([a, 0], [b, 0]));

type Op = (a: [number, number], b: [number, number]) => PyObject;
const OPS: [string, Op][] = [
  ["add", (a, b) => mk(a[0] + b[0], a[1] + b[1])],
  ["sub", (a, b) => mk(a[0] - b[0], a[1] - b[1])],
  ["mul", (a, b) => mk(a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0])],
  ["truediv", div],
  ["pow", cpow],
];
for (const [name, f] of OPS) {
  defMethod(ComplexType, `__${name}__`, (self, a) => {
    if (name === "pow" && a.length > 1 && a[1] !== None) throw valueError("complex modulo");
    const o = operand(a[0]);
    return o === null ? NotImplemented : f([C(self).real, C(self).imag], o);
  });
  defMethod(ComplexType, `__r${name}__`, (self, a) => {
    const o = operand(a[0]);
    return o === null ? NotImplemented : f(o, [C(self).real, C(self).imag]);
  });
}
for (const name of ["floordiv", "mod", "divmod"]) {
  defMethod(ComplexType, `__${name}__`, () => {
    throw typeError(`unsupported operand type(s) for ${name === "floordiv" ? "//" : name === "mod" ? "%" : "divmod()"}: 'complex' and 'complex'`);
  });
}
defMethod(ComplexType, "__eq__", (self, a) => {
  const o = a[0];
  if (o instanceof PyComplex) return C(self).real === o.real && C(self).imag === o.imag;
  if (C(self).imag !== 0) return isInt(o) || o instanceof PyFloat ? false : NotImplemented;
  const r = ops.compareBuiltinNumbers(new PyFloat(C(self).real), o, ops.Cmp.Eq);
  return r === undefined ? NotImplemented : r;
});
defMethod(ComplexType, "__ne__", (self, a) => {
  const r = ops.callSpecial(self, "__eq__", [a[0]])!;
  return r === NotImplemented ? r : !ops.truthy(r);
});
for (const n of ["__lt__", "__le__", "__gt__", "__ge__"]) defMethod(ComplexType, n, () => NotImplemented);
defMethod(ComplexType, "__neg__", (self) => mk(-C(self).real, -C(self).imag));
defMethod(ComplexType, "__pos__", (self) => mk(C(self).real, C(self).imag));
defMethod(ComplexType, "__abs__", (self) => {
  const r = Math.hypot(C(self).real, C(self).imag);
  if (!Number.isFinite(r) && Number.isFinite(C(self).real) && Number.isFinite(C(self).imag)) throw overflowError("absolute value too large");
  return new PyFloat(r);
});
defMethod(ComplexType, "__bool__", (self) => C(self).real !== 0 || C(self).imag !== 0);
defMethod(ComplexType, "conjugate", (self) => mk(C(self).real, -C(self).imag));
defMethod(ComplexType, "__complex__", (self) => mk(C(self).real, C(self).imag));
defMethod(ComplexType, "__getnewargs__", (self) => new PyTuple([new PyFloat(C(self).real), new PyFloat(C(self).imag)]));
defMethod(ComplexType, "__format__", (self, a) => {
  const spec = ops.pyStr(a[0]);
  if (spec === "") return ops.str(self);
  return formatComplex(C(self).real, C(self).imag, spec);
});
defGetSet(ComplexType, "real", (self) => new PyFloat(C(self).real));
defGetSet(ComplexType, "imag", (self) => new PyFloat(C(self).imag));

function parseComplex(s0: string): [number, number] {
  let s = s0.trim();
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
  const err = (): never => {
    throw valueError("complex() arg is a malformed string");
  };
  if (s === "") err();
  if (/[jJ]$/.test(s)) {
    const body = s.slice(0, -1);
    // split at the last +/- that is not part of an exponent and not the first char
    for (let i = body.length - 1; i > 0; i--) {
      if ((body[i] === "+" || body[i] === "-") && !/[eE]/.test(body[i - 1])) {
        const re = parseFloatLiteral(body.slice(0, i));
        const imS = body.slice(i);
        const im = imS === "+" ? 1 : imS === "-" ? -1 : parseFloatLiteral(imS);
        if (re === null || im === null || /\s/.test(body)) err();
        return [re as number, im as number];
      }
    }
    const im = body === "" || body === "+" ? 1 : body === "-" ? -1 : parseFloatLiteral(body);
    if (im === null || /\s/.test(body)) err();
    return [0, im as number];
  }
  const re = parseFloatLiteral(s);
  if (re === null || /\s/.test(s)) err();
  return [re as number, 0];
}
function toComplexParts(x: PyObject, arg: string): [number, number] {
  const o = operand(x);
  if (o !== null) return o;
  const f = typeOf(x).lookup("__complex__");
  if (f !== undefined) {
    const r = ops.callUnbound(f, x, []);
    if (!(r instanceof PyComplex)) throw typeError(`__complex__ returned non-complex (type ${typeOf(r).name})`);
    return [r.real, r.imag];
  }
  if (typeOf(x).lookup("__float__") !== undefined || typeOf(x).lookup("__index__") !== undefined) return [ops.asFloat(x), 0];
  throw typeError(`complex() ${arg} must be a number, not '${typeOf(x).name}'`);
}
defStaticMethod(ComplexType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const n = kw === null ? 0 : kw.length;
  let realArg: PyObject | undefined = args.length - n > 1 ? args[1] : undefined;
  let imagArg: PyObject | undefined = args.length - n > 2 ? args[2] : undefined;
  for (let i = 0; i < n; i++) {
    const v = args[args.length - n + i];
    if (kw![i] === "real") realArg = v;
    else if (kw![i] === "imag") imagArg = v;
    else throw typeError(`complex() got an unexpected keyword argument '${kw![i]}'`);
  }
  let re = 0;
  let im = 0;
  // As CPython's complex_new: only complex parts are combined, so complex(1, -0.0) keeps the imaginary -0.0.
  let realIsComplex = false;
  if (realArg !== undefined) {
    if (isStr(realArg)) {
      if (imagArg !== undefined) throw typeError("complex() can't take second arg if first is a string");
      [re, im] = parseComplex(strValue(realArg));
    } else {
      [re, im] = toComplexParts(realArg, "first argument");
      realIsComplex = realArg instanceof PyComplex || typeOf(realArg).lookup("__complex__") !== undefined;
    }
  }
  if (imagArg !== undefined) {
    if (isStr(imagArg)) throw typeError("complex() second arg can't be a string");
    const [ir, ii] = toComplexParts(imagArg, "second argument");
    const imagIsComplex = imagArg instanceof PyComplex || typeOf(imagArg).lookup("__complex__") !== undefined;
    if (imagIsComplex) re -= ii;
    im = realIsComplex ? im + ir : ir;
  }
  const c = new PyComplex(re, im, cls);
  if (cls !== ComplexType && cls.instDict) c.dict = new PyDict();
  return c;
});
export { PyComplex };
