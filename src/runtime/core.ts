// The core object model: value representation, PyBase/PyType, attribute lookup caches, the builtin type objects and exceptions.
//
// Representation (see README.md):
//   int   -> JS number (safe integer) or JS bigint (only outside +-(2^53-1)); bool -> JS boolean; str -> JS string;
//   float -> PyFloat; everything else -> an instance of a class extending PyBase (with a `type` pointer).
// This file must not import other runtime files at top level (it is the root of the import graph); late-bound
// operations it needs (hashing, equality, calling) go through `hooks`, filled in by ops.ts.

export type PyObject = number | bigint | boolean | string | PyBase;
/** Vectorcall-like native signature: positional args followed by keyword values named by kwnames. */
export type NativeFn = (args: PyObject[], kwnames: readonly string[] | null) => PyObject;
/** Native method: like NativeFn but with the receiver separate (no array allocation for it). */
export type NativeMethod = (self: PyObject, args: PyObject[], kwnames: readonly string[] | null) => PyObject;

/** Late-bound operations implemented in ops.ts (avoids an import cycle at module initialisation). */
export const hooks = {
  hash: (_x: PyObject): number | bigint => {
    throw new Error("hooks.hash not installed");
  },
  eq: (_a: PyObject, _b: PyObject): boolean => {
    throw new Error("hooks.eq not installed");
  },
  call: (_f: PyObject, _args: PyObject[], _kw: readonly string[] | null): PyObject => {
    throw new Error("hooks.call not installed");
  },
  repr: (_x: PyObject): string => {
    throw new Error("hooks.repr not installed");
  },
};

export class PyBase {
  /** Instance dict (user classes, modules, functions); null when the layout has none. */
  dict: PyDict | null = null;
  /** Values of __slots__ members, indexed by the member descriptor's index. */
  slotValues: (PyObject | undefined)[] | null = null;
  constructor(public type: PyType) {}
}

/** Plain instances of user classes (layout of `object`). */
export class PyInstance extends PyBase {}

// ---------------------------------------------------------------------------------------------------------------
// Dict: insertion-ordered hash table with a fast path for exact str keys.

/** DictType before it exists (the first dicts are made while bootstrapping type/object/dict). */
let dictTypeBoot: PyType | null = null;

const DELETED: unique symbol = Symbol("deleted");
type Slot = PyObject | typeof DELETED;

export class PyDict extends PyBase {
  keys: Slot[] = [];
  values: PyObject[] = [];
  /** Index into keys/values for exact-str keys. */
  strIndex = new Map<string, number>();
  /** Index lists for other keys, by Python hash. Stored as number when possible. */
  hashIndex: Map<number | bigint, number[]> | null = null;
  size = 0;
  /** Bumped on every insertion/deletion: iterators use it to detect "changed size during iteration". */
  version = 0;
  constructor(type?: PyType) {
    super(type ?? (dictTypeBoot as PyType));
  }

  private findOther(key: PyObject, h: number | bigint): number {
    if (this.hashIndex === null) return -1;
    const lst = this.hashIndex.get(h);
    if (lst === undefined) return -1;
    for (let i = 0; i < lst.length; i++) {
      const k = this.keys[lst[i]];
      if (k === key || (k !== DELETED && hooks.eq(k, key))) return lst[i];
    }
    return -1;
  }

  /** Returns the entry index of key or -1. */
  indexOf(key: PyObject): number {
    if (typeof key === "string") {
      const i = this.strIndex.get(key);
      return i === undefined ? -1 : i;
    }
    return this.findOther(key, dictHash(key));
  }

  get(key: PyObject): PyObject | undefined {
    if (typeof key === "string") {
      const i = this.strIndex.get(key);
      return i === undefined ? undefined : this.values[i];
    }
    const i = this.findOther(key, dictHash(key));
    return i < 0 ? undefined : this.values[i];
  }

  getStr(key: string): PyObject | undefined {
    const i = this.strIndex.get(key);
    return i === undefined ? undefined : this.values[i];
  }

  setStr(key: string, value: PyObject): void {
    const i = this.strIndex.get(key);
    if (i !== undefined) {
      this.values[i] = value;
      return;
    }
    this.strIndex.set(key, this.keys.length);
    this.keys.push(key);
    this.values.push(value);
    this.size++;
    this.version++;
  }

