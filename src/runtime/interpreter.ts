// The bytecode interpreter: frames on an explicit stack (Python-to-Python calls never nest JS calls), the dispatch loop
// over the compiler's opcode table, zero-cost exception handling from the exception table, generators and coroutines.
import { Op, Intrinsic1, Intrinsic2, BinaryOpArg } from "../compiler/opcodes";
import {
  CodeObject,
  CO_GENERATOR,
  CO_COROUTINE,
  CO_ASYNC_GENERATOR,
  CO_VARARGS,
  CO_VARKEYWORDS,
  CO_FAST_CELL,
  CO_ITERABLE_COROUTINE,
  ConstTuple,
  ConstFrozenset,
  BytesConst,
  ComplexConst,
  EllipsisConst,
  type ConstValue,
} from "../compiler/code";
import {
  PyObject,
  PyBase,
  PyType,
  PyDict,
  PyTuple,
  PyList,
  PyFloat,
  PyFunction,
  PyCode,
  PyCell,
  PyMethod,
  PyMethodDescr,
  PyBuiltinFunction,
  PyBaseException,
  PySlice,
  PyBytes,
  PyComplex,
  PyModule,
  None,
  NotImplemented,
  Ellipsis,
  EMPTY_TUPLE,
  FloatType,
  ListType,
  TupleType,
  DictType,
  StrType,
  typeOf,
  isinstance,
  normBig,
  makeBuiltinType,
  ObjectType,
  newException,
  typeError,
  nameError,
  runtimeError,
  keyError,
  BaseExceptionType,
  BaseExceptionGroupType,
  StopIterationType,
  StopAsyncIterationType,
  GeneratorExitType,
  RecursionErrorType,
  SystemErrorType,
  UnboundLocalErrorType,
  AssertionErrorType,
  ValueErrorType,
  NameErrorType,
  excTypes,
  PyStrObj,
  PyIntObj,
  isInt,
  intValue,
  ImportErrorType,
  MemoryErrorType,
} from "./core";
import * as ops from "./ops";
import { BinOp, Cmp } from "./ops";
import { NumericError } from "./numeric/errors";
import { intAdd, intSub, intMul } from "./intmath";

// ---------------------------------------------------------------------------------------------------------------
// Thread state

export interface ThreadState {
  frame: Frame | null;
  depth: number;
  /** The exception currently being handled (sys.exc_info()[1]) or None. */
  handled: PyObject;
}
export const ts: ThreadState = { frame: null, depth: 0, handled: None };
export const interp = {
  recursionLimit: 1000,
  /** Installed by the import system. */
  importName: (_name: string, _globals: PyDict, _locals: PyObject, _fromlist: PyObject, _level: number): PyObject => {
    throw newException(ImportErrorType, "import system not initialised");
  },
  importFrom: (_module: PyObject, _name: string): PyObject => {
    throw newException(ImportErrorType, "import system not initialised");
  },
  importStar: (_module: PyObject, _locals: PyObject): void => {
    throw newException(ImportErrorType, "import system not initialised");
  },
  builtins: null as PyDict | null,
  buildClass: null as PyObject | null,
  displayhook: (_v: PyObject): void => {},
  format: (_v: PyObject, _spec: string): string => {
    throw new Error("format not installed");
  },
  newSet: (_items: PyObject[], _frozen: boolean): PyObject => {
    throw new Error("set not installed");
  },
  setAdd: (_set: PyObject, _item: PyObject): void => {
    throw new Error("set not installed");
  },
  dictUpdate: (_d: PyDict, _other: PyObject): void => {
    throw new Error("dict update not installed");
  },
  isMapping: (x: PyObject): boolean => matchKind(x) === 1,
  isSequence: (x: PyObject): boolean => matchKind(x) === 2,
  /** sys.modules (set by sys.ts) */
  sysModules: null as (() => PyDict) | null,
  /** Counts instructions to interleave threads / check signals; set by _thread/signal support. */
  pendingCheck: null as (() => void) | null,
};

// ---------------------------------------------------------------------------------------------------------------
// Frames and tracebacks

export const FrameType = makeBuiltinType("frame", ObjectType, { subclassable: false });
export const TracebackType = makeBuiltinType("traceback", ObjectType, { subclassable: false });

export class Frame extends PyBase {
  code: CodeObject;
  pcode: PyCode;
  func: PyFunction | null;
  globals: PyDict;
  builtins: PyDict;
  /** The locals mapping of module/class bodies and exec(); null for optimised function frames. */
  locals: PyObject | null;
  fast: (PyObject | undefined)[];
  stack: (PyObject | null)[];
  sp = 0;
  pc = 0;
  lasti = -1;
  back: Frame | null = null;
  consts: PyObject[];
  kwnames: readonly string[] | null = null;
  gen: PyGenerator | null = null;
  /** Set by YIELD_VALUE: the run loop returns to the generator's resumer. */
  yielded = false;
  /** The frame has started/finished running (f_lineno of a finished frame keeps its last line). */
  finished = false;
  /** Trace function (sys.settrace) local to the frame. */
  trace: PyObject = None;
  /** For __init__ frames started directly by CALL on a class: the new instance, returned instead of None. */
  initSelf: PyObject | null = null;
  constructor(pcode: PyCode, globals: PyDict, builtins: PyDict, locals: PyObject | null, func: PyFunction | null) {
    super(FrameType);
    const code = pcode.co;
    this.code = code;
    this.pcode = pcode;
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
    this.fast = new Array(code.co_localsplusnames.length);
    this.stack = new Array(code.co_stacksize + 1);
    this.consts = pcode.consts ?? (pcode.consts = constsOf(code));
  }
  get lineno(): number {
    const i = this.lasti < 0 ? 0 : this.lasti;
    let l = this.code.lineOf(i);
    if (l < 0) {
      for (let j = i; j >= 0; j--) {
        l = this.code.lineOf(j);
        if (l >= 0) break;
      }
    }
    return l < 0 ? this.code.co_firstlineno : l;
  }
}

export class PyTraceback extends PyBase {
  constructor(
    public next: PyTraceback | null,
    public frame: Frame,
    public lasti: number,
    public lineno: number,
  ) {
    super(TracebackType);
  }
}

function addTraceback(exc: PyBaseException, f: Frame): void {
  const i = f.lasti < 0 ? 0 : f.lasti;
  exc.traceback = new PyTraceback(exc.traceback as PyTraceback | null, f, i, lineAt(f.code, i));
}
function lineAt(code: CodeObject, i: number): number {
  for (let j = i; j >= 0; j--) {
    const l = code.lineOf(j);
    if (l >= 0) return l;
  }
  return code.co_firstlineno;
}

// ---------------------------------------------------------------------------------------------------------------
// Constants

const constCache = new WeakMap<CodeObject, PyObject[]>();
const pcodeCache = new WeakMap<CodeObject, PyCode>();
export function pyCodeOf(co: CodeObject): PyCode {
  let p = pcodeCache.get(co);
  if (p === undefined) {
    p = new PyCode(co);
    pcodeCache.set(co, p);
  }
  return p;
}
export function constsOf(code: CodeObject): PyObject[] {
  let c = constCache.get(code);
  if (c === undefined) {
    c = code.co_consts.map(convertConst);
    constCache.set(code, c);
  }
  return c;
}
export function convertConst(v: ConstValue): PyObject {
  if (v === null) return None;
  switch (typeof v) {
    case "boolean":
      return v;
    case "bigint":
      return normBig(v);
    case "number":
      return new PyFloat(v);
    case "string":
      return v;
    case "symbol":
      return Ellipsis;
  }
  if (v instanceof ConstTuple) return new PyTuple(v.items.map(convertConst));
  if (v instanceof ConstFrozenset) return interp.newSet(v.items.map(convertConst), true);
  if (v instanceof BytesConst) return new PyBytes(v.value);
  if (v instanceof ComplexConst) return new PyComplex(v.real, v.imag);
  if (v instanceof CodeObject) return pyCodeOf(v);
  throw new Error("unknown constant");
}

// ---------------------------------------------------------------------------------------------------------------
// Exceptions from JS

/** Converts anything thrown by TS code into a Python exception object. */
export function toPyException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof NumericError) {
    const t = excTypes.get(e.pyType)!;
    return newException(t, e.pyArgs ? (e.pyArgs as PyObject[]) : e.message);
  }
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    return newException(RecursionErrorType, "maximum recursion depth exceeded");
  }
  if (e instanceof RangeError && /Invalid (array|string) length|Array buffer allocation/.test(e.message)) {
    return newException(MemoryErrorType, []);
  }
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (process.env.PYPACK_DEBUG && e instanceof Error) process.stderr.write(`[pypack internal error] ${e.stack}\n`);
  return newException(SystemErrorType, `internal error in the pypack VM: ${msg}`);
}

function setContext(exc: PyBaseException): void {
  const h = ts.handled;
  if (h === None || h === exc || !(h instanceof PyBaseException)) return;
  // avoid cycles: cut the chain where exc already appears
  let o: PyObject = h;
  while (o instanceof PyBaseException) {
    const c: PyObject = o.context;
    if (c === exc) {
      o.context = None;
      break;
    }
    o = c;
  }
  exc.context = h;
}

// ---------------------------------------------------------------------------------------------------------------
// Functions

export function makeFunction(pcode: PyCode, globals: PyDict): PyFunction {
  const f = new PyFunction(pcode, globals, builtinsFor(globals));
  const co = pcode.co;
  const c0 = co.co_consts.length > 0 ? co.co_consts[0] : null;
  f.doc = typeof c0 === "string" && hasDocstring(co) ? c0 : None;
  f.dict = null;
  return f;
}
function hasDocstring(co: CodeObject): boolean {
  // The compiler puts the docstring at co_consts[0] for functions with one (CPython 3.12 convention).
  return (co as unknown as { co_hasdoc?: boolean }).co_hasdoc !== false;
}
function builtinsFor(globals: PyDict): PyDict {
  const b = globals.getStr("__builtins__");
  if (b instanceof PyDict) return b;
  if (b instanceof PyModule) return b.dict;
  return interp.builtins!;
}

