// `type` and `object`: class creation (type.__new__ with __slots__, __set_name__, __init_subclass__, __classcell__),
// instance creation (type.__call__ -> __new__/__init__), heap-type slot wrappers, __build_class__, mappingproxy.
import {
  computeMro,
  DictType,
  MroError,
  None,
  NotImplemented,
  ObjectType,
  PyBase,
  PyBuiltinFunction,
  PyCell,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyMemberDescr,
  PyMethodDescr,
  PyObject,
  PyStaticMethod,
  PyStrObj,
  PyTuple,
  PyType,
  TypeSlots,
  TypeType,
  attributeError,
  makeBuiltinType,
  setOnTypeModified,
  typeError,
  typeOf,
  EMPTY_TUPLE,
  PyList,
  isinstance,
  PyModule,
  newException,
  RuntimeErrorType,
} from "../core";
import * as ops from "../ops";
import { defClassMethod, defGetSet, defMethod, defStaticMethod, splitKw, parseArgs as parseArgsRef } from "../define";
import { execCode, ts } from "../interpreter";

// ---------------------------------------------------------------------------------------------------------------
// Instance allocation

export function allocInstance(cls: PyType): PyBase {
  const obj = cls.alloc!(cls);
  if (cls.instDict && obj.dict === null) obj.dict = new PyDict(DictType);
  return obj;
}

let objectNew: PyObject;
let objectInit: PyObject;

function excessArgs(args: PyObject[], kw: readonly string[] | null): boolean {
  return args.length > 0 || (kw !== null && kw.length > 0);
}

/** object.__new__(cls, *args, **kw) */
function objectNewImpl(args: PyObject[], kw: readonly string[] | null): PyObject {
  if (args.length === 0) throw typeError("object.__new__(): not enough arguments");
  const cls = args[0];
  if (!(cls instanceof PyType)) throw typeError(`object.__new__(X): X is not a type object (${typeOf(cls).name})`);
  const rest = args.length > 1 ? args.slice(1) : [];
  if (excessArgs(rest, kw)) {
    if (cls.lookup("__new__") !== objectNew) throw typeError("object.__new__() takes exactly one argument (the type to instantiate)");
    if (cls.lookup("__init__") === objectInit) throw typeError(`${cls.name}() takes no arguments`);
  }
  if (cls.isAbstract) {
    const am = cls.dict.getStr("__abstractmethods__");
    if (am !== undefined && ops.truthy(am)) {
      const names = ops.toArray(am).map((x) => ops.str(x)).sort();
      throw typeError(
        `Can't instantiate abstract class ${cls.name} with abstract method${names.length > 1 ? "s" : ""} ${names.join(", ")}`,
      );
    }
  }
  if (!cls.isSubtypeOf(ObjectType) || cls.alloc === null) throw typeError(`object.__new__(${cls.name}) is not safe`);
  return allocInstance(cls);
}

function objectInitImpl(self: PyObject, args: PyObject[], kw: readonly string[] | null): PyObject {
  if (excessArgs(args, kw)) {
    const t = typeOf(self);
    if (t.lookup("__init__") !== objectInit) throw typeError("object.__init__() takes exactly one argument (the instance to initialize)");
    if (t.lookup("__new__") === objectNew) throw typeError(`${t.name}() takes no arguments`);
  }
  return None;
}

/** type.__call__: cls(*args, **kw). */
export function typeCall(clsObj: PyObject, args: PyObject[], kw: readonly string[] | null): PyObject {
  const cls = clsObj as PyType;
  if (cls === TypeType && (kw === null || kw.length === 0)) {
    if (args.length === 1) return typeOf(args[0]);
    if (args.length !== 3) throw typeError("type() takes 1 or 3 arguments");
  }
  const newf = cls.lookup("__new__");
  let obj: PyObject;
  if (newf === objectNew) {
    obj = objectNewImpl([cls, ...args], kw);
  } else if (newf instanceof PyBuiltinFunction) {
    obj = newf.fn([cls, ...args], kw);
  } else if (newf instanceof PyStaticMethod) {
    obj = ops.call(newf.func, [cls, ...args], kw);
  } else if (newf === undefined) {
    throw typeError(`cannot create '${cls.name}' instances`);
  } else {
    obj = ops.call(newf, [cls, ...args], kw);
  }
  const ot = typeOf(obj);
  if (ot !== cls && !ot.isSubtypeOf(cls)) return obj;
  const init = ot.lookup("__init__");
  if (init === undefined || init === objectInit) {
    if (init === objectInit && excessArgs(args, kw)) objectInitImpl(obj, args, kw);
    return obj;
  }
  let r: PyObject;
  if (init instanceof PyFunction) r = ops.callPyFunction(init, [obj, ...args], kw);
  else r = ops.callUnbound(init, obj, args, kw);
  if (r !== None) throw typeError(`__init__() should return None, not '${typeOf(r).name}'`);
  return obj;
}
TypeType.slots.call = typeCall;
TypeType.slots.getattro = ops.typeGetAttr;
TypeType.slots.setattro = ops.typeSetAttr;

