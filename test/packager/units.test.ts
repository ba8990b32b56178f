// Packager pieces that need no Node stub: targets, options and pyproject.toml, tar reading, the import finder,
// the module graph and its warn file, and the deterministic archive with its in-memory reader.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/compiler/parser";
import type { Module } from "../../src/compiler/ast";
import { FrozenArchive } from "../../src/runtime/archive";
import { writeArchive } from "../../src/packager/bundle-archive";
import { UsageError } from "../../src/packager/errors";
import { buildGraph, openStdlibZip, type Root } from "../../src/packager/graph";
import { findImports } from "../../src/packager/imports";
import { parseAddData, resolveSettings } from "../../src/packager/options";
import { stdlibZipPath } from "../../src/packager/build";
import { addDataFiles, metadataFiles, packageDataFiles } from "../../src/packager/datafiles";
import { extractTarFile } from "../../src/packager/tar";
import { parseTargets, TARGETS } from "../../src/packager/targets";
import { formatWarnFile } from "../../src/packager/warnfile";
import { tempDir, writeTree } from "./helpers";

function imports(src: string) {
  return findImports(parse(src, "m.py", "exec") as Module).map((r) => ({ m: r.module, l: r.level, n: r.names, k: [...r.kinds].sort().join(",") }));
}

describe("targets", () => {
  it("parses lists, host and all, in a fixed order", () => {
    expect(parseTargets(["win-x64,linux-x64"])).toEqual(["linux-x64", "win-x64"]);
    expect(parseTargets(["all"])).toEqual([...TARGETS]);
    expect(parseTargets(["host"])).toEqual([`${process.platform === "win32" ? "win" : process.platform}-${process.arch}`]);
  });
  it("rejects unknown targets as usage errors", () => {
    expect(() => parseTargets(["linux-mips"])).toThrow(UsageError);
    expect(() => parseTargets(["linux-mips"])).toThrow(/unknown target 'linux-mips'/);
  });
});

describe("options", () => {
  it("splits --add-data at ':' or ';' but not at a drive letter", () => {
    expect(parseAddData("a/b.txt:data", "/base")).toEqual({ src: "/base/a/b.txt", dest: "data" });
    expect(parseAddData("a/b.txt;data/x", "/base")).toEqual({ src: "/base/a/b.txt", dest: "data/x" });
    expect(parseAddData("x:.", "/base")).toEqual({ src: "/base/x", dest: "." });
    expect(() => parseAddData("nodest", "/base")).toThrow(UsageError);
    expect(() => parseAddData("x:../up", "/base")).toThrow(/inside the bundle/);
  });
  it("merges [tool.pypack] from pyproject.toml with the command line", () => {
    const dir = tempDir();
    writeTree(dir, {
      "app/main.py": "print(1)\n",
      "app/d.txt": "d",
      "pyproject.toml": '[tool.pypack]\nname = "fromtoml"\nhidden-import = ["json"]\nadd-data = ["app/d.txt:res"]\noptimize = 2\ntarget = "linux-x64"\n',
    });
    const s = resolveSettings("app/main.py", { hiddenImport: ["re"], target: ["win-x64"] }, dir);
    expect(s.name).toBe("fromtoml");
    expect(s.hiddenImports).toEqual(["json", "re"]);
    expect(s.addData).toEqual([{ src: join(dir, "app/d.txt"), dest: "res" }]);
    expect(s.optimize).toBe(2);
    expect(s.targets).toEqual(["linux-x64", "win-x64"]);
    expect(s.distpath).toBe(join(dir, "dist"));
    expect(resolveSettings("app/main.py", { name: "cli" }, dir).name).toBe("cli");
  });
  it("reports bad pyproject values and unknown keys", () => {
    const dir = tempDir();
    writeTree(dir, { "m.py": "", "pyproject.toml": "[tool.pypack]\nonefile = 3\n" });
    expect(() => resolveSettings("m.py", {}, dir)).toThrow(/onefile must be a boolean/);
    writeFileSync(join(dir, "pyproject.toml"), "[tool.pypack]\nbogus = 1\n");
    expect(() => resolveSettings("m.py", {}, dir)).toThrow(/unknown key 'bogus'/);
  });
  it("rejects bad values before building", () => {
    const dir = tempDir();
    writeTree(dir, { "m.py": "" });
    expect(() => resolveSettings("m.py", { logLevel: "LOUD" }, dir)).toThrow(UsageError);
    expect(() => resolveSettings("m.py", { hiddenImport: ["not a module"] }, dir)).toThrow(UsageError);
    expect(() => resolveSettings("m.py", { addData: ["missing.txt:."] }, dir)).toThrow(/does not exist/);
    expect(() => resolveSettings("nope.py", {}, dir)).toThrow(/does not exist/);
  });
});

