// Builtin iterator types: enumerate, zip (strict), map, filter, reversed, and iter(callable, sentinel).
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyTuple, PyType, None, typeError, typeOf, valueError, PyDict } from "../core";
import * as ops from "../ops";
import { defMethod, defStaticMethod, parseArgs } from "../define";

function iterType(name: string): PyType {
  const t = makeBuiltinType(name, ObjectType);
  t.slots.iter = (x) => x;
  return t;
}

// ---- enumerate
export const EnumerateType = iterType("enumerate");
class Enumerate extends PyBase {
  constructor(type: PyType, public it: PyObject, public n: number | bigint) {
    super(type);
  }
}
defStaticMethod(EnumerateType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const [iterable, start] = parseArgs("enumerate", args.slice(1), kw, ["iterable", "start"], 1);
  const e = new Enumerate(cls, ops.getIter(iterable!), start === undefined ? 0 : ops.index(start));
  if (cls.instDict) e.dict = new PyDict();
  return e;
});
EnumerateType.slots.next = (x) => {
  const e = x as Enumerate;
  const v = ops.next(e.it);
  if (v === undefined) return undefined;
  const i = e.n;
  e.n = typeof i === "number" && i < Number.MAX_SAFE_INTEGER ? i + 1 : (ops.intBinOp(i, 1, ops.BinOp.Add) as number | bigint);
  return new PyTuple([i, v]);
};

// ---- zip
export const ZipType = iterType("zip");
class Zip extends PyBase {
  constructor(type: PyType, public its: PyObject[], public strict: boolean) {
    super(type);
  }
}
defStaticMethod(ZipType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const n = kw === null ? 0 : kw.length;
  let strict = false;
  for (let i = 0; i < n; i++) {
    if (kw![i] !== "strict") throw typeError(`zip() got an unexpected keyword argument '${kw![i]}'`);
    strict = ops.truthy(args[args.length - n + i]);
  }
  const its = args.slice(1, args.length - n).map((a) => ops.getIter(a));
  return new Zip(cls, its, strict);
});
ZipType.slots.next = (x) => {
  const z = x as Zip;
  if (z.its.length === 0) return undefined;
  const out: PyObject[] = new Array(z.its.length);
  for (let i = 0; i < z.its.length; i++) {
    const v = ops.next(z.its[i]);
    if (v === undefined) {
      if (z.strict) {
        if (i > 0) throw valueError(`zip() argument ${i + 1} is shorter than argument${i === 1 ? "" : "s"} 1${i === 1 ? "" : "-" + i}`);
        for (let j = 1; j < z.its.length; j++) {
          if (ops.next(z.its[j]) !== undefined) {
            throw valueError(`zip() argument ${j + 1} is longer than argument${j === 1 ? "" : "s"} 1${j === 1 ? "" : "-" + j}`);
          }
        }
      }
      z.its = [];
      return undefined;
    }
    out[i] = v;
  }
  return new PyTuple(out);
};

// ---- map
export const MapType = iterType("map");
class MapIt extends PyBase {
  constructor(type: PyType, public fn: PyObject, public its: PyObject[]) {
    super(type);
  }
}
defStaticMethod(MapType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("map() takes no keyword arguments");
  const cls = args[0] as PyType;
  if (args.length < 3) throw typeError("map() must have at least two arguments.");
  return new MapIt(cls, args[1], args.slice(2).map((a) => ops.getIter(a)));
});
MapType.slots.next = (x) => {
  const m = x as MapIt;
  if (m.its.length === 1) {
    const v = ops.next(m.its[0]);
    if (v === undefined) return undefined;
    return ops.call(m.fn, [v]);
  }
  const vals: PyObject[] = [];
  for (const it of m.its) {
    const v = ops.next(it);
    if (v === undefined) return undefined;
    vals.push(v);
  }
  return ops.call(m.fn, vals);
};

// ---- filter
export const FilterType = iterType("filter");
class FilterIt extends PyBase {
  constructor(type: PyType, public fn: PyObject, public it: PyObject) {
    super(type);
  }
}
defStaticMethod(FilterType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("filter() takes no keyword arguments");
  if (args.length !== 3) throw typeError(`filter expected 2 arguments, got ${args.length - 1}`);
  return new FilterIt(args[0] as PyType, args[1], ops.getIter(args[2]));
});
FilterType.slots.next = (x) => {
  const f = x as FilterIt;
  for (;;) {
    const v = ops.next(f.it);
    if (v === undefined) return undefined;
    const ok = f.fn === None ? ops.truthy(v) : ops.truthy(ops.call(f.fn, [v]));
    if (ok) return v;
  }
};

// ---- reversed
export const ReversedType = iterType("reversed");
class Reversed extends PyBase {
  constructor(type: PyType, public seq: PyObject, public i: number) {
    super(type);
  }
}
defStaticMethod(ReversedType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("reversed() takes no keyword arguments");
  if (args.length !== 2) throw typeError(`reversed expected 1 argument, got ${args.length - 1}`);
  const seq = args[1];
  const t = typeOf(seq);
  const rev = t.lookup("__reversed__");
  if (rev === None) throw typeError(`'${t.name}' object is not reversible`);
  if (rev !== undefined) return ops.callUnbound(rev, seq, []);
  if (t.lookup("__getitem__") === undefined || (t.lookup("__len__") === undefined && t.slots.len === undefined) || t.isSubtypeOf(dictT())) {
    throw typeError(`'${t.name}' object is not reversible`);
  }
  return new Reversed(args[0] as PyType, seq, ops.lenOf(seq) - 1);
});
import { DictType } from "../core";
function dictT(): PyType {
  return DictType;
}
ReversedType.slots.next = (x) => {
  const r = x as Reversed;
  if (r.i < 0) return undefined;
  return ops.getItem(r.seq, r.i--);
};
defMethod(ReversedType, "__length_hint__", (x) => Math.max(0, (x as Reversed).i + 1));

// ---- iter(callable, sentinel)
export const CallableIterType = iterType("callable_iterator");
export class CallableIter extends PyBase {
  constructor(public fn: PyObject | null, public sentinel: PyObject) {
    super(CallableIterType);
  }
}
CallableIterType.slots.next = (x) => {
  const c = x as CallableIter;
  if (c.fn === null) return undefined;
  const v = ops.call(c.fn, []);
  if (ops.eq(v, c.sentinel)) {
    c.fn = null;
    return undefined;
  }
  return v;
};

for (const t of [EnumerateType, ZipType, MapType, FilterType, ReversedType, CallableIterType]) {
  defMethod(t, "__iter__", (x) => x);
  defMethod(t, "__next__", (x) => {
    const v = t.slots.next!(x);
    if (v === undefined) throw stopIteration();
    return v;
  });
}
import { newException, StopIterationType } from "../core";
export function stopIteration(): PyBase {
  return newException(StopIterationType);
}
