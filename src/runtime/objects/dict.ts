// dict: construction/update from mappings and pairs, __missing__, views (keys/values/items with set operations),
// iteration with "changed size during iteration" detection, repr, comparison, and the dict methods.
import {
  DictType,
  None,
  NotImplemented,
  PyBase,
  PyDict,
  PyObject,
  PyTuple,
  PyList,
  PyType,
  typeError,
  typeOf,
  keyError,
  makeBuiltinType,
  ObjectType,
  runtimeError,
  valueError,
  isinstance,
  ClassMethodDescrType,
  PyMethodDescr,
} from "../core";
import * as ops from "../ops";
import { defMethod, defStaticMethod, arity, splitKw } from "../define";
import { reprGuard } from "./list";
import { interp } from "../interpreter";

function d(x: PyObject): PyDict {
  return x as PyDict;
}

DictType.slots.len = (self) => d(self).size;
DictType.slots.repr = (self) =>
  reprGuard(self, () => {
    const dd = d(self);
    if (dd.size === 0) return "{}";
    const parts: string[] = [];
    for (const [k, v] of dd.entries()) parts.push(`${ops.repr(k)}: ${ops.repr(v)}`);
    return "{" + parts.join(", ") + "}";
  }, "{...}");
DictType.dict.setStr("__hash__", None);

// ---- iterators
const enum IterKind {
  Keys,
  Values,
  Items,
}
export const DictKeyIterType = makeBuiltinType("dict_keyiterator", ObjectType, { subclassable: false });
export const DictValueIterType = makeBuiltinType("dict_valueiterator", ObjectType, { subclassable: false });
export const DictItemIterType = makeBuiltinType("dict_itemiterator", ObjectType, { subclassable: false });
export const DictRevKeyIterType = makeBuiltinType("dict_reversekeyiterator", ObjectType, { subclassable: false });
class DictIter extends PyBase {
  pos: number;
  size: number;
  version: number;
  constructor(
    type: PyType,
    public target: PyDict,
    public kind: IterKind,
    public rev = false,
  ) {
    super(type);
    this.size = target.size;
    this.version = target.version;
    this.pos = rev ? target.capacity - 1 : 0;
  }
}
function dictIterNext(x: PyObject): PyObject | undefined {
  const it = x as DictIter;
  const dd = it.target;
  if (it.pos < 0) return undefined;
  if (dd.size !== it.size) {
    it.pos = -1;
    throw runtimeError("dictionary changed size during iteration");
  }
  if (dd.version !== it.version) {
    it.pos = -1;
    throw runtimeError("dictionary keys changed during iteration");
  }
  const cap = dd.capacity;
  while (it.rev ? it.pos >= 0 : it.pos < cap) {
    const i = it.rev ? it.pos-- : it.pos++;
    const k = dd.keyAt(i);
    if (k === undefined) continue;
    if (it.kind === IterKind.Keys) return k;
    if (it.kind === IterKind.Values) return dd.values[i];
    return new PyTuple([k, dd.values[i]]);
  }
  it.pos = -1;
  return undefined;
}
for (const t of [DictKeyIterType, DictValueIterType, DictItemIterType, DictRevKeyIterType]) {
  t.slots.iter = (x) => x;
  t.slots.next = dictIterNext;
  defMethod(t, "__length_hint__", (x) => ((x as DictIter).pos < 0 ? 0 : (x as DictIter).target.size));
}
DictType.slots.iter = (self) => new DictIter(DictKeyIterType, d(self), IterKind.Keys);

