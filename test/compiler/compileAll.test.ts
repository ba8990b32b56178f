// `pypack compile` (like python -m compileall) and `pypack dis` through the built CLI, compared with python3's compileall output.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPyc } from "../../src/compiler/marshal";

const CLI = join(__dirname, "../../out/cli.js");

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "pypack-compileall-"));
  mkdirSync(join(dir, "proj/pkg/sub"), { recursive: true });
  writeFileSync(join(dir, "proj/a.py"), "print(1)\n");
  writeFileSync(join(dir, "proj/pkg/__init__.py"), "");
  writeFileSync(join(dir, "proj/pkg/bad.py"), "def f(:\n    pass\n");
  writeFileSync(join(dir, "proj/pkg/scope.py"), "def f():\n    x = 1\n    global x\n");
  writeFileSync(join(dir, "proj/pkg/sub/c.py"), "x = 1\n");
  writeFileSync(join(dir, "proj/notes.txt"), "not python\n");
  return dir;
}

describe("pypack compile", () => {
  let dir: string;
  beforeEach(() => {
    dir = project();
  });

  it("prints what python -m compileall prints and exits 1 on syntax errors", () => {
    const ours = run(dir, "compile", "proj");
    const theirs = spawnSync("python3", ["-m", "compileall", "proj"], { cwd: mkdtempCopy(dir), encoding: "utf8" });
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.status).toBe(1);
    expect(theirs.status).toBe(1);
  });

  it("writes __pycache__/NAME.pypack-312.pyc that loads, and skips up-to-date files", () => {
    run(dir, "compile", "-q", "proj");
    const cfile = join(dir, "proj/__pycache__/a.pypack-312.pyc");
    expect(existsSync(cfile)).toBe(true);
    const code = loadPyc(new Uint8Array(readFileSync(cfile)));
    expect(code.co_names).toEqual(["print"]);
    const again = run(dir, "compile", "proj/a.py");
    expect(again.stdout).toBe("");
    expect(again.status).toBe(0);
    // A changed source (size and mtime) is recompiled; -f forces.
    writeFileSync(join(dir, "proj/a.py"), "print(22)\n");
    const t = statSync(join(dir, "proj/a.py")).mtime;
    utimesSync(join(dir, "proj/a.py"), t, new Date(t.getTime() + 5000));
    expect(run(dir, "compile", "proj/a.py").stdout).toBe("Compiling 'proj/a.py'...\n");
    expect(run(dir, "compile", "-f", "proj/a.py").stdout).toBe("Compiling 'proj/a.py'...\n");
  });

  it("-l does not recurse, -qq is silent, -o 2 writes .opt-2 files", () => {
    expect(run(dir, "compile", "-l", "proj").stdout).toBe("Listing 'proj'...\nCompiling 'proj/a.py'...\n");
    const qq = run(dir, "compile", "-qq", "proj");
    expect(qq.stdout).toBe("");
    expect(qq.status).toBe(1);
    run(dir, "compile", "-o", "2", "proj/a.py");
    expect(existsSync(join(dir, "proj/__pycache__/a.pypack-312.opt-2.pyc"))).toBe(true);
  });

  it("reports scoping errors with CPython's message", () => {
    const r = run(dir, "compile", "proj/pkg/scope.py");
    expect(r.stdout).toContain("SyntaxError: name 'x' is assigned to before global declaration");
    expect(r.status).toBe(1);
  });
});

describe("pypack dis", () => {
  it("disassembles a file with line numbers, offsets, names and nested code objects", () => {
    const d = mkdtempSync(join(tmpdir(), "pypack-dis-"));
    writeFileSync(join(d, "m.py"), "def f(a):\n    return a + 1\nprint(f(2))\n");
    const r = run(d, "dis", "m.py");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  1           0 LOAD_CONST               0 (<code object f at ");
    expect(r.stdout).toContain("\n\n  3           6 PUSH_NULL\n");
    expect(r.stdout).toMatch(/Disassembly of <code object f at 0x[0-9a-f]+, file "m.py", line 1>:/);
    expect(r.stdout).toContain("  2           0 LOAD_FAST                0 (a)");
    expect(r.stdout).toContain("BINARY_OP                0 (+)");
  });

  it("prints syntax errors like CPython and exits 1", () => {
    const d = mkdtempSync(join(tmpdir(), "pypack-dis-"));
    writeFileSync(join(d, "bad.py"), "return 1\n");
    const r = run(d, "dis", "bad.py");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('  File "bad.py", line 1\n    return 1\n    ^^^^^^^^\nSyntaxError: \'return\' outside function\n');
  });
});

/** A copy of the project for python3 (so its __pycache__ does not mix with ours). */
function mkdtempCopy(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), "pypack-compileall-py-"));
  spawnSync("cp", ["-r", join(dir, "proj"), copy]);
  return copy;
}