// ---------------------------------------------------------------------------------------------------------------
// Heap-type slots: wrappers that call the Python-level special methods.

type SlotKey = keyof TypeSlots;
/** Special method names whose presence fills a slot; the slot either reuses a builtin's implementation or wraps. */
const SLOT_NAMES: [string, SlotKey][] = [
  ["__call__", "call"],
  ["__iter__", "iter"],
  ["__next__", "next"],
  ["__get__", "descrGet"],
  ["__set__", "descrSet"],
  ["__delete__", "descrSet"],
  ["__getattribute__", "getattro"],
  ["__getattr__", "getattro"],
  ["__setattr__", "setattro"],
  ["__delattr__", "setattro"],
  ["__repr__", "repr"],
  ["__str__", "str"],
  ["__hash__", "hash"],
  ["__len__", "len"],
  ["__bool__", "bool"],
];

function slotWrapper(t: PyType, key: SlotKey): TypeSlots[SlotKey] {
  switch (key) {
    case "call":
      return (self: PyObject, args: PyObject[], kw: readonly string[] | null) => {
        const f = typeOf(self).lookup("__call__");
        if (f === undefined) throw typeError(`'${typeOf(self).name}' object is not callable`);
        return ops.callUnbound(f, self, args, kw);
      };
    case "descrGet":
      return (d: PyObject, obj: PyObject | null, type: PyType) => ops.callUnbound(typeOf(d).lookup("__get__")!, d, [obj ?? None, type]);
    case "descrSet":
      return (d: PyObject, obj: PyObject, v: PyObject | null) => {
        const name = v === null ? "__delete__" : "__set__";
        const f = typeOf(d).lookup(name);
        if (f === undefined) throw attributeError(v === null ? "__delete__" : "__set__");
        ops.callUnbound(f, d, v === null ? [obj] : [obj, v]);
      };
    case "getattro": {
      const ga = t.lookup("__getattribute__");
      const pyGetattribute = ga !== undefined && ga !== objectGetattribute ? ga : undefined;
      const hasGetattr = t.lookup("__getattr__") !== undefined;
      return (self: PyObject, name: string, suppress: boolean) => {
        let r: PyObject | undefined;
        if (pyGetattribute === undefined) {
          try {
            r = ops.genericGetAttr(self, name, true);
          } catch (e) {
            if (!(e instanceof PyBase && isinstance(e, AttributeErrorT())) || !hasGetattr) throw e;
            r = undefined;
          }
          if (r !== undefined) return r;
          if (!hasGetattr) {
            if (suppress) return undefined;
            throw ops.noAttr(self, name);
          }
        } else {
          try {
            return ops.callUnbound(pyGetattribute, self, [name]);
          } catch (e) {
            if (!(e instanceof PyBase && isinstance(e, AttributeErrorT())) || !hasGetattr) {
              if (suppress && e instanceof PyBase && isinstance(e, AttributeErrorT())) return undefined;
              throw e;
            }
          }
        }
        const g = typeOf(self).lookup("__getattr__")!;
        if (suppress) {
          try {
            return ops.callUnbound(g, self, [name]);
          } catch (e) {
            if (e instanceof PyBase && isinstance(e, AttributeErrorT())) return undefined;
            throw e;
          }
        }
        return ops.callUnbound(g, self, [name]);
      };
    }
    case "setattro":
      return (self: PyObject, name: string, v: PyObject | null) => {
        const f = typeOf(self).lookup(v === null ? "__delattr__" : "__setattr__")!;
        if (f === objectSetattr || f === objectDelattr) ops.genericSetAttr(self, name, v);
        else ops.callUnbound(f, self, v === null ? [name] : [name, v]);
      };
    default:
      return undefined;
  }
}
import { AttributeErrorType } from "../core";
function AttributeErrorT(): PyType {
  return AttributeErrorType;
}

