// posix/fdtable: tracked offsets for real descriptors (Node has no lseek) and virtual descriptors for files served
// from a packaged program's archive below sys._MEIPASS.
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { FrozenArchive, MANIFEST_PATH, ARCHIVE_FORMAT, mountArchive } from "../../../src/runtime/archive";
import { fdOpen, fdRead, fdReadAll, fdWrite, fdSeek, fdClose, fdTell, fdSeekable, virtualInfo, isVirtualFd, FdError } from "../../../src/runtime/modules/posix/fdtable";

const dec = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("fdtable on real files", () => {
  const dir = mkdtempSync(join(tmpdir(), "pypack-fd-"));
  it("reads, writes and seeks with a tracked offset", () => {
    const p = join(dir, "a.bin");
    const fd = fdOpen(p, constants.O_RDWR | constants.O_CREAT, 0o644);
    expect(fdWrite(fd, strToU8("abcdef"))).toBe(6);
    expect(fdTell(fd)).toBe(6);
    expect(fdSeek(fd, 2, 0)).toBe(2);
    expect(dec(fdRead(fd, 3))).toBe("cde");
    expect(fdSeek(fd, -1, 2)).toBe(5);
    expect(dec(fdRead(fd, 10))).toBe("f");
    expect(fdRead(fd, 10).length).toBe(0);
    fdSeek(fd, 1, 0);
    fdWrite(fd, strToU8("XY"));
    fdClose(fd);
    expect(readFileSync(p, "latin1")).toBe("aXYdef");
    expect(() => fdSeek(fd, 0, 0)).toThrow();
  });
  it("appends at the end whatever the offset", () => {
    const p = join(dir, "b.txt");
    writeFileSync(p, "12");
    const fd = fdOpen(p, constants.O_WRONLY | constants.O_APPEND, 0o644);
    fdWrite(fd, strToU8("34"));
    expect(fdTell(fd)).toBe(4);
    fdClose(fd);
    expect(readFileSync(p, "latin1")).toBe("1234");
  });
  it("rejects negative seeks with EINVAL", () => {
    const fd = fdOpen(join(dir, "a.bin"), constants.O_RDONLY, 0);
    expect(() => fdSeek(fd, -1, 0)).toThrow(FdError);
    fdClose(fd);
  });
});

describe("fdtable on archive files", () => {
  const manifest = { format: ARCHIVE_FORMAT, pypackVersion: "0", name: "t", entry: {}, options: {}, modules: {}, missing: [], entries: {} };
  const zip = zipSync({ [MANIFEST_PATH]: strToU8(JSON.stringify(manifest)), "data/hello.txt": strToU8("hello\nworld\n"), "data/sub/x.bin": new Uint8Array([1, 2, 3]) });
  mountArchive("/virtual/bundle", new FrozenArchive(zip));
  it("opens, reads, seeks and stats an archive file through a virtual descriptor", () => {
    const fd = fdOpen("/virtual/bundle/data/hello.txt", constants.O_RDONLY, 0);
    expect(isVirtualFd(fd)).toBe(true);
    expect(virtualInfo(fd)).toEqual({ size: 12, isDir: false });
    expect(dec(fdRead(fd, 5))).toBe("hello");
    expect(fdSeek(fd, -6, 2)).toBe(6);
    expect(dec(fdReadAll(fd))).toBe("world\n");
    expect(fdSeekable(fd)).toBe(true);
    fdClose(fd);
    expect(() => fdClose(fd)).toThrow(FdError);
  });
  it("refuses writes and reports missing files and directories as the kernel would", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as FdError).code;
      }
      return "no error";
    };
    expect(err(() => fdOpen("/virtual/bundle/data/nope.txt", constants.O_RDONLY, 0))).toBe("ENOENT");
    expect(err(() => fdOpen("/virtual/bundle/data/hello.txt", constants.O_WRONLY, 0))).toBe("EROFS");
    const d = fdOpen("/virtual/bundle/data", constants.O_RDONLY, 0);
    expect(virtualInfo(d)).toEqual({ size: 0, isDir: true });
    expect(err(() => fdRead(d, 1))).toBe("EISDIR");
    expect(err(() => fdWrite(d, new Uint8Array(1)))).toBe("EBADF");
    fdClose(d);
  });
});
