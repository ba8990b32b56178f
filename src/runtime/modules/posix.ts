// posix: the operating-system interface os.py re-exports (stat/scandir/listdir, fd I/O, paths, environ, process info),
// over node:fs / node:os / node:process; paths below sys._MEIPASS of a packaged program are served from its archive.
import * as fs from "node:fs";
import * as nodeOs from "node:os";
import * as crypto from "node:crypto";
import * as childProcess from "node:child_process";
import * as tty from "node:tty";
import {
  makeBuiltinType,
  ObjectType,
  TupleType,
  PyBase,
  PyObject,
  PyType,
  PyTuple,
  PyList,
  PyDict,
  PyBytes,
  PyByteArray,
  PyFloat,
  None,
  OSErrorType,
  typeError,
  valueError,
  notImplementedError,
  typeOf,
  isInt,
  intValue,
  isStr,
  strValue,
} from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs } from "../define";
import { registerNativeModule } from "./registry";
import { ERRNO_CODES, STRERROR } from "./errno";
import { frozenPath } from "../archive";
import { importModule } from "../import";
import { PyStructSeq, makeStructSeqType } from "./posix/structseq";
import { FdError, fdClose, fdOpen, fdRead, fdSeek, fdTruncate, fdWrite, isVirtualFd, virtualInfo } from "./posix/fdtable";

// ---------------------------------------------------------------------------------------------------------------
// Errors

export function strerror(code: number): string {
  return STRERROR[code] ?? `Unknown error ${code}`;
}

/** Turns a Node fs error (or an FdError) into the OSError subclass CPython raises, with errno/strerror/filename(s). */
export function osError(e: unknown, filename?: PyObject, filename2?: PyObject): PyObject {
  if (!(e instanceof Error) && !(e instanceof FdError)) return e as PyObject; // already a Python exception
  let code = 5;
  if (e instanceof FdError) code = e.errnoNum;
  else {
    const name = (e as { code?: string }).code;
    const n = (e as { errno?: number }).errno;
    if (name !== undefined && ERRNO_CODES[name] !== undefined) code = ERRNO_CODES[name];
    else if (typeof n === "number") code = Math.abs(n);
    else throw e; // not an OS error: a bug, let it surface
  }
  const args: PyObject[] = [code, strerror(code)];
  if (filename !== undefined) args.push(filename);
  if (filename2 !== undefined) args.push(0, filename2);
  return ops.call(OSErrorType, args);
}
function raiseOs(e: unknown, filename?: PyObject, filename2?: PyObject): never {
  throw osError(e, filename, filename2);
}
function errnoError(code: number, filename?: PyObject): never {
  const args: PyObject[] = [code, strerror(code)];
  if (filename !== undefined) args.push(filename);
  throw ops.call(OSErrorType, args);
}

// ---------------------------------------------------------------------------------------------------------------
// Path arguments (CPython's path_converter)

interface PathArg {
  /** the path as a JS string, or null when an fd was given */
  path: string | null;
  fd: number | null;
  /** the fspath()'d object, used as OSError.filename */
  obj: PyObject;
  bytes: boolean;
}

function describeAllowed(allowFd: boolean, allowNone: boolean): string {
  if (allowFd && allowNone) return "string, bytes, os.PathLike, integer or None";
  if (allowFd) return "string, bytes, os.PathLike or integer";
  if (allowNone) return "string, bytes, os.PathLike or None";
  return "string, bytes or os.PathLike";
}

export function bytesToPath(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8");
}
export function pathToBytes(s: string): PyBytes {
  return new PyBytes(new Uint8Array(Buffer.from(s, "utf8")));
}

export function pathArg(fname: string, arg: string, x: PyObject | undefined, allowFd = false, allowNone = false): PathArg {
  if (x === undefined || (x === None && allowNone)) return { path: ".", fd: null, obj: None, bytes: false };
  if (allowFd && isInt(x) && typeof x !== "boolean") return { path: null, fd: Number(intValue(x)), obj: x, bytes: false };
  let v: PyObject = x;
  if (!isStr(v) && !(v instanceof PyBytes)) {
    const f = typeOf(v).lookup("__fspath__");
    if (f === undefined) throw typeError(`${fname}: ${arg} should be ${describeAllowed(allowFd, allowNone)}, not ${typeOf(x).name}`);
    v = ops.call(ops.getAttr(x, "__fspath__"), []);
    if (!isStr(v) && !(v instanceof PyBytes)) {
      throw typeError(`expected ${typeOf(x).name}.__fspath__() to return str or bytes, not ${typeOf(v).name}`);
    }
  }
  if (isStr(v)) {
    const s = strValue(v);
    if (s.includes("\0")) throw valueError(`${fname}: embedded null character in ${arg}`);
    return { path: s, fd: null, obj: v, bytes: false };
  }
  const b = (v as PyBytes).data;
  if (b.includes(0)) throw valueError(`${fname}: embedded null character in ${arg}`);
  return { path: bytesToPath(b), fd: null, obj: v, bytes: true };
}

function fdArg(x: PyObject | undefined): number {
  if (x === undefined) throw typeError("an integer is required");
  return ops.indexNum(x);
}
function dirFdUnsupported(fname: string, dirFd: PyObject | undefined): void {
  if (dirFd !== undefined && dirFd !== None) throw notImplementedError(`${fname}: dir_fd unavailable on this platform`);
}

