// _signal: signal numbers (Linux), handler registry (signal/getsignal), default_int_handler raising KeyboardInterrupt,
// raise_signal, strsignal, valid_signals, alarm/pause where Node allows. Asynchronous delivery of OS signals to Python
// handlers belongs to the VM's interrupt machinery; handlers set here run synchronously through raise_signal.
import * as nodeOs from "node:os";
import { PyObject, None, typeError, valueError, newException, KeyboardInterruptType, OSErrorType, isInt, intValue, notImplementedError } from "../core";
import * as ops from "../ops";
import { makeModule, builtinFunction } from "../define";
import { registerNativeModule } from "./registry";
import { STRERROR } from "./errno";
import { importModule } from "../import";

let wakeupFd = -1;

const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27,
  SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31, SIGRTMIN: 34, SIGRTMAX: 64,
};
/** glibc's strsignal texts. */
const DESCRIPTIONS: Record<number, string> = {
  1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap", 6: "Aborted", 7: "Bus error",
  8: "Floating point exception", 9: "Killed", 10: "User defined signal 1", 11: "Segmentation fault", 12: "User defined signal 2",
  13: "Broken pipe", 14: "Alarm clock", 15: "Terminated", 16: "Stack fault", 17: "Child exited", 18: "Continued",
  19: "Stopped (signal)", 20: "Stopped", 21: "Stopped (tty input)", 22: "Stopped (tty output)", 23: "Urgent I/O condition",
  24: "CPU time limit exceeded", 25: "File size limit exceeded", 26: "Virtual timer expired", 27: "Profiling timer expired",
  28: "Window changed", 29: "I/O possible", 30: "Power failure", 31: "Bad system call",
};
const NSIG = 65;
const SIG_DFL = 0;
const SIG_IGN = 1;

const defaultIntHandler = builtinFunction(
  "default_int_handler",
  () => {
    throw newException(KeyboardInterruptType, []);
  },
  "_signal",
  "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.",
);

/** Python-level handlers by signal number (what getsignal reports). */
const handlers = new Map<number, PyObject>();
function handlerOf(sig: number): PyObject {
  const h = handlers.get(sig);
  if (h !== undefined) return h;
  if (sig === SIGNALS.SIGINT) return defaultIntHandler;
  if (sig === SIGNALS.SIGPIPE || sig === SIGNALS.SIGXFSZ) return SIG_IGN; // CPython ignores these at startup
  return SIG_DFL;
}
/** For the VM's interrupt delivery: the current SIGINT handler. */
export function sigintHandler(): PyObject {
  return handlerOf(SIGNALS.SIGINT);
}

function sigArg(x: PyObject): number {
  const n = ops.indexNum(x);
  if (n < 1 || n >= NSIG) throw valueError("signal number out of range");
  return n;
}
function nodeSignalName(sig: number): NodeJS.Signals | null {
  for (const [name, n] of Object.entries(nodeOs.constants.signals)) if (n === sig) return name as NodeJS.Signals;
  return null;
}

registerNativeModule("_signal", () => {
  const members: Record<string, PyObject | ((args: PyObject[], kw: readonly string[] | null) => PyObject)> = {
    NSIG,
    SIG_DFL,
    SIG_IGN,
    SIG_BLOCK: 0,
    SIG_UNBLOCK: 1,
    SIG_SETMASK: 2,
    ITIMER_REAL: 0,
    ITIMER_VIRTUAL: 1,
    ITIMER_PROF: 2,
    default_int_handler: defaultIntHandler,
    signal: (args) => {
      if (args.length !== 2) throw typeError(`signal expected 2 arguments, got ${args.length}`);
      const sig = sigArg(args[0]);
      const h = args[1];
      const isConst = isInt(h) && (Number(intValue(h)) === SIG_DFL || Number(intValue(h)) === SIG_IGN);
      if (!isConst && !ops.isCallable(h)) throw typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
      if (sig === SIGNALS.SIGKILL || sig === SIGNALS.SIGSTOP) throw ops.call(OSErrorType, [22, STRERROR[22]]);
      const old = handlerOf(sig);
      handlers.set(sig, isConst ? Number(intValue(h)) : h);
      // SIG_IGN can be honoured by the host right away: a no-op listener keeps Node from terminating
      const name = nodeSignalName(sig);
      if (name !== null) {
        process.removeAllListeners(name);
        if (isConst && Number(intValue(h)) === SIG_IGN) process.on(name, () => {});
      }
      return old;
    },
    getsignal: (args) => handlerOf(sigArg(args[0])),
    raise_signal: (args) => {
      const sig = sigArg(args[0]);
      const h = handlerOf(sig);
      if (h === SIG_IGN) return None;
      if (h === SIG_DFL) {
        const name = nodeSignalName(sig);
        if (name === null) throw valueError("signal number out of range");
        process.kill(process.pid, name);
        return None;
      }
      ops.call(h, [sig, None]);
      return None;
    },
    strsignal: (args) => {
      const sig = sigArg(args[0]);
      if (DESCRIPTIONS[sig] !== undefined) return DESCRIPTIONS[sig];
      if (sig >= SIGNALS.SIGRTMIN && sig <= SIGNALS.SIGRTMAX) return `Real-time signal ${sig - SIGNALS.SIGRTMIN}`;
      return None;
    },
    valid_signals: () => {
      const s = ops.call(ops.getAttr(importModule("builtins"), "set"), []);
      for (let i = 1; i < NSIG; i++) if (i !== 32 && i !== 33) ops.callMethod(s, "add", [i]);
      return s;
    },
    alarm: () => {
      throw notImplementedError("signal.alarm() is not supported by pypack: the VM cannot interrupt running code from a timer");
    },
    pause: () => {
      throw notImplementedError("signal.pause() is not supported by pypack");
    },
    set_wakeup_fd: (args) => {
      // recorded only: signals are not delivered asynchronously, so nothing is ever written to it
      const old = wakeupFd;
      wakeupFd = ops.indexNum(args[0]);
      return old;
    },
    siginterrupt: (args) => {
      sigArg(args[0]);
      return None;
    },
  };
  for (const [k, v] of Object.entries(SIGNALS)) members[k] = v;
  return makeModule("_signal", members);
});
