// int and bool: construction, arithmetic dunders (with reflected forms), comparisons, hashing, formatting and methods.
import {
  BoolType,
  IntType,
  None,
  NotImplemented,
  PyBytes,
  PyByteArray,
  PyFloat,
  PyIntObj,
  PyObject,
  PyStrObj,
  PyTuple,
  PyType,
  intValue,
  isInt,
  typeError,
  typeOf,
  valueError,
  normBig,
  overflowError,
} from "../core";
import * as ops from "../ops";
import { BinOp, Cmp } from "../ops";
import { defClassMethod, defGetSet, defMethod, defStaticMethod, parseArgs } from "../define";
import { intDivmod, intBitLength, intBitCount, intToBytes, intFromBytes, intRound, intPowMod } from "../numeric/intOps";
import { intToDecimalString } from "../numeric/intStr";
import { parseIntLiteral } from "../numeric/parse";
import { formatInt } from "../numeric/formatSpec";
import { floatToInt } from "../numeric/floatOps";
import { intNeg, intAbs, intInvert, Int } from "../intmath";

export function intRepr(v: Int): string {
  return typeof v === "number" ? String(v) : intToDecimalString(v);
}

IntType.slots.repr = (self) => intRepr(intValue(self));
IntType.slots.hash = (self) => ops.hashInt(intValue(self));
IntType.slots.bool = (self) => {
  const v = intValue(self);
  return v !== 0 && v !== 0n;
};
BoolType.slots.repr = (self) => (self === true ? "True" : self === false ? "False" : ops.truthy(intValue(self)) ? "True" : "False");
BoolType.slots.str = BoolType.slots.repr;

const BIN_OPS: [string, BinOp][] = [
  ["add", BinOp.Add],
  ["sub", BinOp.Sub],
  ["mul", BinOp.Mul],
  ["floordiv", BinOp.FloorDiv],
  ["truediv", BinOp.TrueDiv],
  ["mod", BinOp.Mod],
  ["lshift", BinOp.Lshift],
  ["rshift", BinOp.Rshift],
  ["and", BinOp.And],
  ["or", BinOp.Or],
  ["xor", BinOp.Xor],
];
for (const [name, op] of BIN_OPS) {
  defMethod(IntType, `__${name}__`, (self, args) => {
    const o = args[0];
    if (!isInt(o)) return NotImplemented;
    return ops.intBinOp(intValue(self), intValue(o), op);
  });
  defMethod(IntType, `__r${name}__`, (self, args) => {
    const o = args[0];
    if (!isInt(o)) return NotImplemented;
    return ops.intBinOp(intValue(o), intValue(self), op);
  });
}
defMethod(IntType, "__pow__", (self, args) => {
  const o = args[0];
  if (!isInt(o)) return NotImplemented;
  if (args.length > 1 && args[1] !== None) {
    const m = args[1];
    if (!isInt(m)) return NotImplemented;
    if (intValue(o) < 0 && intValue(m) === 0) throw valueError("pow() 3rd argument cannot be 0");
    return intPowMod(intValue(self), intValue(o), intValue(m));
  }
  return ops.intBinOp(intValue(self), intValue(o), BinOp.Pow);
});
defMethod(IntType, "__rpow__", (self, args) => {
  const o = args[0];
  if (!isInt(o)) return NotImplemented;
  return ops.intBinOp(intValue(o), intValue(self), BinOp.Pow);
});
defMethod(IntType, "__divmod__", (self, args) => {
  const o = args[0];
  if (!isInt(o)) return NotImplemented;
  return new PyTuple(intDivmod(intValue(self), intValue(o)));
});
defMethod(IntType, "__rdivmod__", (self, args) => {
  const o = args[0];
  if (!isInt(o)) return NotImplemented;
  return new PyTuple(intDivmod(intValue(o), intValue(self)));
});
const CMP: [string, Cmp][] = [
  ["lt", Cmp.Lt],
  ["le", Cmp.Le],
  ["eq", Cmp.Eq],
  ["ne", Cmp.Ne],
  ["gt", Cmp.Gt],
  ["ge", Cmp.Ge],
];
for (const [name, op] of CMP) {
  defMethod(IntType, `__${name}__`, (self, args) => {
    const o = args[0];
    if (!isInt(o)) return NotImplemented;
    return ops.compareBuiltinNumbers(self, o, op)!;
  });
}
defMethod(IntType, "__neg__", (self) => intNeg(intValue(self)));
defMethod(IntType, "__pos__", (self) => intValue(self));
defMethod(IntType, "__abs__", (self) => intAbs(intValue(self)));
defMethod(IntType, "__invert__", (self) => intInvert(intValue(self)));
defMethod(IntType, "__bool__", (self) => IntType.slots.bool!(self));
defMethod(IntType, "__int__", (self) => intValue(self));
defMethod(IntType, "__index__", (self) => intValue(self));
defMethod(IntType, "__trunc__", (self) => intValue(self));
defMethod(IntType, "__floor__", (self) => intValue(self));
defMethod(IntType, "__ceil__", (self) => intValue(self));
defMethod(IntType, "__float__", (self) => new PyFloat(ops.asFloat(intValue(self))));
defMethod(IntType, "__round__", (self, args) => {
  if (args.length === 0 || args[0] === None) return intValue(self);
  return intRound(intValue(self), ops.index(args[0]));
});
defMethod(IntType, "__format__", (self, args) => {
  const spec = ops.pyStr(args[0]);
  if (spec === "") return ops.str(self);
  return formatInt(intValue(self), spec, typeOf(self).name);
});
defMethod(IntType, "__getnewargs__", (self) => new PyTuple([intValue(self)]));
defMethod(IntType, "__sizeof__", (self) => {
  const v = intValue(self);
  const bits = intBitLength(v);
  return 24 + 4 * Math.max(1, Math.ceil(bits / 30));
});
defMethod(IntType, "bit_length", (self) => intBitLength(intValue(self)));
defMethod(IntType, "bit_count", (self) => intBitCount(intValue(self)));
defMethod(IntType, "conjugate", (self) => intValue(self));
defMethod(IntType, "is_integer", () => true);
defMethod(IntType, "as_integer_ratio", (self) => new PyTuple([intValue(self), 1]));
defGetSet(IntType, "real", (self) => intValue(self));
defGetSet(IntType, "imag", () => 0);
defGetSet(IntType, "numerator", (self) => intValue(self));
defGetSet(IntType, "denominator", () => 1);
defMethod(IntType, "to_bytes", (self, args, kw) => {
  const [length, byteorder, signed] = parseArgs("to_bytes", args, kw, ["length", "byteorder", "signed"], 0, 0, 2);
  const len = length === undefined ? 1 : ops.indexNum(length);
  const order = byteorder === undefined ? "big" : ops.pyStr(byteorder);
  if (order !== "big" && order !== "little") throw valueError("byteorder must be either 'little' or 'big'");
  return new PyBytes(intToBytes(intValue(self), len, order, signed !== undefined && ops.truthy(signed)));
});
defClassMethod(IntType, "from_bytes", (cls, args, kw) => {
  const [bytes, byteorder, signed] = parseArgs("from_bytes", args, kw, ["bytes", "byteorder", "signed"], 1, 0, 2);
  const order = byteorder === undefined ? "big" : ops.pyStr(byteorder);
  if (order !== "big" && order !== "little") throw valueError("byteorder must be either 'little' or 'big'");
  let data: Uint8Array;
  if (bytes instanceof PyBytes) data = bytes.data;
  else if (bytes instanceof PyByteArray) data = bytes.data.subarray(0, bytes.length);
  else data = Uint8Array.from(ops.toArray(bytes!).map((x) => ops.indexNum(x)));
  const v = intFromBytes(data, order, signed !== undefined && ops.truthy(signed));
  return cls === IntType ? v : ops.call(cls, [v]);
});