/** Binds call arguments into a new frame's fast locals (CPython's initialize_locals), with CPython's messages. */
function bindArgs(f: PyFunction, co: CodeObject, fast: (PyObject | undefined)[], args: PyObject[], argOff: number, nargs: number, kwnames: readonly string[] | null): void {
  const argcount = co.co_argcount;
  const flags = co.co_flags;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = nargs - nkw;
  const total = argcount + co.co_kwonlyargcount;
  let kwdict: PyDict | null = null;
  if (flags & CO_VARKEYWORDS) {
    kwdict = new PyDict();
    fast[total + (flags & CO_VARARGS ? 1 : 0)] = kwdict;
  }
  const n = npos < argcount ? npos : argcount;
  for (let i = 0; i < n; i++) fast[i] = args[argOff + i];
  if (flags & CO_VARARGS) {
    fast[total] = npos > argcount ? new PyTuple(args.slice(argOff + argcount, argOff + npos)) : EMPTY_TUPLE;
  } else if (npos > argcount) {
    throw tooManyPositional(f, co, npos, fast, nkw, kwnames);
  }
  if (nkw) {
    const names = co.co_localsplusnames;
    let posOnlyErr: string[] | null = null;
    for (let k = 0; k < nkw; k++) {
      const name = kwnames![k];
      const value = args[argOff + npos + k];
      let j = -1;
      for (let i = co.co_posonlyargcount; i < total; i++) {
        if (names[i] === name) {
          j = i;
          break;
        }
      }
      if (j < 0) {
        if (kwdict !== null) {
          let isPosOnly = false;
          for (let i = 0; i < co.co_posonlyargcount; i++) if (names[i] === name) isPosOnly = true;
          void isPosOnly;
          kwdict.setStr(name, value);
          continue;
        }
        for (let i = 0; i < co.co_posonlyargcount; i++) {
          if (names[i] === name) {
            (posOnlyErr ??= []).push(name);
            j = -2;
          }
        }
        if (j === -2) continue;
        throw typeError(`${f.qualname}() got an unexpected keyword argument '${name}'`);
      }
      if (fast[j] !== undefined) throw typeError(`${f.qualname}() got multiple values for argument '${name}'`);
      fast[j] = value;
    }
    if (posOnlyErr !== null) {
      throw typeError(`${f.qualname}() got some positional-only arguments passed as keyword arguments: '${posOnlyErr.join(", ")}'`);
    }
  }
  // defaults
  if (npos < argcount) {
    const defaults = f.defaults;
    const ndef = defaults === null ? 0 : defaults.length;
    const firstDefault = argcount - ndef;
    let missing: string[] | null = null;
    for (let i = npos; i < argcount; i++) {
      if (fast[i] === undefined) {
        if (i >= firstDefault) fast[i] = defaults![i - firstDefault];
        else (missing ??= []).push(co.co_localsplusnames[i]);
      }
    }
    if (missing !== null) throw missingArgs(f, missing, "positional");
  }
  if (co.co_kwonlyargcount) {
    let missing: string[] | null = null;
    for (let i = argcount; i < total; i++) {
      if (fast[i] === undefined) {
        const name = co.co_localsplusnames[i];
        const d = f.kwdefaults === null ? undefined : f.kwdefaults.getStr(name);
        if (d !== undefined) fast[i] = d;
        else (missing ??= []).push(name);
      }
    }
    if (missing !== null) throw missingArgs(f, missing, "keyword-only");
  }
}

function missingArgs(f: PyFunction, names: string[], kind: string): PyBaseException {
  const q = names.map((n) => `'${n}'`);
  let list: string;
  if (q.length === 1) list = q[0];
  else if (q.length === 2) list = `${q[0]} and ${q[1]}`;
  else list = `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
  return typeError(`${f.qualname}() missing ${names.length} required ${kind} argument${names.length === 1 ? "" : "s"}: ${list}`);
}

function tooManyPositional(f: PyFunction, co: CodeObject, given: number, fast: (PyObject | undefined)[], nkw: number, kwnames: readonly string[] | null): PyBaseException {
  const argcount = co.co_argcount;
  const ndef = f.defaults === null ? 0 : f.defaults.length;
  let kwonlyGiven = 0;
  if (nkw) {
    for (let i = argcount; i < argcount + co.co_kwonlyargcount; i++) if (kwnames!.includes(co.co_localsplusnames[i])) kwonlyGiven++;
  }
  void fast;
  let sig: string;
  if (ndef) sig = `from ${argcount - ndef} to ${argcount} positional arguments`;
  else sig = `${argcount} positional argument${argcount === 1 ? "" : "s"}`;
  const was = given === 1 && kwonlyGiven === 0 ? "was" : "were";
  let givenText = `${given}`;
  if (kwonlyGiven) givenText += ` positional argument${given === 1 ? "" : "s"} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven === 1 ? "" : "s"})`;
  return typeError(`${f.qualname}() takes ${sig} but ${givenText} ${kwonlyGiven ? "were" : was} given`);
}

const GEN_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

/** Prepares the frame of a call to a Python function. */
function newFuncFrame(f: PyFunction, args: PyObject[], argOff: number, nargs: number, kwnames: readonly string[] | null): Frame {
  const pcode = f.code;
  const co = pcode.co;
  const frame = new Frame(pcode, f.globals, f.builtins, null, f);
  const fast = frame.fast;
  if (kwnames === null && nargs === co.co_argcount && (co.co_flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && co.co_kwonlyargcount === 0) {
    for (let i = 0; i < nargs; i++) fast[i] = args[argOff + i];
  } else {
    bindArgs(f, co, fast, args, argOff, nargs, kwnames);
  }
  if (f.closure !== null) {
    // COPY_FREE_VARS also does this; done here so generators see their free vars even before starting.
    const n = f.closure.length;
    const base = fast.length - n;
    for (let i = 0; i < n; i++) fast[base + i] = f.closure[i];
  }
  return frame;
}

/** Calls a Python function from TS code (a nested run of the interpreter loop). */
export function callPyFunction(f: PyFunction, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const frame = newFuncFrame(f, args, 0, args.length, kwnames);
  if (f.code.co.co_flags & GEN_FLAGS) return makeGenerator(frame);
  return runFrame(frame);
}
ops.setCallPyFunction(callPyFunction);

/** Runs a code object (module body, class body via function, exec) with the given globals/locals. */
export function execCode(pcode: PyCode, globals: PyDict, locals: PyObject | null, func: PyFunction | null = null): PyObject {
  const frame = new Frame(pcode, globals, builtinsFor(globals), locals, func);
  if (func !== null && func.closure !== null) {
    const n = func.closure.length;
    const base = frame.fast.length - n;
    for (let i = 0; i < n; i++) frame.fast[base + i] = func.closure[i];
  }
  return runFrame(frame);
}

function recursionError(): PyBaseException {
  return newException(RecursionErrorType, "maximum recursion depth exceeded");
}

/** Runs a fresh frame to completion in a nested loop. */
export function runFrame(frame: Frame): PyObject {
  if (ts.depth >= interp.recursionLimit) throw recursionError();
  frame.back = ts.frame;
  ts.frame = frame;
  ts.depth++;
  try {
    return run(frame);
  } finally {
    ts.frame = frame.back;
    ts.depth--;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

export const GeneratorType = makeBuiltinType("generator", ObjectType, { subclassable: false });
export const CoroutineType = makeBuiltinType("coroutine", ObjectType, { subclassable: false });
export const AsyncGeneratorType = makeBuiltinType("async_generator", ObjectType, { subclassable: false });

export class PyGenerator extends PyBase {
  running = false;
  started = false;
  finished = false;
  /** The handled-exception state saved while suspended. */
  excState: PyObject = None;
  name: string;
  qualname: string;
  /** Set on async generators: the value being yielded is a real yield (vs. an await passing through). */
  constructor(
    type: PyType,
    public frame: Frame,
  ) {
    super(type);
    this.name = frame.code.co_name;
    this.qualname = frame.code.co_qualname;
  }
  get isCoroutine(): boolean {
    return this.type === CoroutineType;
  }
}

/** Marks values yielded by async generators (vs. awaitables passing through), as CPython's _PyAsyncGenWrappedValue. */
export class AsyncGenWrapped {
  constructor(public value: PyObject) {}
}

function makeGenerator(frame: Frame): PyGenerator {
  const flags = frame.code.co_flags;
  const t = flags & CO_COROUTINE ? CoroutineType : flags & CO_ASYNC_GENERATOR ? AsyncGeneratorType : GeneratorType;
  const g = new PyGenerator(t, frame);
  frame.gen = g;
  void CO_ITERABLE_COROUTINE;
  return g;
}

export interface GenResult {
  /** true when the generator yielded `value`; false when it returned `value`. */
  yielded: boolean;
  value: PyObject;
}

/**
 * Resumes a generator with a sent value or a thrown exception. Returns {yielded, value}; a return ends the generator
 * (the caller turns it into StopIteration where needed). Exceptions propagate.
 */
export function genResume(g: PyGenerator, value: PyObject, exc: PyBaseException | null): GenResult {
  if (g.running) throw newException(ValueErrorType, `${g.isCoroutine ? "coroutine" : "generator"} already executing`);
  if (g.finished) {
    if (exc !== null) throw exc;
    if (g.isCoroutine) throw runtimeError("cannot reuse already awaited coroutine");
    return { yielded: false, value: None };
  }
  const frame = g.frame;
  if (!g.started) {
    if (value !== None && exc === null) {
      throw typeError(`can't send non-None value to a just-started ${g.type === GeneratorType ? "generator" : g.type === CoroutineType ? "coroutine" : "async generator"}`);
    }
    g.started = true;
  } else if (exc === null) {
    frame.stack[frame.sp++] = value;
  }
  if (ts.depth >= interp.recursionLimit) throw recursionError();
  g.running = true;
  const saved = ts.handled;
  ts.handled = g.excState;
  frame.back = ts.frame;
  ts.frame = frame;
  ts.depth++;
  try {
    const r = run(frame, exc);
    if (frame.yielded) {
      frame.yielded = false;
      return { yielded: true, value: r };
    }
    g.finished = true;
    return { yielded: false, value: r };
  } catch (e) {
    g.finished = true;
    const pe = toPyException(e);
    if (isinstance(pe, StopIterationType) && !(exc === pe)) {
      // PEP 479
      const kind = g.type === GeneratorType ? "generator" : g.type === CoroutineType ? "coroutine" : "async generator";
      const r = runtimeError(`${kind} raised StopIteration`);
      r.cause = pe;
      r.context = pe;
      r.suppressContext = true;
      throw r;
    }
    if (g.type === AsyncGeneratorType && isinstance(pe, StopAsyncIterationType)) {
      const r = runtimeError("async generator raised StopAsyncIteration");
      r.cause = pe;
      r.context = pe;
      r.suppressContext = true;
      throw r;
    }
    throw pe;
  } finally {
    g.running = false;
    g.excState = ts.handled;
    ts.handled = saved;
    ts.frame = frame.back;
    frame.back = null;
    ts.depth--;
  }
}

