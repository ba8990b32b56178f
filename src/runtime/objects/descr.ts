// Descriptor types: builtin method/getset/member descriptors, Python functions and bound methods, classmethod,
// staticmethod and property — their __get__/__set__ slots and Python-visible attributes.
import {
  BuiltinFunctionType,
  ClassMethodDescrType,
  ClassMethodType,
  FunctionType,
  GetSetDescrType,
  MemberDescrType,
  MethodDescrType,
  MethodType,
  None,
  PropertyType,
  PyBase,
  PyBuiltinFunction,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyGetSetDescr,
  PyMemberDescr,
  PyMethod,
  PyMethodDescr,
  PyObject,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  PyType,
  StaticMethodType,
  attributeError,
  typeError,
  typeOf,
  CellType,
  PyCell,
  CodeType,
  PyCode,
  EMPTY_TUPLE,
  DictType,
  newException,
  ValueErrorType,
  NotImplemented,
  PyList,
} from "../core";
import { constsOf as constsOfRef } from "../interpreter";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, parseArgs } from "../define";

function descrCheckSelf(name: string, owner: PyType, self: PyObject): void {
  const t = typeOf(self);
  if (t !== owner && !t.isSubtypeOf(owner)) {
    throw typeError(`descriptor '${name}' for '${owner.name}' objects doesn't apply to a '${t.name}' object`);
  }
}

// ---- method_descriptor: str.upper etc.
MethodDescrType.slots.descrGet = (d, obj) => {
  const md = d as PyMethodDescr;
  if (obj === null) return md;
  descrCheckSelf(md.name, md.owner, obj);
  return new PyBuiltinFunction(md.name, (args, kw) => md.fn(obj, args, kw), obj, `${md.owner.name}.${md.name}`);
};
MethodDescrType.slots.call = (d, args, kw) => {
  const md = d as PyMethodDescr;
  if (args.length === 0 || (kw !== null && args.length === kw.length)) {
    throw typeError(`unbound method ${md.owner.name}.${md.name}() needs an argument`);
  }
  descrCheckSelf(md.name, md.owner, args[0]);
  return md.fn(args[0], args.slice(1), kw);
};
MethodDescrType.slots.repr = (d) => `<method '${(d as PyMethodDescr).name}' of '${(d as PyMethodDescr).owner.name}' objects>`;
defGetSet(MethodDescrType, "__name__", (d) => (d as PyMethodDescr).name);
defGetSet(MethodDescrType, "__qualname__", (d) => `${(d as PyMethodDescr).owner.name}.${(d as PyMethodDescr).name}`);
defGetSet(MethodDescrType, "__objclass__", (d) => (d as PyMethodDescr).owner);
defGetSet(MethodDescrType, "__doc__", () => None);

// ---- classmethod_descriptor: dict.fromkeys etc.
ClassMethodDescrType.slots.descrGet = (d, obj, type) => {
  const md = d as PyMethodDescr;
  const cls = type ?? typeOf(obj!);
  return new PyBuiltinFunction(md.name, (args, kw) => md.fn(cls, args, kw), cls, `${md.owner.name}.${md.name}`);
};
ClassMethodDescrType.slots.repr = (d) => `<method '${(d as PyMethodDescr).name}' of '${(d as PyMethodDescr).owner.name}' objects>`;

// ---- builtin_function_or_method
BuiltinFunctionType.slots.repr = (f) => {
  const bf = f as PyBuiltinFunction;
  if (bf.self === null || bf.self instanceof PyBase && bf.self.type.name === "module") return `<built-in function ${bf.name}>`;
  return `<built-in method ${bf.name} of ${typeOf(bf.self).name} object at 0x${ops.identityHash(bf.self).toString(16).padStart(12, "0")}>`;
};
defGetSet(BuiltinFunctionType, "__name__", (f) => (f as PyBuiltinFunction).name);
defGetSet(BuiltinFunctionType, "__qualname__", (f) => (f as PyBuiltinFunction).qualname);
defGetSet(BuiltinFunctionType, "__self__", (f) => (f as PyBuiltinFunction).self ?? None);
defGetSet(BuiltinFunctionType, "__module__", (f) => (f as PyBuiltinFunction).module ?? None);
defGetSet(BuiltinFunctionType, "__doc__", (f) => (f as PyBuiltinFunction).doc ?? None);
BuiltinFunctionType.slots.hash = (f) => ops.identityHash(f);
BuiltinFunctionType.slots.call = (f, args, kw) => (f as PyBuiltinFunction).fn(args, kw);

