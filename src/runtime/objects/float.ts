// float: construction (from str with CPython's parser, __float__, __index__), arithmetic with CPython's error rules,
// exact comparisons with ints, hashing, repr, formatting, round and the float methods.
import {
  FloatType,
  None,
  NotImplemented,
  PyFloat,
  PyObject,
  PyStrObj,
  PyTuple,
  PyType,
  PyBytes,
  PyByteArray,
  intValue,
  isInt,
  typeError,
  typeOf,
  zeroDivisionError,
  PyComplex,
} from "../core";
import * as ops from "../ops";
import { BinOp, Cmp } from "../ops";
import { defClassMethod, defGetSet, defMethod, defStaticMethod } from "../define";
import { floatRepr } from "../numeric/floatRepr";
import {
  floatDivmod,
  floatFloorDiv,
  floatMod,
  floatPow,
  floatTrueDiv,
  floatToInt,
  floatRound,
  floatRoundToInt,
  floatIsInteger,
  floatAsIntegerRatio,
  floatHex,
  floatFromHex,
  POW_NEEDS_COMPLEX,
} from "../numeric/floatOps";
import { parseFloatLiteral, floatParseError } from "../numeric/parse";
import { formatFloat } from "../numeric/formatSpec";
import { intToFloat } from "../intmath";

FloatType.slots.repr = (self) => floatRepr((self as PyFloat).value);
FloatType.slots.hash = (self) => ops.hashFloat((self as PyFloat).value, ops.identityHash(self));
FloatType.slots.bool = (self) => (self as PyFloat).value !== 0;

/** float op float; NotImplemented for bitwise operators. Errors as CPython's. */
function floatOp(a: number, b: number, op: BinOp): PyObject {
  switch (op) {
    case BinOp.Add:
      return new PyFloat(a + b);
    case BinOp.Sub:
      return new PyFloat(a - b);
    case BinOp.Mul:
      return new PyFloat(a * b);
    case BinOp.TrueDiv:
      if (b === 0) throw zeroDivisionError("float division by zero");
      return new PyFloat(floatTrueDiv(a, b));
    case BinOp.FloorDiv:
      if (b === 0) throw zeroDivisionError("float floor division by zero");
      return new PyFloat(floatFloorDiv(a, b));
    case BinOp.Mod:
      if (b === 0) throw zeroDivisionError("float modulo");
      return new PyFloat(floatMod(a, b));
    case BinOp.Pow: {
      const r = floatPow(a, b);
      if (r === POW_NEEDS_COMPLEX) return complexPowHook(a, b);
      return new PyFloat(r);
    }
    default:
      return NotImplemented;
  }
}
ops.setFloatBinOp(floatOp);
/** Set by objects/complex.ts: negative float ** fractional float gives a complex. */
export let complexPowHook: (a: number, b: number) => PyObject = (a, b) => {
  const r = Math.pow(Math.abs(a), b);
  const ang = Math.PI * b;
  return new PyComplex(r * Math.cos(ang), r * Math.sin(ang));
};
export function setComplexPowHook(f: typeof complexPowHook): void {
  complexPowHook = f;
}

/** float value of a float or int operand; undefined when not a real number this type handles. */
function operand(x: PyObject): number | undefined {
  if (x instanceof PyFloat) return x.value;
  if (isInt(x)) return intToFloat(intValue(x));
  return undefined;
}