/** Generator-style send used by SEND / yield from: returns {yielded, value} for generators and other iterators. */
function sendTo(receiver: PyObject, value: PyObject): GenResult {
  if (receiver instanceof PyGenerator) return genResume(receiver, value, null);
  if (value === None) {
    const n = ops.next(receiver);
    if (n === undefined) return { yielded: false, value: lastStopValue(receiver) };
    return { yielded: true, value: n };
  }
  try {
    return { yielded: true, value: ops.callMethod(receiver, "send", [value]) };
  } catch (e) {
    if (e instanceof PyBaseException && isinstance(e, StopIterationType)) return { yielded: false, value: stopIterationValue(e) };
    throw e;
  }
}
/** The value of the StopIteration that ended a non-generator iterator (ops.next swallows it; Python iterators rarely return values). */
function lastStopValue(_it: PyObject): PyObject {
  return None;
}
export function stopIterationValue(e: PyBaseException): PyObject {
  const v = e.dict!.getStr("value");
  if (v !== undefined) return v;
  return e.args.items.length ? e.args.items[0] : None;
}
export function newStopIteration(value: PyObject): PyBaseException {
  const e = newException(StopIterationType, value === None ? [] : [value]);
  e.dict!.setStr("value", value);
  return e;
}

/** gen.throw(exc) into a generator: delegates to a sub-iterator being yielded from, as CPython's gen_throw. */
export function genThrow(g: PyGenerator, exc: PyBaseException): GenResult {
  const yf = g.started && !g.finished && !g.running ? yieldFromTarget(g.frame) : null;
  if (yf !== null) {
    let r: GenResult;
    g.running = true;
    try {
      if (isinstance(exc, GeneratorExitType)) {
        closeIter(yf);
        r = { yielded: false, value: None };
        throw exc;
      }
      if (yf instanceof PyGenerator) r = genThrow(yf, exc);
      else {
        const t = ops.getAttrOpt(yf, "throw");
        if (t === undefined) throw exc;
        r = { yielded: true, value: ops.call(t, [exc]) };
      }
    } catch (e) {
      g.running = false;
      return genResume(g, None, toPyException(e));
    }
    g.running = false;
    if (r.yielded) return r;
    return genResume(g, None, newStopIteration(r.value));
  }
  return genResume(g, None, exc);
}

/** The object a suspended generator is delegating to (yield from / await), or null. */
function yieldFromTarget(frame: Frame): PyObject | null {
  // suspended at YIELD_VALUE right after a SEND: the receiver is below the yielded value on the stack
  const prev = frame.pc >= 2 ? frame.code.co_code[frame.pc - 2] & 0xff : -1;
  if (prev === Op.SEND && frame.sp >= 1) return frame.stack[frame.sp - 1];
  return null;
}

function closeIter(it: PyObject): void {
  if (it instanceof PyGenerator) {
    genClose(it);
    return;
  }
  const c = ops.getAttrOpt(it, "close");
  if (c !== undefined) ops.call(c, []);
}

export function genClose(g: PyGenerator): PyObject {
  if (!g.started || g.finished) {
    g.finished = true;
    return None;
  }
  try {
    const r = genThrow(g, newException(GeneratorExitType));
    if (r.yielded) throw runtimeError(`${g.type === GeneratorType ? "generator" : "coroutine"} ignored GeneratorExit`);
    return r.value;
  } catch (e) {
    const pe = toPyException(e);
    if (isinstance(pe, GeneratorExitType) || isinstance(pe, StopIterationType)) return None;
    throw pe;
  }
}

GeneratorType.slots.iter = (self) => self;
GeneratorType.slots.next = (self) => {
  const r = genResume(self as PyGenerator, None, null);
  if (r.yielded) return r.value;
  if (r.value !== None) lastReturn.value = r.value;
  return undefined;
};
/** The return value of the generator that last finished through slots.next (for `yield from` over generators). */
export const lastReturn: { value: PyObject } = { value: None };

// ---------------------------------------------------------------------------------------------------------------
// The loop

const enum K {
  NULL_PLACEHOLDER = 0,
}
void K.NULL_PLACEHOLDER;

