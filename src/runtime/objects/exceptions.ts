// The exception hierarchy's behaviour: BaseException (args, str/repr, traceback, cause/context, notes), the attributes
// of StopIteration/SystemExit/KeyError/OSError/SyntaxError/ImportError/NameError/AttributeError/Unicode*Error, and
// (Base)ExceptionGroup with split/subgroup/derive and except* support.
import {
  BaseExceptionType,
  BaseExceptionGroupType,
  ExceptionGroupType,
  ExceptionType,
  None,
  PyBaseException,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  PyDict,
  StopIterationType,
  SystemExitType,
  KeyErrorType,
  OSErrorType,
  SyntaxErrorType,
  ImportErrorType,
  NameErrorType,
  AttributeErrorType,
  UnicodeDecodeErrorType,
  UnicodeEncodeErrorType,
  EMPTY_TUPLE,
  typeError,
  typeOf,
  valueError,
  excTypes,
  isInt,
  intValue,
  PyBytes,
  StopAsyncIterationType,
} from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod } from "../define";
import { egHooks, PyTraceback } from "../interpreter";

function E(x: PyObject): PyBaseException {
  return x as PyBaseException;
}

defStaticMethod(BaseExceptionType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const { pos } = splitPos(args.slice(1), kw);
  const e = new PyBaseException(cls, pos.length ? new PyTuple(pos) : EMPTY_TUPLE);
  if (kw !== null && kw.length && cls.lookup("__init__") === BaseExceptionType.dict.getStr("__init__")) {
    throw typeError(`${cls.name}() takes no keyword arguments`);
  }
  return e;
});
function splitPos(args: PyObject[], kw: readonly string[] | null): { pos: PyObject[] } {
  const n = kw === null ? 0 : kw.length;
  return { pos: n ? args.slice(0, args.length - n) : args };
}
defMethod(BaseExceptionType, "__init__", (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError(`${typeOf(self).name}() takes no keyword arguments`);
  E(self).args = args.length ? new PyTuple(args.slice()) : EMPTY_TUPLE;
  return None;
});
function excStr(self: PyObject): string {
  const a = E(self).args.items;
  if (a.length === 0) return "";
  if (a.length === 1) return ops.str(a[0]);
  return ops.repr(E(self).args);
}
defMethod(BaseExceptionType, "__str__", (self) => excStr(self));
defMethod(BaseExceptionType, "__repr__", (self) => {
  const a = E(self).args.items;
  const name = typeOf(self).name;
  if (a.length === 1) return `${name}(${ops.repr(a[0])})`;
  return `${name}${ops.repr(E(self).args)}`;
});
defGetSet(BaseExceptionType, "args", (self) => E(self).args, (self, v) => {
  E(self).args = v === null ? EMPTY_TUPLE : new PyTuple(ops.toArray(v));
});
defGetSet(BaseExceptionType, "__traceback__", (self) => E(self).traceback ?? None, (self, v) => {
  if (v !== None && v !== null && !(v instanceof PyTraceback)) throw typeError("__traceback__ must be a traceback or None");
  E(self).traceback = v === None || v === null ? null : v;
});
defGetSet(BaseExceptionType, "__cause__", (self) => E(self).cause, (self, v) => {
  if (v !== null && v !== None && !(v instanceof PyBaseException)) throw typeError("exception cause must be None or derive from BaseException");
  E(self).cause = v ?? None;
  E(self).suppressContext = true;
});
defGetSet(BaseExceptionType, "__context__", (self) => E(self).context, (self, v) => {
  if (v !== null && v !== None && !(v instanceof PyBaseException)) throw typeError("exception context must be None or derive from BaseException");
  E(self).context = v ?? None;
});
defGetSet(BaseExceptionType, "__suppress_context__", (self) => E(self).suppressContext, (self, v) => {
  E(self).suppressContext = v !== null && ops.truthy(v);
});
defGetSet(BaseExceptionType, "__dict__", (self) => E(self).dict!);
defMethod(BaseExceptionType, "with_traceback", (self, args) => {
  const tb = args[0];
  E(self).traceback = tb === None ? null : (tb as PyTraceback);
  return self;
});
defMethod(BaseExceptionType, "add_note", (self, args) => {
  const note = args[0];
  if (typeof note !== "string" && !ops.isInstanceOf(note, ops.StrType)) {
    throw typeError(`note must be a str, not '${typeOf(note).name}'`);
  }
  let notes = E(self).dict!.getStr("__notes__");
  if (notes === undefined) {
    notes = new PyList([]);
    E(self).dict!.setStr("__notes__", notes);
  }
  if (!(notes instanceof PyList)) throw typeError("Cannot add note: __notes__ is not a list");
  notes.items.push(note);
  return None;
});
defMethod(BaseExceptionType, "__reduce__", (self) => {
  const d = E(self).dict!;
  return d.size ? new PyTuple([typeOf(self), E(self).args, d]) : new PyTuple([typeOf(self), E(self).args]);
});
defMethod(BaseExceptionType, "__setstate__", (self, args) => {
  const st = args[0];
  if (st instanceof PyDict) for (const [k, v] of st.entries()) ops.setAttr(self, ops.pyStr(k), v);
  return None;
});
BaseExceptionType.instDict = true;