  set(key: PyObject, value: PyObject): void {
    if (typeof key === "string") return this.setStr(key, value);
    const h = dictHash(key);
    const i = this.findOther(key, h);
    if (i >= 0) {
      this.values[i] = value;
      return;
    }
    if (this.hashIndex === null) this.hashIndex = new Map();
    const idx = this.keys.length;
    const lst = this.hashIndex.get(h);
    if (lst === undefined) this.hashIndex.set(h, [idx]);
    else lst.push(idx);
    this.keys.push(key);
    this.values.push(value);
    this.size++;
    this.version++;
  }

  /** Deletes key; returns the old value or undefined when absent. */
  delete(key: PyObject): PyObject | undefined {
    let i: number;
    if (typeof key === "string") {
      const j = this.strIndex.get(key);
      if (j === undefined) return undefined;
      this.strIndex.delete(key);
      i = j;
    } else {
      const h = dictHash(key);
      i = this.findOther(key, h);
      if (i < 0) return undefined;
      const lst = this.hashIndex!.get(h)!;
      lst.splice(lst.indexOf(i), 1);
      if (lst.length === 0) this.hashIndex!.delete(h);
    }
    const old = this.values[i];
    this.keys[i] = DELETED;
    this.values[i] = None;
    this.size--;
    this.version++;
    if (this.keys.length > 16 && this.size < this.keys.length / 2) this.compact();
    return old;
  }

  private compact(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.clear();
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k !== DELETED) this.set(k, oldValues[i]);
    }
  }

  clear(): void {
    this.keys = [];
    this.values = [];
    this.strIndex = new Map();
    this.hashIndex = null;
    this.size = 0;
    this.version++;
  }

  /** Entry positions are stable until a deletion compacts; iterate with entryAt(i) for i < capacity. */
  get capacity(): number {
    return this.keys.length;
  }
  keyAt(i: number): PyObject | undefined {
    const k = this.keys[i];
    return k === DELETED ? undefined : k;
  }

  *entries(): Generator<[PyObject, PyObject]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== DELETED) yield [k, this.values[i]];
    }
  }
  keyList(): PyObject[] {
    const out: PyObject[] = [];
    for (const k of this.keys) if (k !== DELETED) out.push(k);
    return out;
  }
  valueList(): PyObject[] {
    const out: PyObject[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== DELETED) out.push(this.values[i]);
    return out;
  }
  /** Removes and returns the last inserted entry (dict.popitem). */
  popLast(): [PyObject, PyObject] | undefined {
    for (let i = this.keys.length - 1; i >= 0; i--) {
      const k = this.keys[i];
      if (k !== DELETED) {
        const v = this.values[i];
        this.delete(k);
        return [k, v];
      }
    }
    return undefined;
  }
}

/** Hash used for non-str dict keys (str subclasses with inherited hashing hash like their value). */
function dictHash(key: PyObject): number | bigint {
  if (typeof key === "number") return key === -1 ? -2 : key;
  return hooks.hash(key);
}

// ---------------------------------------------------------------------------------------------------------------
// Types

/** Slot functions: direct TS implementations of special methods, as CPython's tp_* slots. */
export interface TypeSlots {
  call?: (self: PyObject, args: PyObject[], kwnames: readonly string[] | null) => PyObject;
  /** Returns the next item or undefined when exhausted (no StopIteration throw in the hot path). */
  next?: (self: PyObject) => PyObject | undefined;
  iter?: (self: PyObject) => PyObject;
  descrGet?: (descr: PyObject, obj: PyObject | null, type: PyType) => PyObject;
  descrSet?: (descr: PyObject, obj: PyObject, value: PyObject | null) => void;
  /** undefined means object.__getattribute__ (ops.genericGetAttr); with suppress, a missing attribute returns undefined */
  getattro?: (self: PyObject, name: string, suppress: boolean) => PyObject | undefined;
  /** undefined means object.__setattr__ (ops.genericSetAttr); value null deletes */
  setattro?: (self: PyObject, name: string, value: PyObject | null) => void;
  repr?: (self: PyObject) => string;
  str?: (self: PyObject) => string;
  hash?: (self: PyObject) => number | bigint;
  len?: (self: PyObject) => number;
  bool?: (self: PyObject) => boolean;
}