/** int(x) conversion of an arbitrary object (no base). */
export function toInt(x: PyObject): Int {
  if (isInt(x)) return intValue(x);
  if (x instanceof PyFloat) return floatToInt(x.value);
  if (typeof x === "string" || x instanceof PyStrObj) return parseIntLiteral(typeof x === "string" ? x : x.value, 10);
  if (x instanceof PyBytes || x instanceof PyByteArray) {
    const data = x instanceof PyBytes ? x.data : x.data.subarray(0, x.length);
    return parseIntLiteral(Buffer.from(data).toString("latin1"), 10);
  }
  const t = typeOf(x);
  for (const name of ["__int__", "__index__"]) {
    const f = t.lookup(name);
    if (f !== undefined) {
      const r = ops.callUnbound(f, x, []);
      if (!isInt(r)) throw typeError(`${name}() returned non-int (type ${typeOf(r).name})`);
      return intValue(r);
    }
  }
  const tr = t.lookup("__trunc__");
  if (tr !== undefined) {
    const r = ops.callUnbound(tr, x, []);
    if (isInt(r)) return intValue(r);
    return ops.index(r);
  }
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

defStaticMethod(IntType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const [x, base] = parseArgs("int", args.slice(1), kw, ["x", "base"], 0, 1);
  let v: Int;
  if (x === undefined) {
    if (base !== undefined) throw typeError("int() missing string argument");
    v = 0;
  } else if (base === undefined) v = toInt(x);
  else {
    const b = ops.indexNum(base);
    if (typeof x === "string" || x instanceof PyStrObj) v = parseIntLiteral(typeof x === "string" ? x : x.value, b);
    else if (x instanceof PyBytes || x instanceof PyByteArray) {
      const data = x instanceof PyBytes ? x.data : x.data.subarray(0, x.length);
      v = parseIntLiteral(Buffer.from(data).toString("latin1"), b);
    } else throw typeError("int() can't convert non-string with explicit base");
  }
  if (cls === IntType) return v;
  if (!cls.isSubtypeOf(IntType)) throw typeError("int.__new__(X): X is not a subtype of int");
  const o = new PyIntObj(cls, v);
  if (cls.instDict) o.dict = new (IntDictCtor())();
  return o;
});
import { PyDict } from "../core";
function IntDictCtor(): typeof PyDict {
  return PyDict;
}

// ---- bool
defStaticMethod(BoolType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("bool() takes no keyword arguments");
  if (args.length > 2) throw typeError(`bool expected at most 1 argument, got ${args.length - 1}`);
  return args.length > 1 ? ops.truthy(args[1]) : false;
});
for (const [name, op] of [
  ["and", BinOp.And],
  ["or", BinOp.Or],
  ["xor", BinOp.Xor],
] as [string, BinOp][]) {
  const f = (self: PyObject, args: PyObject[]): PyObject => {
    const o = args[0];
    if (typeof o === "boolean" && typeof self === "boolean") {
      return op === BinOp.And ? self && o : op === BinOp.Or ? self || o : self !== o;
    }
    if (!isInt(o)) return NotImplemented;
    return ops.intBinOp(intValue(self), intValue(o), op);
  };
  defMethod(BoolType, `__${name}__`, f);
  defMethod(BoolType, `__r${name}__`, f);
}
defMethod(BoolType, "__repr__", (self) => BoolType.slots.repr!(self));
defMethod(IntType, "__repr__", (self) => IntType.slots.repr!(self));
defMethod(IntType, "__hash__", (self) => IntType.slots.hash!(self));

export { normBig, overflowError };