/** Defines an attribute stored in the exception's dict with a default. */
function attr(t: PyType, name: string, dflt: PyObject = None): void {
  defGetSet(t, name, (self) => {
    const v = E(self).dict!.getStr(name);
    return v === undefined ? dflt : v;
  }, (self, v) => {
    if (v === null) E(self).dict!.delete(name);
    else E(self).dict!.setStr(name, v);
  });
}

// StopIteration.value
attr(StopIterationType, "value");
defMethod(StopIterationType, "__init__", (self, args) => {
  E(self).args = new PyTuple(args.slice());
  E(self).dict!.setStr("value", args.length ? args[0] : None);
  return None;
});
void StopAsyncIterationType;

// SystemExit.code
attr(SystemExitType, "code");
defMethod(SystemExitType, "__init__", (self, args) => {
  E(self).args = new PyTuple(args.slice());
  E(self).dict!.setStr("code", args.length === 0 ? None : args.length === 1 ? args[0] : new PyTuple(args.slice()));
  return None;
});

// KeyError str: repr of the single key
defMethod(KeyErrorType, "__str__", (self) => {
  const a = E(self).args.items;
  if (a.length === 1) return ops.repr(a[0]);
  return excStr(self);
});

// NameError / AttributeError / ImportError attributes
attr(NameErrorType, "name");
defMethod(NameErrorType, "__init__", (self, args, kw) => {
  const n = kw === null ? 0 : kw.length;
  E(self).args = new PyTuple(args.slice(0, args.length - n));
  for (let i = 0; i < n; i++) {
    if (kw![i] !== "name") throw typeError(`NameError() got an unexpected keyword argument '${kw![i]}'`);
    E(self).dict!.setStr("name", args[args.length - n + i]);
  }
  return None;
});
attr(AttributeErrorType, "name");
attr(AttributeErrorType, "obj");
defMethod(AttributeErrorType, "__init__", (self, args, kw) => {
  const n = kw === null ? 0 : kw.length;
  E(self).args = new PyTuple(args.slice(0, args.length - n));
  for (let i = 0; i < n; i++) {
    if (kw![i] !== "name" && kw![i] !== "obj") throw typeError(`AttributeError() got an unexpected keyword argument '${kw![i]}'`);
    E(self).dict!.setStr(kw![i], args[args.length - n + i]);
  }
  return None;
});
attr(ImportErrorType, "name");
attr(ImportErrorType, "path");
attr(ImportErrorType, "msg");
defMethod(ImportErrorType, "__init__", (self, args, kw) => {
  const n = kw === null ? 0 : kw.length;
  const pos = args.slice(0, args.length - n);
  E(self).args = new PyTuple(pos);
  if (pos.length === 1) E(self).dict!.setStr("msg", pos[0]);
  for (let i = 0; i < n; i++) {
    if (kw![i] !== "name" && kw![i] !== "path") throw typeError(`'${kw![i]}' is an invalid keyword argument for ImportError()`);
    E(self).dict!.setStr(kw![i], args[args.length - n + i]);
  }
  return None;
});
defMethod(ImportErrorType, "__str__", (self) => {
  const m = E(self).dict!.getStr("msg");
  if (m !== undefined && m !== None) return ops.str(m);
  return excStr(self);
});

