// The `_contextvars` native module (PEP 567): ContextVar, Token, Context (an immutable mapping swapped on run())
// and copy_context(), with CPython's errors. pypack runs one thread, so there is one current context.
import {
  None,
  PyObject,
  PyBase,
  PyList,
  PyType,
  ObjectType,
  KeyErrorType,
  LookupErrorType,
  RuntimeErrorType,
  makeBuiltinType,
  newException,
  typeError,
  valueError,
  typeOf,
  isStr,
  strValue,
  PyTuple,
  NotImplemented,
} from "../core";
import { makeGenericAlias } from "../objects/genericalias";
import { defClassMethod, defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, arity } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";

export const ContextType: PyType = makeBuiltinType("_contextvars.Context", ObjectType, { subclassable: false });
export const ContextVarType: PyType = makeBuiltinType("_contextvars.ContextVar", ObjectType, { subclassable: false });
export const TokenType: PyType = makeBuiltinType("_contextvars.Token", ObjectType, { subclassable: false });
const TokenMissingType: PyType = makeBuiltinType("Token.MISSING", ObjectType, { subclassable: false });

class PyContext extends PyBase {
  vars = new Map<PyContextVar, PyObject>();
  entered = false;
  prev: PyContext | null = null;
  constructor() {
    super(ContextType);
  }
}
class PyContextVar extends PyBase {
  constructor(
    public name: string,
    public dflt: PyObject | undefined,
  ) {
    super(ContextVarType);
  }
}
class PyToken extends PyBase {
  used = false;
  constructor(
    public ctx: PyContext,
    public cvar: PyContextVar,
    public old: PyObject | undefined,
  ) {
    super(TokenType);
  }
}
const MISSING = new (class extends PyBase {})(TokenMissingType);
TokenMissingType.slots.repr = () => "<Token.MISSING>";

let current = new PyContext();

const C = (x: PyObject): PyContext => {
  if (!(x instanceof PyContext)) throw typeError(`descriptor requires a '_contextvars.Context' object but received '${typeOf(x).name}'`);
  return x;
};
const V = (x: PyObject): PyContextVar => {
  if (!(x instanceof PyContextVar)) throw typeError(`descriptor requires a '_contextvars.ContextVar' object but received '${typeOf(x).name}'`);
  return x;
};
const addr = (x: PyObject): string => "0x" + ops.identityHash(x).toString(16);

function copyOf(ctx: PyContext): PyContext {
  const c = new PyContext();
  c.vars = new Map(ctx.vars);
  return c;
}

/** Context.run: enter `ctx`, call, and restore the previous context even when the call raises. */
export function contextRun(ctx: PyContext, fn: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (ctx.entered) throw newException(RuntimeErrorType, `cannot enter context: ${ops.repr(ctx)} is already entered`);
  ctx.entered = true;
  ctx.prev = current;
  current = ctx;
  try {
    return ops.call(fn, args, kwnames);
  } finally {
    current = ctx.prev;
    ctx.prev = null;
    ctx.entered = false;
  }
}

// ---- Context --------------------------------------------------------------------------------------------------

defStaticMethod(ContextType, "__new__", (args, kw) => {
  if ((kw !== null && kw.length) || args.length > 1) throw typeError("Context() does not accept any arguments");
  return new PyContext();
});
defMethod(ContextType, "run", (self, args, kwnames) => {
  const nkw = kwnames?.length ?? 0;
  if (args.length - nkw < 1) throw typeError("run() missing 1 required positional argument");
  return contextRun(C(self), args[0], args.slice(1), kwnames);
});
defMethod(ContextType, "copy", (self, args, kw) => {
  arity("copy", args, kw, 0);
  return copyOf(C(self));
});
function varKey(k: PyObject): PyContextVar {
  if (!(k instanceof PyContextVar)) throw typeError(`a ContextVar key was expected, got ${ops.repr(k)}`);
  return k;
}
defMethod(ContextType, "__getitem__", (self, args) => {
  const v = C(self).vars.get(varKey(args[0]));
  if (v === undefined) throw newException(KeyErrorType, [args[0]]);
  return v;
});
defMethod(ContextType, "__contains__", (self, args) => {
  return C(self).vars.has(varKey(args[0]));
});
defMethod(ContextType, "get", (self, args, kw) => {
  const [key, dflt] = parseArgs("get", args, kw, ["key", "default"], 1, 2);
  return C(self).vars.get(varKey(key!)) ?? dflt ?? None;
});
defMethod(ContextType, "keys", (self) => ops.getIter(new PyList([...C(self).vars.keys()])));
defMethod(ContextType, "values", (self) => ops.getIter(new PyList([...C(self).vars.values()])));
defMethod(ContextType, "items", (self) => ops.getIter(new PyList([...C(self).vars].map(([k, v]) => new PyTuple([k, v])))));
defMethod(ContextType, "__len__", (self) => C(self).vars.size);
defMethod(ContextType, "__iter__", (self) => ops.getIter(new PyList([...C(self).vars.keys()])));
ContextType.slots.len = (self) => C(self).vars.size;
ContextType.slots.iter = (self) => ops.getIter(new PyList([...C(self).vars.keys()]));
ContextType.dict.setStr("__hash__", None);
defMethod(ContextType, "__eq__", (self, args) => {
  const o = args[0];
  if (!(o instanceof PyContext)) return NotImplemented;
  const a = C(self).vars;
  if (a.size !== o.vars.size) return false;
  for (const [k, v] of a) {
    const w = o.vars.get(k);
    if (w === undefined || !ops.eq(v, w)) return false;
  }
  return true;
});

