// Python-visible behaviour of generators, coroutines and async generators: send/throw/close, __next__, __await__,
// __anext__/asend/athrow/aclose awaitables, gi_*/cr_*/ag_* attributes and reprs.
import { PyTuple, makeBuiltinType, ObjectType, PyBase, PyBaseException, PyObject, PyType, None, typeError, typeOf, newException, StopIterationType, StopAsyncIterationType, GeneratorExitType, runtimeError, isinstance } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod } from "../define";
import {
  AsyncGeneratorType,
  AsyncGenWrappedObj,
  CoroutineType,
  GeneratorType,
  PyGenerator,
  genClose,
  genResume,
  genThrow,
  makeRaisable,
  newStopIteration,
  toPyException,
  GenResult,
} from "../interpreter";

function G(x: PyObject): PyGenerator {
  return x as PyGenerator;
}

/** Builds the exception for gen.throw(typ[, val[, tb]]). */
function throwArg(args: PyObject[]): PyBaseException {
  if (args.length === 0) throw typeError("throw expected at least 1 argument, got 0");
  const typ = args[0];
  const val = args.length > 1 ? args[1] : None;
  let exc: PyBaseException;
  if (typ instanceof PyBaseException) {
    if (val !== None) throw typeError("instance exception may not have a separate value");
    exc = typ;
  } else if (typ instanceof PyType) {
    if (val instanceof PyBaseException && isinstance(val, typ)) exc = val;
    else exc = makeRaisable(val === None ? typ : ops.call(typ, val instanceof PyTuple ? val.items : [val]));
  } else {
    throw typeError(`exceptions must be classes or instances deriving from BaseException, not ${typeOf(typ).name}`);
  }
  if (args.length > 2 && args[2] !== None) exc.traceback = args[2] as PyBase;
  return exc;
}

function finish(r: GenResult): PyObject {
  if (r.yielded) return r.value;
  throw newStopIteration(r.value);
}

for (const T of [GeneratorType, CoroutineType]) {
  defMethod(T, "send", (self, args) => finish(genResume(G(self), args[0], null)));
  defMethod(T, "throw", (self, args) => finish(genThrow(G(self), throwArg(args))));
  defMethod(T, "close", (self) => genClose(G(self)));
  const pfx = T === GeneratorType ? "gi" : "cr";
  defGetSet(T, `${pfx}_frame`, (self) => (G(self).finished ? None : G(self).frame));
  defGetSet(T, `${pfx}_running`, (self) => G(self).running);
  defGetSet(T, `${pfx}_code`, (self) => G(self).frame.pcode);
  defGetSet(T, "__name__", (self) => G(self).name, (self, v) => {
    G(self).name = ops.pyStr(v ?? "");
  });
  defGetSet(T, "__qualname__", (self) => G(self).qualname, (self, v) => {
    G(self).qualname = ops.pyStr(v ?? "");
  });
  T.slots.repr = (self) => `<${T.name} object ${G(self).qualname} at 0x${ops.identityHash(self).toString(16).padStart(12, "0")}>`;
}
defGetSet(GeneratorType, "gi_suspended", (self) => G(self).started && !G(self).finished && !G(self).running);
defGetSet(CoroutineType, "cr_suspended", (self) => G(self).started && !G(self).finished && !G(self).running);
defMethod(GeneratorType, "__next__", (self) => finish(genResume(G(self), None, null)));
defMethod(GeneratorType, "__iter__", (self) => self);

// ---- coroutine.__await__ -> coroutine_wrapper
export const CoroWrapperType = makeBuiltinType("coroutine_wrapper", ObjectType, { subclassable: false });
class CoroWrapper extends PyBase {
  constructor(public coro: PyGenerator) {
    super(CoroWrapperType);
  }
}
defMethod(CoroutineType, "__await__", (self) => new CoroWrapper(G(self)));
CoroWrapperType.slots.iter = (x) => x;
CoroWrapperType.slots.next = (x) => {
  const r = genResume((x as CoroWrapper).coro, None, null);
  if (r.yielded) return r.value;
  if (r.value !== None) throw newStopIteration(r.value);
  return undefined;
};
defMethod(CoroWrapperType, "send", (x, a) => finish(genResume((x as CoroWrapper).coro, a[0], null)));
defMethod(CoroWrapperType, "throw", (x, a) => finish(genThrow((x as CoroWrapper).coro, throwArg(a))));
defMethod(CoroWrapperType, "close", (x) => genClose((x as CoroWrapper).coro));
defMethod(CoroWrapperType, "__next__", (x) => finish(genResume((x as CoroWrapper).coro, None, null)));