const BIN: [string, BinOp][] = [
  ["add", BinOp.Add],
  ["sub", BinOp.Sub],
  ["mul", BinOp.Mul],
  ["truediv", BinOp.TrueDiv],
  ["floordiv", BinOp.FloorDiv],
  ["mod", BinOp.Mod],
];
for (const [name, op] of BIN) {
  defMethod(FloatType, `__${name}__`, (self, args) => {
    const b = operand(args[0]);
    return b === undefined ? NotImplemented : floatOp((self as PyFloat).value, b, op);
  });
  defMethod(FloatType, `__r${name}__`, (self, args) => {
    const a = operand(args[0]);
    return a === undefined ? NotImplemented : floatOp(a, (self as PyFloat).value, op);
  });
}
defMethod(FloatType, "__pow__", (self, args) => {
  if (args.length > 1 && args[1] !== None) throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
  const b = operand(args[0]);
  return b === undefined ? NotImplemented : floatOp((self as PyFloat).value, b, BinOp.Pow);
});
defMethod(FloatType, "__rpow__", (self, args) => {
  const a = operand(args[0]);
  return a === undefined ? NotImplemented : floatOp(a, (self as PyFloat).value, BinOp.Pow);
});
defMethod(FloatType, "__divmod__", (self, args) => {
  const b = operand(args[0]);
  if (b === undefined) return NotImplemented;
  if (b === 0) throw zeroDivisionError("float divmod()");
  const [q, r] = floatDivmod((self as PyFloat).value, b);
  return new PyTuple([new PyFloat(q), new PyFloat(r)]);
});
defMethod(FloatType, "__rdivmod__", (self, args) => {
  const a = operand(args[0]);
  if (a === undefined) return NotImplemented;
  const b = (self as PyFloat).value;
  if (b === 0) throw zeroDivisionError("float divmod()");
  const [q, r] = floatDivmod(a, b);
  return new PyTuple([new PyFloat(q), new PyFloat(r)]);
});
for (const [name, op] of [
  ["lt", Cmp.Lt],
  ["le", Cmp.Le],
  ["eq", Cmp.Eq],
  ["ne", Cmp.Ne],
  ["gt", Cmp.Gt],
  ["ge", Cmp.Ge],
] as [string, Cmp][]) {
  defMethod(FloatType, `__${name}__`, (self, args) => {
    const r = ops.compareBuiltinNumbers(self, args[0], op);
    return r === undefined ? NotImplemented : r;
  });
}
defMethod(FloatType, "__neg__", (self) => new PyFloat(-(self as PyFloat).value));
defMethod(FloatType, "__pos__", (self) => new PyFloat((self as PyFloat).value));
defMethod(FloatType, "__abs__", (self) => new PyFloat(Math.abs((self as PyFloat).value)));
defMethod(FloatType, "__bool__", (self) => (self as PyFloat).value !== 0);
defMethod(FloatType, "__int__", (self) => floatToInt((self as PyFloat).value));
defMethod(FloatType, "__trunc__", (self) => floatToInt((self as PyFloat).value));
defMethod(FloatType, "__floor__", (self) => floatToInt(Math.floor((self as PyFloat).value)));
defMethod(FloatType, "__ceil__", (self) => floatToInt(Math.ceil((self as PyFloat).value)));
defMethod(FloatType, "__float__", (self) => (typeOf(self) === FloatType ? self : new PyFloat((self as PyFloat).value)));
defMethod(FloatType, "__round__", (self, args) => {
  const x = (self as PyFloat).value;
  if (args.length === 0 || args[0] === None) return floatRoundToInt(x);
  return new PyFloat(floatRound(x, ops.index(args[0])));
});
defMethod(FloatType, "__format__", (self, args) => {
  const spec = ops.pyStr(args[0]);
  if (spec === "") return ops.str(self);
  return formatFloat((self as PyFloat).value, spec);
});
defMethod(FloatType, "__getnewargs__", (self) => new PyTuple([new PyFloat((self as PyFloat).value)]));
defMethod(FloatType, "is_integer", (self) => floatIsInteger((self as PyFloat).value));
defMethod(FloatType, "as_integer_ratio", (self) => new PyTuple(floatAsIntegerRatio((self as PyFloat).value)));
defMethod(FloatType, "conjugate", (self) => new PyFloat((self as PyFloat).value));
defMethod(FloatType, "hex", (self) => floatHex((self as PyFloat).value));
defClassMethod(FloatType, "fromhex", (cls, args) => {
  const v = new PyFloat(floatFromHex(ops.pyStr(args[0])));
  return cls === FloatType ? v : ops.call(cls, [v]);
});
defGetSet(FloatType, "real", (self) => new PyFloat((self as PyFloat).value));
defGetSet(FloatType, "imag", () => new PyFloat(0));
defMethod(FloatType, "__repr__", (self) => FloatType.slots.repr!(self));
defMethod(FloatType, "__hash__", (self) => FloatType.slots.hash!(self));

/** float(x) of any object. */
export function toFloat(x: PyObject): number {
  if (x instanceof PyFloat) return x.value;
  if (isInt(x)) return intToFloat(intValue(x));
  if (typeof x === "string" || x instanceof PyStrObj) {
    const s = typeof x === "string" ? x : x.value;
    const r = parseFloatLiteral(s);
    if (r === null) throw floatParseError(s);
    return r;
  }
  if (x instanceof PyBytes || x instanceof PyByteArray) {
    const data = x instanceof PyBytes ? x.data : x.data.subarray(0, x.length);
    const s = Buffer.from(data).toString("latin1");
    const r = parseFloatLiteral(s);
    if (r === null) throw floatParseError(s);
    return r;
  }
  const t = typeOf(x);
  const f = t.lookup("__float__");
  if (f !== undefined) {
    const r = ops.callUnbound(f, x, []);
    if (!(r instanceof PyFloat)) throw typeError(`${t.name}.__float__ returned non-float (type ${typeOf(r).name})`);
    return r.value;
  }
  if (t.lookup("__index__") !== undefined) return intToFloat(ops.index(x));
  throw typeError(`float() argument must be a string or a real number, not '${t.name}'`);
}

defStaticMethod(FloatType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("float() takes no keyword arguments");
  const cls = args[0] as PyType;
  if (args.length > 2) throw typeError(`float expected at most 1 argument, got ${args.length - 1}`);
  const v = args.length > 1 ? toFloat(args[1]) : 0;
  if (cls === FloatType) return new PyFloat(v);
  const o = new PyFloat(v, cls);
  if (cls.instDict) o.dict = new PyDictCtor();
  return o;
});
import { PyDict as PyDictCtor } from "../core";
