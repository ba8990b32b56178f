// types.UnionType (int | str): construction by type.__or__, deduplication, repr, equality, isinstance support.
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyTuple, PyType, None, NoneType, NotImplemented, TypeType, typeError, typeOf, ClassMethodDescrType, PyMethodDescr, TupleType } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod } from "../define";
import { PyGenericAlias, GenericAliasType, makeGenericAlias, setUnionFactory } from "./genericalias";
import { builtinFunction } from "../define";

export const UnionType = makeBuiltinType("UnionType", ObjectType, { subclassable: false });
UnionType.dict.setStr("__module__", "types");
export class PyUnion extends PyBase {
  constructor(public args: PyObject[]) {
    super(UnionType);
  }
}

function unionable(x: PyObject): boolean {
  return x === None || x instanceof PyType || x instanceof PyGenericAlias || x instanceof PyUnion;
}
function flatten(x: PyObject): PyObject[] {
  if (x instanceof PyUnion) return x.args;
  if (x === None) return [NoneType];
  return [x];
}
export function makeUnion(a: PyObject, b: PyObject): PyObject {
  if (!unionable(a) || !unionable(b)) return NotImplemented;
  const out: PyObject[] = [];
  for (const x of [...flatten(a), ...flatten(b)]) {
    if (!out.some((y) => y === x || (y instanceof PyGenericAlias && x instanceof PyGenericAlias && ops.eq(y, x)))) out.push(x);
  }
  if (out.length === 1) return out[0];
  return new PyUnion(out);
}
setUnionFactory(builtinFunction("_union", (args) => makeUnion(args[0], args[1])));

function argRepr(a: PyObject): string {
  if (a === NoneType) return "None";
  if (a instanceof PyType) {
    const mod = a.moduleName;
    return mod === "builtins" ? a.qualname : `${mod}.${a.qualname}`;
  }
  return ops.repr(a);
}
UnionType.slots.repr = (x) => (x as PyUnion).args.map(argRepr).join(" | ");
UnionType.slots.hash = (x) => {
  // order-independent, like hash(frozenset(args))
  let h = 0n;
  for (const a of (x as PyUnion).args) h ^= BigInt.asUintN(64, BigInt(ops.hash(a)));
  return Number(h & 0xfffffffffffffn);
};
defGetSet(UnionType, "__args__", (x) => new PyTuple((x as PyUnion).args));
defGetSet(UnionType, "__parameters__", (x) => {
  const out: PyObject[] = [];
  for (const a of (x as PyUnion).args) {
    const p = a instanceof PyType ? undefined : ops.getAttrOpt(a, "__parameters__");
    if (p instanceof PyTuple) for (const q of p.items) if (!out.includes(q)) out.push(q);
  }
  return new PyTuple(out);
});
defMethod(UnionType, "__or__", (x, a) => makeUnion(x, a[0]));
defMethod(UnionType, "__ror__", (x, a) => makeUnion(a[0], x));
defMethod(UnionType, "__eq__", (x, a) => {
  const o = a[0];
  if (!(o instanceof PyUnion)) return NotImplemented;
  const xa = (x as PyUnion).args;
  return xa.length === o.args.length && xa.every((v) => o.args.some((w) => ops.eq(v, w)));
});
defMethod(UnionType, "__instancecheck__", (x, a) => {
  for (const t of (x as PyUnion).args) {
    if (t instanceof PyGenericAlias) throw typeError("isinstance() argument 2 cannot be a parameterized generic");
    if (ops.isInstanceOf(a[0], t)) return true;
  }
  return false;
});
defMethod(UnionType, "__subclasscheck__", (x, a) => {
  for (const t of (x as PyUnion).args) if (ops.isSubclassOf(a[0], t)) return true;
  return false;
});
defMethod(TypeType, "__or__", (x, a) => makeUnion(x, a[0]));
defMethod(TypeType, "__ror__", (x, a) => makeUnion(a[0], x));
defMethod(GenericAliasType, "__or__", (x, a) => makeUnion(x, a[0]));
defMethod(GenericAliasType, "__ror__", (x, a) => makeUnion(a[0], x));
for (const t of [TupleType]) {
  t.dict.setStr("__class_getitem__", new PyMethodDescr("__class_getitem__", t, (cls, args) => makeGenericAlias(cls, args[0]), ClassMethodDescrType));
}
export { typeOf };
