// _weakref: weak references (ref with callbacks, proxy) over JS WeakRef/FinalizationRegistry, and the gc module.
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyType, PyDict, PyList, None, NotImplemented, typeError, typeOf, newException, ReferenceErrorType } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, makeModule } from "../define";
import { registerNativeModule } from "./registry";
import { setWeakrefGetter } from "../objects/type";

export const RefType = makeBuiltinType("ReferenceType", ObjectType, { alloc: (cls) => new PyWeakRef(cls, null, None) });
RefType.name = "weakref";
RefType.qualname = "weakref";
RefType.dict.setStr("__module__", "weakref");
export const ProxyType = makeBuiltinType("ProxyType", ObjectType, { subclassable: false });
ProxyType.name = "weakproxy";
ProxyType.qualname = "weakproxy";
export const CallableProxyType = makeBuiltinType("CallableProxyType", ObjectType, { subclassable: false });
CallableProxyType.name = "weakcallableproxy";
CallableProxyType.qualname = "weakcallableproxy";

const WEAKREFABLE_BUILTINS = new Set(["function", "type", "set", "frozenset", "method", "generator", "coroutine", "async_generator", "code", "module", "property", "classmethod", "staticmethod", "builtin_function_or_method", "Pattern", "partial", "deque", "BaseException", "SimpleNamespace", "frame"]);
function weakrefable(o: PyObject): o is PyBase {
  if (!(o instanceof PyBase)) return false;
  const t = typeOf(o);
  if (t.heap && t.weakrefSlot) return true;
  for (const m of t.mro) if (WEAKREFABLE_BUILTINS.has(m.name)) return true;
  return false;
}

/** Referents keep a list of their weak references (getweakrefcount/getweakrefs). */
const refsOf = new WeakMap<object, WeakRef<PyWeakRef>[]>();
const basicRef = new WeakMap<object, PyWeakRef>();
setWeakrefGetter((self) => {
  if (!(self instanceof PyBase)) return None;
  const lst = refsOf.get(self);
  if (lst === undefined) return None;
  for (const w of lst) {
    const r = w.deref();
    if (r !== undefined) return r;
  }
  return None;
});
const registry = new FinalizationRegistry<WeakRef<PyWeakRef>>((held) => {
  const r = held.deref();
  if (r !== undefined && r.callback !== None) {
    try {
      ops.call(r.callback, [r]);
    } catch {
      /* errors in weakref callbacks are ignored (CPython prints them) */
    }
  }
});

export class PyWeakRef extends PyBase {
  ref: WeakRef<PyBase> | null;
  hashValue: number | bigint | null = null;
  constructor(
    type: PyType,
    obj: PyBase | null,
    public callback: PyObject,
  ) {
    super(type);
    this.ref = obj === null ? null : new WeakRef(obj);
  }
  get(): PyObject {
    const o = this.ref === null ? undefined : this.ref.deref();
    return o === undefined ? None : o;
  }
}

function newRef(type: PyType, obj: PyObject, callback: PyObject): PyWeakRef {
  if (!weakrefable(obj)) throw typeError(`cannot create weak reference to '${typeOf(obj).name}' object`);
  if (callback === None && type === RefType) {
    const existing = basicRef.get(obj);
    if (existing !== undefined) return existing;
  }
  const r = new PyWeakRef(type, obj, callback);
  if (type !== RefType && type.instDict) r.dict = new PyDict();
  let lst = refsOf.get(obj);
  if (lst === undefined) {
    lst = [];
    refsOf.set(obj, lst);
  }
  lst.push(new WeakRef(r));
  if (callback === None && type === RefType) basicRef.set(obj, r);
  if (callback !== None) registry.register(obj, new WeakRef(r));
  return r;
}

defStaticMethod(RefType, "__new__", (args) => {
  if (args.length < 2 || args.length > 3) throw typeError(`__new__ expected at most 2 arguments, got ${args.length - 1}`);
  return newRef(args[0] as PyType, args[1], args.length > 2 ? args[2] : None);
});
defMethod(RefType, "__init__", () => None);
RefType.slots.call = (self, args) => {
  if (args.length) throw typeError(`weakref() takes no arguments`);
  return (self as PyWeakRef).get();
};
RefType.slots.hash = (self) => {
  const r = self as PyWeakRef;
  if (r.hashValue !== null) return r.hashValue;
  const o = r.get();
  if (o === None) throw typeError("weak object has gone away");
  r.hashValue = ops.hash(o);
  return r.hashValue;
};
RefType.slots.repr = (self) => {
  const o = (self as PyWeakRef).get();
  const addr = `0x${ops.identityHash(self).toString(16).padStart(12, "0")}`;
  if (o === None) return `<weakref at ${addr}; dead>`;
  return `<weakref at ${addr}; to '${typeOf(o).qualname}' at 0x${ops.identityHash(o).toString(16).padStart(12, "0")}>`;
};
defMethod(RefType, "__eq__", (self, a) => {
  const o = a[0];
  if (!(o instanceof PyWeakRef)) return NotImplemented;
  const x = (self as PyWeakRef).get();
  const y = o.get();
  if (x === None || y === None) return self === o;
  return ops.eq(x, y);
});
defMethod(RefType, "__ne__", (self, a) => {
  const o = a[0];
  if (!(o instanceof PyWeakRef)) return NotImplemented;
  const x = (self as PyWeakRef).get();
  const y = o.get();
  if (x === None || y === None) return self !== o;
  return !ops.eq(x, y);
});
defGetSet(RefType, "__callback__", (self) => (self as PyWeakRef).callback);
defMethod(RefType, "__class_getitem__", (cls, a) => ops.makeGenericAlias(cls, a[0]));