/** Recomputes the slots of a heap type from its MRO (after creation or after a special method was assigned). */
export function fixupSlots(t: PyType): void {
  if (!t.heap) return;
  const slots: TypeSlots = {};
  for (const [dunder, key] of SLOT_NAMES) {
    if (slots[key] !== undefined) continue;
    const v = t.lookup(dunder);
    if (v === undefined) continue;
    // Which class in the MRO defines it?
    let owner: PyType | null = null;
    for (const m of t.mro) {
      if (m.dict.getStr(dunder) !== undefined) {
        owner = m;
        break;
      }
    }
    if (owner !== null && !owner.heap) {
      const s = owner.slots[key];
      if (s !== undefined) (slots as Record<string, unknown>)[key] = s;
      continue;
    }
    if (key === "getattro" || key === "setattro" || key === "call" || key === "descrGet" || key === "descrSet") {
      (slots as Record<string, unknown>)[key] = slotWrapper(t, key);
    }
    // repr/str/hash/len/bool/iter/next of Python classes: left undefined, ops falls back to the special method.
  }
  // getattro: __getattr__ defined anywhere needs the wrapper even if __getattribute__ is object's
  if (t.lookup("__getattr__") !== undefined) slots.getattro = slotWrapper(t, "getattro") as TypeSlots["getattro"];
  if (slots.getattro === ops.genericGetAttr) slots.getattro = undefined;
  if (slots.setattro === ops.genericSetAttr) slots.setattro = undefined;
  // metaclasses inherit type's attribute access
  if (t.isSubtypeOf(TypeType)) {
    if (slots.getattro === undefined) slots.getattro = ops.typeGetAttr;
    if (slots.setattro === undefined) slots.setattro = ops.typeSetAttr;
    if (slots.call === undefined) slots.call = typeCall;
  }
  t.slots = slots;
}
setOnTypeModified((t) => {
  if (t.heap) fixupSlots(t);
});

// ---------------------------------------------------------------------------------------------------------------
// type.__new__

function mangle(cls: string, name: string): string {
  if (!name.startsWith("__") || name.endsWith("__") || name.includes(".")) return name;
  const stripped = cls.replace(/^_+/, "");
  if (stripped === "") return name;
  return `_${stripped}${name}`;
}

function solidBase(t: PyType): PyType {
  return t.layout;
}