// OSError: errno, strerror, filename, filename2; construction maps errno to a subclass
const ERRNO_MAP: Record<number, string> = {
  11: "BlockingIOError",
  115: "BlockingIOError",
  114: "BlockingIOError",
  10: "ChildProcessError",
  32: "BrokenPipeError",
  108: "BrokenPipeError",
  103: "ConnectionAbortedError",
  111: "ConnectionRefusedError",
  104: "ConnectionResetError",
  17: "FileExistsError",
  2: "FileNotFoundError",
  21: "IsADirectoryError",
  20: "NotADirectoryError",
  4: "InterruptedError",
  13: "PermissionError",
  1: "PermissionError",
  3: "ProcessLookupError",
  110: "TimeoutError",
};
for (const a of ["errno", "strerror", "filename", "filename2"]) attr(OSErrorType, a);
defStaticMethod(OSErrorType, "__new__", (args, kw) => {
  let cls = args[0] as PyType;
  const pos = args.slice(1, args.length - (kw?.length ?? 0));
  if (cls === OSErrorType && pos.length >= 2 && isInt(pos[0])) {
    const sub = ERRNO_MAP[Number(intValue(pos[0]))];
    if (sub !== undefined) cls = excTypes.get(sub)!;
  }
  const e = new PyBaseException(cls, new PyTuple(pos));
  initOSError(e, pos);
  return e;
});
function initOSError(e: PyBaseException, pos: PyObject[]): void {
  if (pos.length >= 2 && pos.length <= 5) {
    e.dict!.setStr("errno", pos[0]);
    e.dict!.setStr("strerror", pos[1]);
    if (pos.length >= 3) e.dict!.setStr("filename", pos[2]);
    if (pos.length >= 5) e.dict!.setStr("filename2", pos[4]);
    if (pos.length >= 3) e.args = new PyTuple([pos[0], pos[1]]);
  }
}
defMethod(OSErrorType, "__init__", (self, args) => {
  if (E(self).args.items.length === 0 && args.length) {
    E(self).args = new PyTuple(args.slice());
    initOSError(E(self), args);
  }
  return None;
});
defMethod(OSErrorType, "__str__", (self) => {
  const d = E(self).dict!;
  const errno = d.getStr("errno");
  const strerror = d.getStr("strerror");
  const fn = d.getStr("filename");
  const fn2 = d.getStr("filename2");
  if (fn !== undefined && fn !== None) {
    if (fn2 !== undefined && fn2 !== None) {
      return `[Errno ${ops.str(errno ?? None)}] ${ops.str(strerror ?? None)}: ${ops.repr(fn)} -> ${ops.repr(fn2)}`;
    }
    return `[Errno ${ops.str(errno ?? None)}] ${ops.str(strerror ?? None)}: ${ops.repr(fn)}`;
  }
  if (errno !== undefined && errno !== None && strerror !== undefined && strerror !== None) return `[Errno ${ops.str(errno)}] ${ops.str(strerror)}`;
  return excStr(self);
});

// SyntaxError: msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line
for (const a of ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]) attr(SyntaxErrorType, a);
defMethod(SyntaxErrorType, "__init__", (self, args) => {
  E(self).args = new PyTuple(args.slice());
  const d = E(self).dict!;
  if (args.length >= 1) d.setStr("msg", args[0]);
  if (args.length === 2) {
    const info = ops.toArray(args[1]);
    if (info.length < 4 || info.length > 6) throw typeError("function takes at least 4 arguments and at most 6 arguments");
    const names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
    for (let i = 0; i < info.length; i++) d.setStr(names[i], info[i]);
  }
  return None;
});
defMethod(SyntaxErrorType, "__str__", (self) => {
  const d = E(self).dict!;
  const msg = d.getStr("msg");
  const fn = d.getStr("filename");
  const ln = d.getStr("lineno");
  let s = msg === undefined || msg === None ? excStr(self) : ops.str(msg);
  const base = typeof fn === "string" ? fn.split("/").pop()! : null;
  if (base !== null && ln !== undefined && isInt(ln)) s += ` (${base}, line ${ops.str(ln)})`;
  else if (base !== null) s += ` (${base})`;
  else if (ln !== undefined && isInt(ln)) s += ` (line ${ops.str(ln)})`;
  return s;
});

