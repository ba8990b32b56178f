// list: construction, sequence protocol with slices, comparison, repr with recursion guard and the list methods
// (sort is stable, takes key/reverse and detects mutation during the sort).
import {
  ListType,
  None,
  NotImplemented,
  PyList,
  PyObject,
  PySlice,
  PyTuple,
  PyType,
  PyFloat,
  typeError,
  typeOf,
  valueError,
  indexError,
  isinstance,
  PyBase,
  FloatType,
} from "../core";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { defMethod, defStaticMethod, parseArgs, arity } from "../define";
import { sliceIndices } from "./slice";
import { ListIter, ListIterType } from "../interpreter";
import { makeBuiltinType, ObjectType } from "../core";

// ---- repr recursion guard (Py_ReprEnter)
const reprActive = new Set<PyObject>();
export function reprGuard(obj: PyObject, inner: () => string, recursive: string): string {
  if (reprActive.has(obj)) return recursive;
  reprActive.add(obj);
  try {
    return inner();
  } finally {
    reprActive.delete(obj);
  }
}

function items(x: PyObject): PyObject[] {
  return (x as PyList).items;
}

ListType.slots.repr = (self) =>
  reprGuard(self, () => {
    const it = items(self);
    if (it.length === 0) return "[]";
    const parts: string[] = [];
    for (let i = 0; i < it.length; i++) parts.push(ops.repr(it[i]));
    return "[" + parts.join(", ") + "]";
  }, "[...]");
ListType.slots.len = (self) => items(self).length;
ListType.slots.iter = (self) => new ListIter(self as PyList);
ListType.dict.setStr("__hash__", None);

// reversed(list)
export const ListRevIterType = makeBuiltinType("list_reverseiterator", ObjectType, { subclassable: false });
class ListRevIter extends PyBase {
  i: number;
  constructor(public list: PyList) {
    super(ListRevIterType);
    this.i = list.items.length - 1;
  }
}
ListRevIterType.slots.iter = (x) => x;
ListRevIterType.slots.next = (x) => {
  const it = x as ListRevIter;
  if (it.i >= 0 && it.i < it.list.items.length) return it.list.items[it.i--];
  it.i = -1;
  return undefined;
};
defMethod(ListIterType, "__length_hint__", (x) => Math.max(0, (x as ListIter).list.items.length - (x as ListIter).i));

defStaticMethod(ListType, "__new__", (args) => {
  const cls = args[0] as PyType;
  const l = new PyList([], cls);
  if (cls.instDict) l.dict = new (dictCtor())();
  return l;
});
import { PyDict } from "../core";
function dictCtor(): typeof PyDict {
  return PyDict;
}
defMethod(ListType, "__init__", (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError("list() takes no keyword arguments");
  if (args.length > 1) throw typeError(`list expected at most 1 argument, got ${args.length}`);
  const l = self as PyList;
  l.items = args.length ? ops.toArray(args[0]) : [];
  return None;
});

