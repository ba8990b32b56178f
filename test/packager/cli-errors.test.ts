// Bad input to `pypack build`: each gives one line of error (a syntax error: CPython's own text), a non-zero exit
// (2 for usage errors) and leaves nothing in dist/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pypack, tempDir, writeTree } from "./helpers";

function project(files: Record<string, string> = {}): string {
  const dir = tempDir();
  writeTree(dir, { "app.py": 'print("hi")\n', ...files });
  return dir;
}

function expectNothingInDist(dir: string): void {
  const dist = join(dir, "dist");
  expect(existsSync(dist) ? readdirSync(dist) : []).toEqual([]);
}

function oneLineError(stderr: string): string {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe("pypack build: bad input", () => {
  it("a missing script", () => {
    const dir = project();
    const r = pypack(["missing.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(oneLineError(r.stderr)).toMatch(/^pypack build: error: script '.*missing\.py' does not exist$/);
    expectNothingInDist(dir);
  });

  it("a script with a syntax error: CPython's message with file, line and caret, exit 1", () => {
    const dir = project({ "bad.py": "x = 1\nprint((x)\n" });
    const r = pypack(["bad.py"], { cwd: dir });
    expect(r.status).toBe(1);
    const py = spawnSync("python3", [join(dir, "bad.py")], { encoding: "utf8" });
    expect(r.stderr).toBe(py.stderr);
    expect(r.stderr).toContain(`File "${join(dir, "bad.py")}", line 2`);
    expectNothingInDist(dir);
  });

  it("a syntax error in an imported module names that module's file", () => {
    const dir = project({ "main.py": "import helper\n", "helper.py": "def f(:\n    pass\n" });
    const r = pypack(["main.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`File "${join(dir, "helper.py")}", line 1`);
    expect(r.stderr).toMatch(/SyntaxError: invalid syntax\n$/);
    expectNothingInDist(dir);
  });

  it("an unknown target (usage error, exit 2)", () => {
    const dir = project();
    const r = pypack(["--target", "linux-mips", "app.py"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(oneLineError(r.stderr)).toContain("unknown target 'linux-mips'");
    expectNothingInDist(dir);
  });

  it("an unreadable --add-data source", () => {
    const dir = project();
    const r = pypack(["--add-data", "nope.txt:data", "app.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(oneLineError(r.stderr)).toContain("--add-data source");
    expectNothingInDist(dir);
  });

  it("unknown options and bad values (exit 2)", () => {
    const dir = project();
    for (const args of [["--frobnicate", "app.py"], ["-O", "7", "app.py"], ["--log-level", "LOUD", "app.py"], ["--add-data", "x", "app.py"]]) {
      const r = pypack(args, { cwd: dir });
      expect(r.status, args.join(" ")).toBe(2);
      oneLineError(r.stderr);
    }
    expectNothingInDist(dir);
  });

  it("a failed download", () => {
    const dir = project();
    const env = { ...process.env, npm_config_registry: "http://127.0.0.1:9/", PYPACK_CACHE_DIR: join(dir, "cache") };
    const r = pypack(["--target", "linux-arm64", "app.py"], { cwd: dir, env });
    expect(r.status).toBe(1);
    expect(oneLineError(r.stderr)).toMatch(/^pypack build: error: cannot get the Node 22\.23\.2 stub for linux-arm64: .*ECONNREFUSED/);
    expectNothingInDist(dir);
  });
});
