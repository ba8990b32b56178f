// `pypack build` for the host target through the CLI: module graph, warn file, data files, compile cache (one changed
// file recompiles one module), byte-identical rebuilds, --onedir reuse, --include-source/-O, the offline fallback.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pypack, runNative, tempDir, writeTree } from "./helpers";

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

/** A small project (no stdlib imports, so builds stay quick): a package, a relative import, a data directory. */
function copyApp(): string {
  const dir = tempDir();
  writeTree(dir, {
    "app/main.py": "import sys\nfrom greet import greeting\nfrom greet.shout import shout\nprint(shout(greeting(sys.argv[1])))\n",
    "app/greet/__init__.py": "from .words import GREETING\n\ndef greeting(name):\n    return GREETING + ', ' + name\n",
    "app/greet/words.py": 'GREETING = "Hello"\n',
    "app/greet/shout.py": "from . import words\n\ndef shout(s):\n    return s.upper() + '!'\n",
    "app/data/message.txt": "packed with pypack\n",
  });
  return dir;
}

function inspect(exe: string) {
  const r = pypack(["inspect", "--json", exe]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    target: string;
    nodeVersion: string;
    mode: string;
    options: { optimize: number; includeSource: boolean };
    modules: Array<{ module: string; path: string }>;
    data: Array<{ path: string; size: number }>;
  };
}

describe("pypack build (host)", () => {
  let dir = "";
  let first: ReturnType<typeof pypack>;
  const args = ["--add-data", "app/data:data", "--log-level", "DEBUG", "app/main.py"];

  beforeAll(() => {
    dir = copyApp();
    first = pypack(args, { cwd: dir });
  }, 300_000);

  it("makes dist/NAME from the script's name and lists the bundle in inspect", () => {
    expect(first.status, first.stderr).toBe(0);
    const exe = join(dir, "dist", "main");
    expect(existsSync(exe)).toBe(true);
    const report = inspect(exe);
    expect(report.mode).toBe("onefile");
    expect(report.nodeVersion).toBe("22.23.2");
    const names = report.modules.map((m) => m.module);
    // Besides the program: the stdlib `encodings` package, which the VM imports on its own.
    for (const m of ["__main__", "greet", "greet.shout", "greet.words", "codecs"]) expect(names).toContain(m);
    expect(names).toContain("encodings.utf_8");
    expect(report.modules.find((m) => m.module === "greet")!.path).toBe("greet/__init__.pyc");
    expect(report.data).toEqual([expect.objectContaining({ path: "data/message.txt", size: 19 })]);
    expect(runNative(exe, ["Ann"])).toEqual({ status: 0, stdout: "HELLO, ANN!\n", stderr: "" });
  });

  it("writes build/NAME/warn-NAME.txt in PyInstaller's format", () => {
    const warn = readFileSync(join(dir, "build", "main", "warn-main.txt"), "utf8");
    expect(warn).toContain("This file lists modules pypack was not able to find.");
    const entries = warn.slice(warn.indexOf("Thanks!") + "Thanks!".length).trim().split("\n").filter(Boolean);
    for (const line of entries) expect(line).toMatch(/^(missing|excluded) module named \S+ - .*imported by .+ \((top-level|conditional|delayed|optional)(, [a-z-]+)*\)$/);
  });

  it("rebuilds byte-identically, and recompiles only the changed module", () => {
    const before = sha(join(dir, "dist", "main"));
    const again = pypack(args, { cwd: dir });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/\((0) compiled, \d+ from cache\)/);
    expect(sha(join(dir, "dist", "main"))).toBe(before);
    writeFileSync(join(dir, "app", "greet", "words.py"), 'GREETING = "Howdy"\n');
    const changed = pypack(args, { cwd: dir });
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/\(1 compiled, \d+ from cache\)/);
    expect(sha(join(dir, "dist", "main"))).not.toBe(before);
  }, 400_000);

  it("--onedir puts the archive beside the executable and reuses the executable when only Python changed", () => {
    const od = pypack(["-D", ...args], { cwd: dir });
    expect(od.status, od.stderr).toBe(0);
    expect(existsSync(join(dir, "dist", "main", "main"))).toBe(true);
    expect(existsSync(join(dir, "dist", "main", "_internal", "pypack-archive.zip"))).toBe(true);
    expect(inspect(join(dir, "dist", "main", "main")).mode).toBe("onedir");
    writeFileSync(join(dir, "app", "greet", "words.py"), 'GREETING = "Hi"\n');
    const again = pypack(["-D", ...args], { cwd: dir });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain("executable unchanged, reused");
  }, 400_000);

  it("--include-source bundles sources, -O is recorded", () => {
    const r = pypack(["--include-source", "-O", "2", "-n", "withsrc", ...args], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const report = inspect(join(dir, "dist", "withsrc"));
    expect(report.options).toMatchObject({ optimize: 2, includeSource: true });
    expect(report.data.map((d) => d.path)).toContain("greet/words.py");
  }, 400_000);
});

describe("offline fallback", () => {
  it("without network and cache, the host target uses the running node, with a warning", () => {
    const dir = copyApp();
    const env = { ...process.env, npm_config_registry: "http://127.0.0.1:9/", PYPACK_CACHE_DIR: join(dir, "empty-cache") };
    const r = pypack(["app/main.py", "--add-data", "app/data:data"], { cwd: dir, env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/WARN: cannot download the Node 22\.23\.2 stub for \S+ .*; using the running node \d+\.\d+\.\d+/);
    expect(inspect(join(dir, "dist", "main")).nodeVersion).toBe(process.version.slice(1));
  }, 400_000);
});