describe("tar reader", () => {
  it("finds a file in a tarball made by tar(1), long names included", () => {
    const dir = tempDir();
    const long = "package/" + "d".repeat(120) + "/bin/node";
    writeTree(dir, { [long]: "BINARY", "package/other": "x" });
    spawnSync("tar", ["-cf", "t.tar", "package"], { cwd: dir });
    const tar = readFileSync(join(dir, "t.tar"));
    expect(Buffer.from(extractTarFile(tar, long)!).toString()).toBe("BINARY");
    expect(extractTarFile(tar, "package/none")).toBeNull();
  });
});

describe("import finder", () => {
  it("tags imports as PyInstaller does", () => {
    const src = [
      "import a.b, c",
      "from . import x",
      "from ..p import y, z",
      "try:\n    import d\nexcept ImportError:\n    d = None",
      "if X:\n    import e",
      "def f():\n    import g\n    __import__('h')",
      "import importlib\nimportlib.import_module('i.j')\nimportlib.import_module('.k', 'pkg.sub')",
    ].join("\n");
    expect(imports(src)).toEqual([
      { m: "a.b", l: 0, n: [], k: "top-level" },
      { m: "c", l: 0, n: [], k: "top-level" },
      { m: "", l: 1, n: ["x"], k: "top-level" },
      { m: "p", l: 2, n: ["y", "z"], k: "top-level" },
      { m: "d", l: 0, n: [], k: "optional" },
      { m: "e", l: 0, n: [], k: "conditional" },
      { m: "g", l: 0, n: [], k: "delayed" },
      { m: "h", l: 0, n: [], k: "delayed" },
      { m: "importlib", l: 0, n: [], k: "top-level" },
      { m: "i.j", l: 0, n: [], k: "top-level" },
      { m: "pkg.sub.k", l: 0, n: [], k: "top-level" },
    ]);
  });
});

describe("module graph", () => {
  const stdlib: Root = { kind: "zip", origin: "stdlib", path: stdlibZipPath(), zip: openStdlibZip(stdlibZipPath()) };
  const scan = (m: { source: Uint8Array; relPath: string }) => findImports(parse(Buffer.from(m.source).toString("utf8"), m.relPath, "exec") as Module);

  it("resolves local packages, relative imports and the stdlib, and lists what is missing", () => {
    const dir = tempDir();
    writeTree(dir, {
      "main.py": "import pkg.util\nfrom pkg import helpers\nimport json\ntry:\n    import not_there\nexcept ImportError:\n    pass\nimport numpyish\n",
      "pkg/__init__.py": "from .core import thing\n",
      "pkg/core.py": "from . import util\nthing = 1\n",
      "pkg/util.py": "import os.path\n",
      "pkg/helpers.py": "from ..outside import x\n",
      "numpyish.cpython-312-x86_64-linux-gnu.so": "ELF",
    });
    const g = buildGraph({ script: join(dir, "main.py"), roots: [{ kind: "dir", origin: "user", path: dir }, stdlib], hiddenImports: [], collectSubmodules: [], excludes: ["unittest"], scan });
    for (const m of ["pkg", "pkg.core", "pkg.util", "pkg.helpers", "json", "json.decoder", "os", "posixpath"]) expect(g.modules.has(m), m).toBe(true);
    expect(g.modules.get("pkg")!.package).toBe(true);
    expect(g.modules.get("pkg.core")!.relPath).toBe("pkg/core.py");
    expect(g.modules.get("json")!.root.origin).toBe("stdlib");
    expect([...g.missing.get("not_there")!.get("__main__")!]).toEqual(["optional"]);
    expect(g.cExtensions.has("numpyish")).toBe(true);
    expect(g.builtins.has("_json")).toBe(true);
    const warn = formatWarnFile(g);
    expect(warn).toContain("missing module named not_there - imported by __main__ (optional)");
    expect(warn).toMatch(/missing module named numpyish - C extension .* - imported by __main__ \(top-level\)/);
  });

  it("honours --hidden-import, --collect-submodules and --exclude-module", () => {
    const dir = tempDir();
    writeTree(dir, { "main.py": "import email\n", "plug/__init__.py": "", "plug/a.py": "", "plug/sub/__init__.py": "", "plug/sub/b.py": "" });
    const g = buildGraph({ script: join(dir, "main.py"), roots: [{ kind: "dir", origin: "user", path: dir }, stdlib], hiddenImports: ["csv"], collectSubmodules: ["plug"], excludes: ["email"], scan });
    expect(g.modules.has("csv")).toBe(true);
    for (const m of ["plug", "plug.a", "plug.sub", "plug.sub.b"]) expect(g.modules.has(m), m).toBe(true);
    expect(g.modules.has("email")).toBe(false);
    expect(formatWarnFile(g)).toContain("excluded module named email - imported by __main__ (top-level)");
  });
});