/** Creates a class: type.__new__(meta, name, bases, ns, **kw). */
export function typeNew(meta: PyType, name: string, basesIn: PyObject[], ns: PyDict, kw: PyDict | null): PyType {
  let bases = basesIn;
  if (bases.length === 0) bases = [ObjectType];
  for (const b of bases) {
    if (!(b instanceof PyType)) throw typeError(`bases must be types`);
    if (!b.baseType) throw typeError(`type '${b.name}' is not an acceptable base type`);
  }
  const tb = bases as PyType[];
  // metaclass calculation (for direct type(...) calls)
  let winner = meta;
  for (const b of tb) {
    const bm = typeOf(b);
    if (winner.isSubtypeOf(bm)) continue;
    if (bm.isSubtypeOf(winner)) {
      winner = bm;
      continue;
    }
    throw typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  meta = winner;
  // layout: the most derived solid base
  let layoutBase = tb[0];
  for (const b of tb) {
    const sb = solidBase(b);
    const cur = solidBase(layoutBase);
    if (sb !== cur && sb.isSubtypeOf(cur)) layoutBase = b;
    else if (!cur.isSubtypeOf(sb)) throw typeError("multiple bases have instance lay-out conflict");
  }
  const t = new PyType(meta, name, tb, true);
  t.base = layoutBase;
  try {
    t.mro = computeMro(t);
  } catch (e) {
    if (e instanceof MroError) throw typeError(e.message);
    throw e;
  }
  t.layout = layoutBase.layout;
  t.alloc = layoutBase.alloc;
  // copy namespace
  for (const [k, v] of ns.entries()) t.dict.set(k, v);
  // __module__
  if (t.dict.getStr("__module__") === undefined) {
    const frame = ts.frame;
    const mod = frame !== null ? frame.globals.getStr("__name__") : undefined;
    if (mod !== undefined) t.dict.setStr("__module__", mod);
  }
  const qn = t.dict.getStr("__qualname__");
  if (qn !== undefined) {
    if (typeof qn !== "string") throw typeError(`type __qualname__ must be a str, not ${typeOf(qn).name}`);
    t.qualname = qn;
    t.dict.delete("__qualname__");
  }
  // __slots__
  const baseHasDict = tb.some((b) => b.instDict);
  let nslots = 0;
  for (const b of tb) nslots = Math.max(nslots, b.nslots);
  const slotsDecl = t.dict.getStr("__slots__");
  let addDict = false;
  if (slotsDecl !== undefined) {
    const names = typeof slotsDecl === "string" || slotsDecl instanceof PyStrObj ? [slotsDecl] : ops.toArray(slotsDecl);
    for (const n of names) {
      const s = ops.pyStr(n);
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(s)) throw typeError("__slots__ must be identifiers");
      if (s === "__dict__") {
        if (baseHasDict || addDict) throw typeError("__dict__ slot disallowed: we already got one");
        addDict = true;
        continue;
      }
      if (s === "__weakref__") {
        t.weakrefSlot = true;
        continue;
      }
      const m = mangle(name, s);
      if (ns.getStr(m) !== undefined) throw newException(ValueErrorT(), `'${s}' in __slots__ conflicts with class variable`);
      t.dict.setStr(m, new PyMemberDescr(m, t, nslots++));
    }
    t.instDict = baseHasDict || addDict;
    if (tb.some((b) => b.weakrefSlot)) t.weakrefSlot = true;
  } else {
    t.weakrefSlot = true;
    t.instDict = true;
    addDict = !baseHasDict;
  }
  t.nslots = nslots;
  if (addDict && t.dict.getStr("__dict__") === undefined) {
    t.dict.setStr("__dict__", dictDescr(t));
  }
  if (t.weakrefSlot && !tb.some((b) => b.weakrefSlot) && t.dict.getStr("__weakref__") === undefined) {
    t.dict.setStr("__weakref__", new PyGetSetDescr("__weakref__", t, weakrefGetter, null));
  }
  // special-cased function kinds
  const nw = t.dict.getStr("__new__");
  if (nw instanceof PyFunction) t.dict.setStr("__new__", new PyStaticMethod(nw));
  for (const cm of ["__init_subclass__", "__class_getitem__"]) {
    const f = t.dict.getStr(cm);
    if (f instanceof PyFunction) t.dict.setStr(cm, new PyClassMethod(f));
  }
  if (t.dict.getStr("__eq__") !== undefined && t.dict.getStr("__hash__") === undefined) t.dict.setStr("__hash__", None);
  if (t.dict.getStr("__doc__") === undefined) t.dict.setStr("__doc__", None);
  // __classcell__
  const cell = t.dict.getStr("__classcell__");
  if (cell !== undefined) {
    if (!(cell instanceof PyCell)) throw typeError(`__classcell__ must be a nonlocal cell, not ${typeOf(cell).name}`);
    cell.value = t;
    t.dict.delete("__classcell__");
  }
  for (const b of tb) b.subclasses.push(new WeakRef(t));
  fixupSlots(t);
  // __set_name__
  for (const [k, v] of t.dict.entries()) {
    const sn = typeOf(v).lookup("__set_name__");
    if (sn !== undefined) {
      try {
        ops.callUnbound(sn, v, [t, k]);
      } catch (e) {
        if (e instanceof PyBase && isinstance(e, ops.BaseExceptionType)) {
          const note = `Error calling __set_name__ on '${typeOf(v).name}' instance '${ops.str(k)}' in '${t.name}'`;
          addNoteTo(e, note);
        }
        throw e;
      }
    }
  }
  // __init_subclass__ of the parent
  let found: PyObject | undefined;
  for (let i = 1; i < t.mro.length; i++) {
    found = t.mro[i].dict.getStr("__init_subclass__");
    if (found !== undefined) break;
  }
  if (found !== undefined) {
    const args: PyObject[] = [];
    const kwnames: string[] = [];
    if (kw !== null) {
      for (const [k, v] of kw.entries()) {
        kwnames.push(k as string);
        args.push(v);
      }
    }
    let bound: PyObject;
    if (found instanceof PyClassMethod) bound = new (PyMethodCtor())(found.func, t);
    else {
      const g = typeOf(found).slots.descrGet;
      bound = g !== undefined ? g(found, null, t) : found;
    }
    ops.call(bound, args, kwnames.length ? kwnames : null);
  }
  return t;
}
import { PyMethod, ValueErrorType } from "../core";
function PyMethodCtor(): typeof PyMethod {
  return PyMethod;
}
function ValueErrorT(): PyType {
  return ValueErrorType;
}
function addNoteTo(e: PyBase, note: string): void {
  const notes = ops.getAttrOpt(e, "__notes__");
  if (notes instanceof PyList) notes.items.push(note);
  else if (notes === undefined) ops.setAttr(e, "__notes__", new PyList([note]));
}