// Unicode errors
for (const t of [UnicodeDecodeErrorType, UnicodeEncodeErrorType]) {
  for (const a of ["encoding", "object", "start", "end", "reason"]) attr(t, a);
  defMethod(t, "__init__", (self, args) => {
    E(self).args = new PyTuple(args.slice());
    if (args.length === 5) {
      const d = E(self).dict!;
      ["encoding", "object", "start", "end", "reason"].forEach((n, i) => d.setStr(n, args[i]));
    }
    return None;
  });
}
defMethod(UnicodeDecodeErrorType, "__str__", (self) => {
  const d = E(self).dict!;
  const obj = d.getStr("object");
  const start = Number(intValue(d.getStr("start") ?? 0));
  const end = Number(intValue(d.getStr("end") ?? 0));
  if (!(obj instanceof PyBytes)) return excStr(self);
  const enc = ops.str(d.getStr("encoding") ?? None);
  const reason = ops.str(d.getStr("reason") ?? None);
  if (end === start + 1) {
    return `'${enc}' codec can't decode byte 0x${obj.data[start].toString(16).padStart(2, "0")} in position ${start}: ${reason}`;
  }
  return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
});
defMethod(UnicodeEncodeErrorType, "__str__", (self) => {
  const d = E(self).dict!;
  const obj = d.getStr("object");
  const start = Number(intValue(d.getStr("start") ?? 0));
  const end = Number(intValue(d.getStr("end") ?? 0));
  if (typeof obj !== "string") return excStr(self);
  const enc = ops.str(d.getStr("encoding") ?? None);
  const reason = ops.str(d.getStr("reason") ?? None);
  const chars = Array.from(obj);
  if (end === start + 1) {
    const c = chars[start].codePointAt(0)!;
    const esc = c <= 0xff ? `\\x${c.toString(16).padStart(2, "0")}` : c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    return `'${enc}' codec can't encode character '${esc}' in position ${start}: ${reason}`;
  }
  return `'${enc}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
});

// ---------------------------------------------------------------------------------------------------------------
// Exception groups

function egExcs(eg: PyBaseException): PyObject[] {
  const v = eg.dict!.getStr("__exceptions__");
  return v instanceof PyTuple ? v.items : [];
}
defStaticMethod(BaseExceptionGroupType, "__new__", (args) => {
  let cls = args[0] as PyType;
  if (args.length !== 3) throw typeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length - 1} given)`);
  const msg = args[1];
  if (typeof msg !== "string" && !ops.isInstanceOf(msg, ops.StrType)) throw typeError("BaseExceptionGroup.__new__() argument 1 must be str, not " + typeOf(msg).name);
  const seq = args[2];
  const excs = ops.toArray(seq);
  if (!(seq instanceof PyList || seq instanceof PyTuple) && ops.getAttrOpt(seq, "__getitem__") === undefined) {
    throw typeError("second argument (exceptions) must be a sequence");
  }
  if (excs.length === 0) throw valueError("second argument (exceptions) must be a non-empty sequence");
  let allExc = true;
  for (let i = 0; i < excs.length; i++) {
    const x = excs[i];
    if (!(x instanceof PyBaseException)) throw valueError(`Item ${i} of second argument (exceptions) is not an exception`);
    if (!ops.isInstanceOf(x, ExceptionType)) allExc = false;
  }
  if (cls === BaseExceptionGroupType) {
    if (allExc) cls = ExceptionGroupType;
  } else if (cls === ExceptionGroupType) {
    if (!allExc) throw typeError("Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!allExc && !cls.isSubtypeOf(BaseExceptionGroupType)) {
    throw typeError(`Cannot nest BaseExceptions in '${cls.name}'`);
  } else if (!allExc && cls.isSubtypeOf(ExceptionType)) {
    throw typeError(`Cannot nest BaseExceptions in '${cls.name}'`);
  }
  const e = new PyBaseException(cls, new PyTuple([msg, seq]));
  e.dict!.setStr("__message__", msg);
  e.dict!.setStr("__exceptions__", new PyTuple(excs));
  return e;
});
defMethod(BaseExceptionGroupType, "__init__", () => None);
defGetSet(BaseExceptionGroupType, "message", (self) => E(self).dict!.getStr("__message__") ?? "");
defGetSet(BaseExceptionGroupType, "exceptions", (self) => E(self).dict!.getStr("__exceptions__") ?? EMPTY_TUPLE);
defMethod(BaseExceptionGroupType, "__str__", (self) => {
  const n = egExcs(E(self)).length;
  return `${ops.str(E(self).dict!.getStr("__message__") ?? "")} (${n} sub-exception${n === 1 ? "" : "s"})`;
});
defMethod(BaseExceptionGroupType, "__repr__", (self) => {
  return `${typeOf(self).name}(${ops.repr(E(self).dict!.getStr("__message__") ?? "")}, ${ops.repr(E(self).args.items[1] ?? new PyList(egExcs(E(self))))})`;
});
defMethod(BaseExceptionGroupType, "derive", (self, args) => {
  return ops.call(BaseExceptionGroupType, [E(self).dict!.getStr("__message__") ?? "", args[0]]);
});

