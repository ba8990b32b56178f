// Helpers for defining builtin types, methods, properties, functions and native modules on the core object model.
import {
  ClassMethodDescrType,
  None,
  PyBuiltinFunction,
  PyDict,
  PyGetSetDescr,
  PyMethodDescr,
  PyModule,
  PyObject,
  PyType,
  NativeFn,
  NativeMethod,
  newModule,
  typeError,
  PyTuple,
  EMPTY_TUPLE,
  StrType,
  PyStrObj,
} from "./core";

/** Adds a method (`t.name(self, *args)`) implemented in TS. */
export function defMethod(t: PyType, name: string, fn: NativeMethod): PyMethodDescr {
  const d = new PyMethodDescr(name, t, fn);
  t.dict.setStr(name, d);
  return d;
}
export function defMethods(t: PyType, methods: Record<string, NativeMethod>): void {
  for (const name of Object.keys(methods)) defMethod(t, name, methods[name]);
}

/** Adds a classmethod implemented in TS: fn receives the class as `self`. */
export function defClassMethod(t: PyType, name: string, fn: NativeMethod): void {
  t.dict.setStr(name, new PyMethodDescr(name, t, fn, ClassMethodDescrType));
}
/** Adds a staticmethod implemented in TS (e.g. `__new__`, which receives cls as args[0]). */
export function defStaticMethod(t: PyType, name: string, fn: NativeFn): void {
  t.dict.setStr(name, new PyBuiltinFunction(name, fn, null, `${t.name}.${name}`));
}

/** Adds a computed attribute (getter, optional setter; setter receives null for `del`). */
export function defGetSet(t: PyType, name: string, get: (self: PyObject) => PyObject, set: ((self: PyObject, v: PyObject | null) => void) | null = null): void {
  t.dict.setStr(name, new PyGetSetDescr(name, t, get, set));
}

/** A module-level builtin function. */
export function builtinFunction(name: string, fn: NativeFn, module: string | null = null, doc: string | null = null): PyBuiltinFunction {
  return new PyBuiltinFunction(name, fn, null, name, module, doc);
}

/** Creates a native module with the given functions and values. */
export function makeModule(name: string, members: Record<string, PyObject | NativeFn>, doc?: string): PyModule {
  const m = newModule(name);
  m.dict.setStr("__doc__", doc ?? None);
  m.dict.setStr("__package__", "");
  for (const key of Object.keys(members)) {
    const v = members[key];
    m.dict.setStr(key, typeof v === "function" ? builtinFunction(key, v as NativeFn, name) : v);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Argument checking

/** Raises CPython's message when a method taking no arguments got some. */
export function noArgs(name: string, args: PyObject[], kwnames: readonly string[] | null): void {
  if (kwnames !== null && kwnames.length) throw typeError(`${name}() takes no keyword arguments`);
  if (args.length) throw typeError(`${name}() takes no arguments (${args.length} given)`);
}
/** Checks a positional-only arity (min..max), CPython-style messages. */
export function arity(name: string, args: PyObject[], kwnames: readonly string[] | null, min: number, max = min): void {
  if (kwnames !== null && kwnames.length) throw typeError(`${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) throw typeError(`${name}() takes no arguments (${n} given)`);
    if (min === 1) throw typeError(`${name}() takes exactly one argument (${n} given)`);
    throw typeError(`${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) throw typeError(`${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${n}`);
  throw typeError(`${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${n}`);
}

/**
 * Binds positional + keyword arguments to parameter names (like PyArg_ParseTupleAndKeywords).
 * `names`: parameter names; the first `posOnly` are positional-only; `required` is how many are mandatory.
 * Returns one slot per name (undefined when not given).
 */
export function parseArgs(
  fname: string,
  args: PyObject[],
  kwnames: readonly string[] | null,
  names: readonly string[],
  required = 0,
  posOnly = 0,
  kwOnlyFrom = names.length,
): (PyObject | undefined)[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const out: (PyObject | undefined)[] = new Array(names.length).fill(undefined);
  if (npos > kwOnlyFrom) {
    throw typeError(
      `${fname}() takes at most ${kwOnlyFrom} ${kwOnlyFrom === names.length ? "" : "positional "}argument${kwOnlyFrom === 1 ? "" : "s"} (${npos} given)`,
    );
  }
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const kw = kwnames![k];
    const i = names.indexOf(kw);
    if (i < 0 || i < posOnly) throw typeError(`${fname}() got an unexpected keyword argument '${kw}'`);
    if (out[i] !== undefined) throw typeError(`argument for ${fname}() given by name ('${kw}') and position (${i + 1})`);
    out[i] = args[npos + k];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      throw typeError(`${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}

/** Splits vectorcall args into positional args and a keyword dict. */
export function splitKw(args: PyObject[], kwnames: readonly string[] | null): { pos: PyObject[]; kw: PyDict | null } {
  if (kwnames === null || kwnames.length === 0) return { pos: args, kw: null };
  const n = args.length - kwnames.length;
  const kw = new PyDict();
  for (let i = 0; i < kwnames.length; i++) kw.setStr(kwnames[i], args[n + i]);
  return { pos: args.slice(0, n), kw };
}

export function tupleOf(items: PyObject[]): PyTuple {
  return items.length ? new PyTuple(items) : EMPTY_TUPLE;
}

/** Extracts a JS string from a str argument or raises TypeError "<what> must be str, not X". */
export function argStr(x: PyObject, what: string): string {
  if (typeof x === "string") return x;
  if (x instanceof PyStrObj) return x.value;
  throw typeError(`${what} must be str, not ${x === None ? "None" : typeNameOf(x)}`);
}
function typeNameOf(x: PyObject): string {
  if (typeof x === "number" || typeof x === "bigint") return "int";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "string") return StrType.name;
  return x.type.name;
}