// ---- views
export const DictKeysType = makeBuiltinType("dict_keys", ObjectType, { subclassable: false });
export const DictValuesType = makeBuiltinType("dict_values", ObjectType, { subclassable: false });
export const DictItemsType = makeBuiltinType("dict_items", ObjectType, { subclassable: false });
export class DictView extends PyBase {
  constructor(
    type: PyType,
    public target: PyDict,
    public kind: IterKind,
  ) {
    super(type);
  }
}
function viewIter(x: PyObject): PyObject {
  const v = x as DictView;
  const t = v.kind === IterKind.Keys ? DictKeyIterType : v.kind === IterKind.Values ? DictValueIterType : DictItemIterType;
  return new DictIter(t, v.target, v.kind);
}
for (const [t, name] of [
  [DictKeysType, "dict_keys"],
  [DictValuesType, "dict_values"],
  [DictItemsType, "dict_items"],
] as [PyType, string][]) {
  t.slots.iter = viewIter;
  t.slots.len = (x) => (x as DictView).target.size;
  t.slots.repr = (x) => reprGuard(x, () => `${name}([${ops.toArray(x).map((e) => ops.repr(e)).join(", ")}])`, "...");
  defMethod(t, "__reversed__", (x) => {
    const v = x as DictView;
    return new DictIter(DictRevKeyIterType, v.target, v.kind, true);
  });
  defGetSetMapping(t);
}
function defGetSetMapping(t: PyType): void {
  defMethod(t, "__len__", (x) => (x as DictView).target.size);
  defMethod(t, "__iter__", (x) => viewIter(x));
}
function viewContains(x: PyObject, item: PyObject): boolean {
  const v = x as DictView;
  if (v.kind === IterKind.Keys) return v.target.get(item) !== undefined;
  if (v.kind === IterKind.Items) {
    if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
    const val = v.target.get(item.items[0]);
    return val !== undefined && (val === item.items[1] || ops.eq(val, item.items[1]));
  }
  for (const val of v.target.valueList()) if (val === item || ops.eq(val, item)) return true;
  return false;
}
for (const t of [DictKeysType, DictValuesType, DictItemsType]) defMethod(t, "__contains__", (x, a) => viewContains(x, a[0]));
// set operations on keys/items views produce sets
for (const t of [DictKeysType, DictItemsType]) {
  for (const [op, name] of [
    ["__and__", "intersection"],
    ["__or__", "union"],
    ["__sub__", "difference"],
    ["__xor__", "symmetric_difference"],
  ]) {
    defMethod(t, op, (x, a) => {
      const s = interp.newSet(ops.toArray(x), false);
      return ops.callMethod(s, name, [a[0]]);
    });
    const rop = "__r" + op.slice(2);
    defMethod(t, rop, (x, a) => {
      const s = interp.newSet(ops.toArray(a[0]), false);
      return ops.callMethod(s, name, [x]);
    });
  }
  defMethod(t, "isdisjoint", (x, a) => {
    for (const v of ops.toArray(a[0])) if (viewContains(x, v)) return false;
    return true;
  });
  for (const [op, f] of [
    ["__eq__", (a: PyObject, b: PyObject) => ops.eq(a, b)],
    ["__ne__", (a: PyObject, b: PyObject) => !ops.eq(a, b)],
    ["__le__", (a: PyObject, b: PyObject) => ops.compareBool(a, b, ops.Cmp.Le)],
    ["__lt__", (a: PyObject, b: PyObject) => ops.compareBool(a, b, ops.Cmp.Lt)],
    ["__ge__", (a: PyObject, b: PyObject) => ops.compareBool(a, b, ops.Cmp.Ge)],
    ["__gt__", (a: PyObject, b: PyObject) => ops.compareBool(a, b, ops.Cmp.Gt)],
  ] as [string, (a: PyObject, b: PyObject) => boolean][]) {
    defMethod(t, op, (x, a) => {
      const o = a[0];
      const ot = typeOf(o);
      if (!(o instanceof DictView) && ot.name !== "set" && ot.name !== "frozenset") return NotImplemented;
      return f(interp.newSet(ops.toArray(x), false), interp.newSet(ops.toArray(o), false));
    });
  }
}
DictKeysType.dict.setStr("__hash__", None);
DictItemsType.dict.setStr("__hash__", None);

// ---- construction and update

/** dict.update(other) semantics: mappings (with keys()) or iterables of pairs. */
export function dictUpdateFrom(dd: PyDict, other: PyObject): void {
  if (other instanceof PyDict && typeOf(other).lookup("__iter__") === DictType.dict.getStr("__iter__")) {
    for (const [k, v] of other.entries()) dd.set(k, v);
    return;
  }
  const keys = ops.getAttrOpt(other, "keys");
  if (keys !== undefined) {
    for (const k of ops.toArray(ops.call(keys, []))) dd.set(k, ops.getItem(other, k));
    return;
  }
  let i = 0;
  ops.iterate(other, (item) => {
    let pair: PyObject[];
    try {
      pair = ops.toArray(item);
    } catch (e) {
      if (e instanceof PyBase && isinstance(e, typeErrorType())) {
        throw typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
      }
      throw e;
    }
    if (pair.length !== 2) throw valueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    dd.set(pair[0], pair[1]);
    i++;
  });
}
import { TypeErrorType } from "../core";
function typeErrorType(): PyType {
  return TypeErrorType;
}
interp.dictUpdate = dictUpdateFrom;

defStaticMethod(DictType, "__new__", (args) => {
  const cls = args[0] as PyType;
  const nd = new PyDict(cls);
  if (cls !== DictType && cls.instDict) nd.dict = new PyDict();
  return nd;
});
function updateImpl(self: PyObject, args: PyObject[], kw: readonly string[] | null, fname: string): void {
  const { pos, kw: kwd } = splitKw(args, kw);
  if (pos.length > 1) throw typeError(`${fname} expected at most 1 argument, got ${pos.length}`);
  if (pos.length) dictUpdateFrom(d(self), pos[0]);
  if (kwd !== null) for (const [k, v] of kwd.entries()) d(self).set(k, v);
}
defMethod(DictType, "__init__", (self, args, kw) => {
  updateImpl(self, args, kw, "dict");
  return None;
});
defMethod(DictType, "update", (self, args, kw) => {
  updateImpl(self, args, kw, "update");
  return None;
});

