// `pypack --target all examples/hello.py`: the executables print hello and refuse a tampered archive (natively without
// python3 on PATH, under qemu and under wine); darwin results pass Mach-O and signature checks; the same inputs give
// byte-identical executables; `inspect` lists the contents; Windows resources (--windowed, --icon).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/packager/bundle-archive";
import { checkSignature, findSection, parseMachO } from "../../src/packager/macho";
import { ASSET_ARCHIVE, findSeaAsset } from "../../src/packager/sea";
import { TARGETS, type Target } from "../../src/packager/targets";
import * as ResEdit from "resedit";
import { QEMU, ROOT, WINE, pypack, runArm64, runNative, runWine, tempDir, type RunResult } from "./helpers";

const EXIT_BAD_BUNDLE = 65;

/** A copy of the executable with one byte of the archive asset flipped. */
function tamper(exe: string): string {
  const bytes = readFileSync(exe);
  const asset = findSeaAsset(bytes, ASSET_ARCHIVE)!;
  asset[asset.length - 30] ^= 0xff; // inside the zip's central directory
  const out = join(tempDir(), exe.endsWith(".exe") ? "bad.exe" : "bad");
  writeFileSync(out, bytes, { mode: 0o755 });
  return out;
}

const runners: Partial<Record<Target, ((exe: string, args: string[]) => RunResult) | null>> = {
  "linux-x64": process.platform === "linux" && process.arch === "x64" ? runNative : null,
  "linux-arm64": QEMU ? runArm64 : null,
  "win-x64": WINE ? runWine : null,
};

/** PATH without any python: the executables must not need one. */
function envWithoutPython(): NodeJS.ProcessEnv {
  const dir = tempDir("pypack-nopython-");
  return { ...process.env, PATH: dir };
}