export function listGetItem(l: PyList, key: PyObject): PyObject {
  const it = l.items;
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, it.length);
    if (step === 1) return new PyList(it.slice(start, start + n));
    const out: PyObject[] = new Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = it[j];
    return new PyList(out);
  }
  if (!ops.hasIndex(key)) throw typeError(`list indices must be integers or slices, not ${typeOf(key).name}`);
  let i = ops.indexNum(key);
  if (i < 0) i += it.length;
  if (i < 0 || i >= it.length) throw indexError("list index out of range");
  return it[i];
}
defMethod(ListType, "__getitem__", (self, args) => listGetItem(self as PyList, args[0]));
defMethod(ListType, "__setitem__", (self, args) => {
  const l = self as PyList;
  const key = args[0];
  const v = args[1];
  if (key instanceof PySlice) {
    const src = v === self ? l.items.slice() : ops.toArray(v);
    const [start, stop, step, n] = sliceIndices(key, l.items.length);
    if (step === 1) {
      const end = Math.max(start, stop);
      l.items.splice(start, end - start, ...src);
      return None;
    }
    if (src.length !== n) throw valueError(`attempt to assign sequence of size ${src.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) l.items[j] = src[i];
    return None;
  }
  if (!ops.hasIndex(key)) throw typeError(`list indices must be integers or slices, not ${typeOf(key).name}`);
  let i = ops.indexNum(key);
  if (i < 0) i += l.items.length;
  if (i < 0 || i >= l.items.length) throw indexError("list assignment index out of range");
  l.items[i] = v;
  return None;
});
defMethod(ListType, "__delitem__", (self, args) => {
  const l = self as PyList;
  const key = args[0];
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, l.items.length);
    if (step === 1) {
      l.items.splice(start, n);
      return None;
    }
    const del = new Set<number>();
    for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
    l.items = l.items.filter((_, idx) => !del.has(idx));
    return None;
  }
  if (!ops.hasIndex(key)) throw typeError(`list indices must be integers or slices, not ${typeOf(key).name}`);
  let i = ops.indexNum(key);
  if (i < 0) i += l.items.length;
  if (i < 0 || i >= l.items.length) throw indexError("list assignment index out of range");
  l.items.splice(i, 1);
  return None;
});
defMethod(ListType, "__len__", (self) => items(self).length);
defMethod(ListType, "__iter__", (self) => new ListIter(self as PyList));
defMethod(ListType, "__reversed__", (self) => new ListRevIter(self as PyList));
defMethod(ListType, "__contains__", (self, args) => {
  const x = args[0];
  for (const v of items(self)) if (v === x || ops.eq(v, x)) return true;
  return false;
});
defMethod(ListType, "__add__", (self, args) => {
  const o = args[0];
  if (!(o instanceof PyList)) return NotImplemented;
  return new PyList(items(self).concat(o.items));
});
defMethod(ListType, "__iadd__", (self, args) => {
  const l = self as PyList;
  const src = args[0] === self ? l.items.slice() : ops.toArray(args[0]);
  for (const x of src) l.items.push(x);
  return self;
});
function repeatList(it: PyObject[], n: PyObject): PyObject[] | null {
  if (!ops.hasIndex(n)) return null;
  const k = ops.indexNum(n);
  if (k <= 0 || it.length === 0) return [];
  if (it.length * k > 2 ** 28) throw new (memErr())();
  const out: PyObject[] = new Array(it.length * k);
  for (let r = 0, p = 0; r < k; r++) for (let i = 0; i < it.length; i++) out[p++] = it[i];
  return out;
}
function memErr(): new () => Error {
  return class extends Error {
    constructor() {
      super("Invalid array length");
      this.name = "RangeError";
    }
  };
}
defMethod(ListType, "__mul__", (self, args) => {
  const r = repeatList(items(self), args[0]);
  return r === null ? NotImplemented : new PyList(r);
});
defMethod(ListType, "__rmul__", (self, args) => {
  const r = repeatList(items(self), args[0]);
  return r === null ? NotImplemented : new PyList(r);
});
defMethod(ListType, "__imul__", (self, args) => {
  const r = repeatList(items(self), args[0]);
  if (r === null) return NotImplemented;
  (self as PyList).items = r;
  return self;
});

/** Lexicographic comparison of two sequences (lists or tuples), CPython's list_richcompare. */
export function seqCompare(a: PyObject[], b: PyObject[], op: Cmp): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!ops.eq(x, y)) break;
  }
  if (i >= n) {
    const la = a.length;
    const lb = b.length;
    switch (op) {
      case Cmp.Lt:
        return la < lb;
      case Cmp.Le:
        return la <= lb;
      case Cmp.Eq:
        return la === lb;
      case Cmp.Ne:
        return la !== lb;
      case Cmp.Gt:
        return la > lb;
      case Cmp.Ge:
        return la >= lb;
    }
  }
  if (op === Cmp.Eq) return false;
  if (op === Cmp.Ne) return true;
  return ops.truthy(ops.richCompare(a[i], b[i], op));
}
for (const [name, op] of [
  ["lt", Cmp.Lt],
  ["le", Cmp.Le],
  ["eq", Cmp.Eq],
  ["ne", Cmp.Ne],
  ["gt", Cmp.Gt],
  ["ge", Cmp.Ge],
] as [string, Cmp][]) {
  defMethod(ListType, `__${name}__`, (self, args) => {
    const o = args[0];
    if (!(o instanceof PyList)) return NotImplemented;
    return seqCompare(items(self), o.items, op);
  });
}
defMethod(ListType, "append", (self, args) => {
  arity("append", args, null, 1);
  items(self).push(args[0]);
  return None;
});
defMethod(ListType, "extend", (self, args) => {
  arity("extend", args, null, 1);
  const l = self as PyList;
  const src = args[0] === self ? l.items.slice() : ops.toArray(args[0]);
  for (const x of src) l.items.push(x);
  return None;
});
defMethod(ListType, "insert", (self, args) => {
  arity("insert", args, null, 2);
  const it = items(self);
  let i = ops.indexNum(args[0]);
  if (i < 0) i = Math.max(0, i + it.length);
  if (i > it.length) i = it.length;
  it.splice(i, 0, args[1]);
  return None;
});
defMethod(ListType, "pop", (self, args) => {
  arity("pop", args, null, 0, 1);
  const it = items(self);
  if (it.length === 0) throw indexError("pop from empty list");
  if (args.length === 0) return it.pop()!;
  let i = ops.indexNum(args[0]);
  if (i < 0) i += it.length;
  if (i < 0 || i >= it.length) throw indexError("pop index out of range");
  return it.splice(i, 1)[0];
});
defMethod(ListType, "remove", (self, args) => {
  arity("remove", args, null, 1);
  const it = items(self);
  for (let i = 0; i < it.length; i++) {
    if (it[i] === args[0] || ops.eq(it[i], args[0])) {
      it.splice(i, 1);
      return None;
    }
  }
  throw valueError("list.remove(x): x not in list");
});
defMethod(ListType, "index", (self, args) => {
  arity("index", args, null, 1, 3);
  const it = items(self);
  let start = args.length > 1 ? ops.indexNum(args[1]) : 0;
  let stop = args.length > 2 ? ops.indexNum(args[2]) : it.length;
  if (start < 0) start = Math.max(0, start + it.length);
  if (stop < 0) stop = Math.max(0, stop + it.length);
  for (let i = start; i < Math.min(stop, it.length); i++) if (it[i] === args[0] || ops.eq(it[i], args[0])) return i;
  throw valueError(`${ops.repr(args[0])} is not in list`);
});
defMethod(ListType, "count", (self, args) => {
  arity("count", args, null, 1);
  let n = 0;
  for (const v of items(self)) if (v === args[0] || ops.eq(v, args[0])) n++;
  return n;
});
defMethod(ListType, "clear", (self) => {
  (self as PyList).items = [];
  return None;
});
defMethod(ListType, "copy", (self) => new PyList(items(self).slice()));
defMethod(ListType, "reverse", (self) => {
  items(self).reverse();
  return None;
});

/** Stable sort of a JS array of Python objects with Python's `<` (CPython's list.sort semantics). */
export function sortItems(arr: PyObject[], key: PyObject | null, reverse: boolean): PyObject[] {
  let keys: PyObject[] = arr;
  if (key !== null) keys = arr.map((x) => ops.call(key, [x]));
  const n = arr.length;
  if (n < 2) return arr.slice();
  const idx: number[] = new Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let cmp: (a: number, b: number) => number;
  let allInt = true;
  let allStr = true;
  let allFloat = true;
  for (const k of keys) {
    const t = typeof k;
    if (t !== "number") allInt = false;
    if (t !== "string") allStr = false;
    if (!(k instanceof PyFloat && k.type === FloatType)) allFloat = false;
  }
  if (allInt) cmp = (a, b) => (keys[a] as number) - (keys[b] as number);
  else if (allStr) cmp = (a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : 0);
  else if (allFloat) {
    cmp = (a, b) => {
      const x = (keys[a] as PyFloat).value;
      const y = (keys[b] as PyFloat).value;
      return x < y ? -1 : y < x ? 1 : 0;
    };
  } else {
    cmp = (a, b) => {
      if (ops.compareBool(keys[a], keys[b], Cmp.Lt)) return -1;
      if (ops.compareBool(keys[b], keys[a], Cmp.Lt)) return 1;
      return 0;
    };
  }
  if (reverse) {
    // reverse stability as CPython: reverse, stable sort descending, reverse
    idx.reverse();
    idx.sort(cmp);
    idx.reverse();
    return idx.map((i) => arr[i]);
  }
  idx.sort(cmp);
  return idx.map((i) => arr[i]);
}
defMethod(ListType, "sort", (self, args, kw) => {
  if (args.length - (kw?.length ?? 0) > 0) throw typeError("sort() takes no positional arguments");
  const [key, reverse] = parseArgs("sort", args, kw, ["key", "reverse"], 0, 0, 0);
  const l = self as PyList;
  const saved = l.items;
  l.items = [];
  let sorted: PyObject[];
  try {
    sorted = sortItems(saved, key === undefined || key === None ? null : key, reverse !== undefined && ops.truthy(reverse));
  } catch (e) {
    l.items = saved;
    throw e;
  }
  const modified = l.items.length !== 0;
  l.items = sorted;
  if (modified) throw valueError("list modified during sort");
  return None;
});
defMethod(ListType, "__sizeof__", (self) => 40 + 8 * items(self).length);
ListType.dict.setStr("__class_getitem__", new (classMethodDescr())("__class_getitem__", ListType, (cls, args) => ops.makeGenericAlias(cls, args[0])));
import { PyMethodDescr, ClassMethodDescrType } from "../core";
function classMethodDescr(): new (n: string, t: PyType, f: (s: PyObject, a: PyObject[]) => PyObject) => PyMethodDescr {
  return class extends PyMethodDescr {
    constructor(n: string, t: PyType, f: (s: PyObject, a: PyObject[]) => PyObject) {
      super(n, t, f, ClassMethodDescrType);
    }
  };
}
export { isinstance, PyTuple };