function copyEgMeta(src: PyBaseException, dst: PyBaseException): void {
  dst.traceback = src.traceback;
  dst.cause = src.cause;
  dst.context = src.context;
  dst.suppressContext = src.suppressContext;
  const notes = src.dict!.getStr("__notes__");
  if (notes !== undefined) dst.dict!.setStr("__notes__", notes instanceof PyList ? new PyList(notes.items.slice()) : notes);
}
function derive(eg: PyBaseException, excs: PyObject[]): PyBaseException {
  const r = ops.callMethod(eg, "derive", [new PyList(excs)]);
  if (!(r instanceof PyBaseException)) throw typeError("derive must return an instance of BaseExceptionGroup");
  copyEgMeta(eg, r);
  return r;
}
/** Splits eg by a predicate on leaf exceptions: [match, rest] (None when empty). */
function egSplit(eg: PyBaseException, pred: (e: PyBaseException) => boolean): [PyObject, PyObject] {
  if (pred(eg)) return [eg, None];
  if (!ops.isInstanceOf(eg, BaseExceptionGroupType)) return [None, eg];
  const matched: PyObject[] = [];
  const rest: PyObject[] = [];
  for (const x of egExcs(eg)) {
    const [m, r] = egSplit(x as PyBaseException, pred);
    if (m !== None) matched.push(m);
    if (r !== None) rest.push(r);
  }
  return [matched.length ? derive(eg, matched) : None, rest.length ? derive(eg, rest) : None];
}
function matcher(arg: PyObject): (e: PyBaseException) => boolean {
  if (arg instanceof PyType || arg instanceof PyTuple) return (e) => ops.isInstanceOf(e, arg);
  if (ops.isCallable(arg)) return (e) => ops.truthy(ops.call(arg, [e]));
  throw typeError("expected a function, exception type or tuple of exception types");
}
defMethod(BaseExceptionGroupType, "split", (self, args) => new PyTuple(egSplit(E(self), matcher(args[0]))));
defMethod(BaseExceptionGroupType, "subgroup", (self, args) => egSplit(E(self), matcher(args[0]))[0]);
defMethod(BaseExceptionGroupType, "__class_getitem__", (cls, args) => ops.makeGenericAlias(cls, args[0]));

egHooks.split = (eg, pred) => egSplit(eg, pred);
egHooks.newGroup = (msg, excs) => ops.call(BaseExceptionGroupType, [msg, new PyTuple(excs)]) as PyBaseException;
/** _PyExc_PrepReraiseStar: combines re-raised and newly raised exceptions of an except* block. */
egHooks.prepReraiseStar = (orig, excs) => {
  const list = excs.items.filter((x) => x !== None) as PyBaseException[];
  if (list.length === 0) return None;
  if (!(orig instanceof PyBaseException) || !ops.isInstanceOf(orig, BaseExceptionGroupType)) {
    return list[0];
  }
  const leafIds = new Set<PyObject>();
  collectLeaves(orig, leafIds);
  const raised: PyBaseException[] = [];
  const reraised: PyBaseException[] = [];
  for (const e of list) {
    if (isSubsetOfLeaves(e, leafIds)) reraised.push(e);
    else raised.push(e);
  }
  let reraisedEg: PyObject = None;
  if (reraised.length) {
    const keep = new Set<PyObject>();
    for (const e of reraised) collectLeaves(e, keep);
    reraisedEg = egSplit(orig, (e) => keep.has(e) && !ops.isInstanceOf(e, BaseExceptionGroupType))[0];
  }
  const all: PyObject[] = [...raised];
  if (reraisedEg !== None) all.push(reraisedEg);
  if (all.length === 0) return None;
  if (all.length === 1) return all[0];
  return egHooks.newGroup("", all);
};
function collectLeaves(e: PyBaseException, out: Set<PyObject>): void {
  if (ops.isInstanceOf(e, BaseExceptionGroupType)) for (const x of egExcs(e)) collectLeaves(x as PyBaseException, out);
  else out.add(e);
}
function isSubsetOfLeaves(e: PyBaseException, leaves: Set<PyObject>): boolean {
  const mine = new Set<PyObject>();
  collectLeaves(e, mine);
  for (const x of mine) if (!leaves.has(x)) return false;
  return true;
}
