// select: select() for descriptors whose readiness is known without polling (regular files and directories are always
// ready, as the kernel reports them); pipes, ttys and sockets need an event loop Node does not expose synchronously,
// so asking about them raises NotImplementedError rather than guessing.
import * as fs from "node:fs";
import { PyList, PyObject, PyFloat, None, OSErrorType, typeError, valueError, notImplementedError, isInt, intValue, PyTuple } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";
import { isVirtualFd } from "./posix/fdtable";

function fdOf(x: PyObject): number {
  if (isInt(x) && typeof x !== "boolean") {
    const n = Number(intValue(x));
    if (n < 0) throw valueError(`file descriptor cannot be a negative integer (${n})`);
    return n;
  }
  const f = ops.getAttrOpt(x, "fileno");
  if (f === undefined) throw typeError("argument must be an int, or have a fileno() method.");
  const r = ops.call(f, []);
  if (!isInt(r)) throw typeError("fileno() returned a non-integer");
  return fdOf(r);
}

/** True when the descriptor is always ready (regular file/directory/archive file); throws for the unknowable kinds. */
function alwaysReady(fd: number): boolean {
  if (isVirtualFd(fd)) return true;
  let st: fs.Stats;
  try {
    st = fs.fstatSync(fd);
  } catch {
    throw ops.call(OSErrorType, [9, "Bad file descriptor"]);
  }
  if (st.isFile() || st.isDirectory() || st.isBlockDevice()) return true;
  throw notImplementedError("select.select() on pipes, terminals and sockets is not supported by pypack");
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

registerNativeModule("select", () =>
  makeModule("select", {
    error: OSErrorType,
    select: (args) => {
      if (args.length < 3 || args.length > 4) throw typeError(`select expected at least 3 arguments, got ${args.length}`);
      const lists = args.slice(0, 3).map((l) => {
        const items = ops.toArray(l);
        return items.filter((o) => alwaysReady(fdOf(o)));
      });
      const t = args.length > 3 ? args[3] : None;
      if (lists.every((l) => l.length === 0) && t !== None) {
        const secs = t instanceof PyFloat ? t.value : isInt(t) ? Number(intValue(t)) : ops.asFloat(t);
        if (secs < 0) throw valueError("timeout must be non-negative");
        if (Number.isNaN(secs)) throw valueError("Invalid value NaN (not a number)");
        Atomics.wait(sleepCell, 0, 0, secs * 1000);
      } else if (lists.every((l) => l.length === 0)) {
        throw notImplementedError("select.select() without a timeout would block forever on these descriptors");
      }
      return new PyTuple([new PyList(lists[0]), new PyList(lists[1]), new PyList(lists[2])]);
    },
  }),
);