// ---- async generators
export const AsyncGenASendType = makeBuiltinType("async_generator_asend", ObjectType, { subclassable: false });
export const AsyncGenAThrowType = makeBuiltinType("async_generator_athrow", ObjectType, { subclassable: false });
const enum AState {
  Init,
  Iter,
  Closed,
}
class AsyncGenOp extends PyBase {
  state = AState.Init;
  constructor(
    type: PyType,
    public gen: PyGenerator,
    public sendValue: PyObject,
    public exc: PyBaseException | null,
    public isClose: boolean,
  ) {
    super(type);
  }
}
/** Unwraps an async generator step: a wrapped value means the generator yielded (StopIteration(value) to the awaiter). */
function agUnwrap(op: AsyncGenOp, r: GenResult): PyObject {
  if (r.yielded) {
    if (r.value instanceof AsyncGenWrappedObj) {
      op.state = AState.Closed;
      if (op.isClose) throw runtimeError("async generator ignored GeneratorExit");
      throw newStopIteration(r.value.value);
    }
    return r.value;
  }
  op.state = AState.Closed;
  if (op.isClose) throw newStopIteration(None);
  throw newException(StopAsyncIterationType);
}
function agStep(op: AsyncGenOp, value: PyObject, exc: PyBaseException | null): PyObject {
  if (op.state === AState.Closed) throw runtimeError(op.isClose || op.exc ? "cannot reuse already awaited aclose()/athrow()" : "cannot reuse already awaited __anext__()/asend()");
  let r: GenResult;
  try {
    if (op.state === AState.Init) {
      op.state = AState.Iter;
      if (op.exc !== null) {
        if (op.gen.finished) {
          op.state = AState.Closed;
          if (op.isClose) throw newStopIteration(None);
          throw op.exc;
        }
        r = genThrow(op.gen, op.exc);
      } else r = genResume(op.gen, op.sendValue, null);
    } else if (exc !== null) r = genThrow(op.gen, exc);
    else r = genResume(op.gen, value, null);
  } catch (e) {
    const pe = toPyException(e);
    op.state = AState.Closed;
    if (op.isClose && (isinstance(pe, StopAsyncIterationType) || isinstance(pe, GeneratorExitType))) throw newStopIteration(None);
    throw pe;
  }
  return agUnwrap(op, r);
}
for (const T of [AsyncGenASendType, AsyncGenAThrowType]) {
  T.slots.iter = (x) => x;
  T.slots.next = (x) => {
    try {
      return agStep(x as AsyncGenOp, None, null);
    } catch (e) {
      if (e instanceof PyBaseException && isinstance(e, StopIterationType) && ops.getAttr(e, "value") === None) return undefined;
      throw e;
    }
  };
  defMethod(T, "__await__", (x) => x);
  defMethod(T, "__iter__", (x) => x);
  defMethod(T, "__next__", (x) => agStep(x as AsyncGenOp, None, null));
  defMethod(T, "send", (x, a) => agStep(x as AsyncGenOp, a[0], null));
  defMethod(T, "throw", (x, a) => agStep(x as AsyncGenOp, None, throwArg(a)));
  defMethod(T, "close", (x) => {
    (x as AsyncGenOp).state = AState.Closed;
    return None;
  });
}
defMethod(AsyncGeneratorType, "__aiter__", (self) => self);
defMethod(AsyncGeneratorType, "__anext__", (self) => new AsyncGenOp(AsyncGenASendType, G(self), None, null, false));
defMethod(AsyncGeneratorType, "asend", (self, a) => new AsyncGenOp(AsyncGenASendType, G(self), a[0], null, false));
defMethod(AsyncGeneratorType, "athrow", (self, a) => new AsyncGenOp(AsyncGenAThrowType, G(self), None, throwArg(a), false));
defMethod(AsyncGeneratorType, "aclose", (self) => new AsyncGenOp(AsyncGenAThrowType, G(self), None, newException(GeneratorExitType), true));
defGetSet(AsyncGeneratorType, "ag_frame", (self) => (G(self).finished ? None : G(self).frame));
defGetSet(AsyncGeneratorType, "ag_running", (self) => G(self).running);
defGetSet(AsyncGeneratorType, "ag_code", (self) => G(self).frame.pcode);
defGetSet(AsyncGeneratorType, "__name__", (self) => G(self).name);
defGetSet(AsyncGeneratorType, "__qualname__", (self) => G(self).qualname);
AsyncGeneratorType.slots.repr = (self) => `<async_generator object ${G(self).qualname} at 0x${ops.identityHash(self).toString(16).padStart(12, "0")}>`;