// ---- getset_descriptor
GetSetDescrType.slots.descrGet = (d, obj) => {
  const gd = d as PyGetSetDescr;
  if (obj === null) return gd;
  descrCheckSelf(gd.name, gd.owner, obj);
  return gd.get(obj);
};
GetSetDescrType.slots.descrSet = (d, obj, v) => {
  const gd = d as PyGetSetDescr;
  if (gd.set === null) {
    throw attributeError(`attribute '${gd.name}' of '${gd.owner.name}' objects is not writable`);
  }
  gd.set(obj, v);
};
GetSetDescrType.slots.repr = (d) => `<attribute '${(d as PyGetSetDescr).name}' of '${(d as PyGetSetDescr).owner.name}' objects>`;
defGetSet(GetSetDescrType, "__name__", (d) => (d as PyGetSetDescr).name);
defGetSet(GetSetDescrType, "__objclass__", (d) => (d as PyGetSetDescr).owner);

// ---- member_descriptor (__slots__)
MemberDescrType.slots.descrGet = (d, obj) => {
  const md = d as PyMemberDescr;
  if (obj === null) return md;
  descrCheckSelf(md.name, md.owner, obj);
  const sv = (obj as PyBase).slotValues;
  const v = sv === null ? undefined : sv[md.index];
  if (v === undefined) throw attributeError(`'${typeOf(obj).name}' object has no attribute '${md.name}'`, obj, md.name);
  return v;
};
MemberDescrType.slots.descrSet = (d, obj, v) => {
  const md = d as PyMemberDescr;
  descrCheckSelf(md.name, md.owner, obj);
  const o = obj as PyBase;
  if (o.slotValues === null) o.slotValues = [];
  if (v === null) {
    if (o.slotValues[md.index] === undefined) throw attributeError(`'${typeOf(obj).name}' object has no attribute '${md.name}'`, obj, md.name);
    o.slotValues[md.index] = undefined;
  } else o.slotValues[md.index] = v;
};
MemberDescrType.slots.repr = (d) => `<member '${(d as PyMemberDescr).name}' of '${(d as PyMemberDescr).owner.name}' objects>`;
defGetSet(MemberDescrType, "__name__", (d) => (d as PyMemberDescr).name);
defGetSet(MemberDescrType, "__objclass__", (d) => (d as PyMemberDescr).owner);

// ---- function
FunctionType.slots.descrGet = (f, obj) => (obj === null ? f : new PyMethod(f, obj));
FunctionType.slots.call = (f, args, kw) => ops.callPyFunction(f as PyFunction, args, kw);
FunctionType.slots.repr = (f) => `<function ${(f as PyFunction).qualname} at 0x${ops.identityHash(f).toString(16).padStart(12, "0")}>`;
FunctionType.slots.hash = (f) => ops.identityHash(f) >> 4;
FunctionType.instDict = true;
function fn(x: PyObject): PyFunction {
  return x as PyFunction;
}
function funcDict(x: PyObject): PyDict {
  const f = x as PyFunction;
  if (f.dict === null) f.dict = new PyDict(DictType);
  return f.dict;
}
defGetSet(FunctionType, "__name__", (f) => fn(f).name, (f, v) => {
  if (typeof v !== "string") throw typeError("__name__ must be set to a string object");
  fn(f).name = v;
});
defGetSet(FunctionType, "__qualname__", (f) => fn(f).qualname, (f, v) => {
  if (typeof v !== "string") throw typeError("__qualname__ must be set to a string object");
  fn(f).qualname = v;
});
defGetSet(FunctionType, "__doc__", (f) => fn(f).doc, (f, v) => {
  fn(f).doc = v ?? None;
});
defGetSet(FunctionType, "__module__", (f) => fn(f).module, (f, v) => {
  fn(f).module = v ?? None;
});
defGetSet(FunctionType, "__defaults__", (f) => (fn(f).defaults === null ? None : new PyTuple(fn(f).defaults!)), (f, v) => {
  if (v === null || v === None) fn(f).defaults = null;
  else if (v instanceof PyTuple) fn(f).defaults = v.items;
  else throw typeError("__defaults__ must be set to a tuple object");
});
defGetSet(FunctionType, "__kwdefaults__", (f) => fn(f).kwdefaults ?? None, (f, v) => {
  if (v === null || v === None) fn(f).kwdefaults = null;
  else if (v instanceof PyDict) fn(f).kwdefaults = v;
  else throw typeError("__kwdefaults__ must be set to a dict object");
});
defGetSet(FunctionType, "__code__", (f) => fn(f).code, (f, v) => {
  if (!(v instanceof PyCode)) throw typeError("__code__ must be set to a code object");
  fn(f).code = v;
});
defGetSet(FunctionType, "__globals__", (f) => fn(f).globals);
defGetSet(FunctionType, "__builtins__", (f) => fn(f).builtins);
defGetSet(FunctionType, "__closure__", (f) => (fn(f).closure === null ? None : new PyTuple(fn(f).closure!)));
defGetSet(FunctionType, "__annotations__", (f) => {
  const func = fn(f);
  if (func.annotations === null || func.annotations === None) func.annotations = new PyDict();
  else if (func.annotations instanceof PyTuple) {
    // compiler may emit annotations as a flat (name, value, ...) tuple
    const d = new PyDict();
    const it = func.annotations.items;
    for (let i = 0; i + 1 < it.length; i += 2) d.set(it[i], it[i + 1]);
    func.annotations = d;
  }
  return func.annotations;
}, (f, v) => {
  fn(f).annotations = v ?? null;
});
defGetSet(FunctionType, "__dict__", (f) => funcDict(f), (f, v) => {
  if (!(v instanceof PyDict)) throw typeError("__dict__ must be set to a dictionary");
  (f as PyFunction).dict = v;
});
defGetSet(FunctionType, "__type_params__", (f) => fn(f).typeParams ?? EMPTY_TUPLE, (f, v) => {
  fn(f).typeParams = v;
});
defMethod(FunctionType, "__get__", (self, args) => {
  const obj = args[0];
  if (obj === None && (args.length < 2 || args[1] !== None)) return self;
  return obj === None ? self : new PyMethod(self, obj);
});