function nameErrorFor(name: string): PyBaseException {
  return nameError(`name '${name}' is not defined`, name);
}
function unboundLocal(name: string): PyBaseException {
  const e = newException(UnboundLocalErrorType, `cannot access local variable '${name}' where it is not associated with a value`);
  e.dict!.setStr("name", name);
  return e;
}
function unboundFree(name: string): PyBaseException {
  return nameError(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`, name);
}

function loadName(frame: Frame, name: string): PyObject {
  const locals = frame.locals;
  if (locals instanceof PyDict && locals.type === DictType) {
    const v = locals.getStr(name);
    if (v !== undefined) return v;
  } else if (locals !== null) {
    try {
      return ops.getItem(locals, name);
    } catch (e) {
      if (!(e instanceof PyBaseException && isinstance(e, excTypes.get("KeyError")!))) throw e;
    }
  }
  let v = frame.globals.getStr(name);
  if (v !== undefined) return v;
  v = frame.builtins.getStr(name);
  if (v !== undefined) return v;
  throw nameErrorFor(name);
}

function storeName(frame: Frame, name: string, value: PyObject): void {
  const locals = frame.locals;
  if (locals === null) throw newException(SystemErrorType, `no locals found when storing '${name}'`);
  if (locals instanceof PyDict && locals.type === DictType) locals.setStr(name, value);
  else ops.setItem(locals, name, value);
}

function unpackIterable(v: PyObject, n: number, starAt: number, after: number, out: (PyObject | null)[], sp: number): number {
  let items: PyObject[];
  if ((v instanceof PyTuple && v.type === TupleType) || (v instanceof PyList && v.type === ListType)) items = v.items;
  else {
    const t = typeOf(v);
    if (t.slots.iter === undefined && t.lookup("__iter__") === undefined && t.lookup("__getitem__") === undefined) {
      throw typeError(`cannot unpack non-iterable ${t.name} object`);
    }
    items = [];
    const it = ops.getIter(v);
    for (;;) {
      const x = ops.next(it);
      if (x === undefined) break;
      items.push(x);
      if (starAt < 0 && items.length > n) break;
    }
  }
  if (starAt < 0) {
    if (items.length !== n) {
      if (items.length < n) throw newException(ValueErrorType, `not enough values to unpack (expected ${n}, got ${items.length})`);
      throw newException(ValueErrorType, `too many values to unpack (expected ${n})`);
    }
    for (let i = n - 1; i >= 0; i--) out[sp++] = items[i];
    return sp;
  }
  if (items.length < starAt + after) {
    throw newException(ValueErrorType, `not enough values to unpack (expected at least ${starAt + after}, got ${items.length})`);
  }
  for (let i = items.length - 1; i >= items.length - after; i--) out[sp++] = items[i];
  out[sp++] = new PyList(items.slice(starAt, items.length - after));
  for (let i = starAt - 1; i >= 0; i--) out[sp++] = items[i];
  return sp;
}

function excMatches(exc: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) {
    for (const x of t.items) if (excMatches(exc, x)) return true;
    return false;
  }
  if (!(t instanceof PyType) || !t.isSubtypeOf(BaseExceptionType)) {
    throw typeError("catching classes that do not inherit from BaseException is not allowed");
  }
  return isinstance(exc, t);
}

/** Builds the exception for `raise X` (X a class or instance). */
export function makeRaisable(x: PyObject): PyBaseException {
  if (x instanceof PyType) {
    if (!x.isSubtypeOf(BaseExceptionType)) throw typeError("exceptions must derive from BaseException");
    const e = ops.call(x, []);
    if (!(e instanceof PyBaseException)) {
      throw typeError(`calling ${ops.repr(x)} should have returned an instance of BaseException, not ${typeOf(e).name}`);
    }
    return e;
  }
  if (x instanceof PyBaseException) return x;
  throw typeError("exceptions must derive from BaseException");
}

function doRaise(exc: PyObject, cause: PyObject | undefined): PyBaseException {
  const e = makeRaisable(exc);
  if (cause !== undefined) {
    if (cause === None) e.cause = None;
    else {
      const c = cause instanceof PyType ? makeRaisable(cause) : cause;
      if (!(c instanceof PyBaseException)) throw typeError("exception causes must derive from BaseException");
      e.cause = c;
    }
    e.suppressContext = true;
  }
  return e;
}

const BIN_OP_MAP: BinOp[] = [
  BinOp.Add, BinOp.And, BinOp.FloorDiv, BinOp.Lshift, BinOp.MatMul, BinOp.Mul, BinOp.Mod, BinOp.Or, BinOp.Pow, BinOp.Rshift, BinOp.Sub, BinOp.TrueDiv, BinOp.Xor,
];

/** An exception marker for RERAISE: skip adding a traceback entry for the re-raising frame. */
let reraising = false;

/**
 * Runs `entry` (already pushed on ts) and every Python frame it calls, until `entry` returns or yields.
 * `throwIn`: an exception to raise at the frame's current position first (generator.throw).
 */
function run(entry: Frame, throwIn: PyBaseException | null = null): PyObject {
  let f = entry;
  let code = f.code.co_code;
  let consts = f.consts;
  let names = f.code.co_names;
  let fast = f.fast;
  let stack = f.stack;
  let sp = f.sp;
  let pc = f.pc;
  let pending: PyBaseException | null = throwIn;

  for (;;) {
    try {
      if (pending !== null) {
        const p = pending;
        pending = null;
        f.lasti = pc > 0 ? pc - 1 : 0;
        throw p;
      }
      for (;;) {
        const word = code[pc];
        f.lasti = pc;
        pc++;
        const arg = word >>> 8;
        switch (word & 0xff) {
          case Op.NOP:
            break;
          case Op.LOAD_FAST: {
            stack[sp++] = fast[arg]!;
            break;
          }
          case Op.LOAD_FAST_CHECK: {
            const v = fast[arg];
            if (v === undefined) throw unboundLocal(f.code.co_localsplusnames[arg]);
            stack[sp++] = v;
            break;
          }
          case Op.LOAD_FAST_LOAD_FAST: {
            stack[sp++] = fast[arg >>> 12]!;
            stack[sp++] = fast[arg & 0xfff]!;
            break;
          }
          case Op.LOAD_FAST_AND_CLEAR: {
            const v = fast[arg];
            stack[sp++] = v === undefined ? null : v;
            fast[arg] = undefined;
            break;
          }
          case Op.STORE_FAST: {
            const v = stack[--sp];
            fast[arg] = v === null ? undefined : v;
            break;
          }
          case Op.STORE_FAST_LOAD_FAST: {
            fast[arg >>> 12] = stack[--sp]!;
            stack[sp++] = fast[arg & 0xfff]!;
            break;
          }
          case Op.STORE_FAST_STORE_FAST: {
            fast[arg >>> 12] = stack[--sp]!;
            fast[arg & 0xfff] = stack[--sp]!;
            break;
          }
          case Op.DELETE_FAST: {
            if (fast[arg] === undefined) throw unboundLocal(f.code.co_localsplusnames[arg]);
            fast[arg] = undefined;
            break;
          }
          case Op.LOAD_CONST:
            stack[sp++] = consts[arg];
            break;
          case Op.POP_TOP:
            sp--;
            break;
          case Op.PUSH_NULL:
            stack[sp++] = null;
            break;
          case Op.COPY: {
            stack[sp] = stack[sp - arg];
            sp++;
            break;
          }
          case Op.SWAP: {
            const t = stack[sp - 1];
            stack[sp - 1] = stack[sp - arg];
            stack[sp - arg] = t;
            break;
          }
          case Op.LOAD_GLOBAL: {
            const name = names[arg >>> 1];
            if (arg & 1) stack[sp++] = null;
            // inline cache: the entry index of the name in the globals dict, valid while that slot still holds it
            const gc = f.pcode.globalCache ?? (f.pcode.globalCache = new Int32Array(code.length).fill(-1));
            const g = f.globals;
            const ci = gc[pc - 1];
            if (ci >= 0 && g.keys[ci] === name) {
              stack[sp++] = g.values[ci];
              break;
            }
            const gi = g.strIndex.get(name);
            if (gi !== undefined) {
              gc[pc - 1] = gi;
              stack[sp++] = g.values[gi];
              break;
            }
            let v = f.globals.getStr(name);
            if (v === undefined) {
              v = f.builtins.getStr(name);
              if (v === undefined) throw nameErrorFor(name);
            }
            stack[sp++] = v;
            break;
          }
          case Op.STORE_GLOBAL:
            f.globals.setStr(names[arg], stack[--sp]!);
            break;
          case Op.DELETE_GLOBAL: {
            if (f.globals.delete(names[arg]) === undefined) throw nameErrorFor(names[arg]);
            break;
          }
          case Op.LOAD_NAME:
            stack[sp++] = loadName(f, names[arg]);
            break;
          case Op.STORE_NAME:
            storeName(f, names[arg], stack[--sp]!);
            break;
          case Op.DELETE_NAME: {
            const name = names[arg];
            const locals = f.locals;
            if (locals === null) throw newException(SystemErrorType, `no locals when deleting '${name}'`);
            if (locals instanceof PyDict) {
              if (locals.delete(name) === undefined) throw nameErrorFor(name);
            } else {
              try {
                ops.delItem(locals, name);
              } catch (e) {
                if (e instanceof PyBaseException && isinstance(e, excTypes.get("KeyError")!)) throw nameErrorFor(name);
                throw e;
              }
            }
            break;
          }
          case Op.LOAD_LOCALS: {
            if (f.locals === null) throw newException(SystemErrorType, "no locals found");
            stack[sp++] = f.locals;
            break;
          }
          case Op.LOAD_FROM_DICT_OR_GLOBALS: {
            const mapping = stack[sp - 1]!;
            const name = names[arg];
            let v: PyObject | undefined;
            if (mapping instanceof PyDict) v = mapping.getStr(name);
            else v = dictLikeGet(mapping, name);
            if (v === undefined) v = f.globals.getStr(name);
            if (v === undefined) v = f.builtins.getStr(name);
            if (v === undefined) throw nameErrorFor(name);
            stack[sp - 1] = v;
            break;
          }
          case Op.LOAD_FROM_DICT_OR_DEREF: {
            const mapping = stack[sp - 1]!;
            const name = f.code.co_localsplusnames[arg];
            let v: PyObject | undefined = mapping instanceof PyDict ? mapping.getStr(name) : dictLikeGet(mapping, name);
            if (v === undefined) {
              v = (fast[arg] as PyCell).value;
              if (v === undefined) throw unboundFree(name);
            }
            stack[sp - 1] = v;
            break;
          }
          case Op.MAKE_CELL: {
            const v = fast[arg];
            fast[arg] = new PyCell(v);
            break;
          }
          case Op.LOAD_CLOSURE:
            stack[sp++] = fast[arg]!;
            break;
          case Op.LOAD_DEREF: {
            const v = (fast[arg] as PyCell).value;
            if (v === undefined) {
              const name = f.code.co_localsplusnames[arg];
              if (f.code.co_localspluskinds[arg] & CO_FAST_CELL) throw unboundLocal(name);
              throw unboundFree(name);
            }
            stack[sp++] = v;
            break;
          }
          case Op.STORE_DEREF:
            (fast[arg] as PyCell).value = stack[--sp]!;
            break;
          case Op.DELETE_DEREF: {
            const c = fast[arg] as PyCell;
            if (c.value === undefined) throw unboundLocal(f.code.co_localsplusnames[arg]);
            c.value = undefined;
            break;
          }
          case Op.COPY_FREE_VARS: {
            const func = f.func;
            if (func !== null && func.closure !== null) {
              const base = fast.length - arg;
              for (let i = 0; i < arg; i++) fast[base + i] = func.closure[i];
            }
            break;
          }
          case Op.LOAD_ATTR: {
            const owner = stack[sp - 1]!;
            const name = names[arg >>> 1];
            const t = typeOf(owner);
            if (t.slots.getattro === undefined) {
              // inline cache of the MRO lookup, keyed by type and type version
              const pcode = f.pcode;
              let at = pcode.attrTypes;
              if (at === null) {
                at = pcode.attrTypes = new Array(code.length).fill(null);
                pcode.attrVersions = new Int32Array(code.length);
                pcode.attrDescr = new Array(code.length).fill(null);
              }
              const ci = pc - 1;
              let d: PyObject | undefined;
              if (at[ci] === t && pcode.attrVersions![ci] === t.version) {
                const cd = pcode.attrDescr![ci];
                d = cd === null ? undefined : cd;
              } else {
                d = t.lookup(name);
                at[ci] = t;
                pcode.attrVersions![ci] = t.version;
                pcode.attrDescr![ci] = d === undefined ? null : d;
              }
              if (arg & 1) {
                if ((d instanceof PyFunction || (d instanceof PyMethodDescr && d.type === MethodDescrType)) && !(owner instanceof PyBase && owner.dict !== null && owner.dict.getStr(name) !== undefined)) {
                  stack[sp - 1] = d;
                  stack[sp++] = owner;
                  break;
                }
                stack[sp - 1] = null;
                stack[sp++] = ops.genericGetAttrD(owner, name, t, d)!;
              } else stack[sp - 1] = ops.genericGetAttrD(owner, name, t, d)!;
              break;
            }
            if (arg & 1) {
              // method form: avoid creating a bound method for plain functions / method descriptors
              if (t.slots.getattro === undefined) {
                const d = t.lookup(name);
                if (d instanceof PyFunction || d instanceof PyMethodDescr) {
                  if (!(owner instanceof PyBase && owner.dict !== null && owner.dict.getStr(name) !== undefined)) {
                    if (!(d instanceof PyMethodDescr) || d.type === MethodDescrType) {
                      stack[sp - 1] = d;
                      stack[sp++] = owner;
                      break;
                    }
                  }
                }
              }
              stack[sp - 1] = null;
              stack[sp++] = ops.getAttr(owner, name);
            } else {
              stack[sp - 1] = ops.getAttr(owner, name);
            }
            break;
          }
          case Op.STORE_ATTR: {
            const owner = stack[--sp]!;
            const v = stack[--sp]!;
            const t = typeOf(owner);
            if (t.slots.setattro === undefined) {
              const pcode = f.pcode;
              let at = pcode.attrTypes;
              if (at === null) {
                at = pcode.attrTypes = new Array(code.length).fill(null);
                pcode.attrVersions = new Int32Array(code.length);
                pcode.attrDescr = new Array(code.length).fill(null);
              }
              const ci = pc - 1;
              let d: PyObject | undefined;
              if (at[ci] === t && pcode.attrVersions![ci] === t.version) {
                const cd = pcode.attrDescr![ci];
                d = cd === null ? undefined : cd;
              } else {
                d = t.lookup(names[arg]);
                at[ci] = t;
                pcode.attrVersions![ci] = t.version;
                pcode.attrDescr![ci] = d === undefined ? null : d;
              }
              if (d === undefined && owner instanceof PyBase && owner.dict !== null) owner.dict.setStr(names[arg], v);
              else ops.genericSetAttrD(owner, names[arg], v, t, d);
              break;
            }
            ops.setAttr(owner, names[arg], v);
            break;
          }
          case Op.DELETE_ATTR:
            ops.delAttr(stack[--sp]!, names[arg]);
            break;
          case Op.LOAD_SUPER_ATTR: {
            const self = stack[--sp]!;
            const cls = stack[--sp]!;
            const gsuper = stack[--sp]!;
            const name = names[arg >>> 2];
            const sup = ops.call(gsuper, arg & 2 ? [cls, self] : []);
            const attr = ops.getAttr(sup, name);
            if (arg & 1) {
              stack[sp++] = null;
              stack[sp++] = attr;
            } else stack[sp++] = attr;
            break;
          }
          case Op.BINARY_OP: {
            const b = stack[--sp]!;
            const a = stack[sp - 1]!;
            if (typeof a === "number" && typeof b === "number") {
              let r: number;
              switch (arg) {
                case BinaryOpArg.Add:
                case BinaryOpArg.InplaceAdd:
                  r = a + b;
                  if (Number.isSafeInteger(r)) {
                    stack[sp - 1] = r;
                    continue;
                  }
                  stack[sp - 1] = intAdd(a, b);
                  continue;
                case BinaryOpArg.Subtract:
                case BinaryOpArg.InplaceSubtract:
                  r = a - b;
                  if (Number.isSafeInteger(r)) {
                    stack[sp - 1] = r;
                    continue;
                  }
                  stack[sp - 1] = intSub(a, b);
                  continue;
                case BinaryOpArg.Multiply:
                case BinaryOpArg.InplaceMultiply:
                  stack[sp - 1] = intMul(a, b);
                  continue;
              }
              stack[sp - 1] = ops.intBinOp(a, b, BIN_OP_MAP[arg >= 13 ? arg - 13 : arg]);
              break;
            }
            if (a instanceof PyFloat && b instanceof PyFloat && a.type === FloatType && b.type === FloatType) {
              switch (arg) {
                case BinaryOpArg.Add:
                case BinaryOpArg.InplaceAdd:
                  stack[sp - 1] = new PyFloat(a.value + b.value);
                  continue;
                case BinaryOpArg.Subtract:
                case BinaryOpArg.InplaceSubtract:
                  stack[sp - 1] = new PyFloat(a.value - b.value);
                  continue;
                case BinaryOpArg.Multiply:
                case BinaryOpArg.InplaceMultiply:
                  stack[sp - 1] = new PyFloat(a.value * b.value);
                  continue;
              }
            }
            stack[sp - 1] = arg >= 13 ? ops.inplaceOp(a, b, BIN_OP_MAP[arg - 13]) : ops.binaryOp(a, b, BIN_OP_MAP[arg]);
            break;
          }
          case Op.COMPARE_OP: {
            const b = stack[--sp]!;
            const a = stack[sp - 1]!;
            if (typeof a === "number" && typeof b === "number") {
              switch (arg) {
                case Cmp.Lt:
                  stack[sp - 1] = a < b;
                  break;
                case Cmp.Le:
                  stack[sp - 1] = a <= b;
                  break;
                case Cmp.Eq:
                  stack[sp - 1] = a === b;
                  break;
                case Cmp.Ne:
                  stack[sp - 1] = a !== b;
                  break;
                case Cmp.Gt:
                  stack[sp - 1] = a > b;
                  break;
                default:
                  stack[sp - 1] = a >= b;
              }
              break;
            }
            stack[sp - 1] = ops.richCompare(a, b, arg as Cmp);
            break;
          }
          case Op.IS_OP: {
            const b = stack[--sp];
            const a = stack[sp - 1];
            stack[sp - 1] = (a === b) !== (arg === 1);
            break;
          }
          case Op.CONTAINS_OP: {
            const b = stack[--sp]!;
            const a = stack[sp - 1]!;
            stack[sp - 1] = ops.contains(b, a) !== (arg === 1);
            break;
          }
          case Op.UNARY_NEGATIVE:
            stack[sp - 1] = ops.negative(stack[sp - 1]!);
            break;
          case Op.UNARY_NOT:
            stack[sp - 1] = !ops.truthy(stack[sp - 1]!);
            break;
          case Op.UNARY_INVERT:
            stack[sp - 1] = ops.invert(stack[sp - 1]!);
            break;
          case Op.POP_JUMP_IF_FALSE: {
            const v = stack[--sp]!;
            if (v === false || (v !== true && !ops.truthy(v))) pc = arg;
            break;
          }
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack[--sp]!;
            if (v === true || (v !== false && ops.truthy(v))) pc = arg;
            break;
          }
          case Op.POP_JUMP_IF_NONE:
            if (stack[--sp] === None) pc = arg;
            break;
          case Op.POP_JUMP_IF_NOT_NONE:
            if (stack[--sp] !== None) pc = arg;
            break;
          case Op.JUMP_FORWARD:
          case Op.JUMP_BACKWARD_NO_INTERRUPT:
            pc = arg;
            break;
          case Op.JUMP_BACKWARD:
            pc = arg;
            if (interp.pendingCheck !== null) {
              f.sp = sp;
              f.pc = pc;
              interp.pendingCheck();
            }
            break;
          case Op.GET_ITER:
            stack[sp - 1] = ops.getIter(stack[sp - 1]!);
            break;
          case Op.GET_YIELD_FROM_ITER: {
            const v = stack[sp - 1]!;
            if (v instanceof PyGenerator && v.type === CoroutineType) {
              if (!(f.code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
              }
            } else if (!(v instanceof PyGenerator)) stack[sp - 1] = ops.getIter(v);
            break;
          }
          case Op.FOR_ITER: {
            const it = stack[sp - 1]!;
            let v: PyObject | undefined;
            if (it instanceof ListIter) {
              const items = it.list.items;
              if (it.i < items.length) v = items[it.i++];
              else {
                it.i = Infinity;
                v = undefined;
              }
            } else if (it instanceof RangeIterRef.cls && it.type === RangeIterRef.type) {
              v = (it as unknown as { nextFast(): number | undefined }).nextFast();
            } else {
              const t = typeOf(it);
              const n = t.slots.next;
              if (n !== undefined) {
                f.sp = sp;
                v = n(it);
              } else v = ops.next(it);
            }
            if (v === undefined) {
              sp--;
              pc = arg;
            } else stack[sp++] = v;
            break;
          }
          case Op.UNPACK_SEQUENCE: {
            const v = stack[--sp]!;
            if (v instanceof PyTuple && v.type === TupleType && v.items.length === arg) {
              const items = v.items;
              for (let i = arg - 1; i >= 0; i--) stack[sp++] = items[i];
            } else sp = unpackIterable(v, arg, -1, 0, stack, sp);
            break;
          }
          case Op.UNPACK_EX: {
            const v = stack[--sp]!;
            sp = unpackIterable(v, 0, arg & 0xff, arg >>> 8, stack, sp);
            break;
          }
          case Op.BUILD_TUPLE: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            sp -= arg;
            stack[sp++] = arg === 0 ? EMPTY_TUPLE : new PyTuple(items);
            break;
          }
          case Op.BUILD_LIST: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            sp -= arg;
            stack[sp++] = new PyList(items);
            break;
          }
          case Op.BUILD_SET: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            sp -= arg;
            stack[sp++] = interp.newSet(items, false);
            break;
          }
          case Op.BUILD_MAP: {
            const d = new PyDict();
            const base = sp - 2 * arg;
            for (let i = 0; i < arg; i++) d.set(stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
            sp = base;
            stack[sp++] = d;
            break;
          }
          case Op.BUILD_CONST_KEY_MAP: {
            const keys = (stack[--sp] as PyTuple).items;
            const d = new PyDict();
            const base = sp - arg;
            for (let i = 0; i < arg; i++) d.set(keys[i], stack[base + i]!);
            sp = base;
            stack[sp++] = d;
            break;
          }
          case Op.BUILD_STRING: {
            let s = "";
            for (let i = sp - arg; i < sp; i++) s += stack[i] as string;
            sp -= arg;
            stack[sp++] = s;
            break;
          }
          case Op.BUILD_SLICE: {
            const step = arg === 3 ? stack[--sp]! : None;
            const stop = stack[--sp]!;
            const start = stack[sp - 1]!;
            stack[sp - 1] = new PySlice(start, stop, step);
            break;
          }
          case Op.LIST_APPEND: {
            const v = stack[--sp]!;
            (stack[sp - arg] as PyList).items.push(v);
            break;
          }
          case Op.LIST_EXTEND: {
            const v = stack[--sp]!;
            const l = stack[sp - arg] as PyList;
            if (v instanceof PyTuple || (v instanceof PyList && v.type === ListType)) {
              for (const x of v.items) l.items.push(x);
            } else {
              const t = typeOf(v);
              if (t.slots.iter === undefined && t.lookup("__iter__") === undefined && t.lookup("__getitem__") === undefined) {
                throw typeError(`Value after * must be an iterable, not ${t.name}`);
              }
              ops.iterate(v, (x) => {
                l.items.push(x);
              });
            }
            break;
          }
          case Op.SET_ADD: {
            const v = stack[--sp]!;
            interp.setAdd(stack[sp - arg]!, v);
            break;
          }
          case Op.SET_UPDATE: {
            const v = stack[--sp]!;
            const s = stack[sp - arg]!;
            ops.iterate(v, (x) => {
              interp.setAdd(s, x);
            });
            break;
          }
          case Op.MAP_ADD: {
            const v = stack[--sp]!;
            const k = stack[--sp]!;
            (stack[sp - arg] as PyDict).set(k, v);
            break;
          }
          case Op.DICT_UPDATE: {
            const v = stack[--sp]!;
            const d = stack[sp - arg] as PyDict;
            if (!(v instanceof PyDict) && ops.getAttrOpt(v, "keys") === undefined) {
              throw typeError(`'${typeOf(v).name}' object is not a mapping`);
            }
            interp.dictUpdate(d, v);
            break;
          }
          case Op.DICT_MERGE: {
            const v = stack[--sp]!;
            const d = stack[sp - arg] as PyDict;
            const fn = stack[sp - arg - 2];
            dictMerge(d, v, fn);
            break;
          }
          case Op.BINARY_SUBSCR: {
            const key = stack[--sp]!;
            const c = stack[sp - 1]!;
            if (c instanceof PyList && typeof key === "number" && c.type === ListType) {
              const items = c.items;
              const i = key < 0 ? key + items.length : key;
              if (i >= 0 && i < items.length) {
                stack[sp - 1] = items[i];
                break;
              }
            } else if (c instanceof PyDict && c.type === DictType) {
              const v = c.get(key);
              if (v !== undefined) {
                stack[sp - 1] = v;
                break;
              }
            }
            stack[sp - 1] = ops.getItem(c, key);
            break;
          }
          case Op.STORE_SUBSCR: {
            const key = stack[--sp]!;
            const c = stack[--sp]!;
            const v = stack[--sp]!;
            if (c instanceof PyList && typeof key === "number" && c.type === ListType) {
              const items = c.items;
              const i = key < 0 ? key + items.length : key;
              if (i >= 0 && i < items.length) {
                items[i] = v;
                break;
              }
            } else if (c instanceof PyDict && c.type === DictType) {
              c.set(key, v);
              break;
            }
            ops.setItem(c, key, v);
            break;
          }
          case Op.DELETE_SUBSCR: {
            const key = stack[--sp]!;
            const c = stack[--sp]!;
            ops.delItem(c, key);
            break;
          }
          case Op.BINARY_SLICE: {
            const stop = stack[--sp]!;
            const start = stack[--sp]!;
            stack[sp - 1] = ops.getItem(stack[sp - 1]!, new PySlice(start, stop, None));
            break;
          }
          case Op.STORE_SLICE: {
            const stop = stack[--sp]!;
            const start = stack[--sp]!;
            const c = stack[--sp]!;
            const v = stack[--sp]!;
            ops.setItem(c, new PySlice(start, stop, None), v);
            break;
          }
          case Op.GET_LEN:
            stack[sp] = ops.lenOf(stack[sp - 1]!);
            sp++;
            break;
          case Op.KW_NAMES:
            f.kwnames = (consts[arg] as PyTuple).items as string[];
            break;
          case Op.CALL: {
            const kwnames = f.kwnames;
            f.kwnames = null;
            const base = sp - arg - 2;
            let callable = stack[base];
            let argStart: number;
            let nargs: number;
            if (callable === null) {
              callable = stack[base + 1]!;
              argStart = base + 2;
              nargs = arg;
            } else {
              argStart = base + 1;
              nargs = arg + 1;
            }
            if (callable instanceof PyMethod && callable.func instanceof PyFunction) {
              // unpack bound method into (func, self, args...)
              if (argStart === base + 2) {
                stack[base] = callable.func;
                stack[base + 1] = callable.self;
                callable = callable.func;
                argStart = base + 1;
                nargs++;
              }
            }
            if (callable instanceof PyType && argStart === base + 2 && typeOf(callable).slots.call === TypeType.slots.call && !callable.isAbstract) {
              // class instantiation with object.__new__ and a Python __init__: run __init__ in this loop
              const init = callable.lookup("__init__");
              if (init instanceof PyFunction && (init.code.co.co_flags & GEN_FLAGS) === 0 && callable.lookup("__new__") === objectNewRef() && callable.alloc !== null) {
                const obj = callable.alloc(callable);
                if (callable.instDict && obj.dict === null) obj.dict = new PyDict();
                stack[base + 1] = obj;
                const nf = newFuncFrame(init, stack as PyObject[], base + 1, arg + 1, kwnames);
                nf.initSelf = obj;
                sp = base;
                if (ts.depth >= interp.recursionLimit) throw recursionError();
                f.sp = sp;
                f.pc = pc;
                nf.back = f;
                ts.frame = nf;
                ts.depth++;
                f = nf;
                code = nf.code.co_code;
                consts = nf.consts;
                names = nf.code.co_names;
                fast = nf.fast;
                stack = nf.stack;
                sp = 0;
                pc = 0;
                break;
              }
            }
            if (callable instanceof PyFunction) {
              const fco = callable.code.co;
              const nf = newFuncFrame(callable, stack as PyObject[], argStart, nargs, kwnames);
              sp = base;
              if (fco.co_flags & GEN_FLAGS) {
                stack[sp++] = makeGenerator(nf);
                break;
              }
              if (ts.depth >= interp.recursionLimit) throw recursionError();
              // push the new frame
              f.sp = sp;
              f.pc = pc;
              nf.back = f;
              ts.frame = nf;
              ts.depth++;
              f = nf;
              code = fco.co_code;
              consts = nf.consts;
              names = fco.co_names;
              fast = nf.fast;
              stack = nf.stack;
              sp = 0;
              pc = 0;
              break;
            }
            f.sp = base;
            let res: PyObject;
            if (callable instanceof PyMethodDescr && argStart === base + 1 && callable.type === MethodDescrType) {
              const self = stack[base + 1]!;
              res = callable.fn(self, stack.slice(base + 2, sp) as PyObject[], kwnames);
            } else {
              const args = stack.slice(argStart, argStart + nargs) as PyObject[];
              res = ops.call(callable, args, kwnames);
            }
            for (let i = base; i < sp; i++) stack[i] = null;
            sp = base;
            stack[sp++] = res;
            break;
          }
          case Op.CALL_FUNCTION_EX: {
            const kwargs = arg & 1 ? stack[--sp]! : null;
            const cargs = stack[--sp]!;
            const selfOrNull = stack[--sp];
            const callable = stack[--sp];
            let args: PyObject[];
            if (cargs instanceof PyTuple) args = cargs.items;
            else {
              const ct = typeOf(cargs);
              if (ct.slots.iter === undefined && ct.lookup("__iter__") === undefined && ct.lookup("__getitem__") === undefined) {
                throw typeError(`${funcDesc(callable === null ? selfOrNull! : callable)} argument after * must be an iterable, not ${ct.name}`);
              }
              args = ops.toArray(cargs);
            }
            let fn: PyObject;
            if (callable === null) fn = selfOrNull!;
            else {
              fn = callable;
              args = [selfOrNull!, ...args];
            }
            let kwnames: string[] | null = null;
            if (kwargs !== null && kwargs instanceof PyDict && kwargs.size > 0) {
              kwnames = [];
              args = args.slice();
              for (const [k, v] of kwargs.entries()) {
                if (typeof k !== "string") throw typeError("keywords must be strings");
                kwnames.push(k);
                args.push(v);
              }
            }
            f.sp = sp;
            stack[sp++] = ops.call(fn, args, kwnames);
            break;
          }
          case Op.MAKE_FUNCTION: {
            stack[sp - 1] = makeFunction(stack[sp - 1] as PyCode, f.globals);
            break;
          }
          case Op.SET_FUNCTION_ATTRIBUTE: {
            const fn = stack[--sp] as PyFunction;
            const v = stack[sp - 1]!;
            switch (arg) {
              case 1:
                fn.defaults = (v as PyTuple).items;
                break;
              case 2:
                fn.kwdefaults = v as PyDict;
                break;
              case 4:
                fn.annotations = v;
                break;
              case 8:
                fn.closure = (v as PyTuple).items as PyCell[];
                break;
            }
            stack[sp - 1] = fn;
            break;
          }
          case Op.RETURN_VALUE:
          case Op.RETURN_CONST: {
            let rv = (word & 0xff) === Op.RETURN_CONST ? consts[arg] : stack[--sp]!;
            f.finished = true;
            const initSelf = f.initSelf;
            if (f === entry) {
              f.sp = 0;
              f.pc = pc;
              return rv;
            }
            const back = f.back!;
            ts.frame = back;
            ts.depth--;
            f.back = null;
            f = back;
            code = f.code.co_code;
            consts = f.consts;
            names = f.code.co_names;
            fast = f.fast;
            stack = f.stack;
            sp = f.sp;
            pc = f.pc;
            if (initSelf !== null) {
              if (rv !== None) throw typeError(`__init__() should return None, not '${typeOf(rv).name}'`);
              rv = initSelf;
            }
            stack[sp++] = rv;
            break;
          }
          case Op.YIELD_VALUE: {
            const v = stack[--sp]!;
            // only the entry frame can be a generator frame here (generators run in their own nested loop)
            f.sp = sp;
            f.pc = pc;
            f.yielded = true;
            return v;
          }
          case Op.SEND: {
            const v = stack[sp - 1]!;
            const receiver = stack[sp - 2]!;
            f.sp = sp;
            f.pc = pc;
            const r = sendTo(receiver, v);
            if (r.yielded) stack[sp - 1] = r.value;
            else {
              stack[sp - 1] = r.value;
              pc = arg;
            }
            break;
          }
          case Op.END_SEND: {
            const v = stack[--sp]!;
            stack[sp - 1] = v;
            break;
          }
          case Op.CLEANUP_THROW: {
            // (sub_iter, last_sent_val, exc -- None, value)
            const exc = stack[--sp] as PyBaseException;
            if (isinstance(exc, StopIterationType)) {
              sp--;
              stack[sp - 1] = None;
              stack[sp++] = stopIterationValue(exc);
            } else {
              reraising = true;
              throw exc;
            }
            break;
          }
          case Op.GET_AWAITABLE:
            stack[sp - 1] = getAwaitable(stack[sp - 1]!, arg);
            break;
          case Op.GET_AITER: {
            const o = stack[sp - 1]!;
            const fn = typeOf(o).lookup("__aiter__");
            if (fn === undefined) throw typeError(`'async for' requires an object with __aiter__ method, got ${typeOf(o).name}`);
            const it = ops.callUnbound(fn, o, []);
            if (typeOf(it).lookup("__anext__") === undefined) {
              throw typeError(`'async for' received an object from __aiter__ that does not implement __anext__: ${typeOf(it).name}`);
            }
            stack[sp - 1] = it;
            break;
          }
          case Op.GET_ANEXT: {
            const o = stack[sp - 1]!;
            const fn = typeOf(o).lookup("__anext__");
            if (fn === undefined) throw typeError(`'async for' requires an iterator with __anext__ method, got ${typeOf(o).name}`);
            const aw = ops.callUnbound(fn, o, []);
            stack[sp++] = getAwaitable(aw, 0, true);
            break;
          }
          case Op.END_ASYNC_FOR: {
            const exc = stack[--sp] as PyBaseException;
            sp--;
            if (!isinstance(exc, StopAsyncIterationType)) {
              reraising = true;
              throw exc;
            }
            break;
          }
          case Op.BEFORE_ASYNC_WITH: {
            const mgr = stack[sp - 1]!;
            const t = typeOf(mgr);
            const enter = t.lookup("__aenter__");
            const exit = t.lookup("__aexit__");
            if (enter === undefined || exit === undefined) {
              throw typeError(`'${t.name}' object does not support the asynchronous context manager protocol`);
            }
            stack[sp - 1] = bindDescr(exit, mgr);
            stack[sp++] = getAwaitable(ops.callUnbound(enter, mgr, []), 1);
            break;
          }
          case Op.BEFORE_WITH: {
            const mgr = stack[sp - 1]!;
            const t = typeOf(mgr);
            const enter = t.lookup("__enter__");
            const exit = t.lookup("__exit__");
            if (enter === undefined) throw typeError(`'${t.name}' object does not support the context manager protocol`);
            if (exit === undefined) throw typeError(`'${t.name}' object does not support the context manager protocol (missed __exit__ method)`);
            stack[sp - 1] = bindDescr(exit, mgr);
            f.sp = sp;
            stack[sp++] = ops.callUnbound(enter, mgr, []);
            break;
          }
          case Op.WITH_EXCEPT_START: {
            const exc = stack[sp - 1] as PyBaseException;
            const exitFn = stack[sp - 4]!;
            f.sp = sp;
            const r = ops.call(exitFn, [typeOf(exc), exc, exc.traceback ?? None]);
            stack[sp++] = r;
            break;
          }
          case Op.PUSH_EXC_INFO: {
            const exc = stack[sp - 1]!;
            stack[sp - 1] = ts.handled;
            stack[sp++] = exc;
            ts.handled = exc;
            break;
          }
          case Op.POP_EXCEPT:
            ts.handled = stack[--sp]!;
            break;
          case Op.CHECK_EXC_MATCH: {
            const t = stack[sp - 1]!;
            stack[sp - 1] = excMatches(stack[sp - 2]!, t);
            break;
          }
          case Op.CHECK_EG_MATCH: {
            const t = stack[--sp]!;
            const exc = stack[--sp] as PyBaseException;
            const [rest, match] = exceptionGroupMatch(exc, t);
            stack[sp++] = rest;
            stack[sp++] = match;
            if (match !== None) ts.handled = match;
            break;
          }
          case Op.RERAISE: {
            const exc = stack[--sp] as PyBaseException;
            if (arg) {
              const lasti = stack[--sp];
              if (typeof lasti === "number") f.lasti = lasti;
            }
            reraising = true;
            throw exc;
          }
          case Op.RAISE_VARARGS: {
            let e: PyBaseException;
            if (arg === 0) {
              const h = ts.handled;
              if (h === None) throw runtimeError("No active exception to reraise");
              reraising = true;
              throw h;
            } else if (arg === 1) e = doRaise(stack[--sp]!, undefined);
            else {
              const cause = stack[--sp]!;
              e = doRaise(stack[--sp]!, cause);
            }
            throw e;
          }
          case Op.LOAD_ASSERTION_ERROR:
            stack[sp++] = AssertionErrorType;
            break;
          case Op.LOAD_BUILD_CLASS: {
            const bc = f.builtins.getStr("__build_class__");
            if (bc === undefined) throw nameErrorFor("__build_class__");
            stack[sp++] = bc;
            break;
          }
          case Op.SETUP_ANNOTATIONS: {
            const locals = f.locals;
            if (locals === null) throw newException(SystemErrorType, "no locals found when setting up annotations");
            if (locals instanceof PyDict) {
              if (locals.getStr("__annotations__") === undefined) locals.setStr("__annotations__", new PyDict());
            } else if (dictLikeGet(locals, "__annotations__") === undefined) ops.setItem(locals, "__annotations__", new PyDict());
            break;
          }
          case Op.IMPORT_NAME: {
            const fromlist = stack[--sp]!;
            const level = stack[sp - 1] as number;
            f.sp = sp;
            stack[sp - 1] = interp.importName(names[arg], f.globals, f.locals ?? None, fromlist, level);
            break;
          }
          case Op.IMPORT_FROM:
            stack[sp] = interp.importFrom(stack[sp - 1]!, names[arg]);
            sp++;
            break;
          case Op.FORMAT_VALUE: {
            const spec = arg & 4 ? (stack[--sp] as string) : "";
            let v = stack[sp - 1]!;
            switch (arg & 3) {
              case 1:
                v = ops.str(v);
                break;
              case 2:
                v = ops.repr(v);
                break;
              case 3:
                v = asciiRepr(ops.repr(v));
                break;
            }
            if (typeof v === "string" && spec === "") stack[sp - 1] = v;
            else stack[sp - 1] = interp.format(v, spec);
            break;
          }
          case Op.CALL_INTRINSIC_1: {
            const v = stack[sp - 1]!;
            stack[sp - 1] = intrinsic1(f, arg, v);
            break;
          }
          case Op.CALL_INTRINSIC_2: {
            const v1 = stack[--sp]!;
            const v2 = stack[sp - 1]!;
            stack[sp - 1] = intrinsic2(arg, v2, v1);
            break;
          }
          case Op.MATCH_MAPPING:
            stack[sp] = interp.isMapping(stack[sp - 1]!);
            sp++;
            break;
          case Op.MATCH_SEQUENCE:
            stack[sp] = interp.isSequence(stack[sp - 1]!);
            sp++;
            break;
          case Op.MATCH_KEYS: {
            const keys = stack[sp - 1] as PyTuple;
            const subject = stack[sp - 2]!;
            stack[sp++] = matchKeys(subject, keys);
            break;
          }
          case Op.MATCH_CLASS: {
            const kw = stack[--sp] as PyTuple;
            const cls = stack[--sp]!;
            const subject = stack[sp - 1]!;
            stack[sp - 1] = matchClass(subject, cls, arg, kw);
            break;
          }
          default:
            throw newException(SystemErrorType, `unknown opcode ${word & 0xff}`);
        }
      }
    } catch (e) {
      // ---------------- exception unwinding ----------------
      let exc: PyBaseException;
      try {
        exc = toPyException(e);
      } catch (e2) {
        exc = toPyException(e2);
      }
      if (!reraising) {
        if (exc.context === None) setContext(exc);
        addTraceback(exc, f);
      }
      reraising = false;
      for (;;) {
        // The handler is looked up at the instruction that raised (RERAISE may have changed lasti for tracebacks only).
        const h = f.code.handlerFor(pc - 1);
        if (h !== undefined) {
          for (let i = h.depth; i < sp; i++) stack[i] = null;
          sp = h.depth;
          if (h.lasti) stack[sp++] = f.lasti;
          stack[sp++] = exc;
          pc = h.target;
          break;
        }
        // no handler: leave this frame
        f.finished = true;
        if (f === entry) {
          f.sp = 0;
          throw exc;
        }
        const back = f.back!;
        ts.frame = back;
        ts.depth--;
        f.back = null;
        f = back;
        code = f.code.co_code;
        consts = f.consts;
        names = f.code.co_names;
        fast = f.fast;
        stack = f.stack;
        sp = f.sp;
        pc = f.pc;
        addTraceback(exc, f);
      }
    }
  }
}

function dictLikeGet(mapping: PyObject, key: string): PyObject | undefined {
  try {
    return ops.getItem(mapping, key);
  } catch (e) {
    if (e instanceof PyBaseException && isinstance(e, excTypes.get("KeyError")!)) return undefined;
    throw e;
  }
}

function dictMerge(d: PyDict, v: PyObject, fn: PyObject | null | undefined): void {
  const fname = fn ? funcDesc(fn) : "function";
  if (!(v instanceof PyDict)) {
    if (ops.getAttrOpt(v, "keys") === undefined) throw typeError(`${fname} argument after ** must be a mapping, not ${typeOf(v).name}`);
    const keys = ops.toArray(ops.callMethod(v, "keys", []));
    for (const k of keys) {
      if (d.get(k) !== undefined) throw typeError(`${fname} got multiple values for keyword argument '${ops.str(k)}'`);
      d.set(k, ops.getItem(v, k));
    }
    return;
  }
  for (const [k, val] of v.entries()) {
    if (typeof k !== "string" && !(k instanceof PyStrObj)) throw typeError(`${fname} keywords must be strings`);
    if (d.get(k) !== undefined) throw typeError(`${fname} got multiple values for keyword argument '${ops.str(k)}'`);
    d.set(k, val);
  }
}
/** _PyObject_FunctionStr: "module.qualname()" for functions outside builtins. */
function funcDesc(fn: PyObject): string {
  if (fn instanceof PyFunction) return typeof fn.module === "string" && fn.module !== "builtins" ? `${fn.module}.${fn.qualname}()` : `${fn.qualname}()`;
  if (fn instanceof PyMethod) return funcDesc(fn.func);
  if (fn instanceof PyBuiltinFunction) return `${fn.name}()`;
  if (fn instanceof PyType) return `${fn.name}()`;
  return `${typeOf(fn).name} object`;
}

function bindDescr(d: PyObject, obj: PyObject): PyObject {
  if (d instanceof PyFunction) return new PyMethod(d, obj);
  const g = typeOf(d).slots.descrGet;
  return g !== undefined ? g(d, obj, typeOf(obj)) : d;
}

export function asciiRepr(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
}

/** The awaitable iterator for `await x` (GET_AWAITABLE). */
export function getAwaitable(x: PyObject, where: number, anext = false): PyObject {
  if (x instanceof PyGenerator) {
    if (x.type === CoroutineType) {
      if (x.running && x.frame.sp > 0 && !anext) {
        // awaiting a coroutine that is already being awaited
      }
      return x;
    }
    if (x.type === GeneratorType && x.frame.code.co_flags & CO_ITERABLE_COROUTINE) return x;
  }
  const t = typeOf(x);
  const f = t.lookup("__await__");
  if (f === undefined) {
    if (where === 1) throw typeError(`'async with' received an object from __aenter__ that does not implement __await__: ${t.name}`);
    if (where === 2) throw typeError(`'async with' received an object from __aexit__ that does not implement __await__: ${t.name}`);
    if (anext) throw typeError(`'async for' received an invalid object from __anext__: ${t.name}`);
    throw typeError(`object ${t.name} can't be used in 'await' expression`);
  }
  const it = ops.callUnbound(f, x, []);
  if (it instanceof PyGenerator && it.type === CoroutineType) throw typeError("__await__() returned a coroutine");
  if (!ops.isIterator(it)) throw typeError(`__await__() returned non-iterator of type '${typeOf(it).name}'`);
  return it;
}