// ---- proxies
function proxied(p: PyObject): PyObject {
  const o = (p as PyWeakRef).get();
  if (o === None) throw newException(ReferenceErrorType, "weakly-referenced object no longer exists");
  return o;
}
for (const T of [ProxyType, CallableProxyType]) {
  T.slots.getattro = (p, name) => ops.getAttr(proxied(p), name);
  T.slots.setattro = (p, name, v) => {
    if (v === null) ops.delAttr(proxied(p), name);
    else ops.setAttr(proxied(p), name, v);
  };
  T.slots.repr = (p) => {
    const o = (p as PyWeakRef).get();
    return `<weakproxy at 0x${ops.identityHash(p).toString(16).padStart(12, "0")}; to '${o === None ? "NoneType" : typeOf(o).name}' at 0x${ops.identityHash(o).toString(16).padStart(12, "0")}>`;
  };
  T.slots.str = (p) => ops.str(proxied(p));
  T.slots.len = (p) => ops.lenOf(proxied(p));
  T.slots.iter = (p) => ops.getIter(proxied(p));
  T.slots.bool = (p) => ops.truthy(proxied(p));
  defMethod(T, "__getitem__", (p, a) => ops.getItem(proxied(p), a[0]));
  defMethod(T, "__setitem__", (p, a) => {
    ops.setItem(proxied(p), a[0], a[1]);
    return None;
  });
  defMethod(T, "__contains__", (p, a) => ops.contains(proxied(p), a[0]));
  defMethod(T, "__eq__", (p, a) => ops.richCompare(proxied(p), a[0], ops.Cmp.Eq));
  T.dict.setStr("__hash__", None);
}
CallableProxyType.slots.call = (p, args, kw) => ops.call(proxied(p), args, kw);

function makeProxy(obj: PyObject, callback: PyObject): PyObject {
  const t = ops.isCallable(obj) ? CallableProxyType : ProxyType;
  return newRef(t, obj, callback);
}

registerNativeModule("_weakref", () =>
  makeModule("_weakref", {
    ref: RefType,
    ReferenceType: RefType,
    ProxyType,
    CallableProxyType,
    proxy: (args) => makeProxy(args[0], args.length > 1 ? args[1] : None),
    getweakrefcount: (args) => {
      const o = args[0];
      if (!(o instanceof PyBase)) return 0;
      return (refsOf.get(o) ?? []).filter((w) => w.deref() !== undefined).length;
    },
    getweakrefs: (args) => {
      const o = args[0];
      if (!(o instanceof PyBase)) return new PyList([]);
      return new PyList((refsOf.get(o) ?? []).map((w) => w.deref()).filter((r): r is PyWeakRef => r !== undefined));
    },
    _remove_dead_weakref: (args) => {
      const d = args[0] as PyDict;
      const v = d.get(args[1]);
      if (v instanceof PyWeakRef && v.get() === None) d.delete(args[1]);
      return None;
    },
  }),
);

// ---- gc
let gcEnabled = true;
registerNativeModule("gc", () =>
  makeModule("gc", {
    collect: () => {
      const g = (globalThis as { gc?: () => void }).gc;
      if (g !== undefined) g();
      return 0;
    },
    enable: () => {
      gcEnabled = true;
      return None;
    },
    disable: () => {
      gcEnabled = false;
      return None;
    },
    isenabled: () => gcEnabled,
    get_count: () => ops.callTuple([0, 0, 0]),
    get_threshold: () => ops.callTuple([700, 10, 10]),
    set_threshold: () => None,
    get_objects: () => new PyList([]),
    get_referrers: () => new PyList([]),
    get_referents: () => new PyList([]),
    is_tracked: (args) => args[0] instanceof PyBase,
    is_finalized: () => false,
    freeze: () => None,
    unfreeze: () => None,
    get_freeze_count: () => 0,
    get_stats: () => new PyList([]),
    garbage: new PyList([]),
    callbacks: new PyList([]),
    DEBUG_STATS: 1,
    DEBUG_COLLECTABLE: 2,
    DEBUG_UNCOLLECTABLE: 4,
    DEBUG_SAVEALL: 32,
    DEBUG_LEAK: 38,
  }),
);