// ---- bound method
defStaticMethod(MethodType, "__new__", (args) => {
  if (args.length !== 3) throw typeError(`method expected 2 arguments, got ${args.length - 1}`);
  if (!ops.isCallable(args[1])) throw typeError("first argument must be callable");
  if (args[2] === None) throw typeError("instance must not be None");
  return new PyMethod(args[1], args[2]);
});
MethodType.slots.call = (m, args, kw) => ops.call((m as PyMethod).func, [(m as PyMethod).self, ...args], kw);
MethodType.slots.descrGet = (m) => m;
MethodType.slots.repr = (m) => {
  const pm = m as PyMethod;
  const q = ops.getAttrOpt(pm.func, "__qualname__");
  return `<bound method ${q === undefined ? "?" : ops.str(q)} of ${ops.repr(pm.self)}>`;
};
MethodType.slots.hash = (m) => ops.identityHash((m as PyMethod).self) ^ ops.identityHash((m as PyMethod).func);
MethodType.slots.getattro = (m, name, suppress) => {
  const r = ops.genericGetAttr(m, name, true);
  if (r !== undefined) return r;
  return suppress ? ops.getAttrOpt((m as PyMethod).func, name) : ops.getAttr((m as PyMethod).func, name);
};
defGetSet(MethodType, "__func__", (m) => (m as PyMethod).func);
defGetSet(MethodType, "__self__", (m) => (m as PyMethod).self);
defMethod(MethodType, "__eq__", (m, args) => {
  const o = args[0];
  if (!(o instanceof PyMethod)) return NotImplemented;
  return o.func === (m as PyMethod).func && o.self === (m as PyMethod).self;
});

// ---- classmethod
ClassMethodType.slots.descrGet = (d, obj, type) => {
  const cm = d as PyClassMethod;
  const cls = type ?? typeOf(obj!);
  const g = typeOf(cm.func).slots.descrGet;
  if (g !== undefined && !(cm.func instanceof PyFunction)) return g(cm.func, cls, typeOf(cls));
  return new PyMethod(cm.func, cls);
};
defStaticMethod(ClassMethodType, "__new__", (args) => {
  const cls = args[0] as PyType;
  return new PyClassMethod(args[1] ?? None, cls);
});
ClassMethodType.dict.setStr("__init__", new PyMethodDescr("__init__", ClassMethodType, (self, args) => {
  if (args.length !== 1) throw typeError(`classmethod expected 1 argument, got ${args.length}`);
  (self as PyClassMethod).func = args[0];
  copyWrapperAttrs(self as PyClassMethod, args[0]);
  return None;
}));
defGetSet(ClassMethodType, "__func__", (d) => (d as PyClassMethod).func);
defGetSet(ClassMethodType, "__wrapped__", (d) => (d as PyClassMethod).func);
defGetSet(ClassMethodType, "__isabstractmethod__", (d) => isAbstract((d as PyClassMethod).func));
defGetSet(ClassMethodType, "__dict__", (d) => (d as PyClassMethod).dict!);
ClassMethodType.slots.repr = (d) => `<classmethod(${ops.repr((d as PyClassMethod).func)})>`;