export function dictGetItem(self: PyObject, key: PyObject): PyObject {
  const dd = d(self);
  const v = dd.get(key);
  if (v !== undefined) return v;
  if (dd.type !== DictType) {
    const missing = typeOf(self).lookup("__missing__");
    if (missing !== undefined) return ops.callUnbound(missing, self, [key]);
  }
  throw keyError(key);
}
defMethod(DictType, "__getitem__", (self, args) => dictGetItem(self, args[0]));
defMethod(DictType, "__setitem__", (self, args) => {
  d(self).set(args[0], args[1]);
  return None;
});
defMethod(DictType, "__delitem__", (self, args) => {
  if (d(self).delete(args[0]) === undefined) throw keyError(args[0]);
  return None;
});
defMethod(DictType, "__contains__", (self, args) => d(self).get(args[0]) !== undefined);
defMethod(DictType, "__len__", (self) => d(self).size);
defMethod(DictType, "__iter__", (self) => DictType.slots.iter!(self));
defMethod(DictType, "__reversed__", (self) => new DictIter(DictRevKeyIterType, d(self), IterKind.Keys, true));
defMethod(DictType, "__repr__", (self) => DictType.slots.repr!(self));
defMethod(DictType, "keys", (self) => new DictView(DictKeysType, d(self), IterKind.Keys));
defMethod(DictType, "values", (self) => new DictView(DictValuesType, d(self), IterKind.Values));
defMethod(DictType, "items", (self) => new DictView(DictItemsType, d(self), IterKind.Items));
defMethod(DictType, "get", (self, args) => {
  arity("get", args, null, 1, 2);
  const v = d(self).get(args[0]);
  return v !== undefined ? v : args.length > 1 ? args[1] : None;
});
defMethod(DictType, "setdefault", (self, args) => {
  arity("setdefault", args, null, 1, 2);
  const v = d(self).get(args[0]);
  if (v !== undefined) return v;
  const dv = args.length > 1 ? args[1] : None;
  d(self).set(args[0], dv);
  return dv;
});
defMethod(DictType, "pop", (self, args) => {
  arity("pop", args, null, 1, 2);
  const v = d(self).delete(args[0]);
  if (v !== undefined) return v;
  if (args.length > 1) return args[1];
  throw keyError(args[0]);
});
defMethod(DictType, "popitem", (self) => {
  const r = d(self).popLast();
  if (r === undefined) throw keyError("popitem(): dictionary is empty");
  return new PyTuple(r);
});
defMethod(DictType, "clear", (self) => {
  d(self).clear();
  return None;
});
defMethod(DictType, "copy", (self) => {
  const nd = new PyDict();
  for (const [k, v] of d(self).entries()) nd.set(k, v);
  return nd;
});
DictType.dict.setStr(
  "fromkeys",
  new PyMethodDescr("fromkeys", DictType, (cls, args) => {
    arity("fromkeys", args, null, 1, 2);
    const v = args.length > 1 ? args[1] : None;
    const nd = ops.call(cls, []);
    if (nd instanceof PyDict && typeOf(nd).lookup("__setitem__") === DictType.dict.getStr("__setitem__")) {
      ops.iterate(args[0], (k) => {
        nd.set(k, v);
      });
    } else {
      ops.iterate(args[0], (k) => {
        ops.setItem(nd, k, v);
      });
    }
    return nd;
  }, ClassMethodDescrType),
);
defMethod(DictType, "__or__", (self, args) => {
  if (!(args[0] instanceof PyDict)) return NotImplemented;
  const nd = ops.call(typeOf(self), [self]) as PyDict;
  dictUpdateFrom(nd, args[0]);
  return nd;
});
defMethod(DictType, "__ror__", (self, args) => {
  if (!(args[0] instanceof PyDict)) return NotImplemented;
  const nd = new PyDict();
  dictUpdateFrom(nd, args[0]);
  dictUpdateFrom(nd, self);
  return nd;
});
defMethod(DictType, "__ior__", (self, args) => {
  dictUpdateFrom(d(self), args[0]);
  return self;
});
function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined) return false;
    if (v !== w && !ops.eq(v, w)) return false;
  }
  return true;
}
defMethod(DictType, "__eq__", (self, args) => (args[0] instanceof PyDict ? dictEq(d(self), args[0]) : NotImplemented));
defMethod(DictType, "__ne__", (self, args) => (args[0] instanceof PyDict ? !dictEq(d(self), args[0]) : NotImplemented));
defMethod(DictType, "__sizeof__", (self) => 48 + 24 * d(self).capacity);
DictType.dict.setStr(
  "__class_getitem__",
  new PyMethodDescr("__class_getitem__", DictType, (cls, args) => ops.makeGenericAlias(cls, args[0]), ClassMethodDescrType),
);
export { PyList };
