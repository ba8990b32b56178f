// File-descriptor layer shared by posix and _io: Node has no lseek/dup, so the file offset of descriptors is tracked
// here (positional reads/writes), and files inside a packaged program's archive get virtual in-memory descriptors.
import * as fs from "node:fs";
import { frozenPath } from "../../archive";

/** Per-descriptor state for descriptors opened or touched by the VM. */
interface FdState {
  /** offset used for the next read/write; null = a stream (pipe, tty, socket): let the kernel decide */
  pos: number | null;
  append: boolean;
  /** in-memory contents for archive files (read-only) */
  mem: Uint8Array | null;
}

/** Virtual descriptors for archive files start here so they never collide with real ones. */
const VIRTUAL_FD_BASE = 1 << 24;
let nextVirtualFd = VIRTUAL_FD_BASE;
const table = new Map<number, FdState>();

export class FdError extends Error {
  constructor(
    public code: string,
    public errnoNum: number,
  ) {
    super(code);
  }
}
const EBADF = () => new FdError("EBADF", 9);

function isSeekableFd(fd: number): boolean {
  try {
    const st = fs.fstatSync(fd);
    return st.isFile() || st.isBlockDevice();
  } catch {
    return false;
  }
}

function state(fd: number): FdState {
  let s = table.get(fd);
  if (s === undefined) {
    if (fd >= VIRTUAL_FD_BASE) throw EBADF();
    // an inherited descriptor (stdin redirected from a file, ...): treat as a stream until seeked, which keeps the
    // kernel offset and the one we track in step for the usual read-everything use.
    s = { pos: null, append: false, mem: null };
    table.set(fd, s);
  }
  return s;
}

export function isVirtualFd(fd: number): boolean {
  return fd >= VIRTUAL_FD_BASE;
}

/** Opens a real or archive file; flags are the host's O_* numbers. */
export function fdOpen(path: string, flags: number, mode: number): number {
  const frozen = frozenPath(path);
  if (frozen !== null) {
    const acc = flags & 3;
    const st = frozen.archive.stat(frozen.rel);
    if (st === null) {
      if (flags & fs.constants.O_CREAT) throw new FdError("EROFS", 30);
      throw new FdError("ENOENT", 2);
    }
    if (acc !== fs.constants.O_RDONLY) throw new FdError(st.isDir ? "EISDIR" : "EROFS", st.isDir ? 21 : 30);
    const fd = nextVirtualFd++;
    table.set(fd, { pos: 0, append: false, mem: st.isDir ? new Uint8Array(0) : (frozen.archive.read(frozen.rel) ?? new Uint8Array(0)) });
    virtualDirs.set(fd, st.isDir);
    return fd;
  }
  const fd = fs.openSync(path, flags, mode);
  table.set(fd, { pos: isSeekableFd(fd) ? 0 : null, append: (flags & fs.constants.O_APPEND) !== 0, mem: null });
  return fd;
}
const virtualDirs = new Map<number, boolean>();

/** For fstat of a virtual descriptor: size and whether it is a directory, or null for a real descriptor. */
export function virtualInfo(fd: number): { size: number; isDir: boolean } | null {
  const s = table.get(fd);
  if (s === undefined || s.mem === null) return null;
  return { size: s.mem.length, isDir: virtualDirs.get(fd) ?? false };
}

export function fdClose(fd: number): void {
  const s = table.get(fd);
  table.delete(fd);
  if (s !== undefined && s.mem !== null) {
    virtualDirs.delete(fd);
    return;
  }
  if (fd >= VIRTUAL_FD_BASE) throw EBADF();
  fs.closeSync(fd);
}

/** Reads up to n bytes (fewer at end of file); an empty result means EOF. EAGAIN on a non-blocking fd is retried. */
export function fdRead(fd: number, n: number): Uint8Array {
  const s = state(fd);
  if (s.mem !== null) {
    if (virtualDirs.get(fd)) throw new FdError("EISDIR", 21);
    const start = Math.min(s.pos ?? 0, s.mem.length);
    const end = Math.min(s.mem.length, start + n);
    s.pos = end;
    return s.mem.slice(start, end);
  }
  const buf = Buffer.allocUnsafe(Math.max(0, Math.min(n, 1 << 30)));
  let got: number;
  for (;;) {
    try {
      got = fs.readSync(fd, buf, 0, buf.length, s.pos);
      break;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") {
        got = 0;
        break;
      }
      throw e;
    }
  }
  if (s.pos !== null) s.pos += got;
  return new Uint8Array(buf.buffer, buf.byteOffset, got).slice();
}

/** Reads until EOF. */
export function fdReadAll(fd: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const c = fdRead(fd, 65536);
    if (c.length === 0) break;
    chunks.push(c);
    total += c.length;
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** Writes some of data (like write(2)); returns the count written. */
export function fdWrite(fd: number, data: Uint8Array): number {
  const s = state(fd);
  if (s.mem !== null) throw EBADF();
  for (;;) {
    try {
      if (s.append) {
        const n = fs.writeSync(fd, data, 0, data.length, null);
        s.pos = fs.fstatSync(fd).size;
        return n;
      }
      const n = fs.writeSync(fd, data, 0, data.length, s.pos);
      if (s.pos !== null) s.pos += n;
      return n;
    } catch (e) {
      if ((e as { code?: string }).code === "EAGAIN") continue;
      throw e;
    }
  }
}

/** Writes all of data. */
export function fdWriteAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += fdWrite(fd, off === 0 ? data : data.subarray(off));
}

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** lseek(2) on the tracked offset; pipes and ttys raise ESPIPE as the kernel would. */
export function fdSeek(fd: number, offset: number, whence: number): number {
  const s = state(fd);
  let size: number;
  if (s.mem !== null) size = s.mem.length;
  else {
    let st: fs.Stats;
    try {
      st = fs.fstatSync(fd);
    } catch {
      throw EBADF();
    }
    if (!(st.isFile() || st.isBlockDevice() || st.isDirectory())) throw new FdError("ESPIPE", 29);
    size = st.size;
  }
  const cur = s.pos ?? 0;
  let np: number;
  if (whence === SEEK_SET) np = offset;
  else if (whence === SEEK_CUR) np = cur + offset;
  else if (whence === SEEK_END) np = size + offset;
  else throw new FdError("EINVAL", 22);
  if (np < 0) throw new FdError("EINVAL", 22);
  s.pos = np;
  return np;
}

/** The current offset (lseek(fd, 0, SEEK_CUR)). */
export function fdTell(fd: number): number {
  return fdSeek(fd, 0, SEEK_CUR);
}

export function fdSeekable(fd: number): boolean {
  const s = table.get(fd);
  if (s !== undefined && s.mem !== null) return true;
  return isSeekableFd(fd);
}

export function fdTruncate(fd: number, length: number): void {
  if (table.get(fd)?.mem) throw new FdError("EINVAL", 22);
  fs.ftruncateSync(fd, length);
}

/** Whether fd is a known (open) descriptor. */
export function fdValid(fd: number): boolean {
  if (table.has(fd)) return true;
  if (fd >= VIRTUAL_FD_BASE) return false;
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}