function intrinsic1(f: Frame, which: number, v: PyObject): PyObject {
  switch (which) {
    case Intrinsic1.Print:
      interp.displayhook(v);
      return None;
    case Intrinsic1.ImportStar:
      interp.importStar(v, f.locals ?? f.globals);
      return None;
    case Intrinsic1.StopIterationError: {
      const e = v as PyBaseException;
      if (isinstance(e, StopIterationType)) {
        const r = runtimeError(`${f.gen && f.gen.type !== GeneratorType ? (f.gen.type === CoroutineType ? "coroutine" : "async generator") : "generator"} raised StopIteration`);
        r.cause = e;
        r.suppressContext = true;
        return r;
      }
      if (isinstance(e, StopAsyncIterationType) && f.gen && f.gen.type === AsyncGeneratorType) {
        const r = runtimeError("async generator raised StopAsyncIteration");
        r.cause = e;
        r.suppressContext = true;
        return r;
      }
      return e;
    }
    case Intrinsic1.AsyncGenWrap:
      return new AsyncGenWrappedObj(v);
    case Intrinsic1.UnaryPositive:
      return ops.positive(v);
    case Intrinsic1.ListToTuple:
      return new PyTuple((v as PyList).items.slice());
    case Intrinsic1.TypeVar:
    case Intrinsic1.ParamSpec:
    case Intrinsic1.TypeVarTuple:
    case Intrinsic1.SubscriptGeneric:
    case Intrinsic1.TypeAlias:
      return typingHooks.intrinsic1(which, v);
    default:
      throw newException(excTypes.get("NotImplementedError")!, `intrinsic ${which} (PEP 695 type parameters) is not supported yet`);
  }
}