describe("hello for all five targets (pypack --target all examples/hello.py)", () => {
  const dir = tempDir();
  let outputs: Record<string, string> = {};

  beforeAll(() => {
    const r = pypack(["--onefile", "--target", "all", "--distpath", join(dir, "dist"), "--workpath", join(dir, "build"), join(ROOT, "examples", "hello.py")]);
    expect(r.status, r.stderr).toBe(0);
    outputs = Object.fromEntries(TARGETS.map((t) => [t, join(dir, "dist", t, t === "win-x64" ? "hello.exe" : "hello")]));
  }, 600_000);

  it("puts each target in dist/<target>/", () => {
    for (const t of TARGETS) expect(existsSync(outputs[t]), t).toBe(true);
  });

  for (const t of ["linux-x64", "linux-arm64", "win-x64"] as const) {
    it(`${t}: prints hello, and refuses a tampered archive with a clear message`, (ctx) => {
      const run = runners[t];
      if (!run) return ctx.skip();
      const good = t === "linux-x64" ? runNative(outputs[t], [], envWithoutPython()) : run(outputs[t], []);
      expect(good.stderr).toBe("");
      expect(good.stdout.replace(/\r\n/g, "\n")).toBe("hello\n");
      expect(good.status).toBe(0);
      const bad = run(tamper(outputs[t]), []);
      expect(bad.status).toBe(EXIT_BAD_BUNDLE);
      expect(bad.stderr).toMatch(/archive inside .* has been altered or is damaged \(SHA-256 mismatch\)/);
    });
  }

  for (const t of ["darwin-x64", "darwin-arm64"] as const) {
    it(`${t}: Mach-O with the blob in NODE_SEA and a valid ad-hoc signature`, () => {
      const bytes = readFileSync(outputs[t]);
      const m = parseMachO(bytes);
      expect(m.cputype).toBe(t === "darwin-arm64" ? 0x0100000c : 0x01000007);
      const segs = m.segments.map((s) => s.segname);
      expect(segs).toContain("NODE_SEA");
      expect(segs[segs.length - 1]).toBe("__LINKEDIT");
      const blob = findSection(bytes, "NODE_SEA", "__NODE_SEA_BLOB")!;
      expect(blob.readUInt32LE(0)).toBe(0x0143da20); // Node's SEA blob magic
      expect(findSeaAsset(blob, ASSET_ARCHIVE)).not.toBeNull();
      const sig = checkSignature(bytes);
      expect(sig.identifier).toBe("hello");
      expect(sig.pageSize).toBe(4096);
      expect(sig.pages).toBe(Math.ceil(sig.codeLimit / 4096));
      expect(sig.codeLimit).toBe(m.codeSignature!.dataoff);
      expect(sig.badPages).toEqual([]);
      expect(sig.requirementsHashOk).toBe(true);
      // A changed byte anywhere in the signed range shows up as a bad page.
      bytes[5000] ^= 1;
      expect(checkSignature(bytes).badPages).toEqual([1]);
    });
  }

  it("inspect lists target, Node version, modules, data files and the archive state", () => {
    const r = pypack(["inspect", "--json", outputs["win-x64"]]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.target).toBe("win-x64");
    expect(report.nodeVersion).toBe("22.23.2");
    expect(report.archive.intact).toBe(true);
    expect(report.entry).toBe("hello.py");
    const modules = report.modules.map((m: { module: string }) => m.module);
    expect(modules).toContain("__main__");
    expect(modules).toContain("encodings.utf_8"); // the VM imports codecs by itself
    expect(report.data).toEqual([]);
    const text = pypack(["inspect", outputs["darwin-arm64"]]);
    expect(text.stdout).toContain("for darwin-arm64, Node 22.23.2");
    expect(text.stdout).toContain("all hashes match");
    const bad = pypack(["inspect", tamper(outputs["linux-x64"])]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("ALTERED");
  });

  it("gives byte-identical executables for the same inputs", async () => {
    // Two builds from scratch (fresh workpaths, so nothing is reused), one right after the other.
    const dists = [tempDir(), tempDir()];
    for (const d of dists) {
      const r = pypack(["--target", "linux-x64", "--distpath", d, "--workpath", tempDir(), join(ROOT, "examples", "hello.py")]);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(sha256Hex(readFileSync(join(dists[0], "hello")))).toBe(sha256Hex(readFileSync(join(dists[1], "hello"))));
  }, 400_000);
});

/** A 1x1 32-bit icon: ICONDIR, one ICONDIRENTRY, a BITMAPINFOHEADER (height doubled for the mask), one pixel, the AND mask. */
function tinyIco(): Buffer {
  const ico = Buffer.alloc(6 + 16 + 40 + 4 + 4);
  ico.writeUInt16LE(1, 2); // type: icon
  ico.writeUInt16LE(1, 4); // count
  ico.writeUInt8(1, 6); // width
  ico.writeUInt8(1, 7); // height
  ico.writeUInt16LE(1, 10); // planes
  ico.writeUInt16LE(32, 12); // bits per pixel
  ico.writeUInt32LE(40 + 8, 14); // bytes in resource
  ico.writeUInt32LE(22, 18); // offset
  ico.writeUInt32LE(40, 22); // biSize
  ico.writeInt32LE(1, 26); // biWidth
  ico.writeInt32LE(2, 30); // biHeight (XOR + AND)
  ico.writeUInt16LE(1, 34); // biPlanes
  ico.writeUInt16LE(32, 36); // biBitCount
  ico.writeUInt32LE(0xff3366cc, 62); // the pixel (BGRA)
  return ico;
}

describe("Windows resources", () => {
  it("--windowed sets the GUI subsystem, --icon replaces the icon, version strings name the program", async () => {
    const dir = tempDir();
    const icon = join(dir, "app.ico");
    writeFileSync(icon, tinyIco());
    const r = pypack(["--target", "win-x64", "--windowed", "--icon", icon, "-n", "winapp", "--distpath", join(dir, "dist"), "--workpath", join(dir, "build"), join(ROOT, "examples", "hello.py")]);
    expect(r.status, r.stderr).toBe(0);
    const exe = readFileSync(join(dir, "dist", "winapp.exe"));
    const pe = exe.readUInt32LE(0x3c);
    expect(exe.readUInt16LE(pe + 24 + 68)).toBe(2); // IMAGE_SUBSYSTEM_WINDOWS_GUI
    const res = ResEdit.NtExecutableResource.from(ResEdit.NtExecutable.from(exe, { ignoreCert: true }));
    const groups = ResEdit.Resource.IconGroupEntry.fromEntries(res.entries);
    expect(groups[0].icons).toHaveLength(1);
    expect(groups[0].icons[0].width).toBe(1);
    const vi = ResEdit.Resource.VersionInfo.fromEntries(res.entries)[0];
    const lang = vi.getAllLanguagesForStringValues()[0];
    expect(vi.getStringValues(lang).ProductName).toBe("winapp");
    expect(vi.getStringValues(lang).OriginalFilename).toBe("winapp.exe");
    // The GUI-subsystem executable still writes to redirected stdout/stderr.
    if (WINE) {
      const good = runWine(join(dir, "dist", "winapp.exe"), []);
      expect(good.stdout.replace(/\r\n/g, "\n")).toBe("hello\n");
      expect(good.status).toBe(0);
    }
  }, 300_000);
});
