// tuple: construction, sequence protocol, hashing (CPython's xxHash-based tuple hash), comparison and repr.
import { TupleType, None, NotImplemented, PyObject, PySlice, PyTuple, PyType, PyBase, typeError, typeOf, indexError, valueError, EMPTY_TUPLE, makeBuiltinType, ObjectType, PyDict } from "../core";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { defMethod, defStaticMethod, arity } from "../define";
import { sliceIndices } from "./slice";
import { reprGuard, seqCompare } from "./list";
import { tupleHash } from "../numeric/hash";

function items(x: PyObject): PyObject[] {
  return (x as PyTuple).items;
}
export const TupleIterType = makeBuiltinType("tuple_iterator", ObjectType, { subclassable: false });
class TupleIter extends PyBase {
  i = 0;
  constructor(public items: PyObject[]) {
    super(TupleIterType);
  }
}
TupleIterType.slots.iter = (x) => x;
TupleIterType.slots.next = (x) => {
  const it = x as TupleIter;
  return it.i < it.items.length ? it.items[it.i++] : undefined;
};
const tupleIterSlot = (self: PyObject): PyObject => new TupleIter(items(self));
TupleType.slots.iter = tupleIterSlot;
TupleType.slots.len = (self) => items(self).length;
TupleType.slots.hash = (self) => tupleHash(items(self).map((x) => ops.hash(x)));
TupleType.slots.repr = (self) => {
  const it = items(self);
  if (it.length === 0) return "()";
  return reprGuard(self, () => (it.length === 1 ? `(${ops.repr(it[0])},)` : "(" + it.map((x) => ops.repr(x)).join(", ") + ")"), "(...)");
};
import { ListType } from "../core";
ops.setSeqIterSlots(ListType.slots.iter!, tupleIterSlot);

defStaticMethod(TupleType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("tuple() takes no keyword arguments");
  const cls = args[0] as PyType;
  if (args.length > 2) throw typeError(`tuple expected at most 1 argument, got ${args.length - 1}`);
  const src = args.length > 1 ? args[1] : undefined;
  if (cls === TupleType) {
    if (src === undefined) return EMPTY_TUPLE;
    if (src instanceof PyTuple && src.type === TupleType) return src;
    const a = ops.toArray(src);
    return a.length ? new PyTuple(a) : EMPTY_TUPLE;
  }
  const t = new PyTuple(src === undefined ? [] : ops.toArray(src), cls);
  if (cls.instDict) t.dict = new PyDict();
  return t;
});
export function tupleGetItem(t: PyTuple, key: PyObject): PyObject {
  const it = t.items;
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, it.length);
    if (step === 1) {
      if (n === it.length && t.type === TupleType) return t;
      return new PyTuple(it.slice(start, start + n));
    }
    const out: PyObject[] = new Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = it[j];
    return new PyTuple(out);
  }
  if (!ops.hasIndex(key)) throw typeError(`tuple indices must be integers or slices, not ${typeOf(key).name}`);
  let i = ops.indexNum(key);
  if (i < 0) i += it.length;
  if (i < 0 || i >= it.length) throw indexError("tuple index out of range");
  return it[i];
}
defMethod(TupleType, "__getitem__", (self, args) => tupleGetItem(self as PyTuple, args[0]));
defMethod(TupleType, "__len__", (self) => items(self).length);
defMethod(TupleType, "__iter__", (self) => tupleIterSlot(self));
defMethod(TupleType, "__hash__", (self) => TupleType.slots.hash!(self));
defMethod(TupleType, "__repr__", (self) => TupleType.slots.repr!(self));
defMethod(TupleType, "__contains__", (self, args) => {
  for (const v of items(self)) if (v === args[0] || ops.eq(v, args[0])) return true;
  return false;
});
defMethod(TupleType, "__add__", (self, args) => {
  const o = args[0];
  if (!(o instanceof PyTuple)) return NotImplemented;
  return new PyTuple(items(self).concat(o.items));
});
function rep(self: PyObject, n: PyObject): PyObject {
  if (!ops.hasIndex(n)) return NotImplemented;
  const k = ops.indexNum(n);
  const it = items(self);
  if (k === 1 && (self as PyTuple).type === TupleType) return self;
  if (k <= 0 || it.length === 0) return EMPTY_TUPLE;
  const out: PyObject[] = [];
  for (let r = 0; r < k; r++) for (const x of it) out.push(x);
  return new PyTuple(out);
}
defMethod(TupleType, "__mul__", (self, args) => rep(self, args[0]));
defMethod(TupleType, "__rmul__", (self, args) => rep(self, args[0]));
for (const [name, op] of [
  ["lt", Cmp.Lt],
  ["le", Cmp.Le],
  ["eq", Cmp.Eq],
  ["ne", Cmp.Ne],
  ["gt", Cmp.Gt],
  ["ge", Cmp.Ge],
] as [string, Cmp][]) {
  defMethod(TupleType, `__${name}__`, (self, args) => {
    const o = args[0];
    if (!(o instanceof PyTuple)) return NotImplemented;
    return seqCompare(items(self), o.items, op);
  });
}
defMethod(TupleType, "index", (self, args) => {
  arity("index", args, null, 1, 3);
  const it = items(self);
  let start = args.length > 1 ? ops.indexNum(args[1]) : 0;
  let stop = args.length > 2 ? ops.indexNum(args[2]) : it.length;
  if (start < 0) start = Math.max(0, start + it.length);
  if (stop < 0) stop = Math.max(0, stop + it.length);
  for (let i = start; i < Math.min(stop, it.length); i++) if (it[i] === args[0] || ops.eq(it[i], args[0])) return i;
  throw valueError("tuple.index(x): x not in tuple");
});
defMethod(TupleType, "count", (self, args) => {
  let n = 0;
  for (const v of items(self)) if (v === args[0] || ops.eq(v, args[0])) n++;
  return n;
});
defMethod(TupleType, "__getnewargs__", (self) => new PyTuple([new PyTuple(items(self).slice())]));
export { None };