function intrinsic2(which: number, a: PyObject, b: PyObject): PyObject {
  switch (which) {
    case Intrinsic2.PrepReraiseStar:
      return prepReraiseStar(a, b as PyList);
    case Intrinsic2.TypeVarWithBound:
    case Intrinsic2.TypeVarWithConstraints:
    case Intrinsic2.SetFunctionTypeParams:
      return typingHooks.intrinsic2(which, a, b);
    default:
      throw newException(excTypes.get("NotImplementedError")!, `intrinsic2 ${which} (PEP 695 type parameters) is not supported yet`);
  }
}

/** PEP 695 intrinsics, installed by modules/_typing.ts. */
export const typingHooks = {
  intrinsic1: (_which: number, _v: PyObject): PyObject => {
    throw newException(excTypes.get("NotImplementedError")!, "PEP 695 type parameters need the _typing module");
  },
  intrinsic2: (_which: number, _a: PyObject, _b: PyObject): PyObject => {
    throw newException(excTypes.get("NotImplementedError")!, "PEP 695 type parameters need the _typing module");
  },
};

/** Wrapped async-generator yield values travel through the frame as this PyObject subclass. */
export const AsyncGenWrappedType = makeBuiltinType("async_generator_wrapped_value", ObjectType, { subclassable: false });
export class AsyncGenWrappedObj extends PyBase {
  constructor(public value: PyObject) {
    super(AsyncGenWrappedType);
  }
}
void AsyncGenWrapped;

