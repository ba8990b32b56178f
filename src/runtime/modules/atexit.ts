// The atexit module: handlers registered by Python code, run in reverse order at interpreter exit.
import { None, PyObject, typeError, PyBaseException } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";

interface Handler {
  fn: PyObject;
  args: PyObject[];
  kwnames: readonly string[] | null;
}
const handlers: Handler[] = [];

/** Runs the handlers (last registered first); exceptions are reported through `report` and do not stop the others. */
export function runExitHandlers(report: (e: PyBaseException, fn: PyObject) => void): void {
  while (handlers.length) {
    const h = handlers.pop()!;
    try {
      ops.call(h.fn, h.args, h.kwnames);
    } catch (e) {
      if (e instanceof PyBaseException) report(e, h.fn);
      else throw e;
    }
  }
}

registerNativeModule("atexit", () =>
  makeModule("atexit", {
    register: (args, kw) => {
      if (args.length === 0) throw typeError("register() takes at least 1 argument (0 given)");
      const fn = args[0];
      if (!ops.isCallable(fn)) throw typeError("the first argument must be callable");
      const rest = args.slice(1);
      handlers.push({ fn, args: rest, kwnames: kw });
      return fn;
    },
    unregister: (args) => {
      for (let i = handlers.length - 1; i >= 0; i--) if (ops.eq(handlers[i].fn, args[0])) handlers.splice(i, 1);
      return None;
    },
    _run_exitfuncs: () => {
      runExitHandlers(() => {});
      return None;
    },
    _clear: () => {
      handlers.length = 0;
      return None;
    },
    _ncallbacks: () => handlers.length,
  }),
);
