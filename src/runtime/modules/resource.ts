// resource: getrusage (from Node's process.resourceUsage, which is getrusage(RUSAGE_SELF)), getrlimit (the kernel's
// /proc/self/limits), getpagesize; setrlimit and the children's usage have no Node equivalent and raise clearly.
import * as fs from "node:fs";
import { PyObject, PyFloat, PyTuple, OSErrorType, valueError, notImplementedError } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";
import { PyStructSeq, makeStructSeqType } from "./posix/structseq";

const RusageType = makeStructSeqType(
  "resource.struct_rusage",
  "resource",
  ["ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"],
  [],
);

// Linux resource numbers, in the order of /proc/self/limits' lines
const RLIMITS: [string, number, string][] = [
  ["RLIMIT_CPU", 0, "Max cpu time"],
  ["RLIMIT_FSIZE", 1, "Max file size"],
  ["RLIMIT_DATA", 2, "Max data size"],
  ["RLIMIT_STACK", 3, "Max stack size"],
  ["RLIMIT_CORE", 4, "Max core file size"],
  ["RLIMIT_RSS", 5, "Max resident set"],
  ["RLIMIT_NPROC", 6, "Max processes"],
  ["RLIMIT_NOFILE", 7, "Max open files"],
  ["RLIMIT_MEMLOCK", 8, "Max locked memory"],
  ["RLIMIT_AS", 9, "Max address space"],
  ["RLIMIT_LOCKS", 10, "Max file locks"],
  ["RLIMIT_SIGPENDING", 11, "Max pending signals"],
  ["RLIMIT_MSGQUEUE", 12, "Max msgqueue size"],
  ["RLIMIT_NICE", 13, "Max nice priority"],
  ["RLIMIT_RTPRIO", 14, "Max realtime priority"],
  ["RLIMIT_RTTIME", 15, "Max realtime timeout"],
];
const RLIM_INFINITY = -1;
const RUSAGE_SELF = 0;
const RUSAGE_CHILDREN = -1;
const RUSAGE_THREAD = 1;

function getrlimit(args: PyObject[]): PyObject {
  const r = ops.indexNum(args[0]);
  const entry = RLIMITS.find((e) => e[1] === r);
  if (entry === undefined) throw valueError("invalid resource specified");
  let text: string;
  try {
    text = fs.readFileSync("/proc/self/limits", "utf8");
  } catch {
    throw notImplementedError("resource.getrlimit() needs /proc/self/limits, which this system does not have");
  }
  const line = text.split("\n").find((l) => l.startsWith(entry[2] + " "));
  if (line === undefined) throw ops.call(OSErrorType, [22, "Invalid argument"]);
  const [soft, hard] = line.slice(26).trim().split(/\s+/);
  const v = (x: string) => (x === "unlimited" ? RLIM_INFINITY : Number(x));
  return new PyTuple([v(soft), v(hard)]);
}

/** The kernel's page size: AT_PAGESZ (6) from the process's auxiliary vector (64-bit key/value pairs). */
function pageSize(): number {
  try {
    const b = fs.readFileSync("/proc/self/auxv");
    for (let off = 0; off + 16 <= b.length; off += 16) {
      const key = b.readBigUInt64LE(off);
      if (key === 0n) break;
      if (key === 6n) return Number(b.readBigUInt64LE(off + 8));
    }
  } catch {
    /* no /proc: fall through */
  }
  throw notImplementedError("resource.getpagesize() needs /proc/self/auxv, which this system does not have");
}

registerNativeModule("resource", () => {
  const members: Record<string, PyObject | ((args: PyObject[], kw: readonly string[] | null) => PyObject)> = {
    struct_rusage: RusageType,
    error: OSErrorType,
    RLIM_INFINITY,
    RUSAGE_SELF,
    RUSAGE_CHILDREN,
    RUSAGE_THREAD,
    getrusage: (args) => {
      const who = ops.indexNum(args[0]);
      if (who !== RUSAGE_SELF && who !== RUSAGE_CHILDREN && who !== RUSAGE_THREAD) throw valueError("invalid who parameter");
      if (who !== RUSAGE_SELF) throw notImplementedError("resource.getrusage(): only RUSAGE_SELF is available under Node.js");
      const u = process.resourceUsage();
      return new PyStructSeq(
        [new PyFloat(u.userCPUTime / 1e6), new PyFloat(u.systemCPUTime / 1e6), u.maxRSS, u.sharedMemorySize, u.unsharedDataSize, u.unsharedStackSize, u.minorPageFault, u.majorPageFault, u.swappedOut, u.fsRead, u.fsWrite, u.ipcSent, u.ipcReceived, u.signalsCount, u.voluntaryContextSwitches, u.involuntaryContextSwitches],
        [],
        RusageType,
      );
    },
    getrlimit,
    setrlimit: () => {
      throw notImplementedError("resource.setrlimit() is not supported by pypack: Node.js cannot change resource limits");
    },
    getpagesize: () => pageSize(),
  };
  // CPython exports no name for RLIMIT_LOCKS (10), though getrlimit(10) works
  for (const [name, n] of RLIMITS) if (name !== "RLIMIT_LOCKS") members[name] = n;
  members.RLIMIT_OFILE = 7;
  return makeModule("resource", members);
});