let nextTypeVersion = 1;

export class PyType extends PyBase {
  override dict: PyDict;
  name: string;
  qualname: string;
  bases: PyType[];
  base: PyType | null;
  mro: PyType[] = [];
  /** Builtin type whose instance layout instances of this type use (the "solid base"). */
  layout: PyType;
  /** True for classes made by `class` statements / type(name, bases, dict). */
  heap: boolean;
  /** Whether instances get a __dict__. */
  instDict: boolean;
  /** Creates a bare instance of this layout for `cls` (object.__new__ and friends). */
  alloc: ((cls: PyType) => PyBase) | null = null;
  slots: TypeSlots = {};
  /** Method cache: name -> attribute found along the MRO (or null when absent). Cleared on version bump. */
  cache = new Map<string, PyObject | null>();
  version = nextTypeVersion++;
  subclasses: WeakRef<PyType>[] = [];
  /** Number of __slots__ members of this type and its bases (indexes into slotValues). */
  nslots = 0;
  /** Instances support weak references (heap types: no __slots__, or __weakref__ in them, or a base that does). */
  weakrefSlot = false;
  /** Flags CPython keeps in tp_flags that Python code can observe. */
  isAbstract = false;
  finalizable = true;
  /** For builtin classes that cannot be subclassed (bool, NoneType...). */
  baseType = true;
  doc: string | null = null;

  constructor(meta: PyType | null, name: string, bases: PyType[], heap: boolean) {
    super(meta as PyType);
    this.name = name;
    this.qualname = name;
    this.bases = bases;
    this.base = bases.length ? bases[0] : null;
    this.dict = new PyDict(dictTypeBoot as PyType);
    this.heap = heap;
    this.layout = this;
    this.instDict = false;
  }

  /** Attribute lookup along the MRO without descriptors (CPython's _PyType_Lookup), cached. */
  lookup(name: string): PyObject | undefined {
    const c = this.cache.get(name);
    if (c !== undefined) return c === null ? undefined : c;
    let found: PyObject | undefined;
    for (const t of this.mro) {
      const v = t.dict.getStr(name);
      if (v !== undefined) {
        found = v;
        break;
      }
    }
    this.cache.set(name, found === undefined ? null : found);
    return found;
  }

  /** Invalidates cached lookups of this type and all its subclasses (after a class attribute changed). */
  modified(): void {
    this.cache.clear();
    this.version = nextTypeVersion++;
    for (const ref of this.subclasses) {
      const sub = ref.deref();
      if (sub !== undefined) sub.modified();
    }
    if (onTypeModified) onTypeModified(this);
  }

  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  get moduleName(): string {
    const m = this.dict.getStr("__module__");
    return typeof m === "string" ? m : "builtins";
  }
}

/** Hook run after a type changed (ops.ts recomputes heap-type slots). */
export let onTypeModified: ((t: PyType) => void) | null = null;
export function setOnTypeModified(f: (t: PyType) => void): void {
  onTypeModified = f;
}