// ---- staticmethod
StaticMethodType.slots.descrGet = (d) => (d as PyStaticMethod).func;
StaticMethodType.slots.call = (d, args, kw) => ops.call((d as PyStaticMethod).func, args, kw);
defStaticMethod(StaticMethodType, "__new__", (args) => new PyStaticMethod(args[1] ?? None, args[0] as PyType));
StaticMethodType.dict.setStr("__init__", new PyMethodDescr("__init__", StaticMethodType, (self, args) => {
  if (args.length !== 1) throw typeError(`staticmethod expected 1 argument, got ${args.length}`);
  (self as PyStaticMethod).func = args[0];
  copyWrapperAttrs(self as PyStaticMethod, args[0]);
  return None;
}));
defGetSet(StaticMethodType, "__func__", (d) => (d as PyStaticMethod).func);
defGetSet(StaticMethodType, "__wrapped__", (d) => (d as PyStaticMethod).func);
defGetSet(StaticMethodType, "__isabstractmethod__", (d) => isAbstract((d as PyStaticMethod).func));
defGetSet(StaticMethodType, "__dict__", (d) => (d as PyStaticMethod).dict!);
StaticMethodType.slots.repr = (d) => `<staticmethod(${ops.repr((d as PyStaticMethod).func)})>`;

/** classmethod/staticmethod copy __module__, __name__, __qualname__, __doc__ (3.10+). */
function copyWrapperAttrs(w: PyClassMethod | PyStaticMethod, f: PyObject): void {
  for (const a of ["__module__", "__name__", "__qualname__", "__doc__"]) {
    const v = ops.getAttrOpt(f, a);
    if (v !== undefined) w.dict!.setStr(a, v);
  }
}
function isAbstract(f: PyObject): boolean {
  const v = ops.getAttrOpt(f, "__isabstractmethod__");
  return v !== undefined && ops.truthy(v);
}

// ---- property
PropertyType.slots.descrGet = (d, obj) => {
  const p = d as PyProperty;
  if (obj === null) return p;
  if (p.fget === None) {
    const qn = propQualname(p, obj);
    throw attributeError(qn ? `property ${qn} has no getter` : `property of '${typeOf(obj).name}' object has no getter`, obj);
  }
  return ops.call(p.fget, [obj]);
};
PropertyType.slots.descrSet = (d, obj, v) => {
  const p = d as PyProperty;
  const f = v === null ? p.fdel : p.fset;
  if (f === None) {
    const qn = propQualname(p, obj);
    const what = v === null ? "deleter" : "setter";
    throw attributeError(qn ? `property ${qn} has no ${what}` : `property of '${typeOf(obj).name}' object has no ${what}`, obj);
  }
  if (v === null) ops.call(f, [obj]);
  else ops.call(f, [obj, v]);
};
function propQualname(p: PyProperty, obj: PyObject): string | null {
  if (p.name === None) return null;
  return `'${ops.str(p.name)}' of '${typeOf(obj).name}' object`;
}
PropertyType.dict.setStr("__init__", new PyMethodDescr("__init__", PropertyType, (self, args, kw) => {
  const [fget, fset, fdel, doc] = parseArgs("property", args, kw, ["fget", "fset", "fdel", "doc"], 0);
  const p = self as PyProperty;
  p.fget = fget ?? None;
  p.fset = fset ?? None;
  p.fdel = fdel ?? None;
  p.pdoc = doc ?? None;
  if ((doc === undefined || doc === None) && p.fget !== None) {
    const d = ops.getAttrOpt(p.fget, "__doc__");
    if (d !== undefined) p.pdoc = d;
  }
  if (p.fget !== None) {
    const n = ops.getAttrOpt(p.fget, "__name__");
    if (n !== undefined) p.name = n;
  }
  return None;
}));
function propCopy(p: PyProperty, fget: PyObject, fset: PyObject, fdel: PyObject): PyObject {
  const t = typeOf(p);
  const np = ops.call(t, [fget, fset, fdel, p.pdoc]) as PyProperty;
  if (np instanceof PyProperty && p.name !== None && np.name === None) np.name = p.name;
  return np;
}
defMethod(PropertyType, "getter", (self, args) => propCopy(self as PyProperty, args[0], (self as PyProperty).fset, (self as PyProperty).fdel));
defMethod(PropertyType, "setter", (self, args) => propCopy(self as PyProperty, (self as PyProperty).fget, args[0], (self as PyProperty).fdel));
defMethod(PropertyType, "deleter", (self, args) => propCopy(self as PyProperty, (self as PyProperty).fget, (self as PyProperty).fset, args[0]));
defMethod(PropertyType, "__set_name__", (self, args) => {
  (self as PyProperty).name = args[1];
  return None;
});
defMethod(PropertyType, "__get__", (self, args) => {
  const obj = args[0];
  return PropertyType.slots.descrGet!(self, obj === None ? null : obj, typeOf(obj));
});
defMethod(PropertyType, "__set__", (self, args) => {
  PropertyType.slots.descrSet!(self, args[0], args[1]);
  return None;
});
defMethod(PropertyType, "__delete__", (self, args) => {
  PropertyType.slots.descrSet!(self, args[0], null);
  return None;
});
defGetSet(PropertyType, "fget", (p) => (p as PyProperty).fget);
defGetSet(PropertyType, "fset", (p) => (p as PyProperty).fset);
defGetSet(PropertyType, "fdel", (p) => (p as PyProperty).fdel);
defGetSet(PropertyType, "__doc__", (p) => (p as PyProperty).pdoc, (p, v) => {
  (p as PyProperty).pdoc = v ?? None;
});
defGetSet(PropertyType, "__isabstractmethod__", (p) => {
  const pp = p as PyProperty;
  return isAbstract(pp.fget) || isAbstract(pp.fset) || isAbstract(pp.fdel);
});
PropertyType.instDict = false;

