// _thread: locks (Lock, RLock), thread identity, thread-local data. Threads themselves are not started yet
// (start_new_thread raises RuntimeError until the VM's thread scheduler lands).
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyType, PyDict, None, typeError, runtimeError, valueError, PyFloat, RuntimeErrorType, newException, SystemExitType } from "../core";
import * as ops from "../ops";
import { defMethod, defStaticMethod, makeModule, parseArgs, defGetSet } from "../define";
import { registerNativeModule } from "./registry";
import { makeStructSeq } from "./sys";

export const LockType = makeBuiltinType("lock", ObjectType, { subclassable: false });
LockType.dict.setStr("__module__", "_thread");
export const RLockType = makeBuiltinType("RLock", ObjectType, { alloc: (cls) => new PyRLock(cls) });
RLockType.dict.setStr("__module__", "_thread");
export const LocalType = makeBuiltinType("_local", ObjectType, { alloc: (cls) => new PyLocal(cls) });
LocalType.dict.setStr("__module__", "_thread");
LocalType.instDict = true;

class PyLock extends PyBase {
  locked = false;
  constructor() {
    super(LockType);
  }
}
class PyRLock extends PyBase {
  count = 0;
  owner = 0;
  constructor(type: PyType) {
    super(type);
  }
}
class PyLocal extends PyBase {
  constructor(type: PyType) {
    super(type);
    this.dict = new PyDict();
  }
}
const MAIN_IDENT = 140000000000001;

/** Acquiring a held lock in a single-threaded VM can only succeed after a timeout; blocking forever is a deadlock. */
function acquireArgs(args: PyObject[], kw: readonly string[] | null): { blocking: boolean; timeout: number } {
  const [b, t] = parseArgs("acquire", args, kw, ["blocking", "timeout"], 0);
  const blocking = b === undefined ? true : ops.truthy(b);
  const timeout = t === undefined ? -1 : ops.asFloat(t);
  if (!blocking && timeout !== -1) throw valueError("can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) throw valueError("timeout value must be a non-negative number");
  return { blocking, timeout };
}
function lockAcquire(self: PyObject, args: PyObject[], kw: readonly string[] | null): PyObject {
  const l = self as PyLock;
  const { blocking, timeout } = acquireArgs(args, kw);
  if (!l.locked) {
    l.locked = true;
    return true;
  }
  if (!blocking || timeout >= 0) return false;
  throw runtimeError("deadlock: acquiring a held lock with no other thread to release it");
}
defMethod(LockType, "acquire", lockAcquire);
defMethod(LockType, "acquire_lock", lockAcquire);
defMethod(LockType, "__enter__", lockAcquire);
function lockRelease(self: PyObject): PyObject {
  const l = self as PyLock;
  if (!l.locked) throw newException(RuntimeErrorType, "release unlocked lock");
  l.locked = false;
  return None;
}
defMethod(LockType, "release", lockRelease);
defMethod(LockType, "release_lock", lockRelease);
defMethod(LockType, "__exit__", lockRelease);
defMethod(LockType, "locked", (self) => (self as PyLock).locked);
defMethod(LockType, "locked_lock", (self) => (self as PyLock).locked);
defMethod(LockType, "_at_fork_reinit", (self) => {
  (self as PyLock).locked = false;
  return None;
});
LockType.slots.repr = (self) => `<${(self as PyLock).locked ? "locked" : "unlocked"} _thread.lock object at 0x${ops.identityHash(self).toString(16).padStart(12, "0")}>`;

function rlockAcquire(self: PyObject, args: PyObject[], kw: readonly string[] | null): PyObject {
  const r = self as PyRLock;
  acquireArgs(args, kw);
  r.count++;
  r.owner = MAIN_IDENT;
  return true;
}
defMethod(RLockType, "acquire", rlockAcquire);
defMethod(RLockType, "__enter__", rlockAcquire);
function rlockRelease(self: PyObject): PyObject {
  const r = self as PyRLock;
  if (r.count === 0) throw runtimeError("cannot release un-acquired lock");
  r.count--;
  if (r.count === 0) r.owner = 0;
  return None;
}
defMethod(RLockType, "release", rlockRelease);
defMethod(RLockType, "__exit__", rlockRelease);
defMethod(RLockType, "_is_owned", (self) => (self as PyRLock).count > 0);
defMethod(RLockType, "_release_save", (self) => {
  const r = self as PyRLock;
  const st = ops.callTuple([r.count, r.owner]);
  r.count = 0;
  r.owner = 0;
  return st;
});
defMethod(RLockType, "_acquire_restore", (self, args) => {
  const r = self as PyRLock;
  const [c, o] = ops.toArray(args[0]);
  r.count = Number(ops.index(c));
  r.owner = Number(ops.index(o));
  return None;
});
defMethod(RLockType, "_at_fork_reinit", (self) => {
  (self as PyRLock).count = 0;
  return None;
});
RLockType.slots.repr = (self) => {
  const r = self as PyRLock;
  return `<${r.count ? "locked" : "unlocked"} _thread.RLock object owner=${r.owner} count=${r.count} at 0x${ops.identityHash(self).toString(16).padStart(12, "0")}>`;
};
defStaticMethod(LocalType, "__new__", (args) => new PyLocal(args[0] as PyType));
defMethod(LocalType, "__init__", () => None);
void defGetSet;

registerNativeModule("_thread", () => {
  const ExceptHookArgs = makeStructSeq("_thread._ExceptHookArgs", "_thread", ["exc_type", "exc_value", "exc_traceback", "thread"]);
  return makeModule("_thread", {
    LockType,
    RLock: RLockType,
    _local: LocalType,
    error: RuntimeErrorType,
    TIMEOUT_MAX: new PyFloat(9223372036.0),
    allocate_lock: () => new PyLock(),
    allocate: () => new PyLock(),
    get_ident: () => MAIN_IDENT,
    get_native_id: () => process.pid,
    _count: () => 0,
    daemon_threads_allowed: () => true,
    _is_main_interpreter: () => true,
    _set_sentinel: () => new PyLock(),
    stack_size: (args) => {
      if (args.length && ops.index(args[0]) !== 0) throw valueError("size not valid: 0 bytes");
      return 0;
    },
    interrupt_main: () => None,
    start_new_thread: () => {
      throw runtimeError("can't start new thread: threads are not supported by this pypack VM yet");
    },
    start_new: () => {
      throw runtimeError("can't start new thread: threads are not supported by this pypack VM yet");
    },
    exit: () => {
      throw ops.call(SystemExitType, []);
    },
    _ExceptHookArgs: ExceptHookArgs,
    _excepthook: (args) => {
      void args;
      return None;
    },
  });
});
export { typeError };