describe("archive", () => {
  const manifest = {
    pypackVersion: "0",
    name: "t",
    entry: { code: "__main__.pyc", source: null, filename: "t.py", package: false },
    options: { optimize: 0 as const, includeSource: false, windowed: false },
    modules: {},
    missing: [],
  };
  it("is byte-identical for the same inputs in any order", async () => {
    const files = [
      { path: "b/x.txt", data: Buffer.from("x") },
      { path: "a.pyc", data: Buffer.alloc(5000, 1) },
    ];
    const one = await writeArchive(files, manifest);
    const two = await writeArchive([...files].reverse(), manifest);
    expect(one.bytes.equals(two.bytes)).toBe(true);
    expect(one.manifest.entries["b/x.txt"].sha256).toBe("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
  });
  it("is read in memory: files, directories, stat and paths below the bundle directory", async () => {
    const { bytes } = await writeArchive([{ path: "data/in/f.txt", data: Buffer.from("hello") }, { path: "m.pyc", data: Buffer.alloc(3000, 2) }], manifest);
    const a = new FrozenArchive(bytes);
    expect(Buffer.from(a.read("data/in/f.txt")!).toString()).toBe("hello");
    expect(a.read("m.pyc")!.length).toBe(3000);
    expect(a.read("nope")).toBeNull();
    expect(a.list("")).toEqual(["__pypack__", "data", "m.pyc"]);
    expect(a.list("data")).toEqual(["in"]);
    expect(a.stat("data/in")).toEqual({ isDir: true, size: 0 });
    expect(a.stat("data/in/f.txt")).toEqual({ isDir: false, size: 5 });
    expect(a.manifest.entry.filename).toBe("t.py");
    expect(FrozenArchive.relativeTo("/x/_internal", "/x/_internal/data/../data/in/f.txt", false)).toBe("data/in/f.txt");
    expect(FrozenArchive.relativeTo("C:\\x\\_internal", "c:/X/_internal\\data", true)).toBe("data");
    expect(FrozenArchive.relativeTo("/x/_internal", "/y/data", false)).toBeNull();
  });
  it("rejects paths that leave the bundle", async () => {
    await expect(writeArchive([{ path: "../evil", data: Buffer.from("") }], manifest)).rejects.toThrow(/invalid archive path/);
  });
});

describe("data files", () => {
  it("--add-data: a file lands in DEST, a directory's contents below DEST", () => {
    const dir = tempDir();
    writeTree(dir, { "one.txt": "1", "tree/a.txt": "a", "tree/sub/b.bin": "b", "tree/__pycache__/x.pyc": "skip" });
    const files = addDataFiles([
      { src: join(dir, "one.txt"), dest: "." },
      { src: join(dir, "tree"), dest: "res/t" },
    ]);
    expect(files.map((f) => [f.path, Buffer.from(f.data).toString()])).toEqual([
      ["one.txt", "1"],
      ["res/t/a.txt", "a"],
      ["res/t/sub/b.bin", "b"],
    ]);
  });
  it("--collect-data: a package's non-Python files; --copy-metadata: its dist-info", () => {
    const dir = tempDir();
    writeTree(dir, {
      "mypkg/__init__.py": "",
      "mypkg/core.py": "",
      "mypkg/templates/page.html": "<p>",
      "mypkg/VERSION": "1.0",
      "My_Pkg-1.0.dist-info/METADATA": "Name: My-Pkg",
      "My_Pkg-1.0.dist-info/RECORD": "",
    });
    const root: Root = { kind: "dir", origin: "site", path: dir };
    expect(packageDataFiles("mypkg", root).map((f) => f.path)).toEqual(["mypkg/VERSION", "mypkg/templates/page.html"]);
    expect(metadataFiles("my-pkg", [root]).map((f) => f.path)).toEqual(["My_Pkg-1.0.dist-info/METADATA", "My_Pkg-1.0.dist-info/RECORD"]);
    expect(() => metadataFiles("absent", [root])).toThrow(/no installed distribution named 'absent'/);
  });
});