/** C3 linearisation; throws a message string on failure. */
export function computeMro(t: PyType): PyType[] {
  const seqs: PyType[][] = t.bases.map((b) => b.mro.slice());
  seqs.push(t.bases.slice());
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((o) => o.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (cand === null) {
      const heads: string[] = [];
      for (const s of nonEmpty) if (!heads.includes(s[0].name)) heads.push(s[0].name);
      throw new MroError(`Cannot create a consistent method resolution\norder (MRO) for bases ${heads.join(", ")}`);
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}
export class MroError extends Error {}

// Bootstrap of the fundamental types: `type` and `object` refer to each other.
export const TypeType: PyType = new PyType(null, "type", [], false);
TypeType.type = TypeType;
export const ObjectType: PyType = new PyType(TypeType, "object", [], false);
ObjectType.mro = [ObjectType];
ObjectType.alloc = (cls) => new PyInstance(cls);
TypeType.bases = [ObjectType];
TypeType.base = ObjectType;
TypeType.mro = [TypeType, ObjectType];
// DictType is needed by PyType's constructor; patch dicts created before it existed.
export const DictType: PyType = new PyType(TypeType, "dict", [ObjectType], false);
DictType.mro = [DictType, ObjectType];
dictTypeBoot = DictType;
TypeType.dict.type = DictType;
ObjectType.dict.type = DictType;
DictType.dict.type = DictType;
DictType.alloc = (cls) => new PyDict(cls);

/** Every builtin type, in creation order (objects/index.ts finalises their slots once all files are loaded). */
export const allBuiltinTypes: PyType[] = [];

/** Creates a builtin (static) type. */
export function makeBuiltinType(name: string, base: PyType = ObjectType, opts: { alloc?: (cls: PyType) => PyBase; subclassable?: boolean } = {}): PyType {
  const t = new PyType(TypeType, name, [base], false);
  // A dotted name is CPython's tp_name of a type defined in a C module ("collections.deque"): error messages show it
  // whole, while __name__/__qualname__ are the last part and __module__ the rest.
  const dot = name.lastIndexOf(".");
  if (dot >= 0) {
    t.qualname = name.slice(dot + 1);
    t.dict.setStr("__module__", name.slice(0, dot));
  }
  t.mro = [t, ...base.mro];
  t.alloc = opts.alloc ?? base.alloc;
  t.layout = opts.alloc ? t : base.layout;
  t.slots = { ...base.slots };
  t.baseType = opts.subclassable ?? true;
  base.subclasses.push(new WeakRef(t));
  allBuiltinTypes.push(t);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Core value classes

export class PyNoneType extends PyBase {}
export class PySingleton extends PyBase {
  constructor(
    type: PyType,
    readonly reprText: string,
  ) {
    super(type);
  }
}

export const NoneType = makeBuiltinType("NoneType", ObjectType, { subclassable: false });
export const None: PyBase = new PyNoneType(NoneType);
export const NotImplementedType = makeBuiltinType("NotImplementedType", ObjectType, { subclassable: false });
export const NotImplemented: PyBase = new PySingleton(NotImplementedType, "NotImplemented");
export const EllipsisType = makeBuiltinType("ellipsis", ObjectType, { subclassable: false });
export const Ellipsis: PyBase = new PySingleton(EllipsisType, "Ellipsis");

export const IntType = makeBuiltinType("int", ObjectType, { alloc: (cls) => new PyIntObj(cls, 0) });
export const BoolType = makeBuiltinType("bool", IntType, { subclassable: false });
export const FloatType = makeBuiltinType("float", ObjectType, { alloc: (cls) => new PyFloat(0, cls) });
export const StrType = makeBuiltinType("str", ObjectType, { alloc: (cls) => new PyStrObj(cls, "") });
export const TupleType = makeBuiltinType("tuple", ObjectType, { alloc: (cls) => new PyTuple([], cls) });
export const ListType = makeBuiltinType("list", ObjectType, { alloc: (cls) => new PyList([], cls) });

/** Instances of int subclasses (plain ints are JS numbers/bigints). */
export class PyIntObj extends PyBase {
  constructor(
    type: PyType,
    public value: number | bigint,
  ) {
    super(type);
  }
}
/** Instances of str subclasses (plain strs are JS strings). */
export class PyStrObj extends PyBase {
  constructor(
    type: PyType,
    public value: string,
  ) {
    super(type);
  }
}
export class PyFloat extends PyBase {
  constructor(
    public value: number,
    type?: PyType,
  ) {
    super(type ?? FloatType);
  }
}
export class PyTuple extends PyBase {
  constructor(
    public items: PyObject[],
    type?: PyType,
  ) {
    super(type ?? TupleType);
  }
}
export class PyList extends PyBase {
  constructor(
    public items: PyObject[],
    type?: PyType,
  ) {
    super(type ?? ListType);
  }
}

export const EMPTY_TUPLE = new PyTuple([]);

export function newFloat(v: number): PyFloat {
  return new PyFloat(v);
}
export function newTuple(items: PyObject[]): PyTuple {
  return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
}
export function newList(items: PyObject[]): PyList {
  return new PyList(items);
}
export function newDict(): PyDict {
  return new PyDict(DictType);
}

/** The Python type of any value. */
export function typeOf(x: PyObject): PyType {
  switch (typeof x) {
    case "number":
    case "bigint":
      return IntType;
    case "string":
      return StrType;
    case "boolean":
      return BoolType;
    default:
      return x.type;
  }
}

export function isinstance(x: PyObject, t: PyType): boolean {
  const xt = typeOf(x);
  return xt === t || xt.isSubtypeOf(t);
}

/** Normalises a bigint result back to a JS number when it fits. */
export function normBig(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

export function isInt(x: PyObject): x is number | bigint | boolean | PyIntObj {
  const t = typeof x;
  return t === "number" || t === "bigint" || t === "boolean" || x instanceof PyIntObj;
}
/** int value of an int/bool/int-subclass instance (caller checked isInt). */
export function intValue(x: PyObject): number | bigint {
  if (typeof x === "number" || typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  return (x as PyIntObj).value;
}
export function isStr(x: PyObject): x is string | PyStrObj {
  return typeof x === "string" || x instanceof PyStrObj;
}
export function strValue(x: PyObject): string {
  return typeof x === "string" ? x : (x as PyStrObj).value;
}

// ---------------------------------------------------------------------------------------------------------------
// Native functions, methods and descriptors

export const BuiltinFunctionType = makeBuiltinType("builtin_function_or_method", ObjectType, { subclassable: false });
export const MethodDescrType = makeBuiltinType("method_descriptor", ObjectType, { subclassable: false });
export const ClassMethodDescrType = makeBuiltinType("classmethod_descriptor", ObjectType, { subclassable: false });
export const GetSetDescrType = makeBuiltinType("getset_descriptor", ObjectType, { subclassable: false });
export const MemberDescrType = makeBuiltinType("member_descriptor", ObjectType, { subclassable: false });
export const WrapperDescrType = makeBuiltinType("wrapper_descriptor", ObjectType, { subclassable: false });

/** A builtin function, or a builtin method bound to `self` (self !== null). */
export class PyBuiltinFunction extends PyBase {
  constructor(
    public name: string,
    public fn: NativeFn,
    public self: PyObject | null = null,
    public qualname: string = name,
    public module: string | null = null,
    public doc: string | null = null,
  ) {
    super(BuiltinFunctionType);
  }
}
/** A method of a builtin type (str.upper...): binds to instances via descrGet. */
export class PyMethodDescr extends PyBase {
  constructor(
    public name: string,
    public owner: PyType,
    public fn: NativeMethod,
    type?: PyType,
  ) {
    super(type ?? MethodDescrType);
  }
}
/** A computed attribute of a builtin type (function.__name__...). */
export class PyGetSetDescr extends PyBase {
  constructor(
    public name: string,
    public owner: PyType,
    public get: (self: PyObject) => PyObject,
    public set: ((self: PyObject, value: PyObject | null) => void) | null,
  ) {
    super(GetSetDescrType);
  }
}
/** A __slots__ member. */
export class PyMemberDescr extends PyBase {
  constructor(
    public name: string,
    public owner: PyType,
    public index: number,
  ) {
    super(MemberDescrType);
  }
}

/** A Python method bound to an object (`obj.f` where f is a Python function). */
export const MethodType = makeBuiltinType("method", ObjectType, { subclassable: false });
export class PyMethod extends PyBase {
  constructor(
    public func: PyObject,
    public self: PyObject,
  ) {
    super(MethodType);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Exceptions. Python exceptions are PyBaseException instances; TS code raises them with `throw exc` (the object itself).

export const BaseExceptionType = makeBuiltinType("BaseException", ObjectType, { alloc: (cls) => new PyBaseException(cls, EMPTY_TUPLE) });

export interface TracebackEntry {
  /** the frame object (interpreter Frame) or null for native frames */
  frame: PyBase | null;
  lasti: number;
  lineno: number;
}

export class PyBaseException extends PyBase {
  traceback: PyBase | null = null; // a PyTraceback, set by the interpreter
  cause: PyObject = None;
  context: PyObject = None;
  suppressContext = false;
  notes: PyObject | undefined;
  /** extra attributes for specific exception classes (e.g. StopIteration.value, OSError.errno, SyntaxError fields) */
  constructor(
    type: PyType,
    public args: PyTuple,
  ) {
    super(type);
    this.dict = new PyDict(DictType);
  }
}

export const excTypes = new Map<string, PyType>();
function exc(name: string, base: PyType): PyType {
  const t = makeBuiltinType(name, base);
  t.dict.setStr("__module__", "builtins");
  excTypes.set(name, t);
  return t;
}
excTypes.set("BaseException", BaseExceptionType);
export const BaseExceptionGroupType = exc("BaseExceptionGroup", BaseExceptionType);
export const SystemExitType = exc("SystemExit", BaseExceptionType);
export const KeyboardInterruptType = exc("KeyboardInterrupt", BaseExceptionType);
export const GeneratorExitType = exc("GeneratorExit", BaseExceptionType);
export const ExceptionType = exc("Exception", BaseExceptionType);
export const StopIterationType = exc("StopIteration", ExceptionType);
export const StopAsyncIterationType = exc("StopAsyncIteration", ExceptionType);
export const ArithmeticErrorType = exc("ArithmeticError", ExceptionType);
export const FloatingPointErrorType = exc("FloatingPointError", ArithmeticErrorType);
export const OverflowErrorType = exc("OverflowError", ArithmeticErrorType);
export const ZeroDivisionErrorType = exc("ZeroDivisionError", ArithmeticErrorType);
export const AssertionErrorType = exc("AssertionError", ExceptionType);
export const AttributeErrorType = exc("AttributeError", ExceptionType);
export const BufferErrorType = exc("BufferError", ExceptionType);
export const EOFErrorType = exc("EOFError", ExceptionType);
export const ExceptionGroupType = makeExceptionGroup();
export const ImportErrorType = exc("ImportError", ExceptionType);
export const ModuleNotFoundErrorType = exc("ModuleNotFoundError", ImportErrorType);
export const LookupErrorType = exc("LookupError", ExceptionType);
export const IndexErrorType = exc("IndexError", LookupErrorType);
export const KeyErrorType = exc("KeyError", LookupErrorType);
export const MemoryErrorType = exc("MemoryError", ExceptionType);
export const NameErrorType = exc("NameError", ExceptionType);
export const UnboundLocalErrorType = exc("UnboundLocalError", NameErrorType);
export const OSErrorType = exc("OSError", ExceptionType);
export const BlockingIOErrorType = exc("BlockingIOError", OSErrorType);
export const ChildProcessErrorType = exc("ChildProcessError", OSErrorType);
export const ConnectionErrorType = exc("ConnectionError", OSErrorType);
export const BrokenPipeErrorType = exc("BrokenPipeError", ConnectionErrorType);
export const ConnectionAbortedErrorType = exc("ConnectionAbortedError", ConnectionErrorType);
export const ConnectionRefusedErrorType = exc("ConnectionRefusedError", ConnectionErrorType);
export const ConnectionResetErrorType = exc("ConnectionResetError", ConnectionErrorType);
export const FileExistsErrorType = exc("FileExistsError", OSErrorType);
export const FileNotFoundErrorType = exc("FileNotFoundError", OSErrorType);
export const InterruptedErrorType = exc("InterruptedError", OSErrorType);
export const IsADirectoryErrorType = exc("IsADirectoryError", OSErrorType);
export const NotADirectoryErrorType = exc("NotADirectoryError", OSErrorType);
export const PermissionErrorType = exc("PermissionError", OSErrorType);
export const ProcessLookupErrorType = exc("ProcessLookupError", OSErrorType);
export const TimeoutErrorType = exc("TimeoutError", OSErrorType);
export const ReferenceErrorType = exc("ReferenceError", ExceptionType);
export const RuntimeErrorType = exc("RuntimeError", ExceptionType);
export const NotImplementedErrorType = exc("NotImplementedError", RuntimeErrorType);
export const RecursionErrorType = exc("RecursionError", RuntimeErrorType);
export const SyntaxErrorType = exc("SyntaxError", ExceptionType);
export const IndentationErrorType = exc("IndentationError", SyntaxErrorType);
export const TabErrorType = exc("TabError", IndentationErrorType);
export const SystemErrorType = exc("SystemError", ExceptionType);
export const TypeErrorType = exc("TypeError", ExceptionType);
export const ValueErrorType = exc("ValueError", ExceptionType);
export const UnicodeErrorType = exc("UnicodeError", ValueErrorType);
export const UnicodeDecodeErrorType = exc("UnicodeDecodeError", UnicodeErrorType);
export const UnicodeEncodeErrorType = exc("UnicodeEncodeError", UnicodeErrorType);
export const UnicodeTranslateErrorType = exc("UnicodeTranslateError", UnicodeErrorType);
export const WarningType = exc("Warning", ExceptionType);
export const BytesWarningType = exc("BytesWarning", WarningType);
export const DeprecationWarningType = exc("DeprecationWarning", WarningType);
export const EncodingWarningType = exc("EncodingWarning", WarningType);
export const FutureWarningType = exc("FutureWarning", WarningType);
export const ImportWarningType = exc("ImportWarning", WarningType);
export const PendingDeprecationWarningType = exc("PendingDeprecationWarning", WarningType);
export const ResourceWarningType = exc("ResourceWarning", WarningType);
export const RuntimeWarningType = exc("RuntimeWarning", WarningType);
export const SyntaxWarningType = exc("SyntaxWarning", WarningType);
export const UnicodeWarningType = exc("UnicodeWarning", WarningType);
export const UserWarningType = exc("UserWarning", WarningType);

function makeExceptionGroup(): PyType {
  // ExceptionGroup(BaseExceptionGroup, Exception)
  const t = new PyType(TypeType, "ExceptionGroup", [BaseExceptionGroupType, ExceptionType], false);
  t.mro = computeMro(t);
  t.alloc = BaseExceptionType.alloc;
  t.layout = BaseExceptionType;
  t.slots = { ...BaseExceptionGroupType.slots };
  BaseExceptionGroupType.subclasses.push(new WeakRef(t));
  ExceptionType.subclasses.push(new WeakRef(t));
  t.dict.setStr("__module__", "builtins");
  excTypes.set("ExceptionGroup", t);
  return t;
}

/** Creates an exception instance of a builtin exception type with a message (or custom args). */
export function newException(type: PyType, msg?: string | PyObject[]): PyBaseException {
  const args = msg === undefined ? EMPTY_TUPLE : typeof msg === "string" ? new PyTuple([msg]) : new PyTuple(msg);
  return new PyBaseException(type, args);
}

export function typeError(msg: string): PyBaseException {
  return newException(TypeErrorType, msg);
}
export function valueError(msg: string): PyBaseException {
  return newException(ValueErrorType, msg);
}
export function attributeError(msg: string, obj?: PyObject, name?: string): PyBaseException {
  const e = newException(AttributeErrorType, msg);
  if (name !== undefined) {
    e.dict!.setStr("name", name);
    e.dict!.setStr("obj", obj ?? None);
  }
  return e;
}
export function indexError(msg: string): PyBaseException {
  return newException(IndexErrorType, msg);
}
export function keyError(key: PyObject): PyBaseException {
  return newException(KeyErrorType, [key]);
}
export function overflowError(msg: string): PyBaseException {
  return newException(OverflowErrorType, msg);
}
export function zeroDivisionError(msg: string): PyBaseException {
  return newException(ZeroDivisionErrorType, msg);
}
export function runtimeError(msg: string): PyBaseException {
  return newException(RuntimeErrorType, msg);
}
export function notImplementedError(msg: string): PyBaseException {
  return newException(NotImplementedErrorType, msg);
}
export function nameError(msg: string, name?: string): PyBaseException {
  const e = newException(NameErrorType, msg);
  if (name !== undefined) e.dict!.setStr("name", name);
  return e;
}

/** Name of the type for messages: "'int' object is not callable". */
export function typeName(x: PyObject): string {
  return typeOf(x).name;
}

// ---------------------------------------------------------------------------------------------------------------
// Functions, code, cells, modules (data only; their Python-visible methods live in objects/*.ts)

import type { CodeObject } from "../compiler/code";

export const CodeType = makeBuiltinType("code", ObjectType, { subclassable: false });
export class PyCode extends PyBase {
  /** Constants converted to Python objects (filled lazily by the interpreter). */
  consts: PyObject[] | null = null;
  /** LOAD_GLOBAL inline cache per instruction: entry index in the globals dict (>= 0) or -1. */
  globalCache: Int32Array | null = null;
  /** LOAD_ATTR/STORE_ATTR inline cache per instruction: the type seen, its version, and the MRO lookup result. */
  attrTypes: (PyType | null)[] | null = null;
  attrVersions: Int32Array | null = null;
  attrDescr: (PyObject | null)[] | null = null;
  constructor(public co: CodeObject) {
    super(CodeType);
  }
}

export const CellType = makeBuiltinType("cell", ObjectType, { subclassable: false });
export class PyCell extends PyBase {
  constructor(public value: PyObject | undefined) {
    super(CellType);
  }
}

export const FunctionType = makeBuiltinType("function", ObjectType, { subclassable: false });
export class PyFunction extends PyBase {
  name: string;
  qualname: string;
  defaults: PyObject[] | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyCell[] | null = null;
  annotations: PyObject | null = null;
  doc: PyObject = None;
  module: PyObject;
  builtins: PyDict;
  typeParams: PyObject | null = null;
  constructor(
    public code: PyCode,
    public globals: PyDict,
    builtins: PyDict,
  ) {
    super(FunctionType);
    this.name = code.co.co_name;
    this.qualname = code.co.co_qualname;
    this.builtins = builtins;
    const m = globals.getStr("__name__");
    this.module = m === undefined ? None : m;
  }
}

export const ModuleType = makeBuiltinType("module", ObjectType, { alloc: (cls) => new PyModule(cls, "?") });
export class PyModule extends PyBase {
  declare dict: PyDict;
  constructor(type: PyType, name: string) {
    super(type);
    this.dict = new PyDict(DictType);
    this.dict.setStr("__name__", name);
  }
  get name(): string {
    const n = this.dict.getStr("__name__");
    return typeof n === "string" ? n : "?";
  }
}
export function newModule(name: string): PyModule {
  return new PyModule(ModuleType, name);
}

// ---------------------------------------------------------------------------------------------------------------
// Other core data classes (methods in objects/*.ts)

export const SliceType = makeBuiltinType("slice", ObjectType, { subclassable: false });
export class PySlice extends PyBase {
  constructor(
    public start: PyObject,
    public stop: PyObject,
    public step: PyObject,
  ) {
    super(SliceType);
  }
}

export const BytesType = makeBuiltinType("bytes", ObjectType, { alloc: (cls) => new PyBytes(new Uint8Array(0), cls) });
export const ByteArrayType = makeBuiltinType("bytearray", ObjectType, { alloc: (cls) => new PyByteArray(new Uint8Array(0), cls) });
export class PyBytes extends PyBase {
  constructor(
    public data: Uint8Array,
    type?: PyType,
  ) {
    super(type ?? BytesType);
  }
}
/** bytearray: `data` has spare capacity; `length` is the logical size. */
export class PyByteArray extends PyBase {
  length: number;
  exports = 0;
  constructor(
    public data: Uint8Array,
    type?: PyType,
  ) {
    super(type ?? ByteArrayType);
    this.length = data.length;
  }
}

export const ComplexType = makeBuiltinType("complex", ObjectType, { alloc: (cls) => new PyComplex(0, 0, cls) });
export class PyComplex extends PyBase {
  constructor(
    public real: number,
    public imag: number,
    type?: PyType,
  ) {
    super(type ?? ComplexType);
  }
}

export const PropertyType = makeBuiltinType("property", ObjectType, { alloc: (cls) => new PyProperty(cls) });
export class PyProperty extends PyBase {
  fget: PyObject = None;
  fset: PyObject = None;
  fdel: PyObject = None;
  pdoc: PyObject = None;
  name: PyObject = None;
  constructor(type?: PyType) {
    super(type ?? PropertyType);
  }
}
export const ClassMethodType = makeBuiltinType("classmethod", ObjectType, { alloc: (cls) => new PyClassMethod(None, cls) });
export class PyClassMethod extends PyBase {
  constructor(
    public func: PyObject,
    type?: PyType,
  ) {
    super(type ?? ClassMethodType);
    this.dict = new PyDict(DictType);
  }
}
export const StaticMethodType = makeBuiltinType("staticmethod", ObjectType, { alloc: (cls) => new PyStaticMethod(None, cls) });
export class PyStaticMethod extends PyBase {
  constructor(
    public func: PyObject,
    type?: PyType,
  ) {
    super(type ?? StaticMethodType);
    this.dict = new PyDict(DictType);
  }
}