// ---- ContextVar -----------------------------------------------------------------------------------------------

defStaticMethod(ContextVarType, "__new__", (args, kw) => {
  const [name, dflt] = parseArgs("ContextVar", args.slice(1), kw, ["name", "default"], 1, 1);
  if (!isStr(name!)) throw typeError("context variable name must be a str");
  return new PyContextVar(strValue(name!), dflt);
});
defClassMethod(ContextVarType, "__class_getitem__", (cls, args) => makeGenericAlias(cls, args[0]));
defGetSet(ContextVarType, "name", (self) => V(self).name);
defMethod(ContextVarType, "get", (self, args, kw) => {
  arity("get", args, kw, 0, 1);
  const v = V(self);
  const val = current.vars.get(v);
  if (val !== undefined) return val;
  if (args.length) return args[0];
  if (v.dflt !== undefined) return v.dflt;
  throw newException(LookupErrorType, [v]);
});
defMethod(ContextVarType, "set", (self, args, kw) => {
  arity("set", args, kw, 1);
  const v = V(self);
  const tok = new PyToken(current, v, current.vars.get(v));
  // Contexts are immutable mappings: a set makes a new map so copies taken earlier keep their values.
  const m = new Map(current.vars);
  m.set(v, args[0]);
  current.vars = m;
  return tok;
});
defMethod(ContextVarType, "reset", (self, args, kw) => {
  arity("reset", args, kw, 1);
  const v = V(self);
  const t = args[0];
  if (!(t instanceof PyToken)) throw typeError(`expected an instance of Token, got ${ops.repr(t)}`);
  if (t.used) throw newException(RuntimeErrorType, `${ops.repr(t)} has already been used once`);
  if (t.cvar !== v) throw valueError(`${ops.repr(t)} was created by a different ContextVar`);
  if (t.ctx !== current) throw valueError(`${ops.repr(t)} was created in a different Context`);
  t.used = true;
  const m = new Map(current.vars);
  if (t.old === undefined) m.delete(v);
  else m.set(v, t.old);
  current.vars = m;
  return None;
});
ContextVarType.slots.repr = (self) => {
  const v = V(self);
  const d = v.dflt === undefined ? "" : ` default=${ops.repr(v.dflt)}`;
  return `<ContextVar name=${ops.repr(v.name)}${d} at ${addr(self)}>`;
};
ContextVarType.slots.hash = (self) => ops.identityHash(self);

// ---- Token ------------------------------------------------------------------------------------------------------

const T = (x: PyObject): PyToken => x as PyToken;
defGetSet(TokenType, "var", (self) => T(self).cvar);
defGetSet(TokenType, "old_value", (self) => T(self).old ?? MISSING);
TokenType.dict.setStr("MISSING", MISSING);
defClassMethod(TokenType, "__class_getitem__", (cls, args) => makeGenericAlias(cls, args[0]));
TokenType.slots.repr = (self) => `<Token${T(self).used ? " used" : ""} var=${ops.repr(T(self).cvar)} at ${addr(self)}>`;

registerNativeModule("_contextvars", () =>
  makeModule("_contextvars", {
    Context: ContextType,
    ContextVar: ContextVarType,
    Token: TokenType,
    copy_context: (args, kw) => {
      arity("copy_context", args, kw, 0);
      return copyOf(current);
    },
  }),
);