const STAT_VISIBLE = ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"];
const STAT_TIMES = ["st_atime", "st_mtime", "st_ctime"];
const STAT_HIDDEN = ["st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"];
// the visible st_atime/st_mtime/st_ctime are the integer seconds (positions 7..9); the attributes are floats (the hidden
// getters, defined last, win)
const StatResultType = makeStructSeqType("os.stat_result", "os", [...STAT_VISIBLE, ...STAT_TIMES], STAT_HIDDEN, (vis, hid) => {
  // like CPython: missing float times default to the integer ones
  for (let i = 0; i < 3; i++) if (hid[i] === None) hid[i] = vis[7 + i];
});
const TimesResultType = makeStructSeqType("posix.times_result", "posix", ["user", "system", "children_user", "children_system", "elapsed"], []);
const UnameResultType = makeStructSeqType("posix.uname_result", "posix", ["sysname", "nodename", "release", "version", "machine"], []);
const StatvfsResultType = makeStructSeqType("os.statvfs_result", "os", ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"], ["f_fsid"]);
// Node's statfs does not report the file system id; refuse rather than invent one
defGetSet(StatvfsResultType, "f_fsid", () => {
  throw notImplementedError("statvfs_result.f_fsid is not available under Node.js");
});

/** statvfs(3) flags from the mount's options in /proc/self/mountinfo (the longest mount point containing the path). */
function mountFlags(path: string): number {
  let text: string;
  try {
    text = fs.readFileSync("/proc/self/mountinfo", "utf8");
  } catch {
    throw notImplementedError("os.statvfs() needs /proc/self/mountinfo, which this system does not have");
  }
  const real = fs.realpathSync(path);
  let best = "";
  let opts = "";
  for (const line of text.split("\n")) {
    const f = line.split(" ");
    if (f.length < 6) continue;
    const mp = f[4].replace(/\\(\d{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
    const inside = real === mp || real.startsWith(mp.endsWith("/") ? mp : mp + "/");
    if (inside && mp.length >= best.length) {
      best = mp;
      opts = f[5];
    }
  }
  const bits: Record<string, number> = { ro: 1, nosuid: 2, nodev: 4, noexec: 8, sync: 16, mand: 64, noatime: 1024, nodiratime: 2048, relatime: 4096 };
  return opts.split(",").reduce((acc, o) => acc | (bits[o] ?? 0), 0);
}
function statvfs(args: PyObject[], kw: readonly string[] | null): PyObject {
  const [path] = parseArgs("statvfs", args, kw, ["path"], 1);
  const p = pathArg("statvfs", "path", path, true);
  if (p.fd !== null) throw notImplementedError("statvfs: a file descriptor argument is not supported by pypack");
  let st: fs.StatsFs;
  try {
    st = fs.statfsSync(p.path!);
  } catch (e) {
    raiseOs(e, p.obj);
  }
  // NAME_MAX of the file system, as pathconf(3) reports it
  const r = childProcess.spawnSync("getconf", ["NAME_MAX", p.path!], { encoding: "utf8" });
  if (r.status !== 0) throw notImplementedError("os.statvfs() could not determine NAME_MAX (getconf failed)");
  const namemax = Number(r.stdout.trim());
  return new PyStructSeq([st.bsize, st.bsize, st.blocks, st.bfree, st.bavail, st.files, st.ffree, st.ffree, mountFlags(p.path!), namemax], [None], StatvfsResultType);
}
const TerminalSizeType = makeStructSeqType("os.terminal_size", "os", ["columns", "lines"], []);

function nsToFloat(ns: bigint): PyFloat {
  return new PyFloat(Number(ns) / 1e9);
}
function big(n: bigint): PyObject {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function statResultFromNode(st: fs.BigIntStats): PyTuple {
  const times = [st.atimeNs, st.mtimeNs, st.ctimeNs];
  const vis: PyObject[] = [big(st.mode), big(st.ino), big(st.dev), big(st.nlink), big(st.uid), big(st.gid), big(st.size)];
  for (const ns of times) vis.push(big(floorDivBig(ns, 1000000000n)));
  const hid: PyObject[] = [...times.map(nsToFloat), ...times.map(big), big(st.blksize), big(st.blocks), big(st.rdev)];
  return new PyStructSeq(vis, hid, StatResultType);
}

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
/** stat of an archive entry: read-only file or directory with the executable's times. */
function statResultVirtual(isDir: boolean, size: number): PyTuple {
  const exe = fs.statSync(process.execPath, { bigint: true });
  const mode = isDir ? S_IFDIR | 0o555 : S_IFREG | 0o444;
  const times = [exe.atimeNs, exe.mtimeNs, exe.ctimeNs];
  const vis: PyObject[] = [mode, 0, 0, 1, big(exe.uid), big(exe.gid), size];
  for (const ns of times) vis.push(big(floorDivBig(ns, 1000000000n)));
  const hid: PyObject[] = [...times.map(nsToFloat), ...times.map(big), 4096, Math.ceil(size / 512), 0];
  return new PyStructSeq(vis, hid, StatResultType);
}

function doStat(p: PathArg, follow: boolean): PyTuple {
  if (p.fd !== null) {
    const vi = virtualInfo(p.fd);
    if (vi !== null) return statResultVirtual(vi.isDir, vi.size);
    try {
      return statResultFromNode(fs.fstatSync(p.fd, { bigint: true }));
    } catch (e) {
      raiseOs(e);
    }
  }
  const frozen = frozenPath(p.path!);
  if (frozen !== null) {
    const st = frozen.archive.stat(frozen.rel);
    if (st === null) errnoError(2, p.obj);
    return statResultVirtual(st.isDir, st.size);
  }
  try {
    return statResultFromNode(follow ? fs.statSync(p.path!, { bigint: true }) : fs.lstatSync(p.path!, { bigint: true }));
  } catch (e) {
    raiseOs(e, p.obj);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// scandir / DirEntry

const DirEntryType = makeBuiltinType("DirEntry", ObjectType, { subclassable: false });
DirEntryType.dict.setStr("__module__", "posix");
class PyDirEntry extends PyBase {
  statCache: PyTuple | null = null;
  lstatCache: PyTuple | null = null;
  constructor(
    public name: string,
    public path: string,
    public bytes: boolean,
    /** d_type info: "dir" | "file" | "link" | "other" | null when unknown */
    public kind: string | null,
    public virtual: boolean,
  ) {
    super(DirEntryType);
  }
  pyName(): PyObject {
    return this.bytes ? pathToBytes(this.name) : this.name;
  }
  pyPath(): PyObject {
    return this.bytes ? pathToBytes(this.path) : this.path;
  }
  getStat(follow: boolean): PyTuple {
    if (follow && this.kind === "link") {
      if (this.statCache === null) this.statCache = doStat({ path: this.path, fd: null, obj: this.pyPath(), bytes: this.bytes }, true);
      return this.statCache;
    }
    if (this.lstatCache === null) this.lstatCache = doStat({ path: this.path, fd: null, obj: this.pyPath(), bytes: this.bytes }, false);
    return this.lstatCache;
  }
  /** File-type test with CPython's semantics: broken symlinks and missing files are simply False. */
  test(mask: number, follow: boolean): boolean {
    if (!(follow && this.kind === "link") && this.kind !== null && this.kind !== "link") {
      return mask === S_IFDIR ? this.kind === "dir" : this.kind === "file";
    }
    if (!follow && this.kind === "link") return false;
    try {
      const st = this.getStat(follow);
      return ((Number(intValue(st.items[0])) & 0o170000) === mask) as boolean;
    } catch (e) {
      if (e instanceof PyBase && ops.isInstanceOf(e, OSErrorType)) {
        const errno = ops.getAttr(e, "errno");
        if (errno === 2) return false;
      }
      throw e;
    }
  }
}
function DE(x: PyObject): PyDirEntry {
  return x as PyDirEntry;
}
defGetSet(DirEntryType, "name", (self) => DE(self).pyName());
defGetSet(DirEntryType, "path", (self) => DE(self).pyPath());
function followArg(fname: string, args: PyObject[], kw: readonly string[] | null): boolean {
  const [f] = parseArgs(fname, args, kw, ["follow_symlinks"], 0, 0, 0);
  return f === undefined ? true : ops.truthy(f);
}
defMethod(DirEntryType, "is_dir", (self, args, kw) => DE(self).test(S_IFDIR, followArg("is_dir", args, kw)));
defMethod(DirEntryType, "is_file", (self, args, kw) => DE(self).test(S_IFREG, followArg("is_file", args, kw)));
defMethod(DirEntryType, "is_symlink", (self) => DE(self).kind === "link");
defMethod(DirEntryType, "is_junction", () => false);
defMethod(DirEntryType, "stat", (self, args, kw) => DE(self).getStat(followArg("stat", args, kw)));
defMethod(DirEntryType, "inode", (self) => {
  const d = DE(self);
  if (d.virtual) return 0;
  try {
    return big(fs.lstatSync(d.path, { bigint: true }).ino);
  } catch (e) {
    raiseOs(e, d.pyPath());
  }
});
defMethod(DirEntryType, "__fspath__", (self) => DE(self).pyPath());
DirEntryType.slots.repr = (self) => `<DirEntry ${ops.repr(DE(self).pyName())}>`;
defMethod(DirEntryType, "__repr__", (self) => `<DirEntry ${ops.repr(DE(self).pyName())}>`);
defStaticMethod(DirEntryType, "__class_getitem__", (args) => ops.call(ops.getAttr(importModule("types"), "GenericAlias"), [args[0], args[1]]));

const ScandirIteratorType = makeBuiltinType("ScandirIterator", ObjectType, { subclassable: false });
ScandirIteratorType.dict.setStr("__module__", "posix");
class PyScandirIterator extends PyBase {
  closed = false;
  constructor(
    public entries: PyDirEntry[],
    public pos = 0,
  ) {
    super(ScandirIteratorType);
  }
}
ScandirIteratorType.slots.iter = (self) => self;
ScandirIteratorType.slots.next = (self) => {
  const it = self as PyScandirIterator;
  if (it.closed || it.pos >= it.entries.length) {
    it.closed = true;
    return undefined;
  }
  return it.entries[it.pos++];
};
defMethod(ScandirIteratorType, "__iter__", (self) => self);
defMethod(ScandirIteratorType, "close", (self) => {
  (self as PyScandirIterator).closed = true;
  return None;
});
defMethod(ScandirIteratorType, "__enter__", (self) => self);
defMethod(ScandirIteratorType, "__exit__", (self) => {
  (self as PyScandirIterator).closed = true;
  return None;
});

function direntKind(d: fs.Dirent): string | null {
  if (d.isDirectory()) return "dir";
  if (d.isFile()) return "file";
  if (d.isSymbolicLink()) return "link";
  if (d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice()) return "other";
  return null;
}

/** Directory entries in the OS's readdir order (fs.opendirSync does not sort, unlike readdirSync). */
function readDir(p: PathArg): { name: string; kind: string | null; virtual: boolean }[] {
  const frozen = frozenPath(p.path!);
  if (frozen !== null) {
    const st = frozen.archive.stat(frozen.rel);
    if (st === null) errnoError(2, p.obj);
    if (!st.isDir) errnoError(20, p.obj);
    const base = frozen.rel === "" ? "" : frozen.rel.replace(/\/+$/, "") + "/";
    return (frozen.archive.list(frozen.rel) ?? []).map((name) => ({ name, kind: frozen.archive.stat(base + name)?.isDir ? "dir" : "file", virtual: true }));
  }
  const out: { name: string; kind: string | null; virtual: boolean }[] = [];
  let dir: fs.Dir;
  try {
    dir = fs.opendirSync(p.path!);
  } catch (e) {
    raiseOs(e, p.obj);
  }
  try {
    for (;;) {
      const d = dir.readSync();
      if (d === null) break;
      out.push({ name: d.name, kind: direntKind(d), virtual: false });
    }
  } catch (e) {
    raiseOs(e, p.obj);
  } finally {
    dir.closeSync();
  }
  return out;
}

function joinPath(dir: string, name: string): string {
  if (dir === "") return name;
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// environ (bytes -> bytes, as CPython's posix.environ)

function buildEnviron(): PyDict {
  const d = new PyDict();
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    d.set(pathToBytes(k), pathToBytes(v));
  }
  return d;
}
function envStr(x: PyObject, what: string): string {
  if (isStr(x)) return strValue(x);
  if (x instanceof PyBytes) return bytesToPath(x.data);
  const p = ops.fspath(x);
  if (isStr(p)) return strValue(p);
  if (p instanceof PyBytes) return bytesToPath(p.data);
  throw typeError(`${what} must be str, bytes or os.PathLike`);
}

// ---------------------------------------------------------------------------------------------------------------
// Open flags and misc constants (Linux values, from the host's fs.constants when present)

const C = fs.constants as unknown as Record<string, number | undefined>;
const O_FLAGS: Record<string, number> = {
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  O_CREAT: C.O_CREAT ?? 0o100,
  O_EXCL: C.O_EXCL ?? 0o200,
  O_NOCTTY: C.O_NOCTTY ?? 0o400,
  O_TRUNC: C.O_TRUNC ?? 0o1000,
  O_APPEND: C.O_APPEND ?? 0o2000,
  O_NONBLOCK: C.O_NONBLOCK ?? 0o4000,
  O_NDELAY: C.O_NONBLOCK ?? 0o4000,
  O_DSYNC: C.O_DSYNC ?? 0o10000,
  O_SYNC: C.O_SYNC ?? 0o4010000,
  O_RSYNC: C.O_SYNC ?? 0o4010000,
  O_DIRECTORY: C.O_DIRECTORY ?? 0o200000,
  O_NOFOLLOW: C.O_NOFOLLOW ?? 0o400000,
  O_CLOEXEC: 0o2000000,
  O_NOATIME: C.O_NOATIME ?? 0o1000000,
  O_DIRECT: C.O_DIRECT ?? 0o40000,
  O_LARGEFILE: 0,
  O_ACCMODE: 3,
  O_PATH: 0o10000000,
  O_TMPFILE: 0o20200000,
  O_ASYNC: 0o20000,
};
const MISC_CONSTANTS: Record<string, number> = {
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  SEEK_SET: 0,
  SEEK_CUR: 1,
  SEEK_END: 2,
  SEEK_DATA: 3,
  SEEK_HOLE: 4,
  EX_OK: 0,
  EX_USAGE: 64,
  EX_DATAERR: 65,
  EX_NOINPUT: 66,
  EX_NOUSER: 67,
  EX_NOHOST: 68,
  EX_UNAVAILABLE: 69,
  EX_SOFTWARE: 70,
  EX_OSERR: 71,
  EX_OSFILE: 72,
  EX_CANTCREAT: 73,
  EX_IOERR: 74,
  EX_TEMPFAIL: 75,
  EX_PROTOCOL: 76,
  EX_NOPERM: 77,
  EX_CONFIG: 78,
  WNOHANG: 1,
  WUNTRACED: 2,
  WCONTINUED: 8,
  TMP_MAX: 238328,
  NGROUPS_MAX: 65536,
  F_LOCK: 1,
  F_TLOCK: 2,
  F_ULOCK: 0,
  F_TEST: 3,
  P_PID: 1,
  P_PGID: 2,
  P_ALL: 0,
  PRIO_PROCESS: 0,
  PRIO_PGRP: 1,
  PRIO_USER: 2,
  ST_RDONLY: 1,
  ST_NOSUID: 2,
};

// ---------------------------------------------------------------------------------------------------------------
// Functions

type Fn = (args: PyObject[], kw: readonly string[] | null) => PyObject;

function bytesArg(x: PyObject): Uint8Array {
  if (x instanceof PyBytes) return x.data;
  if (x instanceof PyByteArray) return x.data.subarray(0, x.length);
  const tb = ops.getAttrOpt(x, "tobytes");
  if (tb !== undefined && typeOf(x).name === "memoryview") return (ops.call(tb, []) as PyBytes).data;
  throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
}

function timeArg(x: PyObject): bigint {
  // seconds (int or float) -> ns, rounded as CPython's _PyTime_ROUND_FLOOR for utime
  if (x instanceof PyFloat) return BigInt(Math.floor(x.value * 1e9));
  if (isInt(x)) return BigInt(intValue(x)) * 1000000000n;
  throw typeError(`an integer or float is required, not ${typeOf(x).name}`);
}

function waitStatusFns(): Record<string, Fn> {
  const st = (args: PyObject[]) => ops.indexNum(args[0]);
  return {
    WIFEXITED: (a) => (st(a) & 0x7f) === 0,
    WEXITSTATUS: (a) => (st(a) >> 8) & 0xff,
    WIFSIGNALED: (a) => ((st(a) & 0x7f) + 1) >> 1 > 0 && (st(a) & 0x7f) !== 0x7f && (st(a) & 0x7f) !== 0,
    WTERMSIG: (a) => st(a) & 0x7f,
    WIFSTOPPED: (a) => (st(a) & 0xff) === 0x7f,
    WSTOPSIG: (a) => (st(a) >> 8) & 0xff,
    WIFCONTINUED: (a) => st(a) === 0xffff,
    WCOREDUMP: (a) => (st(a) & 0x80) !== 0,
    waitstatus_to_exitcode: (a) => {
      const s = st(a);
      if ((s & 0x7f) === 0) return (s >> 8) & 0xff;
      if ((s & 0xff) !== 0x7f) return -(s & 0x7f);
      throw valueError(`invalid wait status: ${s}`);
    },
  };
}

const SIGNALS: Record<number, NodeJS.Signals> = {
  1: "SIGHUP",
  2: "SIGINT",
  3: "SIGQUIT",
  6: "SIGABRT",
  9: "SIGKILL",
  10: "SIGUSR1",
  12: "SIGUSR2",
  13: "SIGPIPE",
  14: "SIGALRM",
  15: "SIGTERM",
  17: "SIGCHLD",
  18: "SIGCONT",
  19: "SIGSTOP",
  20: "SIGTSTP",
};

const startTime = Date.now();

function notSupported(name: string, why: string): Fn {
  return () => {
    throw notImplementedError(`os.${name}() is not supported by pypack: ${why}`);
  };
}

function functions(): Record<string, Fn> {
  const f: Record<string, Fn> = {
    statvfs,
    stat: (args, kw) => {
      const [path, dirFd, follow] = parseArgs("stat", args, kw, ["path", "dir_fd", "follow_symlinks"], 1, 0, 1);
      dirFdUnsupported("stat", dirFd);
      return doStat(pathArg("stat", "path", path, true), follow === undefined || ops.truthy(follow));
    },
    lstat: (args, kw) => {
      const [path, dirFd] = parseArgs("lstat", args, kw, ["path", "dir_fd"], 1, 0, 1);
      dirFdUnsupported("lstat", dirFd);
      return doStat(pathArg("lstat", "path", path), false);
    },
    fstat: (args, kw) => {
      const [fd] = parseArgs("fstat", args, kw, ["fd"], 1);
      return doStat({ path: null, fd: fdArg(fd), obj: None, bytes: false }, true);
    },
    listdir: (args, kw) => {
      const [path] = parseArgs("listdir", args, kw, ["path"], 0);
      const p = pathArg("listdir", "path", path, true, true);
      if (p.fd !== null) throw notImplementedError("listdir: a file descriptor argument is not supported by pypack");
      return new PyList(readDir(p).map((e) => (p.bytes ? pathToBytes(e.name) : e.name)));
    },
    scandir: (args, kw) => {
      const [path] = parseArgs("scandir", args, kw, ["path"], 0);
      const p = pathArg("scandir", "path", path, true, true);
      if (p.fd !== null) throw notImplementedError("scandir: a file descriptor argument is not supported by pypack");
      const dir = p.path!;
      // scandir() with no argument lists "." and reports paths "./name", as CPython does
      const entries = readDir(p).map((e) => new PyDirEntry(e.name, joinPath(dir, e.name), p.bytes, e.kind, e.virtual));
      return new PyScandirIterator(entries);
    },
    open: (args, kw) => {
      const [path, flags, mode, dirFd] = parseArgs("open", args, kw, ["path", "flags", "mode", "dir_fd"], 2, 0, 3);
      dirFdUnsupported("open", dirFd);
      const p = pathArg("open", "path", path);
      try {
        return fdOpen(p.path!, ops.indexNum(flags!) & ~O_FLAGS.O_CLOEXEC, mode === undefined ? 0o777 : ops.indexNum(mode));
      } catch (e) {
        raiseOs(e, p.obj);
      }
    },
    close: (args, kw) => {
      const [fd] = parseArgs("close", args, kw, ["fd"], 1);
      try {
        fdClose(fdArg(fd));
      } catch (e) {
        raiseOs(e);
      }
      return None;
    },
    closerange: (args) => {
      const lo = ops.indexNum(args[0]);
      const hi = ops.indexNum(args[1]);
      for (let fd = lo; fd < hi && fd < 65536; fd++) {
        try {
          fdClose(fd);
        } catch {
          /* closerange ignores errors */
        }
      }
      return None;
    },
    read: (args) => {
      if (args.length !== 2) throw typeError(`read expected 2 arguments, got ${args.length}`);
      const fd = fdArg(args[0]);
      const n = ops.indexNum(args[1]);
      if (n < 0) errnoError(22);
      try {
        return new PyBytes(fdRead(fd, n));
      } catch (e) {
        raiseOs(e);
      }
    },
    write: (args) => {
      if (args.length !== 2) throw typeError(`write expected 2 arguments, got ${args.length}`);
      const fd = fdArg(args[0]);
      const data = bytesArg(args[1]);
      try {
        return fdWrite(fd, data);
      } catch (e) {
        raiseOs(e);
      }
    },
    lseek: (args) => {
      if (args.length !== 3) throw typeError(`lseek expected 3 arguments, got ${args.length}`);
      try {
        return fdSeek(fdArg(args[0]), ops.indexNum(args[1]), ops.indexNum(args[2]));
      } catch (e) {
        raiseOs(e);
      }
    },
    fsync: (args) => {
      const fd = isInt(args[0]) ? fdArg(args[0]) : ops.indexNum(ops.callMethod(args[0], "fileno", []));
      if (isVirtualFd(fd)) return None;
      try {
        fs.fsyncSync(fd);
      } catch (e) {
        raiseOs(e);
      }
      return None;
    },
    ftruncate: (args) => {
      try {
        fdTruncate(fdArg(args[0]), ops.indexNum(args[1]));
      } catch (e) {
        raiseOs(e);
      }
      return None;
    },
    truncate: (args, kw) => {
      const [path, length] = parseArgs("truncate", args, kw, ["path", "length"], 2);
      const p = pathArg("truncate", "path", path, true);
      try {
        if (p.fd !== null) fdTruncate(p.fd, ops.indexNum(length!));
        else fs.truncateSync(p.path!, ops.indexNum(length!));
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    isatty: (args) => {
      const fd = fdArg(args[0]);
      return !isVirtualFd(fd) && tty.isatty(fd);
    },
    device_encoding: (args, kw) => {
      const [fd] = parseArgs("device_encoding", args, kw, ["fd"], 1);
      const n = fdArg(fd);
      return !isVirtualFd(n) && tty.isatty(n) ? "utf-8" : None;
    },
    get_blocking: (args) => {
      fdArg(args[0]);
      return true;
    },
    set_blocking: (args) => {
      fdArg(args[0]);
      if (!ops.truthy(args[1])) throw notImplementedError("os.set_blocking(fd, False) is not supported by pypack");
      return None;
    },
    get_inheritable: () => false,
    set_inheritable: () => None,
    getcwd: () => process.cwd(),
    getcwdb: () => pathToBytes(process.cwd()),
    chdir: (args, kw) => {
      const [path] = parseArgs("chdir", args, kw, ["path"], 1);
      const p = pathArg("chdir", "path", path);
      try {
        process.chdir(p.path!);
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    mkdir: (args, kw) => {
      const [path, mode, dirFd] = parseArgs("mkdir", args, kw, ["path", "mode", "dir_fd"], 1, 0, 2);
      dirFdUnsupported("mkdir", dirFd);
      const p = pathArg("mkdir", "path", path);
      try {
        fs.mkdirSync(p.path!, { mode: mode === undefined ? 0o777 : ops.indexNum(mode) });
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    rmdir: (args, kw) => {
      const [path, dirFd] = parseArgs("rmdir", args, kw, ["path", "dir_fd"], 1, 0, 1);
      dirFdUnsupported("rmdir", dirFd);
      const p = pathArg("rmdir", "path", path);
      try {
        fs.rmdirSync(p.path!);
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    unlink: (args, kw) => unlinkImpl("unlink", args, kw),
    remove: (args, kw) => unlinkImpl("remove", args, kw),
    rename: (args, kw) => renameImpl("rename", args, kw),
    replace: (args, kw) => renameImpl("replace", args, kw),
    link: (args, kw) => {
      const [src, dst] = parseArgs("link", args, kw, ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2, 0, 2);
      const s = pathArg("link", "src", src);
      const d = pathArg("link", "dst", dst);
      try {
        fs.linkSync(s.path!, d.path!);
      } catch (e) {
        raiseOs(e, s.obj, d.obj);
      }
      return None;
    },
    symlink: (args, kw) => {
      const [src, dst] = parseArgs("symlink", args, kw, ["src", "dst", "target_is_directory", "dir_fd"], 2, 0, 3);
      const s = pathArg("symlink", "src", src);
      const d = pathArg("symlink", "dst", dst);
      try {
        fs.symlinkSync(s.path!, d.path!);
      } catch (e) {
        raiseOs(e, s.obj, d.obj);
      }
      return None;
    },
    readlink: (args, kw) => {
      const [path, dirFd] = parseArgs("readlink", args, kw, ["path", "dir_fd"], 1, 0, 1);
      dirFdUnsupported("readlink", dirFd);
      const p = pathArg("readlink", "path", path);
      try {
        const r = fs.readlinkSync(p.path!);
        return p.bytes ? pathToBytes(r) : r;
      } catch (e) {
        raiseOs(e, p.obj);
      }
    },
    chmod: (args, kw) => {
      const [path, mode, dirFd, follow] = parseArgs("chmod", args, kw, ["path", "mode", "dir_fd", "follow_symlinks"], 2, 0, 2);
      dirFdUnsupported("chmod", dirFd);
      const p = pathArg("chmod", "path", path, true);
      const m = ops.indexNum(mode!);
      try {
        if (p.fd !== null) fs.fchmodSync(p.fd, m);
        else if (follow !== undefined && !ops.truthy(follow)) {
          throw notImplementedError("chmod: follow_symlinks unavailable on this platform");
        } else fs.chmodSync(p.path!, m);
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    fchmod: (args) => {
      try {
        fs.fchmodSync(fdArg(args[0]), ops.indexNum(args[1]));
      } catch (e) {
        raiseOs(e);
      }
      return None;
    },
    chown: (args, kw) => {
      const [path, uid, gid, , follow] = parseArgs("chown", args, kw, ["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 0, 3);
      const p = pathArg("chown", "path", path, true);
      try {
        if (p.fd !== null) fs.fchownSync(p.fd, ops.indexNum(uid!), ops.indexNum(gid!));
        else if (follow !== undefined && !ops.truthy(follow)) fs.lchownSync(p.path!, ops.indexNum(uid!), ops.indexNum(gid!));
        else fs.chownSync(p.path!, ops.indexNum(uid!), ops.indexNum(gid!));
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    utime: (args, kw) => {
      const [path, times, ns, dirFd, follow] = parseArgs("utime", args, kw, ["path", "times", "ns", "dir_fd", "follow_symlinks"], 1, 0, 2);
      dirFdUnsupported("utime", dirFd);
      const p = pathArg("utime", "path", path, true);
      let at: bigint;
      let mt: bigint;
      const haveTimes = times !== undefined && times !== None;
      if (haveTimes && ns !== undefined) throw valueError("utime: you may specify either 'times' or 'ns' but not both");
      if (haveTimes) {
        if (!(times instanceof PyTuple) || times.items.length !== 2) throw typeError("utime: 'times' must be either a tuple of two ints or None");
        at = timeArg(times.items[0]);
        mt = timeArg(times.items[1]);
      } else if (ns !== undefined) {
        if (!(ns instanceof PyTuple) || ns.items.length !== 2) throw typeError("utime: 'ns' must be a tuple of two ints");
        at = BigInt(intValue(ops.index(ns.items[0])));
        mt = BigInt(intValue(ops.index(ns.items[1])));
      } else {
        at = mt = BigInt(Date.now()) * 1000000n;
      }
      // Node takes seconds as numbers (sub-microsecond precision is lost, as with utimes(2))
      const a = Number(at) / 1e9;
      const m = Number(mt) / 1e9;
      try {
        if (p.fd !== null) fs.futimesSync(p.fd, a, m);
        else if (follow !== undefined && !ops.truthy(follow)) fs.lutimesSync(p.path!, a, m);
        else fs.utimesSync(p.path!, a, m);
      } catch (e) {
        raiseOs(e, p.obj);
      }
      return None;
    },
    access: (args, kw) => {
      const [path, mode, dirFd, effIds, follow] = parseArgs("access", args, kw, ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 0, 2);
      dirFdUnsupported("access", dirFd);
      if (effIds !== undefined && ops.truthy(effIds)) throw notImplementedError("access: effective_ids unavailable on this platform");
      void follow;
      const p = pathArg("access", "path", path);
      const m = ops.indexNum(mode!);
      const frozen = frozenPath(p.path!);
      if (frozen !== null) return frozen.archive.stat(frozen.rel) !== null && (m & 2) === 0;
      try {
        fs.accessSync(p.path!, m);
        return true;
      } catch {
        return false;
      }
    },
    strerror: (args) => strerror(ops.indexNum(args[0])),
    fspath: (args, kw) => {
      const [path] = parseArgs("fspath", args, kw, ["path"], 1);
      return ops.fspath(path!);
    },
    urandom: (args) => {
      const n = ops.indexNum(args[0]);
      if (n < 0) throw valueError("negative argument not allowed");
      return new PyBytes(new Uint8Array(crypto.randomBytes(n)));
    },
    getpid: () => process.pid,
    getppid: () => process.ppid,
    getuid: () => process.getuid?.() ?? 0,
    geteuid: () => process.geteuid?.() ?? 0,
    getgid: () => process.getgid?.() ?? 0,
    getegid: () => process.getegid?.() ?? 0,
    getgroups: () => new PyList((process.getgroups?.() ?? []).map((g) => g)),
    getpgrp: () => process.pid,
    getlogin: () => {
      try {
        return nodeOs.userInfo().username;
      } catch (e) {
        raiseOs(e);
      }
    },
    umask: (args) => process.umask(ops.indexNum(args[0])),
    uname: () =>
      new PyStructSeq([nodeOs.type(), nodeOs.hostname(), nodeOs.release(), nodeOs.version(), nodeOs.machine()], [], UnameResultType),
    times: () => {
      const u = process.cpuUsage();
      const r = (x: number) => new PyFloat(Math.round(x / 1e4) / 100);
      return new PyStructSeq([r(u.user), r(u.system), new PyFloat(0), new PyFloat(0), new PyFloat((Date.now() - startTime + nodeOs.uptime() * 1000 - process.uptime() * 1000) / 1000)], [], TimesResultType);
    },
    cpu_count: () => nodeOs.cpus().length || None,
    get_terminal_size: (args) => {
      const fd = args.length ? fdArg(args[0]) : 1;
      if (!tty.isatty(fd)) errnoError(25);
      const ws = new tty.WriteStream(fd);
      const [cols, rows] = ws.getWindowSize();
      return new PyStructSeq([cols, rows], [], TerminalSizeType);
    },
    kill: (args) => {
      const pid = ops.indexNum(args[0]);
      const sig = ops.indexNum(args[1]);
      try {
        process.kill(pid, sig === 0 ? 0 : (SIGNALS[sig] ?? sig));
      } catch (e) {
        raiseOs(e);
      }
      return None;
    },
    _exit: (args) => {
      process.exit(ops.indexNum(args[0]));
    },
    abort: () => {
      process.abort();
    },
    system: (args, kw) => {
      const [command] = parseArgs("system", args, kw, ["command"], 1);
      const cmd = isStr(command!) ? strValue(command!) : bytesToPath(bytesArg(command!));
      const r = childProcess.spawnSync("/bin/sh", ["-c", cmd], { stdio: "inherit" });
      if (r.error) raiseOs(r.error);
      if (r.signal) return ((nodeOs.constants.signals as Record<string, number>)[r.signal] ?? 0) & 0x7f;
      return (r.status ?? 0) << 8;
    },
    putenv: (args) => {
      if (args.length !== 2) throw typeError(`putenv expected 2 arguments, got ${args.length}`);
      const k = envStr(args[0], "putenv() argument 1");
      if (k === "" || k.includes("=")) throw valueError("illegal environment variable name");
      process.env[k] = envStr(args[1], "putenv() argument 2");
      return None;
    },
    unsetenv: (args) => {
      const k = envStr(args[0], "unsetenv() argument");
      if (k === "" || k.includes("=")) throw valueError("illegal environment variable name");
      delete process.env[k];
      return None;
    },
    register_at_fork: (args, kw) => {
      // pypack never forks, so the callbacks never run; still validate them as CPython does
      const [before, afterParent, afterChild] = parseArgs("register_at_fork", args, kw, ["before", "after_in_child", "after_in_parent"], 0, 0, 0);
      const given = [before, afterParent, afterChild].filter((x) => x !== undefined);
      if (given.length === 0) throw typeError("At least one argument is required.");
      for (const g of given) if (!ops.isCallable(g!)) throw typeError(`'${"before"}' must be callable, not ${typeOf(g!).name}`);
      return None;
    },
    sched_yield: () => None,
    sync: () => None,
    waitpid: notSupported("waitpid", "processes are not spawned with fork"),
    wait: notSupported("wait", "processes are not spawned with fork"),
    fork: notSupported("fork", "the VM runs on Node.js, which cannot fork"),
    execv: notSupported("execv", "the VM runs on Node.js, which cannot exec in place"),
    execve: notSupported("execve", "the VM runs on Node.js, which cannot exec in place"),
    pipe: notSupported("pipe", "Node.js exposes no pipe(2)"),
    dup: notSupported("dup", "Node.js exposes no dup(2)"),
    dup2: notSupported("dup2", "Node.js exposes no dup2(2)"),
  };
  return { ...f, ...waitStatusFns() };
}

function unlinkImpl(name: string, args: PyObject[], kw: readonly string[] | null): PyObject {
  const [path, dirFd] = parseArgs(name, args, kw, ["path", "dir_fd"], 1, 0, 1);
  dirFdUnsupported(name, dirFd);
  const p = pathArg(name, "path", path);
  try {
    // unlink(2) on a directory fails with EISDIR on Linux; Node's unlinkSync reports EPERM on some systems
    if (fs.lstatSync(p.path!).isDirectory()) errnoError(21, p.obj);
    fs.unlinkSync(p.path!);
  } catch (e) {
    raiseOs(e, p.obj);
  }
  return None;
}
function renameImpl(name: string, args: PyObject[], kw: readonly string[] | null): PyObject {
  const [src, dst] = parseArgs(name, args, kw, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 0, 2);
  const s = pathArg(name, "src", src);
  const d = pathArg(name, "dst", dst);
  try {
    fs.renameSync(s.path!, d.path!);
  } catch (e) {
    raiseOs(e, s.obj, d.obj);
  }
  return None;
}

registerNativeModule("posix", () => {
  const members: Record<string, PyObject | Fn> = {
    ...functions(),
    environ: buildEnviron(),
    error: OSErrorType,
    stat_result: StatResultType,
    times_result: TimesResultType,
    uname_result: UnameResultType,
    terminal_size: TerminalSizeType,
    statvfs_result: StatvfsResultType,
    DirEntry: DirEntryType,
    // no dir_fd / fd-relative variants, so os.supports_dir_fd etc. stay empty (shutil/glob then use path-based code)
    _have_functions: new PyList([]),
  };
  for (const [k, v] of Object.entries(O_FLAGS)) members[k] = v;
  for (const [k, v] of Object.entries(MISC_CONSTANTS)) members[k] = v;
  return makeModule("posix", members, "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.");
});