function dictDescr(owner: PyType): PyObject {
  const d = new (class extends PyBase {})(getSetType());
  void d;
  return new GetSetRef("__dict__", owner);
}
import { PyGetSetDescr, GetSetDescrType } from "../core";
function getSetType(): PyType {
  return GetSetDescrType;
}
class GetSetRef extends PyGetSetDescr {
  constructor(name: string, owner: PyType) {
    super(
      name,
      owner,
      (self) => {
        const o = self as PyBase;
        if (o.dict === null) o.dict = new PyDict(DictType);
        return o.dict;
      },
      (self, v) => {
        if (!(v instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${v === null ? "NoneType" : typeOf(v).name}'`);
        (self as PyBase).dict = v;
      },
    );
  }
}

function typeNewEntry(args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const { pos, kw } = splitKw(args, kwnames);
  const meta = pos[0];
  if (!(meta instanceof PyType)) throw typeError("type.__new__(X): X is not a type object");
  if (pos.length === 2 && meta === TypeType) return typeOf(pos[1]);
  if (pos.length !== 4) throw typeError("type.__new__() takes exactly 3 arguments");
  const [, name, bases, ns] = pos;
  if (typeof name !== "string") throw typeError(`type.__new__() argument 1 must be str, not ${typeOf(name).name}`);
  if (!(bases instanceof PyTuple)) throw typeError(`type.__new__() argument 2 must be tuple, not ${typeOf(bases).name}`);
  if (!(ns instanceof PyDict)) throw typeError(`type.__new__() argument 3 must be dict, not ${typeOf(ns).name}`);
  // A more derived metaclass among the bases with its own __new__ takes over (CPython's type_new).
  const winner = calculateMeta(meta, bases.items);
  if (winner !== meta) {
    const wn = winner.lookup("__new__");
    if (wn !== undefined && wn !== TypeType.dict.getStr("__new__")) {
      const fn = wn instanceof PyStaticMethod ? wn.func : wn;
      return ops.call(fn, [winner, ...args.slice(1)], kwnames);
    }
  }
  return typeNew(meta, name, bases.items, ns, kw);
}

// ---------------------------------------------------------------------------------------------------------------
// __build_class__

function calculateMeta(meta: PyType, bases: PyObject[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const bm = typeOf(b);
    if (winner.isSubtypeOf(bm)) continue;
    if (bm.isSubtypeOf(winner)) {
      winner = bm;
      continue;
    }
    throw typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  return winner;
}

export function buildClass(args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const { pos, kw } = splitKw(args, kwnames);
  if (pos.length < 2) throw typeError("__build_class__: not enough arguments");
  const func = pos[0];
  const name = pos[1];
  if (!(func instanceof PyFunction)) throw typeError("__build_class__: func must be a function");
  if (typeof name !== "string") throw typeError("__build_class__: name is not a string");
  const origBases = pos.slice(2);
  // __mro_entries__
  let bases: PyObject[] = [];
  let changed = false;
  for (const b of origBases) {
    if (b instanceof PyType) {
      bases.push(b);
      continue;
    }
    const me = ops.getAttrOpt(b, "__mro_entries__");
    if (me === undefined) {
      bases.push(b);
      continue;
    }
    const r = ops.call(me, [new PyTuple(origBases)]);
    if (!(r instanceof PyTuple)) throw typeError("__mro_entries__ must return a tuple");
    bases.push(...r.items);
    changed = true;
  }
  if (!changed) bases = origBases;
  let meta: PyObject | undefined = kw?.getStr("metaclass");
  if (meta !== undefined) kw!.delete("metaclass");
  let isClass: boolean;
  if (meta === undefined) {
    meta = bases.length ? typeOf(bases[0]) : TypeType;
    isClass = true;
  } else isClass = meta instanceof PyType;
  if (isClass) meta = calculateMeta(meta as PyType, bases);
  const kwArgs: PyObject[] = [];
  const kwNames: string[] = [];
  if (kw !== null) {
    for (const [k, v] of kw.entries()) {
      kwNames.push(k as string);
      kwArgs.push(v);
    }
  }
  const basesTuple = new PyTuple(bases);
  let ns: PyObject;
  const prep = ops.getAttrOpt(meta, "__prepare__");
  if (prep !== undefined) {
    ns = ops.call(prep, [name, basesTuple, ...kwArgs], kwNames.length ? kwNames : null);
  } else ns = new PyDict();
  if (!(ns instanceof PyDict) && ops.getAttrOpt(ns, "__getitem__") === undefined) {
    throw typeError(`${isClass ? (meta as PyType).name : "<metaclass>"}.__prepare__() must return a mapping, not ${typeOf(ns).name}`);
  }
  const cell = execCode(func.code, func.globals, ns, func);
  if (changed) ops.setItem(ns, "__orig_bases__", new PyTuple(origBases));
  const cls = ops.call(meta, [name, basesTuple, ns, ...kwArgs], kwNames.length ? kwNames : null);
  if (cell instanceof PyCell && cls instanceof PyType) {
    if (cell.value !== cls) {
      if (cell.value === undefined) cell.value = cls;
      else throw typeError(`__class__ set to ${ops.repr(cell.value)} defining '${name}' as ${ops.repr(cls)}`);
    }
  }
  return cls;
}

// ---------------------------------------------------------------------------------------------------------------
// mappingproxy (type.__dict__)

export const MappingProxyType = makeBuiltinType("mappingproxy", ObjectType, { subclassable: false });
export class PyMappingProxy extends PyBase {
  constructor(public mapping: PyObject) {
    super(MappingProxyType);
  }
}
defStaticMethod(MappingProxyType, "__new__", (args, kw) => {
  const [m] = parseArgsRef("mappingproxy", args.slice(1), kw, ["mapping"], 1);
  if (m instanceof PyList || m instanceof PyTuple || ops.getAttrOpt(m!, "__getitem__") === undefined || ops.getAttrOpt(m!, "keys") === undefined) {
    throw typeError(`mappingproxy() argument must be a mapping, not ${typeOf(m!).name}`);
  }
  return new PyMappingProxy(m!);
});
MappingProxyType.slots.getattro = undefined;
defMethod(MappingProxyType, "__or__", (self, args) => {
  const d = ops.call(DictTypeRef(), [(self as PyMappingProxy).mapping]);
  return ops.binaryOp(d, args[0], ops.BinOp.Or);
});
defMethod(MappingProxyType, "__eq__", (self, args) => ops.richCompare((self as PyMappingProxy).mapping, args[0], ops.Cmp.Eq));
defMethod(MappingProxyType, "__getitem__", (self, args) => ops.getItem((self as PyMappingProxy).mapping, args[0]));
defMethod(MappingProxyType, "__contains__", (self, args) => ops.contains((self as PyMappingProxy).mapping, args[0]));
defMethod(MappingProxyType, "__len__", (self) => ops.lenOf((self as PyMappingProxy).mapping));
defMethod(MappingProxyType, "__iter__", (self) => ops.getIter((self as PyMappingProxy).mapping));
for (const m of ["keys", "values", "items", "copy"]) {
  defMethod(MappingProxyType, m, (self) => ops.callMethod((self as PyMappingProxy).mapping, m, []));
}
defMethod(MappingProxyType, "get", (self, args) => ops.callMethod((self as PyMappingProxy).mapping, "get", args));
MappingProxyType.slots.repr = (self) => `mappingproxy(${ops.repr((self as PyMappingProxy).mapping)})`;
MappingProxyType.slots.iter = (self) => ops.getIter((self as PyMappingProxy).mapping);
MappingProxyType.slots.len = (self) => ops.lenOf((self as PyMappingProxy).mapping);

// ---------------------------------------------------------------------------------------------------------------
// object's methods

let objectGetattribute: PyObject;
let objectSetattr: PyObject;
let objectDelattr: PyObject;

defStaticMethod(ObjectType, "__new__", objectNewImpl);
objectNew = ObjectType.dict.getStr("__new__")!;
defMethod(ObjectType, "__init__", objectInitImpl);
objectInit = ObjectType.dict.getStr("__init__")!;
objectGetattribute = defMethod(ObjectType, "__getattribute__", (self, args) => {
  if (args.length !== 1) throw typeError(`expected 1 argument, got ${args.length}`);
  const n = args[0];
  if (typeof n !== "string") throw typeError(`attribute name must be string, not '${typeOf(n).name}'`);
  return ops.genericGetAttr(self, n)!;
});
objectSetattr = defMethod(ObjectType, "__setattr__", (self, args) => {
  const n = args[0];
  if (typeof n !== "string") throw typeError(`attribute name must be string, not '${typeOf(n).name}'`);
  if (self instanceof PyType) ops.typeSetAttr(self, n, args[1]);
  else ops.genericSetAttr(self, n, args[1]);
  return None;
});
objectDelattr = defMethod(ObjectType, "__delattr__", (self, args) => {
  const n = args[0];
  if (typeof n !== "string") throw typeError(`attribute name must be string, not '${typeOf(n).name}'`);
  ops.genericSetAttr(self, n, null);
  return None;
});
export function defaultRepr(self: PyObject): string {
  const t = typeOf(self);
  const mod = t.moduleName;
  const q = mod === "builtins" ? t.qualname : `${mod}.${t.qualname}`;
  return `<${q} object at 0x${ops.identityHash(self).toString(16).padStart(12, "0")}>`;
}
defMethod(ObjectType, "__repr__", (self) => defaultRepr(self));
defMethod(ObjectType, "__str__", (self) => ops.repr(self));
defMethod(ObjectType, "__hash__", (self) => ops.identityHash(self) >> 4);
defMethod(ObjectType, "__eq__", (self, args) => (self === args[0] ? true : NotImplemented));
defMethod(ObjectType, "__ne__", (self, args) => {
  const f = typeOf(self).lookup("__eq__");
  if (f === undefined) return NotImplemented;
  const r = ops.callUnbound(f, self, [args[0]]);
  if (r === NotImplemented) return r;
  return !ops.truthy(r);
});
for (const op of ["__lt__", "__le__", "__gt__", "__ge__"]) defMethod(ObjectType, op, () => NotImplemented);
defClassMethod(ObjectType, "__init_subclass__", (_cls, args, kw) => {
  if (kw !== null && kw.length) throw typeError(`${(_cls as PyType).name}.__init_subclass__() takes no keyword arguments`);
  if (args.length) throw typeError(`${(_cls as PyType).name}.__init_subclass__() takes no arguments (${args.length} given)`);
  return None;
});
defClassMethod(ObjectType, "__subclasshook__", () => NotImplemented);
defMethod(ObjectType, "__format__", (self, args) => {
  const spec = args[0];
  if (typeof spec !== "string") throw typeError(`__format__() argument must be str, not ${typeOf(spec).name}`);
  if (spec !== "") throw typeError(`unsupported format string passed to ${typeOf(self).name}.__format__`);
  return ops.str(self);
});
defMethod(ObjectType, "__sizeof__", (self) => (self instanceof PyBase && self.dict ? 56 : 16));
defMethod(ObjectType, "__dir__", (self) => {
  const names = new Set<string>();
  if (self instanceof PyBase && self.dict !== null) for (const k of self.dict.keyList()) if (typeof k === "string") names.add(k);
  for (const t of typeOf(self).mro) for (const k of t.dict.keyList()) if (typeof k === "string") names.add(k);
  return new PyList([...names]);
});
defMethod(ObjectType, "__getstate__", (self) => {
  if (self instanceof PyBase && self.dict !== null && self.dict.size > 0) return self.dict;
  return None;
});
defMethod(ObjectType, "__reduce_ex__", (self, args) => reduceEx(self, args.length ? args[0] : 0));
defMethod(ObjectType, "__reduce__", (self) => reduceEx(self, 0));
defGetSet(
  ObjectType,
  "__class__",
  (self) => typeOf(self),
  (self, v) => {
    if (!(v instanceof PyType)) throw typeError(`__class__ must be set to a class, not '${v === null ? "NoneType" : typeOf(v).name}' object`);
    if (!(self instanceof PyBase) || !typeOf(self).heap || !v.heap || v.layout !== typeOf(self).layout) {
      throw typeError(`__class__ assignment only supported for mutable types or ModuleType subclasses`);
    }
    self.type = v;
  },
);
ObjectType.dict.setStr("__doc__", "The base class of the class hierarchy.");

/** Importer used by __reduce_ex__ to reach copyreg (set by the import system). */
export const reduceHooks = { importModule: (_name: string): PyObject => None };

function reduceEx(self: PyObject, protocol: PyObject): PyObject {
  const t = typeOf(self);
  const red = t.lookup("__reduce__");
  const objRed = ObjectType.dict.getStr("__reduce__");
  if (red !== undefined && red !== objRed) return ops.callUnbound(red, self, []);
  const copyreg = reduceHooks.importModule("copyreg");
  const proto = typeof protocol === "number" ? protocol : 0;
  if (proto < 2) return ops.call(ops.getAttr(copyreg, "_reduce_ex"), [self, proto]);
  const newobj = ops.getAttr(copyreg, "__newobj__");
  let args: PyObject[] = [t];
  const gna = ops.getAttrOpt(self, "__getnewargs__");
  if (gna !== undefined) {
    const a = ops.call(gna, []);
    if (a instanceof PyTuple) args = [t, ...a.items];
  }
  const getstate = ops.getAttr(self, "__getstate__");
  let state = ops.call(getstate, []);
  if (state === None && self instanceof PyBase && self.slotValues !== null) {
    const slots = new PyDict();
    for (const m of t.mro) {
      for (const [k, v] of m.dict.entries()) {
        if (v instanceof PyMemberDescr) {
          const val = self.slotValues[v.index];
          if (val !== undefined) slots.set(k, val);
        }
      }
    }
    if (slots.size) state = new PyTuple([None, slots]);
  }
  const listItems = self instanceof PyList ? ops.getIter(self) : None;
  const dictItems = self instanceof PyDict ? ops.callMethod(self, "items", []) : None;
  return new PyTuple([newobj, new PyTuple(args), state, listItems, dictItems === None ? None : ops.getIter(dictItems)]);
}

// ---------------------------------------------------------------------------------------------------------------
// type's methods and attributes

defStaticMethod(TypeType, "__new__", typeNewEntry);
defMethod(TypeType, "__init__", (_self, args, kw) => {
  const n = args.length - (kw === null ? 0 : kw.length);
  if (n !== 1 && n !== 3) throw typeError("type.__init__() takes 1 or 3 arguments");
  return None;
});
TypeType.slots.repr = (self) => {
  const t = self as PyType;
  const mod = t.moduleName;
  return mod === "builtins" ? `<class '${t.qualname}'>` : `<class '${mod}.${t.qualname}'>`;
};
defMethod(TypeType, "__repr__", (self) => TypeType.slots.repr!(self));
defMethod(TypeType, "__call__", (self, args, kw) => typeCall(self, args, kw));
TypeType.slots.hash = (self) => ops.identityHash(self) >> 4;
defGetSet(TypeType, "__name__", (t) => {
  const tp = t as PyType;
  return tp.heap ? tp.name : tp.name.slice(tp.name.lastIndexOf(".") + 1);
}, (t, v) => {
  if (typeof v !== "string") throw typeError(`can only assign string to ${(t as PyType).name}.__name__, not '${v === null ? "NoneType" : typeOf(v).name}'`);
  (t as PyType).name = v;
});
defGetSet(TypeType, "__qualname__", (t) => (t as PyType).qualname, (t, v) => {
  if (typeof v !== "string") throw typeError(`can only assign string to ${(t as PyType).name}.__qualname__, not '${v === null ? "NoneType" : typeOf(v).name}'`);
  (t as PyType).qualname = v;
});
defGetSet(TypeType, "__module__", (t) => {
  const m = (t as PyType).dict.getStr("__module__");
  return m === undefined ? "builtins" : m;
}, (t, v) => {
  (t as PyType).dict.setStr("__module__", v ?? None);
  (t as PyType).modified();
});
defGetSet(TypeType, "__bases__", (t) => new PyTuple((t as PyType).bases.slice()), (t, v) => {
  const tp = t as PyType;
  if (!(v instanceof PyTuple) || v.items.length === 0) throw typeError(`can only assign non-empty tuple to ${tp.name}.__bases__, not ${v === null ? "NoneType" : typeOf(v).name}`);
  tp.bases = v.items as PyType[];
  tp.base = tp.bases[0];
  tp.mro = computeMro(tp);
  tp.modified();
});
defGetSet(TypeType, "__base__", (t) => (t as PyType).base ?? None);
defGetSet(TypeType, "__mro__", (t) => new PyTuple((t as PyType).mro.slice()));
defGetSet(TypeType, "__dict__", (t) => new PyMappingProxy((t as PyType).dict));
defGetSet(TypeType, "__doc__", (t) => {
  const d = (t as PyType).dict.getStr("__doc__");
  if (d === undefined) return (t as PyType).doc ?? None;
  const g = typeOf(d).slots.descrGet;
  return g !== undefined && (t as PyType).heap ? g(d, null, t as PyType) : d;
}, (t, v) => {
  (t as PyType).dict.setStr("__doc__", v ?? None);
});
defGetSet(TypeType, "__abstractmethods__", (t) => {
  const v = (t as PyType).dict.getStr("__abstractmethods__");
  if (v === undefined || t === TypeType) throw attributeError("__abstractmethods__");
  return v;
}, (t, v) => {
  const tp = t as PyType;
  if (v === null) {
    tp.dict.delete("__abstractmethods__");
    tp.isAbstract = false;
  } else {
    tp.dict.setStr("__abstractmethods__", v);
    tp.isAbstract = ops.truthy(v);
  }
  tp.modified();
});
defGetSet(TypeType, "__annotations__", (t) => {
  const tp = t as PyType;
  let a = tp.dict.getStr("__annotations__");
  if (a === undefined) {
    if (!tp.heap) throw attributeError(`type object '${tp.name}' has no attribute '__annotations__'`);
    a = new PyDict();
    tp.dict.setStr("__annotations__", a);
  }
  return a;
}, (t, v) => {
  const tp = t as PyType;
  if (v === null) tp.dict.delete("__annotations__");
  else tp.dict.setStr("__annotations__", v);
  tp.modified();
});
defGetSet(TypeType, "__type_params__", (t) => (t as PyType).dict.getStr("__type_params__") ?? EMPTY_TUPLE);
defMethod(TypeType, "mro", (t) => new PyList(computeMro(t as PyType)));
defMethod(TypeType, "__subclasses__", (t) => {
  const out: PyObject[] = [];
  for (const r of (t as PyType).subclasses) {
    const s = r.deref();
    if (s !== undefined && s.bases.includes(t as PyType)) out.push(s);
  }
  return new PyList(out);
});
defMethod(TypeType, "__instancecheck__", (t, args) => {
  const ot = typeOf(args[0]);
  if (ot.isSubtypeOf(t as PyType)) return true;
  const c = ops.getAttrOpt(args[0], "__class__");
  return c instanceof PyType && c !== ot && c.isSubtypeOf(t as PyType);
});
defMethod(TypeType, "__subclasscheck__", (t, args) => {
  const s = args[0];
  if (!(s instanceof PyType)) throw typeError("issubclass() arg 1 must be a class");
  return s.isSubtypeOf(t as PyType);
});
defClassMethod(TypeType, "__prepare__", () => new PyDict());
defMethod(TypeType, "__dir__", (t) => {
  const names = new Set<string>();
  for (const m of (t as PyType).mro) for (const k of m.dict.keyList()) if (typeof k === "string") names.add(k);
  return new PyList([...names]);
});
defMethod(TypeType, "__sizeof__", () => 920);

/** Sets the __module__ of a builtin type (e.g. "collections" for deque). */
export function setTypeModule(t: PyType, module: string): void {
  t.dict.setStr("__module__", module);
}

export { PyMethodDescr, PyModule, RuntimeErrorType };

function DictTypeRef(): PyType {
  return DictType;
}

/** __weakref__ of instances: the first weak reference to the object, or None (set by modules/_weakref.ts). */
export let weakrefGetter: (self: PyObject) => PyObject = () => None;
export function setWeakrefGetter(f: (self: PyObject) => PyObject): void {
  weakrefGetter = f;
}