// ---- cell
CellType.slots.repr = (c) => {
  const v = (c as PyCell).value;
  const addr = ops.identityHash(c).toString(16).padStart(12, "0");
  return v === undefined ? `<cell at 0x${addr}: empty>` : `<cell at 0x${addr}: ${typeOf(v).name} object at 0x${ops.identityHash(v).toString(16).padStart(12, "0")}>`;
};
defGetSet(CellType, "cell_contents", (c) => {
  const v = (c as PyCell).value;
  if (v === undefined) throw newException(ValueErrorType, "Cell is empty");
  return v;
}, (c, v) => {
  (c as PyCell).value = v ?? undefined;
});

// ---- code
CodeType.slots.repr = (c) => {
  const co = (c as PyCode).co;
  return `<code object ${co.co_name} at 0x${ops.identityHash(c).toString(16).padStart(12, "0")}, file "${co.co_filename}", line ${co.co_firstlineno}>`;
};
const codeAttrs: Record<string, (c: PyCode) => PyObject> = {
  co_name: (c) => c.co.co_name,
  co_qualname: (c) => c.co.co_qualname,
  co_filename: (c) => c.co.co_filename,
  co_firstlineno: (c) => c.co.co_firstlineno,
  co_argcount: (c) => c.co.co_argcount,
  co_posonlyargcount: (c) => c.co.co_posonlyargcount,
  co_kwonlyargcount: (c) => c.co.co_kwonlyargcount,
  co_flags: (c) => c.co.co_flags,
  co_nlocals: (c) => c.co.co_nlocals,
  co_stacksize: (c) => c.co.co_stacksize,
  co_varnames: (c) => new PyTuple(c.co.co_varnames.slice()),
  co_cellvars: (c) => new PyTuple(c.co.co_cellvars.slice()),
  co_freevars: (c) => new PyTuple(c.co.co_freevars.slice()),
  co_names: (c) => new PyTuple(c.co.co_names.slice()),
};
for (const k of Object.keys(codeAttrs)) defGetSet(CodeType, k, (c) => codeAttrs[k](c as PyCode));

export { ClassMethodType, StaticMethodType };

defMethod(CodeType, "co_positions", (c) => {
  const co = (c as PyCode).co;
  const out: PyObject[] = [];
  const v = (n: number): PyObject => (n < 0 ? None : n);
  for (let i = 0; i < co.co_code.length; i++) {
    const [l, el, cl, ecl] = co.position(i);
    out.push(new PyTuple([v(l), v(el), v(cl), v(ecl)]));
  }
  return ops.getIter(new PyList(out));
});
defMethod(CodeType, "co_lines", (c) => {
  const co = (c as PyCode).co;
  const out: PyObject[] = [];
  let start = 0;
  let cur = co.lineOf(0);
  for (let i = 1; i <= co.co_code.length; i++) {
    const l = i < co.co_code.length ? co.lineOf(i) : -2;
    if (l !== cur) {
      out.push(new PyTuple([start * 2, i * 2, cur < 0 ? None : cur]));
      start = i;
      cur = l;
    }
  }
  return ops.getIter(new PyList(out));
});
defGetSet(CodeType, "co_consts", (c) => new PyTuple(constsOfRef((c as PyCode).co)));
