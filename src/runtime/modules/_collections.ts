// The `_collections` native module: deque, defaultdict, _count_elements, _tuplegetter and _deque_iterator (Modules/_collectionsmodule.c).
import {
  ClassMethodDescrType,
  DictType,
  indexError,
  makeBuiltinType,
  None,
  NotImplemented,
  ObjectType,
  PyBase,
  PyDict,
  PyMethodDescr,
  PyObject,
  PyTuple,
  PyType,
  runtimeError,
  typeError,
  typeName,
  typeOf,
  valueError,
  keyError,
  isinstance,
  newTuple,
  PyList,
  attributeError,
} from "../core";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, arity, noArgs } from "../define";
import * as ops from "../ops";
import { shortName } from "./moduleTypes";
import { Cmp } from "../ops";
import { reprGuard, seqCompare } from "../objects/list";
import { stopIteration } from "../objects/iterators";
import { registerNativeModule } from "./registry";

// ---------------------------------------------------------------------------------------------------------------
// deque: a ring buffer whose capacity is a power of two.

export const DequeType = makeBuiltinType("collections.deque", ObjectType, { alloc: (cls) => new PyDeque(cls) });

export class PyDeque extends PyBase {
  buf: PyObject[] = new Array(8);
  head = 0;
  length = 0;
  /** -1 means unbounded. */
  maxlen = -1;
  /** Bumped on every mutation that invalidates iterators ("deque mutated during iteration"). */
  state = 0;
  constructor(type: PyType) {
    super(type);
  }
  at(i: number): PyObject {
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }
  setAt(i: number, v: PyObject): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }
  private grow(): void {
    const old = this.buf;
    const next: PyObject[] = new Array(old.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = next;
    this.head = 0;
  }
  pushRight(v: PyObject): void {
    if (this.maxlen === 0) return;
    if (this.length === this.maxlen) this.popLeft();
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = v;
    this.length++;
    this.state++;
  }
  pushLeft(v: PyObject): void {
    if (this.maxlen === 0) return;
    if (this.length === this.maxlen) this.popRight();
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.length++;
    this.state++;
  }
  popRight(): PyObject {
    const i = (this.head + this.length - 1) & (this.buf.length - 1);
    const v = this.buf[i];
    this.buf[i] = undefined as unknown as PyObject;
    this.length--;
    this.state++;
    return v;
  }
  popLeft(): PyObject {
    const v = this.buf[this.head];
    this.buf[this.head] = undefined as unknown as PyObject;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    this.state++;
    return v;
  }
  toArray(): PyObject[] {
    const out: PyObject[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
  /** Replaces the contents (used by clear, remove, insert, rotate, __init__...). */
  reset(items: PyObject[]): void {
    let cap = 8;
    while (cap < items.length) cap *= 2;
    this.buf = new Array(cap);
    for (let i = 0; i < items.length; i++) this.buf[i] = items[i];
    this.head = 0;
    this.length = items.length;
    this.state++;
  }
}

function dq(x: PyObject): PyDeque {
  if (!(x instanceof PyDeque)) throw typeError(`descriptor requires a 'collections.deque' object but received a '${typeName(x)}'`);
  return x;
}

/** Normalises a deque index like CPython's deque_item: negative counts from the right, out of range raises. */
function dequeIndex(d: PyDeque, key: PyObject): number {
  let i = ops.indexNum(key);
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw indexError("deque index out of range");
  return i;
}

function extendRight(d: PyDeque, iterable: PyObject): void {
  // d.extend(d) must iterate over a snapshot, as CPython does.
  const items = iterable === d ? d.toArray() : null;
  if (items !== null) {
    for (const v of items) d.pushRight(v);
    return;
  }
  ops.iterate(iterable, (v) => {
    d.pushRight(v);
  });
}
function extendLeft(d: PyDeque, iterable: PyObject): void {
  const items = iterable === d ? d.toArray() : ops.toArray(iterable);
  for (const v of items) d.pushLeft(v);
}

defMethod(DequeType, "__init__", (self, args, kw) => {
  const d = dq(self);
  const [iterable, maxlen] = parseArgs("deque", args, kw, ["iterable", "maxlen"]);
  let m = -1;
  if (maxlen !== undefined && maxlen !== None) {
    m = ops.indexNum(maxlen);
    if (m < 0) throw valueError("maxlen must be non-negative");
  }
  d.maxlen = m;
  if (d.length > 0) d.reset([]);
  if (iterable !== undefined) extendRight(d, iterable);
  return None;
});

defMethod(DequeType, "append", (self, args, kw) => {
  arity("append", args, kw, 1);
  dq(self).pushRight(args[0]);
  return None;
});
defMethod(DequeType, "appendleft", (self, args, kw) => {
  arity("appendleft", args, kw, 1);
  dq(self).pushLeft(args[0]);
  return None;
});
defMethod(DequeType, "pop", (self, args, kw) => {
  noArgs("pop", args, kw);
  const d = dq(self);
  if (d.length === 0) throw indexError("pop from an empty deque");
  return d.popRight();
});
defMethod(DequeType, "popleft", (self, args, kw) => {
  noArgs("popleft", args, kw);
  const d = dq(self);
  if (d.length === 0) throw indexError("pop from an empty deque");
  return d.popLeft();
});
defMethod(DequeType, "extend", (self, args, kw) => {
  arity("extend", args, kw, 1);
  extendRight(dq(self), args[0]);
  return None;
});
defMethod(DequeType, "extendleft", (self, args, kw) => {
  arity("extendleft", args, kw, 1);
  extendLeft(dq(self), args[0]);
  return None;
});
defMethod(DequeType, "clear", (self, args, kw) => {
  noArgs("clear", args, kw);
  dq(self).reset([]);
  return None;
});
function copyDeque(d: PyDeque): PyObject {
  if (d.type === DequeType) {
    const c = new PyDeque(DequeType);
    c.maxlen = d.maxlen;
    c.reset(d.toArray());
    return c;
  }
  // Subclasses are copied through their constructor, as CPython's deque_copy does.
  const items = newListOf(d.toArray());
  return d.maxlen < 0 ? ops.call(d.type, [items]) : ops.call(d.type, [items, d.maxlen]);
}
function newListOf(items: PyObject[]): PyObject {
  return new PyList(items);
}
defMethod(DequeType, "copy", (self, args, kw) => {
  noArgs("copy", args, kw);
  return copyDeque(dq(self));
});
defMethod(DequeType, "__copy__", (self, args, kw) => {
  noArgs("__copy__", args, kw);
  return copyDeque(dq(self));
});
defMethod(DequeType, "count", (self, args, kw) => {
  arity("count", args, kw, 1);
  const d = dq(self);
  const state = d.state;
  let n = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d.at(i);
    if (v === args[0] || ops.eq(v, args[0])) n++;
    if (d.state !== state) throw runtimeError("deque mutated during iteration");
  }
  return n;
});
defMethod(DequeType, "index", (self, args, kw) => {
  arity("index", args, kw, 1, 3);
  const d = dq(self);
  let start = 0;
  let stop = d.length;
  if (args.length > 1) start = clampIndex(ops.indexNum(args[1]), d.length);
  if (args.length > 2) stop = clampIndex(ops.indexNum(args[2]), d.length);
  const state = d.state;
  for (let i = start; i < stop && i < d.length; i++) {
    const v = d.at(i);
    if (v === args[0] || ops.eq(v, args[0])) return i;
    if (d.state !== state) throw runtimeError("deque mutated during iteration");
  }
  throw valueError(`${ops.repr(args[0])} is not in deque`);
});
function clampIndex(i: number, n: number): number {
  if (i < 0) return Math.max(0, i + n);
  return Math.min(i, n);
}
defMethod(DequeType, "insert", (self, args, kw) => {
  arity("insert", args, kw, 2);
  const d = dq(self);
  if (d.maxlen >= 0 && d.length >= d.maxlen) throw indexError("deque already at its maximum size");
  const items = d.toArray();
  let i = ops.indexNum(args[0]);
  if (i < 0) i = Math.max(0, i + items.length);
  if (i > items.length) i = items.length;
  items.splice(i, 0, args[1]);
  d.reset(items);
  return None;
});
defMethod(DequeType, "remove", (self, args, kw) => {
  arity("remove", args, kw, 1);
  const d = dq(self);
  const state = d.state;
  for (let i = 0; i < d.length; i++) {
    const v = d.at(i);
    const equal = v === args[0] || ops.eq(v, args[0]);
    if (d.state !== state) throw indexError("deque mutated during remove().");
    if (equal) {
      const items = d.toArray();
      items.splice(i, 1);
      d.reset(items);
      return None;
    }
  }
  throw valueError(`${ops.repr(args[0])} is not in deque`);
});
defMethod(DequeType, "reverse", (self, args, kw) => {
  noArgs("reverse", args, kw);
  const d = dq(self);
  d.reset(d.toArray().reverse());
  return None;
});
defMethod(DequeType, "rotate", (self, args, kw) => {
  arity("rotate", args, kw, 0, 1);
  const d = dq(self);
  const n = args.length ? ops.indexNum(args[0]) : 1;
  const len = d.length;
  if (len <= 1) return None;
  let k = n % len;
  if (k < 0) k += len;
  if (k === 0) return None;
  const items = d.toArray();
  d.reset(items.slice(len - k).concat(items.slice(0, len - k)));
  return None;
});
defGetSet(DequeType, "maxlen", (self) => {
  const m = dq(self).maxlen;
  return m < 0 ? None : m;
});

DequeType.slots.len = (self) => dq(self).length;
DequeType.slots.bool = (self) => dq(self).length > 0;
DequeType.slots.repr = (self) => {
  const d = dq(self);
  return reprGuard(
    self,
    () => {
      const body = "[" + d.toArray().map(ops.repr).join(", ") + "]";
      return d.maxlen < 0 ? `${shortName(d.type)}(${body})` : `${shortName(d.type)}(${body}, maxlen=${d.maxlen})`;
    },
    "[...]",
  );
};
DequeType.dict.setStr("__hash__", None);
defMethod(DequeType, "__len__", (self) => dq(self).length);
defMethod(DequeType, "__repr__", (self) => DequeType.slots.repr!(self));
defMethod(DequeType, "__getitem__", (self, args) => {
  const d = dq(self);
  return d.at(dequeIndex(d, args[0]));
});
defMethod(DequeType, "__setitem__", (self, args) => {
  const d = dq(self);
  d.setAt(dequeIndex(d, args[0]), args[1]);
  return None;
});
defMethod(DequeType, "__delitem__", (self, args) => {
  const d = dq(self);
  const i = dequeIndex(d, args[0]);
  const items = d.toArray();
  items.splice(i, 1);
  d.reset(items);
  return None;
});
defMethod(DequeType, "__contains__", (self, args) => {
  const d = dq(self);
  const state = d.state;
  for (let i = 0; i < d.length; i++) {
    const v = d.at(i);
    if (v === args[0] || ops.eq(v, args[0])) return true;
    if (d.state !== state) throw runtimeError("deque mutated during iteration");
  }
  return false;
});
defMethod(DequeType, "__add__", (self, args) => {
  const d = dq(self);
  const other = args[0];
  if (!(other instanceof PyDeque)) {
    throw typeError(`can only concatenate deque (not "${typeName(other)}") to deque`);
  }
  const c = copyDeque(d) as PyDeque;
  extendRight(c, other);
  return c;
});
defMethod(DequeType, "__iadd__", (self, args) => {
  extendRight(dq(self), args[0]);
  return self;
});
function repeated(d: PyDeque, nObj: PyObject): PyObject[] {
  const n = ops.indexNum(nObj);
  const items = d.toArray();
  const out: PyObject[] = [];
  for (let i = 0; i < n; i++) for (const v of items) out.push(v);
  // A bounded deque keeps only the last maxlen items.
  return d.maxlen >= 0 && out.length > d.maxlen ? out.slice(out.length - d.maxlen) : out;
}
defMethod(DequeType, "__mul__", (self, args) => {
  const d = dq(self);
  if (!ops.hasIndex(args[0])) return NotImplemented;
  const c = copyDeque(d) as PyDeque;
  c.reset(repeated(d, args[0]));
  return c;
});
defMethod(DequeType, "__rmul__", (self, args) => ops.callMethod(self, "__mul__", args));
defMethod(DequeType, "__imul__", (self, args) => {
  const d = dq(self);
  if (!ops.hasIndex(args[0])) return NotImplemented;
  d.reset(repeated(d, args[0]));
  return self;
});
for (const [name, op] of [
  ["__lt__", Cmp.Lt],
  ["__le__", Cmp.Le],
  ["__eq__", Cmp.Eq],
  ["__ne__", Cmp.Ne],
  ["__gt__", Cmp.Gt],
  ["__ge__", Cmp.Ge],
] as const) {
  defMethod(DequeType, name, (self, args) => {
    const other = args[0];
    if (!(other instanceof PyDeque)) return NotImplemented;
    return seqCompare(dq(self).toArray(), other.toArray(), op);
  });
}
defMethod(DequeType, "__reduce__", (self) => {
  const d = dq(self);
  const state = d.dict ?? None;
  const ctorArgs = d.maxlen < 0 ? newTuple([]) : newTuple([newTuple([]), d.maxlen]);
  return newTuple([d.type, ctorArgs, state, ops.getIter(d)]);
});
DequeType.dict.setStr(
  "__class_getitem__",
  new PyMethodDescr("__class_getitem__", DequeType, (cls, args) => ops.makeGenericAlias(cls, args[0]), ClassMethodDescrType),
);

// Iterators over a deque detect mutation through the deque's state counter.
class DequeIter extends PyBase {
  constructor(type: PyType, public d: PyDeque, public i: number, public readonly state: number, public readonly reverse: boolean) {
    super(type);
  }
}
function dequeIterType(name: string, reverse: boolean): PyType {
  const t = makeBuiltinType(`_collections.${name}`, ObjectType, { subclassable: false });
  t.slots.iter = (x) => x;
  t.slots.next = (x) => {
    const it = x as DequeIter;
    if (it.d.state !== it.state) {
      it.i = it.d.length; // CPython leaves the iterator exhausted after the error.
      throw runtimeError("deque mutated during iteration");
    }
    if (it.reverse ? it.i < 0 : it.i >= it.d.length) return undefined;
    const v = it.d.at(it.i);
    it.i += it.reverse ? -1 : 1;
    return v;
  };
  defMethod(t, "__iter__", (x) => x);
  defMethod(t, "__next__", (x) => {
    const v = t.slots.next!(x);
    if (v === undefined) throw stopIteration();
    return v;
  });
  defMethod(t, "__length_hint__", (x) => {
    const it = x as DequeIter;
    return Math.max(0, it.reverse ? it.i + 1 : it.d.length - it.i);
  });
  return t;
}
const DequeIterType = dequeIterType("_deque_iterator", false);
const DequeRevIterType = dequeIterType("_deque_reverse_iterator", true);
DequeType.slots.iter = (self) => {
  const d = dq(self);
  return new DequeIter(DequeIterType, d, 0, d.state, false);
};
defMethod(DequeType, "__iter__", (self) => DequeType.slots.iter!(self));
defMethod(DequeType, "__reversed__", (self) => {
  const d = dq(self);
  return new DequeIter(DequeRevIterType, d, d.length - 1, d.state, true);
});

// ---------------------------------------------------------------------------------------------------------------
// defaultdict: a dict subclass whose __missing__ calls default_factory.

export const DefaultDictType = makeBuiltinType("collections.defaultdict", DictType, { alloc: (cls) => new PyDefaultDict(cls) });
export class PyDefaultDict extends PyDict {
  factory: PyObject = None;
  constructor(type: PyType) {
    super(type);
  }
}
// dict.__new__ makes plain dicts, so defaultdict (and its subclasses) need their own allocation.
defStaticMethod(DefaultDictType, "__new__", (args) => {
  const cls = args[0] as PyType;
  const obj = new PyDefaultDict(cls);
  if (cls !== DefaultDictType && cls.instDict) obj.dict = new PyDict();
  return obj;
});
function dd(x: PyObject): PyDefaultDict {
  if (!(x instanceof PyDefaultDict)) throw typeError(`descriptor requires a 'collections.defaultdict' object but received a '${typeName(x)}'`);
  return x;
}
defMethod(DefaultDictType, "__init__", (self, args, kw) => {
  const d = dd(self);
  let rest = args;
  if (args.length - (kw === null ? 0 : kw.length) > 0) {
    const first = args[0];
    if (first !== None && !ops.isCallable(first)) throw typeError("first argument must be callable or None");
    d.factory = first;
    rest = args.slice(1);
  }
  return ops.callUnbound(DictType.lookup("__init__")!, self, rest, kw);
});
defMethod(DefaultDictType, "__missing__", (self, args) => {
  const d = dd(self);
  if (d.factory === None) throw keyError(args[0]);
  const v = ops.call(d.factory, []);
  ops.setItem(self, args[0], v);
  return v;
});
function ddCopy(d: PyDefaultDict): PyObject {
  return ops.call(d.type, [d.factory, d]);
}
defMethod(DefaultDictType, "copy", (self) => ddCopy(dd(self)));
defMethod(DefaultDictType, "__copy__", (self) => ddCopy(dd(self)));
defMethod(DefaultDictType, "__reduce__", (self) => {
  const d = dd(self);
  const factoryArgs = d.factory === None ? newTuple([]) : newTuple([d.factory]);
  return newTuple([d.type, factoryArgs, None, None, ops.callMethod(self, "items", [])]);
});
DefaultDictType.slots.repr = (self) => {
  const d = dd(self);
  const factory = d.factory === None ? "None" : reprGuard(d.factory, () => ops.repr(d.factory), "...");
  // dict's own repr of self, as CPython's defrepr: its recursion guard prints a self-containing defaultdict as {...}.
  const body = DictType.slots.repr!(self);
  return `${shortName(d.type)}(${factory}, ${body})`;
};
defMethod(DefaultDictType, "__repr__", (self) => DefaultDictType.slots.repr!(self));
defMethod(DefaultDictType, "__or__", (self, args) => {
  const other = args[0];
  if (!isinstance(other, DictType)) return NotImplemented;
  const c = ddCopy(dd(self));
  ops.callMethod(c, "update", [other]);
  return c;
});
defMethod(DefaultDictType, "__ror__", (self, args) => {
  const other = args[0];
  if (!isinstance(other, DictType)) return NotImplemented;
  const c = ops.call(dd(self).type, [dd(self).factory, other]);
  ops.callMethod(c, "update", [self]);
  return c;
});
defGetSet(
  DefaultDictType,
  "default_factory",
  (self) => dd(self).factory,
  (self, v) => {
    dd(self).factory = v ?? None;
  },
);

// ---------------------------------------------------------------------------------------------------------------
// _count_elements(mapping, iterable): Counter's fast path.

function countElements(args: PyObject[], kw: readonly string[] | null): PyObject {
  arity("_count_elements", args, kw, 2);
  const [mapping, iterable] = args;
  if (mapping instanceof PyDict && mapping.type === DictType) {
    ops.iterate(iterable, (v) => {
      const cur = mapping.get(v);
      mapping.set(v, cur === undefined ? 1 : ops.binaryOp(cur, 1, ops.BinOp.Add));
    });
    return None;
  }
  ops.iterate(iterable, (v) => {
    const cur = ops.callMethod(mapping, "get", [v, 0]);
    ops.setItem(mapping, v, ops.binaryOp(cur, 1, ops.BinOp.Add));
  });
  return None;
}

// ---------------------------------------------------------------------------------------------------------------
// _tuplegetter(index, doc): namedtuple's field descriptors.

const TupleGetterType = makeBuiltinType("collections._tuplegetter", ObjectType, { subclassable: false });
class TupleGetter extends PyBase {
  constructor(public index: number, public doc: PyObject) {
    super(TupleGetterType);
  }
}
defStaticMethod(TupleGetterType, "__new__", (args, kw) => {
  const [index, doc] = parseArgs("_tuplegetter", args.slice(1), kw, ["index", "doc"], 2);
  return new TupleGetter(ops.indexNum(index!), doc!);
});
TupleGetterType.slots.descrGet = (descr, obj) => {
  const g = descr as TupleGetter;
  if (obj === null || obj === None) return descr;
  if (!(obj instanceof PyTuple)) {
    throw typeError(`descriptor for index '${g.index}' for tuple subclasses doesn't apply to '${typeName(obj)}' object`);
  }
  if (g.index >= obj.items.length) throw indexError("tuple index out of range");
  return obj.items[g.index];
};
TupleGetterType.slots.descrSet = (_descr, _obj, value) => {
  throw attributeError(value === null ? "can't delete attribute" : "can't set attribute");
};
defGetSet(
  TupleGetterType,
  "__doc__",
  (self) => (self as TupleGetter).doc,
  (self, v) => {
    (self as TupleGetter).doc = v ?? None;
  },
);
defMethod(TupleGetterType, "__get__", (self, args) => {
  const obj = args[0];
  return TupleGetterType.slots.descrGet!(self, obj === None ? null : obj, args.length > 1 ? (args[1] as PyType) : typeOf(obj));
});
defMethod(TupleGetterType, "__set__", () => {
  throw attributeError("can't set attribute");
});
defMethod(TupleGetterType, "__delete__", () => {
  throw attributeError("can't delete attribute");
});

registerNativeModule("_collections", () =>
  makeModule("_collections", {
    deque: DequeType,
    defaultdict: DefaultDictType,
    _count_elements: countElements,
    _tuplegetter: TupleGetterType,
    _deque_iterator: DequeIterType,
    _deque_reverse_iterator: DequeRevIterType,
  }),
);