// ---------------------------------------------------------------------------------------------------------------
// except* support (installed by objects/exceptions.ts)

export const egHooks = {
  split: (_eg: PyBaseException, _matcher: (e: PyBaseException) => boolean): [PyObject, PyObject] => {
    throw new Error("exception groups not installed");
  },
  newGroup: (_msg: string, _excs: PyObject[]): PyBaseException => {
    throw new Error("exception groups not installed");
  },
  prepReraiseStar: (_orig: PyObject, _excs: PyList): PyObject => {
    throw new Error("exception groups not installed");
  },
};

function exceptionGroupMatch(exc: PyBaseException, t: PyObject): [PyObject, PyObject] {
  checkEgMatchType(t);
  if (isinstance(exc, BaseExceptionGroupType)) {
    const [match, rest] = egHooks.split(exc, (e) => excMatches(e, t));
    return [rest, match];
  }
  if (excMatches(exc, t)) {
    const eg = egHooks.newGroup("", [exc]);
    eg.traceback = exc.traceback;
    return [None, eg];
  }
  return [exc, None];
}
function checkEgMatchType(t: PyObject): void {
  const items = t instanceof PyTuple ? t.items : [t];
  for (const x of items) {
    if (!(x instanceof PyType) || !x.isSubtypeOf(BaseExceptionType)) {
      throw typeError("catching classes that do not inherit from BaseException is not allowed");
    }
    if (x.isSubtypeOf(BaseExceptionGroupType)) {
      throw typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
  }
}
function prepReraiseStar(orig: PyObject, excs: PyList): PyObject {
  return egHooks.prepReraiseStar(orig, excs);
}

// ---------------------------------------------------------------------------------------------------------------
// match statement helpers

function matchKeys(subject: PyObject, keys: PyTuple): PyObject {
  if (keys.items.length === 0) return EMPTY_TUPLE;
  const get = ops.getAttr(subject, "get");
  const dummy = new PyTuple([]);
  const values: PyObject[] = [];
  const seen: PyObject[] = [];
  for (const k of keys.items) {
    if (seen.some((s) => ops.eq(s, k))) throw newException(ValueErrorType, `mapping pattern checks duplicate key (${ops.repr(k)})`);
    seen.push(k);
    const v = ops.call(get, [k, dummy]);
    if (v === dummy) return None;
    values.push(v);
  }
  return new PyTuple(values);
}

function matchClass(subject: PyObject, cls: PyObject, nargs: number, kw: PyTuple): PyObject {
  if (!(cls instanceof PyType)) throw typeError("called match pattern must be a class");
  if (!ops.isInstanceOf(subject, cls)) return None;
  const attrs: PyObject[] = [];
  const seen: string[] = [];
  if (nargs) {
    const matchArgs = ops.getAttrOpt(cls, "__match_args__");
    let selfMatch = false;
    let names: PyObject[] = [];
    if (matchArgs === undefined) {
      selfMatch = MATCH_SELF_TYPES().some((t) => cls.isSubtypeOf(t));
      if (!selfMatch && nargs) throw typeError(`${cls.name}() accepts 0 positional sub-patterns (${nargs} given)`);
    } else {
      if (!(matchArgs instanceof PyTuple)) throw typeError(`${cls.name}.__match_args__ must be a tuple (got ${typeOf(matchArgs).name})`);
      names = matchArgs.items;
    }
    if (selfMatch) {
      if (nargs > 1) throw typeError(`${cls.name}() accepts 1 positional sub-pattern (${nargs} given)`);
      attrs.push(subject);
    } else {
      if (nargs > names.length) {
        throw typeError(`${cls.name}() accepts ${names.length} positional sub-pattern${names.length === 1 ? "" : "s"} (${nargs} given)`);
      }
      for (let i = 0; i < nargs; i++) {
        const n = names[i];
        if (typeof n !== "string") throw typeError(`__match_args__ elements must be strings (got ${typeOf(n).name})`);
        seen.push(n);
        const v = ops.getAttrOpt(subject, n);
        if (v === undefined) return None;
        attrs.push(v);
      }
    }
  }
  for (const k of kw.items) {
    const n = k as string;
    if (seen.includes(n)) throw typeError(`${cls.name}() got multiple sub-patterns for attribute '${n}'`);
    seen.push(n);
    const v = ops.getAttrOpt(subject, n);
    if (v === undefined) return None;
    attrs.push(v);
  }
  return new PyTuple(attrs);
}
let matchSelfTypes: PyType[] | null = null;
function MATCH_SELF_TYPES(): PyType[] {
  if (matchSelfTypes === null) {
    const names = ["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"];
    matchSelfTypes = names.map((n) => interp.builtins!.getStr(n) as PyType).filter((t) => t instanceof PyType);
  }
  return matchSelfTypes;
}

// ---------------------------------------------------------------------------------------------------------------
// Fast list iteration (list iterators are created here so FOR_ITER can special-case them)

export const ListIterType = makeBuiltinType("list_iterator", ObjectType, { subclassable: false });
export class ListIter extends PyBase {
  i = 0;
  constructor(public list: PyList) {
    super(ListIterType);
  }
}
ListIterType.slots.iter = (self) => self;
ListIterType.slots.next = (self) => {
  const it = self as ListIter;
  const items = it.list.items;
  if (it.i < items.length) return items[it.i++];
  it.i = Infinity;
  return undefined;
};
/** The range iterator class, registered by objects/range.ts for FOR_ITER's fast path. */
export const RangeIterRef: { cls: new (...a: never[]) => PyBase; type: PyType | null } = { cls: class Never extends PyBase {}, type: null };

import { ClassMethodDescrType, MethodDescrType, TypeType } from "./core";
let objectNewCache: PyObject | undefined;
function objectNewRef(): PyObject | undefined {
  if (objectNewCache === undefined) objectNewCache = ObjectType.dict.getStr("__new__");
  return objectNewCache;
}
export { NotImplemented, StrType, PyIntObj, isInt, intValue, keyError, NameErrorType };

/** 1 = mapping, 2 = sequence, 0 = neither (CPython's Py_TPFLAGS_MAPPING / Py_TPFLAGS_SEQUENCE, incl. ABC registration). */
function matchKind(x: PyObject): number {
  if (typeof x === "string" || typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") return 0;
  const t = typeOf(x);
  for (const m of t.mro) {
    switch (m.name) {
      case "list":
      case "tuple":
      case "range":
      case "memoryview":
      case "deque":
      case "array":
        if (!m.heap) return 2;
        break;
      case "dict":
      case "mappingproxy":
        if (!m.heap) return 1;
        break;
      case "str":
      case "bytes":
      case "bytearray":
        if (!m.heap) return 0;
        break;
    }
  }
  const modules = interp.sysModules?.();
  const abc = modules?.getStr("_collections_abc") ?? modules?.getStr("collections.abc");
  if (abc !== undefined) {
    const mapping = ops.getAttrOpt(abc, "Mapping");
    if (mapping !== undefined && ops.isInstanceOf(x, mapping)) return 1;
    const seq = ops.getAttrOpt(abc, "Sequence");
    if (seq !== undefined && ops.isInstanceOf(x, seq)) return 2;
  }
  return 0;
}
